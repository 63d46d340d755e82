"""Statistics screens: the upload form with the user's runs, a run's progress, and the choice of
a plan's situation picture figures."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kotoplan.core.permissions import require
from kotoplan.core.views import form_page
from kotoplan.planning.selectors import plan_get_for_user

from . import services
from .forms import ImportForm, SituationFiguresForm
from .selectors import (
    import_run_get_for_user,
    import_run_looks_interrupted,
    import_runs_for_user,
    municipalities_for_import,
    situation_indicator_choices,
    situation_indicators_chosen,
)
from .tasks import import_run_enqueue

REFRESH_SECONDS = 2


@login_required
def import_list(request):
    require(request.user, "monitoring.import_statistics")
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        municipalities=municipalities_for_import(user=request.user),
        municipality_required=not services.may_import_shared(request.user),
    )

    def start(form):
        data = form.cleaned_data
        upload = data.get("data_file")
        run = services.import_run_create(
            actor=request.user,
            source=data["source"],
            municipality=data.get("municipality"),
            file_name=upload.name if upload else "",
            payload=data["payload"],
            regions_payload=data["regions_payload"],
            url=data["url"],
            table_id=data.get("table_id", ""),
        )
        transaction.on_commit(lambda: import_run_enqueue(run))
        return run

    return form_page(
        request,
        "monitoring/import_list.html",
        form=form,
        call=start,
        success_message=_("The import was started."),
        redirect_to=lambda run: reverse("monitoring:import_run", kwargs={"run_id": run.pk}),
        runs=import_runs_for_user(user=request.user)[:20],
    )


@login_required
def import_run_detail(request, run_id: int):
    run = import_run_get_for_user(user=request.user, run_id=run_id)
    auto_refresh = not run.is_finished and request.GET.get("refresh") != "off"
    response = render(
        request,
        "monitoring/import_run_detail.html",
        {
            "run": run,
            "auto_refresh": auto_refresh,
            "refresh_seconds": REFRESH_SECONDS,
            "looks_interrupted": import_run_looks_interrupted(run),
        },
    )
    if auto_refresh:
        # The HTTP form of <meta http-equiv="refresh">: progress without JavaScript.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response


@login_required
def situation_figures_choose(request, plan_id: int):
    plan = plan_get_for_user(user=request.user, plan_id=plan_id)
    require(request.user, "monitoring.choose_situation_figures", plan)
    chosen = situation_indicators_chosen(plan=plan)
    form = SituationFiguresForm(
        request.POST if request.method == "POST" else None,
        choices=situation_indicator_choices(plan=plan),
        initial={"indicators": [indicator.pk for indicator in chosen]},
    )
    return form_page(
        request,
        "monitoring/situation_figures_form.html",
        form=form,
        call=lambda form: services.situation_indicators_set(
            actor=request.user, plan=plan, indicators=form.chosen()
        ),
        success_message=_("The figures of the situation picture were saved."),
        redirect_to=lambda result: reverse("planning:plan_detail", args=[plan.pk]),
        plan=plan,
    )
