"""Writes to the cooperation register. Invariants every function here keeps:

- keyword-only, takes the `actor`, runs in one transaction, checks permission with
  `kotoplan.core.permissions.require` before writing, and writes inside `acting_as(actor)` so
  django-auditlog names the person;
- dates are coherent: a term, a membership and a representative's period never end before they
  start, and a representative's period lies within the organisation's membership;
- a joint group has at least two municipalities, a municipal group exactly one, and a regional
  group is appointed by a regional authority; groups serve only plans of their municipalities
  (a regional group: of municipalities in the authority's area);
- an initiative is answered once: by scheduling a meeting (linked to it) or by a written,
  reasoned decision;
- a meeting whose minutes are approved is frozen: nothing of it changes any more;
- a proposed measure is decided once; accepting it creates the measure through planning's
  `content_create` (so the plan's own rules apply) and keeps the link;
- e-mails go out after the transaction commits (`notifications`);
- a representative's e-mail and phone are removed a set time after their seat ended.
"""

from .groups import group_create, group_update, no_group_reason_record
from .initiatives import initiative_decide, initiative_file
from .meetings import (
    agenda_item_add,
    attendance_record,
    document_add,
    meeting_invite,
    meeting_schedule,
    minutes_approve,
    minutes_save,
)
from .members import (
    membership_add,
    membership_update,
    representative_add,
    representative_contacts_purge,
    representative_update,
)
from .workspace import comment_add, proposal_accept, proposal_decline, proposal_file

__all__ = [
    "agenda_item_add",
    "attendance_record",
    "comment_add",
    "document_add",
    "group_create",
    "group_update",
    "initiative_decide",
    "initiative_file",
    "meeting_invite",
    "meeting_schedule",
    "membership_add",
    "membership_update",
    "minutes_approve",
    "minutes_save",
    "no_group_reason_record",
    "proposal_accept",
    "proposal_decline",
    "proposal_file",
    "representative_add",
    "representative_contacts_purge",
    "representative_update",
]
