"""Errors of statistics imports; each message says what went wrong and where."""


class ImportFormatError(Exception):
    """The file is not what the importer expects; the message says what and where."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class FetchError(Exception):
    """The source could not be reached or answered with an error."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message
