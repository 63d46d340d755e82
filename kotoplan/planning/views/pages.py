"""Pages beside the plan's own: an earlier adopted plan entered as a historical record, and the
order of the plan's parts."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from kotoplan.audit.forms import HistoryFilterForm
from kotoplan.audit.selectors import (
    history_choice_ids,
    history_choices,
    history_rows,
    history_visibility,
)
from kotoplan.audit.selectors import plan_history as plan_history_entries
from kotoplan.core.kept import kept_fragment, kept_value
from kotoplan.core.permissions import require
from kotoplan.core.text import ascii_digits
from kotoplan.core.views import action_view, form_page

from .. import selectors, services
from ..forms.lifecycle import HistoricalPlanForm
from . import SPECS, part_url, plan_url

HISTORY_PAGE_SIZE = 50
HISTORY_KEPT_SECONDS = 600

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


# --- versions and history ------------------------------------------------------------------


@login_required
def plan_compare(request, plan_id):
    plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
    versions = list(selectors.plan_versions(plan=plan, user=request.user))
    other_id = request.GET.get("with")
    other = None
    if other_id and ascii_digits(other_id):
        other = next((v for v in versions if v.pk == int(other_id)), None)
    if other is None:
        other = next((v for v in versions if v.pk == plan.previous_version_id), None)
    changes = ""
    if other is not None:
        older, newer = sorted([plan, other], key=lambda p: p.version_number)
        changes = kept_fragment(
            "plan-compare",
            (selectors.plan_content_state(plan=older), selectors.plan_content_state(plan=newer)),
            lambda: _compare_changes(older, newer),
        )
    return render(
        request,
        "planning/plan_compare.html",
        {"plan": plan, "other": other, "versions": versions, "changes": changes},
    )


def _compare_changes(older, newer) -> str:
    """The differences of two versions: the same for every reader who may see both, so kept
    per the two versions' contents."""
    plan_changes, part_changes = selectors.plan_compare(older=older, newer=newer)
    context = {"plan_changes": plan_changes, "part_changes": part_changes}
    return render_to_string("planning/_plan_compare_changes.html", context)


@login_required
def plan_history(request, plan_id):
    """A page of the plan's change history. The page of entries is kept per plan content (every
    entry of the plan changes it), what the reader may see of it, the names of the people in it,
    and the filters and page asked for; at most ten minutes, since it also names things outside
    the plan as they read now (a statistics indicator, a cooperation group)."""
    plan = selectors.plan_get_for_user(user=request.user, plan_id=plan_id)
    require(request.user, "planning.view_history", plan)
    state = selectors.plan_content_state(plan=plan)
    visibility = history_visibility(user=request.user, plan=plan)
    ids = kept_value(  # which parts and people occur: the same while the plan's trail is
        "plan-history-choices",
        (state, visibility),
        lambda: history_choice_ids(user=request.user, plan=plan),
        seconds=HISTORY_KEPT_SECONDS,
    )
    parts, people = history_choices(user=request.user, plan=plan, ids=ids)
    form = HistoryFilterForm(request.GET or None, parts=parts, people=people)
    query = request.GET.copy()
    query.pop("page", None)

    def render_entries() -> str:
        filters = form.history_filter()
        entries = plan_history_entries(user=request.user, plan=plan, filters=filters)
        page = Paginator(entries, HISTORY_PAGE_SIZE).get_page(request.GET.get("page"))
        context = {"page": page, "rows": history_rows(page.object_list), "query": query.urlencode()}
        return render_to_string("planning/_plan_history_entries.html", context)

    key = (state, visibility, people, request.GET.urlencode())
    entries = kept_fragment("plan-history", key, render_entries, seconds=HISTORY_KEPT_SECONDS)
    return render(
        request, "planning/plan_history.html", {"plan": plan, "form": form, "entries": entries}
    )
