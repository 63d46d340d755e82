"""Read an uploaded spreadsheet (XLSX or CSV) into rows of cells, within set limits.

Every limit is checked before the work it bounds: the upload size before anything is read (in
the form), the zip directory of an XLSX before openpyxl opens it (total unpacked size,
compression ratio, number of parts), then at most `max_rows` rows and `max_columns` columns are
read, whatever dimension the sheet declares. CSV files are decoded by their byte order mark,
else as UTF-8, else as Windows-1252 (Finnish Excel's "CSV (semicolon separated)") when the text
looks like it, else as DOS 850 (Excel's "CSV (MS-DOS)") when that gives Nordic letters, else as
charset-normalizer guesses; the separator (; , or tab) is sniffed.
"""

import codecs
import csv
import io
import re
import zipfile
from collections import Counter
from dataclasses import dataclass, field

from charset_normalizer import from_bytes
from django.conf import settings
from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils.cell import range_boundaries
from openpyxl.utils.exceptions import InvalidFileException

from ..errors import ImportRejected, Problem

MB = 1024 * 1024


@dataclass(frozen=True)
class Limits:
    max_bytes: int = 10 * MB
    max_rows: int = 5000
    max_columns: int = 60
    max_cell_chars: int = 10_000
    max_unpacked_bytes: int = 60 * MB
    max_compression_ratio: int = 100
    max_parts: int = 1000
    max_sheets: int = 20

    @classmethod
    def from_settings(cls) -> "Limits":
        return cls(**getattr(settings, "KOTOPLAN_SPREADSHEET_LIMITS", {}))


@dataclass
class Sheet:
    """The cells of one sheet; `rows[i]` is Excel row i + 1. Merges are 1-based inclusive
    (min_col, min_row, max_col, max_row)."""

    rows: list[list]
    merges: list[tuple[int, int, int, int]] = field(default_factory=list)
    kind: str = "csv"
    encoding: str = ""
    separator: str = ""
    name: str = ""


def _refuse(message: str):
    raise ImportRejected([Problem(message)])


# --- XLSX ------------------------------------------------------------------------------------

MERGE = re.compile(rb"<(?:\w+:)?mergeCell\s[^>]*?ref=\"([A-Z]{1,3}\d+:[A-Z]{1,3}\d+)\"")


def _check_zip(content: bytes, limits: Limits) -> None:
    """Refuse zip bombs before anything is unpacked (the declared sizes bound what zipfile
    unpacks: it stops at a part's declared size)."""
    try:
        parts = zipfile.ZipFile(io.BytesIO(content)).infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        _refuse(
            _(
                "the file is not a readable XLSX workbook; save it again in Excel as "
                "“Excel workbook (*.xlsx)”"
            )
        )
    if len(parts) > limits.max_parts:
        _refuse(_("the workbook has too many parts to be a plan spreadsheet"))
    unpacked = sum(part.file_size for part in parts)
    if unpacked > limits.max_unpacked_bytes:
        _refuse(
            _(
                "the workbook unpacks to %(size)s MB, more than the %(limit)s MB allowed; "
                "delete unused sheets, images and formatting, or save it as CSV"
            )
            % {"size": unpacked // MB, "limit": limits.max_unpacked_bytes // MB}
        )
    for part in parts:
        ratio = part.file_size / max(part.compress_size, 1)
        if part.file_size > MB and ratio > limits.max_compression_ratio:
            _refuse(
                _(
                    "the workbook is compressed %(ratio)s-fold, which real spreadsheets never "
                    "are (a “zip bomb”); it was not opened"
                )
                % {"ratio": int(ratio)}
            )


def _merges(workbook, sheet) -> list[tuple[int, int, int, int]]:
    """The merged ranges of a read-only sheet (openpyxl's read-only mode does not give them),
    scanned from the sheet's XML in chunks."""
    path = getattr(sheet, "_worksheet_path", None)
    archive = getattr(workbook, "_archive", None)
    if not path or archive is None:
        return []
    found, tail = [], b""
    with archive.open(path) as stream:
        while chunk := stream.read(MB):
            data = tail + chunk
            found.extend(m.group(1).decode() for m in MERGE.finditer(data))
            tail = data[-200:]
            if found:  # a ref cut by a chunk end is found again in the tail; drop repeats
                found = list(dict.fromkeys(found))
    return [range_boundaries(ref) for ref in found]


def _sheet_rows(sheet, limits: Limits, max_rows: int, strict: bool = True) -> list[list]:
    """At most `max_rows` rows and `max_columns` columns, whatever the sheet's dimension says;
    a filled cell beyond them refuses the file."""
    rows = []
    for number, row in enumerate(
        sheet.iter_rows(
            min_row=1, max_row=max_rows + 1, max_col=limits.max_columns + 1, values_only=True
        ),
        start=1,
    ):
        cells = list(row)
        if len(cells) > limits.max_columns and cells[limits.max_columns] not in (None, ""):
            _refuse(
                _("row %(row)s has more than %(n)s columns; delete the extra columns")
                % {"row": number, "n": limits.max_columns}
            )
        if number > max_rows:
            if strict and any(cell not in (None, "") for cell in cells):
                _refuse(
                    _("the sheet has more than %(n)s rows; split the plan into smaller files")
                    % {"n": limits.max_rows}
                )
            break
        while cells and cells[-1] in (None, ""):
            cells.pop()
        rows.append(cells[: limits.max_columns])
    return rows


def read_xlsx(content: bytes, limits: Limits, pick=None) -> Sheet:
    """The first sheet (or the first for which `pick(rows)` is true) of a workbook, visible
    sheets first."""
    _check_zip(content, limits)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, ValueError, TypeError):
        _refuse(
            _(
                "the file is not a readable XLSX workbook; save it again in Excel as "
                "“Excel workbook (*.xlsx)”"
            )
        )
    try:
        sheets = [s for s in workbook.worksheets if hasattr(s, "iter_rows")][: limits.max_sheets]
        # A hidden sheet (a template's example or lists) is looked at after the visible ones.
        sheets.sort(key=lambda s: getattr(s, "sheet_state", "visible") != "visible")
        if not sheets:
            _refuse(_("the workbook has no worksheet"))
        chosen = sheets[0]
        if pick is not None:
            for sheet in sheets:
                if pick(_sheet_rows(sheet, limits, 20, strict=False)):
                    chosen = sheet
                    break
        rows = _sheet_rows(chosen, limits, limits.max_rows)
        merges = _merges(workbook, chosen)
    finally:
        workbook.close()
    return Sheet(rows=rows, merges=merges, kind="xlsx", name=chosen.title)


