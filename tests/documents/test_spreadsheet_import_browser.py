"""A coordinator imports a plan spreadsheet in the browser: upload, read the preview, save; the
upload form with problems and the preview pass axe (WCAG 2.1 A/AA)."""

from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.conf import settings
from playwright.sync_api import expect

from kotoplan.geography.models import Municipality
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}
TEMPLATE = Path(settings.BASE_DIR) / "data" / "templates" / "kotoplan-plan-import.xlsx"
FINNISH = Path(__file__).resolve().parent.parent / "data" / "spreadsheets" / "finnish-plan.xlsx"


def _accessible(page, what: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def _upload(page, base: str, path: Path) -> None:
    page.goto(f"{base}/documents/import/")
    tampere = Municipality.objects.get(code="837")
    # The municipality is picked with the typeahead over the <select>.
    page.fill("#id_lead_municipality-combobox", tampere.name_fi)
    page.press("#id_lead_municipality-combobox", "ArrowDown")
    page.press("#id_lead_municipality-combobox", "Enter")
    expect(page.locator("#id_lead_municipality")).to_have_value(str(tampere.pk))
    page.fill("#id_title_fi", "Tuotu kotoutumisohjelma")
    page.fill("#id_period_start", "2030")
    page.fill("#id_period_end", "2033")
    page.set_input_files("#id_file", str(path))
    page.click("main form button[type=submit]")


def test_upload_preview_and_save(page, demo_site):
    base = demo_site.url
    log_in(page, base, "koordinaattori.tampere")
    _upload(page, base, FINNISH)
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    expect(summary).to_contain_text("Espoon kaupunki")
    _accessible(page, "upload form with problems")
    _upload(page, base, TEMPLATE)
    page.wait_for_url("**/documents/import/*/")
    expect(page.locator("h1")).to_have_text("Tarkista tuonti ennen tallennusta")
    expect(page.locator("main")).to_contain_text("2 tavoitetta, 1 toimenpidettä ja 1 indikaattoria")
    _accessible(page, "import preview")
    page.get_by_role("button", name="Tallenna suunnitelma").click()
    page.wait_for_url("**/plans/*/")
    expect(page.locator("h1")).to_contain_text("Tuotu kotoutumisohjelma")
