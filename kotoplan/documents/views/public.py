"""The public page of an adopted plan: its main part (the plan as a document) is the same for
every visitor in a language, so it is rendered once per content and kept in the cache: the
key names the plan's content as its files show it (`plan_export_fingerprint`), the plain
language summary, the language and the release, so an edit, a new summary or an upgrade makes
the next visitor's page anew. The rest of the page (the footer's links follow the visitor) is
rendered for each request."""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from kotoplan.core.languages import content_languages, language_name
from kotoplan.core.release import release_key
from kotoplan.core.text import text_of
from kotoplan.planning.models import Plan

from ..models import PlainLanguageSummary
from ..selectors import plan_document, plan_export_fingerprint, table_labels

KEPT_SECONDS = 24 * 3600  # a fragment no request asks for again leaves the cache


def public_main(plan: Plan, language: str) -> tuple[SafeString, str]:
    """The main part of the page in `language` and the document's title (for <title>)."""
    summary = PlainLanguageSummary.objects.filter(plan=plan).first()
    stamp = f"{summary.pk}:{summary.updated_at.isoformat()}" if summary else "-"
    parts = (plan_export_fingerprint(plan=plan), stamp, language, release_key())
    key = "public-plan:" + hashlib.sha256("|".join(parts).encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        with translation.override(language):
            doc = plan_document(plan=plan, language=language)
            html = render_to_string(
                "documents/_public_plan_main.html",
                {
                    "plan": plan,
                    "doc": doc,
                    "labels": table_labels(),
                    "summary": text_of(summary, "text", language) if summary else None,
                    "languages": [(c, language_name(c)) for c in content_languages()],
                    "language": language,
                },
            )
        kept = (html, str(doc.title))
        cache.set(key, kept, KEPT_SECONDS)
    html, title = kept
    return mark_safe(html), title
