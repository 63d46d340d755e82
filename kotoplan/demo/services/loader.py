"""Loads the demo organisations, users, roles and plans.

Plans are written through the planning services, acting as the demo administrator, so that
permissions, lifecycle rules and the audit trail apply as they do in the user interface.
Everything is found again by stable identifiers (usernames, organisation names, plan titles),
so loading twice changes nothing.
"""

from dataclasses import dataclass, field
from datetime import timedelta
from decimal import Decimal

from django.core.management import call_command
from django.db import transaction

from kotoplan.accounts.models import Organisation, RoleAssignment, User
from kotoplan.accounts.services import role_grant
from kotoplan.core.clock import today
from kotoplan.geography.models import Municipality
from kotoplan.oversight.dialogue import services as dialogue_services
from kotoplan.oversight.dialogue.models import (
    DiscussionFollowUp,
    MonitoringDiscussion,
    Observation,
)
from kotoplan.planning.models import (
    DecisionStep,
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    TargetGroup,
    Theme,
)
from kotoplan.planning.services import (
    content_create,
    content_delete,
    content_update,
    invitation_answer,
    plan_create,
    plan_new_version,
    plan_transition,
    plan_update,
)

from . import content
from .content import monitoring
from .content.bundled_statistics import load_bundled_statistics
from .content.consultations import load_consultations
from .content.cooperation import load_cooperation
from .content.monitoring_rounds import load_demo_monitoring
from .content.observations import DISCUSSIONS, OBSERVATIONS
from .references import OrganisationResolver, find_local

DECIMAL_FIELDS = ("baseline_value", "target_value")


class DemoDataError(Exception):
    pass


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)

    @property
    def changed(self) -> bool:
        return bool(self.lines)


def _without(data: dict, *keys: str) -> dict:
    return {key: value for key, value in data.items() if key not in keys}


def _decimals(data: dict) -> dict:
    return {
        key: Decimal(value) if key in DECIMAL_FIELDS and value is not None else value
        for key, value in data.items()
    }


