"""Errors of geography's services."""

from kotoplan.core.errors import DomainError


class ReferenceDataError(DomainError):
    """A reference file is missing, unreadable or has a bad row; the message names the place."""
