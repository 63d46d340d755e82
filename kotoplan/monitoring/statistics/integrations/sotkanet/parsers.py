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
import re
import unicodedata

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
    # the API's CSV (/rest/1.1/csv) and its JSON field names
    "indicator": "indicator",
    "indicatorid": "indicator",
    "region": "region",
    "regionid": "region",
    "year": "year",
    "gender": "gender",
    "sex": "gender",
    "age": "age",
    "value": "value",
    "primaryvalue": "value",
    "absvalue": "absValue",
    "absolutevalue": "absValue",
    # Finnish and Swedish headers of files saved from the Sotkanet service or by hand
    "indikaattori": "indicator",
    "indikaattoriid": "indicator",
    "indikaattorinid": "indicator",
    "indikaattorinumero": "indicator",
    "indikator": "indicator",
    "alue": "region",
    "alueid": "region",
    "alueenid": "region",
    "omrade": "region",
    "vuosi": "year",
    "ar": "year",
    "sukupuoli": "gender",
    "kon": "gender",
    "ika": "age",
    "ikaryhma": "age",
    "alder": "age",
    "arvo": "value",
    "ensisijainenarvo": "value",
    "varde": "value",
    "absoluuttinenarvo": "absValue",
    "lukumaara": "absValue",
    "absolutvarde": "absValue",
    "antal": "absValue",
}
GENDER_WORDS = {
    "yhteensä": "total",
    "kaikki": "total",
    "totalt": "total",
    "miehet": "male",
    "mies": "male",
    "pojat": "male",
    "män": "male",
    "naiset": "female",
    "nainen": "female",
    "tytöt": "female",
    "kvinnor": "female",
}
MISSING_MARKS = {"", ".", "..", "...", "-", "–"}
REQUIRED = ("indicator", "region", "year", "gender")


def _plain(header: str) -> str:
    """'Alueen ID' → 'alueenid', 'Ikä' → 'ika', 'Område' → 'omrade'."""
    decomposed = unicodedata.normalize("NFKD", header.strip().strip('"').lower())
    return "".join(ch for ch in decomposed if ch.isalnum() and not unicodedata.combining(ch))


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
        region_id = _region_id_of(item, number)  # checks the item before it is read
        regions[region_id] = _region_ref(item, number)
    return regions


def _region_id_of(item: object, number: int) -> int:
    if not isinstance(item, dict):
        raise _item_error(number, _("not an object."))
    for name in ("id", "code", "category"):
        if item.get(name) in (None, ""):
            raise _item_error(number, _("field %(field)r is missing.") % {"field": name})
    if isinstance(item["id"], bool) or not isinstance(item["id"], int):
        raise _item_error(number, _("'id' is not an integer."))
    return item["id"]


def _region_ref(item: dict, number: int) -> AreaRef | None:
    """Where the rows of one region of the list belong; None for levels Kotoplan does not keep."""
    mapping = CATEGORY_AREAS.get(str(item["category"]).upper())
    if mapping is None:
        return None
    level, kind, width = mapping
    code = str(item["code"]).strip()
    code = code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_ ") or code
    if level != COUNTRY and (not ascii_digits(code) or len(code) > width):
        raise _item_error(
            number,
            _("code %(code)r is not a %(category)s code.")
            % {"code": code, "category": item["category"]},
        )
    title = item.get("title")
    name = str(title.get("fi") or "") if isinstance(title, dict) else str(title or "")
    return AreaRef(level, code.zfill(width) if width else "", kind, name=name.strip())


def regions_or_shipped(text: str | bytes) -> dict[int, AreaRef | None]:
    """The given regions list, or the shipped one when none was given."""
    if text:
        return parse_regions(text)
    return parse_regions(catalogue.shipped_regions_path().read_bytes())


