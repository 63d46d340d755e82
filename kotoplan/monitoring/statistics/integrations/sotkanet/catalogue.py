"""Sotkanet's indicator metadata: the offline catalogue and the API's indicator answers.

The catalogue is the answer of `/rest/1.1/indicators` (a list of {"id", "title" {fi, sv, en},
"organization" {"id", "title"}, "classifications"}), shipped in data/statistics/sotkanet/ and
kept current by `manage.py update_sotkanet_catalogue`. The answer of `/rest/1.1/indicators/<id>`
adds "description", "decimals" and "primaryValueType"; both shapes are read by `definition`.
"""

import json
import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from ...models import IndicatorDefinition

SOURCE = "sotkanet"
LANGUAGES = ("fi", "sv", "en")


def _texts(raw: object) -> dict[str, str]:
    if isinstance(raw, str):
        return {"fi": raw}
    if not isinstance(raw, dict):
        return {}
    return {lang: str(raw[lang]).strip() for lang in LANGUAGES if raw.get(lang)}


def definition(indicator_id: int, metadata: dict | None) -> IndicatorDefinition:
    """The indicator's names, unit, description and producer; a bare id without metadata."""
    metadata = metadata if isinstance(metadata, dict) else {}
    titles = _texts(metadata.get("title"))
    descriptions = _texts(metadata.get("description"))
    organisation = metadata.get("organization")
    producer = _texts(organisation.get("title")) if isinstance(organisation, dict) else {}
    value_type = metadata.get("primaryValueType")
    unit = _texts(value_type.get("title")) if isinstance(value_type, dict) else {}
    decimals = metadata.get("decimals")
    return IndicatorDefinition(
        code=f"sotkanet-{indicator_id}",
        source=SOURCE,
        source_code=str(indicator_id),
        **{f"name_{lang}": text[:300] for lang, text in titles.items()},
        **{f"definition_{lang}": text for lang, text in descriptions.items()},
        unit=(unit.get("fi") or "")[:60],
        decimals=decimals if isinstance(decimals, int) and 0 <= decimals <= 4 else 0,
        organisation=(producer.get("fi") or producer.get("en") or "")[:200],
    )


def read(content: str | bytes) -> dict[int, dict]:
    """Indicator id → metadata, from an indicator list; items without an integer id are left
    out."""
    data = json.loads(content)
    if not isinstance(data, list):
        raise ValueError("The Sotkanet indicator list must be a JSON array.")
    return {
        item["id"]: item
        for item in data
        if isinstance(item, dict) and isinstance(item.get("id"), int)
    }


@lru_cache(maxsize=2)
def _shipped(path: Path, mtime: float) -> dict[int, dict]:
    return read(path.read_bytes())


def shipped() -> dict[int, dict]:
    """The offline catalogue (re-read when the file changes); empty when it is missing."""
    path = Path(settings.KOTOPLAN_SOTKANET_CATALOGUE)
    if not path.exists():
        return {}
    return _shipped(path, path.stat().st_mtime)


def shipped_regions_path() -> Path:
    return Path(settings.KOTOPLAN_SOTKANET_CATALOGUE).with_name("regions.json")


AGE_RANGE = re.compile(r"^(\d{1,3})\s*[-–_]\s*(\d{1,3})$")
AGE_FROM = re.compile(r"^(\d{1,3})\s*(?:\+|[-–_]|-?\s*v(?:uotta)?\s*\+?)$")
AGE_UNDER = re.compile(r"^[-–_<]\s*(\d{1,3})$")


@lru_cache(maxsize=2)
def _breakdowns(path: Path, mtime: float) -> dict:
    return json.loads(path.read_bytes())


def breakdown_names() -> dict:
    """The shipped names of Sotkanet breakdown codes (data/statistics/sotkanet/breakdowns.json)."""
    path = shipped_regions_path().with_name("breakdowns.json")
    if not path.exists():
        path = Path(settings.BASE_DIR) / "data" / "statistics" / "sotkanet" / "breakdowns.json"
    return _breakdowns(path, path.stat().st_mtime)


def breakdown_label(dimension: str, code: str) -> dict[str, str]:
    """{lang: name} of a gender or age group code ("" names the breakdown itself); empty when
    the code is not known."""
    names = breakdown_names()
    known = names.get(dimension, {}).get(code) or names.get(dimension, {}).get(code.lower())
    if known:
        return dict(known)
    if dimension != "age":
        return {}
    patterns = names.get("age_patterns", {})
    text = code.strip()
    for kind, pattern in (("range", AGE_RANGE), ("from", AGE_FROM), ("under", AGE_UNDER)):
        match = pattern.match(text)
        if match and kind in patterns:
            numbers = match.groups()
            if kind == "range":
                values = {"low": int(numbers[0]), "high": int(numbers[1])}
            elif kind == "from":
                values = {"low": int(numbers[0])}
            else:
                values = {"limit": int(numbers[0])}
            return {lang: form.format(**values) for lang, form in patterns[kind].items()}
    return {}
