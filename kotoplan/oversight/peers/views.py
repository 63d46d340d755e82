"""The peer comparison page of a municipality. Thin: who may open it comes from
`permissions`, the figures from `selectors` (stored results only)."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import render

from kotoplan.core.clock import today
from kotoplan.core.permissions import can
from kotoplan.core.text import ascii_digits
from kotoplan.geography.models import Municipality
from kotoplan.planning.selectors import plan_get_for_user

from .forms import PeerGroupForm
from .selectors import SCOPE_COUNTRY, comparison_chart, peer_comparison


def _subject_plan(request, municipality: Municipality):
    """The plan the comparison was opened from (?plan=), when the user may read it and it is
    the municipality's; otherwise the municipality's current plan is chosen."""
    raw = request.GET.get("plan", "")
    if not ascii_digits(raw):
        return None
    plan = plan_get_for_user(user=request.user, plan_id=int(raw))
    if not plan.municipalities.filter(pk=municipality.pk).exists():
        raise Http404
    return plan


@login_required
def peer_comparison_page(request, municipality_id: int):
    municipality = Municipality.objects.in_act_scope().filter(pk=municipality_id).first()
    if municipality is None or not can(
        request.user, "oversight.compare_municipality", municipality
    ):
        raise Http404
    plan = _subject_plan(request, municipality)
    data = request.GET.copy()
    data.setdefault("scope", SCOPE_COUNTRY)  # so the form shows which scope applies
    form = PeerGroupForm(data)
    comparison = peer_comparison(
        user=request.user,
        subject=municipality,
        choice=form.choice(),
        on=today(),
        subject_plan=plan,
    )
    return render(
        request,
        "oversight/peers/comparison.html",
        {
            "municipality": municipality,
            "form": form,
            "plan": plan,
            "comparison": comparison,
            "chart": comparison_chart(comparison),
        },
    )