# --- CSV -------------------------------------------------------------------------------------

BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Windows-1252 characters of 0x80–0x9F that real Finnish and Swedish text hardly holds; text
# without them is taken as Windows-1252 (ISO-8859-1 differs only in those unused codes). With
# them (e.g. "Š" where a Mac file has "ä"), charset-normalizer decides.
# Punctuation inside a word ("Ty”llisyys") is a letter of another code page (DOS 850: ö).
INSIDE_WORD = re.compile(r"[^\W\d_][”„‚…•‹›][^\W\d_]")
UNLIKELY = set(bytes(range(0x80, 0xA0)).decode("cp1252", errors="ignore")) - set("€‚„…–—‘’“”•™")


def decode(content: bytes) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding."""
    for bom, encoding in BOMS:
        if content.startswith(bom):
            try:
                return content.decode(encoding), encoding
            except UnicodeDecodeError:
                break
    try:
        return content.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    sample = content[:4096]
    if len(sample) >= 4 and sample.count(b"\x00") * 3 > len(sample):  # UTF-16 without a mark
        encoding = "utf-16-le" if sample[1:2] == b"\x00" else "utf-16-be"
        try:
            return content.decode(encoding), encoding
        except UnicodeDecodeError:
            pass
    try:
        western = content.decode("cp1252")
    except UnicodeDecodeError:
        western = None
    if (
        western is not None
        and not any(c in UNLIKELY for c in western)
        and not INSIDE_WORD.search(western)
    ):
        return western, "windows-1252"
    dos = content.decode("cp850")  # Excel's "CSV (MS-DOS)"; every byte decodes
    if re.search("[äöåÄÖÅ]", dos) and not re.search("[\u2500-\u25ff]", dos):
        return dos, "cp850"
    guess = from_bytes(content[: 256 * 1024]).best()
    if guess is not None:
        try:
            return content.decode(guess.encoding), guess.encoding
        except (UnicodeDecodeError, LookupError):
            pass
    if western is not None:
        return western, "windows-1252"
    return content.decode("latin-1"), "iso-8859-1"


def sniff_separator(text: str) -> str:
    """The separator that splits the first lines into the most rows of equal width."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ";", (0, 0)
    for separator in (";", "\t", ","):
        try:
            widths = Counter(len(row) for row in csv.reader(lines, delimiter=separator))
        except csv.Error:  # a huge or broken cell; reading the file says where
            widths = Counter()
        width, count = max(widths.items(), key=lambda item: (item[1], item[0]), default=(1, 0))
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = separator, score
    return best


def read_csv(content: bytes, limits: Limits) -> Sheet:
    text, encoding = decode(content)
    text = text.lstrip("\ufeff").replace("\x00", "")
    first, _newline, rest = text.partition("\n")
    directive = re.fullmatch(r'"?sep=(.)"?', first.strip("\r"), re.IGNORECASE)
    if directive:  # Excel's "sep=;" line: it names the separator and is not a row in Excel
        text, separator = rest, directive.group(1)
    else:
        separator = sniff_separator(text)
    rows = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    try:
        for number, cells in enumerate(reader, start=1):
            if number > limits.max_rows:
                if any(c.strip() for c in cells):
                    _refuse(
                        _("the file has more than %(n)s rows; split the plan into smaller files")
                        % {"n": limits.max_rows}
                    )
                continue
            while cells and not cells[-1].strip():
                cells.pop()
            if len(cells) > limits.max_columns:
                _refuse(
                    _("row %(row)s has more than %(n)s columns; delete the extra columns")
                    % {"row": number, "n": limits.max_columns}
                )
            rows.append(cells)
    except csv.Error as error:
        _refuse(
            _(
                "row %(row)s cannot be read (%(error)s); check that quotes are closed and no cell "
                "is longer than %(n)s characters"
            )
            % {"row": reader.line_num, "error": error, "n": limits.max_cell_chars}
        )
    return Sheet(rows=rows, kind="csv", encoding=encoding, separator=separator)


def read_sheet(content: bytes, filename: str = "", limits: Limits | None = None, pick=None):
    """The rows of an uploaded spreadsheet; ImportRejected (one problem) when it cannot be read
    within the limits."""
    limits = limits or Limits.from_settings()
    if len(content) > limits.max_bytes:
        _refuse(
            _("the file is larger than %(n)s MB; split the plan into smaller files")
            % {"n": limits.max_bytes // MB}
        )
    if content[:4] == b"PK\x03\x04" or filename.lower().endswith((".xlsx", ".xlsm")):
        return read_xlsx(content, limits, pick)
    return read_csv(content, limits)
