"""`{% load participation %}`: `{% text t %}` shows a text of a consultation page (a
kotoplan.core.text Text) with its own language and direction; `|moment` writes a date and time
in the page's language; `{% footer_link_url key %}` finds a registered footer link."""

from babel.dates import format_date, format_time, get_datetime_format
from django import template
from django.template.defaultfilters import date as date_filter
from django.template.defaultfilters import linebreaksbr
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kotoplan.core.languages import babel_locale, content_languages, current_language, language_name
from kotoplan.core.panels import FOOTER, links

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
    if value.is_fallback:  # the name of its language, in the page's language ("الإنجليزية")
        page_language = (get_language() or current_language()).split("-x-")[0]
        note = format_html(
            ' <span class="fallback-note">({})</span>',
            language_name(value.language, in_language=page_language),
        )
    return format_html(
        '<span lang="{}" dir="{}">{}</span>{}', value.language, value.direction, body, note
    )


@register.filter
def moment(value):
    """A date and time in the active language: the product's own formats in Finnish, Swedish and
    English, CLDR's (through Babel) in the other languages of the consultation pages."""
    if not value:
        return ""
    code = get_language() or "fi"
    locale = babel_locale(code)
    if code.split("-")[0] in content_languages() or locale is None:
        return date_filter(value, "DATETIME_FORMAT")
    value = timezone.localtime(value)
    pattern = get_datetime_format("medium", locale=locale).replace("'", "")
    written = pattern.format(
        format_time(value, "short", locale=locale), format_date(value, "long", locale=locale)
    )
    # Isolated, so digits and Latin text keep their order inside a right-to-left sentence.
    return format_html("<bdi>{}</bdi>", written)


@register.simple_tag(takes_context=True)
def footer_link_url(context, key):
    """The address of a footer link another part of the service registered, or ''."""
    for found, _label, url in links(FOOTER, user=context.get("user")):
        if found == key:
            return url
    return ""
