"""THL Sotkanet: flat data rows (JSON or CSV) and the regions list that decodes them.

- JSON data: a list of {"indicator": 127, "region": 186, "year": 2022, "gender": "total",
  "value": 244029, "absValue": 244029}; `value` may be null or absent when THL suppresses it.
- CSV data: the same fields separated by ";" with a header row and a decimal comma
  ("primary value"/"absolute value" are accepted as the value headers).
- Regions: a list of {"id": 186, "code": "837", "category": "KUNTA", "title": {"fi": …}}. The
  data rows name the region by `id`. KUNTA, HYVINVOINTIALUE, MAAKUNTA, ELY and MAA are imported;
  other levels (SEUTUKUNTA, ERVA, EUROOPPA …) are counted as skipped.

Every row is checked before anything is returned; errors name the row and the field.
"""

import csv
import io

from ...importers.dataset import (
    AREA,
    COUNTRY,
    MISSING,
    MUNICIPALITY,
    OK,
    AreaRef,
    ParsedDataset,
    ParsedValue,
    load_json,
    to_decimal,
)
from ...models import IndicatorDefinition
from .errors import SotkanetFormatError

SOURCE = "sotkanet"
GENDERS = {"total", "male", "female"}
CATEGORY_AREAS = {
    "KUNTA": (MUNICIPALITY, "", 3),
    "MAA": (COUNTRY, "", 0),
    "HYVINVOINTIALUE": (AREA, "wellbeing_county", 2),
    "MAAKUNTA": (AREA, "region", 2),
    "ELY": (AREA, "ely_centre", 2),
}
CSV_HEADERS = {
    "indicator": "indicator",
    "region": "region",
    "year": "year",
    "gender": "gender",
    "value": "value",
    "primaryvalue": "value",
    "absvalue": "absValue",
    "absolutevalue": "absValue",
}
REQUIRED = ("indicator", "region", "year", "gender")


