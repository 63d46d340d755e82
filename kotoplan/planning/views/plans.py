from auditlog.models import LogEntry
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.accounts.selectors import user_reach
from kotoplan.audit.selectors import entry_changes, plan_trail
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import can, require
from kotoplan.core.views import run_service
from kotoplan.geography.models import Municipality

from .. import services
from ..forms import DecisionForm, PlanBasicsForm, PlanCreateForm, SituationForm, TransitionForm
from ..models import Plan
from ..selectors import plan_compare, plan_get_for_user, plan_outline, plan_versions, plans_for_user
from .common import plan_url, redirect_to


@login_required
def home(request):
    plans = plans_for_user(user=request.user).order_by(
        "lead_municipality__name_fi", "-period_start", "-version_number"
    )
    reach = user_reach(user=request.user)
    return render(
        request,
        "planning/plan_list.html",
        {
            "plans": plans,
            "can_create": bool(reach.coordinator_municipalities) or reach.admin,
        },
    )


def _creatable_municipalities(user):
    reach = user_reach(user=user)
    queryset = Municipality.objects.in_act_scope()
    return queryset if reach.admin else queryset.filter(pk__in=reach.coordinator_municipalities)


@login_required
def plan_create(request):
    municipalities = _creatable_municipalities(request.user)
    if not municipalities.exists():
        raise PermissionDenied
    form = PlanCreateForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "lead_municipality"}
        lead = form.cleaned_data["lead_municipality"]
        plan = run_service(
            form,
            lambda: services.plan_create(
                actor=request.user, lead_municipality=lead, municipalities=[lead], data=data
            ),
        )
        if plan:
            messages.success(request, _("The plan was created."))
            return redirect_to(plan_url(plan))
    return render(request, "planning/plan_create.html", {"form": form})


@login_required
def plan_detail(request, pk):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    can_edit = can(request.user, "planning.change_plan", plan) and plan.is_editable
    sections = plan_outline(plan=plan)
    transitions = (
        [
            {"to": to, "label": label}
            for (frm, to), label in services.TRANSITIONS.items()
            if frm == plan.state
        ]
        if can(request.user, "planning.change_plan", plan)
        else []
    )
    return render(
        request,
        "planning/plan_detail.html",
        {
            "plan": plan,
            "sections": sections,
            "empty_statutory": [
                s.theme for s in sections if s.theme.statutory and not s.objectives
            ],
            "can_edit": can_edit,
            "can_change": can(request.user, "planning.change_plan", plan),
            "transitions": transitions,
            "problems": services.decision_problems(plan)
            if plan.state in (Plan.State.DRAFT, Plan.State.CONSULTATION)
            else [],
            "target_groups": plan.target_groups.all(),
            "milestones": plan.milestones.all(),
            "versions": plan_versions(plan=plan, user=request.user),
            "municipalities": plan.municipalities.all(),
            "has_next_version": Plan.objects.filter(previous_version=plan).exists(),
            "user_contributor_orgs": user_reach(user=request.user).contributor_organisations,
        },
    )


def _edit_plan(request, pk, form_class, heading):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    require(request.user, "planning.change_plan", plan)
    form = form_class(request.POST or None, instance=plan)
    if request.method == "POST" and form.is_valid():
        m2m = form.m2m_data()
        updated = run_service(
            form,
            lambda: services.plan_update(
                actor=request.user,
                plan=plan,
                expected_version=form.cleaned_data["expected_version"],
                data=form.model_data(),
                municipalities=m2m.get("municipalities"),
            ),
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect_to(plan_url(updated))
    return render(
        request,
        "planning/plan_form.html",
        {
            "plan": plan,
            "form": form,
            "frozen": not plan.is_editable,
            "heading": heading,
            "fieldsets": [
                (legend, [form[name] for name in names]) for legend, names in form.fieldsets
            ],
        },
    )


@login_required
def plan_edit(request, pk):
    return _edit_plan(request, pk, PlanBasicsForm, _("Basic information"))


@login_required
def plan_situation(request, pk):
    return _edit_plan(request, pk, SituationForm, _("Situation picture"))


@login_required
def plan_transition(request, pk, to_state):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    require(request.user, "planning.change_plan", plan)
    if (plan.state, to_state) not in services.TRANSITIONS:
        raise Http404
    form_class = DecisionForm if to_state == Plan.State.ADOPTED else TransitionForm
    form = form_class(request.POST or None, initial={"expected_version": plan.version})
    if request.method == "POST" and form.is_valid():
        decision = form.cleaned_data if to_state == Plan.State.ADOPTED else None
        updated = run_service(
            form,
            lambda: services.plan_transition(
                actor=request.user,
                plan=plan,
                to_state=to_state,
                expected_version=form.cleaned_data["expected_version"],
                decision=decision,
            ),
        )
        if updated:
            messages.success(
                request, _("The plan is now: %(state)s.") % {"state": updated.get_state_display()}
            )
            return redirect_to(plan_url(updated))
    return render(
        request,
        "planning/plan_transition.html",
        {
            "plan": plan,
            "form": form,
            "to_state": Plan.State(to_state),
            "label": services.TRANSITIONS[(plan.state, to_state)],
            "problems": services.decision_problems(plan)
            if to_state == Plan.State.AWAITING_DECISION
            else [],
        },
    )


@login_required
@require_POST
def plan_new_version(request, pk):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    try:
        new = services.plan_new_version(actor=request.user, plan=plan)
    except DomainError as exc:
        messages.error(request, exc.message)
        return redirect_to(plan_url(plan))
    messages.success(request, _("A new draft version was created."))
    return redirect_to(plan_url(new))


@login_required
def plan_compare_view(request, pk):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    versions = list(plan_versions(plan=plan, user=request.user))
    other_id = request.GET.get("with")
    other = None
    if other_id and other_id.isdigit():
        other = next((v for v in versions if v.pk == int(other_id)), None)
    if other is None:
        other = plan.previous_version if plan.previous_version in versions else None
    result = None
    if other is not None:
        older, newer = sorted([plan, other], key=lambda p: p.version_number)
        result = plan_compare(older=older, newer=newer)
    return render(
        request,
        "planning/plan_compare.html",
        {
            "plan": plan,
            "other": other,
            "versions": versions,
            "plan_changes": result[0] if result else [],
            "part_changes": result[1] if result else [],
        },
    )


@login_required
def plan_history(request, pk):
    plan = plan_get_for_user(user=request.user, plan_id=pk)
    require(request.user, "planning.view_history", plan)
    entries = list(plan_trail(plan_id=plan.pk)[:500])
    rows = [
        {
            "entry": e,
            "changes": entry_changes(e),
            "action": dict(LogEntry.Action.choices).get(e.action),
        }
        for e in entries
    ]
    return render(request, "planning/plan_history.html", {"plan": plan, "rows": rows})
