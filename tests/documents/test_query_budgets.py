"""Query budgets of the public pages: the public plan page and the open data files cost as many
SQL queries for one small plan as for many large ones (tests/support/queries.py)."""

import csv
import io
import json
from datetime import date

import pytest
from django.urls import reverse

from kotoplan.planning.models import DecisionStep, LinkedDocument, Plan
from tests.support.queries import assert_same_queries, visit
from tests.support.sizes import more_municipalities, plan_of_size

pytestmark = pytest.mark.django_db

ADOPTED = {
    "state": Plan.State.ADOPTED,
    "decision_body": "Kaupunginvaltuusto",
    "decision_date": date(2026, 3, 2),
}
OPEN_DATA = [
    "plans.csv",
    "measures.csv",
    "indicators.csv",
    "decisions.csv",
    "documents.csv",
    "plans.json",
]


def _csv_rows(body: bytes) -> list[dict]:
    return list(csv.DictReader(io.StringIO(body.decode("utf-8-sig")), delimiter=";"))


def test_public_plan__same_queries_for_3_and_12_measures(client, municipality_a, themes):
    visits = []
    for number, (label, measures) in enumerate((("3 measures", 3), ("12 measures", 12))):
        start = 2026 + 4 * number
        plan_of_size(
            municipality_a,
            themes,
            measures=measures,
            period_start=start,
            period_end=start + 3,
            **ADOPTED,
        )
        url = reverse("documents:public_plan", args=["049", start, start + 3])
        visits.append(visit(client, url, label=label))
    assert visits[-1].text.count("Kela") >= 12
    assert_same_queries(*visits, at_most=15)


@pytest.fixture
def open_data_growth(municipality_a, wellbeing_county, themes):
    """Grows the published data: first one plan of 3 measures, then three plans of 12."""

    def recorded(plan) -> None:
        """The council's step of the plan's decision trail and its linked document."""
        DecisionStep.objects.create(
            plan=plan, body_name="Kaupunginvaltuusto", decided_on=date(2026, 3, 2), section="§ 9"
        )
        LinkedDocument.objects.create(plan=plan, title="Ohjelma", url="https://kunta.example/o")

    def grow(size: str) -> None:
        if size == "small":
            recorded(plan_of_size(municipality_a, themes, measures=3, **ADOPTED))
            return
        recorded(
            plan_of_size(
                municipality_a, themes, measures=9, period_start=2030, period_end=2033, **ADOPTED
            )
        )
        for municipality in more_municipalities(2, wellbeing_county):
            recorded(plan_of_size(municipality, themes, measures=12, **ADOPTED))

    return grow


@pytest.mark.parametrize("name", OPEN_DATA)
def test_open_data__same_queries_for_1_and_3_plans(client, open_data_growth, name):
    url = f"/documents/open-data/{name}"
    open_data_growth("small")
    small = visit(client, url, label="1 plan, 3 measures")
    open_data_growth("big")
    big = visit(client, url, label="4 plans, 36 measures")
    if name.endswith(".csv"):
        rows = _csv_rows(big.body)
        expected = {
            "plans.csv": 4,
            "measures.csv": 36,
            "indicators.csv": 36 + 12,
            "decisions.csv": 4,
            "documents.csv": 4,
        }[name]
        assert len(rows) == expected
    else:
        document = json.loads(big.body)
        assert [len(p["measures"]) for p in document["plans"]] == [3, 9, 12, 12]
        assert [len(p["decision_steps"]) for p in document["plans"]] == [1, 1, 1, 1]
    assert_same_queries(small, big, at_most=10)


def test_open_data__one_municipality_same_queries(client, open_data_growth):
    url = "/documents/open-data/049/measures.csv"
    open_data_growth("small")
    small = visit(client, url, label="1 plan")
    open_data_growth("big")
    big = visit(client, url, label="2 plans of 049 among 4")
    assert len(_csv_rows(big.body)) == 12
    assert_same_queries(small, big, at_most=10)


def test_open_data_json__streamed_as_one_indented_document(
    client, open_data_growth, municipality_b
):
    """Written plan by plan, the file is the same text a single json.dumps would give."""
    open_data_growth("small")
    open_data_growth("big")
    for url, plans in (
        ("/documents/open-data/plans.json", 4),
        ("/documents/open-data/179/plans.json", 0),
    ):
        body = visit(client, url).body
        document = json.loads(body)
        assert body == json.dumps(document, ensure_ascii=False, indent=1).encode("utf-8")
        assert len(document["plans"]) == plans
    first = json.loads(visit(client, "/documents/open-data/049/plans.json").body)["plans"][0]
    assert first["objectives"] == 1
    assert first["measures"][0]["partners"] == ["Kela"]
    assert first["measures"][0]["co_responsible_parties"] == ["Nuorisopalvelut"]
    assert len(first["indicators"]) == 4  # one per measure and one of the objective's own
