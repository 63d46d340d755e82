"""Views of the oversight dashboards: authority area, national overview, wellbeing county.

Thin: permissions come from `permissions`, figures from `selectors` (stored results only). An
area or county the user may not open answers 404 like a missing one.
"""

from datetime import date

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.template.loader import render_to_string
from django.urls import reverse

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.clock import today
from kotoplan.core.kept import SERVICE_KEPT_SECONDS, kept_fragment, kept_value, service_state
from kotoplan.core.panels import sections
from kotoplan.core.permissions import can
from kotoplan.geography.models import Area

from . import selectors as dashboards
from .exporters.area_csv import area_csv_response
from .forms import AreaFilterForm, DateForm


def _query(request):
    """The GET parameters, with today as the default date so the form shows it."""
    data = request.GET.copy()
    if not data.get("on"):
        data["on"] = today().isoformat()
    return data


def _with_day(url: str, on: date) -> HttpResponseRedirect:
    return HttpResponseRedirect(f"{url}?on={on.isoformat()}")


def _valid_on(area: Area, on: date) -> bool:
    return (area.valid_from is None or area.valid_from <= on) and (
        area.valid_to is None or area.valid_to >= on
    )


@login_required
def dashboards_home(request):
    """Send the user to the dashboard of their oversight role."""
    reach = user_reach(user=request.user)
    if reach.official_areas:
        return HttpResponseRedirect(reverse("oversight:area_default"))
    if reach.admin or reach.national:
        return HttpResponseRedirect(reverse("oversight:national_dashboard"))
    if reach.county_areas:
        county = min(reach.county_areas)
        return HttpResponseRedirect(reverse("oversight:county_dashboard", args=[county]))
    raise Http404


@login_required
def area_default(request):
    """The official's own authority area on the chosen date."""
    on = DateForm(_query(request)).day()
    reach = user_reach(user=request.user, on=on)
    area = (
        Area.objects.valid_on(on)
        .filter(pk__in=reach.official_areas, kind__in=Area.AUTHORITY_KINDS)
        .order_by("name_fi")
        .first()
    )
    if area is not None:
        return _with_day(reverse("oversight:area_dashboard", args=[area.pk]), on)
    if can(request.user, "oversight.view_national_dashboard"):
        return _with_day(reverse("oversight:national_dashboard"), on)
    raise Http404


def _area_rows(request, area_id: int):
    """The area, the filter form and the filtered, sorted rows; or a redirect."""
    themes = dashboards.statutory_themes()
    form = AreaFilterForm(_query(request), themes=themes)
    on = form.day()
    area = Area.objects.filter(pk=area_id, kind__in=Area.AUTHORITY_KINDS).first()
    if area is None:
        raise Http404
    if not _valid_on(area, on):  # e.g. an ELY area asked for a 2026 date
        return _with_day(reverse("oversight:area_default"), on), None
    if not can(request.user, "oversight.view_area_dashboard", (area, on)):
        raise Http404
    show_drafts = can(request.user, "oversight.view_area_drafts", (area, on))

    def read():
        municipalities = dashboards.area_municipalities(area=area, on=on)
        rows = dashboards.municipality_rows(municipalities, show_drafts=show_drafts, themes=themes)
        return list(municipalities), rows

    # The same for every reader who may see the area (drafts or not), until anything changes.
    state = service_state(request.user)
    municipalities, rows = kept_value(
        "area-rows",
        (area.pk, on, show_drafts, state),
        read,
        seconds=SERVICE_KEPT_SECONDS,
    )
    shown = dashboards.filter_rows(
        rows,
        state=form.option("state"),
        missing_theme=form.option("missing_theme"),
        overdue=bool(form.option("overdue", False)),
    )
    shown = dashboards.sort_rows(shown, form.option("sort", "name"))
    context = {
        "area": area,
        "on": on,
        "form": form,
        "themes": themes,
        "rows": shown,
        "total": len(rows),
        "show_drafts": show_drafts,
        "municipalities": municipalities,
        # what the rows shown are made of: the tables rendered from them are kept under it
        "rows_state": (area.pk, on, show_drafts, sorted(form.cleaned_data.items()), state),
    }
    return None, context


