"""Consultations on a draft plan, the feedback they collect, the response report, and the
participation events (workshops, community meetings, …) that count as evidence of participation.

Feedback is plain text, stored as typed. Nothing is ever deleted: moderation hides a comment with a
reason, and the audit trail keeps what was hidden.
"""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.languages import content_languages, direction
from kotoplan.core.models import (
    TITLE,
    TimeStampedModel,
    VersionedModel,
    first_written,
    in_languages,
    optional_link,
    require_one_language,
)
from kotoplan.planning.models import Plan

COMMENT_MAX_LENGTH = 4000
PLAIN_FINNISH = "selko"  # the page language code of plain-language Finnish (selkosuomi)
# Consultations are held on plans that can still change.
CONSULTABLE_STATES = (Plan.State.DRAFT, Plan.State.CONSULTATION)


def builtin_languages() -> tuple[str, ...]:
    """The languages every consultation offers: the content languages and plain Finnish."""
    return (*content_languages(), PLAIN_FINNISH)


def _in_consultation(related_name: str, on_delete=models.CASCADE) -> models.ForeignKey:
    return models.ForeignKey("Consultation", on_delete=on_delete, related_name=related_name)


class InConsultation:
    """A row of a consultation: its audit entries carry the plan's id."""

    def get_additional_data(self) -> dict:
        return {"plan_id": self.consultation.plan_id}


class Consultation(VersionedModel):
    class Status(models.TextChoices):
        UPCOMING = "upcoming", _("Not open yet")
        OPEN = "open", _("Open")
        CLOSED = "closed", _("Closed")

    plan = models.ForeignKey(
        "planning.Plan", on_delete=models.PROTECT, related_name="consultations"
    )
    slug = models.SlugField(_("address"), max_length=80, unique=True)
    objectives = models.ManyToManyField(
        "planning.Objective",
        verbose_name=_("objectives consulted on"),
        blank=True,
        related_name="consultations",
        help_text=_("Leave empty to consult on the whole plan."),
    )
    title_fi, title_sv, title_en = in_languages(models.CharField, TITLE, max_length=300, blank=True)
    opens_at = models.DateTimeField(_("opens"))
    closes_at = models.DateTimeField(_("closes"))
    intro_fi = models.TextField(_("introduction in Finnish"), blank=True)
    intro_sv = models.TextField(_("introduction in Swedish"), blank=True)
    intro_en = models.TextField(_("introduction in English"), blank=True)
    intro_plain_fi = models.TextField(
        _("introduction in plain-language Finnish (selkosuomi)"), blank=True
    )
    report_intro_fi = models.TextField(_("response report summary in Finnish"), blank=True)
    report_intro_sv = models.TextField(_("response report summary in Swedish"), blank=True)
    report_intro_en = models.TextField(_("response report summary in English"), blank=True)
    report_published_at = models.DateTimeField(
        _("response report published"), null=True, blank=True, editable=False
    )
    # The draft as it was when the consultation opened: what residents read and comment on, so
    # later edits of the plan never change the text under (or after) consultation.
    draft_snapshot = models.JSONField(
        _("draft consulted on"), null=True, blank=True, editable=False
    )
    draft_taken_at = models.DateTimeField(
        _("draft consulted on, as of"), null=True, blank=True, editable=False
    )
    # Personal data retention: when the reply e-mail addresses of the feedback were removed.
    contacts_removed_at = models.DateTimeField(
        _("reply e-mail addresses removed"), null=True, blank=True, editable=False
    )

    class Meta:
        ordering = ["-opens_at", "pk"]
        verbose_name = _("consultation")
        verbose_name_plural = _("consultations")
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")), name="consultation_closes_after"
            ),
        ]

    def __str__(self) -> str:
        return first_written(self, "title") or self.slug

    def clean(self) -> None:
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            raise ValidationError(
                {"closes_at": gettext("The consultation must close after it opens.")}
            )
        require_one_language(
            self, "title", gettext("Give the consultation a title in at least one language.")
        )

    def status(self, now=None) -> str:
        now = now or timezone.now()
        if now < self.opens_at:
            return self.Status.UPCOMING
        if now >= self.closes_at:
            return self.Status.CLOSED
        return self.Status.OPEN

    @property
    def status_label(self) -> str:
        return str(self.Status(self.status()).label)

    @property
    def is_open(self) -> bool:
        return self.status() == self.Status.OPEN

    @property
    def is_closed(self) -> bool:
        return self.status() == self.Status.CLOSED

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}


