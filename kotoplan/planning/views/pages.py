"""Pages beside the plan's own: an earlier adopted plan entered as a historical record, and the
order of the plan's parts."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.core.views import action_view, form_page

from .. import selectors, services
from ..forms.lifecycle import HistoricalPlanForm
from . import SPECS, part_url, plan_url

# --- historical records -----------------------------------------------------------------------


@login_required
def plan_historical_new(request):
    """Record an earlier adopted plan with its decision trail and documents."""
    municipalities = selectors.municipalities_for_new_plan(user=request.user)
    if not municipalities.exists():
        raise PermissionDenied
    form = HistoricalPlanForm(
        request.POST or None,
        municipalities=municipalities,
        series=selectors.plan_series_for_historical(user=request.user),
    )
    return form_page(
        request,
        "planning/plan_historical.html",
        form=form,
        call=lambda form: services.plan_record_historical(
            actor=request.user,
            lead_municipality=form.cleaned_data["lead_municipality"],
            series=form.cleaned_data["series"],
            data=form.plan_data(),
            steps=form.steps(),
        ),
        success_message=_("The historical plan was recorded."),
        redirect_to=plan_url,
        fieldsets=[(legend, [form[n] for n in names]) for legend, names in form.fieldsets],
    )


MOVABLE = ("objective", "measure", "chapter")  # decision steps follow their dates


@login_required
@require_POST
def part_move(request, kind, object_id, direction):
    """The up and down buttons beside the plan's objectives, measures and chapters (forms, so
    they work without script); the order is never a typed number."""
    if direction not in ("up", "down") or kind not in MOVABLE:
        raise Http404
    spec = SPECS[kind]
    part = selectors.part_get_for_user(user=request.user, model=spec.model, part_id=object_id)
    plan = part.owner_plan
    back = part_url(spec, plan, part)
    return action_view(
        request,
        call=lambda: services.part_move(actor=request.user, part=part, up=direction == "up"),
        success_message=_("The order was changed."),
        redirect_to=lambda _moved: back,
        refused_to=back,
    )


def chapter_move(request, chapter_id, direction):
    """The chapters' own address for their up and down buttons."""
    return part_move(request, kind="chapter", object_id=chapter_id, direction=direction)
