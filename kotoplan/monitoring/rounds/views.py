"""Screens of monitoring rounds: the plan's rounds (open/close), "my measures to update", the
progress and indicator value forms, and the monitoring report."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.clock import today
from kotoplan.core.kept import kept_for_reader, kept_fragment
from kotoplan.core.panels import links
from kotoplan.core.permissions import can, require
from kotoplan.core.views import action_view, form_page, form_view
from kotoplan.planning.selectors import plan_content_state, plan_get_for_user

from ..panels import REPORT_FILES
from ..statistics.selectors import statistics_state
from . import selectors, services
from .forms import IndicatorValueForm, MeasureUpdateForm, RoundOpenForm
from .tasks import schedule_round_reminders


@login_required
def round_list(request, plan_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    if request.method == "POST":
        require(request.user, "monitoring.manage_rounds", plan)
    label, due = selectors.round_next_period(plan=plan)
    form = RoundOpenForm(request.POST or None, initial={"period_label": label, "due_date": due})

    def open_round(form):
        opened = services.round_open(actor=request.user, plan=plan, **form.cleaned_data)
        transaction.on_commit(lambda: schedule_round_reminders(round_id=opened.pk))
        return opened

    def page(form):
        rounds = [
            (r, selectors.round_coverage(monitoring_round=r))
            for r in selectors.rounds_for_plan(plan=plan).reverse()
        ]
        context = {
            "plan": plan,
            "rounds": rounds,
            "form": form,
            "may_manage": can(request.user, "monitoring.manage_rounds", plan),
            "may_open": selectors.may_open_round(user=request.user, plan=plan),
        }
        return render(request, "monitoring/round_list.html", context)

    return form_view(
        request,
        form=form,
        call=open_round,
        success_message=_("The monitoring round was opened."),
        redirect_to=reverse("monitoring:round_list", kwargs={"plan_id": plan.pk}),
        render_page=page,
    )


@login_required
@require_POST
def round_close(request, plan_id: int, round_id: int):
    monitoring_round = selectors.round_get_for_user(
        user=request.user, plan_id=plan_id, round_id=round_id
    )
    return action_view(
        request,
        call=lambda: services.round_close(actor=request.user, monitoring_round=monitoring_round),
        success_message=_("The monitoring round was closed."),
        redirect_to=reverse("monitoring:round_list", kwargs={"plan_id": plan_id}),
    )


@login_required
def my_measures(request):
    page = request.GET.get("page")

    def body() -> str:
        work = selectors.my_measures(user=request.user, page=page)
        return render_to_string("monitoring/_my_measures_body.html", {"work": work}, request)

    # Kept per reader until anything changes: a partner may own measures in every plan.
    kept = kept_for_reader("my-measures", (page,), body, user=request.user, request=request)
    return render(request, "monitoring/round_my_measures.html", {"body": mark_safe(kept)})


def _progress_page(
    request, monitoring_round, *, form, save, about: dict, done: str, template: str, context=None
):
    """A form of an open round about one measure or indicator: `save(actor=, monitoring_round=,
    <about>, <the form's data>)`; saved, the user goes back to "my measures to update"."""
    return form_page(
        request,
        template,
        form=form,
        call=lambda form: save(
            actor=request.user, monitoring_round=monitoring_round, **about, **form.cleaned_data
        ),
        success_message=done,
        redirect_to=reverse("monitoring:my_measures"),
        round=monitoring_round,
        **about,
        **(context or {}),
    )


@login_required
def measure_update(request, round_id: int, measure_id: int):
    monitoring_round = selectors.open_round_get(round_id=round_id)
    measure = selectors.measure_for_update_get(
        user=request.user, monitoring_round=monitoring_round, measure_id=measure_id
    )
    update = selectors.measure_update_in_round(monitoring_round=monitoring_round, measure=measure)
    return _progress_page(
        request,
        monitoring_round,
        form=MeasureUpdateForm(request.POST or None, update=update),
        save=services.measure_update_save,
        about={"measure": measure},
        done=_("The progress update was saved."),
        template="monitoring/round_measure_form.html",
        context={
            "previous": selectors.previous_measure_update(
                monitoring_round=monitoring_round, measure=measure
            ),
            "days_left": (monitoring_round.due_date - today()).days,
            "days_late": max(0, (today() - monitoring_round.due_date).days),
        },
    )


@login_required
def indicator_value(request, round_id: int, indicator_id: int):
    monitoring_round = selectors.open_round_get(round_id=round_id)
    indicator = selectors.indicator_for_value_get(
        user=request.user, monitoring_round=monitoring_round, indicator_id=indicator_id
    )
    initial = {"year": monitoring_round.due_date.year - 1}
    return _progress_page(
        request,
        monitoring_round,
        form=IndicatorValueForm(request.POST or None, initial=initial),
        save=services.indicator_value_save,
        about={"indicator": indicator},
        done=_("The indicator value was saved."),
        template="monitoring/round_indicator_form.html",
        context={"values": selectors.indicator_values(indicator=indicator)},
    )


@login_required
def report(request, plan_id: int, round_id: int):
    """The monitoring report of a round. Its body (everything below the download links) is the
    same for every reader and is kept per plan content (the plan, its parts and monitoring, all
    audited with the plan), statistics, language and release."""
    monitoring_round = selectors.round_get_for_user(
        user=request.user, plan_id=plan_id, round_id=round_id
    )
    plan = monitoring_round.plan
    files = links(REPORT_FILES, monitoring_round=monitoring_round)

    def render_body() -> str:
        data = selectors.report_data(monitoring_round=monitoring_round)
        context = {"round": monitoring_round, "plan": plan, **data}
        return render_to_string("monitoring/_report_body.html", context, request)

    parts = (monitoring_round.pk, plan_content_state(plan=plan), statistics_state())
    body = kept_fragment("monitoring-report", parts, render_body)
    context = {
        "round": monitoring_round,
        "plan": plan,
        "downloads": [(label, url) for _key, label, url in files],
        "body": body,
    }
    return render(request, "monitoring/report_detail.html", context)
