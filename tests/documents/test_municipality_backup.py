"""A municipality's whole data survives export, loss and import: the export made after the
import equals the one made before it, and a damaged file is refused without writing anything.
Runs on SQLite and on PostgreSQL (DATABASE_URL)."""

import io
import json
from collections import Counter

import pytest
from auditlog.models import LogEntry
from django.core.management import CommandError, call_command
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kotoplan.demo.services import content
from kotoplan.demo.services.content.consultations import load_consultations
from kotoplan.demo.services.content.cooperation import load_cooperation
from kotoplan.demo.services.loader import DemoLoader
from kotoplan.documents.exporters.municipality_spec import data_counts
from kotoplan.documents.importers.municipality import RestoreRefused
from kotoplan.documents.services import municipality_data_import
from kotoplan.geography.models import Municipality
from kotoplan.monitoring.statistics.models import StatIndicator, StatisticValue
from kotoplan.planning.models import Plan, Theme

from .municipality_wipe import wipe_municipality

TAMPERE = "837"


def _load_demo() -> None:
    for command in ("load_reference_data", "sync_organisations"):
        call_command(command, stdout=io.StringIO())
    loader = DemoLoader()
    loader.load_organisations()
    loader.load_users()
    loader.themes = {theme.code: theme for theme in Theme.objects.all()}
    for spec in content.plans():
        if spec["lead"] == TAMPERE:
            loader.load_plan(spec)
    load_consultations(loader.report)
    load_cooperation(admin=loader.admin, organisations=loader.organisations, report=loader.report)
    loader.load_monitoring()
    tampere = Municipality.objects.get(code=TAMPERE)
    indicator = StatIndicator.objects.create(
        code="kp_share", name_fi="Osuus", unit="%", source=StatIndicator.Source.STATFIN
    )
    for year in (2023, 2024):
        StatisticValue.objects.create(
            indicator=indicator, municipality=tampere, period=year, value=10 + year % 10
        )


def _export(code: str = TAMPERE) -> dict:
    out = io.StringIO()
    call_command("export_municipality", code, "-", stdout=out)
    document = json.loads(out.getvalue())
    document.pop("exported_at")
    return document


def _import(path) -> str:
    out = io.StringIO()
    call_command("import_municipality", str(path), stdout=out)
    return out.getvalue()


@pytest.mark.django_db
def test_round_trip__the_export_after_import_equals_the_one_before(tmp_path, report_count):
    _load_demo()
    before = _export()
    counts = {s["model"]: len(s["rows"]) for s in before["data"]}
    assert counts["planning.plan"] == 2  # the adopted plan and its new version
    for label in (
        "planning.objective",
        "planning.measure",
        "planning.indicator",
        "planning.decisionstep",
        "monitoring.monitoringround",
        "monitoring.measureupdate",
        "monitoring.statisticvalue",
        "cooperation.cooperationgroup",
        "cooperation.meeting",
        "participation.consultation",
        "participation.submission",
        "participation.comment",
        "accounts.organisation",
        "accounts.user",
        "auditlog.logentry",
    ):
        assert counts[label] > 0, label
    path = tmp_path / "tampere.json"
    path.write_text(json.dumps(before), encoding="utf-8")

    users = [row["username"] for row in before["data"][0]["rows"]]
    wipe_municipality(TAMPERE, users=users)
    assert data_counts(Municipality.objects.get(code=TAMPERE)) == {}

    assert "rows imported" in _import(path)
    after = _export()

    assert after == before
    plan = Plan.objects.filter(lead_municipality__code=TAMPERE).order_by("pk").last()
    assert plan.previous_version is not None  # links between versions restored
    rows = sum(counts.values())
    report_count("Municipality backup", f"{rows} rows exported, imported, 0 lost")


def _small_export(tmp_path, municipality_a, coordinator_a, themes) -> tuple[dict, str]:
    from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory

    plan = PlanFactory(lead_municipality=municipality_a)
    objective = ObjectiveFactory(plan=plan, theme=themes["employment_education"])
    MeasureFactory(objective=objective)
    document = _export(municipality_a.code)
    wipe_municipality(municipality_a.code)
    return document, municipality_a.code


