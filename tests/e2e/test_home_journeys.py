"""Each role's main job, in a real browser on the demo data, starting from the page the person
lands on after logging in ("Oma työ"); and an anonymous visitor from the front door to an open
consultation and to an adopted plan's public page. In Finnish, the default language."""

from datetime import timedelta

import pytest
from playwright.sync_api import expect

from kotoplan.core.clock import today
from kotoplan.monitoring.models import MeasureUpdate
from kotoplan.oversight.dialogue import services as dialogue
from kotoplan.planning.models import Plan
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _lands_on_home(page, base: str) -> None:
    assert page.url == f"{base}/"
    expect(page.locator("h1")).to_have_text("Oma työ")


def test_coordinator__from_home_to_a_missing_item_of_the_plan(page, demo_site):
    base = demo_site.url
    log_in(page, base, "koordinaattori.kurikka")
    _lands_on_home(page, base)
    card = page.locator('[data-home="plans"] .plan-card').first
    expect(card).to_contain_text("lakisääteisestä vaatimuksesta täyttyy")
    first_step = card.locator("ol.work-list a").first
    expect(first_step).to_be_visible()

    first_step.click()

    page.wait_for_load_state()
    plan = Plan.objects.get(lead_municipality__name_fi="Kurikka")
    assert f"/plans/{plan.pk}/" in page.url or "/objectives/" in page.url
    expect(page.locator("main form, main h1").first).to_be_visible()


def test_contributor__from_home_to_a_progress_update(page, demo_site):
    base = demo_site.url
    log_in(page, base, "vastuutaho.tampere")
    _lands_on_home(page, base)
    nav_count = page.locator('[data-menu="home"] .count')
    before = int(nav_count.inner_text().strip("()"))
    due = page.locator('[data-home="monitoring"] .work-list li', has_text="ei vielä päivitetty")
    measure_title = due.first.locator("a").inner_text()

    due.first.locator("a").click()

    expect(page.locator("h1")).to_have_text("Tilannepäivitys")
    page.select_option("#id_status", "on_track")
    page.fill("#id_narrative", "Kurssit alkoivat syyskuussa.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")
    assert MeasureUpdate.objects.filter(narrative="Kurssit alkoivat syyskuussa.").exists()
    page.goto(f"{base}/")
    updated = page.locator('[data-home="monitoring"] .work-list li', has_text=measure_title)
    expect(updated.first).to_contain_text("päivitetty")
    if before > 1:
        expect(nav_count).to_have_text(f"({before - 1})")
    else:
        expect(nav_count).to_have_count(0)


def test_official__from_home_to_an_observation(page, demo_site):
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    from kotoplan.accounts.models import User

    official = User.objects.get(username="virkailija.sisasuomi")
    observation = dialogue.observation_create(
        actor=official,
        plan=plan,
        subject="Kielitaidon seuranta puuttuu",
        text="Indikaattoreista puuttuu kielitaidon kehitys.",
        reply_due=today() + timedelta(days=14),
    )
    base = demo_site.url
    log_in(page, base, "virkailija.sisasuomi")
    _lands_on_home(page, base)
    section = page.locator('[data-home="observations"]')
    expect(section).to_contain_text("Kielitaidon seuranta puuttuu")
    # the area's essentials come after the observations
    assert page.locator('[data-home="observations"] ~ [data-home="area"]').count() >= 1

    section.get_by_role("link", name="Kielitaidon seuranta puuttuu").click()

    page.wait_for_url(f"**/oversight/observations/{observation.pk}/")
    expect(page.locator("h1")).to_contain_text("Kielitaidon seuranta puuttuu")


def test_anonymous__front_door_to_a_consultation_and_a_public_plan(page, demo_site):
    base = demo_site.url
    page.goto(f"{base}/")
    expect(page.locator("h1")).to_have_text("Kuntien kotoutumisen edistämisen suunnitelmat")
    consultation = page.locator('[data-front="consultations"] .work-list a').first
    expect(consultation).to_be_visible()

    consultation.click()

    page.wait_for_url("**/participation/c/**")
    page.goto(f"{base}/")
    page.fill("#id_municipality", "Tampere")
    with page.expect_navigation():
        page.click("form[role=search] button[type=submit]")
    assert "municipality=Tampere" in page.url
    plan_link = page.locator('[data-front="plans"] .work-list a').first
    expect(plan_link).to_contain_text("Tampere")

    plan_link.click()

    page.wait_for_url("**/documents/public/837/**")
    expect(page.locator("html")).to_have_attribute("lang", "fi")
    page.get_by_role("link", name="svenska").click()
    page.wait_for_url("**?lang=sv")
    expect(page.locator("html")).to_have_attribute("lang", "sv")
    pdf = page.get_by_role("link", name="Ladda ner planen (PDF)")
    with page.expect_download() as download:
        pdf.click()
    assert download.value.suggested_filename.endswith("-sv.pdf")


def test_county_liaison_and_ministry__from_home_to_their_overviews(browser, demo_site):
    base = demo_site.url
    county = browser.new_context(locale="fi-FI").new_page()
    log_in(county, base, "hyvinvointialue.pirkanmaa")
    _lands_on_home(county, base)
    section = county.locator('[data-home="county"]').first
    expect(section.locator("h2")).to_contain_text("Pirkanmaa")

    section.get_by_role("link", name="Hyvinvointialueen yleiskuva").click()

    county.wait_for_url("**/oversight/county/*/")
    expect(county.locator("h1")).to_contain_text("Pirkanmaa")
    plan_link = county.locator("h3 a").first
    plan_title = plan_link.inner_text()
    plan_link.click()
    county.wait_for_url("**/plans/*/")
    expect(county.locator("h1")).to_contain_text(plan_title)

    ministry = browser.new_context(locale="fi-FI").new_page()
    log_in(ministry, base, "ministerio.tem")
    _lands_on_home(ministry, base)
    section = ministry.locator('[data-home="national"]')
    expect(section).to_contain_text("Hyväksytty suunnitelma")

    section.get_by_role("link", name="Valtakunnallinen yleiskuva").click()

    ministry.wait_for_url("**/oversight/national/")
    expect(ministry.locator("h1")).to_have_text(
        "Kotoutumisen edistämisen suunnittelun valtakunnallinen yleiskuva"
    )
    area = ministry.locator("table th[scope=row] a").first
    area_name = area.inner_text()
    area.click()
    ministry.wait_for_url("**/oversight/area/*/**")
    expect(ministry.locator("h1")).to_contain_text(area_name)
