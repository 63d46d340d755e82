"""Every page of the URLconf, in a browser at 320 px, as each role that may see it, in Finnish,
Swedish and English.

A visit fails on: an axe WCAG 2.1 A/AA violation, or its "needs review" of duplicate ids or several
labels; sideways scrolling at 320 px; an SVG coordinate
written with a decimal comma; a raw field name or choice value in the text (`snake_case`, or a
model choice's stored value on a Finnish or Swedish page); a string of another language's
catalogue in text of the page's language. A route neither visited nor excluded (tests/a11y/
routes.py) fails the first test, so a new page cannot be left out.
"""

import gettext
import os
import re
import time
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.apps import apps
from django.conf import settings
from django.test import Client

from kotoplan.accounts.models import User
from tests.support.browser import log_in

from .routes import KNOWN, ROUTES, Objects, excluded, url_names

# One person of each kind of audience.
ROLES = {
    "anonymous": None,
    "coordinator": "koordinaattori.tampere",
    "official": "virkailija.sisasuomi",
    "ministry": "ministerio.tem",
    "admin": "admin",
    "contributor": "vastuutaho.tampere",
    "county": "hyvinvointialue.pirkanmaa",
}
# What a page of ours must never have, though axe leaves it out of WCAG 2.1 by default (duplicate
# ids, obsolete as a criterion since WCAG 2.2) or asks a person to review (several labels).
NEEDS_REVIEW = {
    "duplicate-id",
    "duplicate-id-active",
    "duplicate-id-aria",
    "form-field-multiple-labels",
}
WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "rules": {rule: {"enabled": True} for rule in sorted(NEEDS_REVIEW)},
}
WIDTH = 320
SNAKE = re.compile(r"\b[a-z]+(?:_[a-z0-9]+)+\b")
LOCALE = Path(settings.BASE_DIR) / "kotoplan" / "locale"

# What the page shows: sideways overflow, SVG coordinates with a comma, and every visible text
# node with the language it is marked as (its nearest `lang`).
READ_PAGE = """() => {
  const page = document.documentElement.lang.slice(0, 2);
  const width = Math.max(document.documentElement.scrollWidth, document.body.scrollWidth);
  const coordinates = ["x", "y", "x1", "y1", "x2", "y2", "cx", "cy", "r", "width", "height"];
  const commas = [];
  for (const el of document.querySelectorAll("svg, svg *")) {
    for (const name of coordinates) {
      const value = el.getAttribute(name);
      if (value && /\\d,\\d/.test(value)) commas.push(`<${el.tagName} ${name}="${value}">`);
    }
  }
  const texts = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  let node;
  while ((node = walker.nextNode())) {
    const el = node.parentElement;
    const text = node.textContent.trim();
    if (!el || !text || el.closest("script, style, template, code, pre, textarea")) continue;
    if (!el.checkVisibility() && !el.closest(".visually-hidden")) continue;
    const holder = el.closest("[lang]");
    texts.push([(holder ? holder.lang : page).slice(0, 2), text]);
  }
  return {page, width, commas, texts};
}"""


def _catalogue(language: str) -> dict[str, str]:
    translation = gettext.translation("django", LOCALE, languages=[language], fallback=True)
    return getattr(translation, "_catalog", {})  # English is the source: no catalogue


def _foreign_strings() -> dict[str, list[str]]:
    """For each page language, interface strings of another language that must not appear in
    its text: Swedish strings on Finnish pages, Finnish ones on Swedish and English pages."""
    fi, sv = _catalogue("fi"), _catalogue("sv")

    def own(catalogue, key) -> str:
        value = catalogue.get(key, "")
        return value if isinstance(value, str) else ""

    def long_strings(catalogue, other) -> list[str]:
        found = set()
        for key, value in catalogue.items():
            if not isinstance(value, str) or len(value) < 16 or " " not in value or "%" in value:
                continue
            msgid = key if isinstance(key, str) else key[0]
            if value in (msgid, own(other, key)) or "{" in value:
                continue
            found.add(value)
        return sorted(found)

    finnish, swedish = long_strings(fi, sv), long_strings(sv, fi)
    return {"fi": swedish, "sv": finnish, "en": finnish}


def _catalogue_words(language: str) -> set[str]:
    words = set()
    for value in _catalogue(language).values():
        if isinstance(value, str):
            words.update(re.findall(r"[a-zåäö]+", value.lower()))
    return words


def _choice_values() -> set[str]:
    """Stored values of the models' choices that read as words ("ongoing", "employment_education"),
    which a Finnish or Swedish page must never show as such."""
    values = set()
    for model in apps.get_models():
        if not model.__module__.startswith("kotoplan."):
            continue
        for field in model._meta.get_fields():
            for value, _label in getattr(field, "choices", None) or []:
                if isinstance(value, str) and re.fullmatch(r"[a-z]{5,}(_[a-z]+)*", value):
                    values.add(value)
    return values


