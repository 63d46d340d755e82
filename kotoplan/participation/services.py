"""Writes for participation. Invariants every function here keeps:

- coordinators (rule "participation.manage" on the plan) run consultations and record events;
  the public sends feedback without an account, only while the consultation is open;
- feedback is plain text within COMMENT_MAX_LENGTH; the only personal data is an optional email,
  asked for only when a reply is wanted, never exported, and removed after the retention time
  (`feedback_contacts_purge`);
- moderation hides a comment with a reason; nothing is deleted, and the audit trail keeps it;
- every change runs in a transaction inside `acting_as(actor)` so auditlog names the actor;
- public feedback is rate limited per client (`feedback_throttle`), on Django's cache.
"""

import re
import secrets
from datetime import timedelta

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import salted_hmac
from django.utils.text import slugify
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as, save_changes, save_new, save_version
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require
from kotoplan.core.services import belonging
from kotoplan.core.views import client_address
from kotoplan.planning.models import Measure, Objective, Plan

from .models import (
    CONSULTABLE_STATES,
    Answer,
    Comment,
    Consultation,
    ConsultationLanguage,
    ContentTranslation,
    ParticipationEvent,
    Question,
    QuestionOption,
    ResponseItem,
    Submission,
)
from .selectors import draft_snapshot_of


def _unique_slug(plan: Plan) -> str:
    base = slugify(plan.lead_municipality.name_fi)[:40] or "kuuleminen"
    return f"{base}-{plan.period_start}-{secrets.token_hex(3)}"


def _of_plan(plan: Plan, objectives) -> list[Objective]:
    return belonging(
        objectives, to=plan, by="plan_id", message=_("The objectives must belong to this plan.")
    )


@transaction.atomic
def consultation_create(
    *, actor, plan: Plan, data: dict, objectives: list[Objective] | None = None
) -> Consultation:
    require(actor, "participation.manage", plan)
    if plan.state not in CONSULTABLE_STATES:
        raise DomainError(_("Consultations are held on draft plans only."))
    objectives = _of_plan(plan, objectives)
    consultation = Consultation(plan=plan, slug=data.pop("slug", "") or _unique_slug(plan), **data)
    save_new(actor=actor, obj=consultation, objectives=objectives)
    draft_snapshot_take(consultation=consultation)
    return consultation


@transaction.atomic
def consultation_update(
    *,
    actor,
    consultation: Consultation,
    expected_version: int,
    data: dict,
    objectives: list[Objective] | None = None,
) -> Consultation:
    require(actor, "participation.manage", consultation.plan)
    m2m = {} if objectives is None else {"objectives": _of_plan(consultation.plan, objectives)}
    saved = save_version(
        actor=actor, obj=consultation, expected_version=expected_version, changes=data, m2m=m2m
    )
    draft_snapshot_take(consultation=saved)
    return saved


def draft_snapshot_take(*, consultation: Consultation) -> bool:
    """Record the draft as it is now, once the consultation has opened and if not done yet:
    residents then read and comment on that text, whatever is edited in the plan later.
    Returns whether the snapshot was taken now."""
    with transaction.atomic():
        locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
        if locked.draft_taken_at is not None or locked.status() == Consultation.Status.UPCOMING:
            return False
        locked.draft_snapshot = draft_snapshot_of(consultation=locked)
        locked.draft_taken_at = timezone.now()
        with acting_as(None):
            locked.save(update_fields=["draft_snapshot", "draft_taken_at"])
    consultation.draft_snapshot, consultation.draft_taken_at = (
        locked.draft_snapshot,
        locked.draft_taken_at,
    )
    return True


def feedback_contacts_purge(*, older_than_days: int | None = None) -> int:
    """Remove the reply e-mail addresses of feedback to consultations that closed more than
    KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS (or `older_than_days`) ago: they were asked for only
    to answer the person, and the answer is due by then. Each consultation records when it was
    done (in the audit trail as a change of the consultation, without any address). Returns how
    many addresses were removed."""
    days = (
        settings.KOTOPLAN_FEEDBACK_CONTACT_RETENTION_DAYS
        if older_than_days is None
        else older_than_days
    )
    now = timezone.now()
    due = Consultation.objects.filter(
        closes_at__lt=now - timedelta(days=days), contacts_removed_at__isnull=True
    ).values_list("pk", flat=True)
    removed = 0
    for pk in list(due):
        with transaction.atomic():
            locked = Consultation.objects.select_for_update().get(pk=pk)
            if locked.contacts_removed_at is not None:
                continue
            removed += locked.submissions.exclude(email="").update(email="")
            locked.contacts_removed_at = now
            with acting_as(None):
                locked.save(update_fields=["contacts_removed_at"])
    return removed


