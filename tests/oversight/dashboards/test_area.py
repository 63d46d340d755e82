"""The regional authority's area dashboard: who sees it, on which date, what it lists, CSV."""

import csv
import io
from datetime import date

import pytest
from django.urls import reverse

from kotoplan.accounts.models import RoleAssignment
from kotoplan.planning.models import Plan
from tests.factories.accounts import RoleAssignmentFactory, UserFactory
from tests.factories.geography import AreaMembershipFactory, MunicipalityFactory
from tests.factories.planning import ObjectiveFactory, PlanFactory

from ..support import refresh

SPRING_2025 = date(2025, 6, 1)
SPRING_2026 = date(2026, 6, 1)


def _url(area, on=None, **params) -> str:
    query = {"on": on.isoformat()} if on else {}
    query.update(params)
    suffix = "&".join(f"{k}={v}" for k, v in query.items())
    return reverse("oversight:area_dashboard", args=[area.pk]) + (f"?{suffix}" if suffix else "")


@pytest.fixture
def kauniainen(ely_centre, vitality_centre, wellbeing_county):
    """A second municipality of A's areas, with no plan at all."""
    municipality = MunicipalityFactory(
        code="235", name_fi="Kauniainen", name_sv="Grankulla", name_en="Kauniainen"
    )
    for area in (ely_centre, vitality_centre, wellbeing_county):
        AreaMembershipFactory(municipality=municipality, area=area)
    return municipality


@pytest.fixture
def ely_only(ely_centre):
    """A municipality in A's ELY area in 2025 that moves to another EVK in 2026."""
    municipality = MunicipalityFactory(code="186", name_fi="Järvenpää")
    AreaMembershipFactory(municipality=municipality, area=ely_centre)
    return municipality


def test_area_dashboard__lists_every_municipality_including_without_plan(
    client, regional_official, adopted_plan, kauniainen, aland_municipality, vitality_centre
):
    client.force_login(regional_official)
    response = client.get(_url(vitality_centre))
    assert response.status_code == 200
    names = [row.municipality.name_fi for row in response.context["rows"]]
    assert names == ["Espoo", "Kauniainen"]
    assert "Maarianhamina" not in response.content.decode()  # Åland is never listed
    without_plan = response.context["rows"][1]
    assert without_plan.plan is None
    assert without_plan.state_label == "No plan"


def test_area_dashboard__default_area_is_the_officials_area_on_the_date(
    client, regional_official, vitality_centre
):
    client.force_login(regional_official)
    response = client.get(reverse("oversight:area_default"))
    assert response.status_code == 302
    assert response["Location"].startswith(_url(vitality_centre))


def test_area_dashboard__ely_area_in_2025_and_evk_area_in_2026(
    client,
    regional_official_ely_ended,
    ely_organisation,
    ely_centre,
    vitality_centre,
    municipality_a,
    ely_only,
):
    """The ELY official's role ended with 2025: in 2025 it opens the ELY area (and its own
    municipalities then), in 2026 the ELY area no longer exists and the official has no area."""
    RoleAssignment.objects.filter(user=regional_official_ely_ended).update(
        valid_to=date(2025, 12, 31)
    )
    client.force_login(regional_official_ely_ended)
    in_2025 = client.get(_url(ely_centre, SPRING_2025))
    assert in_2025.status_code == 200
    assert [r.municipality.name_fi for r in in_2025.context["rows"]] == ["Espoo", "Järvenpää"]
    assert client.get(_url(vitality_centre, SPRING_2026)).status_code == 404
    assert client.get(_url(vitality_centre, SPRING_2025)).status_code == 302  # EVK not yet valid
    assert client.get(reverse("oversight:area_default") + "?on=2026-06-01").status_code == 404


def test_area_dashboard__evk_official_on_2026_lists_evk_members_only(
    client, regional_official, vitality_centre, municipality_a, ely_only
):
    client.force_login(regional_official)
    response = client.get(_url(vitality_centre, SPRING_2026))
    assert [r.municipality.name_fi for r in response.context["rows"]] == ["Espoo"]


