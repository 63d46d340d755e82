"""Errors of the documents app: why an uploaded plan file was not imported."""

from dataclasses import dataclass

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an imported file: where (row/column or element) and what."""

    message: str
    row: int | None = None
    column: str = ""

    def __str__(self) -> str:
        where = []
        if self.row is not None:
            where.append(_("row %(row)s") % {"row": self.row})
        if self.column:
            where.append(_("column %(column)s") % {"column": self.column})
        return f"{', '.join(where)}: {self.message}" if where else self.message


class ImportRejected(Exception):
    """The file was not imported; `problems` says why, all of them at once."""

    def __init__(self, problems: list[Problem], notes: list[str] | None = None):
        super().__init__("; ".join(str(p) for p in problems))
        self.problems = problems
        self.notes = notes or []
