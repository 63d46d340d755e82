"""The common shapes of rule checks, so that a rule states only what it looks at."""

from collections.abc import Callable, Iterable
from typing import Any

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from kotoplan.core.text import text_of

from .context import PlanContext
from .registry import Result, missing, passed

Check = Callable[[PlanContext], Result]


def titles(objects: Iterable, field: str = "title") -> list[str]:
    """The objects' titles in the reader's language (their id when none is written)."""
    return [text_of(obj, field).value or str(obj.pk) for obj in objects]


def is_filled(value: Any) -> bool:
    """A text with something besides white space, a chosen value, a date, a ticked box."""
    return bool(value.strip()) if isinstance(value, str) else bool(value)


# The parts `every` goes through: the context's list of them, and what to say when there are none.
PARTS = {
    "objective": ("objectives", _("The plan has no objectives yet.")),
    "measure": ("measures", _("The plan has no measures yet.")),
}


def every(part: str, has: Callable[[Any], Any], *, lacking: Promise, done: Promise) -> Check:
    """The check that every objective or measure (`part`) has what `has` looks for; the ones
    lacking it are named (`%(items)s` in `lacking`) and the first one is pointed at
    (`<part>-<pk>`)."""
    items_of, none_yet = PARTS[part]

    def check(ctx: PlanContext) -> Result:
        items = getattr(ctx, items_of)
        if not items:
            return missing(none_yet)
        without = [item for item in items if not has(item)]
        if without:
            return missing(lacking, items=titles(without), anchor=f"{part}-{without[0].pk}")
        return passed(done)

    return check


def filled(*needs: tuple, done: Promise, **params: Any) -> Result:
    """Passed when every need is filled; otherwise the first unfilled one is missing.

    A need is `(value, reason)` or `(value, reason, form field)` when the field to fix is
    another than the rule's own.
    """
    for value, reason, *field in needs:
        if not is_filled(value):
            return missing(reason, field=field[0] if field else "")
    return passed(done, **params)


def plan_filled(*needs: tuple, done: Promise) -> Check:
    """The check that fields of the plan are `filled`; a need names the plan's field in place of
    its value: `(field, reason)` or `(field, reason, form field)`."""

    def check(ctx: PlanContext) -> Result:
        return filled(*((getattr(ctx.plan, name), *rest) for name, *rest in needs), done=done)

    return check
