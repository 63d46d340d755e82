"""The peer comparison's entries in the registries of kotoplan.core.panels: a panel of the plan
page, and a section of the area and national dashboards (a municipality chosen by GET)."""

from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.clock import today
from kotoplan.core.panels import register_plan_panel, register_section
from kotoplan.core.permissions import can
from kotoplan.geography.models import Municipality

from ..dashboards.selectors import AREA_DASHBOARD, NATIONAL_DASHBOARD
from .forms import ChooseMunicipalityForm
from .selectors import comparison_chart, peer_comparison, percent_text

CHOSEN = "peers"  # the GET parameter of the dashboards' section: a municipality's code


def _headline(comparison) -> str:
    readiness = comparison.measures[0]
    count = len(comparison.peers)
    if readiness.subject is None or readiness.median is None:
        return comparison.group.description
    return gettext("Readiness {subject}, median of {count} peers {median}").format(
        subject=percent_text(readiness.subject),
        count=count,
        median=percent_text(readiness.median),
    )


def _page_url(municipality, plan=None) -> str:
    url = reverse("oversight:peer_comparison", args=[municipality.pk])
    return f"{url}?{urlencode({'plan': plan.pk})}" if plan is not None else url


def peers_panel(*, plan, user, request=None) -> dict | None:
    """The plan beside its lead municipality's peers (the default group), with a link to the
    page where the group can be changed."""
    municipality = plan.lead_municipality
    if not can(user, "oversight.compare_municipality", municipality):
        return None
    comparison = peer_comparison(user=user, subject=municipality, on=today(), subject_plan=plan)
    return {
        "headline": _headline(comparison),
        "comparison": comparison,
        "chart": comparison_chart(comparison),
        "page_url": _page_url(municipality, plan),
        "chart_id": "peers-panel-chart",
    }


def _dashboard_section(*, user, request=None, on=None, area=None, municipalities=None, **_kw):
    """A municipality of the dashboard (of the area, or any for the national one) beside its
    peers, chosen with a GET form."""
    if request is None:
        return None
    choices = (
        list(municipalities)
        if municipalities is not None
        else list(Municipality.objects.in_act_scope())
    )
    form = ChooseMunicipalityForm(request.GET, municipalities=choices)
    code = form.cleaned_data.get(CHOSEN, "") if form.is_valid() else ""
    chosen = next((m for m in choices if m.code == code), None)
    context = {
        "form": form,
        "kept": [(k, v) for k, v in request.GET.items() if k != CHOSEN],
        "chart_id": "peers-dashboard-chart",
    }
    if chosen is not None and can(user, "oversight.compare_municipality", chosen):
        comparison = peer_comparison(user=user, subject=chosen, on=on or today())
        context.update(
            comparison=comparison,
            chart=comparison_chart(comparison),
            page_url=_page_url(chosen),
        )
    return context


register_plan_panel(
    key="peers",
    order=65,
    template="oversight/peers/panel.html",
    context=peers_panel,
    title=_("Compared with similar municipalities"),
)
for slot in (AREA_DASHBOARD, NATIONAL_DASHBOARD):
    register_section(
        slot,
        key="peers",
        order=10,
        template="oversight/peers/_dashboard_section.html",
        context=_dashboard_section,
    )
