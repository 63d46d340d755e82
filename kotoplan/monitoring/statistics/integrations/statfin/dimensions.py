"""Which dimension of a JSON-stat table is the time, the area, the content and the breakdowns.

StatFin tables differ: old PxWeb v1 tables name their dimensions `Vuosi`, `Alue`, `Tiedot`, newer
ones `timeperiod_y`, `alue_23_20240101`, `contentscode`, Swedish answers `År`, `Område`,
`Uppgifter`, PxWeb v2 answers add JSON-stat's `role`. A dimension is recognised first by its role
(`time`, `geo`, `metric`), then by its code, then by its categories (every category a period, or
every category an area code). Periods are years (2024), quarters (2024Q4) and months (2024M12);
area codes are SSS (the whole country), KU091 or 091 (municipality), MK01 (region), HV01 or
HYV01 (wellbeing services county) and ELY01 (ELY Centre).
"""

import re
import unicodedata

from django.utils.translation import gettext as _

from ...importers.dataset import AREA, COUNTRY, MONTH, MUNICIPALITY, QUARTER, YEAR, AreaRef
from .errors import StatFinFormatError

TIME_CODES = (
    "vuosi",
    "vuosineljannes",
    "neljannes",
    "kuukausi",
    "ajankohta",
    "aika",
    "timeperiod",
    "time",
    "year",
    "quarter",
    "month",
    "tid",
    "ar",
    "kvartal",
    "manad",
)
AREA_CODES = (
    "alue",
    "kunta",
    "maakunta",
    "hyvinvointialue",
    "area",
    "region",
    "municipality",
    "omrade",
    "kommun",
    "landskap",
    "valfardsomrade",
)
METRIC_CODES = ("contentscode", "tiedot", "uppgifter", "information", "contents")
PERIOD = re.compile(r"^(\d{4})(?:([QK])([1-4])|M(\d{1,2}))?\*?$")
TOTAL_CODES = {"SSS"}
# A breakdown's total, when its code is not SSS (PxWeb names it `eliminationValueCode`).
TOTAL_LABELS = {"yhteensä", "kaikki", "totalt", "total", "i alt", "alla", "sukupuolet yhteensä"}
COUNTRY_CODES = {"SSS", "FI", "MAA"}
AREA_PATTERNS = (
    (re.compile(r"^KU(\d{3})$"), MUNICIPALITY, ""),
    (re.compile(r"^(\d{3})$"), MUNICIPALITY, ""),
    (re.compile(r"^MK(\d{2})$"), AREA, "region"),
    (re.compile(r"^(?:HV|HYV)(\d{2})$"), AREA, "wellbeing_county"),
    (re.compile(r"^ELY(\d{2})$"), AREA, "ely_centre"),
    (re.compile(r"^EVK(\d{2})$"), AREA, "vitality_centre"),
)
# Levels Kotoplan does not keep (sub-regions, major regions …): counted as skipped.
# MA1/MA2 are mainland Finland and Åland, KR municipality groups, VP electoral districts.
SKIPPED_AREA = re.compile(r"^(SK\d{3}|SA\d|ERVA\d+|AVI\d+|SHP\d+|MA\d|KR\d+|VP\d{2})$")


