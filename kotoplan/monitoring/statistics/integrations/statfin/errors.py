"""Errors of the Statistics Finland (PxWeb, JSON-stat 2.0) integration."""

from ...errors import FetchError, ImportFormatError


class StatFinFormatError(ImportFormatError):
    """The JSON-stat answer is malformed or not shaped as the importer expects."""


class StatFinFetchError(FetchError):
    """The PxWeb API could not be reached or refused the query."""
