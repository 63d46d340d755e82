"""The library's search index keeps up with the plans: an edit, a progress report, a statistics
import and a change committed late are all found by the next search, on either database; a
refresh too large for a request is left to the background task."""

import datetime as dt
import json

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from kotoplan.library.models import IndexState, SearchEntry
from kotoplan.library.selectors import SearchParams, search_counts
from kotoplan.library.services import index_refresh
from kotoplan.library.tasks import index_refresh_for_request
from kotoplan.monitoring.rounds.models import MeasureUpdate
from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from tests.library.conftest import report
from tests.library.test_evidence import employment_rate, statistic_indicator  # noqa: F401

pytestmark = pytest.mark.django_db


def found(client, **query) -> str:
    return client.get("/library/", query).content.decode()


def test_an_edited_title_is_found_at_the_next_search(library, client):
    assert "Kerhotoiminta" in found(client, q="kerhotoiminta")
    club = library["club"]
    club.title_fi = "Nuorten liikuntakerho"
    club.save()
    assert "<mark>liikuntakerho</mark>" in found(client, q="liikuntakerho")
    assert "Kerhotoiminta" not in found(client, q="kerhotoiminta")


def test_a_removed_measure_is_no_longer_found(library, client):
    assert "Kerhotoiminta" in found(client, q="kerhotoiminta")
    library["club"].delete()
    assert "Kerhotoiminta" not in found(client, q="kerhotoiminta")


def test_a_progress_report_becomes_evidence_at_once(library, client):
    page = found(client, q="kotoutumiskoulutus", evidence="on")
    assert "verkossa" not in page  # reported delayed
    report(library["integration"], MeasureUpdate.Status.DONE, period="2026")
    assert "verkossa" in found(client, q="kotoutumiskoulutus", evidence="on")


def test_a_statistics_import_becomes_evidence(library, employment_rate, anonymous):  # noqa: F811
    """An import writes its values in bulk (not audited one by one): its run's entry is what
    tells the index that every plan with statistics may have new evidence."""
    statistic_indicator(library["club"].objective, "Työllisyysaste", "increase")
    params = SearchParams(kind="indicator", text="työllisyysaste", evidence=True)
    StatisticValue.objects.filter(indicator=employment_rate, period__gt=2024).delete()
    index_refresh()
    assert search_counts(user=anonymous, params=params)["indicator"] == 0
    StatisticValue.objects.bulk_create(
        [
            StatisticValue(
                indicator=employment_rate,
                municipality=library["plan_b"].lead_municipality,
                period=2026,
                value=65,
            )
        ]
    )
    index_refresh()
    assert search_counts(user=anonymous, params=params)["indicator"] == 0  # nothing audited
    ImportRun.objects.create(source="sotkanet", status=ImportRun.Status.SUCCEEDED)
    index_refresh()
    assert search_counts(user=anonymous, params=params)["indicator"] == 1


def test_an_entry_committed_after_a_later_one_is_read(library, anonymous):
    """A transaction may commit an audit entry after another with a higher id was read: entries
    of the last minutes are read again unless already seen."""
    index_refresh()
    club = library["club"]
    club.title_fi = "Myöhässä tallentunut kerho"
    club.save()
    state = IndexState.objects.get()
    state.mark = LogEntry.objects.order_by("-pk").first().pk  # as if read past it already
    state.save()
    index_refresh()
    assert search_counts(user=anonymous, params=SearchParams(text="myöhässä"))["measure"] == 1
    seen = [pk for pk, _stamp in IndexState.objects.get().recent]
    assert LogEntry.objects.order_by("-pk").first().pk in seen


def test_entries_older_than_the_window_are_not_read_again(library, monkeypatch):
    index_refresh()
    club = library["club"]
    club.title_fi = "Kerho"
    club.save()
    later = timezone.now() + dt.timedelta(minutes=3)
    monkeypatch.setattr(timezone, "now", lambda: later)
    assert index_refresh().plans == 1
    assert index_refresh().plans == 0
    assert IndexState.objects.get().recent == []


def test_a_large_refresh_is_left_to_the_task(library, anonymous, monkeypatch):
    index_refresh()
    club = library["club"]
    club.title_fi = "Iso päivitys"
    club.save()
    assert index_refresh(most=0).deferred
    assert not index_refresh(most=0).deferred  # asked for once, not on every search
    assert not SearchEntry.objects.filter(text__contains="iso päivitys").exists()
    # A search with no share of the work for itself enqueues the task (run at once in tests).
    monkeypatch.setattr("kotoplan.library.tasks.INLINE_MOST", 0)
    IndexState.objects.update(deferred_at=None)
    index_refresh_for_request()
    assert IndexState.objects.get().deferred_at is None
    assert search_counts(user=anonymous, params=SearchParams(text="päivitys"))["measure"] == 1


def test_a_restored_municipality_is_found_again(library, municipality_b, tmp_path):
    """A restore (`import_municipality`) writes the municipality's audit trail back: the index
    reads it like any other change and finds the restored plan's measures."""
    from tests.documents.municipality_wipe import wipe_municipality
    from tests.documents.test_municipality_backup import _export, _import

    params = SearchParams(text="kerhotoiminta")
    index_refresh()
    assert search_counts(user=None, params=params)["measure"] == 1
    path = tmp_path / "b.json"
    path.write_text(json.dumps(_export(municipality_b.code)), encoding="utf-8")
    wipe_municipality(municipality_b.code)
    index_refresh()
    assert search_counts(user=None, params=params)["measure"] == 0
    assert "rows imported" in _import(path)
    index_refresh()
    assert search_counts(user=None, params=params)["measure"] == 1