class DemoLoader:
    def __init__(self) -> None:
        self.report = Report()
        self.organisations = OrganisationResolver()
        self.admin: User | None = None
        self.themes: dict[str, Theme] = {}

    @transaction.atomic
    def load(self) -> Report:
        self._check_reference_data()
        self.load_organisations()
        self.load_users()
        self.themes = {theme.code: theme for theme in Theme.objects.all()}
        for spec in content.plans():
            self.load_plan(spec)
        self.load_dialogue()
        load_consultations(self.report)  # participation: consultations and feedback
        load_cooperation(admin=self.admin, organisations=self.organisations, report=self.report)
        self.load_statistics()
        self.load_monitoring()
        call_command("refresh_readiness", verbosity=0)  # fill the oversight dashboards
        return self.report

    def load_monitoring(self) -> None:
        """A completed and an open monitoring round of the adopted Tampere plan (idempotent)."""
        for line in load_demo_monitoring(monitoring):
            self.report.add(line)

    def load_statistics(self) -> None:
        """The real statistics in data/statistics/ (idempotent: unchanged rows are not written)."""
        for name, counts in load_bundled_statistics().items():
            if counts.changed:
                self.report.add(
                    f"Statistics: {name} ({counts.created} created, {counts.updated} updated)"
                )

    def _check_reference_data(self) -> None:
        codes = {org["municipality"] for org in content.organisations()}
        if Municipality.objects.filter(code__in=codes).count() != len(codes):
            raise DemoDataError("Municipalities are missing: run load_reference_data first.")
        if not Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY).exists():
            raise DemoDataError("Public organisations are missing: run sync_organisations first.")
        missing = {spec["theme"] for plan in content.plans() for spec in plan["objectives"]}
        missing -= set(Theme.objects.values_list("code", flat=True))
        if missing:
            raise DemoDataError(
                f"Themes {', '.join(sorted(missing))} are missing: run migrate to seed them."
            )

    # --- organisations, users and roles ---------------------------------------------------

    def load_organisations(self) -> None:
        for definition in content.organisations():
            if find_local(definition) is not None:
                continue
            municipality = Municipality.objects.get(code=definition["municipality"])
            parent = None
            if definition["kind"] == Organisation.Kind.MUNICIPAL_UNIT:
                parent = self.organisations(f"mun:{municipality.code}")
            organisation = Organisation(
                kind=definition["kind"],
                name_fi=definition["name_fi"],
                name_sv=definition["name_sv"],
                municipality=municipality,
                parent=parent,
            )
            organisation.full_clean()
            organisation.save()
            self.report.add(f"Organisation: {organisation.name_fi}")

    def load_users(self) -> None:
        for definition in content.users():
            user = User.objects.filter(username=definition["username"]).first()
            if user is None:
                user = User(
                    username=definition["username"],
                    first_name=definition["first_name"],
                    last_name=definition["last_name"],
                    email=definition["email"],
                    preferred_language=definition["preferred_language"],
                    is_staff=definition["superuser"],
                    is_superuser=definition["superuser"],
                )
                user.set_password(content.DEMO_PASSWORD)
                user.full_clean()
                user.save()
                self.report.add(f"User: {user.username}")
            for role in definition["roles"]:
                self._grant(user, role)
            if user.username == content.ADMIN_USERNAME:
                self.admin = user
        if self.admin is None or not self.admin.is_superuser:
            raise DemoDataError(f"The user {content.ADMIN_USERNAME!r} must be a superuser.")

    def _grant(self, user: User, role: dict) -> None:
        organisation = self.organisations(role["organisation"])
        dates = {"valid_from": role["valid_from"], "valid_to": role["valid_to"]}
        exists = RoleAssignment.objects.filter(
            user=user, organisation=organisation, role=role["role"], **dates
        ).exists()
        if not exists:
            role_grant(user=user, organisation=organisation, role=role["role"], **dates)
            self.report.add(f"Role: {user.username} · {role['role']} · {organisation}")

    # --- plans ----------------------------------------------------------------------------

    def load_plan(self, spec: dict) -> None:
        lead = Municipality.objects.get(code=spec["lead"])
        first = Plan.objects.filter(
            lead_municipality=lead, title_fi=spec["fields"]["title_fi"], version_number=1
        ).first()
        if first is None:
            with transaction.atomic():
                first = self._build(spec, lead)
                for step in spec["transitions"]:
                    first = plan_transition(
                        actor=self.admin,
                        plan=first,
                        to_state=step["to"],
                        expected_version=first.version,
                        decision=step.get("decision"),
                        override_reason=step.get("reason", ""),
                    )
            self.report.add(f"Plan: {first} ({first.state})")
        update = spec.get("update")
        if (
            update
            and first.state == Plan.State.ADOPTED
            and not Plan.objects.filter(previous_version=first).exists()
        ):
            with transaction.atomic():
                new = self._new_version(first, update)
            self.report.add(f"Plan: {new}, version {new.version_number} ({new.state})")

    def _build(self, spec: dict, lead: Municipality) -> Plan:
        fields = dict(spec["fields"])
        if fields.get("coordinating_unit"):
            fields["coordinating_unit"] = self.organisations(fields["coordinating_unit"])
        plan = plan_create(
            actor=self.admin,
            lead_municipality=lead,
            municipalities=Municipality.objects.filter(code__in=spec["municipalities"]),
            data=fields,
        )
        for invitation in plan.invitations.all():  # the partners of a joint plan have agreed
            invitation_answer(actor=self.admin, invitation=invitation, accept=True)
        plan.refresh_from_db()
        groups = {
            ref: content_create(actor=self.admin, model=TargetGroup, data={"plan": plan, **data})
            for ref, data in spec["target_groups"].items()
        }
        for data in spec["milestones"]:
            self._milestone(plan, data)
        for data in spec.get("decision_steps", []):
            content_create(actor=self.admin, model=DecisionStep, data={"plan": plan, **data})
        chapters = {
            chapter["ref"]: content_create(
                actor=self.admin,
                model=PlanChapter,
                data={"plan": plan, "order": order, **_without(chapter, "ref")},
            )
            for order, chapter in enumerate(spec.get("chapters", []), start=1)
        }
        for order, objective in enumerate(spec["objectives"], start=1):
            self._objective(plan, objective, order, groups, chapters)
        return plan

    def _milestone(self, plan: Plan, data: dict) -> Milestone:
        return content_create(actor=self.admin, model=Milestone, data={"plan": plan, **data})

    def _objective(
        self, plan: Plan, spec: dict, order: int, groups: dict, chapters: dict
    ) -> Objective:
        data = _without(
            spec, "theme", "target_groups", "measures", "indicators", "chapter", "additional_themes"
        )
        if spec.get("chapter"):
            data["chapter"] = chapters[spec["chapter"]]
        objective = content_create(
            actor=self.admin,
            model=Objective,
            data={"plan": plan, "theme": self.themes[spec["theme"]], "order": order, **data},
            m2m={
                "target_groups": [groups[ref] for ref in spec.get("target_groups", [])],
                "additional_themes": [
                    self.themes[code] for code in spec.get("additional_themes", [])
                ],
            },
        )
        measures = {}
        for number, measure_spec in enumerate(spec.get("measures", []), start=1):
            measure = self._measure(objective, measure_spec, number)
            if measure_spec.get("ref"):
                measures[measure_spec["ref"]] = measure
        for indicator_spec in spec.get("indicators", []):
            data = _decimals(_without(indicator_spec, "measure"))
            if indicator_spec.get("measure"):
                data["measure"] = measures[indicator_spec["measure"]]
            content_create(actor=self.admin, model=Indicator, data={"objective": objective, **data})
        return objective

    def _measure(self, objective: Objective, spec: dict, order: int) -> Measure:
        data = _without(spec, "ref", "responsible", "partners")
        if spec.get("responsible"):
            data["responsible_organisation"] = self.organisations(spec["responsible"])
        return content_create(
            actor=self.admin,
            model=Measure,
            data={"objective": objective, "order": order, **data},
            m2m={"partners": [self.organisations(ref) for ref in spec.get("partners", [])]},
        )

    def _new_version(self, adopted: Plan, update: dict) -> Plan:
        plan = plan_new_version(actor=self.admin, plan=adopted)
        if update.get("fields"):
            plan = plan_update(
                actor=self.admin, plan=plan, expected_version=plan.version, data=update["fields"]
            )
        cutoff = update.get("drop_milestones_before")
        if cutoff:
            for milestone in Milestone.objects.filter(plan=plan, due_date__lt=cutoff):
                content_delete(actor=self.admin, obj=milestone)
        for data in update.get("milestones", []):
            self._milestone(plan, data)
        for title, changes in update.get("measures", {}).items():
            measure = Measure.objects.get(objective__plan=plan, title_fi=title)
            content_update(
                actor=self.admin, obj=measure, expected_version=measure.version, data=changes
            )
        for name, changes in update.get("indicators", {}).items():
            indicator = Indicator.objects.get(objective__plan=plan, name_fi=name)
            content_update(
                actor=self.admin,
                obj=indicator,
                expected_version=indicator.version,
                data=_decimals(changes),
            )
        for title, measures in update.get("new_measures", {}).items():
            objective = Objective.objects.get(plan=plan, title_fi=title)
            first_free = objective.measures.count() + 1
            for number, spec in enumerate(measures, start=first_free):
                self._measure(objective, spec, number)
        return plan

    # --- the regional authority's observations and discussions ---------------------------

    def _user(self, username: str) -> User:
        return User.objects.get(username=username)

    def _first_version(self, ref: dict) -> Plan:
        return Plan.objects.get(
            lead_municipality__code=ref["lead"], title_fi=ref["title_fi"], version_number=1
        )

    def load_dialogue(self) -> None:
        """Observations and discussions, written through the oversight services as the demo
        official and coordinators; found again by plan and subject, or municipality and topics."""
        for spec in OBSERVATIONS:
            plan = self._first_version(spec["plan"])
            if Observation.objects.filter(plan=plan, subject=spec["subject"]).exists():
                continue
            with transaction.atomic():
                observation = dialogue_services.observation_create(
                    actor=self._user(spec["official"]),
                    plan=plan,
                    subject=spec["subject"],
                    text=spec["text"],
                    rule_id=spec.get("rule_id", ""),
                    reply_due=today() + timedelta(days=spec["reply_due_in_days"]),
                )
                for step in spec["steps"]:
                    self._observation_step(observation, step)
            self.report.add(f"Observation: {observation.subject}")
        for spec in DISCUSSIONS:
            self._discussion(spec)

    def _observation_step(self, observation: Observation, step: dict) -> None:
        actor = self._user(step["actor"])
        observation.refresh_from_db()
        if step["step"] == "reply":
            dialogue_services.observation_reply(
                actor=actor,
                observation=observation,
                text=step["text"],
                changes_made=step.get("changes_made", ""),
            )
        elif step["step"] == "resolve":
            dialogue_services.observation_resolve(
                actor=actor, observation=observation, comment=step.get("text", "")
            )
        else:
            dialogue_services.observation_reopen(
                actor=actor, observation=observation, comment=step["text"]
            )

    def _discussion(self, spec: dict) -> None:
        municipality = Municipality.objects.get(code=spec["municipality"])
        official = self._user(spec["official"])
        discussion = MonitoringDiscussion.objects.filter(
            municipality=municipality, topics=spec["topics"]
        ).first()
        if discussion is None:
            discussion = dialogue_services.discussion_create(
                actor=official,
                municipality=municipality,
                plan=self._first_version(spec["plan"]),
                held_on=today() - timedelta(days=spec["held_days_ago"]),
                participants=spec["participants"],
                topics=spec["topics"],
            )
            self.report.add(f"Discussion: {municipality} {discussion.held_on.isoformat()}")
        for item in spec["follow_ups"]:
            if DiscussionFollowUp.objects.filter(discussion=discussion, text=item["text"]).exists():
                continue
            follow_up = dialogue_services.follow_up_add(
                actor=official,
                discussion=discussion,
                text=item["text"],
                responsible=item["responsible"],
                due_date=today() + timedelta(days=item["due_in_days"]),
            )
            if item["done"]:
                dialogue_services.follow_up_set_done(actor=official, follow_up=follow_up, done=True)
            self.report.add(f"Follow-up: {follow_up}")
