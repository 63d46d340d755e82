"""Writes of the observations dialogue and the discussion records.

Invariants every function here keeps:

- keyword-only, takes the `actor`, runs in one transaction and checks the actor's permission with
  `kotoplan.core.permissions.require` before anything is written;
- every write happens inside `acting_as(actor)`, so django-auditlog names the person and the
  entry lands in the plan's change history (additional_data plan_id);
- an observation only moves along `Observation.TRANSITIONS`: the coordinator replies to an open
  or reopened observation; the official resolves it (normally after a reply) or reopens a
  replied or resolved one; the row is locked while the step is checked, so two people cannot
  take conflicting steps;
- every step, the first one included, is an ObservationEntry (author, time, kind, text): the
  trail is complete, and the observation's state is always that of its last entry;
- nothing is deleted: there are no delete services except the ones below that always refuse,
  and the foreign keys to the trail protect it;
- emails are sent only after the transaction commits (transaction.on_commit), so a rolled back
  step never notifies anyone.
"""

from datetime import date

from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.audit.services import acting_as, save_new
from kotoplan.core.clock import today
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require
from kotoplan.core.services import belonging
from kotoplan.planning.models import Objective, Plan

from ..readiness.rules import RULES
from ..readiness.selectors import unmet_now
from . import notifications
from .models import DiscussionFollowUp, MonitoringDiscussion, Observation, ObservationEntry

Step = Observation.Step


def _plan_objectives(plan: Plan, objectives) -> list[Objective]:
    return belonging(
        objectives, to=plan, by="plan_id", message=_("The objective belongs to another plan.")
    )


def _required(value: str, message: str) -> str:
    value = (value or "").strip()
    if not value:
        raise DomainError(message)
    return value


def _check_due(reply_due: date | None) -> None:
    if reply_due is None:
        raise DomainError(_("Give the date by which a reply is expected."))
    if reply_due < today():
        raise DomainError(_("The date by which a reply is expected cannot be in the past."))


@transaction.atomic
def observation_create(
    *,
    actor,
    plan: Plan,
    subject: str,
    text: str,
    reply_due: date,
    rule_id: str = "",
    objective: Objective | None = None,
) -> Observation:
    """Record what is missing or unclear in the plan; the coordinators are notified."""
    require(actor, "oversight.create_observation", plan)
    if plan.state == Plan.State.SUPERSEDED:
        raise DomainError(_("A superseded plan takes no new observations."))
    subject = _required(subject, _("Give the observation a subject."))
    text = _required(text, _("Describe what is missing or unclear."))
    _check_due(reply_due)
    if rule_id and rule_id not in RULES:
        raise DomainError(_("There is no such rule in the readiness check."))
    if objective is not None:
        _plan_objectives(plan, [objective])
    observation = Observation(
        plan=plan,
        subject=subject,
        text=text,
        reply_due=reply_due,
        rule_id=rule_id or "",
        objective=objective,
        objective_title=str(objective) if objective else "",
        created_by=actor,
    )
    save_new(actor=actor, obj=observation)
    with acting_as(actor):
        _add_to_trail(observation, ObservationEntry.Kind.CREATED, actor=actor, text=text)
    observation_id = observation.pk
    transaction.on_commit(lambda: notifications.to_coordinators(observation_id=observation_id))
    return observation


def _add_to_trail(observation, kind, *, actor, text: str, objectives=(), **fields) -> None:
    entry = ObservationEntry.objects.create(
        observation=observation, kind=kind, author=actor, text=text, **fields
    )
    if objectives:
        entry.changed_objectives.set(objectives)


def _step(
    *, actor, observation: Observation, step: Step, text: str, check=None, **entry
) -> Observation:
    sources, target, permission = Observation.TRANSITIONS[step]
    require(actor, permission, observation)
    locked = Observation.objects.select_for_update().get(pk=observation.pk)
    if locked.state not in sources:
        raise DomainError(
            _("This observation is %(state)s; that step is not possible now.")
            % {"state": locked.get_state_display().lower()}
        )
    if check is not None:
        check(locked)
    with acting_as(actor):
        locked.state = target
        for name, value in entry.pop("observation_changes", {}).items():
            setattr(locked, name, value)
        locked.save()
        _add_to_trail(locked, ObservationEntry.Kind(target), actor=actor, text=text, **entry)
    return locked


