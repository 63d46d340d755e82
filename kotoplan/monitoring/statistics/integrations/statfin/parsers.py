"""JSON-stat 2.0 as Statistics Finland's PxWeb API returns it.

Facts the parser relies on (see tests/data/README.md for the sample):
- `id` lists the dimensions and `size` their lengths; `value` is row-major over `id` (the last
  dimension changes fastest), either a list or a sparse object {"index": value}; nulls are allowed;
- a category `index` is either an object {code: position} or a list of codes;
- `status` (optional) is a string for all values, a list, or an object {"index": symbol}; PxWeb
  marks confidential values with "..." and unavailable ones with ".." or ".";
- area codes are "SSS" (the whole country), "KU###" (municipality) and "MK##" (region);
- the time dimension holds years; the metric dimension (`contentscode`) holds the indicators.

Every check runs before anything is returned, and each error names the dimension and index.
"""

import math
import re
from decimal import Decimal

from ...importers.dataset import (
    AREA,
    COUNTRY,
    MISSING,
    MUNICIPALITY,
    OK,
    SUPPRESSED,
    AreaRef,
    ParsedDataset,
    ParsedValue,
    load_json,
    to_decimal,
)
from ...models import IndicatorDefinition
from .errors import StatFinFormatError

SOURCE = "statfin"
TOTAL_CODE = "SSS"
SUPPRESSED_SYMBOLS = {"...", "…"}
AREA_DIMENSION_PREFIXES = ("alue", "kunta", "region", "area")
TIME_DIMENSION_PREFIXES = ("vuosi", "timeperiod", "year")
METRIC_DIMENSION_IDS = ("contentscode", "tiedot")
YEAR = re.compile(r"^\d{4}$")
MUNICIPALITY_CODE = re.compile(r"^KU(\d{3})$")
REGION_CODE = re.compile(r"^MK(\d{2})$")


class _Dimension:
    def __init__(self, dim_id: str, size: int, data: object):
        if not isinstance(data, dict) or not isinstance(data.get("category"), dict):
            raise StatFinFormatError(f"Dimension {dim_id!r}: 'category' is missing.")
        category = data["category"]
        index = category.get("index")
        if index is None and size == 1 and isinstance(category.get("label"), dict):
            index = list(category["label"])  # JSON-stat allows a lone category without index
        if isinstance(index, list):
            codes = [str(code) for code in index]
        elif isinstance(index, dict):
            codes = [""] * len(index)
            for code, position in index.items():
                if not isinstance(position, int) or not 0 <= position < len(index):
                    raise StatFinFormatError(
                        f"Dimension {dim_id!r}: category {code!r} has an invalid index "
                        f"{position!r}."
                    )
                codes[position] = str(code)
            if "" in codes:
                raise StatFinFormatError(f"Dimension {dim_id!r}: category indexes repeat.")
        else:
            raise StatFinFormatError(f"Dimension {dim_id!r}: category 'index' is missing.")
        if len(codes) != size:
            raise StatFinFormatError(
                f"Dimension {dim_id!r}: 'size' says {size} but the category index has "
                f"{len(codes)} categories."
            )
        self.id = dim_id
        self.label = str(data.get("label") or dim_id)
        self.codes = codes
        labels = category.get("label") if isinstance(category.get("label"), dict) else {}
        self.labels = {code: str(labels.get(code, code)) for code in codes}
        self.units = category.get("unit") if isinstance(category.get("unit"), dict) else {}


def _find(dimensions: list[_Dimension], role: list | None, prefixes: tuple[str, ...], what: str):
    if role:
        matches = [d for d in dimensions if d.id in role]
    else:
        matches = [d for d in dimensions if d.id.lower().startswith(prefixes)]
    if len(matches) != 1:
        found = ", ".join(d.id for d in dimensions)
        raise StatFinFormatError(
            f"Cannot tell which dimension is the {what} (dimensions: {found})."
        )
    return matches[0]


def _area_ref(code: str, *, dimension: str, index: int) -> AreaRef:
    if code == TOTAL_CODE:
        return AreaRef(COUNTRY)
    if match := MUNICIPALITY_CODE.match(code):
        return AreaRef(MUNICIPALITY, match.group(1))
    if match := REGION_CODE.match(code):
        return AreaRef(AREA, match.group(1), "region")
    raise StatFinFormatError(
        f"Dimension {dimension!r}, index {index}: unknown region code {code!r} (expected SSS, "
        "KU### or MK##)."
    )


def _dense(raw: object, total: int, what: str, index_label: str) -> list | None:
    """A list of `total` items from a list, or from a sparse object {"index": item}."""
    if isinstance(raw, list):
        if len(raw) != total:
            raise StatFinFormatError(
                f"The file has {len(raw)} {what} but the product of the dimension sizes is {total}."
            )
        return raw
    if isinstance(raw, dict):
        items: list = [None] * total
        for key, item in raw.items():
            if not str(key).isdigit() or int(key) >= total:
                raise StatFinFormatError(f"{index_label} {key!r} is outside 0–{total - 1}.")
            items[int(key)] = item
        return items
    return None


def _values(data: dict, total: int) -> list:
    values = _dense(data.get("value"), total, "values", "Value index")
    if values is None:
        raise StatFinFormatError("The file has no 'value' array.")
    return values


def _statuses(data: dict, total: int) -> list:
    raw = data.get("status")
    if raw is None or isinstance(raw, str):
        return [raw] * total
    statuses = _dense(raw, total, "status symbols", "Status index")
    if statuses is None:
        raise StatFinFormatError("'status' must be a string, a list or an object.")
    return statuses


