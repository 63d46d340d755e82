"""Errors of the THL Sotkanet integration."""

from ...errors import FetchError, ImportFormatError


class SotkanetFormatError(ImportFormatError):
    """The Sotkanet data rows or regions list are malformed."""


class SotkanetFetchError(FetchError):
    """The Sotkanet REST API could not be reached or answered with an error."""
