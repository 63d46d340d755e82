"""Readiness rules on how the plan was made, decided and is monitored."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.planning.models import Milestone, Plan

from .context import PlanContext
from .registry import Basis, Level, Result, missing, not_applicable, passed, rule

ACT, CHECKLIST = Basis.ACT, Basis.CHECKLIST
STATUTORY, RECOMMENDATION = Level.STATUTORY, Level.RECOMMENDATION
EDIT = "planning:plan_edit"


@rule(
    "R11-participation",
    title=_("Participation of immigrants and organisations is evidenced"),
    explanation=_(
        "Immigrants and organisations in the area could take part in the planning; the plan "
        "records how, or a consultation step is marked done in the timetable."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="participation_evidence",
)
def participation(ctx: PlanContext) -> Result:
    from kotoplan.participation.selectors import participation_evidence_for_plan

    if participation_evidence_for_plan(plan=ctx.plan).exists:
        return passed(_("A consultation or participation event is recorded."))
    if ctx.plan.participation_evidence.strip():
        return passed(_("The participation is described."))
    done = [m for m in ctx.milestones if m.kind == Milestone.Kind.CONSULTATION and m.done]
    if done:
        return passed(_("A consultation is marked done in the timetable."))
    return missing(_("No participation is recorded."))


@rule(
    "R12-cooperation-group",
    title=_("A cooperation group exists or the reason for having none is recorded"),
    explanation=_(
        "A multi-sectoral cooperation group is needed when the service needs of immigrants "
        "call for it; it may also be a regional group."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="has_cooperation_group",
)
def cooperation_group(ctx: PlanContext) -> Result:
    from kotoplan.cooperation.models import CooperationGroup, NoGroupReason

    plan = ctx.plan
    municipalities = plan.municipalities.all()
    registered = CooperationGroup.objects.filter(
        Q(plans=plan) | Q(municipalities__in=municipalities)
    )
    if plan.has_cooperation_group or registered.exists():
        return passed(_("A cooperation group exists."))
    if (
        plan.cooperation_group_note.strip()
        or NoGroupReason.objects.filter(municipality__in=municipalities).exists()
    ):
        return passed(_("No group of its own; the reason is recorded."))
    return missing(
        _("Neither a cooperation group nor the reason for having none is recorded."),
        field="cooperation_group_note",
    )


@rule(
    "R13-authority-contacted",
    title=_("The regional authority's immigration contact person was contacted"),
    explanation=_(
        "The municipality contacts the immigration contact person of its regional state "
        "authority early in the planning."
    ),
    basis=CHECKLIST,
    level=RECOMMENDATION,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="authority_contacted_on",
)
def authority_contacted(ctx: PlanContext) -> Result:
    contacted = ctx.plan.authority_contacted_on
    if contacted:
        return passed(_("Contacted on %(date)s."), date=contacted.isoformat())
    return missing(_("No contact date is recorded."))


@rule(
    "R14-host-document",
    title=_("The host document and its approval are identified"),
    explanation=_(
        "When the plan is part of another municipal planning document, that document and its "
        "approval are named."
    ),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="host_document_name",
)
def host_document(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.form != Plan.Form.PART_OF_OTHER:
        return not_applicable(_("The plan is a separate action plan."))
    if not plan.host_document_name.strip():
        return missing(_("The host document is not named."))
    if not plan.host_document_approval.strip():
        return missing(
            _("The approval of the host document is not recorded."),
            field="host_document_approval",
        )
    return passed(_("The host document and its approval are named."))


@rule(
    "R15-decision-recorded",
    title=_("The adoption decision is recorded"),
    explanation=_("For an adopted plan, the deciding body and the decision date are recorded."),
    basis=CHECKLIST,
    level=RECOMMENDATION,
    anchor="plan-basics",
)
def decision_recorded(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if plan.state not in (Plan.State.ADOPTED, Plan.State.SUPERSEDED):
        return not_applicable(_("The plan has not been adopted yet."))
    if plan.decision_body.strip() and plan.decision_date:
        return passed(
            _("Decided by %(body)s on %(date)s."),
            body=plan.decision_body,
            date=plan.decision_date.isoformat(),
        )
    return missing(_("The deciding body or the decision date is missing."))


@rule(
    "R16-monitoring-cycle",
    title=_("Monitoring has a cycle and a description"),
    explanation=_("The plan says how often it is monitored and how the results are reported."),
    basis=ACT,
    level=STATUTORY,
    anchor="plan-basics",
    fix_url=EDIT,
    fix_field="monitoring_description",
)
def monitoring_cycle(ctx: PlanContext) -> Result:
    plan = ctx.plan
    if not plan.monitoring_cycle:
        return missing(_("No monitoring cycle is chosen."), field="monitoring_cycle")
    if not plan.monitoring_description.strip():
        return missing(_("The monitoring and reporting route is not described."))
    return passed(_("The cycle and the reporting route are described."))


@rule(
    "R17-monitoring-not-overdue",
    title=_("The last monitoring round is not overdue"),
    explanation=_(
        "Monitoring rounds follow the chosen cycle: a round is opened within one cycle of "
        "the adoption, and the latest round is closed by its due date."
    ),
    basis=CHECKLIST,
    level=RECOMMENDATION,
    anchor="plan-basics",
)
def monitoring_not_overdue(ctx: PlanContext) -> Result:
    from kotoplan.monitoring.progress_selectors import overdue_state

    state = overdue_state(plan=ctx.plan)
    if state == "not_applicable":
        return not_applicable(_("The plan has not been adopted yet."))
    if state == "overdue":
        return missing(
            _(
                "The latest monitoring round is past its due date without being closed, or no "
                "round was opened although a monitoring cycle has passed since the adoption."
            )
        )
    return passed(_("Monitoring rounds follow the cycle."))
