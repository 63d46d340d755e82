"""Breakdown groups (gender, age, a StatFin dimension's categories) are stored by code and shown
by name in the reader's language: from the file's category labels (StatFin) or from the names
shipped with Kotoplan (Sotkanet genders and age groups)."""

from django.urls import reverse
from django.utils import translation

from kotoplan.geography.models import Area
from kotoplan.monitoring.statistics.integrations.sotkanet.parsers import parse_regions, parse_rows
from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import (
    BreakdownLabel,
    SituationIndicator,
    StatIndicator,
)
from kotoplan.monitoring.statistics.selectors import breakdown_text, situation_figures
from kotoplan.monitoring.statistics.services import statistic_values_import
from tests.factories.geography import AreaFactory
from tests.monitoring.conftest import SOTKANET_REGIONS
from tests.monitoring.statistics.test_situation_choice import _panel
from tests.monitoring.statistics.test_sotkanet_metadata import RATES
from tests.monitoring.statistics.test_statfin_shapes import QUARTER, SWEDISH, YEAR


def _sotkanet():
    regions = parse_regions(SOTKANET_REGIONS.read_bytes())
    statistic_values_import(dataset=parse_rows(RATES.read_bytes(), regions))
    return StatIndicator.objects.get(code="sotkanet-4")


def _labels(indicator):
    return {(b.dimension, b.code): b for b in BreakdownLabel.objects.filter(indicator=indicator)}


def test_sotkanet__genders_and_age_groups_named_in_three_languages(
    sotkanet_municipalities, catalogue
):
    labels = _labels(_sotkanet())
    female = labels[("gender", "female")]
    assert (female.label_fi, female.label_sv, female.label_en) == ("Naiset", "Kvinnor", "Women")
    assert labels[("age", "0-17")].label_fi == "0–17-vuotiaat"
    assert breakdown_text(labels, "gender+age", "male+0-17", "sv") == "Män, 0–17 år"
    assert breakdown_text(labels, "gender+age", "male+0-17", "en") == "Men, aged 0–17"


def test_sotkanet__situation_picture_shows_the_groups_by_name(sotkanet_municipalities, catalogue):
    indicator = _sotkanet()
    tampere = sotkanet_municipalities[2]
    with translation.override("sv"):
        figures = situation_figures(municipalities=[tampere], indicators=[indicator])
        groups = [row.group for row in figures.breakdowns]
    assert groups == ["Kvinnor", "Män, 0–17 år"]


def test_statfin__category_labels_of_the_file_in_each_language(
    municipality_a, municipality_b, wellbeing_county, catalogue
):
    AreaFactory(kind=Area.Kind.REGION, code="01", name_fi="Uusimaa")
    statistic_values_import(dataset=parse_jsonstat(YEAR.read_bytes()))
    statistic_values_import(dataset=parse_jsonstat(SWEDISH.read_bytes()))
    indicator = StatIndicator.objects.get(code="statfin-11ra-vaesto")
    labels = _labels(indicator)
    assert labels[("Kieli", "02")].label_fi == "Vieraskieliset"
    assert labels[("Kieli", "")].label_fi == "Kieli"
    assert ("Kieli", "SSS") not in labels  # the total is not a group


def test_statfin__panel_and_api_name_the_gender_not_its_code(
    client, coordinator_a, draft_plan, municipality_a, wellbeing_county, catalogue
):
    statistic_values_import(dataset=parse_jsonstat(QUARTER.read_bytes()))
    indicator = StatIndicator.objects.get(code="statfin-11lj-vaesto-ulk")
    SituationIndicator.objects.create(plan=draft_plan, indicator=indicator)
    with translation.override("fi"):
        html = _panel(draft_plan, coordinator_a)
    assert "Naiset" in html
    assert "Miehet" in html
    response = client.get(reverse("api:statistic-values"), {"indicator": "statfin-11lj-vaesto-ulk"})
    rows = [r for r in response.json()["results"] if r["breakdown_key"] == "Sukupuoli"]
    assert {r["breakdown_label"]["fi"] for r in rows} == {"Miehet", "Naiset"}
    assert all(r["breakdown_label"]["sv"] for r in rows)  # the Finnish name when no Swedish one