def _plain(text: str) -> str:
    """'Vuosineljännes' → 'vuosineljannes', 'År' → 'ar', 'alue_23_20240101' → 'alue'."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return re.split(r"[^a-z]", ascii_only, maxsplit=1)[0]


class Dimension:
    def __init__(self, dim_id: str, size: int, data: object, position: int):
        where = _("Dimension %(dimension)r") % {"dimension": dim_id}
        if not isinstance(data, dict) or not isinstance(data.get("category"), dict):
            raise StatFinFormatError(
                _("%(where)s: 'category' is missing. Download the table again.") % {"where": where}
            )
        category = data["category"]
        index = category.get("index")
        if index is None and size == 1 and isinstance(category.get("label"), dict):
            index = list(category["label"])  # JSON-stat allows a lone category without index
        if isinstance(index, list):
            codes = [str(code) for code in index]
        elif isinstance(index, dict):
            codes = [""] * len(index)
            for code, number in index.items():
                if not isinstance(number, int) or not 0 <= number < len(index):
                    raise StatFinFormatError(
                        _("%(where)s: category %(code)r has an invalid index %(index)r.")
                        % {"where": where, "code": code, "index": number}
                    )
                codes[number] = str(code)
            if "" in codes:
                raise StatFinFormatError(
                    _("%(where)s: category indexes repeat.") % {"where": where}
                )
        else:
            raise StatFinFormatError(
                _("%(where)s: category 'index' is missing.") % {"where": where}
            )
        if len(codes) != size:
            raise StatFinFormatError(
                _(
                    "%(where)s: 'size' says %(size)s but the category index has %(count)s "
                    "categories. The file is damaged; download it again."
                )
                % {"where": where, "size": size, "count": len(codes)}
            )
        self.id = dim_id
        self.position = position
        self.plain = _plain(dim_id)
        self.label = str(data.get("label") or dim_id)
        self.codes = codes
        labels = category.get("label") if isinstance(category.get("label"), dict) else {}
        self.labels = {code: str(labels.get(code, code)) for code in codes}
        self.labelled = {code for code in codes if labels.get(code) not in (None, "")}
        self.has_label = bool(data.get("label"))
        self.units = category.get("unit") if isinstance(category.get("unit"), dict) else {}
        extension = data.get("extension") if isinstance(data.get("extension"), dict) else {}
        elimination = str(extension.get("eliminationValueCode") or "")
        self.totals = TOTAL_CODES | {elimination} - {""}
        self.totals |= {c for c in codes if self.labels[c].strip().casefold() in TOTAL_LABELS}

    def all_codes(self, test) -> bool:
        return bool(self.codes) and all(test(code) for code in self.codes)


def parse_period(code: str) -> tuple[int, str, int] | None:
    """'2024' → (2024, year, 0); '2024Q4' → (2024, quarter, 4); '2024M12' → (2024, month, 12)."""
    match = PERIOD.match(code.strip())
    if not match:
        return None
    year = int(match.group(1))
    if not 1800 <= year <= 2200:
        return None
    if match.group(3):
        return year, QUARTER, int(match.group(3))
    if match.group(4):
        month = int(match.group(4))
        return (year, MONTH, month) if 1 <= month <= 12 else None
    return year, YEAR, 0


def parse_area(code: str) -> AreaRef | bool | None:
    """An AreaRef; None for a level Kotoplan skips; False for a code it cannot read."""
    code = code.strip().upper()
    if code in COUNTRY_CODES:
        return AreaRef(COUNTRY)
    for pattern, level, kind in AREA_PATTERNS:
        if match := pattern.match(code):
            return AreaRef(level, match.group(1), kind)
    if SKIPPED_AREA.match(code):
        return None
    return False


def _by_role(dimensions, role: dict, name: str) -> list:
    wanted = role.get(name) if isinstance(role.get(name), list) else []
    return [d for d in dimensions if d.id in wanted]


def _by_code(dimensions, codes: tuple[str, ...]) -> list:
    return [d for d in dimensions if d.plain in codes]


def _described(dimensions) -> str:
    return ", ".join(f"{d.id} ({d.position})" for d in dimensions)


def _one(candidates: list, dimensions, what: str, hint: str):
    if len(candidates) == 1:
        return candidates[0]
    if len(candidates) > 1:
        raise StatFinFormatError(
            _(
                "Several dimensions could be the %(what)s: %(found)s. Select one value of all "
                "but one of them in the statistics service and download the table again."
            )
            % {"what": what, "found": _described(candidates)}
        )
    raise StatFinFormatError(
        _("Cannot tell which dimension is the %(what)s (dimensions: %(found)s). %(hint)s")
        % {"what": what, "found": _described(dimensions), "hint": hint}
    )


def find_time(dimensions, role: dict) -> Dimension:
    candidates = _by_role(dimensions, role, "time") or _by_code(dimensions, TIME_CODES)
    if len(candidates) > 1:
        candidates = [d for d in candidates if d.all_codes(parse_period)]
    if not candidates:
        candidates = [d for d in dimensions if d.all_codes(parse_period)]
    time = _one(
        candidates,
        dimensions,
        _("time"),
        _(
            "The time dimension has the role 'time' or a code such as Vuosi, Year, Tid or "
            "Kuukausi, and its categories are years (2024), quarters (2024Q4) or months "
            "(2024M12)."
        ),
    )
    for index, code in enumerate(time.codes):
        if parse_period(code) is None:
            raise StatFinFormatError(
                _(
                    "Dimension %(dimension)r, index %(index)s: %(code)r is not a year (2024), "
                    "a quarter (2024Q4) or a month (2024M12). Choose years, quarters or months "
                    "in the statistics service."
                )
                % {"dimension": time.id, "index": index, "code": code}
            )
    return time


def find_area(dimensions, role: dict) -> Dimension | None:
    """The area dimension; None when the table has none (its figures are for the country)."""
    candidates = _by_role(dimensions, role, "geo") or _by_code(dimensions, AREA_CODES)
    if len(candidates) > 1:
        candidates = [d for d in candidates if len(d.codes) > 1] or candidates[:1]
    if not candidates:
        # By content: every category an area code, and not only the total (SSS is also every
        # breakdown's total: "Sukupuoli: SSS" is both sexes, not the whole country).
        candidates = [
            d
            for d in dimensions
            if d.all_codes(lambda c: parse_area(c) is not False)
            and not d.all_codes(lambda c: c.strip().upper() in COUNTRY_CODES)
        ]
    if not candidates:
        return None
    return _one(candidates, dimensions, _("area"), "")


def find_metric(dimensions, role: dict) -> Dimension | None:
    """The content (indicator) dimension; None when the table has one content only."""
    candidates = _by_role(dimensions, role, "metric") or _by_code(dimensions, METRIC_CODES)
    if not candidates:
        return None
    return _one(candidates, dimensions, _("content (indicator)"), "")


def area_refs(area: Dimension | None) -> list:
    if area is None:
        return [AreaRef(COUNTRY)]
    refs = []
    for index, code in enumerate(area.codes):
        ref = parse_area(code)
        if ref is False:
            raise StatFinFormatError(
                _(
                    "Dimension %(dimension)r, index %(index)s: unknown region code %(code)r "
                    "(expected SSS, KU091 or 091, MK01, HV01). Select municipalities, regions, "
                    "wellbeing services counties or the whole country."
                )
                % {"dimension": area.id, "index": index, "code": code}
            )
        refs.append(ref)
    return refs


TABLE_IN_NAME = re.compile(r"(?:^|[/_\-. ])(\d{2,3}[a-z]{1,3})(?:\.px|[/_\-. ]|$)", re.IGNORECASE)


def table_id_from(*texts: str) -> str:
    """A StatFin table id (11ra, 14jt, 159t) from an address, a file name or a matrix name."""
    for text in texts:
        if text and (match := TABLE_IN_NAME.search(text)):
            return match.group(1).lower()
    return ""
