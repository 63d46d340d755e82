"""The dashboards' section of the home page (kotoplan.core.panels.HOME): the essentials of the
overview each oversight role works from. An official gets their area's municipalities that need
attention first (monitoring overdue, open observations), a county liaison the
county's plans, a national viewer the national totals; each links to the full dashboard."""

from django.urls import reverse

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.panels import HOME, register_section
from kotoplan.geography.models import Area

from . import selectors as dashboards

ATTENTION_SHOWN = 10


def _summary(rows) -> dict:
    counts = {"none": 0, "in_preparation": 0, "in_process": 0, "adopted": 0}
    for row in rows:
        state = row.state
        if state in ("none", "adopted"):
            counts[state] += 1
        elif state in ("in_preparation", "draft"):
            counts["in_preparation"] += 1
        elif state != "superseded":
            counts["in_process"] += 1
    return counts


def _attention(rows) -> list:
    """Rows that need the official's attention, the most pressing first."""
    needing = [r for r in rows if r.monitoring_overdue or r.open_observations]
    return sorted(
        needing,
        key=lambda r: (
            not r.monitoring_overdue,
            -(r.open_observations or 0),
            r.municipality.name_fi,
        ),
    )


def _area_overviews(user, on) -> list[dict]:
    reach = user_reach(user=user, on=on)
    areas = (
        Area.objects.valid_on(on)
        .filter(pk__in=reach.official_areas, kind__in=Area.AUTHORITY_KINDS)
        .order_by("name_fi")
    )
    themes = dashboards.statutory_themes()
    overviews = []
    for area in areas:
        municipalities = dashboards.area_municipalities(area=area, on=on)
        rows = dashboards.municipality_rows(municipalities, show_drafts=True, themes=themes)
        attention = _attention(rows)
        overviews.append(
            {
                "area": area,
                "url": reverse("oversight:area_dashboard", args=[area.pk]),
                "counts": _summary(rows),
                "total": len(rows),
                "attention": attention[:ATTENTION_SHOWN],
                "attention_total": len(attention),
                "overdue": sum(r.monitoring_overdue for r in rows),
            }
        )
    return overviews


def _county_overviews(user) -> list[dict]:
    reach = user_reach(user=user)
    on = today()
    areas = Area.objects.filter(pk__in=reach.county_areas).order_by("name_fi")
    themes = dashboards.statutory_themes()
    overviews = []
    for area in areas:
        municipalities = dashboards.area_municipalities(area=area, on=on)
        rows = dashboards.municipality_rows(municipalities, show_drafts=True, themes=themes)
        overviews.append(
            {
                "area": area,
                "url": reverse("oversight:county_dashboard", args=[area.pk]),
                "counts": _summary(rows),
                "total": len(rows),
            }
        )
    return overviews


def _home_section(*, user, request=None) -> dict | None:
    reach = user_reach(user=user)
    if not (reach.official_areas or reach.county_areas or reach.national or reach.admin):
        return None
    on = today()
    national = None
    if reach.national or reach.admin:
        summaries, themes = dashboards.national_summaries(on=on, show_drafts=reach.admin)
        national = dashboards.national_totals(summaries, themes)
    return {
        "areas": _area_overviews(user, on),
        "counties": _county_overviews(user),
        "national": national,
    }


register_section(
    HOME,
    key="overviews",
    order=25,
    template="oversight/dashboards/_home.html",
    context=_home_section,
)
