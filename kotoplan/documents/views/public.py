"""Public pages: adopted plans at a stable address, readable without logging in."""

from django.shortcuts import render
from django.utils import translation
from django.views.decorators.http import require_GET

from kotoplan.core.models import translated

from ..content import normalise_language, plan_document, table_labels
from ..models import PlainLanguageSummary
from ..selectors import public_plan_get

LANGUAGE_NAMES = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}


def plan_languages(plan) -> list[str]:
    return [code for code in (plan.languages or []) if code in LANGUAGE_NAMES] or ["fi"]


@require_GET
def public_plan(request, code: str, start: int, end: int):
    plan = public_plan_get(municipality_code=code, start=start, end=end)
    languages = plan_languages(plan)
    asked = request.GET.get("lang")
    language = asked if asked in languages else normalise_language(languages[0], plan)
    summary = PlainLanguageSummary.objects.filter(plan=plan).first()
    text, text_lang = translated(summary, "text", language) if summary else ("", "")
    with translation.override(language):
        response = render(
            request,
            "documents/public_plan.html",
            {
                "plan": plan,
                "doc": plan_document(plan=plan, language=language),
                "labels": table_labels(),
                "summary": text,
                "summary_lang": text_lang,
                "other_languages": [(c, LANGUAGE_NAMES[c]) for c in languages if c != language],
            },
        )
    response["Content-Language"] = language
    return response