def _translation_keys(consultation: Consultation) -> set[str]:
    keys = {"title"}
    keys |= {f"objective:{pk}" for pk in consultation.plan.objectives.values_list("pk", flat=True)}
    keys |= {
        f"measure:{pk}"
        for pk in Measure.objects.filter(objective__plan=consultation.plan).values_list(
            "pk", flat=True
        )
    }
    for question in consultation.questions.prefetch_related("options"):
        keys.add(f"question:{question.pk}")
        keys |= {f"option:{option.pk}" for option in question.options.all()}
    return keys


@transaction.atomic
def language_save(
    *,
    actor,
    consultation: Consultation,
    code: str,
    name: str,
    intro: str,
    texts: dict[str, str],
    language: ConsultationLanguage | None = None,
) -> ConsultationLanguage:
    """Add or update a further language with its introduction and translated titles and
    questions; an empty text removes that translation (the page then shows the fallback)."""
    require(actor, "participation.manage", consultation.plan)
    unknown = set(texts) - _translation_keys(consultation)
    if unknown:
        raise DomainError(_("Unknown parts to translate: %(keys)s") % {"keys": sorted(unknown)})
    language = language or ConsultationLanguage(consultation=consultation)
    language.code, language.name, language.intro = code.strip().lower(), name.strip(), intro
    with acting_as(actor):
        language.full_clean()
        language.save()
        for key, text in texts.items():
            text = text.strip()
            existing = ContentTranslation.objects.filter(language=language, key=key).first()
            if existing and not text:
                existing.delete()
            elif existing and existing.text != text:
                existing.text = text
                existing.save()
            elif not existing and text:
                ContentTranslation.objects.create(language=language, key=key, text=text)
    return language


@transaction.atomic
def question_create(
    *, actor, consultation: Consultation, data: dict, options: list[dict] | None = None
) -> Question:
    """`options`: one dict per option with label_fi / label_sv / label_en."""
    require(actor, "participation.manage", consultation.plan)
    if consultation.submissions.exists():
        raise DomainError(_("Questions cannot be added after feedback has arrived."))
    question = Question(consultation=consultation, order=consultation.questions.count() + 1, **data)
    options = [o for o in options or [] if any(v.strip() for v in o.values())]
    if question.has_options and len(options) < 2:
        raise DomainError(_("A choice question needs at least two options."))
    save_new(actor=actor, obj=question)
    if question.has_options:
        with acting_as(actor):
            for order, labels in enumerate(options, start=1):
                QuestionOption.objects.create(question=question, order=order, **labels)
    return question


@transaction.atomic
def feedback_submit(
    *,
    consultation: Consultation,
    language: str,
    comment: str = "",
    target: Objective | Measure | None = None,
    answers: dict[int, object] | None = None,
    category: str = "",
    organisation_name: str = "",
    email: str = "",
) -> Submission:
    """Store a participant's feedback. `answers` maps question id → option ids, a rating or text.

    Anonymous by design: no actor. The organisation name is kept only for organisations.
    """
    locked = Consultation.objects.select_for_update().get(pk=consultation.pk)
    if not locked.is_open:
        raise DomainError(_("This consultation is closed. Feedback can no longer be sent."))
    comment = comment.strip()
    answers = {pk: value for pk, value in (answers or {}).items() if value not in ("", [], None)}
    if not comment and not answers:
        raise DomainError(_("Write a comment or answer at least one question."))
    objective, measure = _target(locked, target)
    if category != Submission.Category.ORGANISATION:
        organisation_name = ""
    submission = Submission(
        consultation=locked,
        language=language,
        category=category,
        organisation_name=organisation_name.strip(),
        email=email.strip(),
    )
    save_new(actor=None, obj=submission)
    if comment:
        save_new(
            actor=None,
            obj=Comment(
                submission=submission,
                consultation=locked,
                objective=objective,
                measure=measure,
                text=comment,
            ),
        )
    with acting_as(None):
        _save_answers(locked, submission, answers)
    return submission


def _target(consultation: Consultation, target) -> tuple[Objective | None, Measure | None]:
    if target is None:
        return None, None
    objective = target.objective if isinstance(target, Measure) else target
    if objective.plan_id != consultation.plan_id:
        raise DomainError(_("That part does not belong to the plan consulted on."))
    chosen = set(consultation.objectives.values_list("pk", flat=True))
    if chosen and objective.pk not in chosen:
        raise DomainError(_("That part is not included in this consultation."))
    return objective, target if isinstance(target, Measure) else None


def _save_answers(consultation: Consultation, submission: Submission, answers: dict) -> None:
    questions = {q.pk: q for q in consultation.questions.prefetch_related("options")}
    for pk, value in answers.items():
        question = questions.get(int(pk))
        if question is None:
            raise DomainError(_("Unknown question."))
        answer = Answer(submission=submission, question=question)
        option_ids: list[int] = []
        if question.kind == Question.Kind.RATING:
            answer.rating = int(value)
        elif question.kind == Question.Kind.TEXT:
            answer.text = str(value).strip()
        else:
            option_ids = [int(v) for v in (value if isinstance(value, list) else [value])]
            valid = {o.pk for o in question.options.all()}
            if not set(option_ids) <= valid or (
                question.kind == Question.Kind.SINGLE and len(option_ids) != 1
            ):
                raise DomainError(_("Choose among the options given."))
        answer.full_clean()
        answer.save()
        answer.options.set(option_ids)


