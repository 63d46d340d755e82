"""Writes to plans. Invariants every function here keeps:

- the actor is allowed (core.permissions) and the change is in the audit trail (audit.acting_as);
- adopted and superseded plans are frozen: changes go into a new version (plan_new_version);
- edits carry the version the user saw; a stale version raises EditConflict, nothing is lost;
- a plan leaves the draft for decision only when every measure has a responsible party.
"""

from .content import (
    content_create,
    content_delete,
    content_update,
)
from .lifecycle import (
    TRANSITIONS,
    decision_problems,
    plan_new_version,
    plan_transition,
)
from .plans import plan_create, plan_update

__all__ = [
    "TRANSITIONS",
    "content_create",
    "content_delete",
    "content_update",
    "decision_problems",
    "plan_create",
    "plan_new_version",
    "plan_transition",
    "plan_update",
]
