"""The one error type for bad input: the CLI turns it into one line and exit code 2."""


class BadInput(ValueError):
    """Input a person gave that filmcrew cannot use; the message says why in one line."""
