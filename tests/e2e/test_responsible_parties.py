"""A coordinator adds a local association and a unit without an administrator, then names a
lead and two co-responsible parties for a measure with the typeahead (Finnish interface)."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from kotoplan.accounts.models import Organisation
from kotoplan.planning.models import Measure, Objective, Plan
from tests.support.browser import log_in

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
]


def _choose(page, field: str, typed: str, option: str) -> None:
    """Type into the combobox of `field` and pick `option` with the keyboard."""
    box = page.locator(f"#id_{field}-combobox")
    box.fill(typed)
    expect(box).to_have_attribute("aria-expanded", "true")
    listbox = page.locator(f"#id_{field}-combobox-listbox")
    expect(listbox.get_by_role("option", name=option, exact=True)).to_be_visible()
    for _step in range(50):
        box.press("ArrowDown")
        active = box.get_attribute("aria-activedescendant")
        if active and page.locator(f"#{active}").inner_text() == option:
            break
    box.press("Enter")


def test_coordinator_adds_a_local_association_and_a_unit_then_names_them_on_a_measure(
    page, demo_site
):
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    objective = Objective.objects.filter(plan=plan).first()
    base = demo_site.url
    log_in(page, base, "koordinaattori.tampere")

    page.goto(f"{base}/objectives/{objective.pk}/measures/new/")
    page.get_by_role("link", name="Lisää puuttuva organisaatio").click()
    page.get_by_role("link", name="Lisää paikallinen organisaatio").click()
    page.get_by_label("Tyyppi").select_option(Organisation.Kind.IMMIGRANT_ORGANISATION)
    page.get_by_label("Nimi suomeksi").fill("Pirkanmaan Afrikkalaiset ry")
    page.get_by_label("Nimi ruotsiksi").fill("Afrikaner i Birkaland rf")
    page.get_by_label("Y-tunnus").fill("0245437-2")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_url(f"**/objectives/{objective.pk}/measures/new/")
    expect(page.locator(".messages, [role=status]").first).to_contain_text(
        "Pirkanmaan Afrikkalaiset ry"
    )

    page.get_by_role("link", name="Lisää puuttuva organisaatio").click()
    page.get_by_role("link", name="Lisää yksikkö").click()
    page.get_by_label("Nimi suomeksi").fill("Nuorisopalvelut Tesoma")
    page.get_by_role("button", name="Tallenna").click()
    page.wait_for_url(f"**/objectives/{objective.pk}/measures/new/")

    page.fill("#id_title_fi", "Nuorten kesätyöpolku")
    lead = page.locator("#id_responsible_organisation-combobox")
    expect(lead).to_have_attribute("role", "combobox")
    expect(page.locator("#id_responsible_organisation")).to_be_hidden()
    _choose(page, "responsible_organisation", "tampe", "Tampere")
    expect(lead).to_have_value("Tampere")
    # With the list open, the combobox passes axe (WCAG 2.1 A and AA).
    co = page.locator("#id_co_responsible-combobox")
    co.fill("ry")
    expect(co).to_have_attribute("aria-expanded", "true")
    results = Axe().run(
        page,
        options={"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21aa"]}},
    )
    assert results.violations_count == 0, results.generate_report()
    co.press("Escape")
    expect(co).to_have_attribute("aria-expanded", "false")
    _choose(page, "co_responsible", "afrikka", "Pirkanmaan Afrikkalaiset ry")
    _choose(page, "co_responsible", "tesoma", "Nuorisopalvelut Tesoma")
    chosen = page.get_by_role("list", name="Valitut").first
    expect(chosen.get_by_role("button")).to_have_count(2)
    page.locator("main form button[type=submit]").click()
    page.wait_for_url(f"**/plans/{plan.pk}/#measure-*")

    measure = Measure.objects.get(objective=objective, title_fi="Nuorten kesätyöpolku")
    assert measure.responsible_organisation.name_fi == "Tampere"
    assert {o.name_fi for o in measure.co_responsible.all()} == {
        "Pirkanmaan Afrikkalaiset ry",
        "Nuorisopalvelut Tesoma",
    }
    row = page.locator(f"#measure-{measure.pk}")
    expect(row).to_contain_text("Yhdessä: ")
    expect(row).to_contain_text("Pirkanmaan Afrikkalaiset ry")
    unit = Organisation.objects.get(name_fi="Nuorisopalvelut Tesoma")
    assert unit.kind == Organisation.Kind.MUNICIPAL_UNIT
    assert unit.municipality.code == "837"
