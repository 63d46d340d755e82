"""Domain errors raised by services; views turn them into messages on the page."""

from django.core.exceptions import ValidationError  # noqa: F401  (re-exported for services)


class DomainError(Exception):
    """A rule of the domain refused the operation; `message` is shown to the user."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class EditConflict(DomainError):
    """Someone saved the same object after this user loaded it."""

    def __init__(self, message: str, current: object):
        super().__init__(message)
        self.current = current


class FrozenError(DomainError):
    """The object belongs to a plan that can no longer be edited."""
