"""The JSON-stat 2.0 importer on the real 14jt answer, and on broken variants of it."""

import json
from decimal import Decimal

import pytest

from kotoplan.monitoring.statistics.integrations.statfin.errors import StatFinFormatError
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.monitoring.conftest import AREA_DIMENSION, STATFIN_SAMPLE, statfin_sample, statfin_subset

ECEC = "statfin-14jt-vko"


def _import(data) -> object:
    text = data if isinstance(data, str | bytes) else json.dumps(data)
    return statistic_values_import(dataset=parse_jsonstat(text))


def test_parse__real_sample():
    dataset = parse_jsonstat(STATFIN_SAMPLE.read_bytes())
    assert set(dataset.indicators) == {"statfin-14jt-vko", "statfin-14jt-vaka-lapsi-lkm"}
    assert len(dataset.values) == 620
    country = [o for o in dataset.values if o.area.level == "country"]
    assert [(o.indicator_code, o.value) for o in country] == [
        ("statfin-14jt-vaka-lapsi-lkm", Decimal(233772)),
        ("statfin-14jt-vko", Decimal(32520)),
    ]
    assert dataset.indicators[ECEC].source_code == (
        "14jt: contentscode=vko; Varhaiskasvatus_5_20250101=SSS"
    )


def test_import__real_sample_into_reference_data(reference_data):
    counts = _import(STATFIN_SAMPLE.read_bytes())
    # 310 areas × 2 contents; Pertunmaa (588, merged 1.1.2025) is skipped for both contents.
    assert (counts.created, counts.updated, counts.unchanged, counts.skipped) == (618, 0, 0, 2)
    tampere = StatisticValue.objects.get(
        indicator__code=ECEC, municipality__code="837", period=2024
    )
    sample = statfin_sample()
    index = sample["dimension"][AREA_DIMENSION]["category"]["index"]["KU837"]
    assert tampere.value == Decimal(sample["value"][index * 2 + 1])
    country = StatisticValue.objects.get(indicator__code=ECEC, country=True, period=2024)
    assert country.value == Decimal(32520)
    # The source does not cover Åland: its zeros are stored as missing, never as 0.
    mariehamn = StatisticValue.objects.get(indicator__code=ECEC, municipality__code="478")
    assert (mariehamn.value, mariehamn.status) == (None, "missing")
    assert StatIndicator.objects.get(code=ECEC).attribution == "Statistics Finland"


def test_import__identical_file_again_changes_nothing(reference_data):
    _import(STATFIN_SAMPLE.read_bytes())
    before = list(StatisticValue.objects.order_by("pk").values_list("pk", "value", "status"))
    counts = _import(STATFIN_SAMPLE.read_bytes())
    assert (counts.created, counts.updated, counts.unchanged) == (0, 0, 618)
    after = list(StatisticValue.objects.order_by("pk").values_list("pk", "value", "status"))
    assert after == before


def test_import__changed_value_updates_only_that_row(municipality_a, catalogue):
    data = statfin_subset(["SSS", "KU049"])
    _import(data)
    data["value"][3] += 1
    counts = _import(data)
    assert (counts.created, counts.updated, counts.unchanged) == (0, 1, 3)


def test_parse__index_as_list_status_symbols_and_nulls(municipality_a, catalogue):
    data = statfin_subset(["SSS", "KU049"])
    data["dimension"][AREA_DIMENSION]["category"]["index"] = ["SSS", "KU049"]
    data["value"][2], data["value"][3] = None, None
    data["status"] = {"2": "...", "3": ".."}
    _import(data)
    rows = dict(
        StatisticValue.objects.filter(municipality=municipality_a).values_list(
            "indicator__code", "status"
        )
    )
    assert rows == {"statfin-14jt-vaka-lapsi-lkm": "suppressed", "statfin-14jt-vko": "missing"}
    assert not StatisticValue.objects.filter(municipality=municipality_a, value=0).exists()


BROKEN = [
    (
        "truncated",
        lambda text: text[: len(text) // 2],
        "The file is not valid JSON (truncated or malformed)",
    ),
    (
        "value count",
        lambda text: json.dumps({**json.loads(text), "value": json.loads(text)["value"][:-1]}),
        "The file has 619 values but the product of the dimension sizes is 620.",
    ),
    (
        "size",
        lambda text: json.dumps({**json.loads(text), "size": [1, 311, 1, 2]}),
        "Dimension 'alue_23_20240101': 'size' says 311 but the category index has 310",
    ),
    (
        "dimension missing",
        lambda text: json.dumps({**json.loads(text), "id": [*json.loads(text)["id"][:3], "x"]}),
        "Dimension 'x' is listed in 'id' but not described.",
    ),
    (
        "sizes vs ids",
        lambda text: json.dumps({**json.loads(text), "size": [1, 310, 1]}),
        "'id' names 4 dimensions but 'size' gives 3 sizes.",
    ),
    (
        "region code",
        lambda text: text.replace('"KU049":12', '"XX049":12'),
        "Dimension 'alue_23_20240101', index 12: unknown region code 'XX049'",
    ),
    (
        "not a number",
        lambda text: json.dumps(
            {**json.loads(text), "value": ["12a", *json.loads(text)["value"][1:]]}
        ),
        "Value 0 (timeperiod_y=2024, alue_23_20240101=SSS, "
        "Varhaiskasvatus_5_20250101=SSS, contentscode=vaka_lapsi_lkm): the value '12a' is text",
    ),
    (
        "period",
        lambda text: text.replace('"2024":0', '"2024X1":0'),
        "Dimension 'timeperiod_y', index 0: '2024X1' is not a year (2024), a quarter (2024Q4) "
        "or a month (2024M12).",
    ),
]


@pytest.mark.parametrize(("name", "breaks", "message"), BROKEN, ids=[b[0] for b in BROKEN])
def test_import__broken_file_is_rejected_and_nothing_is_written(
    reference_data, name, breaks, message
):
    _import(STATFIN_SAMPLE.read_bytes())
    before = list(StatisticValue.objects.order_by("pk").values_list("pk", "value", "status"))
    broken = breaks(STATFIN_SAMPLE.read_text(encoding="utf-8"))
    with pytest.raises(StatFinFormatError) as caught:
        _import(broken)
    assert message in caught.value.message
    assert (
        list(StatisticValue.objects.order_by("pk").values_list("pk", "value", "status")) == before
    )


def test_import__municipality_not_in_reference_data_is_skipped_and_named(municipality_a, catalogue):
    # A table of an older municipal division names municipalities merged since: their rows are
    # skipped with a note naming them, the rest go in.
    data = statfin_subset(["SSS", "KU049", "KU091"])  # Helsinki is not in these fixtures
    dataset = parse_jsonstat(json.dumps(data))
    counts = statistic_values_import(dataset=dataset)
    assert counts.created == StatisticValue.objects.count() > 0
    assert StatisticValue.objects.filter(municipality=municipality_a).exists()
    assert not StatisticValue.objects.filter(municipality__code="091").exists()
    assert counts.skipped > 0
    assert any("091" in reason for reason in dataset.skipped_reasons)


def test_import__no_municipality_in_reference_data_is_rejected_atomically(
    municipality_a, catalogue
):
    data = statfin_subset(["KU091"])  # none of the table's municipalities is known
    with pytest.raises(Exception, match=r"unknown region code, municipality 091") as caught:
        _import(data)
    assert "alue_23_20240101=KU091" in str(caught.value)
    assert StatisticValue.objects.count() == 0
