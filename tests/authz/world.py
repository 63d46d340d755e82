"""The world of the whole-app access matrix: two municipalities, A ("own") and B ("other"), each
with one object of every kind a URL can name, and one user per role.

Roles are those the project defines (`RoleAssignment.Role`), plus a cooperation group member (a
user whose only link is a representative seat in A's group), an official of B's area, and the
administrator. Every object of side A is reachable for A's people; side B's objects are the
"other municipality / area / group / consultation" of the matrix.
"""

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from django.utils import timezone

from kotoplan.accounts.models import AccountRequest, Organisation, RoleAssignment
from kotoplan.api.models import ApiToken
from kotoplan.cooperation.models import (
    Category,
    CooperationGroup,
    Initiative,
    MeasureProposal,
    Meeting,
    Membership,
    Representative,
)
from kotoplan.core.models import StoredExport
from kotoplan.documents.models import PlanImport
from kotoplan.documents.selectors import plan_export_fingerprint
from kotoplan.geography.models import Area
from kotoplan.monitoring.rounds.models import MeasureUpdate, MonitoringRound
from kotoplan.monitoring.statistics.models import ImportRun, StatIndicator
from kotoplan.oversight.dialogue.models import (
    DiscussionFollowUp,
    MonitoringDiscussion,
    Observation,
)
from kotoplan.participation.models import (
    Comment,
    Consultation,
    ConsultationLanguage,
    ParticipationEvent,
    ResponseItem,
    Submission,
)
from kotoplan.participation.selectors.exports import feedback_fingerprint
from kotoplan.planning.models import DecisionStep, LinkedDocument, Plan, PlanInvitation, Theme
from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory
from tests.factories.geography import AreaFactory, AreaMembershipFactory, MunicipalityFactory
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    MilestoneFactory,
    ObjectiveFactory,
    PlanChapterFactory,
    PlanFactory,
    TargetGroupFactory,
)

HELSINKI = ZoneInfo("Europe/Helsinki")
ROLES = (
    "anonymous",
    "user_without_role",
    "coordinator_a",
    "coordinator_b",
    "contributor",
    "viewer_a",
    "cooperation_member",
    "regional_official",
    "regional_official_b",
    "county_liaison",
    "national_viewer",
    "statistics_importer",
    "admin_user",
)


@dataclass
class World:
    users: dict[str, object] = field(default_factory=dict)
    sides: dict[str, dict[str, object]] = field(default_factory=dict)


def _areas(code: str, name: str) -> dict[str, Area]:
    return {
        "ely": AreaFactory(
            kind=Area.Kind.ELY_CENTRE, code=code, name_fi=f"{name} ELY", valid_to=date(2025, 12, 31)
        ),
        "evk": AreaFactory(
            kind=Area.Kind.VITALITY_CENTRE,
            code=code,
            name_fi=f"{name} EVK",
            valid_from=date(2026, 1, 1),
            valid_to=None,
        ),
        "county": AreaFactory(
            kind=Area.Kind.WELLBEING_COUNTY,
            code=code,
            name_fi=f"{name} hyvinvointialue",
            valid_from=date(2023, 1, 1),
            valid_to=None,
        ),
    }


def _user(username: str, organisation: Organisation | None = None, role: str | None = None):
    user = UserFactory(username=username)
    if organisation is not None:
        RoleAssignmentFactory(user=user, organisation=organisation, role=role)
    return user


