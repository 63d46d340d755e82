"""The demo shows plans as municipalities write them: Kurikka's plan groups its objectives under
its own priority areas, has a worded target and schedules written as text."""

import io

import pytest
from django.core.management import call_command

from kotoplan.demo.services import content
from kotoplan.demo.services.loader import DemoLoader
from kotoplan.planning.models import Indicator, Measure, Plan, Theme


@pytest.mark.django_db
def test_demo_kurikka_has_chapters_worded_target_and_text_schedules(themes):
    for command in ("load_reference_data", "sync_organisations"):
        call_command(command, stdout=io.StringIO())
    loader = DemoLoader()
    loader.load_organisations()
    loader.load_users()
    loader.themes = {theme.code: theme for theme in Theme.objects.all()}
    for spec in content.plans():
        loader.load_plan(spec)

    plan = Plan.objects.get(title_fi="Kotoutumisen edistäminen Kurikassa 2027–2029")

    assert list(plan.chapters.values_list("title_fi", flat=True)) == [
        "Elinvoimainen ja työllistävä Kurikka",
        "Hyvä arki kaikille kurikkalaisille",
    ]
    assert not plan.objectives.filter(chapter__isnull=True).exists()
    worded = Indicator.objects.get(objective__plan=plan, name_fi__startswith="Maahan muuttaneiden")
    assert worded.target_text_fi == "laskee ja lähestyy koko väestön keskiarvoa"
    cafe = Measure.objects.get(objective__plan=plan, title_fi="Kansainvälinen kahvila")
    assert cafe.schedule_ongoing
    assert not Measure.objects.filter(objective__plan=plan, schedule_rank=2, schedule_text__gt="")
