"""The one error a model provider raises: the CLI turns it into one line and exit code 1.

Not a `BadInput`: the person's input was fine; a remote service refused, failed
or did not answer. The message names the provider and what to do, never a key.
"""


class ProviderError(RuntimeError):
    """A model provider failed (auth, exhausted retries, timeout, refused content); one-line message."""

    def __init__(self, message: str):
        super().__init__(" ".join(str(message).split()))  # one line, whatever the service sent