def _side(key: str, code: str, name: str, coordinator, contributor_org) -> dict[str, object]:
    """Everything of one municipality: its plans with one part of each kind, its group, its
    consultation with feedback, its monitoring round, observation and discussion."""
    areas = _areas(code, name)
    municipality = MunicipalityFactory(code=code, name_fi=name, name_sv=name, name_en=name)
    for area in areas.values():
        AreaMembershipFactory(municipality=municipality, area=area)
    official = _user(
        f"official_{key}",
        OrganisationFactory(kind=Organisation.Kind.REGIONAL_AUTHORITY, area=areas["evk"]),
        RoleAssignment.Role.REGIONAL_OFFICIAL,
    )
    organisation = OrganisationFactory(
        kind=Organisation.Kind.MUNICIPALITY, municipality=municipality, name_fi=f"{name}n kunta"
    )
    RoleAssignmentFactory(
        user=coordinator, organisation=organisation, role=RoleAssignment.Role.COORDINATOR
    )
    unit = OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT, municipality=municipality, name_fi=f"{name} opetus"
    )
    themes = {theme.code: theme for theme in Theme.objects.all()}
    plan = PlanFactory(lead_municipality=municipality, title_en=f"{name} draft plan")
    adopted = PlanFactory(
        lead_municipality=municipality,
        title_en=f"{name} adopted plan",
        period_start=2022,
        period_end=2025,
        state=Plan.State.ADOPTED,
        decision_body="Kaupunginvaltuusto",
        decision_date=date(2022, 3, 14),
    )
    target_group = TargetGroupFactory(plan=plan, name_en="Recently arrived families")
    objective = ObjectiveFactory(
        plan=plan, theme=themes["employment_education"], target_groups=[target_group]
    )
    # The contributor's association owns a measure of A's plan only.
    owner = contributor_org if key == "a" else unit
    measure = MeasureFactory(objective=objective, responsible_organisation=owner)
    indicator = IndicatorFactory(objective=objective, measure=measure, source="manual")
    ObjectiveFactory(plan=adopted, theme=themes["language_culture"])
    world: dict[str, object] = {
        "coordinator": coordinator,
        "official": official,
        "areas": areas,
        "municipality": municipality,
        "organisation": organisation,
        "unit": unit,
        "plan": plan,
        "adopted_plan": adopted,
        "objective": objective,
        "measure": measure,
        "indicator": indicator,
        "target_group": target_group,
        "milestone": MilestoneFactory(plan=plan, due_date=date(2026, 9, 1)),
        "chapter": PlanChapterFactory(plan=plan, title_fi="Työ ja koulutus"),
        "decision_step": DecisionStep.objects.create(
            plan=plan,
            body_kind=DecisionStep.BodyKind.BOARD,
            body_name="Kaupunginhallitus",
            decided_on=date(2026, 5, 4),
            section="§ 101",
            outcome=DecisionStep.Outcome.PROPOSED,
        ),
        "linked_document": LinkedDocument.objects.create(
            plan=plan, title="Kotouttamisohjelma (PDF)", url="https://kunta.example/ohjelma.pdf"
        ),
    }
    world |= _cooperation(key, municipality, organisation, plan, objective, contributor_org)
    world |= _participation(key, plan, objective, coordinator)
    world |= _monitoring_and_oversight(municipality, plan, coordinator, official)
    world["stat_indicator"] = StatIndicator.objects.create(
        code=f"foreign-language-share-{key}",
        name_fi="Vieraskielisten osuus",
        source=StatIndicator.Source.choices[0][0],
    )
    world["plan_import"] = PlanImport.objects.create(
        owner=coordinator, lead_municipality=municipality, file_name="plan.xlsx"
    )
    world["api_token"] = ApiToken.objects.create(
        user=coordinator,
        name="Raportointi",
        prefix=f"kp_{key}test",
        key_hash="0" * 64,
        expires_at=timezone.now() + timedelta(days=30),
    )
    world["account_request"] = AccountRequest.objects.create(
        provider=f"idp-{key}",
        subject=f"staff-{key}",
        user=UserFactory(username=f"sso_staff_{key}", is_active=False),
        organisation=organisation,
        state=AccountRequest.State.PENDING,
    )
    return world


