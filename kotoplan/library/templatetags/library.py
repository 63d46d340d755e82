"""Tags of the library's templates: a part's text with the searched words marked."""

from django import template
from django.utils.html import format_html

from kotoplan.library.selectors import best_text, excerpt, marked

register = template.Library()


@register.simple_tag(takes_context=True)
def marked_text(context, obj, field, words, short=False):
    """The field in the reader's language (or in the one the words were found in), escaped, the
    words marked; with `short` an excerpt around the first match. A text in another language
    than the page's carries its `lang`."""
    words = list(words or [])
    text = best_text(obj, field, words)
    value = excerpt(text.value, words) if short else text.value
    shown = marked(value, words)
    if text.language == (context.get("LANGUAGE_CODE") or text.wanted)[:2] or not text.value:
        return shown
    return format_html('<span lang="{}">{}</span>', text.language, shown)
