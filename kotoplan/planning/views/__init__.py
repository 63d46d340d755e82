"""The planning pages: the list of plans, a plan's page, its edit and lifecycle pages, and one
set of create, edit and delete pages for every kind of part, driven by a spec table."""

from dataclasses import dataclass

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kotoplan.core.panels import FRONT, HOME, kept_plan_panels, links, sections
from kotoplan.core.permissions import can, require
from kotoplan.core.text import ascii_digits
from kotoplan.core.views import action_view, form_page, form_view, page_url

from .. import forms, selectors, services
from ..forms.lifecycle import DecisionForm, TransitionForm
from ..models import (
    DecisionStep,
    Indicator,
    LinkedDocument,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
    Theme,
)
from ..panels import MEASURE_FORM_ACTIONS, NEW_PLAN_ACTIONS
from .content import plan_content


def plan_url(plan, anchor: str = "") -> str:
    return page_url("planning:plan_detail", plan.pk, anchor=anchor)


# --- plans -------------------------------------------------------------------------------------


def home(request):
    """`/`: a signed-in person's own work ("My work"), made of the sections each app contributes;
    for anyone else the public front door (what the service is, open consultations, adopted
    plans)."""
    if not request.user.is_authenticated:
        return render(
            request,
            "planning/front_door.html",
            {
                "sections": sections(FRONT, request=request),
                "search": request.GET.get("municipality", "").strip(),
            },
        )
    return render(
        request,
        "planning/home.html",
        {"sections": sections(HOME, user=request.user, request=request)},
    )


@login_required
def plan_list(request):
    can_create = selectors.municipalities_for_new_plan(user=request.user).exists()
    return render(
        request,
        "planning/plan_list.html",
        {
            "plans": selectors.plans_for_user(user=request.user),
            "can_create": can_create,
            "new_plan_actions": links(NEW_PLAN_ACTIONS, user=request.user) if can_create else [],
        },
    )


@login_required
def plan_create(request):
    municipalities = selectors.municipalities_for_new_plan(user=request.user)
    if not municipalities.exists():
        raise PermissionDenied

    def create(form):
        lead = form.cleaned_data["lead_municipality"]
        return services.plan_create(
            actor=request.user,
            lead_municipality=lead,
            municipalities=[lead],
            data=form.plan_data(),
        )

    return form_page(
        request,
        "planning/plan_create.html",
        form=forms.PlanCreateForm(request.POST or None, municipalities=municipalities),
        call=create,
        success_message=_("The plan was created."),
        redirect_to=plan_url,
    )


@login_required
def plan_detail(request, plan_id):
    user = request.user
    plan = selectors.plan_get_for_user(user=user, plan_id=plan_id)
    may_change = can(user, "planning.change_plan", plan)
    content_toc, content = plan_content(request, plan, may_change=may_change)
    return render(
        request,
        "planning/plan_detail.html",
        {
            "plan": plan,
            "content_toc": content_toc,
            "content": content,
            "can_edit": may_change and plan.is_editable,
            "can_start_new_version": may_change
            and plan.state == Plan.State.ADOPTED
            and not selectors.plan_has_next_version(plan=plan),
            "transitions": [
                {"to": to, "label": label}
                for (frm, to), label in services.TRANSITIONS.items()
                if frm == plan.state and may_change
            ],
            "problems": services.decision_problems(plan)
            if plan.state in (Plan.State.DRAFT, Plan.State.CONSULTATION)
            else [],
            "versions": selectors.plan_versions(plan=plan, user=user),
            "municipalities": plan.municipalities.all(),
            "pending_invitations": selectors.plan_pending_invitations(plan=plan)
            if may_change
            else [],
            "panels": kept_plan_panels(plan=plan, user=user, request=request),
        },
    )


def _plan_form_page(request, plan, *, open_in=None, **page):
    """A form about the plan or one of its parts (planning/plan_form.html); a plan that can no
    longer change (`open_in(plan)` false for a kind of part) says so instead."""
    editable = open_in(plan) if open_in else plan.is_editable
    return form_page(request, "planning/plan_form.html", plan=plan, frozen=not editable, **page)


def _edit_plan(request, plan_id, form_class, heading):
    plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
    require(request.user, "planning.change_plan", plan)
    form = form_class(request.POST or None, instance=plan)
    return _plan_form_page(
        request,
        plan,
        form=form,
        call=lambda form: services.plan_update(
            actor=request.user,
            plan=plan,
            expected_version=form.cleaned_data["expected_version"],
            data=form.model_data(),
            **form.m2m_data(),
        ),
        success_message=_("Changes saved."),
        redirect_to=plan_url,
        title=heading,
        fieldsets=[(legend, [form[name] for name in names]) for legend, names in form.fieldsets],
        cancel_url=plan_url(plan),
    )


