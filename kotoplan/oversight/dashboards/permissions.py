"""Who may open the oversight dashboards. The only place these decisions are made.

- a regional authority official opens the dashboard of an authority area in which they hold a
  role on the chosen date (roles are dated: an ELY Centre official's 2025 role opens the ELY
  area for a 2025 date, not for a 2026 one) and sees the drafts of that area;
- a national viewer opens the national view and every area dashboard read-only, but never a
  draft's details: drafts only count as "in preparation" (docs/adr/0001-foundation.md);
- a wellbeing county liaison opens the county view of their county today, drafts included;
- administrators open everything.
"""

from datetime import date

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import rule
from kotoplan.geography.models import Area


@rule("oversight.view_dashboards")
def can_view_dashboards(user, _obj=None) -> bool:
    """Whether the user has any oversight role today (drives the navigation link)."""
    reach = user_reach(user=user)
    return bool(reach.admin or reach.national or reach.official_areas or reach.county_areas)


@rule("oversight.view_national_dashboard")
def can_view_national_dashboard(user, _obj=None) -> bool:
    reach = user_reach(user=user)
    return reach.admin or reach.national


@rule("oversight.view_area_dashboard")
def can_view_area_dashboard(user, target: tuple[Area, date]) -> bool:
    area, on = target
    if area.kind not in Area.AUTHORITY_KINDS:
        return False
    reach = user_reach(user=user, on=on)
    return reach.admin or reach.national or area.pk in reach.official_areas


@rule("oversight.view_area_drafts")
def can_view_area_drafts(user, target: tuple[Area, date]) -> bool:
    """Draft details on an area dashboard: the area's own officials and administrators."""
    area, on = target
    reach = user_reach(user=user, on=on)
    return reach.admin or area.pk in reach.official_areas


@rule("oversight.view_county_dashboard")
def can_view_county_dashboard(user, area: Area) -> bool:
    if area.kind != Area.Kind.WELLBEING_COUNTY:
        return False
    reach = user_reach(user=user)
    return reach.admin or area.pk in reach.county_areas
