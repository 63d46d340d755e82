"""Query budgets of consultations: the public consultation page costs as many SQL queries for a
plan of 3 measures as for one of 12, and the results and the response report as many for 10
responses as for 60 (tests/support/queries.py)."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from kotoplan.participation import services
from kotoplan.participation.models import Question, Submission
from kotoplan.participation.selectors import consultation_results
from tests.participation.conftest import make_consultation, questions
from tests.support.queries import assert_same_queries, visit
from tests.support.sizes import plan_of_size

pytestmark = pytest.mark.django_db

CATEGORIES = [value for value, _label in Submission.Category.choices]
LANGUAGES = ["fi", "sv", "ar"]


def respond(consultation, count: int, start: int = 0) -> None:
    """`count` responses answering every question; every other one comments on an objective."""
    asked = questions(consultation)
    single = list(asked[Question.Kind.SINGLE].options.all())
    multiple = list(asked[Question.Kind.MULTIPLE].options.all())
    objectives = list(consultation.plan.objectives.all())
    for number in range(start, start + count):
        services.feedback_submit(
            consultation=consultation,
            language=LANGUAGES[number % len(LANGUAGES)],
            category=CATEGORIES[number % len(CATEGORIES)],
            organisation_name="Yhdistys ry",
            comment=f"Palaute {number}",
            target=objectives[number % len(objectives)] if number % 2 else None,
            answers={
                asked[Question.Kind.SINGLE].pk: [single[number % 2].pk],
                asked[Question.Kind.MULTIPLE].pk: [multiple[number % 3].pk, multiple[2].pk],
                asked[Question.Kind.RATING].pk: number % 5 + 1,
                asked[Question.Kind.TEXT].pk: f"Vastaus {number}",
            },
        )


def test_public_consultation__same_queries_for_3_and_12_measures(
    client, coordinator_a, municipality_a, themes
):
    visits = []
    for label, measures in (("3 measures", 3), ("12 measures", 12)):
        plan = plan_of_size(municipality_a, themes, measures=measures)
        consultation = make_consultation(plan, coordinator_a, slug=f"espoo-{measures}")
        url = reverse("participation:public", args=[consultation.slug])
        visits.append(visit(client, url, label=label))
    assert visits[-1].text.count('<li id="measure-') == 12
    assert_same_queries(*visits, at_most=15)


@pytest.mark.parametrize("page", ["results", "report"])
def test_results__same_queries_for_10_and_60_responses(client, coordinator_a, consultation, page):
    client.force_login(coordinator_a)
    url = reverse(f"participation:{page}", args=[consultation.pk])
    respond(consultation, 10)
    small = visit(client, url, label="10 responses")
    respond(consultation, 50, start=10)
    big = visit(client, url, label="60 responses")
    assert_same_queries(small, big, at_most=25)
    if page == "results":
        # The first 20 written answers of a question, all of them on request.
        assert _numbers("Vastaus", big.text) == list(range(20))
        assert "Show all 60 written answers" in big.text
        text_question = questions(consultation)[Question.Kind.TEXT]
        every = visit(client, f"{url}?answers={text_question.pk}", label="all answers")
        assert _numbers("Vastaus", every.text) == list(range(60))
        # The comments a page of 50 at a time: each on one page, at the same cost.
        second = visit(client, f"{url}?page=2", label="60 responses, page 2")
        assert "Comments 51–60 of 60." in second.text
        assert sorted(_numbers("Palaute", big.text) + _numbers("Palaute", second.text)) == list(
            range(60)
        )
        assert_same_queries(small, second, at_most=25)
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
        finnish = client.get(f"{url}?page=2").content.decode()
        assert "Kommentit 51–60 (yhteensä 60)." in finnish
        assert "Näytä kaikki 60 kirjoitettua vastausta" in finnish
        assert 'aria-label="Palautteen sivut"' in finnish


def _numbers(word: str, text: str) -> list[int]:
    return sorted(int(n) for n in re.findall(rf"{word} (\d+)<", text))


def test_results__counted_by_the_database_as_before(client, coordinator_a, consultation):
    """The figures of the page: 60 responses, each choosing one of two answers, two of three
    services and a rating of 1–5 in turn (average 3.0)."""
    respond(consultation, 60)
    client.force_login(coordinator_a)
    page = visit(client, reverse("participation:results", args=[consultation.pk])).text
    results = consultation_results(consultation=consultation)
    single, multiple, rating, text = results.questions
    assert [b.count for b in single.chart.bars] == [30, 30]
    assert [b.count for b in multiple.chart.bars] == [20, 20, 60]
    assert multiple.answered == 60
    assert [b.count for b in rating.chart.bars] == [12, 12, 12, 12, 12]
    assert rating.average == 3.0
    assert len(text.texts) == 20  # the first ones; the page offers all of them
    assert text.written == 60
    assert text.texts[0] == "Vastaus 0"
    assert results.submission_count == 60
    assert sum(b.count for b in results.languages.bars) == 60
    assert "Vastaus 0" in page


def test_hiding_a_comment_of_a_later_page__returns_to_that_page_at_the_comment(
    client, coordinator_a, consultation
):
    respond(consultation, 60)
    client.force_login(coordinator_a)
    url = reverse("participation:results", args=[consultation.pk])
    second = visit(client, f"{url}?page=2", label="page 2").text
    pk = int(re.search(r'<li id="comment-(\d+)"', second).group(1))
    response = client.post(
        reverse("participation:comment_hide", args=[pk]), {"reason": "Henkilötietoja"}
    )
    assert response.status_code == 302
    assert response["Location"] == f"{url}?page=2#comment-{pk}"
    again = visit(client, f"{url}?page=2", label="page 2 again").text
    assert f'<li id="comment-{pk}" class="consult-comment consult-hidden">' in again
