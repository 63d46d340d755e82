"""THL Sotkanet: flat data rows (JSON or CSV) and the regions list that decodes them.

- JSON data: a list of {"indicator": 127, "region": 186, "year": 2022, "gender": "total",
  "value": 244029, "absValue": 244029}; `value` may be null or absent when THL suppresses it;
  `absValue` (the count beside a rate) is kept beside the value; an optional `age` is a
  breakdown like `gender`.
- CSV data: the same fields separated by ";" with a header row and a decimal comma
  ("primary value"/"absolute value" are accepted as the value headers).
- Regions: a list of {"id": 186, "code": "837", "category": "KUNTA", "title": {"fi": …}}. The
  data rows name the region by `id`. KUNTA, HYVINVOINTIALUE, MAAKUNTA, ELY(-KESKUS) and MAA are
  imported; other levels (SEUTUKUNTA, ERVA, EUROOPPA …) are counted as skipped. Without a list
  of its own an import uses the shipped one (data/statistics/sotkanet/regions.json).
- Indicator names, units, descriptions and producers come from the indicator metadata
  (`catalogue`), never "Sotkanet 127" when the catalogue knows the indicator.

Every row is checked before anything is returned; errors name the row and the field.
"""

import csv
import io

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kotoplan.core.text import ascii_digits

from ...importers.dataset import (
    AREA,
    COUNTRY,
    MISSING,
    MUNICIPALITY,
    OK,
    AreaRef,
    ParsedDataset,
    ParsedValue,
    check_cells,
    check_size,
    load_json,
    to_decimal,
)
from . import catalogue
from .errors import SotkanetFormatError

SOURCE = "sotkanet"
GENDERS = {"total", "male", "female"}
CATEGORY_AREAS = {
    "KUNTA": (MUNICIPALITY, "", 3),
    "MAA": (COUNTRY, "", 0),
    "HYVINVOINTIALUE": (AREA, "wellbeing_county", 2),
    "MAAKUNTA": (AREA, "region", 2),
    "ELY": (AREA, "ely_centre", 2),
    "ELY-KESKUS": (AREA, "ely_centre", 2),
}
CSV_HEADERS = {
    "indicator": "indicator",
    "region": "region",
    "year": "year",
    "gender": "gender",
    "sex": "gender",
    "age": "age",
    "value": "value",
    "primaryvalue": "value",
    "absvalue": "absValue",
    "absolutevalue": "absValue",
}
REQUIRED = ("indicator", "region", "year", "gender")


def _item_error(number: int, message: str) -> SotkanetFormatError:
    return SotkanetFormatError(
        _("Regions list, item %(number)s: %(problem)s") % {"number": number, "problem": message}
    )


def parse_regions(text: str | bytes) -> dict[int, AreaRef | None]:
    """Region id → where its rows belong (None for levels Kotoplan does not keep)."""
    data = load_json(
        text, what=pgettext("statistics import", "regions list"), error=SotkanetFormatError
    )
    if not isinstance(data, list):
        raise SotkanetFormatError(_("The regions list must be a JSON array."))
    regions: dict[int, AreaRef | None] = {}
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise _item_error(number, _("not an object."))
        for name in ("id", "code", "category"):
            if item.get(name) in (None, ""):
                raise _item_error(number, _("field %(field)r is missing.") % {"field": name})
        if isinstance(item["id"], bool) or not isinstance(item["id"], int):
            raise _item_error(number, _("'id' is not an integer."))
        mapping = CATEGORY_AREAS.get(str(item["category"]).upper())
        if mapping is None:
            regions[item["id"]] = None
            continue
        level, kind, width = mapping
        code = str(item["code"]).strip()
        if level != COUNTRY and (not ascii_digits(code) or len(code) > width):
            raise _item_error(
                number,
                _("code %(code)r is not a %(category)s code.")
                % {"code": code, "category": item["category"]},
            )
        regions[item["id"]] = AreaRef(level, code.zfill(width) if width else "", kind)
    return regions


def regions_or_shipped(text: str | bytes) -> dict[int, AreaRef | None]:
    """The given regions list, or the shipped one when none was given."""
    if text:
        return parse_regions(text)
    return parse_regions(catalogue.shipped_regions_path().read_bytes())


def _integer(raw: object, *, where: str, field: str) -> int:
    if isinstance(raw, int) and not isinstance(raw, bool):
        return raw
    if isinstance(raw, str) and ascii_digits(raw.strip()):
        return int(raw.strip())
    raise SotkanetFormatError(
        _("%(where)s: field %(field)r is not an integer (%(value)r).")
        % {"where": where, "field": field, "value": raw}
    )


