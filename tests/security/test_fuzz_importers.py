"""Whatever a file holds, every importer answers with the imported data or a message naming
the row, line or field: never a server error, and a refused file writes nothing (the rows of
plans, parts and statistics are counted before and after).

Files are the real samples changed by Hypothesis: cells of a plan spreadsheet (CSV), the texts
and bytes of a StratML file, any JSON value in any place of a JSON-stat file, and Sotkanet
rows (JSON and CSV). The payload corpus is among the texts. Examples are derandomized so that
every run tries the same ones."""

import csv
import io
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import etree

from kotoplan.documents.models import PlanImport
from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.monitoring.conftest import (
    SOTKANET_JSON,
    SOTKANET_REGIONS,
    catalogue,
    sotkanet_municipalities,  # noqa: F401
    statfin_subset,
)

from .payloads import PAYLOADS

pytestmark = pytest.mark.django_db
__all__ = ["catalogue"]

TEXT = st.sampled_from(PAYLOADS) | st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=40
)
FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | TEXT,
    lambda children: st.lists(children, max_size=3) | st.dictionaries(TEXT, children, max_size=3),
    max_leaves=8,
)
HEADER = ["Teema", "Tavoite", "Toimenpide", "Vastuuyksikkö", "Alkaa", "Mittari", "Lähtötaso"]
HEADER += ["Lähtötason vuosi", "Tietolähde", "Koodi"]
CELL = TEXT | st.sampled_from(
    ["Työllisyys ja koulutus", "1.3.2026", "31.2.2026", "58,5", "-5", "2024", "Sotkanet", ""]
)


def _plan_counts() -> tuple:
    return tuple(m.objects.count() for m in (Plan, Objective, Measure, Indicator))


def _has_message(html: str) -> bool:
    return 'class="error"' in html or 'class="error-summary"' in html


@FUZZ
@given(rows=st.lists(st.lists(CELL, min_size=len(HEADER), max_size=len(HEADER)), max_size=4))
def test_spreadsheet_import__any_cells(client, coordinator_a, municipality_a, themes, rows):
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=";").writerows([HEADER, *rows])
    client.force_login(coordinator_a)
    before = _plan_counts()
    response = client.post(
        reverse("documents:import_spreadsheet"),
        {
            "lead_municipality": municipality_a.pk,
            "title_fi": "Tuotu",
            "period_start": 2026,
            "period_end": 2029,
            "form": Plan.Form.SEPARATE,
            "file": SimpleUploadedFile("plan.csv", buffer.getvalue().encode("utf-8")),
        },
    )
    if response.status_code == 200:
        assert _has_message(response.content.decode())
        assert _plan_counts() == before
        return
    assert response.status_code == 302
    saved = client.post(response["Location"])
    assert saved.status_code == 302
    plan_import = PlanImport.objects.latest("pk")
    if plan_import.status == PlanImport.Status.SAVED:
        assert _plan_counts()[0] == before[0] + 1
    else:  # parties found nowhere: the preview offers to add them, nothing saved
        assert _plan_counts() == before


@pytest.fixture
def stratml(client, coordinator_a, full_draft_plan) -> bytes:
    client.force_login(coordinator_a)
    return client.get(reverse("documents:plan_stratml", args=[full_draft_plan.pk])).content


def _xml_text(text: str) -> str:
    """What lxml may hold as text: XML 1.0 characters only."""
    return "".join(
        c for c in text if c in "\t\n\r" or 0x20 <= ord(c) <= 0xD7FF or 0xE000 <= ord(c) <= 0xFFFD
    )


