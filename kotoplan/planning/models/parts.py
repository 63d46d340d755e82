"""The parts of a plan: target groups, timetable steps, objectives, measures and indicators."""

import uuid

from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import (
    DESCRIPTION,
    NAME,
    VersionedModel,
    first_written,
    in_languages,
    optional_link,
    period_order,
    text_fields,
)
from kotoplan.core.text import text_of

from .plan import Plan, Theme
from .texts import date_order_error, title_fields, validate
from .timespans import parse_schedule, schedule_from_dates

TARGET_TEXT = (
    _("worded target (Finnish)"),
    _("worded target (Swedish)"),
    _("worded target (English)"),
)


class PlanPart(VersionedModel):
    """A part of a plan. Its `key` stays the same in every version of the plan, so versions can
    be compared part by part; it is named (`named_by`) in at least one language."""

    key = models.UUIDField(default=uuid.uuid4, editable=False)

    named_by = "title"
    unnamed_message: str  # "Give the … a title in at least one language."
    plan_path = "plan"  # how the part reaches its plan, as in a query lookup

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return first_written(self, self.named_by)

    @staticmethod
    def open_in(plan: Plan) -> bool:
        """Whether parts of this kind may be added, changed or removed in the plan's state."""
        return plan.is_editable

    def rule_errors(self) -> dict:
        """{field: message} of the part's own rules that the values break."""
        return {}

    def clean(self) -> None:
        validate(
            self,
            named_by=self.named_by,
            unnamed_message=self.unnamed_message,
            errors=self.rule_errors(),
        )

    def _follow(self, hops: list[str]):
        obj = self
        for hop in hops:
            obj = getattr(obj, hop)
        return obj

    @property
    def owner_plan(self) -> Plan:
        return self._follow(self.plan_path.split("__"))

    @property
    def owner_plan_id(self) -> int:
        *hops, last = self.plan_path.split("__")
        return getattr(self._follow(hops), f"{last}_id")

    def get_additional_data(self) -> dict:
        return {"plan_id": self.owner_plan_id}


class TargetGroup(PlanPart):
    """A named group of immigrants that objectives can address (none chosen = all immigrants)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="target_groups")
    name_fi, name_sv, name_en = in_languages(models.CharField, NAME, max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    named_by = "name"
    unnamed_message = _("Give the target group a name in at least one language.")

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        """The name in the active interface language (the objective form lists groups by it)."""
        return str(text_of(self, "name")) or super().__str__()


class Milestone(PlanPart):
    """A step of the planning timetable, such as a political decision point."""

    class Kind(models.TextChoices):
        PLANNING = "planning", _("Planning step")
        CONSULTATION = "consultation", _("Consultation")
        DECISION = "decision", _("Decision point")
        MONITORING = "monitoring", _("Monitoring report")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="milestones")
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLANNING)
    title_fi, title_sv, title_en = title_fields()
    due_date = models.DateField(_("date"))
    body = models.CharField(_("deciding or handling body"), max_length=200, blank=True)
    done = models.BooleanField(_("done"), default=False)

    unnamed_message = _("Give the step a title in at least one language.")

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("timetable step")
        verbose_name_plural = _("timetable steps")


class DescribedPart(PlanPart):
    """A part with a title and a description, in its order among the parts beside it."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi, title_sv, title_en = title_fields()
    description_fi, description_sv, description_en = in_languages(
        models.TextField, DESCRIPTION, blank=True
    )

    class Meta:
        abstract = True