def _cooperation(key, municipality, organisation, plan, objective, member_org) -> dict:
    group = CooperationGroup.objects.create(
        kind=CooperationGroup.Kind.MUNICIPAL,
        name=f"Yhteistyöryhmä {key}",
        appointed_by=organisation,
        appointing_body="Kaupunginhallitus",
        appointed_on=date(2025, 2, 3),
        decision_reference="KH 3.2.2025 § 41",
        mandate="Sovittaa yhteen kotoutumista edistävät palvelut.",
        term_start=date(2025, 3, 1),
        term_end=date(2028, 12, 31),
    )
    group.municipalities.set([municipality])
    group.plans.set([plan])
    membership = Membership.objects.create(
        group=group,
        organisation=member_org,
        category=Category.IMMIGRANT_ORGANISATION,
        start_date=date(2025, 3, 1),
    )
    filer = UserFactory(username=f"seat_{key}")
    Representative.objects.create(
        membership=membership,
        name="Aada Esimerkki",
        title="Toiminnanjohtaja",
        email=f"aada.{key}@example.fi",
        user=filer,
        start_date=date(2025, 3, 1),
    )
    meeting = Meeting.objects.create(
        group=group,
        title="Kevään kokous",
        starts_at=datetime(2026, 5, 20, 13, 0, tzinfo=HELSINKI),
        ends_at=datetime(2026, 5, 20, 15, 0, tzinfo=HELSINKI),
        place="Kaupungintalo",
    )
    return {
        "group": group,
        "membership": membership,
        "meeting": meeting,
        "initiative": Initiative.objects.create(
            group=group, membership=membership, filed_by=filer, topic="Kokous", reason="Tarve"
        ),
        "proposal": MeasureProposal.objects.create(
            group=group,
            plan=plan,
            objective=objective,
            membership=membership,
            proposed_by=filer,
            language="fi",
            title="Läksykerho",
        ),
    }


def _participation(key, plan, objective, coordinator) -> dict:
    now = timezone.now()
    consultation = Consultation.objects.create(
        plan=plan,
        slug=f"consultation-{key}",
        title_fi="Kerro mielipiteesi",
        title_en="Have your say",
        opens_at=now - timedelta(days=1),
        closes_at=now + timedelta(days=30),
    )
    submission = Submission.objects.create(
        consultation=consultation, language="fi", email=f"asukas.{key}@example.fi"
    )
    comment = Comment.objects.create(
        consultation=consultation, submission=submission, objective=objective, text="Hyvä alku"
    )
    response = ResponseItem.objects.create(
        consultation=consultation, outcome=ResponseItem.Outcome.ADOPTED, summary_fi="Kiitos"
    )
    response.comments.set([comment])
    return {
        "consultation": consultation,
        "slug": consultation.slug,
        "comment": comment,
        "response_item": response,
        "language": ConsultationLanguage.objects.create(
            consultation=consultation, code="ar", name="العربية"
        ),
        "event": ParticipationEvent.objects.create(
            plan=plan,
            kind=ParticipationEvent.Kind.choices[0][0],
            held_on=date(2026, 4, 1),
            audience="Asukkaat",
            participants=12,
            summary="Työpaja",
        ),
    }


def _monitoring_and_oversight(municipality, plan, coordinator, official) -> dict:
    observation = Observation.objects.create(
        plan=plan,
        subject="Tilannekuva puuttuu",
        text="Lisätkää tilannekuva.",
        reply_due=date(2026, 7, 1),
        created_by=official,
    )
    discussion = MonitoringDiscussion.objects.create(
        municipality=municipality,
        plan=plan,
        held_on=date(2026, 4, 2),
        participants="Virkailija\nKoordinaattori",
        topics="Seuranta",
        created_by=official,
    )
    monitoring_round = MonitoringRound.objects.create(
        plan=plan, period_label="2026", due_date=date(2026, 6, 30), opened_by=coordinator
    )
    MeasureUpdate.objects.create(
        round=monitoring_round,
        measure=plan.objectives.get().measures.get(),
        status=MeasureUpdate.Status.ON_TRACK,
        progress=40,
        updated_by=coordinator,
    )
    return {
        "round": monitoring_round,
        "observation": observation,
        "discussion": discussion,
        "follow_up": DiscussionFollowUp.objects.create(
            discussion=discussion, text="Päivitä mittarit", responsible="Koordinaattori"
        ),
        "import_run": ImportRun.objects.create(
            source=StatIndicator.Source.choices[0][0],
            created_by=coordinator,
            municipality=municipality,
            status=ImportRun.Status.SUCCEEDED,
            phase=ImportRun.Phase.DONE,
        ),
    }


