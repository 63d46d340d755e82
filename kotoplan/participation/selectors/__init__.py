"""Reads for participation: the only way views load consultations and events, the evidence of
participation the readiness check reads, the public page in one language, and what a
consultation brought in (feedback by theme, participants, question results for charts)."""

from dataclasses import dataclass, field, replace
from datetime import timedelta
from operator import attrgetter

from django.db.models import Count, Prefetch, QuerySet
from django.http import Http404
from django.utils import timezone

from kotoplan.core.languages import content_languages, direction, language_name
from kotoplan.core.permissions import can, scope
from kotoplan.core.text import Text, requested_language, text_of
from kotoplan.planning.models import Measure, Objective, Plan
from kotoplan.planning.selectors import ThemeSection, plan_get_for_user

from ..models import (
    CONSULTABLE_STATES,
    PLAIN_FINNISH,
    Comment,
    Consultation,
    ConsultationLanguage,
    ParticipationEvent,
    Question,
    QuestionOption,
    ResponseItem,
)
from .languages import InterfaceLanguage, interface_language, interface_languages
from .results import CHART_WIDTH as CHART_WIDTH
from .results import ROW_HEIGHT as ROW_HEIGHT
from .results import Bar as Bar
from .results import Chart as Chart
from .results import CommentGroup as CommentGroup
from .results import QuestionResult as QuestionResult
from .results import Results as Results
from .results import chart as chart
from .results import comment_page_number as comment_page_number
from .results import consultation_results as consultation_results
from .snapshot import draft_snapshot_of as draft_snapshot_of
from .snapshot import live_outline, snapshot_outline

# --- doors for the coordinator's pages --------------------------------------------------------


def plan_get_for_manager(*, user, plan_id: int) -> Plan:
    """A plan whose participation the user manages; anything else is a 404."""
    plan = plan_get_for_user(user=user, plan_id=plan_id)
    if not can(user, "participation.manage", plan):
        raise Http404
    return plan


def _managed_get(model, *, user, pk: int, plan_path: str):
    """A row of a plan whose participation the user manages; missing and forbidden look alike."""
    obj = model.objects.select_related(plan_path).filter(pk=pk).first()
    plan = attrgetter(plan_path.replace("__", "."))(obj) if obj else None
    if plan is None or not can(user, "participation.manage", plan):
        raise Http404
    return obj


def consultation_get_for_user(*, user, consultation_id: int) -> Consultation:
    return _managed_get(Consultation, user=user, pk=consultation_id, plan_path="plan")


def comment_get_for_user(*, user, comment_id: int) -> Comment:
    return _managed_get(Comment, user=user, pk=comment_id, plan_path="consultation__plan")


def language_get_for_user(*, user, language_id: int) -> ConsultationLanguage:
    return _managed_get(
        ConsultationLanguage, user=user, pk=language_id, plan_path="consultation__plan"
    )


def response_item_get_for_user(*, user, response_item_id: int) -> ResponseItem:
    return _managed_get(
        ResponseItem, user=user, pk=response_item_id, plan_path="consultation__plan"
    )


def event_get_for_user(*, user, event_id: int) -> ParticipationEvent:
    return _managed_get(ParticipationEvent, user=user, pk=event_id, plan_path="plan")


def consultations_for_plan(*, plan: Plan) -> QuerySet[Consultation]:
    return (
        Consultation.objects.filter(plan=plan)
        .annotate(
            submission_count=Count("submissions", distinct=True),
            response_count=Count("response_items", distinct=True),
        )
        .order_by("-opens_at", "pk")
    )


def is_consultable(plan: Plan) -> bool:
    """Whether a consultation can be opened on the plan (it can still change)."""
    return plan.state in CONSULTABLE_STATES


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


# --- lists: the front door and the coordinator's home page ----------------------------------


def open_consultations(*, municipalities: QuerySet | None = None) -> QuerySet[Consultation]:
    """Consultations open to anyone now, closing soonest first; of the given municipalities'
    plans when `municipalities` is given."""
    now = timezone.now()
    found = Consultation.objects.filter(opens_at__lte=now, closes_at__gt=now)
    if municipalities is not None:
        found = found.filter(plan__municipalities__in=municipalities).distinct()
    return found.select_related("plan__lead_municipality").order_by("closes_at", "pk")


def consultations_run_by(*, user, closed_within_days: int = 60) -> QuerySet[Consultation]:
    """Consultations on the plans the user coordinates: upcoming, open, and those closed lately
    (their response report is the next job), soonest deadline first."""
    plans = scope(user, "planning.change_plan", Plan.objects.all()).values("pk")
    since = timezone.now() - timedelta(days=closed_within_days)
    return (
        Consultation.objects.filter(plan__in=plans, closes_at__gte=since)
        .select_related("plan")
        .annotate(submission_count=Count("submissions", distinct=True))
        .order_by("closes_at", "pk")
    )


# --- the public page ---------------------------------------------------------------------------

# A further language without an interface catalogue shows labels and buttons in English.
FURTHER_UI_LANGUAGE = "en"


def consultation_get_public(*, slug: str) -> Consultation:
    """A consultation anyone may read: it has opened (open or closed)."""
    consultation = (
        Consultation.objects.select_related("plan").prefetch_related("languages").filter(slug=slug)
    ).first()
    if consultation is None or consultation.status() == Consultation.Status.UPCOMING:
        raise Http404
    return consultation