class PlanChapter(PlanPart):
    """A chapter or priority area (painopistealue) of the plan's own, in its order; objectives
    are grouped under chapters beside their statutory theme."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="chapters")
    title_fi, title_sv, title_en = title_fields()
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    unnamed_message = _("Give the chapter a title in at least one language.")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("chapter")
        verbose_name_plural = _("chapters")


class Objective(DescribedPart):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="objectives"
    )
    additional_themes = models.ManyToManyField(
        Theme,
        verbose_name=_("additional themes"),
        blank=True,
        related_name="additional_objectives",
        help_text=_("Other statutory themes the objective also serves."),
    )
    chapter = models.ForeignKey(
        PlanChapter,
        verbose_name=_("chapter"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="objectives",
        help_text=_("The plan's own chapter or priority area, if it has them."),
    )
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="objectives",
        help_text=_("Leave empty when the objective concerns all immigrants."),
    )

    unnamed_message = _("Give the objective a title in at least one language.")

    class Meta:
        ordering = ["theme__order", "order", "pk"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")


class Measure(DescribedPart):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DELAYED = "delayed", _("Delayed")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    # What a contributor of the responsible organisation may change in a measure it owns.
    CONTRIBUTOR_FIELDS = (
        *text_fields("description"),
        "responsible_contact",
        "schedule_text",
        "schedule_start",
        "schedule_end",
        "schedule_note",
        "resources",
        "status",
    )

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    responsible_organisation = optional_link(
        "accounts.Organisation",
        _("responsible party"),
        on_delete=models.PROTECT,
        related_name="owned_measures",
    )
    co_responsible = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("co-responsible parties"),
        blank=True,
        related_name="co_responsible_measures",
        help_text=_("Other parties responsible for the measure together with the lead."),
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    responsible_contact = models.CharField(_("contact person"), max_length=200, blank=True)
    partners = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("cooperation partners"),
        blank=True,
        related_name="partner_measures",
    )
    schedule_text = models.CharField(
        _("schedule"),
        max_length=200,
        blank=True,
        help_text=_(
            "As written in the plan: a year (2025), years (2025–2027), a term (syksy 2025), "
            "“jatkuva” or dates."
        ),
    )
    # The schedule's sort key, read from schedule_text (or the dates) on every save.
    schedule_rank = models.PositiveSmallIntegerField(default=2, editable=False)
    schedule_year_start = models.PositiveSmallIntegerField(null=True, editable=False)
    schedule_part = models.PositiveSmallIntegerField(default=0, editable=False)
    schedule_year_end = models.PositiveSmallIntegerField(null=True, editable=False)
    schedule_ongoing = models.BooleanField(default=False, editable=False)
    schedule_start = models.DateField(_("starts"), null=True, blank=True)
    schedule_end = models.DateField(_("ends"), null=True, blank=True)
    schedule_note = models.CharField(_("schedule note"), max_length=200, blank=True)
    resources = models.TextField(_("resources"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )
    # The measure of another plan this one was copied from (the good-practice library).
    reused_from = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="reuses",
    )

    unnamed_message = _("Give the measure a title in at least one language.")
    plan_path = "objective__plan"

    SCHEDULE_SORT_FIELDS = (
        "schedule_rank",
        "schedule_year_start",
        "schedule_part",
        "schedule_year_end",
        "schedule_ongoing",
    )
    SCHEDULE_ORDER = ("schedule_rank", "schedule_year_start", "schedule_part", "schedule_year_end")

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        indexes = [
            models.Index(
                fields=[
                    "schedule_rank",
                    "schedule_year_start",
                    "schedule_part",
                    "schedule_year_end",
                ],
                name="measure_schedule_sort",
            )
        ]
        constraints = [
            period_order(
                "measure_schedule_order",
                "schedule_start",
                "schedule_end",
                open_start=True,
                open_end=True,
            )
        ]

    @staticmethod
    def open_in(plan: Plan) -> bool:
        """Whether parts of this kind may be added, changed or removed in the plan's state."""
        return plan.is_editable

    def rule_errors(self) -> dict:
        return date_order_error(
            self.schedule_start,
            self.schedule_end,
            "schedule_end",
            _("The measure ends before it starts."),
        )

    @property
    def schedule(self):
        """What the schedule says (timespans.Schedule): from the text as written, else from the
        exact dates."""
        if self.schedule_text.strip():
            return parse_schedule(self.schedule_text)
        return schedule_from_dates(self.schedule_start, self.schedule_end)

    @property
    def schedule_unrecognised(self) -> bool:
        return bool(self.schedule_text.strip()) and not self.schedule.recognised

    def save(self, *args, **kwargs):
        # The sort key is derived data, kept with the text it is read from.
        read = self.schedule
        self.schedule_rank = read.rank
        self.schedule_year_start = read.start_year
        self.schedule_part = read.part
        self.schedule_year_end = read.end_year
        self.schedule_ongoing = read.ongoing
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "schedule_text" in update_fields:
            kwargs["update_fields"] = {*update_fields, *self.SCHEDULE_SORT_FIELDS}
        super().save(*args, **kwargs)


