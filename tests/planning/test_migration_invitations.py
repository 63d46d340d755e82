"""Joint plans made before invitations stay as they are: the migration records each partner
municipality's membership as an accepted invitation and takes nobody out of a plan."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

BEFORE = [("planning", "0008_linked_documents")]
AFTER = [("planning", "0009_plan_invitation")]


@pytest.mark.django_db(transaction=True)
def test_existing_partners_recorded_as_accepted(municipality_a, municipality_b):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    plans = executor.loader.project_state(BEFORE).apps.get_model("planning", "Plan")
    plan = plans.objects.create(
        lead_municipality_id=municipality_a.pk,
        title_fi="Yhteinen",
        period_start=2025,
        period_end=2028,
    )
    plan.municipalities.set([municipality_a.pk, municipality_b.pk])

    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(AFTER)
    apps = executor.loader.project_state(AFTER).apps

    invitations = apps.get_model("planning", "PlanInvitation").objects.filter(plan_id=plan.pk)
    assert list(invitations.values_list("municipality_id", "status")) == [
        (municipality_b.pk, "accepted")
    ]
    migrated = apps.get_model("planning", "Plan").objects.get(pk=plan.pk)
    assert set(migrated.municipalities.values_list("pk", flat=True)) == {
        municipality_a.pk,
        municipality_b.pk,
    }
    executor.loader.build_graph()
    executor.migrate(executor.loader.graph.leaf_nodes())
