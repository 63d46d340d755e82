"""Statistics import screens: the upload form with the user's runs, and a run's progress."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import require
from kotoplan.core.views import form_page

from . import services
from .forms import ImportForm
from .selectors import import_run_get_for_user, import_runs_for_user, municipalities_for_import
from .tasks import import_run_enqueue

REFRESH_SECONDS = 2


@login_required
def import_list(request):
    require(request.user, "monitoring.import_statistics")
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        municipalities=municipalities_for_import(user=request.user),
        municipality_required=not user_reach(user=request.user).admin,
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
        {"run": run, "auto_refresh": auto_refresh, "refresh_seconds": REFRESH_SECONDS},
    )
    if auto_refresh:
        # The HTTP form of <meta http-equiv="refresh">: progress without JavaScript.
        response["Refresh"] = str(REFRESH_SECONDS)
    return response
