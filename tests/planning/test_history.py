"""The change history: each entry only for those who may see its object, in plain words in the
reader's language, filterable and paginated."""

from datetime import date, timedelta

import pytest
from django.conf import settings
from django.utils import translation

from kotoplan.audit.selectors import audited_models_naming_a_plan, history_rules
from kotoplan.audit.services import acting_as
from kotoplan.oversight.dialogue import services as dialogue
from kotoplan.participation import services as participation
from kotoplan.planning.models import Measure
from tests.factories.accounts import OrganisationFactory
from tests.participation.conftest import make_consultation

pytestmark = pytest.mark.django_db


def _history(client, user, plan, query="", language="en") -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(f"/plans/{plan.pk}/history/{query}")
    assert response.status_code == 200
    return response.content.decode()


def test_every_audited_model_naming_a_plan_has_a_reading_rule():
    """A new audited model without a rule would be hidden from everyone; one with data naming a
    plan must say who reads it."""
    missing = [
        model._meta.label_lower
        for model in audited_models_naming_a_plan()
        if model._meta.label_lower not in history_rules()
    ]
    assert missing == []


@pytest.fixture
def hidden_comment(full_draft_plan, coordinator_a):
    consultation = make_consultation(full_draft_plan, coordinator_a)
    submission = participation.feedback_submit(
        consultation=consultation,
        language="fi",
        comment="Ilmoitan tästä: Matti Meikäläinen, puh. 040 123 4567",
        organisation_name="Esimerkkiyhdistys ry",
        category="organisation",
    )
    comment = submission.comments.get()
    participation.comment_hide(
        actor=coordinator_a, comment=comment, reason="Sisältää henkilötietoja"
    )
    return comment


def test_hidden_feedback__only_its_moderators_read_it_in_the_history(
    client, hidden_comment, full_draft_plan, coordinator_a, viewer_a
):
    page = _history(client, viewer_a, full_draft_plan)
    assert "Sisältää henkilötietoja" not in page
    assert "Matti Meikäläinen" not in page
    assert "Esimerkkiyhdistys" not in page
    page = _history(client, coordinator_a, full_draft_plan)
    assert "Sisältää henkilötietoja" in page


def test_observation_dialogue__not_in_the_history_of_those_who_may_not_read_it(
    client, full_draft_plan, regional_official, national_viewer, viewer_a, coordinator_a
):
    dialogue.observation_create(
        actor=regional_official,
        plan=full_draft_plan,
        subject="Hyvien väestösuhteiden tavoite puuttuu",
        text="Suunnitelmasta puuttuu väestösuhteita koskeva tavoite.",
        reply_due=date(2026, 12, 31),
    )
    assert "Hyvien väestösuhteiden tavoite puuttuu" in _history(
        client, regional_official, full_draft_plan
    )
    assert "Hyvien väestösuhteiden tavoite puuttuu" in _history(
        client, coordinator_a, full_draft_plan
    )
    from kotoplan.planning.models import Plan

    Plan.objects.filter(pk=full_draft_plan.pk).update(state=Plan.State.AWAITING_DECISION)
    page = _history(client, national_viewer, full_draft_plan)
    assert "Hyvien väestösuhteiden tavoite puuttuu" not in page


def test_changes_in_plain_finnish__field_names_choice_labels_and_local_time(
    client, owned_measure, coordinator_a, viewer_a
):
    plan = owned_measure.objective.plan
    with acting_as(coordinator_a):
        owned_measure.status = Measure.Status.ONGOING
        owned_measure.save()
        owned_measure.status = Measure.Status.DONE
        owned_measure.save()
    page = _history(client, viewer_a, plan, language="fi")
    assert "Tilanne:" in page  # the field name, not "status"
    assert "Käynnissä" in page
    assert "Valmis" in page
    assert "ongoing" not in page
    assert "done" not in page
    assert "Muutettu: toimenpide" in page
    assert "status:" not in page


def test_filter_by_part_and_person__and_pages(
    client, objective, coordinator_a, coordinator_b, admin_user
):
    plan = objective.plan
    with acting_as(coordinator_a):
        for number in range(60):
            objective.title_fi = f"Tavoite {number}"
            objective.save()
    with acting_as(admin_user):
        plan.contact_name = "Hanna Hallinto"
        plan.save()
    first = _history(client, coordinator_a, plan)
    assert "Page 1 of 2" in first
    assert 'rel="next"' in first
    only_admin = _history(client, coordinator_a, plan, f"?actor={admin_user.pk}")
    assert "Hanna Hallinto" in only_admin
    assert "Tavoite 59" not in only_admin
    tomorrow = (date.today() + timedelta(days=2)).isoformat()
    assert "No changes match." in _history(client, coordinator_a, plan, f"?since={tomorrow}")
    bad = _history(client, coordinator_a, plan, "?since=2026-05-01&until=2026-04-01")
    assert "The end date is before the start date." in bad


def test_partners_added__named_in_the_readers_language_whatever_the_language_of_the_change(
    client, owned_measure, coordinator_a, viewer_a
):
    """A many-to-many change stores the names as the changer read them; the history reads them
    again, so a partner added from the Swedish pages is named in Finnish on the Finnish page."""
    partner = OrganisationFactory(
        name_fi="Digi- ja väestötietovirasto",
        name_sv="Myndigheten för digitalisering och befolkningsdata",
        name_en="Digital and Population Data Services Agency",
    )
    with translation.override("sv"), acting_as(coordinator_a):
        owned_measure.partners.add(partner)
    plan = owned_measure.objective.plan
    finnish = _history(client, viewer_a, plan, language="fi")
    assert "Digi- ja väestötietovirasto" in finnish
    assert "Myndigheten för digitalisering" not in finnish
    swedish = _history(client, viewer_a, plan, language="sv")
    assert "Myndigheten för digitalisering och befolkningsdata" in swedish
    # A partner since removed from the register keeps the name it was stored with.
    partner.delete()
    assert "Myndigheten för digitalisering" in _history(client, viewer_a, plan, language="fi")


def test_names_of_the_changed_objects__read_again_in_the_readers_language_or_marked(
    client, objective, milestone, coordinator_a, viewer_a
):
    """An objective that still exists is named as it reads now in the reader's language; a
    removed part keeps the name stored with the change, marked as of a language not known; the
    parts' internal keys and edit counters are not listed as changes."""
    plan = objective.plan
    with acting_as(coordinator_a):
        objective.title_fi = "Työllisyys paranee"
        objective.title_sv = "Sysselsättningen förbättras"
        objective.save()
        milestone.delete()
    swedish = _history(client, viewer_a, plan, language="sv")
    assert "<q>Sysselsättningen förbättras</q>" in swedish
    assert f'<q lang="">{milestone.title_fi or milestone.title_en}' in swedish
    assert "Key:" not in swedish
    assert "Nyckel:" not in swedish
    assert str(milestone.key) not in swedish
