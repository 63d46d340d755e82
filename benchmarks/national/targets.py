"""Prints, as JSON, what the benchmark pages point at in the generated data set (run with the
bench settings and the data set's DATABASE_URL): `python benchmarks/national/targets.py`."""

import json
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django  # noqa: E402

django.setup()

from django.db.models import Count, Q  # noqa: E402

from kotoplan.core.clock import today  # noqa: E402
from kotoplan.geography.models import Area  # noqa: E402
from kotoplan.monitoring.models import MonitoringRound  # noqa: E402
from kotoplan.participation.models import Consultation, Question  # noqa: E402
from kotoplan.planning.models import Plan  # noqa: E402


def _round(plan) -> int | None:
    closed = MonitoringRound.objects.filter(plan=plan, state="closed").first()
    return closed.pk if closed else None


def targets() -> dict:
    adopted = Plan.objects.filter(state=Plan.State.ADOPTED).select_related("lead_municipality")
    result = {"municipalities": adopted.values("lead_municipality").distinct().count()}
    largest = adopted.filter(lead_municipality__code="091").first()
    if largest is not None:
        result |= {
            "largest_plan": largest.pk,
            "largest_period": [largest.period_start, largest.period_end],
            "largest_consultation": largest.consultations.first().pk,
            "largest_round": _round(largest),
        }
    ordinary = (
        adopted.exclude(lead_municipality__code="091")
        .filter(previous_version__isnull=False)
        .order_by("lead_municipality__code")
        .first()
    )
    code = ordinary.lead_municipality.code
    result |= {
        "plan": ordinary.pk,
        "municipality": code,
        "period": [ordinary.period_start, ordinary.period_end],
        "round": _round(ordinary),
        "consultation": ordinary.consultations.first().pk,
        "coordinator": f"coord.{code}",
        "contributor": f"contrib.{code}",
        "measures": ordinary.objectives.aggregate(n=Count("measures"))["n"],
    }
    day = today()
    areas = (
        Area.objects.valid_on(day)
        .filter(kind=Area.Kind.VITALITY_CENTRE)
        .annotate(n=Count("memberships", filter=Q(memberships__municipality__in_act_scope=True)))
        .order_by("-n", "code")
    )
    result["largest_area"] = areas.first().pk if areas else None
    county = Area.objects.valid_on(day).filter(kind=Area.Kind.WELLBEING_COUNTY).order_by("code")
    result["library_county"] = county.first().pk if county else None
    public = adopted.order_by("lead_municipality__code")[:40]
    result["public_plans"] = [
        [p.lead_municipality.code, p.period_start, p.period_end] for p in public
    ]
    result["work"] = [
        [f"coord.{p.lead_municipality.code}", p.pk] for p in adopted.order_by("pk")[:20]
    ]
    open_ones = [c for c in Consultation.objects.order_by("slug") if c.is_open][:10]
    result["consultations"] = [
        {
            "slug": c.slug,
            "rating": [q.pk for q in c.questions.all() if q.kind == Question.Kind.RATING],
        }
        for c in open_ones
    ]
    return result


if __name__ == "__main__":
    print(json.dumps(targets()))
