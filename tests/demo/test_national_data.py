"""The national data set of the benchmarks: plans of the promised size for every chosen
municipality, the same data on every run, valid by the models' own rules, and pages that open."""

import io

import pytest
from django.core.management import call_command
from django.db import transaction
from django.urls import reverse

from kotoplan.accounts.models import Organisation, RoleAssignment, User
from kotoplan.audit.selectors import plan_trail
from kotoplan.cooperation.models import (
    AgendaItem,
    Attendance,
    CooperationGroup,
    Meeting,
    Membership,
    Representative,
)
from kotoplan.demo.services.national import generate
from kotoplan.monitoring.models import (
    IndicatorValue,
    MeasureUpdate,
    MonitoringRound,
    SituationIndicator,
    StatIndicator,
    StatisticValue,
)
from kotoplan.monitoring.statistics.models import FOREIGN_LANGUAGE_SHARE, POPULATION
from kotoplan.oversight.models import ReadinessResult
from kotoplan.participation.models import (
    Answer,
    Comment,
    Consultation,
    Question,
    QuestionOption,
    Submission,
)
from kotoplan.planning.models import Indicator, Measure, Milestone, Objective, Plan, TargetGroup

CHECKED = (
    Organisation,
    User,
    RoleAssignment,
    Plan,
    TargetGroup,
    Milestone,
    Objective,
    Measure,
    Indicator,
    StatIndicator,
    StatisticValue,
    SituationIndicator,
    MonitoringRound,
    MeasureUpdate,
    IndicatorValue,
    CooperationGroup,
    Membership,
    Representative,
    Meeting,
    AgendaItem,
    Attendance,
    Consultation,
    Question,
    QuestionOption,
    Submission,
    Answer,
    Comment,
)


def _facts() -> dict:
    """What two runs must agree on (not ids, which the database hands out)."""
    plans = Plan.objects.order_by("lead_municipality__code", "version_number")
    return {
        "plans": list(plans.values_list("title_fi", "state", "version_number", "period_start")),
        "measures": list(
            Measure.objects.order_by(
                "objective__plan__lead_municipality__code", "key", "objective__plan__version_number"
            ).values_list(
                "key", "title_fi", "responsible_organisation__name_fi", "schedule_text", "status"
            )
        ),
        "indicators": list(
            Indicator.objects.order_by("key", "objective__plan__version_number").values_list(
                "key", "name_fi", "baseline_value"
            )
        ),
        "ratings": sorted(Answer.objects.exclude(rating=None).values_list("rating", flat=True)),
        "statistics": sorted(
            str(v) for v in StatisticValue.objects.values_list("value", flat=True)
        ),
        "users": sorted(User.objects.values_list("username", flat=True)),
    }


def _generate_and_roll_back() -> dict:
    with transaction.atomic():
        generate(municipalities=2, with_largest=False)
        facts = _facts()
        transaction.set_rollback(True)
    return facts


@pytest.mark.django_db
def test_national_data_set_is_complete_repeatable_valid_and_renders(client):
    for command in ("load_reference_data", "sync_organisations"):
        call_command(command, stdout=io.StringIO())

    first = _generate_and_roll_back()
    assert first["plans"]
    assert first == _generate_and_roll_back()

    report = generate(municipalities=3)

    assert report["municipalities"] == 3
    current = Plan.objects.exclude(state=Plan.State.SUPERSEDED).select_related("lead_municipality")
    assert current.count() == 3
    for plan in current:
        largest = plan.lead_municipality.code == "091"
        objectives = Objective.objects.filter(plan=plan)
        assert objectives.count() == (40 if largest else 20)
        assert set(objectives.values_list("theme__code", flat=True)) == {
            "employment_education",
            "good_relations",
            "inclusion_equality",
            "language_culture",
            "other",
            "wellbeing_health_housing",
        }
        measures = Measure.objects.filter(objective__plan=plan)
        assert measures.count() == (200 if largest else 60)
        assert not measures.filter(responsible_organisation=None).exists()
        assert measures.filter(partners__isnull=False).distinct().count() == measures.count()
        assert Indicator.objects.filter(objective__plan=plan).count() == (60 if largest else 30)
        assert Submission.objects.filter(consultation__plan=plan).count() == (
            5000 if largest else 500
        )
        group = CooperationGroup.objects.get(plans=plan)
        assert group.memberships.count() >= 5
        assert group.meetings.count() == 3
        if plan.state == Plan.State.ADOPTED:
            assert plan.monitoring_rounds.count() == 2
            assert MeasureUpdate.objects.filter(round__plan=plan).count() > measures.count()
        assert ReadinessResult.objects.filter(plan=plan).exists()
    # a third of the municipalities (the first of three) and the largest plan's have an earlier one
    assert set(
        Plan.objects.filter(state=Plan.State.SUPERSEDED).values_list(
            "lead_municipality__code", flat=True
        )
    ) == {current.order_by("lead_municipality__code")[0].lead_municipality.code, "091"}
    profiles = StatisticValue.objects.filter(
        indicator__code__in=(POPULATION, FOREIGN_LANGUAGE_SHARE)
    )
    assert StatisticValue.objects.count() - profiles.count() == 3 * 30 * 10
    # every municipality's real population, so peer groups form as they do in production
    assert set(
        profiles.filter(indicator__code=POPULATION).values_list("municipality__code", flat=True)
    ) >= set(current.values_list("lead_municipality__code", flat=True))
    roles = set(RoleAssignment.objects.values_list("role", flat=True))
    assert roles == set(RoleAssignment.Role.values)

    for model in CHECKED:
        sample = model.objects.order_by("-pk").first()
        assert sample is not None, model
        sample.full_clean()
    for measure in Measure.objects.all()[:20]:
        assert measure.schedule.rank == measure.schedule_rank

    helsinki = Plan.objects.get(lead_municipality__code="091", state=Plan.State.ADOPTED)
    client.force_login(User.objects.get(username="coord.091"))
    client.cookies["django_language"] = "fi"
    page = client.get(reverse("planning:plan_detail", args=[helsinki.pk]))
    assert page.status_code == 200
    assert helsinki.title_fi in page.content.decode()
    # its change history as the trail records it: every part created, a third of the measures
    # reworded, the adoption
    trail = plan_trail(plan_id=helsinki.pk)
    assert trail.count() >= 1 + 40 + 200 + 60 + 67 + 1
    history = client.get(reverse("planning:plan_history", args=[helsinki.pk])).content.decode()
    assert "(luonnos)" in history
    results = client.get(reverse("participation:results", args=[helsinki.consultations.get().pk]))
    assert results.status_code == 200
    client.logout()
    public = client.get(
        reverse(
            "documents:public_plan",
            args=["091", helsinki.period_start, helsinki.period_end],
        )
    )
    assert public.status_code == 200
    assert helsinki.title_fi in public.content.decode()
    client.force_login(User.objects.get(username="kela.contributor"))
    mine = client.get(reverse("monitoring:my_measures"))
    assert mine.status_code == 200
    assert "Helsinki" in mine.content.decode()