@transaction.atomic
def observation_reply(
    *, actor, observation: Observation, text: str, changes_made: str = "", changed_objectives=()
) -> Observation:
    """The coordinator replies and marks what was changed; the observing official is notified."""
    text = _required(text, _("Write a reply."))
    objectives = _plan_objectives(observation.plan, changed_objectives)
    updated = _step(
        actor=actor,
        observation=observation,
        step=Step.REPLY,
        text=text,
        changes_made=(changes_made or "").strip(),
        objectives=objectives,
    )
    observation_id = updated.pk
    transaction.on_commit(lambda: notifications.to_official(observation_id=observation_id))
    return updated


@transaction.atomic
def observation_resolve(*, actor, observation: Observation, comment: str = "") -> Observation:
    """The official considers the matter settled. An observation tied to a readiness rule that
    the plan still fails is resolved only with a stated reason."""
    comment = (comment or "").strip()

    def rule_met_or_reason_given(locked: Observation) -> None:
        if not locked.rule_id or comment:
            return
        still = [item for item in unmet_now(locked.plan) if item.key == locked.rule_id]
        if still:
            raise DomainError(
                _(
                    "The plan still does not meet “%(rule)s”. Say in the comment why the "
                    "observation is resolved anyway."
                )
                % {"rule": still[0].title}
            )

    return _step(
        actor=actor,
        observation=observation,
        step=Step.RESOLVE,
        text=comment,
        check=rule_met_or_reason_given,
    )


@transaction.atomic
def observation_reopen(
    *, actor, observation: Observation, comment: str, reply_due: date | None = None
) -> Observation:
    """The official is not satisfied yet; the coordinators are notified again."""
    comment = _required(comment, _("Explain why the observation is reopened."))
    changes = {}
    if reply_due is not None:
        _check_due(reply_due)
        changes["reply_due"] = reply_due
    updated = _step(
        actor=actor,
        observation=observation,
        step=Step.REOPEN,
        text=comment,
        observation_changes=changes,
    )
    observation_id = updated.pk
    transaction.on_commit(
        lambda: notifications.to_coordinators(observation_id=observation_id, reopened=True)
    )
    return updated


def observation_delete(*, actor, observation: Observation) -> None:
    """Refused, always: the dialogue is a record."""
    raise DomainError(_("Observations are never deleted; resolve the observation instead."))


# --- monitoring and cooperation discussions ----------------------------------------------------


@transaction.atomic
def discussion_create(
    *, actor, municipality, held_on: date, participants: str, topics: str, plan: Plan | None = None
) -> MonitoringDiscussion:
    """Record a regional monitoring and cooperation discussion with a municipality."""
    require(actor, "oversight.create_discussion", municipality)
    if plan is not None and not plan.municipalities.filter(pk=municipality.pk).exists():
        raise DomainError(_("The plan is not a plan of this municipality."))
    if held_on is None or held_on > today():
        raise DomainError(_("Record a discussion once it has been held."))
    discussion = MonitoringDiscussion(
        municipality=municipality,
        plan=plan,
        held_on=held_on,
        participants=_required(participants, _("List the participants.")),
        topics=_required(topics, _("Describe the topics discussed.")),
        created_by=actor,
    )
    return save_new(actor=actor, obj=discussion)


@transaction.atomic
def follow_up_add(
    *, actor, discussion: MonitoringDiscussion, text: str, responsible: str, due_date=None
) -> DiscussionFollowUp:
    """Add a follow-up agreed in the discussion (`due_date` optional)."""
    require(actor, "oversight.add_follow_up", discussion)
    text = _required(text, _("Describe the agreed follow-up."))
    responsible = _required(responsible, _("Name who is responsible."))
    follow_up = DiscussionFollowUp(
        discussion=discussion, text=text, responsible=responsible, due_date=due_date
    )
    return save_new(actor=actor, obj=follow_up)


@transaction.atomic
def follow_up_set_done(*, actor, follow_up: DiscussionFollowUp, done: bool) -> DiscussionFollowUp:
    """Mark an agreed follow-up done, or not done after all."""
    require(actor, "oversight.change_follow_up", follow_up.discussion)
    locked = DiscussionFollowUp.objects.select_for_update().get(pk=follow_up.pk)
    if locked.done != done:
        with acting_as(actor):
            locked.done = done
            locked.save(update_fields=["done"])
    return locked


def discussion_delete(*, actor, discussion: MonitoringDiscussion) -> None:
    """Refused, always: discussion records are kept."""
    raise DomainError(_("Discussion records are never deleted."))
