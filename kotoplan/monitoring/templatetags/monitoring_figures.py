"""`{% situation_figures plan %}`: the plan's statistics, for the situation picture."""

from django import template

from kotoplan.geography.models import Municipality

from ..selectors import situation_figures as figures_for

register = template.Library()


def _municipalities(subject) -> list[Municipality]:
    if isinstance(subject, Municipality):
        return [subject]
    lead = getattr(subject, "lead_municipality", None)
    others = list(subject.municipalities.all()) if hasattr(subject, "municipalities") else []
    ordered = [lead] if lead else []
    ordered += sorted((m for m in others if m != lead), key=lambda m: m.name_fi)
    return ordered


@register.inclusion_tag("monitoring/_situation_figures.html")
def situation_figures(subject):
    """Figures for a plan (its municipalities, lead first) or for one municipality."""
    return {"figures": figures_for(municipalities=_municipalities(subject))}
