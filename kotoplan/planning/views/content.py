"""Create, edit and delete the parts of a plan with one set of views driven by a spec table."""

from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.core.permissions import can
from kotoplan.core.views import run_service

from .. import forms, selectors, services
from ..models import Indicator, Measure, Milestone, Objective, TargetGroup, Theme
from .common import plan_url, redirect_to


@dataclass(frozen=True)
class Spec:
    model: type
    form: type
    get: object  # selector(user=, pk=) -> obj
    title_new: str
    title_edit: str
    anchor: str  # prefix of the element id on the plan page


SPECS = {
    "objective": Spec(
        Objective,
        forms.ObjectiveForm,
        selectors.objective_get_for_user,
        gettext_lazy("New objective"),
        gettext_lazy("Edit objective"),
        "objective",
    ),
    "measure": Spec(
        Measure,
        forms.MeasureForm,
        selectors.measure_get_for_user,
        gettext_lazy("New measure"),
        gettext_lazy("Edit measure"),
        "measure",
    ),
    "indicator": Spec(
        Indicator,
        forms.IndicatorForm,
        selectors.indicator_get_for_user,
        gettext_lazy("New indicator"),
        gettext_lazy("Edit indicator"),
        "indicator",
    ),
    "target_group": Spec(
        TargetGroup,
        forms.TargetGroupForm,
        selectors.target_group_get_for_user,
        gettext_lazy("New target group"),
        gettext_lazy("Edit target group"),
        "target-groups",
    ),
    "milestone": Spec(
        Milestone,
        forms.MilestoneForm,
        selectors.milestone_get_for_user,
        gettext_lazy("New timetable step"),
        gettext_lazy("Edit timetable step"),
        "timetable",
    ),
}


def _form_kwargs(kind: str, plan, objective=None) -> dict:
    kwargs = {"plan": plan}
    if kind == "indicator":
        kwargs["objective"] = objective
    return kwargs


def _anchor(spec: Spec, obj) -> str:
    return (
        f"{spec.anchor}-{obj.pk}"
        if spec.anchor in ("objective", "measure", "indicator")
        else spec.anchor
    )


def _render(request, spec, form, plan, obj=None, parent=None):
    return render(
        request,
        "planning/content_form.html",
        {
            "plan": plan,
            "form": form,
            "obj": obj,
            "parent": parent,
            "title": spec.title_edit if obj else spec.title_new,
            "cancel_url": plan_url(plan, _anchor(spec, obj) if obj else ""),
            "frozen": not plan.is_editable,
        },
    )


@login_required
def content_new(request, kind, parent_pk):
    spec = SPECS[kind]
    if kind in ("objective", "target_group", "milestone"):
        plan = selectors.plan_get_for_user(user=request.user, plan_id=parent_pk)
        parent, parent_data = None, {"plan": plan}
    else:
        parent = selectors.objective_get_for_user(user=request.user, pk=parent_pk)
        plan, parent_data = parent.plan, {"objective": parent}
    if not can(request.user, "planning.change_plan", plan):
        raise PermissionDenied
    initial = {}
    if kind == "objective" and request.GET.get("theme"):
        initial["theme"] = Theme.objects.filter(code=request.GET["theme"]).first()
    form = spec.form(request.POST or None, initial=initial, **_form_kwargs(kind, plan, parent))
    if request.method == "POST" and form.is_valid():
        obj = run_service(
            form,
            lambda: services.content_create(
                actor=request.user,
                model=spec.model,
                data={**parent_data, **form.model_data()},
                m2m=form.m2m_data(),
            ),
        )
        if obj:
            messages.success(request, _("Saved."))
            return redirect_to(plan_url(plan, _anchor(spec, obj)))
    return _render(request, spec, form, plan, parent=parent)


@login_required
def content_edit(request, kind, pk):
    spec = SPECS[kind]
    obj = spec.get(user=request.user, pk=pk)
    plan = services.content.plan_of(obj)
    form_class = spec.form
    if kind == "measure" and not can(request.user, "planning.change_plan", plan):
        if not can(request.user, "planning.change_measure", obj):
            raise PermissionDenied
        form_class = forms.MeasureProgressForm
    elif not can(request.user, "planning.change_plan", plan):
        raise PermissionDenied
    objective = obj.objective if kind in ("measure", "indicator") else None
    form = form_class(request.POST or None, instance=obj, **_form_kwargs(kind, plan, objective))
    if request.method == "POST" and form.is_valid():
        updated = run_service(
            form,
            lambda: services.content_update(
                actor=request.user,
                obj=obj,
                expected_version=form.cleaned_data["expected_version"],
                data=form.model_data(),
                m2m=form.m2m_data(),
            ),
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect_to(plan_url(plan, _anchor(spec, updated)))
    return _render(request, spec, form, plan, obj=obj, parent=objective)


@login_required
def content_delete(request, kind, pk):
    spec = SPECS[kind]
    obj = spec.get(user=request.user, pk=pk)
    plan = services.content.plan_of(obj)
    if not can(request.user, "planning.change_plan", plan):
        raise PermissionDenied
    form = forms.forms.Form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        done = run_service(
            form, lambda: services.content_delete(actor=request.user, obj=obj) or True
        )
        if done:
            messages.success(request, _("Deleted."))
            return redirect_to(plan_url(plan))
    return render(
        request,
        "planning/content_delete.html",
        {
            "plan": plan,
            "obj": obj,
            "form": form,
            "kind": spec.model._meta.verbose_name,
            "cancel_url": plan_url(plan, _anchor(spec, obj)),
        },
    )
