"""The decision trail of a plan: each handling of the plan by a municipal body, as the minutes
record it (body, date, section, case number, outcome and a link to the minutes)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from .parts import PlanPart
from .plan import Plan
from .texts import web_address


class DecisionStep(PlanPart):
    """One handling of the plan by a body (a committee or division, the municipal board, the
    council or another body), in the order the plan passed them."""

    class BodyKind(models.TextChoices):
        COMMITTEE = "committee", _("Committee or division")
        BOARD = "board", _("Municipal board")
        COUNCIL = "council", _("Council")
        OTHER = "other", _("Other body")

    class Outcome(models.TextChoices):
        PROPOSED = "proposed", _("Proposed for approval")
        APPROVED = "approved", _("Approved")
        RETURNED = "returned", _("Returned for further preparation")
        TABLED = "tabled", _("Tabled")
        NOTED = "noted", _("Noted")
        REJECTED = "rejected", _("Rejected")

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="decision_steps")
    body_kind = models.CharField(
        _("kind of body"), max_length=20, choices=BodyKind.choices, default=BodyKind.COUNCIL
    )
    body_name = models.CharField(
        _("body"),
        max_length=200,
        help_text=_("As the minutes name it, e.g. Sivistyslautakunta or Kaupunginhallitus."),
    )
    decided_on = models.DateField(_("meeting date"))
    section = models.CharField(
        _("section (§)"), max_length=200, blank=True, help_text=_("For example § 45.")
    )
    case_number = models.CharField(
        _("case number"),
        max_length=100,
        blank=True,
        help_text=_("The record number (diaarinumero), e.g. TRE:1234/00.01.02/2025."),
    )
    outcome = models.CharField(
        _("decision"), max_length=20, choices=Outcome.choices, default=Outcome.APPROVED
    )
    minutes_url = models.URLField(
        _("link to the minutes"), blank=True, max_length=500, validators=[web_address]
    )
    order = models.PositiveSmallIntegerField(
        _("order"), default=0, help_text=_("Orders steps taken on the same day.")
    )

    named_by = "body_name"

    class Meta:
        ordering = ["decided_on", "order", "pk"]
        verbose_name = _("decision step")
        verbose_name_plural = _("decision steps")

    def __str__(self) -> str:
        return f"{self.body_name} {self.decided_on:%d.%m.%Y}" if self.decided_on else self.body_name

    def clean(self) -> None:
        if not (self.body_name or "").strip():
            raise ValidationError({"body_name": _("Name the body as the minutes name it.")})

    @staticmethod
    def open_in(plan: Plan) -> bool:
        """Steps are recorded while the plan is prepared and while it awaits its decisions."""
        return plan.state in Plan.DECISION_STATES


class LinkedDocument(PlanPart):
    """A document of the plan kept elsewhere and linked to it: the adopted plan as a PDF, the
    minutes of a decision, an appendix. A plan may link any number of them, in its order."""

    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="linked_documents")
    title = models.CharField(
        _("document title"),
        max_length=300,
        help_text=_("The name readers see, e.g. Kotouttamisohjelma 2018–2021 (PDF)."),
    )
    url = models.URLField(
        _("web address of the document"),
        max_length=500,
        validators=[web_address],
        help_text=_("Starts with https:// or http://, e.g. the PDF on the municipality's site."),
    )
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    named_by = "title"

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("linked document")
        verbose_name_plural = _("linked documents")

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if not (self.title or "").strip():
            raise ValidationError({"title": _("Give the document a title.")})

    @staticmethod
    def open_in(plan: Plan) -> bool:
        """Links to where the plan's documents can be read are kept up to date in every state:
        an adopted plan and a historical record get theirs after the decision."""
        return True
