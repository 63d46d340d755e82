"""The pages `make bench` times, as data: add a `Page` to PAGES (or GROWTH_PAGES) to time
another one. `url` receives the targets found in the data set (targets.py) and returns a path,
or None when the page does not exist in this version of the product."""

from collections.abc import Callable
from dataclasses import dataclass

from django.urls import NoReverseMatch, reverse


@dataclass(frozen=True)
class Page:
    name: str
    url: Callable[[dict], str | None]
    user: str | None = None  # username of a generated user; None = anonymous
    requests: int = 30
    budget_s: float = 30  # stop early (and say so) when the page is this slow in total
    dashboard: bool = False  # target 10× the floor instead of 5×
    kind: str = (
        "page"  # "export": its memory is measured; "floor": the reference; "reference": no target
    )


def _try(name, *args, query=""):
    try:
        return reverse(name, args=args) + query
    except NoReverseMatch:
        return None


# The library's search (anonymous: adopted plans): Finnish and Swedish words, with and without
# filters; {area} and {county} are filled from the targets.
LIBRARY_SEARCHES = [
    ("kielikoulutus", "q=kielikoulutus"),
    ("työllisyys nuoret, objectives", "q=ty%C3%B6llisyys+nuoret&kind=objective"),
    (
        "ohjaus + theme, size class, evidence",
        "q=ohjaus&theme=employment_education&size=5&evidence=on",
    ),
    ("språkutbildning", "q=spr%C3%A5kutbildning"),
    ("integration + wellbeing county", "q=integration&county={county}"),
    ("indicators työllisyysaste, evidence", "q=ty%C3%B6llisyysaste&kind=indicator&evidence=on"),
    ("no words + authority area", "area={area}"),
]


def _library(t: dict, query: str) -> str | None:
    query = query.format(area=t.get("largest_area"), county=t.get("library_county"))
    return _try("library:search", query="?" + query)


FLOOR = Page("floor (base template only)", lambda t: "/bench/floor/", kind="floor")
# Not a target: what the base template alone costs a signed-in reader (their session, roles and
# navigation), the share of every signed-in page's time that is the page's frame.
SIGNED_IN_FLOOR = Page(
    "base template only, signed in (coordinator; for reference)",
    lambda t: "/bench/floor/",
    user="coord.091",
    kind="reference",
)

PAGES = [
    FLOOR,
    SIGNED_IN_FLOOR,
    Page(
        "my measures, Kela contributor (measures in every plan)",
        lambda t: reverse("monitoring:my_measures"),
        user="kela.contributor",
        requests=3,
        budget_s=60,
    ),
    *[
        Page(
            f"open data {table}.csv (nationwide)",
            lambda t, table=table: reverse("documents:open_data_csv", args=[table]),
            requests=5,
        )
        for table in ("plans", "measures", "indicators")
    ],
    Page(
        "open data plans.json (nationwide)",
        lambda t: reverse("documents:open_data_json"),
        requests=5,
    ),
    Page(
        "consultation results, 5,000 responses",
        lambda t: reverse("participation:results", args=[t["largest_consultation"]]),
        user="coord.091",
        requests=8,
        kind="export",
    ),
    Page(
        "PDF export, largest plan (200 measures)",
        lambda t: reverse("documents:plan_pdf", args=[t["largest_plan"]]),
        user="coord.091",
        requests=2,
        budget_s=60,
        kind="export",
    ),
    Page(
        "DOCX export, largest plan",
        lambda t: reverse("documents:plan_docx", args=[t["largest_plan"]]),
        user="coord.091",
        requests=10,
        kind="export",
    ),
    Page(
        "monitoring report, largest plan",
        lambda t: reverse("monitoring:round_report", args=[t["largest_plan"], t["largest_round"]]),
        user="coord.091",
    ),
    Page(
        "public plan page, largest plan",
        lambda t: reverse("documents:public_plan", args=["091", *t["largest_period"]]),
    ),
    Page(
        "plan history, largest plan",
        lambda t: reverse("planning:plan_history", args=[t["largest_plan"]]),
        user="coord.091",
    ),
    Page(
        "national dashboard",
        lambda t: reverse("oversight:national_dashboard"),
        user="national.viewer",
        dashboard=True,
    ),
    Page(
        "plan page, largest plan",
        lambda t: reverse("planning:plan_detail", args=[t["largest_plan"]]),
        user="coord.091",
    ),
    Page(
        "area dashboard (largest area)",
        lambda t: reverse("oversight:area_dashboard", args=[t["largest_area"]]),
        user="national.viewer",
        dashboard=True,
    ),
    Page(
        "version compare, largest plan",
        lambda t: reverse("planning:plan_compare", args=[t["largest_plan"]]),
        user="coord.091",
    ),
    *[
        Page(f"good-practice search: {label}", lambda t, query=query: _library(t, query))
        for label, query in LIBRARY_SEARCHES
    ],
    Page(
        "good-practice search API: kielikoulutus",
        lambda t: _try("api:library-search", query="?q=kielikoulutus"),
    ),
]

# Timed at 1×, 4× and 16× plan size on an ordinary plan (t["plan"]): flat ratios = bounded.
GROWTH_PAGES = [
    FLOOR,
    Page(
        "plan page",
        lambda t: reverse("planning:plan_detail", args=[t["plan"]]),
        user=lambda t: t["coordinator"],
        requests=8,
    ),
    Page(
        "public plan page",
        lambda t: reverse("documents:public_plan", args=[t["municipality"], *t["period"]]),
        requests=8,
    ),
    Page(
        "plan history",
        lambda t: reverse("planning:plan_history", args=[t["plan"]]),
        user=lambda t: t["coordinator"],
        requests=8,
    ),
    Page(
        "version compare",
        lambda t: reverse("planning:plan_compare", args=[t["plan"]]),
        user=lambda t: t["coordinator"],
        requests=8,
    ),
    Page(
        "monitoring report",
        lambda t: reverse("monitoring:round_report", args=[t["plan"], t["round"]]),
        user=lambda t: t["coordinator"],
        requests=8,
    ),
    Page(
        "consultation results",
        lambda t: reverse("participation:results", args=[t["consultation"]]),
        user=lambda t: t["coordinator"],
        requests=8,
    ),
    Page(
        "my measures (municipal contributor)",
        lambda t: reverse("monitoring:my_measures"),
        user=lambda t: t["contributor"],
        requests=8,
    ),
    Page(
        "DOCX export",
        lambda t: reverse("documents:plan_docx", args=[t["plan"]]),
        user=lambda t: t["coordinator"],
        requests=5,
    ),
]


# Timed again once the worker has made the files (the download of a stored file).
DOWNLOADS = [
    FLOOR,
    Page(
        "DOCX download, largest plan (made)",
        lambda t: reverse("documents:plan_docx", args=[t["largest_plan"]]),
        user="coord.091",
        requests=10,
    ),
    Page(
        "PDF download, largest plan (made)",
        lambda t: reverse("documents:plan_pdf", args=[t["largest_plan"]]),
        user="coord.091",
        requests=10,
    ),
]
