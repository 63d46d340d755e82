"""The observations dialogue through its services: the flow, refused steps, the trail, the
audit history, nothing deletable, and the emails sent after the commit."""

from datetime import date

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.db.models import ProtectedError

from kotoplan.accounts.models import RoleAssignment
from kotoplan.audit.selectors import plan_trail
from kotoplan.core.errors import DomainError
from kotoplan.oversight.dialogue import services
from kotoplan.oversight.dialogue.models import Observation, ObservationEntry
from kotoplan.planning.models import Plan
from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory
from tests.factories.planning import ObjectiveFactory

DUE = date(2026, 8, 31)


def _create(actor, plan, **extra) -> Observation:
    values = {
        "subject": "Participation is not evidenced",
        "text": "The plan does not say how immigrants took part in its preparation.",
        "reply_due": DUE,
        **extra,
    }
    return services.observation_create(actor=actor, plan=plan, **values)


@pytest.fixture
def observation(regional_official, coordinator_a, draft_plan) -> Observation:
    return _create(regional_official, draft_plan, rule_id="R01-themes-covered")


def _kinds(observation) -> list[str]:
    return list(observation.entries.order_by("pk").values_list("kind", flat=True))


# --- the flow ----------------------------------------------------------------------------------


def test_create_reply_resolve__each_step_is_an_entry(
    observation, regional_official, coordinator_a, objective
):
    assert observation.state == Observation.State.OPEN
    assert observation.created_by == regional_official

    replied = services.observation_reply(
        actor=coordinator_a,
        observation=observation,
        text="We added the residents' survey to the plan.",
        changes_made="Participation section rewritten.",
        changed_objectives=[objective],
    )
    assert replied.state == Observation.State.REPLIED

    resolved = services.observation_resolve(
        actor=regional_official, observation=replied, comment="Thank you, settled."
    )
    assert resolved.state == Observation.State.RESOLVED
    entries = list(resolved.entries.order_by("pk"))
    assert [e.kind for e in entries] == ["created", "replied", "resolved"]
    assert [e.author for e in entries] == [regional_official, coordinator_a, regional_official]
    assert entries[1].changes_made == "Participation section rewritten."
    assert list(entries[1].changed_objectives.all()) == [objective]
    assert entries[2].text == "Thank you, settled."
    assert all(e.created_at for e in entries)


def test_reopen_after_reply__coordinator_replies_again(
    observation, regional_official, coordinator_a
):
    services.observation_reply(actor=coordinator_a, observation=observation, text="Done.")
    reopened = services.observation_reopen(
        actor=regional_official,
        observation=observation,
        comment="The survey results are still missing.",
        reply_due=date(2026, 9, 30),
    )
    assert reopened.state == Observation.State.REOPENED
    assert reopened.reply_due == date(2026, 9, 30)
    again = services.observation_reply(
        actor=coordinator_a, observation=reopened, text="Results added."
    )
    assert again.state == Observation.State.REPLIED
    assert _kinds(again) == ["created", "replied", "reopened", "replied"]


def test_reopen_a_resolved_observation(observation, regional_official):
    services.observation_resolve(
        actor=regional_official, observation=observation, comment="Settled in the discussion."
    )
    reopened = services.observation_reopen(
        actor=regional_official, observation=observation, comment="The plan changed back."
    )
    assert reopened.state == Observation.State.REOPENED
    assert reopened.reply_due == DUE


def test_create__tied_to_objective_keeps_its_title(regional_official, draft_plan, objective):
    observation = _create(regional_official, draft_plan, objective=objective)
    assert observation.objective == objective
    assert observation.objective_title == str(objective)


# --- refused steps -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("step", "state"),
    [
        ("resolve", "resolved"),
        ("reopen", "open"),
        ("reply", "replied"),
        ("reply", "resolved"),
    ],
)
def test_step__refused_from_wrong_state(step, state, observation, regional_official, coordinator_a):
    Observation.objects.filter(pk=observation.pk).update(state=state)
    observation.refresh_from_db()
    calls = {
        "resolve": lambda: services.observation_resolve(
            actor=regional_official, observation=observation
        ),
        "reopen": lambda: services.observation_reopen(
            actor=regional_official, observation=observation, comment="Again."
        ),
        "reply": lambda: services.observation_reply(
            actor=coordinator_a, observation=observation, text="Reply."
        ),
    }
    with pytest.raises(DomainError, match="that step is not possible now"):
        calls[step]()
    assert observation.entries.count() == 1


