"""Reads for participation: the only way views load consultations and events, the public view of a
consultation in one language, and the evidence of participation the readiness check reads."""

from dataclasses import dataclass, field

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404

from kotoplan.core.models import translated
from kotoplan.core.permissions import can
from kotoplan.planning.models import Plan
from kotoplan.planning.selectors import ThemeSection, plan_get_for_user, plan_outline

from .models import (
    Comment,
    Consultation,
    ConsultationLanguage,
    ParticipationEvent,
    Question,
    QuestionOption,
    ResponseItem,
    direction_of,
)

# --- doors for the coordinator's pages --------------------------------------------------------


def plan_get_for_manager(*, user, plan_id: int) -> Plan:
    """A plan whose participation the user manages; anything else is a 404."""
    plan = plan_get_for_user(user=user, plan_id=plan_id)
    if not can(user, "participation.manage", plan):
        raise Http404
    return plan


def consultation_get_for_user(*, user, pk: int) -> Consultation:
    consultation = Consultation.objects.select_related("plan").filter(pk=pk).first()
    if consultation is None or not can(user, "participation.manage", consultation.plan):
        raise Http404
    return consultation


def _owned_get(model, *, user, pk: int, path: str):
    obj = model.objects.select_related(path).filter(pk=pk).first()
    if obj is None:
        raise Http404
    plan = obj
    for part in path.split("__"):
        plan = getattr(plan, part)
    if not can(user, "participation.manage", plan):
        raise Http404
    return obj


def comment_get_for_user(*, user, pk: int) -> Comment:
    return _owned_get(Comment, user=user, pk=pk, path="consultation__plan")


def language_get_for_user(*, user, pk: int) -> ConsultationLanguage:
    return _owned_get(ConsultationLanguage, user=user, pk=pk, path="consultation__plan")


def response_item_get_for_user(*, user, pk: int) -> ResponseItem:
    return _owned_get(ResponseItem, user=user, pk=pk, path="consultation__plan")


def event_get_for_user(*, user, pk: int) -> ParticipationEvent:
    return _owned_get(ParticipationEvent, user=user, pk=pk, path="plan")


def consultations_for_plan(*, plan: Plan) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(plan=plan)
        .annotate(
            submission_count=Count("submissions", distinct=True),
            response_count=Count("response_items", distinct=True),
        )
        .order_by("-opens_at", "pk")
    )


def questions_of(*, consultation: Consultation) -> QuerySet[Question]:
    return consultation.questions.prefetch_related(
        Prefetch("options", queryset=QuestionOption.objects.order_by("order", "pk"))
    )


# --- evidence for the readiness check ----------------------------------------------------------


@dataclass
class ParticipationEvidence:
    events: list[ParticipationEvent] = field(default_factory=list)
    consultations: list[Consultation] = field(default_factory=list)

    @property
    def exists(self) -> bool:
        return bool(self.events or self.consultations)


def participation_evidence_for_plan(*, plan: Plan) -> ParticipationEvidence:
    """Participation events and consultations held on this plan (with their submission counts)."""
    return ParticipationEvidence(
        events=list(ParticipationEvent.objects.filter(plan=plan).order_by("held_on", "pk")),
        consultations=list(consultations_for_plan(plan=plan)),
    )


# --- the public page ---------------------------------------------------------------------------


def consultation_get_public(*, slug: str) -> Consultation:
    """A consultation anyone may read: it has opened (open or closed)."""
    consultation = (
        Consultation.objects.select_related("plan").prefetch_related("languages").filter(slug=slug)
    ).first()
    if consultation is None or consultation.status() == Consultation.Status.UPCOMING:
        raise Http404
    return consultation


@dataclass(frozen=True)
class Text:
    """A text to show, with its own language and direction; `fallback` when it is not in the
    language the reader chose."""

    text: str
    lang: str
    dir: str
    fallback: bool


@dataclass(frozen=True)
class PageLanguage:
    code: str  # as in ?lang=: fi, sv, en, selko or a further language code
    name: str
    html_lang: str
    dir: str
    ui_lang: str  # the interface language for labels and buttons


def page_languages(consultation: Consultation) -> list[PageLanguage]:
    """Finnish, Swedish, English, plain-language Finnish and the further languages provided."""
    builtin = [
        PageLanguage("fi", "suomi", "fi", "ltr", "fi"),
        PageLanguage("sv", "svenska", "sv", "ltr", "sv"),
        PageLanguage("en", "English", "en", "ltr", "en"),
        PageLanguage("selko", "selkosuomi", "fi", "ltr", "fi"),
    ]
    further = [
        PageLanguage(lang.code, lang.name, lang.code, lang.direction, "en")
        for lang in consultation.languages.all()
    ]
    return builtin + further


class Reader:
    """The consultation and its draft in one language, with marked fallbacks."""

    def __init__(self, consultation: Consultation, language: PageLanguage):
        self.consultation = consultation
        self.language = language
        self.further = next(
            (lang for lang in consultation.languages.all() if lang.code == language.code), None
        )
        self.translations = (
            dict(self.further.translations.values_list("key", "text")) if self.further else {}
        )
        # Which of the plan's own languages to try first.
        self.base = language.code if language.code in ("fi", "sv", "en") else "fi"
        if self.further:
            self.base = "en"

    def _own(self, text: str) -> Text:
        return Text(text, self.language.html_lang, self.language.dir, False)

    def _stored(self, obj, field_name: str) -> Text:
        text, code = translated(obj, field_name, self.base)
        return Text(text, code, direction_of(code), code != self.language.html_lang)

    def field(self, obj, field_name: str, key: str = "") -> Text:
        if key and self.translations.get(key):
            return self._own(self.translations[key])
        return self._stored(obj, field_name)

    def title(self) -> Text:
        if self.translations.get("title"):
            return self._own(self.translations["title"])
        own = self._stored(self.consultation, "title")
        return own if own.text else self._stored(self.consultation.plan, "title")

    def intro(self) -> Text:
        if self.language.code == "selko" and self.consultation.intro_plain_fi.strip():
            return self._own(self.consultation.intro_plain_fi)
        if self.further and self.further.intro.strip():
            return self._own(self.further.intro)
        return self._stored(self.consultation, "intro")

    def question(self, question: Question) -> Text:
        if self.language.code == "selko" and question.text_plain_fi.strip():
            return self._own(question.text_plain_fi)
        return self.field(question, "text", f"question:{question.pk}")

    def option(self, option: QuestionOption) -> Text:
        return self.field(option, "label", f"option:{option.pk}")

    def objective(self, objective) -> Text:
        return self.field(objective, "title", f"objective:{objective.pk}")

    def measure(self, measure) -> Text:
        return self.field(measure, "title", f"measure:{measure.pk}")


def consultation_outline(*, consultation: Consultation) -> list[ThemeSection]:
    """The draft consulted on: the whole plan, or only the chosen objectives."""
    sections = plan_outline(plan=consultation.plan)
    chosen = set(consultation.objectives.values_list("pk", flat=True))
    if chosen:
        for section in sections:
            section.objectives = [o for o in section.objectives if o.pk in chosen]
    return [section for section in sections if section.objectives]


def published_responses(*, consultation: Consultation) -> QuerySet[ResponseItem]:
    return consultation.response_items.prefetch_related(
        Prefetch(
            "comments",
            queryset=Comment.objects.filter(hidden=False).select_related("objective", "measure"),
        )
    )


def visible_comments(*, consultation: Consultation) -> QuerySet[Comment]:
    return Comment.objects.filter(consultation=consultation, hidden=False)
