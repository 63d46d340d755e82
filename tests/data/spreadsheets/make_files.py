"""Write the plan spreadsheets the import tests read, as Finnish offices save them.

Run from the repository root: `.venv/bin/python tests/data/spreadsheets/make_files.py`.

- finnish-plan.xlsx (openpyxl): two title rows, a header with "*" marks, colons and capitals,
  objective cells merged over four measure rows, a measure merged over two indicator rows, an
  empty row, a column the template does not know ("Budjetti (€)"), real Excel dates, a date
  serial without a date format, text dates ("31.12.2027", "1.3.25"), numbers as numbers and as
  text with a decimal comma and a space between thousands.
- finnish-plan-excel.csv: the same sheet as Finnish Excel saves "CSV (semicolon separated)":
  Windows-1252, ";", CRLF, decimal commas, D.M.YYYY dates, a merged range's value only in its
  first cell, every row padded to the sheet's width.
- finnish-plan-excel.txt: as Excel saves "Unicode text": UTF-16 LE with a byte order mark, tab
  separated, CRLF.
- finnish-plan-second-sheet.xlsx: the same plan on the second sheet of a workbook whose first
  sheet ("Malli", an example row under the same header) is hidden, as municipal templates
  ship; a formula cell with the value Excel caches beside it (=YEAR(DATE(2028;12;31)) → 2028);
  an empty column after the data formatted down to row 500.
"""

import re
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Font

HERE = Path(__file__).resolve().parent
HEADER = [
    "Teema*",
    "Tavoite *",
    "Tavoitteen kuvaus:",
    "TOIMENPIDE",
    "Toimenpiteen kuvaus",
    "Vastuutaho",
    "Vastuuyksikkö",
    "Yhteistyökumppanit",
    "Alkaa",
    "Päättyy",
    "Tila",
    "Mittari",
    "Yksikkö",
    "Tietolähde",
    "Koodi",
    "Lähtötaso",
    "Lähtötason vuosi",
    "Tavoitetaso",
    "Tavoitevuosi",
    "Budjetti (€)",
]
OBJECTIVE = "Työllisyys paranee – erityisesti naisilla"
ROWS = [  # from row 5; None = empty (or covered by a merge)
    [
        "Työllisyys ja koulutus",
        OBJECTIVE,
        "Työllisyysaste nousee 5 %-yksikköä; ”työ ensin”.",
        "Työnhakuklubi",
        "Viikoittain, myös ruotsiksi (på svenska)",
        "Espoon kaupunki",
        "Työllisyyspalvelut",
        "Kansaneläkelaitos (Kela); Monikulttuurinen yhdistys ry",
        datetime(2026, 1, 1),
        "31.12.2027",
        "käynnissä",
        "Työllisyysaste",
        "%",
        "Tilastokeskus",
        "tyokay_115b",
        58.5,
        2024,
        65,
        2028,
        "12 000 €",
    ],
    [
        *(None, None, None, "Kielikurssit työpaikoilla", None, "Esbo stad", None, None),
        *("1.3.2026", None, "suunniteltu"),
    ],
    [
        *(None, None, None, "Mentorointi", None, "Espoon kaupunki", None, None, 46113, None),
        *("valmis", "Mentoroitujen määrä", "henkilöä", "oma seuranta", None, "1 234,5"),
        *(2024, 2000, 2028),
    ],
    [None] * 11 + ["Mentoreiden määrä", "henkilöä", None, None, "40", 2025, "60", 2028],
    [],
    ["Väestöryhmien väliset hyvät suhteet", "Asukkaat tuntevat toisensa"]
    + [None] * 9
    + ["Turvalliseksi kokevat", "%", "THL", "4567", None, None, None, None],
    [
        *(None, "Ruotsinkielinen palvelu toimii", None, "Kaksikielinen neuvonta", None),
        *("Esbo stad", None, None, "1.3.25"),
    ],
]
MERGES = ["A1:H1", "A5:A8", "B5:B8", "C5:C8", "D7:D8"]
FIRST = 5