class ConsultationLanguage(InConsultation, TimeStampedModel):
    """A further language the municipality provides for this consultation."""

    consultation = _in_consultation("languages")
    code = models.CharField(
        _("language code"),
        max_length=12,
        help_text=_("ISO 639-1 code, such as ar, ru, so, uk or fa."),
    )
    name = models.CharField(
        _("name of the language in that language"), max_length=60, help_text=_("E.g. العربية.")
    )
    intro = models.TextField(_("introduction"), blank=True)

    class Meta:
        ordering = ["code"]
        verbose_name = _("consultation language")
        verbose_name_plural = _("consultation languages")
        constraints = [
            models.UniqueConstraint(
                fields=["consultation", "code"], name="consultation_language_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.consultation} · {self.code}"

    @property
    def direction(self) -> str:
        return direction(self.code)


class ContentTranslation(models.Model):
    """A text of the draft or of a question in a further language.

    `key` names what is translated: "objective:<pk>", "measure:<pk>", "question:<pk>" or
    "option:<pk>"; untranslated parts are shown in Finnish or English, marked as such.
    """

    language = models.ForeignKey(
        ConsultationLanguage, on_delete=models.CASCADE, related_name="translations"
    )
    # An internal name (not an edit anyone makes): the change history leaves it out.
    key = models.CharField(max_length=40, editable=False)
    text = models.CharField(_("text"), max_length=500)

    class Meta:
        verbose_name = _("translation of the draft")
        verbose_name_plural = _("translations of the draft")
        constraints = [
            models.UniqueConstraint(fields=["language", "key"], name="translation_key_once"),
        ]

    def __str__(self) -> str:
        return f"{self.language.code}: {self.text[:80]}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.language.consultation.plan_id}


class Question(InConsultation, TimeStampedModel):
    class Kind(models.TextChoices):
        SINGLE = "single", _("Single choice")
        MULTIPLE = "multiple", _("Multiple choice")
        RATING = "rating", _("Rating from 1 to 5")
        TEXT = "text", _("Free text")

    consultation = _in_consultation("questions")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    kind = models.CharField(_("kind"), max_length=10, choices=Kind.choices)
    text_fi = models.CharField(_("question in Finnish"), max_length=500, blank=True)
    text_sv = models.CharField(_("question in Swedish"), max_length=500, blank=True)
    text_en = models.CharField(_("question in English"), max_length=500, blank=True)
    text_plain_fi = models.CharField(
        _("question in plain-language Finnish"), max_length=500, blank=True
    )

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("question")
        verbose_name_plural = _("questions")

    def __str__(self) -> str:
        return first_written(self, "text")

    def clean(self) -> None:
        require_one_language(self, "text", gettext("Write the question in at least one language."))

    @property
    def has_options(self) -> bool:
        return self.kind in (self.Kind.SINGLE, self.Kind.MULTIPLE)


class QuestionOption(models.Model):
    question = models.ForeignKey(Question, on_delete=models.CASCADE, related_name="options")
    order = models.PositiveSmallIntegerField(default=0)
    label_fi = models.CharField(_("option in Finnish"), max_length=300, blank=True)
    label_sv = models.CharField(_("option in Swedish"), max_length=300, blank=True)
    label_en = models.CharField(_("option in English"), max_length=300, blank=True)

    class Meta:
        ordering = ["order", "pk"]

    def __str__(self) -> str:
        return first_written(self, "label")


class Submission(InConsultation, models.Model):
    """One person's visit that sent feedback. Only optional, non-identifying details."""

    class Category(models.TextChoices):
        NOT_GIVEN = "", _("Not told")
        IMMIGRANT = "immigrant_resident", _("Immigrant living in the area")
        ORGANISATION = "organisation", _("Organisation")
        EMPLOYEE = "municipal_employee", _("Municipal employee")
        OTHER = "other", _("Other")

    consultation = _in_consultation("submissions", on_delete=models.PROTECT)
    language = models.CharField(_("language of the page"), max_length=12)
    category = models.CharField(
        _("participant"), max_length=20, choices=Category.choices, blank=True, default=""
    )
    organisation_name = models.CharField(_("organisation"), max_length=200, blank=True)
    email = models.EmailField(
        _("email for a reply"), blank=True, help_text=_("Personal data: never exported.")
    )
    submitted_at = models.DateTimeField(_("sent"), default=timezone.now)

    class Meta:
        ordering = ["submitted_at", "pk"]
        verbose_name = _("feedback submission")
        verbose_name_plural = _("feedback submissions")

    def __str__(self) -> str:
        return f"{self.consultation} #{self.pk}"


class Comment(InConsultation, models.Model):
    """A comment on the whole plan (no objective), an objective or a measure."""

    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="comments")
    consultation = _in_consultation("comments", on_delete=models.PROTECT)
    objective = optional_link("planning.Objective")
    measure = optional_link("planning.Measure")
    text = models.TextField(_("comment"), validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)])
    hidden = models.BooleanField(_("hidden"), default=False)
    hidden_reason = models.CharField(_("reason for hiding"), max_length=300, blank=True)
    hidden_at = models.DateTimeField(_("hidden at"), null=True, blank=True)
    hidden_by = optional_link(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)

    class Meta:
        ordering = ["pk"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        constraints = [
            models.CheckConstraint(
                condition=Q(hidden=False) | ~Q(hidden_reason=""), name="comment_hidden_has_reason"
            ),
        ]

    def __str__(self) -> str:
        return self.text[:60]


class Answer(models.Model):
    submission = models.ForeignKey(Submission, on_delete=models.PROTECT, related_name="answers")
    question = models.ForeignKey(Question, on_delete=models.PROTECT, related_name="answers")
    options = models.ManyToManyField(QuestionOption, blank=True, related_name="answers")
    rating = models.PositiveSmallIntegerField(
        null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(5)]
    )
    text = models.TextField(blank=True, validators=[MaxLengthValidator(COMMENT_MAX_LENGTH)])

    class Meta:
        ordering = ["pk"]

    def __str__(self) -> str:
        return f"{self.question} #{self.pk}"


