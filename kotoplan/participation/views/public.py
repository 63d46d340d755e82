"""The public consultation pages: no account, any offered language, plain text only."""

from django.http import HttpResponseRedirect
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


def consultation_public(request, slug):
    consultation = consultation_get_public(slug=slug)
    language, languages = page_language(request, consultation)
    status_code = 200
    with translation.override(language.ui_lang):
        reader = Reader(consultation, language)
        sections = consultation_outline(consultation=consultation)
        targets, target_map = target_choices(sections, reader)
        target_map = live_targets(target_map)
        targets = [row for row in targets if row[0] in target_map]
        form = FeedbackForm(
            request.POST or None,
            questions=questions_of(consultation=consultation),
            targets=target_map,
            question_text=reader.question,
            initial={"target": request.GET.get("target", "")},
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
            "consultation": consultation,
            "accepts_feedback": consultation.is_open,
            "language": language,
            "languages": languages,
            "plain_lang": None if language.further else language.html_lang,
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
    with translation.override(language.html_lang):
        return render(
            request, "participation/public_consultation.html", context, status=status_code
        )


def consultation_thanks(request, slug):
    consultation = consultation_get_public(slug=slug)
    language, _languages = page_language(request, consultation)
    with translation.override(language.ui_lang):
        context = {
            "consultation": consultation,
            "language": language,
            "plain_lang": language.html_lang,
            "title": Reader(consultation, language).title(),
            "page_url": _page_url(consultation, language),
        }
    with translation.override(language.html_lang):
        return render(request, "participation/public_thanks.html", context)