def parse_jsonstat(text: str | bytes) -> ParsedDataset:
    data = load_json(text, what="file", error=StatFinFormatError)
    if not isinstance(data, dict):
        raise StatFinFormatError("The file is not a JSON-stat object.")
    if data.get("class", "dataset") != "dataset" or str(data.get("version", "")) != "2.0":
        raise StatFinFormatError("The file is not a JSON-stat 2.0 dataset (class/version).")
    ids, sizes, dims = data.get("id"), data.get("size"), data.get("dimension")
    if not isinstance(ids, list) or not isinstance(sizes, list) or not isinstance(dims, dict):
        raise StatFinFormatError("The file lacks 'id', 'size' or 'dimension'.")
    if len(ids) != len(sizes) or not all(isinstance(s, int) and s >= 0 for s in sizes):
        raise StatFinFormatError(
            f"'id' names {len(ids)} dimensions but 'size' gives {len(sizes)} sizes."
        )
    missing = [dim_id for dim_id in ids if dim_id not in dims]
    if missing:
        raise StatFinFormatError(f"Dimension {missing[0]!r} is listed in 'id' but not described.")
    dimensions = [
        _Dimension(dim_id, size, dims[dim_id]) for dim_id, size in zip(ids, sizes, strict=True)
    ]
    role = data.get("role") if isinstance(data.get("role"), dict) else {}
    area = _find(dimensions, role.get("geo"), AREA_DIMENSION_PREFIXES, "area")
    time = _find(dimensions, role.get("time"), TIME_DIMENSION_PREFIXES, "year")
    metric = _find(dimensions, role.get("metric"), METRIC_DIMENSION_IDS, "content (indicator)")
    others = [d for d in dimensions if d not in (area, time, metric)]
    varying = [d for d in others if len(d.codes) > 1]
    if len(varying) > 1:
        names = ", ".join(d.id for d in varying)
        raise StatFinFormatError(f"Only one breakdown dimension is supported, found: {names}.")
    breakdown = varying[0] if varying else None
    fixed = [d for d in others if len(d.codes) == 1]

    areas = [_area_ref(code, dimension=area.id, index=i) for i, code in enumerate(area.codes)]
    for index, code in enumerate(time.codes):
        if not YEAR.match(code):
            raise StatFinFormatError(
                f"Dimension {time.id!r}, index {index}: {code!r} is not a year."
            )
    years = [int(code) for code in time.codes]

    extension = data.get("extension") if isinstance(data.get("extension"), dict) else {}
    px = extension.get("px") if isinstance(extension.get("px"), dict) else {}
    table = str(px.get("tableid") or "").strip()
    if not table:
        raise StatFinFormatError("The table id (extension.px.tableid) is missing.")
    language = str(px.get("language") or "fi")[:2]
    selection = "; ".join(f"{d.id}={d.codes[0]}" for d in fixed)
    extra = "-".join(d.codes[0].lower() for d in fixed if d.codes[0] != TOTAL_CODE)

    dataset = ParsedDataset(source=SOURCE)
    indicator_codes = []
    for content in metric.codes:
        code = re.sub(r"[^a-z0-9-]+", "-", f"statfin-{table}-{content}-{extra}".lower())
        code = code.strip("-")[:80]
        unit = metric.units.get(content) if isinstance(metric.units.get(content), dict) else {}
        decimals = unit.get("decimals", px.get("decimals", 0))
        name_field = f"name_{language}" if language in ("fi", "sv", "en") else "name_fi"
        dataset.indicators[code] = IndicatorDefinition(
            code=code,
            source=SOURCE,
            source_code=f"{table}: {metric.id}={content}" + (f"; {selection}" if selection else ""),
            unit=str(unit.get("base", ""))[:60],
            decimals=decimals if isinstance(decimals, int) and decimals >= 0 else 0,
            **{name_field: metric.labels[content][:300]},
        )
        indicator_codes.append(code)

    sizes_ = [len(d.codes) for d in dimensions]
    total = math.prod(sizes_)
    values = _values(data, total)
    statuses = _statuses(data, total)
    strides = [math.prod(sizes_[i + 1 :]) for i in range(len(sizes_))]
    positions = {d.id: n for n, d in enumerate(dimensions)}
    a, t, m = positions[area.id], positions[time.id], positions[metric.id]
    b = positions[breakdown.id] if breakdown else None
    for flat in range(total):
        coords = [(flat // strides[n]) % sizes_[n] for n in range(len(sizes_))]
        where = "Value {} ({})".format(
            flat, ", ".join(f"{d.id}={d.codes[coords[n]]}" for n, d in enumerate(dimensions))
        )
        raw, symbol = values[flat], statuses[flat]
        value: Decimal | None
        if raw is None:
            value, status = None, SUPPRESSED if symbol in SUPPRESSED_SYMBOLS else MISSING
        elif isinstance(raw, str):
            raise StatFinFormatError(f"{where}: the value {raw!r} is text, not a number.")
        else:
            value, status = to_decimal(raw, where=where, error=StatFinFormatError), OK
        bkey = bvalue = ""
        if b is not None and breakdown.codes[coords[b]] != TOTAL_CODE:
            bkey, bvalue = breakdown.id[:60], breakdown.codes[coords[b]][:60]
        dataset.values.append(
            ParsedValue(
                indicator_code=indicator_codes[coords[m]],
                area=areas[coords[a]],
                period=years[coords[t]],
                value=value,
                status=status,
                position=where,
                breakdown_key=bkey,
                breakdown_value=bvalue,
            )
        )
    return dataset
