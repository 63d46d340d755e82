"""A resident takes part in Arabic and in Somali with the keyboard alone (Tab, Space, Enter and
typing): chooses the language in the header switch, sends an empty form and reads the error
summary in that language, fixes it and reaches the thank-you page in that language. The Arabic
pages (right to left) have no WCAG 2.1 A/AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.core.cache import cache
from django.utils import translation
from playwright.sync_api import expect

from kotoplan.participation.models import Consultation, Question, Submission
from kotoplan.participation.selectors.languages import interface_language

from .test_consultation_keyboard import SLUG, _active, tab_to

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

WCAG_21_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def said_in(code: str, text: str) -> str:
    with translation.override(interface_language(code).locale):
        return translation.gettext(text)


def _assert_accessible(page, what: str) -> None:
    results = Axe().run(page, options=WCAG_21_AA)
    assert results.violations_count == 0, f"{what}:\n{results.generate_report()}"


def _choose_in_the_header_switch(page, code: str, name: str = "") -> None:
    """Focus the language list, type the language's own name (or move to it with the arrow
    keys), Tab to the button, Enter."""
    tab_to(page, lambda a: a["id"] == "language-select")
    if name:
        page.keyboard.type(name)
    else:
        codes = page.eval_on_selector_all("#language-select option", "os => os.map(o => o.value)")
        steps = codes.index(code) - codes.index(_active(page)["value"])
        for _ in range(abs(steps)):
            page.keyboard.press("ArrowDown" if steps > 0 else "ArrowUp")
    assert _active(page)["value"] == code
    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _send_button(page, code: str) -> None:
    """Tab to the form's "Send feedback" button (not the language switch's) and press Enter."""
    label = said_in(code, "Send feedback")
    for _ in range(250):
        page.keyboard.press("Tab")
        focused = page.evaluate(
            "() => [document.activeElement.tagName, document.activeElement.innerText]"
        )
        if focused == ["BUTTON", label]:
            break
    else:
        raise AssertionError(f"{label!r} never reached with Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")


def _take_part(page, consultation, code: str, comment: str, *, check_axe: bool) -> None:
    html = page.locator("html")
    assert html.get_attribute("lang") == code
    direction = "rtl" if code == "ar" else "ltr"
    assert html.get_attribute("dir") == direction
    assert page.locator("#translation-status").inner_text() == said_in(
        code, "Automatic translation, not yet reviewed"
    )
    if check_axe:
        _assert_accessible(page, f"consultation page in {code}")

    # Sent empty: the error summary is in the page's language.
    _send_button(page, code)
    summary = page.locator(".error-summary")
    expect(summary).to_be_visible()
    assert summary.locator("h2").inner_text() == said_in(code, "Please fix the following")
    missing = said_in(code, "Write a comment or answer at least one question.")
    assert missing in summary.inner_text()
    assert said_in(code, "Your comment") in summary.inner_text()
    if check_axe:
        _assert_accessible(page, f"form with errors in {code}")

    # Fixed: a comment and a rating, then sent again.
    page.locator("#main").focus()
    tab_to(page, lambda a: a["id"] == "id_comment")
    page.keyboard.type(comment)
    rating = consultation.questions.get(kind=Question.Kind.RATING)
    tab_to(page, lambda a: a["name"] == f"q_{rating.pk}")
    page.keyboard.press("Space")
    _send_button(page, code)
    assert "/thanks/" in page.url
    assert page.locator("h1").inner_text() == said_in(code, "Thank you for your feedback")
    assert page.locator("html").get_attribute("dir") == direction
    if check_axe:
        _assert_accessible(page, f"thank-you page in {code}")


def test_resident_takes_part_in_arabic_and_in_somali_with_the_keyboard_alone(page, demo_site):
    cache.clear()
    consultation = Consultation.objects.get(slug=SLUG)
    base = f"{demo_site.url}/participation/c/{SLUG}/"

    # Somali: chosen from the Finnish page with the header's language switch.
    page.goto(f"{base}?lang=fi")
    _choose_in_the_header_switch(page, "so", "Soomaali")
    assert page.url.endswith(f"/c/{SLUG}/?lang=so")
    _take_part(
        page,
        consultation,
        "so",
        "Fasalada luqadda ee fiidkii ayaa na caawin lahaa.",
        check_axe=False,
    )

    # Arabic: the switch on the Somali thank-you page keeps the thank-you page.
    _choose_in_the_header_switch(page, "ar")
    assert "/thanks/?lang=ar" in page.url
    assert page.locator("h1").inner_text() == said_in("ar", "Thank you for your feedback")
    page.goto(f"{base}?lang=ar")
    _take_part(page, consultation, "ar", "نحتاج إلى دروس لغة في المساء.", check_axe=True)

    sent = Submission.objects.filter(consultation=consultation).order_by("-pk")[:2]
    assert [s.language for s in sent] == ["ar", "so"]
    assert sent[0].comments.get().text == "نحتاج إلى دروس لغة في المساء."
    assert sent[0].answers.get(question__kind=Question.Kind.RATING).rating == 1

    # A consultation that does not exist: said in Arabic, right to left, accessible.
    response = page.goto(f"{demo_site.url}/participation/c/no-such-consultation/?lang=ar")
    assert response.status == 404
    assert page.locator("h1").inner_text() == said_in("ar", "Consultation not found")
    assert page.locator("html").get_attribute("dir") == "rtl"
    _assert_accessible(page, "consultation not found in Arabic")
    assert _active(page)["tag"] in ("BODY", "A", "MAIN")
