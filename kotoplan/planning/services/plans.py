from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as
from kotoplan.core.errors import DomainError, FrozenError
from kotoplan.core.permissions import require
from kotoplan.core.services import versioned_update

from ..models import Plan


def ensure_editable(plan: Plan) -> None:
    if not plan.is_editable:
        raise FrozenError(
            _(
                "This plan is %(state)s and can no longer be edited. Start a new version to make "
                "changes."
            )
            % {"state": plan.get_state_display().lower()}
        )


@transaction.atomic
def plan_create(*, actor, lead_municipality, municipalities, data: dict) -> Plan:
    require(actor, "planning.create_plan", lead_municipality)
    members = {m.pk: m for m in municipalities}
    members[lead_municipality.pk] = lead_municipality
    if any(not m.in_act_scope for m in members.values()):
        raise DomainError(_("Åland municipalities have their own integration legislation."))
    with acting_as(actor):
        plan = Plan(lead_municipality=lead_municipality, **data)
        plan.full_clean()
        plan.save()
        plan.municipalities.set(members.values())
    return plan


@transaction.atomic
def plan_update(
    *, actor, plan: Plan, expected_version: int, data: dict, municipalities=None
) -> Plan:
    require(actor, "planning.change_plan", plan)
    ensure_editable(plan)
    with acting_as(actor):
        m2m = {}
        if municipalities is not None:
            members = {m.pk: m for m in municipalities}
            members[plan.lead_municipality_id] = plan.lead_municipality
            if any(not m.in_act_scope for m in members.values()):
                raise DomainError(_("Åland municipalities have their own integration legislation."))
            m2m["municipalities"] = list(members.values())
        return versioned_update(obj=plan, expected_version=expected_version, changes=data, m2m=m2m)
