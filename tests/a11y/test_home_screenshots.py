"""Every role's home page, the plan page and the public front door at 1,280 px and 375 px, in
Finnish on the demo data: none scrolls sideways. The screenshots (the first screenful) are kept
in docs/screenshots/ and shown in the README."""

from pathlib import Path

import pytest
from django.conf import settings
from PIL import Image

from kotoplan.planning.models import Plan
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SCREENSHOTS = Path(settings.BASE_DIR) / "docs" / "screenshots"
WIDTHS = (1280, 375)
HOMES = {
    "coordinator": "koordinaattori.kurikka",
    "contributor": "vastuutaho.tampere",
    "official": "virkailija.sisasuomi",
    "county": "hyvinvointialue.pirkanmaa",
    "ministry": "ministerio.tem",
}
SCROLLS_SIDEWAYS = "document.documentElement.scrollWidth > window.innerWidth"


def _shoot(page, name: str, width: int) -> list[str]:
    """Save the viewport and tell whether the page scrolls sideways."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": width, "height": 900 if width > 400 else 760})
    page.reload()
    path = SCREENSHOTS / f"{name}-{width}.png"
    page.screenshot(path=str(path))
    with Image.open(path) as shot:  # a palette of 64 colours keeps the files small
        small = shot.convert("RGB").quantize(colors=64)
    small.save(path, optimize=True)
    if page.evaluate(SCROLLS_SIDEWAYS):
        return [f"{name} at {width} px: {page.evaluate('document.documentElement.scrollWidth')}"]
    return []


def test_home_pages_plan_page_and_front_door_fit_without_sideways_scroll(browser, demo_site):
    base = demo_site.url
    wide = []
    for role, username in HOMES.items():
        context = browser.new_context(locale="fi-FI")
        page = context.new_page()
        log_in(page, base, username)
        assert page.url == f"{base}/"
        for width in WIDTHS:
            wide += _shoot(page, f"home-{role}", width)
        if role == "coordinator":
            plan = Plan.objects.get(lead_municipality__name_fi="Kurikka")
            page.goto(f"{base}/plans/{plan.pk}/")
            for width in WIDTHS:
                wide += _shoot(page, "plan-page", width)
        context.close()

    context = browser.new_context(locale="fi-FI")
    page = context.new_page()
    page.goto(f"{base}/")
    for width in WIDTHS:
        wide += _shoot(page, "front-door", width)
    context.close()

    assert wide == []
