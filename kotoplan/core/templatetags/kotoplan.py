"""Template helpers available in every template (registered as builtins)."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from kotoplan.core.languages import language_name
from kotoplan.core.models import translated
from kotoplan.core.panels import menu_items

register = template.Library()


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
        language_name(code, in_language=current),
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


@register.simple_tag(takes_context=True)
def render_panel(context, panel):
    """Render a registered panel (kotoplan.core.panels) with its own context and the request."""
    template_obj = context.template.engine.get_template(panel.template)
    return template_obj.render(context.new(panel.context))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The navigation entries every app registered, for the current user: (key, label, url)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return []
    return menu_items(user)


@register.filter
def language_label(code):
    """A language's name in that language ("suomi", "svenska", "English", "العربية")."""
    return language_name(code)
