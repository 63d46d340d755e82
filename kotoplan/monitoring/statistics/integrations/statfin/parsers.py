"""JSON-stat 2.0 as Statistics Finland's PxWeb API (v1 and v2) returns it, from any StatFin table.

Facts the parser relies on (see tests/data/README.md for the samples):
- `id` lists the dimensions and `size` their lengths; `value` is row-major over `id` (the last
  dimension changes fastest), either a list or a sparse object {"index": value}; nulls are allowed;
- a category `index` is either an object {code: position} or a list of codes;
- `status` (optional) is a string for all values, a list, or an object {"index": symbol}; PxWeb
  marks confidential values with "..." and unavailable ones with ".", ".." or "-": all are stored
  as suppressed or missing, never as zero;
- the time, area, content and breakdown dimensions are recognised as `dimensions` describes;
- the table id comes from `extension.px.tableid` (or `matrix`), else from the address or the file
  name, else from the person importing; PxWeb v1 names a table by its file
  (`statfin_vaerak_pxt_11rc`), v2 by its id (`11rc`): both give the id, so a table read through
  either API gives the same indicators;
- the labels' language is `extension.px.language`; PxWeb v1 answers lack it, so it is read from
  the address (`/sv/`) or from the title PxWeb writes ("… muuttujina Vuosi ja Tiedot", "… efter
  År och Uppgifter", "… by Year and Information").

Every check runs before anything is returned, and each error names the dimension and index.
The cell count (the product of the dimension sizes) is checked before any value is read.
"""

import itertools
import math
import re
from decimal import Decimal

from django.utils.translation import gettext as _
from django.utils.translation import pgettext

from kotoplan.core.text import ascii_digits

from ...importers.dataset import (
    MISSING,
    OK,
    SUPPRESSED,
    ParsedDataset,
    ParsedValue,
    check_cells,
    load_json,
    to_decimal,
)
from ...models import IndicatorDefinition
from .dimensions import (
    Dimension,
    area_refs,
    find_area,
    find_metric,
    find_time,
    parse_period,
    table_id_from,
)
from .errors import StatFinFormatError

SOURCE = "statfin"
SUPPRESSED_SYMBOLS = {"...", "…"}
MISSING_SYMBOLS = {".", "..", "-", "–"}
LANGUAGES = ("fi", "sv", "en")
# The word PxWeb puts before the dimensions in a table's title, in each language.
TITLE_WORDS = {"fi": ("muuttujina", "muuttujana"), "sv": ("efter",), "en": ("by",)}


class _Where:
    """The place of one value, spelled out only when a message needs it."""

    __slots__ = ("coords", "dimensions", "flat")

    def __init__(self, flat: int, coords: tuple, dimensions: list[Dimension]):
        self.flat, self.coords, self.dimensions = flat, coords, dimensions

    def __str__(self) -> str:
        cells = ", ".join(
            f"{d.id}={d.codes[self.coords[n]]}" for n, d in enumerate(self.dimensions)
        )
        return _("Value %(index)s (%(cells)s)") % {"index": self.flat, "cells": cells}


def _dense(raw: object, total: int, what: str) -> list | None:
    """A list of `total` items from a list, or from a sparse object {"index": item}."""
    if isinstance(raw, list):
        if len(raw) != total:
            raise StatFinFormatError(
                _(
                    "The file has %(count)s %(what)s but the product of the dimension sizes is "
                    "%(total)s. The file is damaged; download it again."
                )
                % {"count": len(raw), "what": what, "total": total}
            )
        return raw
    if isinstance(raw, dict):
        items: list = [None] * total
        for key, item in raw.items():
            if not ascii_digits(str(key)) or int(key) >= total:
                raise StatFinFormatError(
                    _(
                        "%(what)s: index %(key)r is outside 0–%(last)s. The file is damaged; "
                        "download it again."
                    )
                    % {"what": what, "key": key, "last": total - 1}
                )
            items[int(key)] = item
        return items
    return None


def _statuses(data: dict, total: int) -> list:
    raw = data.get("status")
    if raw is None or isinstance(raw, str):
        return [raw] * total
    statuses = _dense(raw, total, _("status symbols"))
    if statuses is None:
        raise StatFinFormatError(_("'status' must be a string, a list or an object."))
    return statuses