def _numbered(raw: object) -> object:
    """An indicator named as 'Name (127)' or '127 Name' by a file saved from the service."""
    if isinstance(raw, str) and not ascii_digits(raw.strip()):
        match = re.search(r"\((\d+)\)\s*$|^\s*(\d+)\b", raw)
        if match:
            return match.group(1) or match.group(2)
    return raw


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
        self.dataset = ParsedDataset(source=SOURCE, skip_unknown_areas=True)
        self._names: dict[str, int] | None = None

    def add(self, row: dict, where: str) -> None:
        for name in REQUIRED:
            if row.get(name) in (None, ""):
                raise SotkanetFormatError(
                    _("%(where)s: field %(field)r is missing. Download the rows again.")
                    % {"where": where, "field": name}
                )
        indicator = _integer(_numbered(row["indicator"]), where=where, field="indicator")
        region_id = self._region_id(row["region"], where)
        if region_id is None:
            return
        year = _integer(row["year"], where=where, field="year")
        if not 1900 <= year <= 2100:
            raise SotkanetFormatError(
                _("%(where)s: field 'year' is not a year (%(year)s).")
                % {"where": where, "year": year}
            )
        gender = str(row["gender"]).strip().lower()
        gender = GENDER_WORDS.get(gender, gender)
        if gender not in GENDERS:
            raise SotkanetFormatError(
                _("%(where)s: field 'gender' is %(value)r, not total, male or female.")
                % {"where": where, "value": row["gender"]}
            )
        value = self._number(row, "value", where)
        absolute = self._number(row, "absValue", where)
        if region_id not in self.regions:
            # Sotkanet adds regions over the years: the other rows still go in, and the note
            # names the region and how to include it.
            self.dataset.skip(
                _(
                    "region %(region)s is not in the regions list (import the current regions "
                    "list, /regions, with the rows to include it)"
                )
                % {"region": region_id}
            )
            return
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
        if age and GENDER_WORDS.get(age.lower(), age.lower()) != "total":
            parts.append(("age", age))
        for dimension, group in parts:
            self.dataset.label_breakdown(
                code, dimension, "", catalogue.breakdown_label(dimension, "")
            )
            self.dataset.label_breakdown(
                code, dimension, group, catalogue.breakdown_label(dimension, group)
            )
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

    def flat(self, row: dict, number: int) -> dict:
        """A JSON row with the field names of the API (`sex`, `primaryValue` … accepted) and
        nested objects ({"indicator": {"id": 4}, "region": {"id", "code", "category"}}) read
        as ids; a region described in the row needs no regions list."""
        flat = {}
        for key, value in row.items():
            name = CSV_HEADERS.get(_plain(str(key)), key)
            if isinstance(value, dict) and name == "region" and value.get("category"):
                region_id = _region_id_of(value, number)
                self.regions.setdefault(region_id, _region_ref(value, number))
            if isinstance(value, dict) and name in ("indicator", "region"):
                value = value.get("id")
            flat.setdefault(name, value)
        return flat

    def _region_id(self, raw: object, where: str) -> int | None:
        """The region's id; a file saved from the service may name it instead."""
        if isinstance(raw, int) or ascii_digits(str(raw).strip()):
            return _integer(raw, where=where, field="region")
        if self._names is None:
            self._names = {}
            for region_id, area in self.regions.items():
                if area is not None and area.name:
                    self._names.setdefault(area.name.casefold(), region_id)
        region_id = self._names.get(str(raw).strip().casefold())
        if region_id is None:
            self.dataset.skip(
                _("region %(name)r is not a municipality, county or region in the regions list")
                % {"name": str(raw).strip()[:80]}
            )
        return region_id

    @staticmethod
    def _number(row: dict, name: str, where: str):
        raw = row.get(name)
        if isinstance(raw, str):
            raw = re.sub(r"[\s\u00a0\u202f]", "", raw)  # "1 234,5": thousands by spaces
        if raw is None or (isinstance(raw, str) and raw in MISSING_MARKS):
            return None
        place = _("%(where)s, field %(field)r") % {"where": where, "field": name}
        return to_decimal(raw, where=place, error=SotkanetFormatError)


def parse_json_rows(
    text: str | bytes, regions: dict[int, AreaRef | None], metadata: dict | None = None
) -> ParsedDataset:
    data = load_json(
        text, what=pgettext("statistics import", "data file"), error=SotkanetFormatError
    )
    if isinstance(data, dict):  # an answer wrapping its rows: {"data": [...]}
        data = next((data[k] for k in ("data", "rows", "values") if k in data), data)
    if not isinstance(data, list):
        raise SotkanetFormatError(_("The Sotkanet data must be a JSON array of rows."))
    check_cells(len(data), error=SotkanetFormatError)
    reader = RowReader(dict(regions), metadata)
    for number, row in enumerate(data, start=1):
        where = _("Row %(number)s") % {"number": number}
        if not isinstance(row, dict):
            raise SotkanetFormatError(_("%(where)s: not an object.") % {"where": where})
        reader.add(reader.flat(row, number), where)
    return reader.dataset


def _decode(content: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 ("Unicode text") or Windows-1252 as Excel saves."""
    if content.startswith((b"\xff\xfe", b"\xfe\xff")):
        return content.decode("utf-16")
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        try:
            return content.decode("cp1252")
        except UnicodeDecodeError as exc:
            raise SotkanetFormatError(
                _("The CSV file is not UTF-8 text (%(reason)s). Save it as UTF-8 and try again.")
                % {"reason": exc.reason}
            ) from exc


def parse_csv_rows(
    text: str | bytes, regions: dict[int, AreaRef | None], metadata: dict | None = None
) -> ParsedDataset:
    check_size(text, error=SotkanetFormatError)
    if isinstance(text, bytes):
        text = _decode(text)
    text = text.lstrip("\ufeff")
    first = text.split("\n", 1)[0]
    delimiter = (
        ";"
        if first.count(";") >= max(first.count(","), first.count("\t"))
        else ("\t" if first.count("\t") > first.count(",") else ",")
    )
    reader = csv.reader(io.StringIO(text), delimiter=delimiter)
    try:
        header = next(reader)
    except StopIteration as exc:
        raise SotkanetFormatError(_("The CSV file is empty.")) from exc
    names = [CSV_HEADERS.get(_plain(h), "") for h in header]
    for position, name in enumerate(names):
        if name and names.index(name) != position:
            names[position] = ""  # "Alue" beside "Alue id": the first one names the column
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
    if head[:1] in ("[", b"[", "{", b"{"):
        return parse_json_rows(text, regions, metadata)
    return parse_csv_rows(text, regions, metadata)
