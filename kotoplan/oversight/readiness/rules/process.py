"""The checks of the readiness rules on how the plan was made, decided and is monitored: plain
functions of the plan context, listed with their texts in the rule set (`ruleset`)."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.cooperation.models import CooperationGroup, NoGroupReason
from kotoplan.monitoring.rounds.selectors import overdue_state
from kotoplan.participation.selectors import participation_evidence_for_plan
from kotoplan.planning.models import Milestone, Plan

from .checks import filled
from .context import PlanContext
from .registry import Result, missing, not_applicable, passed

NOT_ADOPTED = _("The plan has not been adopted yet.")


def participation(ctx: PlanContext) -> Result:
    if participation_evidence_for_plan(plan=ctx.plan).exists:
        return passed(_("A consultation or participation event is recorded."))
    if ctx.plan.participation_evidence.strip():
        return passed(_("The participation is described."))
    if any(m.kind == Milestone.Kind.CONSULTATION and m.done for m in ctx.milestones):
        return passed(_("A consultation is marked done in the timetable."))
    return missing(_("No participation is recorded."))


def cooperation_group(ctx: PlanContext) -> Result:
    plan = ctx.plan
    municipalities = plan.municipalities.all()
    groups = CooperationGroup.objects.filter(Q(plans=plan) | Q(municipalities__in=municipalities))
    if plan.has_cooperation_group or groups.exists():
        return passed(_("A cooperation group exists."))
    reasons = NoGroupReason.objects.filter(municipality__in=municipalities)
    if plan.cooperation_group_note.strip() or reasons.exists():
        return passed(_("No group of its own; the reason is recorded."))
    return missing(
        _("Neither a cooperation group nor the reason for having none is recorded."),
        field="cooperation_group_note",
    )


def authority_contacted(ctx: PlanContext) -> Result:
    contacted = ctx.plan.authority_contacted_on
    if contacted:
        return passed(_("Contacted on %(date)s."), date=contacted.isoformat())
    return missing(_("No contact date is recorded."))


def host_document(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.form != Plan.Form.PART_OF_OTHER:
        return not_applicable(_("The plan is a separate action plan."))
    return filled(
        (plan.host_document_name, _("The host document is not named.")),
        (
            plan.host_document_approval,
            _("The approval of the host document is not recorded."),
            "host_document_approval",
        ),
        done=_("The host document and its approval are named."),
    )


def decision_recorded(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.state not in (Plan.State.ADOPTED, Plan.State.SUPERSEDED):
        return not_applicable(NOT_ADOPTED)
    if plan.decision_body.strip() and plan.decision_date:
        return passed(
            _("Decided by %(body)s on %(date)s."),
            body=plan.decision_body,
            date=plan.decision_date.isoformat(),
        )
    return missing(_("The deciding body or the decision date is missing."))


def monitoring_not_overdue(ctx: PlanContext) -> Result:
    state = overdue_state(plan=ctx.plan)
    if state == "not_applicable":
        return not_applicable(NOT_ADOPTED)
    if state == "ended":
        return not_applicable(_("The plan's period has ended; it is no longer monitored."))
    if state == "overdue":
        return missing(
            _(
                "The latest monitoring round is past its due date without being closed, or no "
                "round was opened although a monitoring cycle has passed since the adoption."
            )
        )
    return passed(_("Monitoring rounds follow the cycle."))
