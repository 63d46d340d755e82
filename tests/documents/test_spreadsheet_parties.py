"""Real action tables: a lead and co-responsible parties, schedules as written and worded
targets come through the spreadsheet import; a party outside the plan's area is never picked."""

import pytest
from django.utils import translation

from kotoplan.accounts.models import Organisation
from kotoplan.documents.importers.spreadsheet import spreadsheet_check

pytestmark = pytest.mark.django_db

HEADER = (
    "Teema;Tavoite;Toimenpide;Vastuutaho;Muut vastuutahot;Aikataulu;Mittari;Tavoite sanallisesti"
)
DATA = {"title_fi": "Kotoutumisohjelma", "period_start": 2026, "period_end": 2029}


def _csv(*rows: str) -> bytes:
    return ("\r\n".join([HEADER, *rows]) + "\r\n").encode("cp1252")


@pytest.fixture
def adult_education(municipality_a) -> Organisation:
    return Organisation.objects.create(
        kind=Organisation.Kind.EDUCATIONAL_INSTITUTION,
        municipality=municipality_a,
        name_fi="Espoon työväenopisto",
    )


def test_co_responsible_parties_schedule_text_and_worded_target(
    themes, municipality_a, organisation_a, contributor_organisation, adult_education
):
    content = _csv(
        "employment_education;Työllisyys paranee;Työnhakuklubi;Espoon kaupunki;"
        '"Monikulttuurinen yhdistys ry; Espoon työväenopisto";jatkuva;Työllisyysaste;'
        "lähestyy väestön keskiarvoa"
    )
    checked = spreadsheet_check(
        content, filename="toimenpiteet.csv", lead_municipality=municipality_a, data=DATA
    )
    assert checked.problems == []
    [objective] = checked.draft.objectives
    [measure] = objective.measures
    assert measure.data["schedule_text"] == "jatkuva"
    assert set(measure.m2m["co_responsible"]) == {contributor_organisation, adult_education}
    [indicator] = objective.indicators
    assert indicator.data["target_text_fi"] == "lähestyy väestön keskiarvoa"
    assert not indicator.data.get("unit")  # a worded target needs no unit


def test_party_outside_the_plans_area__refused_with_row_and_column_in_finnish(
    themes, municipality_a, organisation_a, organisation_b
):
    content = _csv(
        "employment_education;Työllisyys paranee;Työnhakuklubi;Espoon kaupunki;"
        "Jyväskylän kaupunki;2026;;"
    )
    with translation.override("fi"):
        checked = spreadsheet_check(
            content, filename="toimenpiteet.csv", lead_municipality=municipality_a, data=DATA
        )
        messages = [str(problem) for problem in checked.problems]
    assert checked.draft is None
    assert len(messages) == 1
    assert "rivi 2" in messages[0]
    assert "E (Muut vastuutahot)" in messages[0]
    assert "Jyväskylän kaupunki" in messages[0]
