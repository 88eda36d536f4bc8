"""Widgets: they collect input and show results; the work is done by the steps (`steps/`)."""