class Indicator(PlanPart):
    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        STATFIN = "statfin", _("Statistics Finland (StatFin)")
        SOTKANET = "sotkanet", _("THL Sotkanet")
        OTHER = "other", _("Other statistical source")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Higher is better")
        DECREASE = "decrease", _("Lower is better")
        MAINTAIN = "maintain", _("Keep at the level")

    # Sources whose figures are looked up by `source_code`.
    CODED_SOURCES = (Source.STATFIN, Source.SOTKANET)
    # What the indicator measures and aims at, beside its name.
    FIGURE_FIELDS = (
        "unit",
        "source",
        "source_code",
        "baseline_value",
        "baseline_year",
        "target_value",
        "target_year",
        "target_text_fi",
        "target_text_sv",
        "target_text_en",
        "direction",
    )

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="indicators")
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    name_fi, name_sv, name_en = in_languages(models.CharField, NAME, max_length=300, blank=True)
    unit = models.CharField(
        _("unit"),
        max_length=60,
        blank=True,
        help_text=_("Needed with a baseline or target value, for example per cent or persons."),
    )
    source = models.CharField(
        _("source"), max_length=20, choices=Source.choices, default=Source.MANUAL
    )
    source_code = models.CharField(
        _("source code"),
        max_length=200,
        blank=True,
        help_text=_("StatFin table and selection or Sotkanet id."),
    )
    baseline_value = models.DecimalField(
        _("baseline value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    baseline_year = models.PositiveSmallIntegerField(_("baseline year"), null=True, blank=True)
    target_value = models.DecimalField(
        _("target value"), max_digits=14, decimal_places=2, null=True, blank=True
    )
    target_year = models.PositiveSmallIntegerField(_("target year"), null=True, blank=True)
    target_text_fi, target_text_sv, target_text_en = in_languages(
        models.CharField, TARGET_TEXT, max_length=500, blank=True
    )
    direction = models.CharField(
        _("desired direction"), max_length=20, choices=Direction.choices, default=Direction.INCREASE
    )
    # The indicator of another plan this one was copied from with its measure.
    reused_from = models.ForeignKey(
        "self",
        verbose_name=_("based on"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="reuses",
    )

    named_by = "name"
    unnamed_message = _("Give the indicator a name in at least one language.")
    plan_path = "objective__plan"

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            period_order(
                "indicator_target_after_baseline",
                "baseline_year",
                "target_year",
                open_start=True,
                open_end=True,
            )
        ]

    @staticmethod
    def open_in(plan: Plan) -> bool:
        """Whether parts of this kind may be added, changed or removed in the plan's state."""
        return plan.is_editable

    def rule_errors(self) -> dict:
        """The figures must be usable: years with values, a target not before the baseline, and
        the code by which a statistical source's figures are found."""
        errors = date_order_error(
            self.baseline_year,
            self.target_year,
            "target_year",
            _("The target year is before the baseline year."),
        )
        if self.baseline_value is not None and not self.baseline_year:
            errors["baseline_year"] = _("Give the year of the baseline value.")
        if self.target_value is not None and not self.target_year:
            errors["target_year"] = _("Give the year by which the target is reached.")
        if (
            self.baseline_value is not None or self.target_value is not None
        ) and not self.unit.strip():
            errors["unit"] = _(
                "Give the unit of the baseline or target value (a worded target needs none)."
            )
        if self.source in self.CODED_SOURCES and not self.source_code:
            errors["source_code"] = _("Give the table or indicator code of the source.")
        return errors
