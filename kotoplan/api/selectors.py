"""What an API client sees: the UI's own selectors and scopes, plus the public part for everyone.

Nothing here decides access anew: plans come from `planning.selectors.plans_for_user` (the UI's
"plans visible to the user") and `documents.selectors.published_plans` (the public pages);
observations, cooperation groups and consultations from their apps' selectors.
"""

import hashlib

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.db.models import Max, Min, Q, QuerySet
from django.http import Http404
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from kotoplan.cooperation.models import CooperationGroup, Meeting
from kotoplan.cooperation.selectors import groups_for_user
from kotoplan.documents.selectors import published_plans
from kotoplan.monitoring.models import MeasureUpdate, MonitoringRound
from kotoplan.oversight.dialogue.selectors import observations_for_user
from kotoplan.oversight.models import ReadinessResult
from kotoplan.participation.models import Consultation
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from kotoplan.planning.selectors import plans_for_user

from .models import ApiToken

TOKEN_PREFIX = "kp_"  # noqa: S105  (the marker of a Kotoplan token, not a secret)


# --- tokens ------------------------------------------------------------------------------------


def token_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def token_lookup(*, secret: str) -> ApiToken | None:
    """The usable token with this secret (None for a wrong, expired or revoked one)."""
    if not secret.startswith(TOKEN_PREFIX):
        return None
    prefix = secret[len(TOKEN_PREFIX) : len(TOKEN_PREFIX) + 8]
    token = ApiToken.objects.usable().select_related("user").filter(prefix=prefix).first()
    if token is None or token.key_hash != token_hash(secret):
        return None
    return token


def tokens_for_user(*, user) -> QuerySet[ApiToken]:
    return ApiToken.objects.filter(user=user)


def token_get_for_user(*, user, token_id: int) -> ApiToken:
    token = tokens_for_user(user=user).filter(pk=token_id).first()
    if token is None:
        raise Http404
    return token


# --- plans and their parts ------------------------------------------------------------------------


def plans_for_client(*, user) -> QuerySet[Plan]:
    """Adopted plans for everyone, and for a signed-in client every plan the UI shows them."""
    public = published_plans().values("pk")
    if not getattr(user, "is_authenticated", False):
        return Plan.objects.filter(pk__in=public)
    mine = plans_for_user(user=user).values("pk")
    return Plan.objects.filter(Q(pk__in=public) | Q(pk__in=mine))


def objectives_for_client(*, user) -> QuerySet[Objective]:
    return Objective.objects.filter(plan__in=plans_for_client(user=user).values("pk"))


def measures_for_client(*, user) -> QuerySet[Measure]:
    return Measure.objects.filter(objective__plan__in=plans_for_client(user=user).values("pk"))


def indicators_for_client(*, user) -> QuerySet[Indicator]:
    return Indicator.objects.filter(objective__plan__in=plans_for_client(user=user).values("pk"))


# --- monitoring, oversight, cooperation, participation ----------------------------------------


def rounds_for_client(*, user) -> QuerySet[MonitoringRound]:
    """Rounds of the plans the user views (monitoring.view_rounds is planning.view_plan)."""
    return MonitoringRound.objects.filter(plan__in=plans_for_user(user=user).values("pk"))


def progress_updates_for_client(*, user) -> QuerySet[MeasureUpdate]:
    return MeasureUpdate.objects.filter(
        round__plan__in=plans_for_user(user=user).values("pk")
    ).select_related("round")


def readiness_for_client(*, user) -> QuerySet[ReadinessResult]:
    return ReadinessResult.objects.filter(plan__in=plans_for_user(user=user).values("pk"))


def observations_for_client(*, user):
    return observations_for_user(user=user)


def groups_for_client(*, user) -> QuerySet[CooperationGroup]:
    return groups_for_user(user=user)


def meetings_for_client(*, user) -> QuerySet[Meeting]:
    groups = CooperationGroup.objects.filter(pk__in=groups_for_user(user=user).values("pk"))
    return Meeting.objects.filter(group__in=groups)


def consultations_for_client(*, user) -> QuerySet[Consultation]:
    """Consultations that have opened (the public pages show them to anyone)."""
    return Consultation.objects.filter(opens_at__lte=timezone.now())


# --- health --------------------------------------------------------------------------------------


def database_reachable() -> bool:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError:
        return False


def unapplied_migrations() -> list[str]:
    executor = MigrationExecutor(connection)
    targets = executor.loader.graph.leaf_nodes()
    return [f"{m.app_label}.{m.name}" for m, _backwards in executor.migration_plan(targets)]


def worker_heartbeat() -> dict:
    """What django-tasks' database tables tell about the background workers (they keep no
    heartbeat of their own): when a worker last started or finished a task, and how long the
    oldest task ready to run has waited (a growing wait means no worker is running)."""
    now = timezone.now()
    results = DBTaskResult.objects.all()
    last = results.aggregate(started=Max("started_at"), finished=Max("finished_at"))
    seen = max((t for t in last.values() if t is not None), default=None)
    oldest = results.ready().aggregate(oldest=Min("enqueued_at"))["oldest"]
    return {
        "last_activity_age_seconds": round((now - seen).total_seconds()) if seen else None,
        "oldest_waiting_task_age_seconds": round((now - oldest).total_seconds()) if oldest else 0,
        "waiting_tasks": results.ready().count(),
    }
