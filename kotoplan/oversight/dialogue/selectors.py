"""Reads of the observations dialogue and the discussion records.

`*_get_for_user` are the only way views load these objects: missing and forbidden both give 404.
"""

from dataclasses import dataclass

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from kotoplan.core.clock import today
from kotoplan.core.permissions import can, scope
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Plan

from ..readiness.rules import RULES
from .models import DiscussionFollowUp, MonitoringDiscussion, Observation, ObservationEntry


def observations_for_user(*, user) -> QuerySet[Observation]:
    return scope(user, "oversight.view_observation", Observation.objects.all()).select_related(
        "plan", "plan__lead_municipality", "created_by", "objective"
    )


def observation_get_for_user(*, user, observation_id: int) -> Observation:
    """The observation if the user may see it; missing and forbidden both give 404."""
    observation = observations_for_user(user=user).filter(pk=observation_id).first()
    if observation is None:
        raise Http404
    return observation


def plan_observations(*, plan: Plan, user) -> list[Observation]:
    """The plan's observations, open ones first, for a user who may see them. Observations
    still open on an earlier version of the same plan carry over: they are listed here too
    (`carried_over`), with the version they were made on."""
    if not can(user, "oversight.view_plan_observations", plan):
        return []
    observations = observations_for_user(user=user).filter(
        Q(plan=plan)
        | Q(
            plan__lineage=plan.lineage,
            plan__version_number__lt=plan.version_number,
            state__in=Observation.UNRESOLVED_STATES,
        )
    )
    for observation in observations:
        observation.carried_over = observation.plan_id != plan.pk
    return sorted(observations, key=lambda o: (o.is_resolved, o.reply_due, -o.pk))


def open_observations_for_user(*, user) -> QuerySet[Observation]:
    """Unresolved observations the user may see (an official: across the area), soonest due
    first."""
    return (
        observations_for_user(user=user)
        .filter(state__in=Observation.UNRESOLVED_STATES)
        .prefetch_related("plan__municipalities")
        .order_by("reply_due", "pk")
    )


def open_observation_counts(*, plan_ids) -> dict[int, int]:
    """Unresolved observations per plan, for overviews (the caller checks access)."""
    rows = (
        Observation.objects.filter(plan_id__in=plan_ids, state__in=Observation.UNRESOLVED_STATES)
        .values("plan_id")
        .annotate(n=Count("pk"))
    )
    return {row["plan_id"]: row["n"] for row in rows}


def observation_trail(*, observation: Observation) -> list[ObservationEntry]:
    return list(
        ObservationEntry.objects.filter(observation=observation)
        .select_related("author")
        .prefetch_related("changed_objectives")
        .order_by("created_at", "pk")
    )


def observation_steps(*, user, observation: Observation) -> list[Observation.Step]:
    """The steps the user may take on the observation now: 'reply', 'resolve', 'reopen'."""
    return [
        step
        for step, (sources, _target, permission) in Observation.TRANSITIONS.items()
        if observation.state in sources and can(user, permission, observation)
    ]


def is_overdue(observation: Observation) -> bool:
    return observation.state in Observation.AWAITING_REPLY_STATES and (
        observation.reply_due < today()
    )


def overdue_ids(observations) -> set[int]:
    return {o.pk for o in observations if is_overdue(o)}


def rule_title(rule_id: str) -> str:
    rule = RULES.get(rule_id)
    return f"{rule.id}: {rule.title}" if rule else rule_id


# --- discussions -------------------------------------------------------------------------------


def discussions_for_user(*, user) -> QuerySet[MonitoringDiscussion]:
    return scope(
        user, "oversight.view_discussion", MonitoringDiscussion.objects.all()
    ).select_related("municipality", "plan", "created_by")


def discussion_get_for_user(*, user, discussion_id: int) -> MonitoringDiscussion:
    discussion = discussions_for_user(user=user).filter(pk=discussion_id).first()
    if discussion is None:
        raise Http404
    return discussion


def follow_up_get_for_user(*, user, follow_up_id: int) -> DiscussionFollowUp:
    follow_up = (
        DiscussionFollowUp.objects.select_related("discussion").filter(pk=follow_up_id).first()
    )
    if follow_up is None or not can(user, "oversight.view_discussion", follow_up.discussion):
        raise Http404
    return follow_up


def discussion_municipalities(*, user, plan: Plan) -> QuerySet[Municipality]:
    """The plan's municipalities the user may record a discussion with."""
    municipalities = list(plan.municipalities.all())
    allowed = [m.pk for m in municipalities if can(user, "oversight.create_discussion", m)]
    return Municipality.objects.filter(pk__in=allowed).order_by("name_fi")


def plan_discussions(*, plan: Plan, user) -> list[MonitoringDiscussion]:
    """Discussions with the plan's municipalities that the user may see, newest first."""
    if not can(user, "oversight.view_plan_observations", plan):
        return []
    follow_ups = DiscussionFollowUp.objects.order_by("due_date", "pk")
    return list(
        discussions_for_user(user=user)
        .filter(municipality__in=plan.municipalities.values("pk"))
        .prefetch_related(Prefetch("follow_ups", queryset=follow_ups))
        .annotate(open_follow_ups=Count("follow_ups", filter=Q(follow_ups__done=False)))
        .order_by("-held_on", "-pk")
    )


@dataclass(frozen=True)
class PlanDialogueSummary:
    """What the plan page shows: the open observations and how many records exist."""

    open_observations: list[Observation]
    overdue: set[int]  # ids of the open observations whose reply is overdue
    resolved_count: int
    discussion_count: int


def plan_dialogue_summary(*, plan: Plan, user) -> PlanDialogueSummary:
    """For a user who may see the plan's dialogue (`oversight.view_plan_observations`)."""
    observations = plan_observations(plan=plan, user=user)
    discussions = discussions_for_user(user=user).filter(
        municipality__in=plan.municipalities.values("pk")
    )
    open_observations = [o for o in observations if not o.is_resolved]
    return PlanDialogueSummary(
        open_observations=open_observations,
        overdue=overdue_ids(open_observations),
        resolved_count=len(observations) - len(open_observations),
        discussion_count=discussions.count(),
    )
