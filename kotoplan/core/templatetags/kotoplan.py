"""Template helpers available in every template (registered as builtins)."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kotoplan.core.models import translated

register = template.Library()

LANGUAGE_NAMES = {"fi": "suomeksi", "sv": "på svenska", "en": "in English"}


@register.simple_tag
def tr(obj, field, multiline=False):
    """Text in the user's language; a fallback is marked with its language."""
    if obj is None:
        return ""
    text, code = translated(obj, field)
    current = (get_language() or "fi")[:2]
    if not text:
        return format_html('<span class="muted">{}</span>', _("(not written)"))
    if multiline:
        text = linebreaksbr(text)
    if code == current:
        return text
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        code,
        text,
        LANGUAGE_NAMES.get(code, code),
    )


@register.simple_tag
def tr_plain(obj, field):
    """The same text without markup, for titles and attributes."""
    if obj is None:
        return ""
    return translated(obj, field)[0]


@register.filter
def field_label(form, name):
    return form[name].label


@register.simple_tag
def widget(bound_field):
    """Render a field's widget linked to its help text and errors for assistive technology."""
    described = []
    if bound_field.help_text:
        described.append(f"{bound_field.auto_id}_help")
    if bound_field.errors:
        described.append(f"{bound_field.auto_id}_error")
    attrs = {}
    if described:
        attrs["aria-describedby"] = " ".join(described)
    if bound_field.errors:
        attrs["aria-invalid"] = "true"
    return bound_field.as_widget(attrs=attrs)


@register.filter
def is_choice_group(bound_field) -> bool:
    from django.forms import CheckboxSelectMultiple, RadioSelect

    return isinstance(bound_field.field.widget, (CheckboxSelectMultiple, RadioSelect))


@register.filter
def is_checkbox(bound_field) -> bool:
    from django.forms import CheckboxInput

    return isinstance(bound_field.field.widget, CheckboxInput)
