"""The municipalities a search can be narrowed to: by size class (Statistics Finland's
municipal size classes, from the latest population figure imported), authority area (ELY
Centre or Economic Development Centre) and wellbeing services county."""

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from kotoplan.geography.models import Area, AreaMembership
from kotoplan.monitoring.statistics.models import POPULATION, StatisticValue

# (key, label, lower bound, upper bound exclusive)
SIZE_CLASSES = (
    ("1", _("under 2,000 inhabitants"), 0, 2000),
    ("2", _("2,000–5,999 inhabitants"), 2000, 6000),
    ("3", _("6,000–9,999 inhabitants"), 6000, 10000),
    ("4", _("10,000–19,999 inhabitants"), 10000, 20000),
    ("5", _("20,000–49,999 inhabitants"), 20000, 50000),
    ("6", _("50,000–99,999 inhabitants"), 50000, 100000),
    ("7", _("100,000 inhabitants or more"), 100000, None),
)


def size_class_choices() -> list[tuple[str, object]]:
    return [(key, label) for key, label, _low, _high in SIZE_CLASSES]


def municipality_ids_of_size(*, size_class: str) -> set[int]:
    """The municipalities whose latest yearly population figure is in the class."""
    bounds = {key: (low, high) for key, _label, low, high in SIZE_CLASSES}
    low, high = bounds[size_class]
    values = (
        StatisticValue.objects.filter(
            indicator__code=POPULATION,
            municipality__isnull=False,
            period_type=StatisticValue.PeriodType.YEAR,
            breakdown_key="",
            status=StatisticValue.Status.OK,
            value__isnull=False,
        )
        .order_by("municipality_id", "-period")
        .values_list("municipality_id", "value")
    )
    latest: dict[int, object] = {}
    for municipality_id, value in values:
        latest.setdefault(municipality_id, value)
    return {pk for pk, value in latest.items() if value >= low and (high is None or value < high)}


def areas_of_kinds(*kinds: str) -> QuerySet[Area]:
    return Area.objects.filter(kind__in=kinds).order_by("kind", "name_fi")


def municipality_ids_in_area(*, area: Area) -> QuerySet:
    """Every municipality that belongs or belonged to the area (a plan's period may cross the
    2026 change of authorities, so every membership counts)."""
    return AreaMembership.objects.filter(area=area).values("municipality_id")
