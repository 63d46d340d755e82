"""Whatever a JSON-stat file holds, the reader answers with a message, never a crash."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kotoplan.monitoring.statistics.integrations.statfin.errors import StatFinFormatError
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from tests.monitoring.statistics.test_statfin_shapes import MONTH, QUARTER

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=6), children, max_size=4)
    ),
    max_leaves=12,
)
SAMPLES = [json.loads(path.read_text(encoding="utf-8")) for path in (QUARTER, MONTH)]
PLACES = [
    ("id",),
    ("size",),
    ("role",),
    ("value",),
    ("status",),
    ("extension",),
    ("dimension",),
    ("dimension", "Alue"),
    ("dimension", "Alue", "category"),
    ("dimension", "Alue", "category", "index"),
    ("dimension", "Tiedot", "category", "unit"),
]


def _replace(data: dict, place: tuple, value) -> dict:
    data = json.loads(json.dumps(data))
    target = data
    for key in place[:-1]:
        target = target.get(key) if isinstance(target, dict) else None
        if target is None:
            return data
    if isinstance(target, dict):
        target[place[-1]] = value
    return data


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SAMPLES), st.sampled_from(PLACES), JSON)
def test_any_content_in_any_place__a_message_or_a_dataset(sample, place, value):
    outcome = _read(json.dumps(_replace(sample, place, value)))
    if isinstance(outcome, str):
        assert outcome.strip()
    else:
        assert outcome.indicators


def _read(text: str):
    """The dataset, or the message of the refusal; any other exception fails the test."""
    try:
        return parse_jsonstat(text, table_id="x1")
    except StatFinFormatError as exc:
        return exc.message
