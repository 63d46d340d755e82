"""The "Export" section on the plan page; one tag so planning templates need no URLs of ours."""

from django import template
from django.utils.translation import gettext as _

from kotoplan.planning.models import Plan

register = template.Library()


@register.inclusion_tag("documents/_export_links.html")
def plan_export_links(plan: Plan) -> dict:
    languages = [("fi", "suomeksi"), ("sv", "på svenska"), ("en", "in English")]
    return {
        "plan": plan,
        "languages": languages,
        "public": plan.state == Plan.State.ADOPTED,
        "heading": _("Export"),
    }
