"""`{% load participation %}`: the plan page's participation section, and `{% text t %}` that
shows a text of a consultation page with its own language and direction."""

from django import template
from django.template.defaultfilters import linebreaksbr
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kotoplan.core.permissions import can
from kotoplan.core.languages import current_language, language_name

from ..selectors import participation_evidence_for_plan

register = template.Library()


@register.simple_tag(takes_context=True)
def text(context, value, multiline=False):
    """A Text (selectors.Text): marked with lang/dir unless it is in the surrounding language,
    and a fallback is followed by the language it is written in."""
    if value is None or not value.text.strip():
        return format_html('<span class="muted">{}</span>', _("(not written)"))
    body = linebreaksbr(value.text) if multiline else value.text
    if not value.fallback and value.lang == context.get("plain_lang"):
        return format_html("{}", body)
    note = ""
    if value.fallback:
        note = format_html(
            ' <span class="fallback-note">({})</span>',
            language_name(value.lang, in_language=current_language()),
        )
    return format_html('<span lang="{}" dir="{}">{}</span>{}', value.lang, value.dir, body, note)


@register.inclusion_tag("participation/_plan_panel.html", takes_context=True)
def participation_panel(context, plan):
    request = context.get("request")
    user = getattr(request, "user", None) or context.get("user")
    evidence = participation_evidence_for_plan(plan=plan)
    return {
        "plan": plan,
        "evidence": evidence,
        "can_manage": can(user, "participation.manage", plan),
    }
