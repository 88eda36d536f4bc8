"""The atlas's errors: a page set that cannot be made, said in one line naming the store, template or page."""

from ..errors import StepError


class AtlasError(StepError):
    pass


class TemplateError(AtlasError):
    """An author's .qpt that is not a layout we can safely load."""
