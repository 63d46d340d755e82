"""The real statistics shipped in data/statistics/, loaded idempotently for the demo.

- `statfin_14jt_ecec_2024.jsonstat.json` goes through the JSON-stat importer as it is;
- `foreign_language_population.csv` (the research compilation) holds the foreign-language share
  (StatFin 159t) and the population (Sotkanet 127); empty cells were not found and are skipped.
"""

import csv
import re
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kotoplan.monitoring.statistics.errors import ImportFormatError
from kotoplan.monitoring.statistics.importers.dataset import (
    MUNICIPALITY,
    OK,
    AreaRef,
    ParsedDataset,
    ParsedValue,
    to_decimal,
)
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import (
    FOREIGN_LANGUAGE_SHARE,
    KNOWN_BY_CODE,
    POPULATION,
)
from kotoplan.monitoring.statistics.services import (
    ImportCounts,
    catalogue_sync,
    statistic_values_import,
)

ECEC_FILE = "statfin_14jt_ecec_2024.jsonstat.json"
POPULATION_FILE = "foreign_language_population.csv"
CODE = re.compile(r"^\d{3}$")
COLUMNS = {"foreign_language_share_pct": FOREIGN_LANGUAGE_SHARE, "total_population": POPULATION}


def data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "statistics"


def population_datasets(path: Path) -> list[ParsedDataset]:
    """One dataset per column (the share from StatFin, the population from Sotkanet)."""
    datasets = {}
    for column, code in COLUMNS.items():
        definition = KNOWN_BY_CODE[code]
        datasets[column] = ParsedDataset(definition.source, indicators={code: definition})
    with path.open(encoding="utf-8", newline="") as handle:
        for number, row in enumerate(csv.DictReader(handle), start=2):
            where = f"{path.name} line {number}"
            code, year = (row.get("code") or "").strip(), (row.get("year") or "").strip()
            if not CODE.match(code) or not year.isdigit():
                raise ImportFormatError(f"{where}: code {code!r} or year {year!r} is not valid.")
            for column, dataset in datasets.items():
                raw = (row.get(column) or "").strip()
                if not raw:
                    continue
                value: Decimal = to_decimal(
                    raw, where=f"{where}, {column}", error=ImportFormatError
                )
                dataset.values.append(
                    ParsedValue(
                        indicator_code=COLUMNS[column],
                        area=AreaRef(MUNICIPALITY, code),
                        period=int(year),
                        value=value,
                        status=OK,
                        position=where,
                    )
                )
    return list(datasets.values())


@transaction.atomic
def load_bundled_statistics(directory: Path | None = None) -> dict[str, ImportCounts]:
    """Import the bundled files; running it again reports everything as unchanged."""
    directory = directory or data_dir()
    catalogue_sync()
    results = {
        ECEC_FILE: statistic_values_import(
            dataset=parse_jsonstat((directory / ECEC_FILE).read_bytes())
        )
    }
    total = ImportCounts()
    for dataset in population_datasets(directory / POPULATION_FILE):
        counts = statistic_values_import(dataset=dataset)
        total.created += counts.created
        total.updated += counts.updated
        total.unchanged += counts.unchanged
    results[POPULATION_FILE] = total
    return results