def test_area_dashboard__other_area_is_404(client, regional_official, other_areas, municipality_b):
    client.force_login(regional_official)
    assert client.get(_url(other_areas["evk"], SPRING_2026)).status_code == 404
    csv_url = reverse("oversight:area_dashboard_csv", args=[other_areas["evk"].pk])
    assert client.get(csv_url).status_code == 404


@pytest.mark.parametrize(
    "role", ["coordinator_a", "viewer_a", "contributor", "county_liaison", "user_without_role"]
)
def test_area_dashboard__other_roles_denied(client, request, role, vitality_centre):
    client.force_login(request.getfixturevalue(role))
    assert client.get(_url(vitality_centre)).status_code == 404
    assert client.get(reverse("oversight:national_dashboard")).status_code == 403


def test_area_dashboard__anonymous_redirected_to_login(client, vitality_centre):
    response = client.get(_url(vitality_centre))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]


def test_area_dashboard__admin_and_national_viewer_open_any_area(
    client, admin_user, national_viewer, other_areas, municipality_b
):
    for user in (admin_user, national_viewer):
        client.force_login(user)
        assert client.get(_url(other_areas["evk"])).status_code == 200


def test_area_dashboard__national_viewer_sees_no_draft_details(
    client, national_viewer, regional_official, draft_plan, vitality_centre
):
    client.force_login(national_viewer)
    response = client.get(_url(vitality_centre))
    row = response.context["rows"][0]
    assert (row.plan, row.state) == (None, "in_preparation")
    assert draft_plan.title_en not in response.content.decode()
    client.force_login(regional_official)
    response = client.get(_url(vitality_centre))
    assert response.context["rows"][0].plan == draft_plan
    assert draft_plan.title_en in response.content.decode()


def test_area_dashboard__current_plan_prefers_adopted_then_newest(
    client, regional_official, adopted_plan, draft_plan, vitality_centre
):
    client.force_login(regional_official)
    response = client.get(_url(vitality_centre))
    assert response.context["rows"][0].plan == adopted_plan
    adopted_plan.state = Plan.State.SUPERSEDED  # saved, so audited like every change
    adopted_plan.save()
    response = client.get(_url(vitality_centre))
    assert response.context["rows"][0].plan == draft_plan


def test_area_dashboard__readiness_only_from_stored_result(
    client, regional_official, draft_plan, vitality_centre
):
    client.force_login(regional_official)
    response = client.get(_url(vitality_centre))
    assert response.context["rows"][0].readiness is None
    assert "not checked yet" in response.content.decode()
    result = refresh(draft_plan)
    response = client.get(_url(vitality_centre))
    text = f"{result.statutory_passed}/{result.statutory_total} statutory"
    assert text in response.content.decode()


def test_area_dashboard__theme_matrix_in_text(
    client, regional_official, draft_plan, themes, vitality_centre
):
    ObjectiveFactory(plan=draft_plan, theme=themes["employment_education"])
    draft_plan.theme_justifications = {"language_culture": "Hoidetaan seudullisesti."}
    draft_plan.save()
    client.force_login(regional_official)
    response = client.get(_url(vitality_centre))
    cells = {c.theme.code: c.label for c in response.context["rows"][0].themes}
    assert cells["employment_education"] == "Objective set"
    assert cells["language_culture"] == "Reason given"
    assert cells["good_relations"] == "Missing"
    body = response.content.decode()
    assert "✓ Objective set" in body
    assert "✗ Missing" in body
    assert '<th scope="row">' in body
    assert "<caption>" in body


def test_area_dashboard__theme_matrix_counts_additional_themes(
    client, regional_official, draft_plan, themes, vitality_centre
):
    """An objective with additional themes sets an objective under each of them."""
    objective = ObjectiveFactory(plan=draft_plan, theme=themes["employment_education"])
    objective.additional_themes.set([themes["language_culture"]])
    client.force_login(regional_official)

    response = client.get(_url(vitality_centre))

    cells = {c.theme.code: c.label for c in response.context["rows"][0].themes}
    assert cells["employment_education"] == "Objective set"
    assert cells["language_culture"] == "Objective set"
    assert cells["good_relations"] == "Missing"


