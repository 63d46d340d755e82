"""Write the plan import template: kotoplan-plan-import.xlsx and kotoplan-plan-import.csv.

Run from the repository root: `.venv/bin/python data/templates/make_template.py`. The columns
come from `kotoplan/documents/importers/spreadsheet_columns.py` (documented in
docs/plan-import-template.md); the example rows name organisations that `make demo` loads.
"""

import csv
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")

import django  # noqa: E402

django.setup()

from django.utils import translation  # noqa: E402
from openpyxl import Workbook  # noqa: E402
from openpyxl.styles import Font  # noqa: E402
from openpyxl.utils import get_column_letter  # noqa: E402

from kotoplan.documents.importers.spreadsheet_columns import COLUMNS  # noqa: E402

THEMES = [
    ("employment_education", "Työllisyys ja koulutus"),
    ("wellbeing_health_housing", "Hyvinvointi, terveys ja asuminen"),
    ("inclusion_equality", "Osallisuus, yhdenvertaisuus ja syrjimättömyys"),
    ("language_culture", "Mahdollisuus ylläpitää omaa kieltä ja kulttuuria"),
    ("good_relations", "Väestöryhmien väliset hyvät suhteet"),
    ("other", "Muut tavoitteet"),
]
HEADER = [c.key for c in COLUMNS]
EXAMPLES = [
    {
        "theme": "employment_education",
        "objective_title": "Maahan muuttaneiden työllisyysaste nousee",
        "objective_description": "Työllisyyttä tuetaan kielikoulutuksella ja työpaikoilla.",
        "measure_title": "Työnhakuklubi kolmella kielellä",
        "measure_description": "Viikoittainen klubi työnhakijoille.",
        "responsible": "Tampere",
        "responsible_unit": "Työllisyyspalvelut",
        "partners": "kela",
        "schedule_start": "2026-01-01",
        "schedule_end": "31.12.2027",
        "resources": "0,5 henkilötyövuotta",
        "status": "planned",
        "indicator_name": "Maahan muuttaneiden työllisyysaste",
        "unit": "%",
        "indicator_source": "statfin",
        "indicator_code": "tyokay/statfin_tyokay_pxt_115b.px",
        "baseline_value": "58,5",
        "baseline_year": "2024",
        "target_value": "65",
        "target_year": "2028",
        "direction": "increase",
    },
    {
        "theme": "Väestöryhmien väliset hyvät suhteet",
        "objective_title": "Asukkaat tuntevat toisensa",
        "objective_description": "Objective without measures: the measure columns stay empty.",
    },
]


def write_xlsx(path: Path) -> None:
    book = Workbook()
    sheet = book.active
    sheet.title = "plan"
    sheet.append(HEADER)
    for row in EXAMPLES:
        sheet.append([row.get(key, "") for key in HEADER])
    for index, key in enumerate(HEADER, start=1):
        sheet.cell(row=1, column=index).font = Font(bold=True)
        sheet.column_dimensions[get_column_letter(index)].width = max(14, len(key) + 4)
    sheet.freeze_panes = "A2"
    guide = book.create_sheet("instructions")
    guide.append(["column", "sarake", "content"])
    for column in COLUMNS:
        guide.append([column.key, column.finnish, str(column.help)])
    guide.append([])
    guide.append(["theme code", "teema"])
    for code, name in THEMES:
        guide.append([code, name])
    for cell in guide[1]:
        cell.font = Font(bold=True)
    guide.column_dimensions["A"].width = 28
    guide.column_dimensions["B"].width = 48
    guide.column_dimensions["C"].width = 80
    book.properties.title = "Kotoplan plan import template"
    book.properties.creator = "Kotoplan"
    book.save(path)


def write_csv(path: Path) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(HEADER)
        for row in EXAMPLES:
            writer.writerow([row.get(key, "") for key in HEADER])


if __name__ == "__main__":
    with translation.override("en"):
        write_xlsx(HERE / "kotoplan-plan-import.xlsx")
        write_csv(HERE / "kotoplan-plan-import.csv")
    sys.stdout.write(f"wrote {HERE}/kotoplan-plan-import.xlsx and .csv\n")
