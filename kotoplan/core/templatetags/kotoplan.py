"""Template helpers available in every template (registered as builtins)."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, ngettext
from django.utils.translation import gettext as _

from kotoplan.core.languages import language_name
from kotoplan.core.models import translated
from kotoplan.core.panels import links, menu_items
from kotoplan.core.text import Text

register = template.Library()


@register.simple_tag
def tr(obj, field, multiline=False, bare=False):
    """Text in the user's language; a fallback is marked with its language (`lang`, and a note
    naming the language unless `bare`: in hidden text, links and headings)."""
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
    if bare:
        return format_html('<span lang="{}">{}</span>', code, text)
    return format_html(
        '<span lang="{}">{}</span> <span class="fallback-note">({})</span>',
        code,
        text,
        language_name(code, in_language=current),
    )


@register.filter
def marked(value, bare=False):
    """A chosen text (`Text`) marked with its language when that is not the page's language: in a
    `<span lang>`, followed by the language's name as a note unless `bare` (headings, links).
    Anything else is shown as it is."""
    if not isinstance(value, Text) or not value.value:
        return value
    current = (get_language() or "fi")[:2]
    if value.language[:2] == current:
        return value.value
    span = format_html('<span lang="{}">{}</span>', value.language, value.value)
    if bare or not value.is_fallback:
        return span
    note = language_name(value.language, in_language=current)
    return format_html('{} <span class="fallback-note">({})</span>', span, note)


@register.filter
def labelled(label, text):
    """ "Label: text" with the text marked with its language (as `marked`, without the note)."""
    return format_html("{}: {}", label, marked(text, bare=True))


@register.filter
def duration(lifetime):
    """A time span in whole days, hours or minutes; none = until the browser is closed."""
    if lifetime is None:
        return _("until the browser is closed")
    seconds = int(lifetime.total_seconds())
    if (seconds >= 86400 and seconds % 86400 == 0) or seconds >= 7 * 86400:
        days = round(seconds / 86400)
        return ngettext("{count} day", "{count} days", days).format(count=days)
    if seconds >= 3600:
        hours = round(seconds / 3600)
        return ngettext("{count} hour", "{count} hours", hours).format(count=hours)
    minutes = max(round(seconds / 60), 1)
    return ngettext("{count} minute", "{count} minutes", minutes).format(count=minutes)


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
def error_anchor(bound_field) -> str:
    """The id an error summary links to: the field's input, or the first input of a group of
    radio buttons or checkboxes (its legend names the group)."""
    widget = bound_field.field.widget
    if is_choice_group(bound_field):
        return widget.id_for_label(bound_field.auto_id, "0")
    return bound_field.id_for_label or bound_field.auto_id


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
    if panel.html is not None:
        return mark_safe(panel.html)  # rendered by its template, which escaped it
    template_obj = context.template.engine.get_template(panel.template)
    return template_obj.render(context.new(panel.context))


@register.simple_tag(takes_context=True)
def main_menu(context):
    """The navigation entries every app registered, for the current user: (key, label, url)."""
    user = context.get("user")
    if user is None or not user.is_authenticated:
        return []
    return menu_items(user)


@register.simple_tag(takes_context=True)
def slot_links(context, slot):
    """The links apps registered in a slot (kotoplan.core.panels), for whoever views the page:
    (key, label, url)."""
    return links(slot, user=context.get("user"))


@register.simple_tag
def slot_links_for(slot, **context):
    """The links of a slot whose `url(...)` takes the given objects (a measure, a plan)."""
    return links(slot, **context)


@register.filter
def language_label(code):
    """A language's name in that language ("suomi", "svenska", "English", "العربية")."""
    return language_name(code)


@register.simple_block_tag(takes_context=True)
def data_table(
    context,
    content,
    *headings,
    caption="",
    caption_hidden=False,
    region_label="",
    region_labelledby="",
    table_class="table",
    table_id="",
    actions_column=False,
    rows=None,
    empty="",
):
    """A table with its caption and column headings (components/data_table.html).

    The body of the tag follows the headings (`<tbody>` rows, a `<tfoot>`; its own `<thead>` when
    no heading is given). Each positional argument is a column heading; an empty one is left out,
    for a column shown on a condition. `actions_column` adds a last column for the rows' buttons,
    its heading for screen readers only. The table scrolls inside a focusable region named by
    `region_label` or `region_labelledby`, or else by its caption, so a wide table scrolls on a
    narrow screen instead of widening the page. Given `empty`, the table shows only when `rows`
    has any: otherwise a paragraph with the `empty` text stands in its place.
    """
    template_obj = context.template.engine.get_template("components/data_table.html")
    if not (region_label or region_labelledby):
        region_label = caption
    return template_obj.render(
        context.new(
            {
                "content": content,
                "headings": [heading for heading in headings if heading],
                "caption": caption,
                "caption_hidden": caption_hidden,
                "scrolls": bool(region_label or region_labelledby),
                "region_label": region_label,
                "region_labelledby": region_labelledby,
                "table_class": table_class,
                "table_id": table_id,
                "actions_column": actions_column,
                "is_empty": bool(empty) and not rows,
                "empty": empty,
            }
        )
    )
