"""The public consultation pages: no account, any offered language, plain text only."""

from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from kotoplan.core.errors import DomainError

from .. import services
from ..forms import FeedbackForm, target_choices
from ..models import Consultation, Question
from ..selectors import (
    PageLanguage,
    Reader,
    consultation_get_public,
    consultation_outline,
    live_targets,
    not_found_language,
    page_language,
    published_responses,
    questions_of,
)


def _page_url(consultation: Consultation, language: PageLanguage, name: str = "public") -> str:
    url = reverse(f"participation:{name}", args=[consultation.slug])
    return f"{url}?lang={language.code}"


def _draft(sections, reader: Reader) -> list[dict]:
    return [
        {
            "theme": section.theme,
            "name": reader.field(section.theme, "name"),
            "objectives": [
                {
                    "objective": objective,
                    "title": reader.objective(objective),
                    "description": reader.field(objective, "description"),
                    "measures": [(m, reader.measure(m)) for m in objective.measures.all()],
                }
                for objective in section.objectives
            ],
        }
        for section in sections
    ]


def _question_rows(form: FeedbackForm, reader: Reader) -> list[dict]:
    rows = []
    for question in form.questions:
        bound = form[f"q_{question.pk}"]
        value = bound.value()
        chosen = {str(v) for v in value} if isinstance(value, list) else {str(value or "")}
        if question.kind == Question.Kind.RATING:
            options = [(str(n), None, str(n) in chosen) for n in range(1, 6)]
        else:
            options = [
                (str(o.pk), reader.option(o), str(o.pk) in chosen) for o in question.options.all()
            ]
        rows.append(
            {
                "question": question,
                "field": bound,
                "text": reader.question(question),
                "options": options,
            }
        )
    return rows


def _not_found(request):
    """A consultation that does not exist or has not opened: said in the language asked for."""
    language, languages = not_found_language(request)
    context = {"language": language, "languages": languages, "plain_lang": language.html_lang}
    with translation.override(language.ui_lang):
        response = render(request, "participation/public_not_found.html", context, status=404)
    response["Content-Language"] = language.ui_html_lang
    return response


def _language_context(language: PageLanguage, languages: list[PageLanguage]) -> dict:
    """What every consultation page needs for its lang, dir and language switch."""
    return {
        "language": language,
        "languages": languages,
        # Texts in this language need no lang mark unless the interface is in another one.
        "plain_lang": None if language.ui_foreign else language.html_lang,
    }


def consultation_public(request, slug):
    try:
        consultation = consultation_get_public(slug=slug)
    except Http404:
        return _not_found(request)
    language, languages = page_language(request, consultation)
    status_code = 200
    with translation.override(language.ui_lang):
        reader = Reader(consultation, language)
        sections = consultation_outline(consultation=consultation)
        targets, target_map = target_choices(sections, reader)
        target_map = live_targets(target_map)
        targets = [row for row in targets if row[0] in target_map]
        questions = questions_of(consultation=consultation)
        form = FeedbackForm(
            request.POST or None,
            questions=questions,
            targets=target_map,
            question_text=reader.question,
            initial={"target": request.GET.get("target", "")},
            labels={question.pk: reader.question(question).value for question in questions},
        )
        if request.method == "POST":
            if form.is_robot:  # the honeypot was filled in: looks sent, nothing is stored
                services.feedback_throttle(request)
                return HttpResponseRedirect(_page_url(consultation, language, "thanks"))
            if form.is_valid():
                if not services.feedback_throttle(request):
                    form.add_error(
                        None,
                        _(
                            "You have sent a lot of feedback in a short time. "
                            "Please wait a while and try again."
                        ),
                    )
                    status_code = 429
                else:
                    try:
                        services.feedback_submit(
                            consultation=consultation,
                            language=language.code,
                            comment=form.cleaned_data["comment"],
                            target=form.target_object(),
                            answers=form.answers(),
                            category=form.cleaned_data["category"],
                            organisation_name=form.cleaned_data["organisation_name"],
                            email=form.cleaned_data["email"],
                        )
                    except DomainError as exc:
                        form.add_error(None, exc.message)
                        status_code = 409 if consultation.is_closed else 400
                    else:
                        return HttpResponseRedirect(_page_url(consultation, language, "thanks"))
        else:
            services.feedback_session_mark(request)
        report = consultation.report_published_at is not None
        context = {
            **_language_context(language, languages),
            "consultation": consultation,
            "accepts_feedback": consultation.is_open,
            "title": reader.title(),
            "intro": reader.intro(),
            "draft": _draft(sections, reader),
            "form": form,
            "targets": targets,
            "selected_target": form["target"].value() or "",
            "questions": _question_rows(form, reader),
            "responses": published_responses(consultation=consultation) if report else [],
            "page_url": _page_url(consultation, language),
        }
        response = render(
            request, "participation/public_consultation.html", context, status=status_code
        )
    response["Content-Language"] = language.ui_html_lang
    return response


def consultation_thanks(request, slug):
    try:
        consultation = consultation_get_public(slug=slug)
    except Http404:
        return _not_found(request)
    language, languages = page_language(request, consultation)
    with translation.override(language.ui_lang):
        context = {
            **_language_context(language, languages),
            "consultation": consultation,
            "title": Reader(consultation, language).title(),
            "page_url": _page_url(consultation, language),
        }
        response = render(request, "participation/public_thanks.html", context)
    response["Content-Language"] = language.ui_html_lang
    return response