class RowReader:
    """Adds checked rows to a dataset; indicator metadata from `metadata` or the catalogue."""

    def __init__(self, regions: dict[int, AreaRef | None], metadata: dict[int, dict] | None):
        self.regions = regions
        self.metadata = metadata if metadata is not None else catalogue.shipped()
        self.dataset = ParsedDataset(source=SOURCE)

    def add(self, row: dict, where: str) -> None:
        for name in REQUIRED:
            if row.get(name) in (None, ""):
                raise SotkanetFormatError(
                    _("%(where)s: field %(field)r is missing. Download the rows again.")
                    % {"where": where, "field": name}
                )
        indicator = _integer(row["indicator"], where=where, field="indicator")
        region_id = _integer(row["region"], where=where, field="region")
        year = _integer(row["year"], where=where, field="year")
        if not 1900 <= year <= 2100:
            raise SotkanetFormatError(
                _("%(where)s: field 'year' is not a year (%(year)s).")
                % {"where": where, "year": year}
            )
        gender = str(row["gender"]).strip().lower()
        if gender not in GENDERS:
            raise SotkanetFormatError(
                _("%(where)s: field 'gender' is %(value)r, not total, male or female.")
                % {"where": where, "value": row["gender"]}
            )
        value = self._number(row, "value", where)
        absolute = self._number(row, "absValue", where)
        if region_id not in self.regions:
            raise SotkanetFormatError(
                _(
                    "%(where)s: unknown region %(region)s (not in the regions list). Import "
                    "the current regions list (/regions) with the rows."
                )
                % {"where": where, "region": region_id}
            )
        area = self.regions[region_id]
        if area is None:
            self.dataset.skip(_("region level not kept by Kotoplan"))
            return
        code = f"sotkanet-{indicator}"
        if code not in self.dataset.indicators:
            self.dataset.indicators[code] = catalogue.definition(
                indicator, self.metadata.get(indicator)
            )
        parts = [] if gender == "total" else [("gender", gender)]
        age = str(row.get("age") or "").strip()
        if age and age.lower() != "total":
            parts.append(("age", age))
        self.dataset.values.append(
            ParsedValue(
                indicator_code=code,
                area=area,
                period=year,
                value=value,
                status=OK if value is not None else MISSING,
                position=where,
                breakdown_key="+".join(p[0] for p in parts),
                breakdown_value="+".join(p[1] for p in parts)[:120],
                absolute_value=absolute,
            )
        )

    @staticmethod
    def _number(row: dict, name: str, where: str):
        raw = row.get(name)
        if raw in (None, ""):
            return None
        place = _("%(where)s, field %(field)r") % {"where": where, "field": name}
        return to_decimal(raw, where=place, error=SotkanetFormatError)


def parse_json_rows(
    text: str | bytes, regions: dict[int, AreaRef | None], metadata: dict | None = None
) -> ParsedDataset:
    data = load_json(
        text, what=pgettext("statistics import", "data file"), error=SotkanetFormatError
    )
    if not isinstance(data, list):
        raise SotkanetFormatError(_("The Sotkanet data must be a JSON array of rows."))
    check_cells(len(data), error=SotkanetFormatError)
    reader = RowReader(regions, metadata)
    for number, row in enumerate(data, start=1):
        where = _("Row %(number)s") % {"number": number}
        if not isinstance(row, dict):
            raise SotkanetFormatError(_("%(where)s: not an object.") % {"where": where})
        reader.add(row, where)
    return reader.dataset


def parse_csv_rows(
    text: str | bytes, regions: dict[int, AreaRef | None], metadata: dict | None = None
) -> ParsedDataset:
    check_size(text, error=SotkanetFormatError)
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise SotkanetFormatError(
                _("The CSV file is not UTF-8 text (%(reason)s). Save it as UTF-8 and try again.")
                % {"reason": exc.reason}
            ) from exc
    reader = csv.reader(io.StringIO(text.lstrip("\ufeff")), delimiter=";")
    try:
        header = next(reader)
    except StopIteration as exc:
        raise SotkanetFormatError(_("The CSV file is empty.")) from exc
    names = [CSV_HEADERS.get("".join(ch for ch in h.lower() if ch.isalnum()), "") for h in header]
    lacking = [name for name in (*REQUIRED, "value") if name not in names]
    if lacking:
        raise SotkanetFormatError(
            _("The CSV header lacks the column(s): %(columns)s.") % {"columns": ", ".join(lacking)}
        )
    rows = RowReader(regions, metadata)
    try:
        for number, cells in enumerate(reader, start=1):
            where = _("CSV row %(number)s") % {"number": number}
            check_cells(number, error=SotkanetFormatError)
            if not any(cell.strip() for cell in cells):
                continue
            if len(cells) != len(header):
                raise SotkanetFormatError(
                    _(
                        "%(where)s: expected %(expected)s fields, found %(found)s (truncated or "
                        "malformed file)."
                    )
                    % {"where": where, "expected": len(header), "found": len(cells)}
                )
            row = {name: cell.strip() for name, cell in zip(names, cells, strict=True) if name}
            rows.add(row, where)
    except csv.Error as exc:
        raise SotkanetFormatError(
            _("The CSV file is malformed: %(problem)s.") % {"problem": exc}
        ) from exc
    return rows.dataset


def parse_rows(
    text: str | bytes, regions: dict[int, AreaRef | None], metadata: dict | None = None
) -> ParsedDataset:
    """JSON when the content starts with '[', CSV otherwise."""
    head = text[:64].lstrip() if isinstance(text, str) else text[:64].lstrip(b"\xef\xbb\xbf \r\n\t")
    if head[:1] in ("[", b"["):
        return parse_json_rows(text, regions, metadata)
    return parse_csv_rows(text, regions, metadata)