def _set_hidden(actor, comment: Comment, reason: str) -> Comment:
    """Hide the comment with the reason (who and when kept), or show it again without one."""
    hidden = bool(reason)
    return save_changes(
        actor=actor,
        obj=Comment.objects.select_for_update().get(pk=comment.pk),
        hidden=hidden,
        hidden_reason=reason,
        hidden_at=timezone.now() if hidden else None,
        hidden_by=actor if hidden else None,
    )


@transaction.atomic
def comment_hide(*, actor, comment: Comment, reason: str) -> Comment:
    """Hide a comment from the public and from summaries; it stays stored and in the trail."""
    require(actor, "participation.manage", comment.consultation.plan)
    reason = reason.strip()
    if not reason:
        raise DomainError(_("Give a reason for hiding the comment."))
    return _set_hidden(actor, comment, reason)


@transaction.atomic
def comment_restore(*, actor, comment: Comment) -> Comment:
    require(actor, "participation.manage", comment.consultation.plan)
    return _set_hidden(actor, comment, "")


def _of_consultation(consultation: Consultation, comments) -> list[Comment]:
    return belonging(
        comments,
        to=consultation,
        by="consultation_id",
        message=_("The feedback must come from this consultation."),
    )


@transaction.atomic
def response_item_create(
    *, actor, consultation: Consultation, data: dict, comments: list[Comment]
) -> ResponseItem:
    require(actor, "participation.manage", consultation.plan)
    comments = _of_consultation(consultation, comments)
    item = ResponseItem(
        consultation=consultation, order=consultation.response_items.count() + 1, **data
    )
    return save_new(actor=actor, obj=item, comments=comments)


@transaction.atomic
def response_item_update(
    *, actor, item: ResponseItem, expected_version: int, data: dict, comments: list[Comment]
) -> ResponseItem:
    require(actor, "participation.manage", item.consultation.plan)
    comments = _of_consultation(item.consultation, comments)
    return save_version(
        actor=actor,
        obj=item,
        expected_version=expected_version,
        changes=data,
        m2m={"comments": comments},
    )


@transaction.atomic
def report_publish(*, actor, consultation: Consultation) -> Consultation:
    """Publish the response report on the public consultation page (after closing)."""
    require(actor, "participation.manage", consultation.plan)
    if not consultation.is_closed:
        raise DomainError(_("The response report is published after the consultation closes."))
    if not consultation.response_items.exists():
        raise DomainError(_("Write at least one response before publishing the report."))
    return save_version(
        actor=actor,
        obj=consultation,
        expected_version=consultation.version,
        changes={"report_published_at": timezone.now()},
    )


@transaction.atomic
def event_save(
    *,
    actor,
    plan: Plan,
    data: dict,
    event: ParticipationEvent | None = None,
    expected_version: int | None = None,
) -> ParticipationEvent:
    require(actor, "participation.manage", plan)
    if event is None:
        return save_new(actor=actor, obj=ParticipationEvent(plan=plan, **data))
    return save_version(
        actor=actor, obj=event, expected_version=expected_version or event.version, changes=data
    )


# --- rate limit of public feedback -------------------------------------------------------------
# A client is counted twice: by a keyed hash of its IP address (the address itself is never
# stored) and by its session. Either counter over the limit refuses the submission. The limit
# comes from settings.KOTOPLAN_PARTICIPATION_RATE, e.g. "10/h" (units s, m, h, d).

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SESSION_MARK = "participation_client"


def _parse_rate(rate: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*", rate or "")
    if not match:
        raise ValueError(f"Bad rate {rate!r}: expected e.g. '10/h'")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * UNITS[unit]


def feedback_session_mark(request) -> None:
    """Give an anonymous participant a session, so the session counter has a key by POST time."""
    if not request.session.get(SESSION_MARK):
        request.session[SESSION_MARK] = True


def _client_keys(request, scope: str) -> list[str]:
    address = client_address(request)  # behind a proxy: the resident's, not the proxy's
    hashed = salted_hmac("kotoplan.participation.throttle", address).hexdigest()[:32]
    keys = [f"kp-rate:{scope}:ip:{hashed}"]
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        keys.append(f"kp-rate:{scope}:session:{session_key}")
    return keys


def feedback_throttle(request, scope: str = "feedback") -> bool:
    """Count one submission of this client; False once it is over the limit."""
    limit, window = _parse_rate(settings.KOTOPLAN_PARTICIPATION_RATE)
    allowed = True
    for key in _client_keys(request, scope):
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        if count > limit:
            allowed = False
    return allowed