def _rows_now() -> int:
    return (
        Plan.objects.count() + LogEntry.objects.exclude(content_type__model="municipality").count()
    )


@pytest.mark.django_db
def test_damaged_file__refused_naming_the_problem_and_nothing_written(
    tmp_path, municipality_a, coordinator_a, themes
):
    document, code = _small_export(tmp_path, municipality_a, coordinator_a, themes)
    sections = {s["model"]: s["rows"] for s in document["data"]}
    measure = sections["planning.measure"][0]
    damaged = {
        "not JSON": (b'{"format": "kotoplan.municipality", ', "not valid JSON"),
        "other version": ({**document, "version": 99}, "format version 99"),
        "bad link": (
            ("planning.measure", "objective", 7),
            "planning.measure row 1, field objective",
        ),
        "bad date": (
            ("planning.plan", "created_at", "yesterday"),
            "planning.plan row 1, field created_at",
        ),
        "unknown field": (("planning.objective", "colour", "red"), "unknown field(s) colour"),
    }
    assert measure["objective"] == 1
    refused = 0
    for name, (change, expected) in damaged.items():
        if isinstance(change, tuple):
            label, field, value = change
            bad = json.loads(json.dumps(document))
            section = next(s for s in bad["data"] if s["model"] == label)
            section["rows"][0][field] = value
            content = json.dumps(bad).encode()
        else:
            content = change if isinstance(change, bytes) else json.dumps(change).encode()
        path = tmp_path / f"{name}.json"
        path.write_bytes(content)
        before = _rows_now()
        with pytest.raises(CommandError, match="Nothing was imported") as refusal:
            _import(path)
        assert expected in str(refusal.value), name
        assert _rows_now() == before, name  # nothing half-written
        refused += 1
    assert data_counts(Municipality.objects.get(code=code)) == {}
    assert refused == len(damaged)


@pytest.mark.django_db
def test_existing_data__an_import_over_it_is_refused(
    tmp_path, municipality_a, coordinator_a, themes
):
    document, code = _small_export(tmp_path, municipality_a, coordinator_a, themes)
    path = tmp_path / "a.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    _import(path)
    with pytest.raises(CommandError, match="already has data"):
        _import(path)
    assert Plan.objects.filter(lead_municipality__code=code).count() == 1


VALUES = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(2**40), max_value=2**40),
    st.text(max_size=20),
    st.lists(st.integers(), max_size=3),
    st.dictionaries(st.text(max_size=5), st.integers(), max_size=2),
)


@pytest.mark.django_db
def test_damaged_values__never_a_crash_always_all_or_nothing(
    tmp_path, municipality_a, coordinator_a, themes, report_count
):
    document, code = _small_export(tmp_path, municipality_a, coordinator_a, themes)
    cells = [
        (i, r, field)
        for i, section in enumerate(document["data"])
        for r, row in enumerate(section["rows"])
        for field in row
    ]
    outcomes: Counter = Counter()

    @settings(
        max_examples=20,
        deadline=None,
        derandomize=True,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    )
    @given(cell=st.sampled_from(cells), value=VALUES)
    def attempt(cell, value):
        i, r, field = cell
        bad = json.loads(json.dumps(document))
        bad["data"][i]["rows"][r][field] = value
        before = _rows_now()
        refusal = ""
        try:
            municipality_data_import(content=json.dumps(bad))
        except RestoreRefused as exc:
            refusal = exc.message
        if refusal:
            assert " row " in refusal or "file" in refusal  # names where the problem is
            assert _rows_now() == before  # nothing half-written
            outcomes["refused"] += 1
        else:
            outcomes["imported"] += 1
            wipe_municipality(code)

    attempt()
    report_count("Municipality import fuzz", f"{sum(outcomes.values())} damaged files, {outcomes}")
