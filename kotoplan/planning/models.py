"""The plan for the promotion of integration: themes, objectives, measures and indicators."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import VersionedModel


class Theme(models.Model):
    """The five statutory themes and "other objectives"; seeded by a migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"))
    statutory = models.BooleanField(_("statutory"), default=True)
    name_fi = models.CharField(_("name in Finnish"), max_length=200)
    name_sv = models.CharField(_("name in Swedish"), max_length=200)
    name_en = models.CharField(_("name in English"), max_length=200)

    class Meta:
        ordering = ["order"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        return self.name_en


class PlanQuerySet(models.QuerySet):
    def with_outline(self) -> "PlanQuerySet":
        return self.select_related(
            "lead_municipality", "coordinating_unit", "previous_version"
        ).prefetch_related("municipalities")


class Plan(VersionedModel):
    class State(models.TextChoices):
        DRAFT = "draft", _("Draft")
        CONSULTATION = "consultation", _("In consultation")
        AWAITING_DECISION = "awaiting_decision", _("Awaiting decision")
        ADOPTED = "adopted", _("Adopted")
        SUPERSEDED = "superseded", _("Superseded")

    class Form(models.TextChoices):
        SEPARATE = "separate", _("Separate action plan for the promotion of integration")
        PART_OF_OTHER = "part_of_other", _("Part of another municipal planning document")

    class Programme(models.TextChoices):
        NOT_SET = "", _("Not yet decided")
        LINKED = "linked", _("Referred to as a separate document")
        INCORPORATED = "incorporated", _("Incorporated into this plan")

    class Cycle(models.TextChoices):
        YEARLY = "yearly", _("Yearly")
        HALF_YEARLY = "half_yearly", _("Twice a year")
        COUNCIL_TERM = "council_term", _("Once per council term")

    EDITABLE_STATES = (State.DRAFT, State.CONSULTATION)

    lineage = models.UUIDField(_("plan series"), default=uuid.uuid4, editable=False, db_index=True)
    version_number = models.PositiveSmallIntegerField(_("version number"), default=1)
    previous_version = models.OneToOneField(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="next_version"
    )
    municipalities = models.ManyToManyField(
        "geography.Municipality", verbose_name=_("municipalities"), related_name="plans"
    )
    lead_municipality = models.ForeignKey(
        "geography.Municipality",
        verbose_name=_("lead municipality"),
        on_delete=models.PROTECT,
        related_name="led_plans",
    )
    title_fi = models.CharField(_("title in Finnish"), max_length=300, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    languages = models.JSONField(_("plan languages"), default=list, blank=True)
    period_start = models.PositiveSmallIntegerField(_("period starts (year)"))
    period_end = models.PositiveSmallIntegerField(_("period ends (year)"))
    form = models.CharField(
        _("form of the plan"), max_length=20, choices=Form.choices, default=Form.SEPARATE
    )
    host_document_name = models.CharField(
        _("name of the host document"), max_length=300, blank=True
    )
    host_document_url = models.URLField(_("link to the host document"), blank=True)
    host_document_approval = models.CharField(
        _("approval of the host document"),
        max_length=300,
        blank=True,
        help_text=_("Body and date that approved the host document."),
    )
    mainstreaming_fi = models.TextField(
        _("mainstreaming into municipal strategy (Finnish)"), blank=True
    )
    mainstreaming_sv = models.TextField(
        _("mainstreaming into municipal strategy (Swedish)"), blank=True
    )
    mainstreaming_en = models.TextField(
        _("mainstreaming into municipal strategy (English)"), blank=True
    )
    coordinating_unit = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("coordinating authority"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="coordinated_plans",
    )
    coordinating_authority = models.CharField(
        _("coordinating authority (as named in the plan)"), max_length=300, blank=True
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=40, blank=True)
    programme_mode = models.CharField(
        _("integration programme"), max_length=20, choices=Programme.choices, blank=True, default=""
    )
    programme_url = models.URLField(_("link to the integration programme"), blank=True)
    programme_note = models.TextField(_("note on the integration programme"), blank=True)
    county_coordination = models.TextField(
        _("coordination with the wellbeing services county"), blank=True
    )
    employment_area_coordination = models.TextField(
        _("coordination with the employment area"), blank=True
    )
    covers_all_immigrants = models.BooleanField(
        _("covers all immigrants living in the municipality"), default=True
    )
    covers_good_relations = models.BooleanField(
        _("covers good relations between population groups"), default=True
    )
    situation_quantitative_fi = models.TextField(
        _("situation picture: figures (Finnish)"), blank=True
    )
    situation_quantitative_sv = models.TextField(
        _("situation picture: figures (Swedish)"), blank=True
    )
    situation_quantitative_en = models.TextField(
        _("situation picture: figures (English)"), blank=True
    )
    situation_qualitative_fi = models.TextField(
        _("situation picture: needs and views (Finnish)"), blank=True
    )
    situation_qualitative_sv = models.TextField(
        _("situation picture: needs and views (Swedish)"), blank=True
    )
    situation_qualitative_en = models.TextField(
        _("situation picture: needs and views (English)"), blank=True
    )
    theme_justifications = models.JSONField(
        _("justifications for statutory themes left out"),
        default=dict,
        blank=True,
        help_text=_("Theme code → written reason why the plan sets no objective under it."),
    )
    has_cooperation_group = models.BooleanField(_("a cooperation group exists"), default=False)
    cooperation_group_note = models.TextField(
        _("cooperation group"),
        blank=True,
        help_text=_("Where the cooperation group is, or why none is needed."),
    )
    authority_contacted_on = models.DateField(
        _("regional authority's immigration contact person contacted on"), null=True, blank=True
    )
    participation_evidence = models.TextField(
        _("participation of immigrants and organisations"),
        blank=True,
        help_text=_("How immigrants and organisations took part in the planning, and when."),
    )
    monitoring_cycle = models.CharField(
        _("monitoring cycle"), max_length=20, choices=Cycle.choices, default=Cycle.YEARLY
    )
    monitoring_description = models.TextField(_("monitoring and reporting route"), blank=True)
    state = models.CharField(
        _("state"), max_length=20, choices=State.choices, default=State.DRAFT, db_index=True
    )
    decision_body = models.CharField(_("deciding body"), max_length=200, blank=True)
    decision_date = models.DateField(_("decision date"), null=True, blank=True)
    decision_reference = models.CharField(_("minutes reference"), max_length=200, blank=True)
    decision_url = models.URLField(_("link to the minutes"), blank=True)

    objects = PlanQuerySet.as_manager()

    class Meta:
        ordering = ["lead_municipality__name_fi", "-period_start", "-version_number"]
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        constraints = [
            models.CheckConstraint(
                condition=Q(period_end__gte=models.F("period_start")), name="plan_period_order"
            ),
            models.UniqueConstraint(
                fields=["lineage", "version_number"], name="plan_unique_version_in_series"
            ),
            models.CheckConstraint(
                condition=~Q(state="adopted") | Q(decision_date__isnull=False),
                name="plan_adopted_has_decision_date",
            ),
        ]

    def __str__(self) -> str:
        return self.title_fi or self.title_sv or self.title_en or f"Plan {self.pk}"

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    @property
    def is_joint(self) -> bool:
        return self.municipalities.count() > 1

    def get_additional_data(self) -> dict:
        return {"plan_id": self.pk}


class TargetGroup(VersionedModel):
    """A named group of immigrants that objectives can address (none chosen = all immigrants)."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="target_groups")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name_fi = models.CharField(_("name in Finnish"), max_length=200, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=200, blank=True)
    name_en = models.CharField(_("name in English"), max_length=200, blank=True)
    description = models.TextField(_("description"), blank=True)

    class Meta:
        ordering = ["name_fi", "pk"]
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")

    def __str__(self) -> str:
        return self.name_fi or self.name_sv or self.name_en

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}


class Milestone(VersionedModel):
    """A step of the planning timetable, such as a political decision point."""

    class Kind(models.TextChoices):
        PLANNING = "planning", _("Planning step")
        CONSULTATION = "consultation", _("Consultation")
        DECISION = "decision", _("Decision point")
        MONITORING = "monitoring", _("Monitoring report")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="milestones")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLANNING)
    title_fi = models.CharField(_("title in Finnish"), max_length=300, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    due_date = models.DateField(_("date"))
    body = models.CharField(_("deciding or handling body"), max_length=200, blank=True)
    done = models.BooleanField(_("done"), default=False)

    class Meta:
        ordering = ["due_date", "pk"]
        verbose_name = _("timetable step")
        verbose_name_plural = _("timetable steps")

    def __str__(self) -> str:
        return self.title_fi or self.title_sv or self.title_en

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}


class Objective(VersionedModel):
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="objectives")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    theme = models.ForeignKey(
        Theme, verbose_name=_("theme"), on_delete=models.PROTECT, related_name="objectives"
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title in Finnish"), max_length=300, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    target_groups = models.ManyToManyField(
        TargetGroup,
        verbose_name=_("target groups"),
        blank=True,
        related_name="objectives",
        help_text=_("Leave empty when the objective concerns all immigrants."),
    )

    class Meta:
        ordering = ["theme__order", "order", "pk"]
        verbose_name = _("objective")
        verbose_name_plural = _("objectives")

    def __str__(self) -> str:
        return self.title_fi or self.title_sv or self.title_en

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}


class Measure(VersionedModel):
    class Status(models.TextChoices):
        PLANNED = "planned", _("Planned")
        ONGOING = "ongoing", _("Ongoing")
        DELAYED = "delayed", _("Delayed")
        DONE = "done", _("Done")
        CANCELLED = "cancelled", _("Cancelled")

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="measures")
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title_fi = models.CharField(_("title in Finnish"), max_length=300, blank=True)
    title_sv = models.CharField(_("title in Swedish"), max_length=300, blank=True)
    title_en = models.CharField(_("title in English"), max_length=300, blank=True)
    description_fi = models.TextField(_("description in Finnish"), blank=True)
    description_sv = models.TextField(_("description in Swedish"), blank=True)
    description_en = models.TextField(_("description in English"), blank=True)
    responsible_organisation = models.ForeignKey(
        "accounts.Organisation",
        verbose_name=_("responsible party"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="owned_measures",
    )
    responsible_unit = models.CharField(_("responsible unit"), max_length=200, blank=True)
    responsible_contact = models.CharField(_("contact person"), max_length=200, blank=True)
    partners = models.ManyToManyField(
        "accounts.Organisation",
        verbose_name=_("cooperation partners"),
        blank=True,
        related_name="partner_measures",
    )
    schedule_start = models.DateField(_("starts"), null=True, blank=True)
    schedule_end = models.DateField(_("ends"), null=True, blank=True)
    schedule_note = models.CharField(_("schedule note"), max_length=200, blank=True)
    resources = models.TextField(_("resources"), blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.PLANNED
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("measure")
        verbose_name_plural = _("measures")
        constraints = [
            models.CheckConstraint(
                condition=Q(schedule_end__isnull=True)
                | Q(schedule_start__isnull=True)
                | Q(schedule_end__gte=models.F("schedule_start")),
                name="measure_schedule_order",
            ),
        ]

    def __str__(self) -> str:
        return self.title_fi or self.title_sv or self.title_en

    def get_additional_data(self) -> dict:
        return {"plan_id": self.objective.plan_id}


class Indicator(VersionedModel):
    class Source(models.TextChoices):
        MANUAL = "manual", _("Entered by hand")
        STATFIN = "statfin", _("Statistics Finland (StatFin)")
        SOTKANET = "sotkanet", _("THL Sotkanet")
        OTHER = "other", _("Other statistical source")

    class Direction(models.TextChoices):
        INCREASE = "increase", _("Higher is better")
        DECREASE = "decrease", _("Lower is better")
        MAINTAIN = "maintain", _("Keep at the level")

    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="indicators")
    measure = models.ForeignKey(
        Measure,
        verbose_name=_("measure"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="indicators",
    )
    key = models.UUIDField(default=uuid.uuid4, editable=False)
    name_fi = models.CharField(_("name in Finnish"), max_length=300, blank=True)
    name_sv = models.CharField(_("name in Swedish"), max_length=300, blank=True)
    name_en = models.CharField(_("name in English"), max_length=300, blank=True)
    unit = models.CharField(_("unit"), max_length=60)
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
    direction = models.CharField(
        _("desired direction"), max_length=20, choices=Direction.choices, default=Direction.INCREASE
    )

    class Meta:
        ordering = ["pk"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")
        constraints = [
            models.CheckConstraint(
                condition=Q(target_year__isnull=True)
                | Q(baseline_year__isnull=True)
                | Q(target_year__gte=models.F("baseline_year")),
                name="indicator_target_after_baseline",
            ),
        ]

    def __str__(self) -> str:
        return self.name_fi or self.name_sv or self.name_en

    def get_additional_data(self) -> dict:
        return {"plan_id": self.objective.plan_id}
