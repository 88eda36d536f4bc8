"""The errors a step reports to the user (as a message, never a traceback)."""


class StepError(Exception):
    """A step could not run; the message names the file or setting and the reason."""


class Canceled(StepError):
    """The user stopped the step; whatever it was writing has been rolled back."""
