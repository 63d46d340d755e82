from datetime import date

from django.db import models
from django.db.models import Q


class DatedQuerySet(models.QuerySet):
    """Rows with `start_date` and an optional `end_date`, both inclusive."""

    def active_on(self, on: date) -> "DatedQuerySet":
        return self.filter(start_date__lte=on).filter(
            Q(end_date__isnull=True) | Q(end_date__gte=on)
        )


def date_order_constraint(name: str) -> models.CheckConstraint:
    return models.CheckConstraint(
        condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("start_date")),
        name=name,
    )


def is_active(obj, on: date) -> bool:
    return obj.start_date <= on and (obj.end_date is None or obj.end_date >= on)