def _language(px: dict, source_name: str, title: object, dimensions: list[Dimension]) -> str:
    language = str(px.get("language") or "")[:2].lower()
    if language in LANGUAGES:
        return language
    match = re.search(r"/(fi|sv|en)/|[?&]lang(?:uage)?=(fi|sv|en)", source_name or "")
    if match:
        return match.group(1) or match.group(2)
    title = str(title or "")
    for language, words in TITLE_WORDS.items():
        if any(f" {word} {d.label}" in title for word in words for d in dimensions):
            return language
    return "fi"


def _table(data: dict, px: dict, table_id: str, source_name: str) -> str:
    table = str(px.get("tableid") or "").strip() or table_id.strip()
    if table:
        table = table_id_from(table) or table  # statfin_vaerak_pxt_11rc → 11rc
    else:
        table = table_id_from(str(px.get("matrix") or ""), source_name)
    if not table:
        raise StatFinFormatError(
            _(
                "The file does not say which StatFin table it comes from (extension.px.tableid "
                "is missing). Enter the table id, such as 11ra, in the Table field and import "
                "again."
            )
        )
    return table


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9-]+", "-", text.lower()).strip("-")


def _indicators(dataset, metric, data, px, table, fixed, language) -> list[str]:
    """Indicator definitions, one per content; the codes are the same in every language."""
    selection = "; ".join(f"{d.id}={d.codes[0]}" for d in fixed)
    extra = "-".join(d.codes[0] for d in fixed if d.codes[0] not in d.totals)
    contents = metric.codes if metric else [""]
    codes = []
    for content in contents:
        code = _slug(f"statfin-{table}-{content}-{extra}")[:80].strip("-")
        unit = metric.units.get(content) if metric else None
        unit = unit if isinstance(unit, dict) else {}
        decimals = unit.get("decimals", px.get("decimals", 0))
        name = metric.labels[content] if metric else str(data.get("label") or table)
        where = f"{metric.id}={content}" if metric else ""
        dataset.indicators[code] = IndicatorDefinition(
            code=code,
            source=SOURCE,
            source_code=f"{table}: " + "; ".join(p for p in (where, selection) if p),
            unit=str(unit.get("base") or unit.get("label") or unit.get("symbol") or "")[:60],
            decimals=decimals if isinstance(decimals, int) and 0 <= decimals <= 4 else 0,
            **{f"name_{language}": name[:300]},
        )
        codes.append(code)
    return codes


def _label_breakdowns(dataset, breakdowns, indicator_codes, language) -> None:
    """The file's names of its breakdowns and their categories, in the file's language."""
    for indicator in indicator_codes:
        for dimension in breakdowns:
            if dimension.has_label:
                dataset.label_breakdown(indicator, dimension.id, "", {language: dimension.label})
            for code in dimension.labelled - dimension.totals:
                dataset.label_breakdown(
                    indicator, dimension.id, code, {language: dimension.labels[code]}
                )


def _value(raw: object, symbol: object, where: _Where) -> tuple[Decimal | None, str]:
    symbol = symbol.strip() if isinstance(symbol, str) else None
    if isinstance(raw, str) and raw.strip() in SUPPRESSED_SYMBOLS | MISSING_SYMBOLS:
        symbol, raw = raw.strip(), None
    if symbol in SUPPRESSED_SYMBOLS:
        return None, SUPPRESSED
    if symbol in MISSING_SYMBOLS or raw is None:
        return None, MISSING
    if isinstance(raw, str) and not re.fullmatch(r"\s*-?\d+(?:[.,]\d+)?\s*", raw):
        raise StatFinFormatError(
            _("%(where)s: the value %(value)r is text, not a number. Correct or remove it.")
            % {"where": where, "value": raw}
        )
    return to_decimal(raw, where=where, error=StatFinFormatError), OK


def _from_version_1(data: dict) -> dict:
    """A JSON-stat 1.0 bundle, as PxWeb v1 answers `"format": "json-stat"`, in the 2.0 shape:
    {"dataset": {"dimension": {"id", "size", "role", <dimensions>}, "value", "status" …}}."""
    dataset = data.get("dataset")
    if not isinstance(dataset, dict) or not isinstance(dataset.get("dimension"), dict):
        return data
    dimension = dataset["dimension"]
    converted = {key: value for key, value in dataset.items() if key != "dimension"}
    converted.update(
        version="2.0",
        **{"class": "dataset"},
        id=dimension.get("id"),
        size=dimension.get("size"),
        role=dimension.get("role") or {},
        dimension={k: v for k, v in dimension.items() if k not in ("id", "size", "role")},
    )
    return converted


