"""Dated choices: the pickers that name an organisation offer no body that has ceased (the ELY
Centre whose area ended on 31.12.2025, a unit closed down), yet a form that already holds such a
body keeps it, so an old record can still be saved."""

from datetime import date

from kotoplan.accounts.forms import OrganisationForm
from kotoplan.accounts.models import Organisation
from kotoplan.cooperation.forms import GroupForm, MembershipForm
from kotoplan.cooperation.models import Membership
from kotoplan.geography.models import Municipality
from kotoplan.planning.forms import PlanBasicsForm
from tests.factories.accounts import OrganisationFactory


def _offered(form, name: str) -> set:
    return set(form.fields[name].queryset)


def _unit(municipality, name: str, **extra) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT, municipality=municipality, name_fi=name, **extra
    )


def test_cooperation_pickers__no_ceased_authority_unless_already_chosen(
    admin_user, organisation_a, ely_organisation, vitality_centre_organisation
):
    appointing = _offered(GroupForm(user=admin_user), "appointed_by")
    assert vitality_centre_organisation in appointing
    assert ely_organisation not in appointing

    members = _offered(MembershipForm(), "organisation")
    assert vitality_centre_organisation in members
    assert ely_organisation not in members
    old_seat = MembershipForm(instance=Membership(organisation=ely_organisation))
    assert ely_organisation in _offered(old_seat, "organisation")
    assert MembershipForm()["organisation"].field.widget.attrs["data-combobox"] == "single"


def test_unit_pickers__a_closed_unit_is_offered_only_where_it_lived(draft_plan, municipality_a):
    open_unit = _unit(municipality_a, "Kotoutumispalvelut")
    closed = _unit(municipality_a, "Maahanmuuttajapalvelut", ended_on=date(2024, 12, 31))
    draft_plan.period_start = 2026
    coordinating = _offered(PlanBasicsForm(instance=draft_plan), "coordinating_unit")
    assert open_unit in coordinating
    assert closed not in coordinating
    draft_plan.period_start = 2022
    assert closed in _offered(PlanBasicsForm(instance=draft_plan), "coordinating_unit")

    sectors = _offered(
        OrganisationForm(
            unit=True, municipalities=Municipality.objects.filter(pk=municipality_a.pk)
        ),
        "parent",
    )
    assert open_unit in sectors
    assert closed not in sectors
