"""Query budgets of consultations: the public consultation page costs as many SQL queries for a
plan of 3 measures as for one of 12, and the results and the response report as many for 10
responses as for 60 (tests/support/queries.py)."""

import pytest
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
    if page == "results":
        assert "Vastaus 59" in big.text
        assert "Palaute 59" in big.text
    assert_same_queries(small, big, at_most=25)


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
    assert len(text.texts) == 60
    assert text.texts[0] == "Vastaus 0"
    assert results.submission_count == 60
    assert sum(b.count for b in results.languages.bars) == 60
    assert "Vastaus 0" in page