@dataclass(frozen=True)
class PageLanguage:
    code: str  # as in ?lang=: fi, sv, en, selko or a further language code
    name: str
    html_lang: str  # the language of the page's texts (its lang attribute)
    further: bool = False  # a language the municipality added for this consultation
    interface: InterfaceLanguage | None = None  # the interface catalogue, if there is one

    @property
    def ui_lang(self) -> str:
        """The Django language activated for labels and buttons."""
        return self.interface.locale if self.interface else FURTHER_UI_LANGUAGE

    @property
    def ui_html_lang(self) -> str:
        return self.interface.html_lang if self.interface else FURTHER_UI_LANGUAGE

    @property
    def ui_foreign(self) -> bool:
        """The interface is in another language than the page (a language with no catalogue)."""
        return self.ui_html_lang != self.html_lang

    @property
    def dir(self) -> str:
        return direction(self.html_lang)

    @property
    def ui_dir(self) -> str:
        return direction(self.ui_html_lang)


def _page_language(code: str, name: str, *, further: bool = False) -> PageLanguage:
    interface = interface_language(code)
    html_lang = interface.html_lang if interface else code
    return PageLanguage(code, name, html_lang, further=further, interface=interface)


def page_languages(consultation: Consultation) -> list[PageLanguage]:
    """The content languages, plain-language Finnish and the further languages provided."""
    builtin = [_page_language(code, language_name(code)) for code in content_languages()]
    plain = _page_language(PLAIN_FINNISH, "selkosuomi")
    further = [
        _page_language(lang.code, lang.name, further=True) for lang in consultation.languages.all()
    ]
    return [*builtin, plain, *further]


def page_language(request, consultation: Consultation) -> tuple[PageLanguage, list[PageLanguage]]:
    """The language of `?lang=` (else the interface language), and all the page offers."""
    languages = page_languages(consultation)
    by_code = {language.code: language for language in languages}
    return by_code[requested_language(request, list(by_code))], languages


def not_found_language(request) -> tuple[PageLanguage, list[PageLanguage]]:
    """For a consultation that does not exist (yet): the page in any interface language."""
    languages = [_page_language(code, lang.name) for code, lang in interface_languages().items()]
    by_code = {language.code: language for language in languages}
    return by_code[requested_language(request, list(by_code))], languages


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
        # Which of the plan's own languages to try first: English for a further language.
        if self.further:
            self.base = FURTHER_UI_LANGUAGE
        else:
            self.base = language.code if language.code in content_languages() else "fi"

    def _own(self, text: str) -> Text:
        return Text(text, self.language.html_lang, self.language.html_lang)

    def _stored(self, obj, field_name: str) -> Text:
        """The stored text, marked as a fallback unless it is in the page's language."""
        return replace(text_of(obj, field_name, self.base), wanted=self.language.html_lang)

    def field(self, obj, field_name: str, key: str = "") -> Text:
        if key and self.translations.get(key):
            return self._own(self.translations[key])
        return self._stored(obj, field_name)

    def title(self) -> Text:
        if self.translations.get("title"):
            return self._own(self.translations["title"])
        own = self._stored(self.consultation, "title")
        return own if own else self._stored(self.consultation.plan, "title")

    def intro(self) -> Text:
        if self.language.code == PLAIN_FINNISH and self.consultation.intro_plain_fi.strip():
            return self._own(self.consultation.intro_plain_fi)
        if self.further and self.further.intro.strip():
            return self._own(self.further.intro)
        return self._stored(self.consultation, "intro")

    def question(self, question: Question) -> Text:
        if self.language.code == PLAIN_FINNISH and question.text_plain_fi.strip():
            return self._own(question.text_plain_fi)
        return self.field(question, "text", f"question:{question.pk}")

    def option(self, option: QuestionOption) -> Text:
        return self.field(option, "label", f"option:{option.pk}")

    def objective(self, objective) -> Text:
        return self.field(objective, "title", f"objective:{objective.pk}")

    def measure(self, measure) -> Text:
        return self.field(measure, "title", f"measure:{measure.pk}")


def consultation_outline(*, consultation: Consultation) -> list[ThemeSection]:
    """The draft consulted on: as it was when the consultation opened (once that moment is
    recorded), else the plan as it stands; the whole plan, or only the chosen objectives."""
    if consultation.draft_snapshot:
        return snapshot_outline(consultation.draft_snapshot)
    return live_outline(consultation)


def live_targets(targets: dict[str, object]) -> dict[str, object]:
    """The parts a comment can be attached to, as the plan's own rows: a part of the snapshot
    that was removed from the plan since can no longer be commented on."""
    wanted = {"objective": set(), "measure": set()}
    for value in targets:
        kind, _, pk = value.partition("-")
        wanted[kind].add(int(pk))
    found = {
        **{f"objective-{o.pk}": o for o in Objective.objects.filter(pk__in=wanted["objective"])},
        **{
            f"measure-{m.pk}": m
            for m in Measure.objects.filter(pk__in=wanted["measure"]).select_related("objective")
        },
    }
    return {value: found[value] for value in targets if value in found}


def published_responses(*, consultation: Consultation) -> QuerySet[ResponseItem]:
    return consultation.response_items.prefetch_related(
        Prefetch(
            "comments",
            queryset=Comment.objects.filter(hidden=False).select_related("objective", "measure"),
        )
    )
