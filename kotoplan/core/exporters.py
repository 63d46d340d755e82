"""Writing cells for spreadsheet programs: text typed by people must never run as a formula.
And the registry of stored exports: each app registers, from its `panels.py`, the files the
background worker makes for it (`register_export`)."""

import re
from collections.abc import Callable
from dataclasses import dataclass

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
NUMBER = re.compile(r"-?\d+(?:[.,]\d+)?")


def spreadsheet_safe(cell: str) -> str:
    """A text cell that Excel or LibreOffice shows as typed (CSV/formula injection, CWE-1236).

    A cell starting with =, +, -, @, a tab or a carriage return gets a leading apostrophe, which
    spreadsheet programs read as "this is text"; plain numbers such as -5 or -0,5 stay numbers.
    """
    if cell.startswith(FORMULA_START) and not NUMBER.fullmatch(cell):
        return f"'{cell}"
    return cell


def spreadsheet_row(cells) -> list[str]:
    return [spreadsheet_safe(cell) if isinstance(cell, str) else cell for cell in cells]


# --- the registry of stored exports -----------------------------------------------------------


@dataclass(frozen=True)
class ExportFile:
    content: bytes
    content_type: str
    file_name: str


# kind -> (subject type, make(subject_id=, language=) -> ExportFile); run by the worker in the
# export's language.
ExportMaker = Callable[..., ExportFile]
_makers: dict[str, tuple[str, ExportMaker]] = {}


def register_export(kind: str, *, subject_type: str, make: ExportMaker) -> None:
    _makers[kind] = (subject_type, make)


def export_maker(kind: str) -> tuple[str, ExportMaker]:
    return _makers[kind]
