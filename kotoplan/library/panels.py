"""The library's entries in the registries of kotoplan.core.panels: "Good practices" in the
navigation and on the front door, the reuses of a plan's measures on the plan page, the link of
each measure to its library page, and "Find similar measures" on the measure form."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kotoplan.core.panels import (
    FRONT,
    register_link,
    register_menu_item,
    register_plan_panel,
    register_section,
)
from kotoplan.planning.panels import MEASURE_FORM_ACTIONS, MEASURE_LINKS

from .forms import SearchForm
from .selectors import plan_reuses


def _search_url(user=None) -> str:
    return reverse("library:search")


def _front_section(*, request, user=None) -> dict:
    return {"form": SearchForm()}


def _reuse_panel(*, plan, user, request=None) -> dict | None:
    """Where the plan's measures were reused (in plans the person may read); left out when
    nowhere."""
    reuses = list(plan_reuses(user=user, plan=plan))
    if not reuses:
        return None
    count = len(reuses)
    return {
        "reuses": reuses,
        "headline": ngettext(
            "A measure of this plan was reused once",
            "Measures of this plan were reused {count} times",
            count,
        ).format(count=count),
    }


def _measure_url(measure, **context) -> str:
    return reverse("library:measure_detail", args=[measure.pk])


def _similar_url(plan, **context) -> str:
    return f"{reverse('library:similar')}?plan={plan.pk}"


register_menu_item(key="library", order=40, label=_("Good practices"), url=_search_url)
register_section(
    FRONT, key="library", order=25, template="library/_front.html", context=_front_section
)
register_plan_panel(
    key="library_reuse",
    order=60,
    template="library/_plan_reuse.html",
    context=_reuse_panel,
    title=_("Reused elsewhere"),
)
register_link(MEASURE_LINKS, key="library", order=10, label=_("Similar measures"), url=_measure_url)
register_link(
    MEASURE_FORM_ACTIONS,
    key="similar",
    order=10,
    label=_("Find similar measures"),
    url=_similar_url,
)