def parse_regions(text: str | bytes) -> dict[int, AreaRef | None]:
    """Region id → where its rows belong (None for levels Kotoplan does not keep)."""
    data = load_json(text, what="regions list", error=SotkanetFormatError)
    if not isinstance(data, list):
        raise SotkanetFormatError("The regions list must be a JSON array.")
    regions: dict[int, AreaRef | None] = {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise SotkanetFormatError(f"Regions list, item {number}: not an object.")
        for name in ("id", "code", "category"):
            if item.get(name) in (None, ""):
                raise SotkanetFormatError(
                    f"Regions list, item {number}: field {name!r} is missing."
                )
        if isinstance(item["id"], bool) or not isinstance(item["id"], int):
            raise SotkanetFormatError(f"Regions list, item {number}: 'id' is not an integer.")
        mapping = CATEGORY_AREAS.get(str(item["category"]).upper())
        if mapping is None:
            regions[item["id"]] = None
            continue
        level, kind, width = mapping
        code = str(item["code"]).strip()
        if level != COUNTRY and (not code.isdigit() or len(code) > width):
            raise SotkanetFormatError(
                f"Regions list, item {number}: code {code!r} is not a {item['category']} code."
            )
        regions[item["id"]] = AreaRef(level, code.zfill(width) if width else "", kind)
    return regions


def _integer(raw: object, *, where: str, field: str) -> int:
    if isinstance(raw, bool):
        raise SotkanetFormatError(f"{where}: field {field!r} is not an integer ({raw!r}).")
    if isinstance(raw, int):
        return raw
    if isinstance(raw, str) and raw.strip().isdigit():
        return int(raw.strip())
    raise SotkanetFormatError(f"{where}: field {field!r} is not an integer ({raw!r}).")


def _add_row(
    dataset: ParsedDataset, row: dict, where: str, regions: dict[int, AreaRef | None]
) -> None:
    for name in REQUIRED:
        if row.get(name) in (None, ""):
            raise SotkanetFormatError(f"{where}: field {name!r} is missing.")
    indicator = _integer(row["indicator"], where=where, field="indicator")
    region_id = _integer(row["region"], where=where, field="region")
    year = _integer(row["year"], where=where, field="year")
    if not 1900 <= year <= 2100:
        raise SotkanetFormatError(f"{where}: field 'year' is not a year ({year}).")
    gender = str(row["gender"]).strip().lower()
    if gender not in GENDERS:
        raise SotkanetFormatError(
            f"{where}: field 'gender' is {row['gender']!r}, not total/male/female."
        )
    raw = row.get("value")
    value = (
        None
        if raw in (None, "")
        else to_decimal(raw, where=f"{where}, field 'value'", error=SotkanetFormatError)
    )
    if row.get("absValue") not in (None, ""):
        to_decimal(row["absValue"], where=f"{where}, field 'absValue'", error=SotkanetFormatError)
    if region_id not in regions:
        raise SotkanetFormatError(f"{where}: unknown region {region_id} (not in the regions list).")
    area = regions[region_id]
    if area is None:
        dataset.skip("region level not kept by Kotoplan")
        return
    code = f"sotkanet-{indicator}"
    if code not in dataset.indicators:
        dataset.indicators[code] = IndicatorDefinition(
            code=code, source=SOURCE, source_code=str(indicator), name_fi=f"Sotkanet {indicator}"
        )
    dataset.values.append(
        ParsedValue(
            indicator_code=code,
            area=area,
            period=year,
            value=value,
            status=OK if value is not None else MISSING,
            position=where,
            breakdown_key="" if gender == "total" else "gender",
            breakdown_value="" if gender == "total" else gender,
        )
    )


def parse_json_rows(text: str | bytes, regions: dict[int, AreaRef | None]) -> ParsedDataset:
    data = load_json(text, what="data file", error=SotkanetFormatError)
    if not isinstance(data, list):
        raise SotkanetFormatError("The Sotkanet data must be a JSON array of rows.")
    dataset = ParsedDataset(source=SOURCE)
    for number, row in enumerate(data, start=1):
        if not isinstance(row, dict):
            raise SotkanetFormatError(f"Row {number}: not an object.")
        _add_row(dataset, row, f"Row {number}", regions)
    return dataset


def parse_csv_rows(text: str | bytes, regions: dict[int, AreaRef | None]) -> ParsedDataset:
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SotkanetFormatError(f"The CSV file is not UTF-8 text ({exc.reason}).") from exc
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    try:
        header = next(reader)
    except StopIteration as exc:
        raise SotkanetFormatError("The CSV file is empty.") from exc
    names = [CSV_HEADERS.get("".join(ch for ch in h.lower() if ch.isalnum()), "") for h in header]
    lacking = [name for name in (*REQUIRED, "value") if name not in names]
    if lacking:
        raise SotkanetFormatError(f"The CSV header lacks the column(s): {', '.join(lacking)}.")
    dataset = ParsedDataset(source=SOURCE)
    try:
        for number, cells in enumerate(reader, start=1):
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise SotkanetFormatError(
                    f"CSV row {number}: expected {len(header)} fields, found {len(cells)} "
                    "(truncated or malformed file)."
                )
            row = {name: cell.strip() for name, cell in zip(names, cells, strict=True) if name}
            _add_row(dataset, row, f"CSV row {number}", regions)
    except csv.Error as exc:
        raise SotkanetFormatError(f"The CSV file is malformed: {exc}.") from exc
    return dataset


def parse_rows(text: str | bytes, regions: dict[int, AreaRef | None]) -> ParsedDataset:
    """JSON when the content starts with '[', CSV otherwise."""
    head = text[:64].lstrip() if isinstance(text, str) else text[:64].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head[:1] in ("[", b"["):
        return parse_json_rows(text, regions)
    return parse_csv_rows(text, regions)
