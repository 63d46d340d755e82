"""The coordinator's pages: consultations, their languages and questions, participation events."""

from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import render
from django.utils.translation import gettext as _

from kotoplan.core.text import text_of
from kotoplan.core.views import form_page, page_url
from kotoplan.planning.models import Measure

from .. import services
from ..forms import ConsultationForm, EventForm, LanguageForm, QuestionForm
from ..selectors import (
    consultation_get_for_user,
    consultations_for_plan,
    event_get_for_user,
    interface_languages,
    is_consultable,
    language_get_for_user,
    page_languages,
    plan_get_for_manager,
    questions_of,
)
from ..tasks import schedule_draft_snapshot

FORM = "participation/form.html"  # title, plan, cancel_url; optionally intro, submit_label, danger


def manage_url(consultation) -> str:
    return page_url("participation:consultation_manage", consultation.pk)


def plan_participation_url(plan) -> str:
    return page_url("participation:plan_participation", plan.pk)


def consultation_form_page(request, consultation, *, template=FORM, **page):
    """An edit page about the consultation; Cancel leads back to its management page unless
    `page` gives another `cancel_url`."""
    page.setdefault("cancel_url", manage_url(consultation))
    return form_page(request, template, plan=consultation.plan, consultation=consultation, **page)


@login_required
def plan_participation(request, plan_id):
    plan = plan_get_for_manager(user=request.user, plan_id=plan_id)
    return render(
        request,
        "participation/plan_participation.html",
        {
            "plan": plan,
            "consultations": consultations_for_plan(plan=plan),
            "events": plan.participation_events.all(),
            "may_open_consultation": is_consultable(plan),
        },
    )


def _consultation_page(request, plan, consultation=None):
    """A new consultation of the plan, or `consultation` to edit."""

    def save(form):
        changes = {"data": form.model_data(), **form.m2m_data()}
        if consultation is None:
            saved = services.consultation_create(actor=request.user, plan=plan, **changes)
        else:
            saved = services.consultation_update(
                actor=request.user,
                consultation=consultation,
                expected_version=form.cleaned_data["expected_version"] or consultation.version,
                **changes,
            )
        transaction.on_commit(lambda: schedule_draft_snapshot(consultation=saved))
        return saved

    return form_page(
        request,
        FORM,
        form=ConsultationForm(request.POST or None, instance=consultation, plan=plan),
        call=save,
        success_message=_("Changes saved.") if consultation else _("The consultation was created."),
        redirect_to=manage_url,
        title=_("Edit consultation") if consultation else _("New consultation"),
        plan=plan,
        consultation=consultation,
        cancel_url=manage_url(consultation) if consultation else plan_participation_url(plan),
    )


@login_required
def consultation_new(request, plan_id):
    return _consultation_page(request, plan_get_for_manager(user=request.user, plan_id=plan_id))


@login_required
def consultation_edit(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    return _consultation_page(request, consultation.plan, consultation)


@login_required
def consultation_manage(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    submission_count = consultation.submissions.count()
    return render(
        request,
        "participation/consultation_manage.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "has_public_page": consultation.status() != consultation.Status.UPCOMING,
            "languages": consultation.languages.all(),
            "page_languages": page_languages(consultation),
            "interface_languages": interface_languages().values(),
            "questions": questions_of(consultation=consultation),
            "submission_count": submission_count,
            "may_add_question": not submission_count,
        },
    )


def _translatable_parts(consultation) -> list[tuple[str, str]]:
    plan = consultation.plan
    chosen = set(consultation.objectives.values_list("pk", flat=True))
    parts = [("title", _("Title of the consultation"))]
    objectives = plan.objectives.select_related("theme").order_by("theme__order", "order", "pk")
    measures = Measure.objects.filter(objective__plan=plan).order_by("order", "pk")
    for objective in objectives:
        if chosen and objective.pk not in chosen:
            continue
        label = text_of(objective, "title").value
        parts.append((f"objective:{objective.pk}", _("Objective: %(title)s") % {"title": label}))
        for measure in (m for m in measures if m.objective_id == objective.pk):
            label = text_of(measure, "title").value
            parts.append((f"measure:{measure.pk}", _("Measure: %(title)s") % {"title": label}))
    for question in questions_of(consultation=consultation):
        label = text_of(question, "text").value
        parts.append((f"question:{question.pk}", _("Question: %(text)s") % {"text": label}))
        for option in question.options.all():
            label = text_of(option, "label").value
            parts.append((f"option:{option.pk}", _("Option: %(label)s") % {"label": label}))
    return parts


def _language_page(request, consultation, language=None):
    initial = {}
    if language:
        initial = {"code": language.code, "name": language.name, "intro": language.intro}
        for key, text in language.translations.values_list("key", "text"):
            initial["t_" + key.replace(":", "_")] = text
    return consultation_form_page(
        request,
        consultation,
        form=LanguageForm(
            request.POST or None, initial=initial, parts=_translatable_parts(consultation)
        ),
        call=lambda form: services.language_save(
            actor=request.user,
            consultation=consultation,
            code=form.cleaned_data["code"],
            name=form.cleaned_data["name"],
            intro=form.cleaned_data["intro"],
            texts=form.texts(),
            language=language,
        ),
        success_message=_("The language was saved."),
        redirect_to=manage_url(consultation),
        title=_("Further language") if language is None else language.name,
        intro=_(
            "Translate the introduction and, if you can, the titles and questions. "
            "Parts left empty are shown in English or Finnish and marked as such."
        ),
    )


@login_required
def language_new(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    return _language_page(request, consultation)


@login_required
def language_edit(request, language_id):
    language = language_get_for_user(user=request.user, language_id=language_id)
    return _language_page(request, language.consultation, language)


@login_required
def question_new(request, consultation_id):
    consultation = consultation_get_for_user(user=request.user, consultation_id=consultation_id)
    return consultation_form_page(
        request,
        consultation,
        form=QuestionForm(request.POST or None),
        call=lambda form: services.question_create(
            actor=request.user,
            consultation=consultation,
            data=form.model_data(),
            options=form.options(),
        ),
        success_message=_("The question was added."),
        redirect_to=manage_url(consultation),
        title=_("New question"),
    )


def _event_page(request, plan, event=None):
    return form_page(
        request,
        FORM,
        form=EventForm(request.POST or None, instance=event),
        call=lambda form: services.event_save(
            actor=request.user,
            plan=plan,
            data=form.model_data(),
            event=event,
            expected_version=form.cleaned_data["expected_version"],
        ),
        success_message=_("The participation event was saved."),
        redirect_to=plan_participation_url(plan),
        title=_("Participation event"),
        plan=plan,
        cancel_url=plan_participation_url(plan),
    )


@login_required
def event_new(request, plan_id):
    return _event_page(request, plan_get_for_manager(user=request.user, plan_id=plan_id))


@login_required
def event_edit(request, event_id):
    event = event_get_for_user(user=request.user, event_id=event_id)
    return _event_page(request, event.plan, event)