def test_area_dashboard__filters_by_state_missing_theme_and_sorts(
    client, regional_official, adopted_plan, kauniainen, themes, vitality_centre
):
    client.force_login(regional_official)

    def names(**params):
        response = client.get(_url(vitality_centre, **params))
        return [r.municipality.name_fi for r in response.context["rows"]]

    assert names(state="adopted") == ["Espoo"]
    assert names(state="none") == ["Kauniainen"]
    # adopted_plan covers language_culture only
    assert names(missing_theme="language_culture") == ["Kauniainen"]
    assert names(missing_theme="good_relations") == ["Espoo", "Kauniainen"]
    assert names(sort="state") == ["Kauniainen", "Espoo"]
    assert names(overdue="on") == []  # monitoring rounds are not recorded yet
    refresh(adopted_plan)
    assert names(sort="-readiness") == ["Espoo", "Kauniainen"]  # unchecked last


def test_area_dashboard__csv_has_bom_semicolons_and_finnish_characters(
    client, regional_official, vitality_centre, kauniainen
):
    name = "Vantaa-Äänekoski-Öja"
    municipality = MunicipalityFactory(code="092", name_fi=name, name_sv=name, name_en=name)
    AreaMembershipFactory(municipality=municipality, area=vitality_centre)
    title = "Kotoutumisen edistämisen ohjelma – Äö"
    PlanFactory(lead_municipality=municipality, title_fi=title, title_en=title)
    client.force_login(regional_official)
    url = reverse("oversight:area_dashboard_csv", args=[vitality_centre.pk]) + "?sort=name"
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    raw = response.content
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:3] == ["Municipality code", "Municipality", "Plan"]
    by_name = {row[1]: row for row in rows[1:]}
    assert set(by_name) == {"Espoo", "Kauniainen", name}
    assert by_name[name][2] == title
    assert by_name[name][4] == "Draft"
    assert by_name["Kauniainen"][4] == "No plan"


def test_area_dashboard__csv_cells_never_run_as_formulas(
    client, regional_official, vitality_centre
):
    municipality = MunicipalityFactory(
        code="092", name_fi="Vantaa", name_sv="Vanda", name_en="Vantaa"
    )
    AreaMembershipFactory(municipality=municipality, area=vitality_centre)
    title = '=HYPERLINK("https://evil.example/","Avaa")'
    PlanFactory(lead_municipality=municipality, title_fi=title, title_en=title)
    client.force_login(regional_official)
    response = client.get(reverse("oversight:area_dashboard_csv", args=[vitality_centre.pk]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig")), delimiter=";"))
    by_name = {row[1]: row for row in rows[1:]}
    assert by_name["Vantaa"][2] == "'" + title


def test_area_dashboard__official_with_dated_role_only_for_that_date(
    client, ely_organisation, ely_centre, municipality_a
):
    user = UserFactory(username="future_official")
    RoleAssignmentFactory(
        user=user,
        organisation=ely_organisation,
        role=RoleAssignment.Role.REGIONAL_OFFICIAL,
        valid_from=date(2025, 9, 1),
        valid_to=date(2025, 12, 31),
    )
    client.force_login(user)
    assert client.get(_url(ely_centre, SPRING_2025)).status_code == 404
    assert client.get(_url(ely_centre, date(2025, 10, 1))).status_code == 200


def test_area_dashboard__overdue_filter_lists_a_plan_whose_round_is_overdue(
    client, regional_official, coordinator_a, adopted_plan, kauniainen, vitality_centre, clock
):
    """The stored check's finding of rule R17 (adopted 2022, no round since) is what the filter
    reads; once a round is open and not yet due, the plan leaves the list."""
    from kotoplan.monitoring.rounds import services as progress_services
    from kotoplan.oversight.readiness.models import ReadinessResult

    adopted_plan.period_end = 2026  # still in force on the test day (2026-06-01)
    adopted_plan.save()
    refresh(adopted_plan)
    assert ReadinessResult.objects.get(plan=adopted_plan).monitoring_overdue
    client.force_login(regional_official)

    def overdue():
        response = client.get(_url(vitality_centre, overdue="on"))
        return [r.municipality.name_fi for r in response.context["rows"]]

    assert overdue() == ["Espoo"]
    progress_services.round_open(
        actor=coordinator_a,
        plan=adopted_plan,
        period_label="2025",
        due_date=date(2026, 6, 30),
    )
    refresh(adopted_plan)
    assert overdue() == []
