"""`{% load oversight_nav %}{% oversight_nav_item %}`: the "Oversight" link of the main menu,
shown to users with an oversight role (regional official, county liaison, national viewer,
administrator)."""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from kotoplan.core.permissions import can

register = template.Library()


@register.simple_tag(takes_context=True)
def oversight_nav_item(context) -> str:
    user = context.get("user")
    if user is None or not can(user, "oversight.view_dashboards"):
        return ""
    return format_html(
        '<li><a href="{}">{}</a></li>', reverse("oversight:dashboards"), _("Oversight")
    )
