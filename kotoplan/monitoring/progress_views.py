"""Screens of monitoring rounds: the plan's rounds (open/close), "my measures to update", the
progress and indicator value forms, and the monitoring report."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.errors import DomainError, EditConflict
from kotoplan.core.permissions import can, require
from kotoplan.planning.selectors import plan_get_for_user

from . import progress_selectors as selectors
from . import progress_services as services
from .models_rounds import MeasureUpdate
from .progress_forms import IndicatorValueForm, MeasureUpdateForm, RoundOpenForm
from .progress_report import report_data


@login_required
def round_list(request, plan_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    may_manage = can(request.user, "monitoring.manage_rounds", plan)
    label, due = selectors.round_next_period(plan=plan)
    form = RoundOpenForm(request.POST or None, initial={"period_label": label, "due_date": due})
    if request.method == "POST":
        require(request.user, "monitoring.manage_rounds", plan)
        if form.is_valid():
            try:
                services.round_open(actor=request.user, plan=plan, **form.cleaned_data)
            except DomainError as error:
                form.add_error(None, error.message)
            else:
                messages.success(request, _("The monitoring round was opened."))
                return redirect("monitoring:round_list", plan_id=plan.pk)
    rounds = [
        (r, selectors.round_coverage(monitoring_round=r))
        for r in selectors.rounds_for_plan(plan=plan).reverse()
    ]
    context = {"plan": plan, "rounds": rounds, "form": form, "may_manage": may_manage}
    return render(request, "monitoring/round_list.html", context)


@login_required
@require_POST
def round_close(request, plan_id: int, round_id: int):
    monitoring_round = selectors.round_get_for_user(
        user=request.user, plan_id=plan_id, round_id=round_id
    )
    try:
        services.round_close(actor=request.user, monitoring_round=monitoring_round)
    except DomainError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("The monitoring round was closed."))
    return redirect("monitoring:round_list", plan_id=plan_id)


@login_required
def my_measures(request):
    work = selectors.my_measures(user=request.user)
    return render(request, "monitoring/round_my_measures.html", {"work": work})


def _open_round(request, round_id: int):
    found = selectors.MonitoringRound.objects.select_related("plan").filter(pk=round_id).first()
    if found is None or not found.is_open:
        raise Http404
    return found


@login_required
def measure_update(request, round_id: int, measure_id: int):
    monitoring_round = _open_round(request, round_id)
    measure = selectors.measure_for_update_get(
        user=request.user, monitoring_round=monitoring_round, measure_id=measure_id
    )
    current = MeasureUpdate.objects.filter(round=monitoring_round, measure=measure).first()
    initial = {"status": MeasureUpdate.Status.ON_TRACK}
    if current is not None:
        initial = {
            "status": current.status,
            "progress": current.progress,
            "narrative": current.narrative,
            "evidence_links": "\n".join(current.evidence_links),
            "version": current.version,
        }
    form = MeasureUpdateForm(request.POST or None, initial=initial)
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.measure_update_save(
                actor=request.user,
                monitoring_round=monitoring_round,
                measure=measure,
                expected_version=data.pop("version"),
                **data,
            )
        except EditConflict as error:
            conflict = error.current
            form.add_error(None, error.message)
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The progress update was saved."))
            return redirect("monitoring:my_measures")
    if conflict is not None:
        form.data = form.data.copy()
        form.data["version"] = conflict.version
    context = {
        "round": monitoring_round,
        "measure": measure,
        "form": form,
        "conflict": conflict,
    }
    return render(request, "monitoring/round_measure_form.html", context)


@login_required
def indicator_value(request, round_id: int, indicator_id: int):
    monitoring_round = _open_round(request, round_id)
    indicator = selectors.indicator_for_value_get(
        user=request.user, monitoring_round=monitoring_round, indicator_id=indicator_id
    )
    form = IndicatorValueForm(
        request.POST or None, initial={"year": monitoring_round.due_date.year - 1}
    )
    if request.method == "POST" and form.is_valid():
        try:
            services.indicator_value_save(
                actor=request.user,
                monitoring_round=monitoring_round,
                indicator=indicator,
                **form.cleaned_data,
            )
        except DomainError as error:
            form.add_error(None, error.message)
        else:
            messages.success(request, _("The indicator value was saved."))
            return redirect("monitoring:my_measures")
    values = selectors.values_for_indicators(indicator_ids=[indicator.pk]).get(indicator.pk, [])
    context = {"round": monitoring_round, "indicator": indicator, "form": form, "values": values}
    return render(request, "monitoring/round_indicator_form.html", context)


@login_required
def report(request, plan_id: int, round_id: int):
    monitoring_round = selectors.round_get_for_user(
        user=request.user, plan_id=plan_id, round_id=round_id
    )
    context = {"round": monitoring_round, "plan": monitoring_round.plan}
    context.update(report_data(monitoring_round=monitoring_round))
    return render(request, "monitoring/report_detail.html", context)
