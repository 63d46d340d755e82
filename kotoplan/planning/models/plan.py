"""The plan for the promotion of integration, and the statutory themes it is written under."""

import uuid

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import NAME, VersionedModel, in_languages, optional_link, period_order
from kotoplan.core.text import text_of

from .texts import date_order_error, title_fields, validate, web_address

MAINSTREAMING = (
    _("mainstreaming into municipal strategy (Finnish)"),
    _("mainstreaming into municipal strategy (Swedish)"),
    _("mainstreaming into municipal strategy (English)"),
)
SITUATION_FIGURES = (
    _("situation picture: figures (Finnish)"),
    _("situation picture: figures (Swedish)"),
    _("situation picture: figures (English)"),
)
SITUATION_VIEWS = (
    _("situation picture: needs and views (Finnish)"),
    _("situation picture: needs and views (Swedish)"),
    _("situation picture: needs and views (English)"),
)


class Theme(models.Model):
    """The five statutory themes and "other objectives"; seeded by a migration."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    order = models.PositiveSmallIntegerField(_("order"))
    statutory = models.BooleanField(_("statutory"), default=True)
    name_fi, name_sv, name_en = in_languages(models.CharField, NAME, max_length=200)

    class Meta:
        ordering = ["order"]
        verbose_name = _("theme")
        verbose_name_plural = _("themes")

    def __str__(self) -> str:
        """The name in the active interface language (forms list themes by it)."""
        return str(text_of(self, "name")) or self.name_en


class PlanQuerySet(models.QuerySet):
    def with_outline(self) -> "PlanQuerySet":
        # not the previous version: a whole second plan row, wanted only by the version compare
        # (which finds it among the versions it lists)
        return self.select_related("lead_municipality", "coordinating_unit").prefetch_related(
            "municipalities"
        )


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

    class LegalBasis(models.TextChoices):
        ACT_2023 = "681/2023", _("Act 681/2023 on the Promotion of Integration (current)")
        ACT_2010 = "1386/2010", _("Act 1386/2010 on the Promotion of Integration (earlier)")

    EDITABLE_STATES = (State.DRAFT, State.CONSULTATION)
    # While the plan is prepared and decided, the steps of its decision trail are recorded.
    DECISION_STATES = (State.DRAFT, State.CONSULTATION, State.AWAITING_DECISION)

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
    title_fi, title_sv, title_en = title_fields()
    languages = models.JSONField(_("plan languages"), default=list, blank=True)
    period_start = models.PositiveSmallIntegerField(_("period starts (year)"))
    period_end = models.PositiveSmallIntegerField(_("period ends (year)"))
    legal_basis = models.CharField(
        _("legal basis"),
        max_length=20,
        choices=LegalBasis.choices,
        default=LegalBasis.ACT_2023,
        help_text=_("The act under which the plan was made."),
    )
    is_historical = models.BooleanField(
        _("historical record"),
        default=False,
        editable=False,
        help_text=_("An earlier adopted plan recorded afterwards; no readiness rules apply."),
    )
    document_url = models.URLField(
        _("link to the plan document"),
        blank=True,
        max_length=500,
        validators=[web_address],
        help_text=_("Where the adopted plan can be read, e.g. the municipality's web page."),
    )
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
    mainstreaming_fi, mainstreaming_sv, mainstreaming_en = in_languages(
        models.TextField, MAINSTREAMING, blank=True
    )
    coordinating_unit = optional_link(
        "accounts.Organisation",
        _("coordinating authority"),
        on_delete=models.PROTECT,
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
    # Answered explicitly: None until someone says yes or no.
    covers_all_immigrants = models.BooleanField(
        _("covers all immigrants living in the municipality"), null=True, blank=True
    )
    covers_good_relations = models.BooleanField(
        _("covers good relations between population groups"), null=True, blank=True
    )
    situation_quantitative_fi, situation_quantitative_sv, situation_quantitative_en = in_languages(
        models.TextField, SITUATION_FIGURES, blank=True
    )
    situation_qualitative_fi, situation_qualitative_sv, situation_qualitative_en = in_languages(
        models.TextField, SITUATION_VIEWS, blank=True
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
            period_order("plan_period_order", "period_start", "period_end"),
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

    def clean(self) -> None:
        validate(
            self,
            named_by="title",
            unnamed_message=_("Give the plan a title in at least one language."),
            errors=date_order_error(
                self.period_start,
                self.period_end,
                "period_end",
                _("The period ends before it starts."),
            ),
        )

    @property
    def is_editable(self) -> bool:
        return self.state in self.EDITABLE_STATES

    def get_additional_data(self) -> dict:
        return {"plan_id": self.pk}