def test_every_route_is_visited_or_excluded():
    names = url_names()
    missing = [name for name in names if name not in ROUTES and not excluded(name)]
    assert missing == [], "routes neither visited nor excluded in tests/a11y/routes.py"
    unknown = [name for name in ROUTES if name not in names]
    assert unknown == [], "routes.py names routes the URLconf no longer has"
    both = [name for name in ROUTES if excluded(name)]
    assert both == []


def _who_sees(objects: Objects) -> dict[str, list[str]]:
    """Route → roles that get the page (200) from the server, asked without a browser."""
    addresses = {name: address(objects) for name, address in ROUTES.items()}
    seen: dict[str, list[str]] = {name: [] for name in ROUTES}
    for role, username in ROLES.items():
        client = Client()
        if username:
            client.force_login(User.objects.get(username=username))
        for name, url in addresses.items():
            response = client.get(url)
            shown = response.status_code == 200 or (
                response.status_code == 302 and "/accounts/login/" not in response["Location"]
            )
            if shown:
                seen[name].append(role)
    return seen


def _problems(read: dict, *, language: str, foreign: list[str], choices: set[str]) -> list[str]:
    """What is wrong on the page, each as "<check>: <detail>"."""
    found = []
    if read["page"] != language:
        found.append(f'lang: html lang="{read["page"]}"')
    if read["width"] > WIDTH:
        found.append(f"reflow: {read['width']} px wide at {WIDTH} px")
    found += [f"svg: coordinate with a comma {c}" for c in read["commas"][:3]]
    own_text = "\n".join(text for lang, text in read["texts"] if lang == language)
    raw = sorted(set(SNAKE.findall(own_text)))
    if language in ("fi", "sv"):
        words = set(re.findall(r"\b[a-z_]{5,}\b", own_text))
        raw = sorted(set(raw) | (words & choices))
    found += [f"raw: {value}" for value in raw[:5]]
    found += [f"language: {s!r}" for s in foreign if s in own_text][:3]
    return found


def _known(problem: str) -> bool:
    """A problem listed in routes.KNOWN (route and check) as found and not yet fixed."""
    name, _, rest = problem.partition(" [")
    check = rest.partition("] ")[2].split(":")[0]
    return (name, check) in KNOWN


def _visit(page, url: str, language: str, **checks) -> list[str]:
    host = urlsplit(url).hostname
    page.context.add_cookies(
        [{"name": settings.LANGUAGE_COOKIE_NAME, "value": language, "domain": host, "path": "/"}]
    )
    response = page.goto(url)
    if response is None or response.status != 200 or "/accounts/login/?next=" in page.url:
        return [f"status: {response.status if response else 'none'} {page.url}"]
    problems = _problems(page.evaluate(READ_PAGE), language=language, **checks)
    results = Axe().run(page, options=WCAG_21_AA)
    if results.violations_count:
        ids = sorted({v["id"] for v in results.response["violations"]})
        problems.append(f"axe: {', '.join(ids)}")
    review = sorted(
        {r["id"] for r in results.response.get("incomplete", []) if r["id"] in NEEDS_REVIEW}
    )
    if review:
        problems.append(f"axe needs review: {', '.join(review)}")
    return problems


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    os.environ.get("KOTOPLAN_EVERY_ROUTE") == "0" and os.environ.get("CI") != "true",
    reason="left out on request (KOTOPLAN_EVERY_ROUTE=0); never in CI",
)
def test_every_route_in_three_languages(browser, demo_site, report_count):
    started = time.monotonic()
    base = demo_site.url
    objects = Objects()
    seen = _who_sees(objects)
    assert [name for name, roles in seen.items() if not roles] == [], "pages no role can open"
    probed = time.monotonic() - started

    foreign, choice_values = _foreign_strings(), _choice_values()
    # A stored value that is also a word of the page's language ("organisation" in Swedish)
    choices = {lang: choice_values - _catalogue_words(lang) for lang in ("fi", "sv", "en")}
    tabs = {}
    for role, username in ROLES.items():
        context = browser.new_context(viewport={"width": WIDTH, "height": 800})
        tabs[role] = context.new_page()
        tabs[role].set_default_timeout(15_000)
        if username:
            log_in(tabs[role], base, username)

    problems, visits = [], 0
    for name, address in ROUTES.items():
        url = base + address(objects)
        roles = seen[name]
        plan = [(language, role) for language in ("fi", "sv", "en") for role in roles]
        for language, role in plan:
            visits += 1
            for problem in _visit(
                tabs[role], url, language, foreign=foreign[language], choices=choices[language]
            ):
                problems.append(f"{name} [{language}, {role}] {problem}")
    for tab in tabs.values():
        tab.context.close()

    elapsed = time.monotonic() - started
    report_count(
        "Every route",
        f"{len(ROUTES)} routes, {visits} visits in {elapsed:.0f} s "
        f"(server probe {probed:.0f} s), {len(problems)} problems",
    )
    new = [p for p in problems if not _known(p)]
    assert new == [], "\n".join(new)
