"""The real statistics shipped in data/statistics/, loaded idempotently (the demo uses this).

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

from . import catalogue
from .integrations.common import (
    MUNICIPALITY,
    OK,
    AreaRef,
    ImportFormatError,
    ParsedDataset,
    ParsedIndicator,
    ParsedObservation,
    to_decimal,
)
from .integrations.statfin.parsers import parse_jsonstat
from .services import ImportCounts, catalogue_sync, observation_import

ECEC_FILE = "statfin_14jt_ecec_2024.jsonstat.json"
POPULATION_FILE = "foreign_language_population.csv"
CODE = re.compile(r"^\d{3}$")
COLUMNS = {
    "foreign_language_share_pct": catalogue.FOREIGN_LANGUAGE_SHARE,
    "total_population": catalogue.POPULATION,
}


def data_dir() -> Path:
    return Path(settings.BASE_DIR) / "data" / "statistics"


def population_datasets(path: Path) -> list[ParsedDataset]:
    """One dataset per column (the share from StatFin, the population from Sotkanet)."""
    datasets = {}
    for column, code in COLUMNS.items():
        definition = catalogue.BY_CODE[code]
        dataset = ParsedDataset(source=definition.source)
        dataset.indicators[code] = ParsedIndicator(
            code=code, source=definition.source, source_code=definition.source_code
        )
        datasets[column] = dataset
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
                dataset.observations.append(
                    ParsedObservation(
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
        ECEC_FILE: observation_import(dataset=parse_jsonstat((directory / ECEC_FILE).read_bytes()))
    }
    total = ImportCounts()
    for dataset in population_datasets(directory / POPULATION_FILE):
        counts = observation_import(dataset=dataset)
        total.created += counts.created
        total.updated += counts.updated
        total.unchanged += counts.unchanged
    results[POPULATION_FILE] = total
    return results
