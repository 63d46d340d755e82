"""A measure has one lead and any number of co-responsible parties: entered through the plain
form (no JavaScript), shown on the plan page, kept in new versions, compared, audited, and the
co-responsible parties' contributors update the measure like the lead's."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import translation

from kotoplan.accounts.models import Organisation, RoleAssignment
from kotoplan.core.permissions import can, scope
from kotoplan.planning.forms import MeasureForm
from kotoplan.planning.models import Measure, Plan
from kotoplan.planning.selectors import plan_compare, plans_for_user
from kotoplan.planning.services import content_update, plan_new_version
from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory
from tests.helpers import form_data, page_text
from tests.planning.support import adopt


@pytest.fixture
def youth_services(municipality_a):
    return OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT,
        municipality=municipality_a,
        name_fi="Nuorisopalvelut",
        name_sv="Ungdomstjänster",
        name_en="Youth services",
    )


@pytest.fixture
def adult_education(municipality_a):
    return OrganisationFactory(
        kind=Organisation.Kind.EDUCATIONAL_INSTITUTION,
        municipality=municipality_a,
        created_by_municipality=municipality_a,
        name_fi="Espoon työväenopisto",
        name_sv="Esbo arbetarinstitut",
        name_en="",
    )


def test_plain_form_post_saves_a_lead_and_two_co_responsible_parties(
    client, coordinator_a, objective, organisation_a, youth_services, adult_education
):
    """Without JavaScript the pickers are <select>s; posting them names all three parties."""
    client.force_login(coordinator_a)
    url = reverse("planning:measure_new", args=[objective.pk])
    form = client.get(url).context["form"]

    response = client.post(
        url,
        form_data(
            form,
            title_fi="Nuorten kielikerhot",
            responsible_organisation=str(organisation_a.pk),
            co_responsible=[str(youth_services.pk), str(adult_education.pk)],
            status="planned",
            order="1",
        ),
    )

    assert response.status_code == 302
    measure = Measure.objects.get(title_fi="Nuorten kielikerhot")
    assert measure.responsible_organisation == organisation_a
    assert set(measure.co_responsible.all()) == {youth_services, adult_education}
    plan_page = page_text(client.get(response.url))
    assert "Together with: " in plan_page
    assert "Youth services" in plan_page
    logged = [entry.changes_dict for entry in LogEntry.objects.get_for_object(measure)]
    assert any("co_responsible" in changes for changes in logged)


def test_pickers_are_grouped_named_in_swedish_and_offer_no_ceased_body(
    coordinator_a, objective, organisation_a, youth_services, adult_education, ely_organisation
):
    plan = objective.plan
    with translation.override("sv"):
        html = str(MeasureForm(plan=plan, objective=objective)["co_responsible"])

    assert '<optgroup label="Kommunen och dess enheter">' in html
    assert ">Ungdomstjänster</option>" in html
    assert '<optgroup label="Lokala organisationer">' in html
    assert ">Esbo arbetarinstitut</option>" in html
    assert f'value="{ely_organisation.pk}"' not in html  # ceased 31.12.2025; the plan starts 2026
    assert 'data-combobox="multiple"' in html


def test_a_co_responsible_partys_contributor_updates_the_measure(
    other_measure, youth_services, contributor_organisation
):
    helper = UserFactory(username="youth_worker")
    RoleAssignmentFactory(
        user=helper, organisation=youth_services, role=RoleAssignment.Role.CONTRIBUTOR
    )
    outsider = UserFactory(username="outsider")
    RoleAssignmentFactory(
        user=outsider,
        organisation=contributor_organisation,
        role=RoleAssignment.Role.CONTRIBUTOR,
    )
    other_measure.co_responsible.set([youth_services])
    plan = other_measure.objective.plan

    assert not can(outsider, "planning.change_measure", other_measure)
    assert can(helper, "planning.change_measure", other_measure)
    assert plan in plans_for_user(user=helper)
    assert other_measure in scope(
        helper, "monitoring.update_measure", Measure.objects.filter(pk=other_measure.pk)
    )
    updated = content_update(
        actor=helper,
        obj=other_measure,
        expected_version=other_measure.version,
        data={"status": Measure.Status.ONGOING},
    )
    assert updated.status == Measure.Status.ONGOING


def test_a_new_version_keeps_the_co_responsible_parties_and_the_comparison_shows_a_change(
    coordinator_a, other_measure, youth_services, adult_education
):
    other_measure.co_responsible.set([youth_services])
    plan = adopt(other_measure.objective.plan, coordinator_a)

    new = plan_new_version(actor=coordinator_a, plan=plan)
    copied = Measure.objects.get(objective__plan=new, key=other_measure.key)
    kept = set(copied.co_responsible.all())
    content_update(
        actor=coordinator_a,
        obj=copied,
        expected_version=copied.version,
        data={},
        m2m={"co_responsible": [youth_services, adult_education]},
    )
    _plan_changes, changes = plan_compare(older=plan, newer=Plan.objects.get(pk=new.pk))

    assert kept == {youth_services}
    measure_change = next(c for c in changes if c.kind == "measure")
    _label, before, after = next(
        f for f in measure_change.fields if f[0] == "Co-responsible parties"
    )
    assert before == "Youth services"
    assert after == "Espoon työväenopisto, Youth services"
