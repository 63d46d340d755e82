"""The coordinator's pages: consultations, their languages and questions, participation events."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kotoplan.core.models import translated
from kotoplan.core.views import run_service
from kotoplan.planning.models import Measure

from .. import services
from ..forms import ConsultationForm, EventForm, LanguageForm, QuestionForm
from ..selectors import (
    consultation_get_for_user,
    consultations_for_plan,
    event_get_for_user,
    language_get_for_user,
    plan_get_for_manager,
    questions_of,
)


def manage_url(consultation) -> str:
    return reverse("participation:consultation_manage", args=[consultation.pk])


def plan_participation_url(plan) -> str:
    return reverse("participation:plan_participation", args=[plan.pk])


def _form_page(request, *, form, title, plan, consultation=None, cancel_url, intro=""):
    return render(
        request,
        "participation/form.html",
        {
            "form": form,
            "title": title,
            "plan": plan,
            "consultation": consultation,
            "cancel_url": cancel_url,
            "intro": intro,
        },
    )


@login_required
def plan_participation(request, plan_pk):
    plan = plan_get_for_manager(user=request.user, plan_id=plan_pk)
    return render(
        request,
        "participation/plan_participation.html",
        {
            "plan": plan,
            "consultations": consultations_for_plan(plan=plan),
            "events": plan.participation_events.all(),
        },
    )


@login_required
def consultation_new(request, plan_pk):
    plan = plan_get_for_manager(user=request.user, plan_id=plan_pk)
    form = ConsultationForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        consultation = run_service(
            form,
            lambda: services.consultation_create(
                actor=request.user,
                plan=plan,
                data=form.model_data("objectives"),
                objectives=list(form.cleaned_data["objectives"]),
            ),
        )
        if consultation:
            messages.success(request, _("The consultation was created."))
            return HttpResponseRedirect(manage_url(consultation))
    return _form_page(
        request,
        form=form,
        title=_("New consultation"),
        plan=plan,
        cancel_url=plan_participation_url(plan),
    )


@login_required
def consultation_edit(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    plan = consultation.plan
    form = ConsultationForm(request.POST or None, instance=consultation, plan=plan)
    if request.method == "POST" and form.is_valid():
        updated = run_service(
            form,
            lambda: services.consultation_update(
                actor=request.user,
                consultation=consultation,
                expected_version=form.cleaned_data["expected_version"] or consultation.version,
                data=form.model_data("objectives"),
                objectives=list(form.cleaned_data["objectives"]),
            ),
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return HttpResponseRedirect(manage_url(updated))
    return _form_page(
        request,
        form=form,
        title=_("Edit consultation"),
        plan=plan,
        consultation=consultation,
        cancel_url=manage_url(consultation),
    )


@login_required
def consultation_manage(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "participation/consultation_manage.html",
        {
            "consultation": consultation,
            "plan": consultation.plan,
            "status": consultation.status(),
            "languages": consultation.languages.all(),
            "questions": questions_of(consultation=consultation),
            "submission_count": consultation.submissions.count(),
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
        label = translated(objective, "title")[0]
        parts.append((f"objective:{objective.pk}", _("Objective: %(title)s") % {"title": label}))
        for measure in (m for m in measures if m.objective_id == objective.pk):
            label = translated(measure, "title")[0]
            parts.append((f"measure:{measure.pk}", _("Measure: %(title)s") % {"title": label}))
    for question in questions_of(consultation=consultation):
        label = translated(question, "text")[0]
        parts.append((f"question:{question.pk}", _("Question: %(text)s") % {"text": label}))
        for option in question.options.all():
            label = translated(option, "label")[0]
            parts.append((f"option:{option.pk}", _("Option: %(label)s") % {"label": label}))
    return parts


def _language_page(request, consultation, language=None):
    parts = _translatable_parts(consultation)
    initial = {}
    if language:
        initial = {"code": language.code, "name": language.name, "intro": language.intro}
        for key, text in language.translations.values_list("key", "text"):
            initial["t_" + key.replace(":", "_")] = text
    form = LanguageForm(request.POST or None, initial=initial, parts=parts)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.language_save(
                actor=request.user,
                consultation=consultation,
                code=form.cleaned_data["code"],
                name=form.cleaned_data["name"],
                intro=form.cleaned_data["intro"],
                texts=form.texts(),
                language=language,
            ),
        )
        if saved:
            messages.success(request, _("The language was saved."))
            return HttpResponseRedirect(manage_url(consultation))
    return _form_page(
        request,
        form=form,
        title=_("Further language") if language is None else language.name,
        plan=consultation.plan,
        consultation=consultation,
        cancel_url=manage_url(consultation),
        intro=_(
            "Translate the introduction and, if you can, the titles and questions. "
            "Parts left empty are shown in English or Finnish and marked as such."
        ),
    )


@login_required
def language_new(request, pk):
    return _language_page(request, consultation_get_for_user(user=request.user, pk=pk))


@login_required
def language_edit(request, pk):
    language = language_get_for_user(user=request.user, pk=pk)
    return _language_page(request, language.consultation, language)


@login_required
def question_new(request, pk):
    consultation = consultation_get_for_user(user=request.user, pk=pk)
    form = QuestionForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = {name: form.cleaned_data[name] for name in QuestionForm.Meta.fields}
        question = run_service(
            form,
            lambda: services.question_create(
                actor=request.user, consultation=consultation, data=data, options=form.options()
            ),
        )
        if question:
            messages.success(request, _("The question was added."))
            return HttpResponseRedirect(manage_url(consultation))
    return _form_page(
        request,
        form=form,
        title=_("New question"),
        plan=consultation.plan,
        consultation=consultation,
        cancel_url=manage_url(consultation),
    )


@login_required
def event_new(request, plan_pk):
    plan = plan_get_for_manager(user=request.user, plan_id=plan_pk)
    return _event_page(request, plan, None)


@login_required
def event_edit(request, pk):
    event = event_get_for_user(user=request.user, pk=pk)
    return _event_page(request, event.plan, event)


def _event_page(request, plan, event):
    form = EventForm(request.POST or None, instance=event)
    if request.method == "POST" and form.is_valid():
        saved = run_service(
            form,
            lambda: services.event_save(
                actor=request.user,
                plan=plan,
                data=form.model_data(),
                event=event,
                expected_version=form.cleaned_data["expected_version"],
            ),
        )
        if saved:
            messages.success(request, _("The participation event was saved."))
            return HttpResponseRedirect(plan_participation_url(plan))
    return _form_page(
        request,
        form=form,
        title=_("Participation event"),
        plan=plan,
        cancel_url=plan_participation_url(plan),
    )
