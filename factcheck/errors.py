"""Errors a user can cause. The CLI turns them into a message and exit code 2, never a traceback."""


class FactcheckError(Exception):
    """Base of the errors that are the user's to fix (bad input, bad configuration)."""


class ConfigError(FactcheckError):
    """The catalog or a reference dataset is invalid; the message names the file and line."""


class InputError(FactcheckError):
    """An input path is missing or unreadable; the message names it."""
