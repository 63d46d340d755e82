"""Measures written before schedules as text keep their place: the migration reads their dates
into the schedule's sort key."""

from datetime import date

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("planning", "0005_decision_trail_legal_basis")]
AFTER = [("planning", "0006_plan_text_chapters_schedules")]


@pytest.mark.django_db(transaction=True)
def test_migration_sorts_existing_dated_measures_by_their_dates(municipality_a, themes):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    apps = executor.loader.project_state(BEFORE).apps
    Theme = apps.get_model("planning", "Theme")
    plan = apps.get_model("planning", "Plan").objects.create(
        lead_municipality_id=municipality_a.pk, title_fi="Vanha", period_start=2022, period_end=2025
    )
    theme, _ = Theme.objects.get_or_create(
        code="employment_education", defaults={"order": 1, "name_fi": "Työ ja koulutus"}
    )
    objective = apps.get_model("planning", "Objective").objects.create(
        plan=plan, theme=theme, title_fi="Tavoite"
    )
    Measure = apps.get_model("planning", "Measure")
    dated = Measure.objects.create(
        objective=objective,
        title_fi="Päivätty",
        schedule_start=date(2023, 9, 1),
        schedule_end=date(2024, 5, 31),
    )
    undated = Measure.objects.create(objective=objective, title_fi="Ilman aikataulua")

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    migrated = executor.loader.project_state(AFTER).apps.get_model("planning", "Measure")

    read = migrated.objects.get(pk=dated.pk)
    assert (read.schedule_rank, read.schedule_year_start, read.schedule_part) == (0, 2023, 3)
    assert read.schedule_year_end == 2024
    assert migrated.objects.get(pk=undated.pk).schedule_rank == 2
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