@login_required
def area_dashboard(request, area_id: int):
    redirect, context = _area_rows(request, area_id)
    if redirect is not None:
        return redirect
    reach = user_reach(user=request.user, on=context["on"])
    context["own_areas"] = (
        Area.objects.valid_on(context["on"])
        .filter(pk__in=reach.official_areas)
        .exclude(pk=area_id)
        .order_by("name_fi")
    )
    context["can_national"] = can(request.user, "oversight.view_national_dashboard")
    context["csv_query"] = _query(request).urlencode()
    context["tables"] = kept_fragment(
        "area-tables",
        context["rows_state"],
        lambda: render_to_string(
            "oversight/dashboards/_area_tables.html",
            {"rows": context["rows"], "themes": context["themes"]},
            request,
        ),
        seconds=SERVICE_KEPT_SECONDS,
    )
    context["sections"] = sections(
        dashboards.AREA_DASHBOARD,
        user=request.user,
        request=request,
        on=context["on"],
        area=context["area"],
        municipalities=context["municipalities"],
    )
    return render(request, "oversight/dashboards/area.html", context)


@login_required
def area_dashboard_csv(request, area_id: int):
    redirect, context = _area_rows(request, area_id)
    if redirect is not None:
        raise Http404
    return area_csv_response(
        area=context["area"], on=context["on"], rows=context["rows"], themes=context["themes"]
    )


@login_required
def national_dashboard(request):
    if not can(request.user, "oversight.view_national_dashboard"):
        raise PermissionDenied
    form = DateForm(_query(request))
    on = form.day()
    show_drafts = user_reach(user=request.user).admin
    # the same for every reader alike, until anything changes: the figures and their tables
    state = (on, show_drafts, service_state(request.user))
    summaries, themes = kept_value(
        "national-summaries",
        state,
        lambda: dashboards.national_summaries(on=on, show_drafts=show_drafts),
        seconds=SERVICE_KEPT_SECONDS,
    )

    def tables():
        totals = dashboards.national_totals(summaries, themes)
        context = {"on": on, "summaries": summaries, "themes": themes, "totals": totals}
        return render_to_string("oversight/dashboards/_national_tables.html", context, request)

    extra = sections(
        dashboards.NATIONAL_DASHBOARD,
        user=request.user,
        request=request,
        on=on,
        area=None,
        municipalities=None,
    )
    return render(
        request,
        "oversight/dashboards/national.html",
        {
            "form": form,
            "on": on,
            "summaries": summaries,
            "themes": themes,
            "tables": kept_fragment("national-tables", state, tables, seconds=SERVICE_KEPT_SECONDS),
            "sections": extra,
        },
    )


@login_required
def county_dashboard(request, area_id: int):
    area = Area.objects.filter(pk=area_id, kind=Area.Kind.WELLBEING_COUNTY).first()
    if area is None or not can(request.user, "oversight.view_county_dashboard", area):
        raise Http404
    on = today()
    themes = dashboards.statutory_themes()
    municipalities = dashboards.area_municipalities(area=area, on=on)
    rows = dashboards.municipality_rows(municipalities, show_drafts=True, themes=themes)
    plans = {row.plan.pk: row.plan for row in rows if row.plan is not None}
    measures = dashboards.county_measures(
        plan_ids=list(plans), organisation_ids=dashboards.county_organisation_ids(area=area)
    )
    return render(
        request,
        "oversight/dashboards/county.html",
        {
            "area": area,
            "on": on,
            "rows": rows,
            "themes": themes,
            "plans": sorted(plans.values(), key=lambda p: str(p)),
            "measures": measures,
        },
    )