def test_reply__refused_for_official_viewer_and_other_coordinator(
    observation, regional_official, viewer_a, coordinator_b
):
    for actor in (regional_official, viewer_a, coordinator_b):
        with pytest.raises(PermissionDenied):
            services.observation_reply(actor=actor, observation=observation, text="Hi.")
    observation.refresh_from_db()
    assert observation.state == Observation.State.OPEN


def test_resolve_and_reopen__refused_for_coordinator(observation, coordinator_a):
    with pytest.raises(PermissionDenied):
        services.observation_resolve(actor=coordinator_a, observation=observation)
    services.observation_reply(actor=coordinator_a, observation=observation, text="Done.")
    with pytest.raises(PermissionDenied):
        services.observation_reopen(actor=coordinator_a, observation=observation, comment="No.")


def test_create__refused_for_official_of_another_area_and_ended_ely(
    draft_plan, municipality_b, other_areas, regional_official_ely_ended
):
    organisation = OrganisationFactory(kind="regional_authority", area=other_areas["evk"])
    other = UserFactory(username="official_other")
    RoleAssignmentFactory(
        user=other, organisation=organisation, role=RoleAssignment.Role.REGIONAL_OFFICIAL
    )
    for actor in (other, regional_official_ely_ended):
        with pytest.raises(PermissionDenied):
            _create(actor, draft_plan)
    assert not Observation.objects.exists()


def test_create__refused_for_coordinator_and_admin(draft_plan, coordinator_a, admin_user):
    for actor in (coordinator_a, admin_user):
        with pytest.raises(PermissionDenied):
            _create(actor, draft_plan)


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"subject": "  "}, "subject"),
        ({"text": ""}, "Describe what is missing"),
        ({"reply_due": date(2026, 5, 31)}, "cannot be in the past"),
        ({"rule_id": "R99-no-such-rule"}, "no such rule"),
    ],
)
def test_create__invalid_input_refused(changes, message, regional_official, draft_plan):
    with pytest.raises(DomainError, match=message):
        _create(regional_official, draft_plan, **changes)


def test_create__objective_of_another_plan_refused(regional_official, draft_plan, adopted_plan):
    foreign = ObjectiveFactory(plan=adopted_plan)
    with pytest.raises(DomainError, match="another plan"):
        _create(regional_official, draft_plan, objective=foreign)


def test_create__superseded_plan_refused(regional_official, draft_plan):
    Plan.objects.filter(pk=draft_plan.pk).update(state=Plan.State.SUPERSEDED)
    draft_plan.refresh_from_db()
    with pytest.raises(DomainError, match="superseded"):
        _create(regional_official, draft_plan)


def test_reopen__needs_a_comment(observation, regional_official, coordinator_a):
    services.observation_reply(actor=coordinator_a, observation=observation, text="Done.")
    with pytest.raises(DomainError, match="Explain why"):
        services.observation_reopen(actor=regional_official, observation=observation, comment="")


# --- nothing is deleted ------------------------------------------------------------------------


def test_nothing_deletable(observation, regional_official, admin_user):
    for actor in (regional_official, admin_user):
        with pytest.raises(DomainError, match="never deleted"):
            services.observation_delete(actor=actor, observation=observation)
    with pytest.raises(ProtectedError):
        observation.delete()
    with pytest.raises(ProtectedError):
        observation.plan.delete()
    assert Observation.objects.filter(pk=observation.pk).exists()
    assert ObservationEntry.objects.filter(observation=observation).count() == 1


# --- audit -------------------------------------------------------------------------------------


def test_steps_appear_in_plan_change_history(observation, regional_official, coordinator_a):
    services.observation_reply(actor=coordinator_a, observation=observation, text="Done.")
    trail = plan_trail(plan_id=observation.plan_id)
    observation_entries = trail.filter(content_type__model="observation")
    assert observation_entries.filter(action=LogEntry.Action.CREATE).get().actor == (
        regional_official
    )
    assert observation_entries.filter(action=LogEntry.Action.UPDATE).get().actor == coordinator_a
    entry_actors = {e.actor for e in trail.filter(content_type__model="observationentry")}
    assert entry_actors == {regional_official, coordinator_a}