@login_required
def plan_edit(request, plan_id):
    return _edit_plan(request, plan_id, forms.PlanBasicsForm, _("Basic information"))


@login_required
def plan_situation(request, plan_id):
    return _edit_plan(request, plan_id, forms.SituationForm, _("Situation picture"))


@login_required
def plan_transition(request, plan_id, to_state):
    plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
    require(request.user, "planning.change_plan", plan)
    if (plan.state, to_state) not in services.TRANSITIONS:
        raise Http404
    form_class = DecisionForm if to_state == Plan.State.ADOPTED else TransitionForm
    initial = {"expected_version": plan.version}
    step = selectors.adoption_step(plan=plan) if to_state == Plan.State.ADOPTED else None
    if step is not None:  # the approval already on the trail fills the adoption in
        initial |= {
            "decision_body_kind": step.body_kind,
            "decision_body": step.body_name,
            "decision_date": step.decided_on,
            "decision_reference": step.section,
            "decision_case_number": step.case_number,
            "decision_url": step.minutes_url,
        }
    unmet = services.transition_unmet(plan, to_state)
    statutory = [item for item in unmet if item.statutory]

    def page(form):
        problems = []
        if to_state == Plan.State.AWAITING_DECISION:
            problems = services.decision_problems(plan)
        # One list: what blocks sending first, then the requirements not said there already.
        said = {problem.rule for problem in problems}
        return render(
            request,
            "planning/plan_transition.html",
            {
                "plan": plan,
                "form": form,
                "to_state": Plan.State(to_state),
                "label": services.TRANSITIONS[(plan.state, to_state)],
                "problems": problems,
                "unmet": [item for item in unmet if item.key not in said],
                "statutory_unmet": statutory,
            },
        )

    return form_view(
        request,
        form=form_class(request.POST or None, initial=initial, needs_reason=bool(statutory)),
        call=lambda form: services.plan_transition(
            actor=request.user,
            plan=plan,
            to_state=to_state,
            expected_version=form.cleaned_data["expected_version"],
            decision=form.decision(),
            override_reason=form.reason(),
        ),
        success_message=_("The plan is now: %(state)s.") % {"state": Plan.State(to_state).label},
        redirect_to=plan_url,
        render_page=page,
    )


@login_required
@require_POST
def plan_new_version(request, plan_id):
    plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
    return action_view(
        request,
        call=lambda: services.plan_new_version(actor=request.user, plan=plan),
        success_message=_("A new draft version was created."),
        redirect_to=plan_url,
        refused_to=plan_url(plan),
    )


# --- the parts of a plan ----------------------------------------------------------------------


@dataclass(frozen=True)
class Spec:
    model: type
    form: type
    title_new: str
    title_edit: str
    anchor: str  # the element id on the plan page (followed by "-<id>" when `own_anchor`)
    own_anchor: bool = True


SPECS = {
    "objective": Spec(
        Objective,
        forms.ObjectiveForm,
        gettext_lazy("New objective"),
        gettext_lazy("Edit objective"),
        "objective",
    ),
    "measure": Spec(
        Measure,
        forms.MeasureForm,
        gettext_lazy("New measure"),
        gettext_lazy("Edit measure"),
        "measure",
    ),
    "indicator": Spec(
        Indicator,
        forms.IndicatorForm,
        gettext_lazy("New indicator"),
        gettext_lazy("Edit indicator"),
        "indicator",
    ),
    "target_group": Spec(
        TargetGroup,
        forms.TargetGroupForm,
        gettext_lazy("New target group"),
        gettext_lazy("Edit target group"),
        "target-groups",
        own_anchor=False,
    ),
    "milestone": Spec(
        Milestone,
        forms.MilestoneForm,
        gettext_lazy("New timetable step"),
        gettext_lazy("Edit timetable step"),
        "timetable",
        own_anchor=False,
    ),
    "decision_step": Spec(
        DecisionStep,
        forms.DecisionStepForm,
        gettext_lazy("New decision step"),
        gettext_lazy("Edit decision step"),
        "decision-trail",
        own_anchor=False,
    ),
    "linked_document": Spec(
        LinkedDocument,
        forms.LinkedDocumentForm,
        gettext_lazy("Link a document"),
        gettext_lazy("Edit the document link"),
        "decision-trail",
        own_anchor=False,
    ),
    "chapter": Spec(
        PlanChapter,
        forms.ChapterForm,
        gettext_lazy("New chapter"),
        gettext_lazy("Rename chapter"),
        "chapters",
        own_anchor=False,
    ),
}


