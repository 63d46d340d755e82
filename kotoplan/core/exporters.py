"""Writing cells for spreadsheet programs: text typed by people must never run as a formula."""

import re

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
