"""The readiness rule registry: what a rule is and what it answers.

A rule is data (id, texts, basis, level, where it is fixed) plus a plain function
`check(ctx: PlanContext) -> Result`. The rule set (`ruleset`) registers every rule with
`statutory` or `recommended`, in the order they are shown.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import models
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    PASSED = "passed", _("Passed")
    MISSING = "missing", _("Missing")
    NOT_APPLICABLE = "not_applicable", _("Not applicable")


class Basis(models.TextChoices):
    ACT = "act", _("Integration Act 681/2023")
    CHECKLIST = "checklist", _("Official planning checklist")
    OWN_CHOICE = "own_choice", _("The municipality's own choice")


class Level(models.TextChoices):
    STATUTORY = "statutory", _("Statutory requirement")
    RECOMMENDATION = "recommendation", _("Recommendation")


@dataclass(frozen=True)
class Result:
    """The answer of one rule for one plan.

    `reason` is a translatable message (gettext_lazy) with `%(name)s` placeholders filled from
    `params`; it is stored untranslated and translated when shown. `anchor` and `field` point
    more precisely than the rule's defaults at what needs fixing (e.g. one measure).
    """

    status: Status
    reason: Promise | str
    params: dict[str, Any] = field(default_factory=dict)
    anchor: str = ""
    field: str = ""


def passed(reason: Promise | str, **params: Any) -> Result:
    return Result(Status.PASSED, reason, params)


def missing(reason: Promise | str, *, anchor: str = "", field: str = "", **params: Any) -> Result:
    return Result(Status.MISSING, reason, params, anchor=anchor, field=field)


def not_applicable(reason: Promise | str, **params: Any) -> Result:
    return Result(Status.NOT_APPLICABLE, reason, params)


@dataclass(frozen=True)
class Rule:
    id: str
    title: Promise
    explanation: Promise
    basis: Basis
    level: Level
    anchor: str  # element id on the plan page where the matter shows
    check: Callable[[Any], Result]
    fix_url: str = ""  # URL name (taking the plan's pk) of the form where it is fixed
    fix_field: str = ""  # form field on that page, used as the link's fragment

    @property
    def statutory(self) -> bool:
        return self.level == Level.STATUTORY

    @property
    def basis_label(self) -> str:
        return str(Basis(self.basis).label)


RULES: dict[str, Rule] = {}
EDIT = "planning:plan_edit"  # the plan's basic information form


def rule(
    id: str,
    *,
    title: Promise,
    explanation: Promise,
    basis: Basis,
    level: Level,
    anchor: str,
    fix_url: str = "",
    fix_field: str = "",
) -> Callable[[Callable[[Any], Result]], Callable[[Any], Result]]:
    """Register `check` as the rule `id`; ids are stable and never reused."""

    def register(check: Callable[[Any], Result]) -> Callable[[Any], Result]:
        if id in RULES:
            raise RuntimeError(f"Readiness rule {id!r} registered twice")
        RULES[id] = Rule(id, title, explanation, basis, level, anchor, check, fix_url, fix_field)
        return check

    return register


def _declaration(basis: Basis, level: Level):
    def declare(
        id: str,
        title: Promise,
        explanation: Promise,
        *,
        check: Callable[[Any], Result],
        anchor: str = "plan-basics",
        fix_field: str = "",
        fix_url: str = "",
    ) -> Callable[[Any], Result]:
        """Register `check` as a rule of this basis and level; a `fix_field` alone is a field of
        the basic information form."""
        fix_url = fix_url or (EDIT if fix_field else "")
        return rule(
            id,
            title=title,
            explanation=explanation,
            basis=basis,
            level=level,
            anchor=anchor,
            fix_url=fix_url,
            fix_field=fix_field,
        )(check)

    return declare


statutory = _declaration(Basis.ACT, Level.STATUTORY)  # a requirement of the Integration Act
recommended = _declaration(Basis.CHECKLIST, Level.RECOMMENDATION)  # of the official checklist


def all_rules() -> list[Rule]:
    return list(RULES.values())
