"""Copying a measure of another plan into one's own draft: who may, what is copied, where the
origin shows (plan page, documents) and how the origin municipality sees the reuse."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied

from kotoplan.documents.selectors import plan_document
from kotoplan.library.selectors import plan_reuses, reuse_targets
from kotoplan.library.services import measure_reuse
from kotoplan.planning.models import Indicator, Measure, Plan

pytestmark = pytest.mark.django_db


def test_coordinator_copies_a_measure_with_its_indicator(library, coordinator_a):
    copy = measure_reuse(
        actor=coordinator_a, measure=library["language"], objective=library["target"]
    )
    assert copy.objective == library["target"]
    assert copy.reused_from == library["language"]
    assert copy.title_fi == "Kielikoulutuksen lisääminen työikäisille"
    assert copy.responsible_organisation is None  # named by the new plan's coordinator
    assert copy.status == Measure.Status.PLANNED
    indicator = Indicator.objects.get(measure=copy)
    assert indicator.reused_from == library["indicator"]
    assert indicator.name_fi == "Kielikoulutukseen osallistuneet"
    assert indicator.baseline_value is None  # the other municipality's figures stay there


def test_the_copy_is_in_the_audit_trail_as_the_coordinator(library, coordinator_a):
    copy = measure_reuse(
        actor=coordinator_a, measure=library["language"], objective=library["target"]
    )
    entry = LogEntry.objects.get_for_object(copy).get()
    assert entry.actor == coordinator_a
    assert "reused_from" in entry.changes_dict


def test_only_into_a_draft_of_ones_own_municipality(library, coordinator_a, coordinator_b):
    with pytest.raises(PermissionDenied):
        measure_reuse(actor=coordinator_b, measure=library["language"], objective=library["target"])
    plan = library["draft_a"]
    Plan.objects.filter(pk=plan.pk).update(state=Plan.State.CONSULTATION)
    library["target"].plan.refresh_from_db()
    with pytest.raises(PermissionDenied):
        measure_reuse(actor=coordinator_a, measure=library["language"], objective=library["target"])


def test_a_hidden_draft_cannot_be_copied(library, coordinator_a):
    with pytest.raises(PermissionDenied):
        measure_reuse(actor=coordinator_a, measure=library["secret"], objective=library["target"])


def test_reuse_targets_are_the_coordinators_drafts(library, coordinator_a, viewer_a, anonymous):
    assert list(reuse_targets(user=coordinator_a)) == [library["target"]]
    assert list(reuse_targets(user=viewer_a)) == []
    assert list(reuse_targets(user=anonymous)) == []


def test_origin_sees_the_reuse_once_the_copy_is_visible(library, coordinator_a, coordinator_b):
    measure_reuse(actor=coordinator_a, measure=library["language"], objective=library["target"])
    # A's draft is not B's to read: neither named nor counted.
    assert list(plan_reuses(user=coordinator_b, plan=library["plan_b"])) == []
    assert len(plan_reuses(user=coordinator_a, plan=library["plan_b"])) == 1


def test_documents_name_the_origin(library, coordinator_a):
    measure_reuse(actor=coordinator_a, measure=library["language"], objective=library["target"])
    document = plan_document(plan=library["draft_a"], language="fi")
    rows = [m for t in document.themes for o in t.objectives for m in o.measures]
    assert rows[0].based_on == "Pohjana: Jyväskylä Kotoutumisohjelma Jyväskylä 2025–2028"


# --- the pages ----------------------------------------------------------------------------------


def test_reuse_from_the_results_without_script(library, client, coordinator_a):
    client.force_login(coordinator_a)
    page = client.get("/library/", {"q": "työikäisille"}).content.decode()
    assert f'action="/library/measures/{library["language"].pk}/reuse/"' in page
    response = client.post(
        f"/library/measures/{library['language'].pk}/reuse/", {"objective": library["target"].pk}
    )
    copy = Measure.objects.get(reused_from=library["language"])
    assert response.url == f"/plans/{library['draft_a'].pk}/#measure-{copy.pk}"
    plan_page = client.get(response.url).content.decode()
    assert "Based on" in plan_page
    assert "Jyväskylä 2025–2028" in plan_page


def test_reuse_needs_a_post(library, client, coordinator_a):
    client.force_login(coordinator_a)
    assert client.get(f"/library/measures/{library['language'].pk}/reuse/").status_code == 405


def test_reuse_into_another_municipalitys_objective_is_refused(library, client, coordinator_b):
    client.force_login(coordinator_b)
    client.post(
        f"/library/measures/{library['language'].pk}/reuse/", {"objective": library["target"].pk}
    )
    assert not Measure.objects.filter(reused_from=library["language"]).exists()


def test_anonymous_cannot_reuse(library, client):
    response = client.post(
        f"/library/measures/{library['language'].pk}/reuse/", {"objective": library["target"].pk}
    )
    assert response.status_code == 302
    assert "/login" in response.url
    assert not Measure.objects.filter(reused_from=library["language"]).exists()


def test_measure_page_shows_where_it_was_reused(library, client, coordinator_a):
    measure_reuse(actor=coordinator_a, measure=library["language"], objective=library["target"])
    client.force_login(coordinator_a)
    page = client.get(f"/library/measures/{library['language'].pk}/").content.decode()
    assert "Reused once" in page
    assert "Espoo" in page


def test_origin_plan_page_shows_the_reuse_once_adopted(
    library, client, coordinator_a, coordinator_b
):
    measure_reuse(actor=coordinator_a, measure=library["language"], objective=library["target"])
    client.force_login(coordinator_b)
    plan_page = f"/plans/{library['plan_b'].pk}/"
    assert 'data-panel="library_reuse"' not in client.get(plan_page).content.decode()
    adopted = library["draft_a"]
    adopted.state, adopted.decision_date = Plan.State.ADOPTED, date(2026, 2, 1)
    adopted.save()  # saved, so audited like every change: the kept panels are made anew
    page = client.get(plan_page).content.decode()
    assert 'data-panel="library_reuse"' in page
    assert "A measure of this plan was reused once" in page
    assert "Espoo 2026–2029" in page


def test_hidden_draft_measure_page_is_404(library, client, coordinator_a):
    client.force_login(coordinator_a)
    assert client.get(f"/library/measures/{library['secret'].pk}/").status_code == 404
    client.logout()
    assert client.get(f"/library/measures/{library['secret'].pk}/").status_code == 404
    assert client.get(f"/library/measures/{library['language'].pk}/").status_code == 200
