"""Health endpoints for a load balancer: `/healthz` (the process answers) and `/readyz` (the
database answers and every migration is applied; the background workers' state is reported but
does not take the node out of service: a node serves pages without a worker)."""

from django.conf import settings
from django.http import JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from ..selectors import database_reachable, unapplied_migrations, worker_heartbeat


@never_cache
@require_GET
def healthz(request):
    return JsonResponse({"status": "ok"})


@never_cache
@require_GET
def readyz(request):
    checks: dict = {"database": database_reachable()}
    if checks["database"]:
        pending = unapplied_migrations()
        checks["migrations"] = "applied" if not pending else f"{len(pending)} unapplied"
        checks["worker"] = worker_heartbeat()
        stale = settings.KOTOPLAN_WORKER_STALE_SECONDS
        checks["worker"]["stale"] = checks["worker"]["oldest_waiting_task_age_seconds"] > stale
        ready = not pending
    else:
        ready = False
    return JsonResponse(
        {"status": "ready" if ready else "unavailable", "checks": checks},
        status=200 if ready else 503,
    )