def workbook() -> Workbook:
    book = Workbook()
    sheet = book.active
    sheet.title = "Suunnitelma"
    sheet["A1"] = "Espoon kotoutumisohjelma 2026–2029: tavoitteet ja toimenpiteet"
    sheet["A1"].font = Font(bold=True, size=14)
    sheet["A2"] = "Päivitetty 1.3.2025 · luonnos"
    sheet.append([])
    sheet.append(HEADER)
    for row in ROWS:
        sheet.append(row)
    for cell in sheet[4]:
        cell.font = Font(bold=True)
    for row in sheet.iter_rows(min_row=FIRST, min_col=9, max_col=10):
        for cell in row:
            if isinstance(cell.value, datetime):
                cell.number_format = "D.M.YYYY"
    for merge in MERGES:
        sheet.merge_cells(merge)
    return book


def second_sheet_workbook() -> Workbook:
    book = workbook()
    model = book.create_sheet("Malli", 0)
    model.append(HEADER)
    model.append(["Esimerkkiteema", "Esimerkkitavoite", "", "Esimerkkitoimenpide"])
    model.sheet_state = "hidden"
    book.active = 1
    sheet = book["Suunnitelma"]
    empty = len(HEADER) + 1
    for row in range(1, 501):
        sheet.cell(row=row, column=empty).font = Font(italic=True)  # formatting, no value
    return book


def with_cached_formula(path: Path, ref: str, formula: str) -> None:
    """Give the number in cell `ref` of the data sheet the formula Excel computed it by, the
    way Excel stores both (openpyxl writes either a formula or a value, never both)."""
    with zipfile.ZipFile(path) as source:
        parts = {info.filename: source.read(info) for info in source.infolist()}
    name = "xl/worksheets/sheet2.xml"
    xml = parts[name].decode()
    xml, count = re.subn(rf'(<c r="{ref}"[^>]*>)(<v>)', rf"\1<f>{formula}</f>\2", xml)
    assert count == 1, ref
    parts[name] = xml.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for filename, data in parts.items():
            target.writestr(filename, data)


def excel_text(value) -> str:
    """A cell as Finnish Excel writes it into a CSV file."""
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return f"{value.day}.{value.month}.{value.year}"
    if isinstance(value, float):
        return str(Decimal(str(value))).replace(".", ",")
    return str(value)


def excel_rows() -> list[list[str]]:
    width = len(HEADER)
    title = ["Espoon kotoutumisohjelma 2026–2029: tavoitteet ja toimenpiteet"]
    rows = [title, ["Päivitetty 1.3.2025 · luonnos"], [], HEADER, *ROWS]
    return [[excel_text(v) for v in row] + [""] * (width - len(row)) for row in rows]


def excel_line(cells: list[str], separator: str) -> str:
    def quoted(cell: str) -> str:
        if any(c in cell for c in (separator, '"', "\n", "\r")):
            return '"' + cell.replace('"', '""') + '"'
        return cell

    return separator.join(quoted(c) for c in cells) + "\r\n"


def main() -> None:
    xlsx = HERE / "finnish-plan.xlsx"
    workbook().save(xlsx)
    second = HERE / "finnish-plan-second-sheet.xlsx"
    second_sheet_workbook().save(second)
    with_cached_formula(second, f"S{FIRST}", "YEAR(DATE(2028,12,31))")
    rows = excel_rows()
    semicolon = "".join(excel_line(row, ";") for row in rows)
    (HERE / "finnish-plan-excel.csv").write_bytes(semicolon.encode("cp1252"))
    tabbed = "".join(excel_line(row, "\t") for row in rows)
    (HERE / "finnish-plan-excel.txt").write_bytes(b"\xff\xfe" + tabbed.encode("utf-16-le"))


if __name__ == "__main__":
    main()