# --- emails ------------------------------------------------------------------------------------


def test_create__emails_coordinators_only_after_commit(
    regional_official,
    coordinator_a,
    coordinator_b,
    viewer_a,
    draft_plan,
    organisation_a,
    settings,
    django_capture_on_commit_callbacks,
):
    settings.KOTOPLAN_SITE_URL = "https://kotoplan.example/"
    second = UserFactory(username="coordinator_a2", preferred_language="sv")
    RoleAssignmentFactory(
        user=second, organisation=organisation_a, role=RoleAssignment.Role.COORDINATOR
    )
    expired = UserFactory(username="coordinator_old")
    RoleAssignmentFactory(
        user=expired,
        organisation=organisation_a,
        role=RoleAssignment.Role.COORDINATOR,
        valid_to=date(2025, 12, 31),
    )
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        observation = _create(regional_official, draft_plan)
    assert mail.outbox == []  # nothing before the commit
    for callback in callbacks:
        callback()
    assert sorted(m.to[0] for m in mail.outbox) == [
        "coordinator_a2@example.fi",
        "coordinator_a@example.fi",
    ]
    message = mail.outbox[0]
    assert "Participation is not evidenced" in message.subject
    assert f"https://kotoplan.example/oversight/observations/{observation.pk}/" in message.body


def test_rolled_back_create__sends_nothing(
    regional_official, coordinator_a, draft_plan, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(DomainError):
        _create(regional_official, draft_plan, reply_due=date(2020, 1, 1))
    assert mail.outbox == []


def test_reply__emails_the_observing_official(
    observation, regional_official, coordinator_a, django_capture_on_commit_callbacks
):
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.observation_reply(
            actor=coordinator_a,
            observation=observation,
            text="We added the survey.",
            changes_made="New participation section.",
        )
    assert [m.to for m in mail.outbox] == [[regional_official.email]]
    assert "We added the survey." in mail.outbox[0].body
    assert "New participation section." in mail.outbox[0].body


def test_reopen__emails_coordinators_again_and_resolve_sends_nothing(
    observation, regional_official, coordinator_a, django_capture_on_commit_callbacks
):
    """Reopening mails the coordinators again (in their language); resolving mails nobody."""
    coordinator_a.preferred_language = "en"
    coordinator_a.save()
    services.observation_reply(actor=coordinator_a, observation=observation, text="Done.")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        services.observation_reopen(
            actor=regional_official, observation=observation, comment="Still missing."
        )
    assert [m.to for m in mail.outbox] == [[coordinator_a.email]]
    assert "reopened" in mail.outbox[0].subject.lower()
    mail.outbox.clear()
    services.observation_reply(actor=coordinator_a, observation=observation, text="Now.")
    with django_capture_on_commit_callbacks(execute=True):
        services.observation_resolve(
            actor=regional_official, observation=observation, comment="Agreed by phone."
        )
    assert mail.outbox == []


def test_email__in_recipients_preferred_language(
    regional_official, coordinator_a, draft_plan, django_capture_on_commit_callbacks
):
    coordinator_a.preferred_language = "sv"
    coordinator_a.save()
    with django_capture_on_commit_callbacks(execute=True):
        _create(regional_official, draft_plan)
    # The plan title is shown in the recipient's language.
    assert draft_plan.title_sv in mail.outbox[0].body


def test_resolve__rule_still_failing__needs_a_stated_reason(observation, regional_official):
    """The observation is tied to "all themes covered", which the draft still fails: resolving
    it silently is refused; with a reason it is resolved and the reason is on the trail."""
    with pytest.raises(DomainError, match="still does not meet"):
        services.observation_resolve(actor=regional_official, observation=observation)
    observation.refresh_from_db()
    assert observation.state == Observation.State.OPEN
    resolved = services.observation_resolve(
        actor=regional_official,
        observation=observation,
        comment="Themes are handled in the welfare plan; agreed in the discussion.",
    )
    assert resolved.state == Observation.State.RESOLVED
