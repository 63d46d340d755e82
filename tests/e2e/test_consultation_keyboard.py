"""A resident fills in the open demo consultation with the keyboard alone: Tab, Space, Enter,
arrow keys and typing; no clicks. The honeypot is never reached."""

import pytest
from django.core.cache import cache

from kotoplan.participation.models import Answer, Consultation, Question, Submission

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SLUG = "vaasa-2027-2030"


def _active(page) -> dict:
    return page.evaluate(
        """() => { const e = document.activeElement;
        return {id: e.id, tag: e.tagName, type: e.type || "", name: e.name || "",
                value: e.value || "", href: e.getAttribute("href") || ""}; }"""
    )


def tab_to(page, matches, limit: int = 250) -> dict:
    """Press Tab until the focused element satisfies `matches`; the honeypot must never get it."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        active = _active(page)
        assert active["id"] != "id_website", "the honeypot field took keyboard focus"
        if matches(active):
            return active
    raise AssertionError("element never reached with Tab")


def test_resident_fills_in_the_consultation_with_the_keyboard_alone(page, demo_site):
    cache.clear()
    consultation = Consultation.objects.get(slug=SLUG)
    questions = {q.kind: q for q in consultation.questions.all()}
    before = Submission.objects.filter(consultation=consultation).count()
    page.goto(f"{demo_site.url}/participation/c/{SLUG}/?lang=fi")

    # "Comment on this objective" preselects the objective in the form.
    link = tab_to(page, lambda a: "target=objective-" in a["href"])
    with page.expect_navigation():
        page.keyboard.press("Enter")
    objective_value = link["href"].split("target=")[1].split("#")[0]
    target = tab_to(page, lambda a: a["id"] == "id_target")
    assert target["value"] == objective_value

    tab_to(page, lambda a: a["id"] == "id_comment")
    page.keyboard.type("Iltaisin järjestettävät kielikurssit auttaisivat työssä käyviä.")

    single = questions[Question.Kind.SINGLE]
    tab_to(page, lambda a: a["name"] == f"q_{single.pk}")
    page.keyboard.press("Space")  # the first option

    multiple = questions[Question.Kind.MULTIPLE]
    tab_to(page, lambda a: a["name"] == f"q_{multiple.pk}")
    page.keyboard.press("Space")  # first checkbox
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    page.keyboard.press("Space")  # third checkbox

    rating = questions[Question.Kind.RATING]
    tab_to(page, lambda a: a["name"] == f"q_{rating.pk}")
    page.keyboard.press("Space")  # 1
    for _ in range(3):
        page.keyboard.press("ArrowRight")  # … 4
    assert _active(page)["value"] == "4"

    text = questions[Question.Kind.TEXT]
    tab_to(page, lambda a: a["name"] == f"q_{text.pk}")
    page.keyboard.type("Tietoa omalla kielellä")

    tab_to(page, lambda a: a["name"] == "category")  # "Not told" is checked by default
    page.keyboard.press("ArrowDown")
    assert _active(page)["value"] == "immigrant_resident"

    tab_to(page, lambda a: a["tag"] == "BUTTON" and a["type"] == "submit")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/thanks/" in page.url
    assert page.locator("h1").count() == 1

    submissions = Submission.objects.filter(consultation=consultation)
    assert submissions.count() == before + 1
    submission = submissions.order_by("-pk").first()
    assert submission.language == "fi"
    assert submission.category == "immigrant_resident"
    comment = submission.comments.get()
    assert f"objective-{comment.objective_id}" == objective_value
    assert comment.text.startswith("Iltaisin")
    answers = {a.question_id: a for a in Answer.objects.filter(submission=submission)}
    first, _second, third, _fourth = multiple.options.all()
    assert list(answers[single.pk].options.all()) == [single.options.first()]
    assert set(answers[multiple.pk].options.all()) == {first, third}
    assert answers[rating.pk].rating == 4
    assert answers[text.pk].text == "Tietoa omalla kielellä"
