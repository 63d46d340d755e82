"""The hostile-input corpus: tests/data/security/xss_payloads.txt (scripts in every form),
input_payloads.txt (template injection, invisible and right-to-left characters, formula cells,
a null character) and a 10,000-character text."""

import re
from pathlib import Path

DATA = Path(__file__).parents[1] / "data" / "security"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
LONG = ("Pitkä teksti <b>lihavoitu</b> " * 400)[:10_000]
_ESCAPE = re.compile(r"\\(x[0-9a-f]{2}|u[0-9a-f]{4}|t|r|n)")
_CHARACTERS = {"t": "\t", "r": "\r", "n": "\n"}


def _lines(name: str) -> list[str]:
    text = (DATA / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("# ")]


def _unescape(line: str) -> str:
    return _ESCAPE.sub(lambda m: _CHARACTERS.get(m[1]) or chr(int(m[1][1:], 16)), line)


XSS = _lines("xss_payloads.txt")
OTHER = [_unescape(line) for line in _lines("input_payloads.txt")]
PAYLOADS = [*XSS, *OTHER, LONG]
# What may be stored as a title (at most 300 characters, no null character).
STORABLE = [p for p in PAYLOADS if len(p) <= 300 and "\x00" not in p]


def runs_as_formula(cell: str) -> bool:
    """A cell a spreadsheet program would evaluate: starts with = + - @ tab or CR, and is not
    a plain number."""
    return cell.startswith(FORMULA_START) and not re.fullmatch(r"-?\d+(?:[.,]\d+)?", cell)