def build_world() -> World:
    """The two municipalities and one user per role (see ROLES)."""
    world = World()
    users = world.users
    contributor_org = OrganisationFactory(
        kind=Organisation.Kind.IMMIGRANT_ORGANISATION, name_fi="Monikulttuurinen yhdistys ry"
    )
    ministry = OrganisationFactory(kind=Organisation.Kind.MINISTRY, name_fi="TEM")
    users["anonymous"] = None
    users["user_without_role"] = _user("norole")
    users["coordinator_a"] = _user("coordinator_a")
    users["coordinator_b"] = _user("coordinator_b")
    users["admin_user"] = UserFactory(username="admin", is_staff=True, is_superuser=True)
    users["contributor"] = _user("contributor", contributor_org, RoleAssignment.Role.CONTRIBUTOR)
    users["national_viewer"] = _user("ministry", ministry, RoleAssignment.Role.NATIONAL_VIEWER)
    users["statistics_importer"] = _user(
        "importer", ministry, RoleAssignment.Role.STATISTICS_IMPORTER
    )
    for side, code, name in (("a", "049", "Espoo"), ("b", "179", "Jyväskylä")):
        world.sides[side] = _side(side, code, name, users[f"coordinator_{side}"], contributor_org)
    users["regional_official"] = world.sides["a"]["official"]
    users["regional_official_b"] = world.sides["b"]["official"]
    a = world.sides["a"]
    users["viewer_a"] = _user("viewer_a", a["organisation"], RoleAssignment.Role.VIEWER)
    users["county_liaison"] = _user(
        "county_liaison",
        OrganisationFactory(kind=Organisation.Kind.WELLBEING_COUNTY, area=a["areas"]["county"]),
        RoleAssignment.Role.COUNTY_LIAISON,
    )
    member = _user("member_a")
    Representative.objects.create(
        membership=a["membership"],
        name="Amina Yusuf",
        title="Jäsen",
        email="amina@example.fi",
        user=member,
        start_date=date(2025, 3, 1),
    )
    users["cooperation_member"] = member
    b = world.sides["b"]
    a["invitation"] = PlanInvitation.objects.create(
        plan=b["plan"], municipality=a["municipality"], invited_by=users["coordinator_b"]
    )
    b["invitation"] = PlanInvitation.objects.create(
        plan=a["plan"], municipality=b["municipality"], invited_by=users["coordinator_a"]
    )
    for side in world.sides.values():
        side |= _exports(side)
    return world


def _exports(side: dict) -> dict:
    """A stored file of each kind a progress page shows, of the content as it is now (made last,
    as the fingerprint follows every organisation); "failed", so the page answers itself rather
    than serving or restarting the file."""

    def stored(subject_type, subject, kind, fingerprint):
        return StoredExport.objects.create(
            subject_type=subject_type,
            subject_id=subject.pk,
            kind=kind,
            language="fi",
            fingerprint=fingerprint,
            status=StoredExport.Status.FAILED,
        )

    plan, adopted, consultation = side["plan"], side["adopted_plan"], side["consultation"]
    return {
        "plan_export": stored("plan", plan, "plan_pdf", plan_export_fingerprint(plan=plan)),
        "public_export": stored("plan", adopted, "plan_pdf", plan_export_fingerprint(plan=adopted)),
        "feedback_export": stored(
            "consultation",
            consultation,
            "feedback_xlsx",
            feedback_fingerprint(consultation=consultation),
        ),
    }