def part_url(spec: Spec, plan, obj) -> str:
    """The part's place on its plan's page."""
    return plan_url(plan, f"{spec.anchor}-{obj.pk}" if spec.own_anchor else spec.anchor)


def _add_organisation_url(request, spec: Spec, form) -> str:
    """Where a coordinator adds a party missing from the measure form's pickers, returning to
    this form afterwards."""
    if spec.model is not Measure or "responsible_organisation" not in form.fields:
        return ""
    if not can(request.user, "accounts.add_organisation", form.plan.lead_municipality):
        return ""
    return f"{reverse('accounts:organisation_list')}?{urlencode({'next': request.path})}"


def _part_page(request, spec: Spec, plan, *, form, call, obj=None, objective=None):
    """The form of a new part (`obj` None) or of `obj`; saved, the user returns to the part on
    the plan's page."""
    form.plan = plan
    return _plan_form_page(
        request,
        plan,
        form=form,
        call=call,
        success_message=_("Changes saved.") if obj else _("Saved."),
        redirect_to=lambda saved: part_url(spec, plan, saved),
        obj=obj,
        parent=objective,
        open_in=spec.model.open_in,
        title=spec.title_edit if obj else spec.title_new,
        cancel_url=part_url(spec, plan, obj) if obj else plan_url(plan),
        add_organisation_url=_add_organisation_url(request, spec, form),
        actions_slot=MEASURE_FORM_ACTIONS
        if spec.model is Measure and "title_fi" in form.fields
        else "",
    )


@login_required
def content_new(request, kind, plan_id=None, objective_id=None):
    """A new part of the plan (objective, target group, timetable step) or of one of its
    objectives (measure, indicator)."""
    spec = SPECS[kind]
    if objective_id is None:
        plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
        objective, parent = None, {"plan": plan}
    else:
        objective = selectors.objective_get_for_user(user=request.user, objective_id=objective_id)
        plan, parent = objective.plan, {"objective": objective}
    if not can(request.user, "planning.change_plan", plan):
        raise PermissionDenied
    initial = {}
    if kind == "objective" and request.GET.get("theme"):
        initial["theme"] = Theme.objects.filter(code=request.GET["theme"]).first()
    if kind == "objective" and ascii_digits(request.GET.get("chapter", "")):
        initial["chapter"] = plan.chapters.filter(pk=request.GET["chapter"]).first()
    return _part_page(
        request,
        spec,
        plan,
        form=spec.form(request.POST or None, initial=initial, plan=plan, objective=objective),
        call=lambda form: services.content_create(
            actor=request.user,
            model=spec.model,
            data={**parent, **form.model_data()},
            m2m=form.m2m_data(),
        ),
        objective=objective,
    )


@login_required
def content_edit(request, kind, object_id):
    """Coordinators edit every part; a contributor updates the progress of a measure that its
    organisation is responsible for."""
    spec = SPECS[kind]
    obj = selectors.part_get_for_user(user=request.user, model=spec.model, part_id=object_id)
    plan = obj.owner_plan
    form_class = spec.form
    if not can(request.user, "planning.change_plan", plan):
        if kind != "measure" or not can(request.user, "planning.change_measure", obj):
            raise PermissionDenied
        form_class = forms.MeasureProgressForm
    objective = obj.objective if kind in ("measure", "indicator") else None
    return _part_page(
        request,
        spec,
        plan,
        form=form_class(request.POST or None, instance=obj, plan=plan, objective=objective),
        call=lambda form: services.content_update(
            actor=request.user,
            obj=obj,
            expected_version=form.cleaned_data["expected_version"],
            data=form.model_data(),
            m2m=form.m2m_data(),
        ),
        obj=obj,
        objective=objective,
    )


@login_required
def content_delete(request, kind, object_id):
    spec = SPECS[kind]
    obj = selectors.part_get_for_user(user=request.user, model=spec.model, part_id=object_id)
    plan = obj.owner_plan
    if not can(request.user, "planning.change_plan", plan):
        raise PermissionDenied
    return form_page(
        request,
        "planning/content_delete.html",
        form=forms.DeleteForm(request.POST or None),
        call=lambda form: services.content_delete(actor=request.user, obj=obj),
        success_message=_("Deleted."),
        redirect_to=plan_url,
        plan=plan,
        obj=obj,
        kind=spec.model._meta.verbose_name,
        cancel_url=part_url(spec, plan, obj),
    )
