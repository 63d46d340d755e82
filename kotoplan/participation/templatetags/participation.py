"""`{% load participation %}{% text t %}`: a text of a consultation page (a kotoplan.core.text
Text) shown with its own language and direction."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kotoplan.core.languages import current_language, language_name

register = template.Library()


@register.simple_tag(takes_context=True)
def text(context, value, multiline=False):
    """Marked with lang/dir unless it is in the surrounding language; a fallback is followed by
    the name of the language it is written in."""
    if value is None or not value.value.strip():
        return format_html('<span class="muted">{}</span>', _("(not written)"))
    body = linebreaksbr(value.value) if multiline else value.value
    if not value.is_fallback and value.language == context.get("plain_lang"):
        return format_html("{}", body)
    note = ""
    if value.is_fallback:
        note = format_html(
            ' <span class="fallback-note">({})</span>',
            language_name(value.language, in_language=current_language()),
        )
    return format_html(
        '<span lang="{}" dir="{}">{}</span>{}', value.language, value.direction, body, note
    )