def _header(data: object) -> tuple[list[Dimension], dict]:
    if not isinstance(data, dict):
        raise StatFinFormatError(_("The file is not a JSON-stat object."))
    if data.get("class", "dataset") != "dataset" or str(data.get("version", "")) != "2.0":
        raise StatFinFormatError(
            _(
                "The file is not a JSON-stat 2.0 dataset (class/version). In the statistics "
                "service, save the table as JSON-stat2."
            )
        )
    ids, sizes, dims = data.get("id"), data.get("size"), data.get("dimension")
    if not isinstance(ids, list) or not isinstance(sizes, list) or not isinstance(dims, dict):
        raise StatFinFormatError(_("The file lacks 'id', 'size' or 'dimension'."))
    if len(ids) != len(sizes) or not all(
        isinstance(s, int) and not isinstance(s, bool) and s >= 0 for s in sizes
    ):
        raise StatFinFormatError(
            _("'id' names %(ids)s dimensions but 'size' gives %(sizes)s sizes.")
            % {"ids": len(ids), "sizes": len(sizes)}
        )
    if not all(isinstance(dim_id, str) and dim_id for dim_id in ids):
        raise StatFinFormatError(_("'id' must list the dimensions by name."))
    missing = [dim_id for dim_id in ids if dim_id not in dims]
    if missing:
        raise StatFinFormatError(
            _("Dimension %(dimension)r is listed in 'id' but not described.")
            % {"dimension": missing[0]}
        )
    check_cells(math.prod(sizes), error=StatFinFormatError)
    dimensions = [
        Dimension(dim_id, size, dims[dim_id], n)
        for n, (dim_id, size) in enumerate(zip(ids, sizes, strict=True))
    ]
    role = data.get("role") if isinstance(data.get("role"), dict) else {}
    return dimensions, role


def parse_jsonstat(
    text: str | bytes, *, table_id: str = "", source_name: str = ""
) -> ParsedDataset:
    """Read a JSON-stat 2.0 dataset; `table_id` is used when the file does not name its
    table, `source_name` (address or file name) to find the table id and the language."""
    data = load_json(text, what=pgettext("statistics import", "file"), error=StatFinFormatError)
    if isinstance(data, dict) and "dataset" in data and "id" not in data:
        data = _from_version_1(data)
    dimensions, role = _header(data)
    time = find_time(dimensions, role)
    area = find_area([d for d in dimensions if d is not time], role)
    metric = find_metric([d for d in dimensions if d not in (time, area)], role)
    others = [d for d in dimensions if d not in (area, time, metric)]
    breakdowns = [d for d in others if len(d.codes) > 1]
    fixed = [d for d in others if len(d.codes) == 1]
    areas = area_refs(area)
    periods = [parse_period(code) for code in time.codes]

    extension = data.get("extension") if isinstance(data.get("extension"), dict) else {}
    px = extension.get("px") if isinstance(extension.get("px"), dict) else {}
    table = _table(data, px, table_id, source_name)
    language = _language(px, source_name, data.get("label"), dimensions)
    dataset = ParsedDataset(source=SOURCE, language=language)
    indicator_codes = _indicators(dataset, metric, data, px, table, fixed, language)

    _label_breakdowns(dataset, breakdowns, indicator_codes, language)
    sizes = [len(d.codes) for d in dimensions]
    total = math.prod(sizes)
    values = _dense(data.get("value"), total, _("values"))
    if values is None:
        raise StatFinFormatError(_("The file has no 'value' array."))
    statuses = _statuses(data, total)
    a = area.position if area else None
    t, m = time.position, metric.position if metric else None
    skipped_areas = 0
    for flat, coords in enumerate(itertools.product(*(range(size) for size in sizes))):
        where = _Where(flat, coords, dimensions)
        value, status = _value(values[flat], statuses[flat], where)
        ref = areas[coords[a]] if a is not None else areas[0]
        if ref is None:
            skipped_areas += 1
            continue
        parts = [
            (d.id, d.codes[coords[d.position]])
            for d in breakdowns
            if d.codes[coords[d.position]] not in d.totals
        ]
        year, period_type, subperiod = periods[coords[t]]
        dataset.values.append(
            ParsedValue(
                indicator_code=indicator_codes[coords[m] if m is not None else 0],
                area=ref,
                period=year,
                value=value,
                status=status,
                position=where,
                breakdown_key="+".join(p[0] for p in parts)[:120],
                breakdown_value="+".join(p[1] for p in parts)[:120],
                period_type=period_type,
                subperiod=subperiod,
            )
        )
    if skipped_areas:
        dataset.skip(_("area level not kept by Kotoplan (sub-regions and the like)"), skipped_areas)
    return dataset