class ResponseItem(InConsultation, VersionedModel):
    """How one comment, or a cluster of similar comments, was taken into account."""

    class Outcome(models.TextChoices):
        ADOPTED = "adopted", _("Taken into the plan")
        PARTLY = "partly", _("Partly taken into the plan")
        ALREADY = "already", _("Already in the plan")
        NOT_ADOPTED = "not_adopted", _("Not taken into the plan")
        ELSEWHERE = "elsewhere", _("Passed on to another body")

    consultation = _in_consultation("response_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    comments = models.ManyToManyField(
        Comment, verbose_name=_("feedback answered"), blank=True, related_name="responses"
    )
    summary_fi = models.TextField(_("feedback in short (Finnish)"), blank=True)
    summary_sv = models.TextField(_("feedback in short (Swedish)"), blank=True)
    summary_en = models.TextField(_("feedback in short (English)"), blank=True)
    outcome = models.CharField(_("outcome"), max_length=20, choices=Outcome.choices)
    response_fi = models.TextField(_("how it was taken into account (Finnish)"), blank=True)
    response_sv = models.TextField(_("how it was taken into account (Swedish)"), blank=True)
    response_en = models.TextField(_("how it was taken into account (English)"), blank=True)

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("response")
        verbose_name_plural = _("responses")

    def __str__(self) -> str:
        return first_written(self, "summary")

    def clean(self) -> None:
        require_one_language(
            self, "response", gettext("Write the response in at least one language.")
        )


class ParticipationEvent(VersionedModel):
    class Kind(models.TextChoices):
        WORKSHOP = "workshop", _("Workshop")
        COMMUNITY = "community_meeting", _("Meeting with a community")
        SCHOOL = "school_visit", _("School or course visit")
        INFO = "information_event", _("Information event")
        OTHER = "other", _("Other")

    plan = models.ForeignKey(
        "planning.Plan", on_delete=models.PROTECT, related_name="participation_events"
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    held_on = models.DateField(_("date"))
    audience = models.CharField(_("audience"), max_length=300)
    languages = models.CharField(
        _("languages used"), max_length=200, help_text=_("For example: Finnish, Arabic, Somali.")
    )
    participants = models.PositiveIntegerField(_("number of participants"))
    summary = models.TextField(_("summary"))

    class Meta:
        ordering = ["-held_on", "pk"]
        verbose_name = _("participation event")
        verbose_name_plural = _("participation events")

    def __str__(self) -> str:
        return f"{self.get_kind_display()} {self.held_on.isoformat()}"

    def get_additional_data(self) -> dict:
        return {"plan_id": self.plan_id}
