"""Statistics import screens: the upload form with the user's runs, and a run's progress."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import can
from kotoplan.geography.models import Municipality

from . import services
from .forms import ImportForm
from .selectors import import_run_get_for_user, import_runs_for_user

REFRESH_SECONDS = 2


@login_required
def import_list(request):
    if not can(request.user, "monitoring.import_statistics"):
        raise PermissionDenied
    reach = user_reach(user=request.user)
    municipalities = Municipality.objects.filter(pk__in=reach.coordinator_municipalities)
    if reach.admin:
        municipalities = Municipality.objects.in_act_scope()
    form = ImportForm(
        request.POST or None,
        request.FILES or None,
        municipalities=municipalities,
        municipality_required=not reach.admin,
    )
    if request.method == "POST" and form.is_valid():
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
        messages.success(request, _("The import was started."))
        return redirect("monitoring:import_run", run_id=run.pk)
    runs = import_runs_for_user(user=request.user)[:20]
    return render(request, "monitoring/import_list.html", {"form": form, "runs": runs})


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