@FUZZ
@given(data=st.data())
def test_stratml_import__any_texts_or_bytes(client, municipality_a, stratml, data):
    if data.draw(st.booleans(), label="change texts"):
        root = etree.fromstring(stratml)
        elements = [e for e in root.iter() if isinstance(e.tag, str)]
        for element in data.draw(st.lists(st.sampled_from(elements), min_size=1, max_size=4)):
            element.text = _xml_text(data.draw(TEXT, label=element.tag))
        content = etree.tostring(root, xml_declaration=True, encoding="utf-8")
    else:
        at = data.draw(st.integers(0, len(stratml)), label="at")
        content = stratml[:at] + data.draw(st.binary(max_size=20), label="bytes") + stratml[at:]
    before = _plan_counts()
    response = client.post(
        reverse("documents:import_stratml"),
        {
            "lead_municipality": municipality_a.pk,
            "language": "fi",
            "file": SimpleUploadedFile("plan.xml", content),
        },
    )
    if response.status_code == 200:
        assert _has_message(response.content.decode())
        assert _plan_counts() == before
    else:
        assert response.status_code == 302
        assert _plan_counts()[0] == before[0] + 1


def _statistics_import(client, files: dict, source: str, municipality, capture) -> ImportRun:
    before = StatisticValue.objects.count()
    with capture(execute=True):
        response = client.post(
            reverse("monitoring:import"),
            {"source": source, "municipality": municipality.pk, **files},
        )
    if response.status_code == 200:  # the form refused the file (size, encoding)
        assert _has_message(response.content.decode())
        assert StatisticValue.objects.count() == before
        return None
    run = ImportRun.objects.latest("pk")
    assert run.status in (ImportRun.Status.SUCCEEDED, ImportRun.Status.FAILED)
    if run.status == ImportRun.Status.FAILED:
        assert run.error_message.strip()
        assert StatisticValue.objects.count() == before
    page = client.get(reverse("monitoring:import_run", args=[run.pk]))
    assert page.status_code == 200
    return run


def _replace(data, path: list, value):
    target = data
    for key in path[:-1]:
        target = target[key]
    target[path[-1]] = value
    return data


def _places(data, path=()):
    """Every place (path of keys and indexes) in a JSON document."""
    yield list(path)
    if isinstance(data, dict | list):
        for key, value in data.items() if isinstance(data, dict) else enumerate(data):
            yield from _places(value, (*path, key))


@FUZZ
@given(data=st.data())
def test_statfin_import__any_value_in_any_place(
    client, coordinator_a, municipality_a, catalogue, django_capture_on_commit_callbacks, data
):
    document = statfin_subset(["SSS", "KU049"])
    places = [p for p in _places(document) if p]
    document = _replace(document, data.draw(st.sampled_from(places)), data.draw(JSON))
    client.force_login(coordinator_a)
    files = {"data_file": SimpleUploadedFile("14jt.json", json.dumps(document).encode())}
    _statistics_import(client, files, "statfin", municipality_a, django_capture_on_commit_callbacks)


@FUZZ
@given(data=st.data())
def test_sotkanet_import__any_rows_json_or_csv(
    client,
    coordinator_a,
    sotkanet_municipalities,  # noqa: F811
    catalogue,
    django_capture_on_commit_callbacks,
    data,
):
    rows = json.loads(SOTKANET_JSON.read_text(encoding="utf-8"))[:3]
    row = data.draw(st.sampled_from(rows))
    row[data.draw(st.sampled_from([*row, "absValue", "extra"]))] = data.draw(JSON)
    if data.draw(st.booleans(), label="as CSV"):
        keys = ["indicator", "region", "year", "gender", "value", "absValue"]
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=";").writerows(
            [keys, *([str(r.get(k, "")) for k in keys] for r in rows)]
        )
        name, content = "sotkanet.csv", buffer.getvalue().encode("utf-8")
    else:
        name, content = "sotkanet.json", json.dumps(rows).encode("utf-8")
    client.force_login(coordinator_a)
    files = {
        "data_file": SimpleUploadedFile(name, content),
        "regions_file": SimpleUploadedFile("regions.json", SOTKANET_REGIONS.read_bytes()),
    }
    _statistics_import(
        client, files, "sotkanet", sotkanet_municipalities[0], django_capture_on_commit_callbacks
    )
