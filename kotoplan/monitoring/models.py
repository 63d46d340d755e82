"""Indicator data: the catalogue of statistical indicators, their observations and import runs.

An observation belongs to exactly one kind of area: a municipality, a geography area (wellbeing
county, region, authority area …) or the whole country. A value that the source leaves out or
suppresses is stored with `value = NULL` and a status, never as zero.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TimeStampedModel


class StatIndicator(TimeStampedModel):
    class Source(models.TextChoices):
        STATFIN = "statfin", _("Statistics Finland (StatFin)")
        SOTKANET = "sotkanet", _("THL Sotkanet")
        MANUAL = "manual", _("Entered by hand")

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=300)
    name_sv = models.CharField(_("name in Swedish"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    definition_fi = models.TextField(_("definition in Finnish"), blank=True)
    definition_sv = models.TextField(_("definition in Swedish"), blank=True)
    definition_en = models.TextField(_("definition in English"), blank=True)
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_code = models.CharField(
        _("source code"),
        max_length=300,
        blank=True,
        help_text=_("StatFin table and selection, or Sotkanet indicator id."),
    )
    licence = models.CharField(_("licence"), max_length=60, blank=True)
    attribution = models.CharField(_("attribution"), max_length=200, blank=True)
    covers_aland = models.BooleanField(
        _("covers Åland"),
        default=True,
        help_text=_("When false, values for Åland municipalities are stored as missing."),
    )
    situation_order = models.PositiveSmallIntegerField(
        _("order in the situation picture"),
        null=True,
        blank=True,
        help_text=_("Shown among the situation picture figures when set."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("statistical indicator")
        verbose_name_plural = _("statistical indicators")

    def __str__(self) -> str:
        return self.name_en or self.name_fi


class ObservationQuerySet(models.QuerySet):
    def for_municipalities(self, ids) -> "ObservationQuerySet":
        return self.filter(municipality_id__in=ids)


class Observation(models.Model):
    class Status(models.TextChoices):
        OK = "ok", _("Value")
        MISSING = "missing", _("Missing")
        SUPPRESSED = "suppressed", _("Suppressed (small numbers)")

    indicator = models.ForeignKey(
        StatIndicator, on_delete=models.CASCADE, related_name="observations"
    )
    municipality = models.ForeignKey(
        "geography.Municipality",
        verbose_name=_("municipality"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    area = models.ForeignKey(
        "geography.Area",
        verbose_name=_("area"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    country = models.BooleanField(_("whole country"), default=False)
    period = models.PositiveSmallIntegerField(_("year"))
    breakdown_key = models.CharField(_("breakdown"), max_length=60, blank=True, default="")
    breakdown_value = models.CharField(_("breakdown value"), max_length=60, blank=True, default="")
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OK)
    import_run = models.ForeignKey(
        "monitoring.ImportRun",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    objects = ObservationQuerySet.as_manager()

    class Meta:
        ordering = ["indicator", "period"]
        verbose_name = _("observation")
        verbose_name_plural = _("observations")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, area__isnull=True, country=False)
                    | Q(municipality__isnull=True, area__isnull=False, country=False)
                    | Q(municipality__isnull=True, area__isnull=True, country=True)
                ),
                name="observation_exactly_one_area",
            ),
            models.CheckConstraint(
                condition=Q(status="ok", value__isnull=False)
                | (~Q(status="ok") & Q(value__isnull=True)),
                name="observation_value_matches_status",
            ),
            models.UniqueConstraint(
                fields=["indicator", "municipality", "period", "breakdown_key", "breakdown_value"],
                condition=Q(municipality__isnull=False),
                name="observation_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=["indicator", "area", "period", "breakdown_key", "breakdown_value"],
                condition=Q(area__isnull=False),
                name="observation_unique_area",
            ),
            models.UniqueConstraint(
                fields=["indicator", "period", "breakdown_key", "breakdown_value"],
                condition=Q(country=True),
                name="observation_unique_country",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "indicator", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period}: {self.value}"


class ImportRun(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Completed")
        FAILED = "failed", _("Failed")

    class Phase(models.TextChoices):
        QUEUED = "queued", _("Waiting for the background worker")
        FETCHING = "fetching", _("Fetching the data")
        PARSING = "parsing", _("Reading and checking the file")
        WRITING = "writing", _("Saving the observations")
        DONE = "done", _("Finished")

    PHASE_STEPS = (Phase.QUEUED, Phase.FETCHING, Phase.PARSING, Phase.WRITING, Phase.DONE)

    source = models.CharField(_("source"), max_length=20, choices=StatIndicator.Source.choices)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    payload = models.TextField(_("uploaded content"), blank=True, editable=False)
    regions_payload = models.TextField(_("uploaded regions list"), blank=True, editable=False)
    query = models.TextField(
        _("PxWeb query"), blank=True, help_text=_("JSON; empty fetches the whole table.")
    )
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("started by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    municipality = models.ForeignKey(
        "geography.Municipality",
        verbose_name=_("on behalf of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.QUEUED)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_created = models.PositiveIntegerField(_("created"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rows_skipped = models.PositiveIntegerField(_("skipped"), default=0)
    skipped_note = models.TextField(_("why rows were skipped"), blank=True)
    error_message = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.get_source_display()} · {self.file_name or self.url} · {self.status}"

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def progress_percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        steps = list(self.PHASE_STEPS)
        return round(100 * steps.index(self.phase) / (len(steps) - 1))


from .models_rounds import (  # noqa: E402  (progress by responsible parties)
    IndicatorValue,
    MeasureUpdate,
    MonitoringRound,
    ReminderLog,
)

__all__ = [
    "ImportRun",
    "IndicatorValue",
    "MeasureUpdate",
    "MonitoringRound",
    "Observation",
    "ReminderLog",
    "StatIndicator",
]
