"""Shared fixtures: a small piece of Finland, its organisations, one user per role and two plans.

Geography (dates as in the 2026 reform):
- municipality A (Espoo) belongs to an ELY centre until 2025-12-31, to an Economic Development
  Centre (EVK) from 2026-01-01 and to a wellbeing services county;
- municipality B (Jyväskylä) belongs to other areas of the same kinds;
- an Åland municipality (outside the Integration Act) is in A's EVK.

Every rule asks `kotoplan.core.clock.today()`; the `clock` fixture pins that day to 2026-06-01.
"""

import importlib
import pkgutil
import sys
from datetime import date

import pytest
from django.conf import settings
from django.utils import translation

# Imported so the `clock` fixture finds and pins their `today`.
import kotoplan.accounts.selectors
import kotoplan.geography.selectors  # noqa: F401
from kotoplan.accounts.models import Organisation, RoleAssignment
from kotoplan.core import clock as clock_module
from kotoplan.geography.models import Area
from kotoplan.planning.models import Plan, Theme
from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory
from tests.factories.geography import AreaFactory, AreaMembershipFactory, MunicipalityFactory
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    MilestoneFactory,
    ObjectiveFactory,
    PlanFactory,
    TargetGroupFactory,
)

pytest_plugins = [
    "tests.support.browser",  # headless Chromium for e2e and a11y
    "tests.support.counts",  # counts printed at the end of the run
]

ELY_LAST_DAY = date(2025, 12, 31)
EVK_FIRST_DAY = date(2026, 1, 1)
COUNTY_FIRST_DAY = date(2023, 1, 1)
TODAY = date(2026, 6, 1)

# Every role fixture below, plus "anonymous" (not logged in). The access matrix iterates these.
ROLE_FIXTURES = (
    "anonymous",
    "user_without_role",
    "coordinator_a",
    "coordinator_b",
    "contributor",
    "viewer_a",
    "regional_official",
    "regional_official_ely_ended",
    "county_liaison",
    "national_viewer",
    "admin_user",
)

_real_today = clock_module.today


def _import_every_product_module() -> None:
    """Import all of kotoplan up front, so no module first imports `today` while a test has it
    pinned (it would keep the pinned day for the rest of the run)."""
    import kotoplan

    for info in pkgutil.walk_packages(kotoplan.__path__, prefix="kotoplan."):
        if ".migrations" not in info.name:
            importlib.import_module(info.name)


_import_every_product_module()


class Clock:
    """The day the application believes it is."""

    def __init__(self, day: date):
        self.day = day

    def today(self) -> date:
        return self.day


def _in_browser_test(request) -> bool:
    """Browser suites (tests/e2e, tests/a11y) run the demo on a live server as it really is."""
    return request.node.get_closest_marker("browser") is not None


@pytest.fixture(autouse=True)
def clock(request, monkeypatch) -> Clock:
    """Pin `today()` everywhere it was imported; set `clock.day` to move to another day."""
    pinned = Clock(TODAY)
    if _in_browser_test(request):
        return pinned
    for module in list(sys.modules.values()):
        name = getattr(module, "__name__", "") or ""
        if name.startswith("kotoplan") and getattr(module, "today", None) is _real_today:
            monkeypatch.setattr(module, "today", pinned.today)
    return pinned


@pytest.fixture(autouse=True)
def empty_cache():
    """Every test starts with an empty cache (rate limits, stored page parts): the ids a test
    database gives out repeat from one test to the next."""
    from django.core.cache import caches

    for name in caches:
        caches[name].clear()


@pytest.fixture(autouse=True)
def english(request):
    """Messages from services in English, so assertions can quote the source strings."""
    if _in_browser_test(request):
        yield
        return
    with translation.override("en"):
        yield


@pytest.fixture
def client(client):
    """The test client, reading pages in English so assertions match the source strings."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return client


@pytest.fixture
def themes(db) -> dict[str, Theme]:
    """The statutory themes seeded by the planning migrations, by code (seeded again after a
    transactional test has emptied the database)."""
    if not Theme.objects.exists():
        seeded = importlib.import_module("kotoplan.planning.migrations.0002_seed_themes")
        for code, order, statutory, fi, sv, en in seeded.THEMES:
            Theme.objects.create(
                code=code, order=order, statutory=statutory, name_fi=fi, name_sv=sv, name_en=en
            )
    return {theme.code: theme for theme in Theme.objects.all()}


# --- geography ---------------------------------------------------------------------------------


@pytest.fixture
def ely_centre(db) -> Area:
    return AreaFactory(
        kind=Area.Kind.ELY_CENTRE,
        code="01",
        name_fi="Uudenmaan ELY-keskus",
        name_sv="NTM-centralen i Nyland",
        name_en="Uusimaa ELY Centre",
        valid_from=None,
        valid_to=ELY_LAST_DAY,
    )


@pytest.fixture
def vitality_centre(db) -> Area:
    return AreaFactory(
        kind=Area.Kind.VITALITY_CENTRE,
        code="01",
        name_fi="Uudenmaan elinvoimakeskus",
        name_sv="Nylands livskraftscentral",
        name_en="Uusimaa Economic Development Centre",
        valid_from=EVK_FIRST_DAY,
        valid_to=None,
    )


@pytest.fixture
def wellbeing_county(db) -> Area:
    return AreaFactory(
        kind=Area.Kind.WELLBEING_COUNTY,
        code="02",
        name_fi="Länsi-Uudenmaan hyvinvointialue",
        name_sv="Västra Nylands välfärdsområde",
        name_en="Western Uusimaa Wellbeing Services County",
        valid_from=COUNTY_FIRST_DAY,
        valid_to=None,
    )


@pytest.fixture
def other_areas(db) -> dict[str, Area]:
    """The ELY centre, EVK and wellbeing county of municipality B."""
    return {
        "ely": AreaFactory(
            kind=Area.Kind.ELY_CENTRE,
            code="10",
            name_fi="Keski-Suomen ELY-keskus",
            valid_from=None,
            valid_to=ELY_LAST_DAY,
        ),
        "evk": AreaFactory(
            kind=Area.Kind.VITALITY_CENTRE,
            code="05",
            name_fi="Keski-Suomen elinvoimakeskus",
            valid_from=EVK_FIRST_DAY,
            valid_to=None,
        ),
        "county": AreaFactory(
            kind=Area.Kind.WELLBEING_COUNTY,
            code="13",
            name_fi="Keski-Suomen hyvinvointialue",
            valid_from=COUNTY_FIRST_DAY,
            valid_to=None,
        ),
    }


def _join(municipality, *areas) -> None:
    for area in areas:
        AreaMembershipFactory(municipality=municipality, area=area)


@pytest.fixture
def municipality_a(ely_centre, vitality_centre, wellbeing_county):
    municipality = MunicipalityFactory(code="049", name_fi="Espoo", name_sv="Esbo", name_en="Espoo")
    _join(municipality, ely_centre, vitality_centre, wellbeing_county)
    return municipality


@pytest.fixture
def municipality_b(other_areas):
    municipality = MunicipalityFactory(
        code="179", name_fi="Jyväskylä", name_sv="Jyväskylä", name_en="Jyväskylä"
    )
    _join(municipality, *other_areas.values())
    return municipality


@pytest.fixture
def aland_municipality(vitality_centre):
    """Mariehamn: outside the Integration Act, listed in A's EVK as in the reference data."""
    municipality = MunicipalityFactory(
        code="478", name_fi="Maarianhamina", name_sv="Mariehamn", in_act_scope=False
    )
    _join(municipality, vitality_centre)
    return municipality


# --- organisations -----------------------------------------------------------------------------


@pytest.fixture
def organisation_a(municipality_a) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=municipality_a,
        name_fi="Espoon kaupunki",
        name_sv="Esbo stad",
        name_en="City of Espoo",
    )


@pytest.fixture
def organisation_b(municipality_b) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.MUNICIPALITY,
        municipality=municipality_b,
        name_fi="Jyväskylän kaupunki",
        name_sv="Jyväskylä stad",
        name_en="City of Jyväskylä",
    )


@pytest.fixture
def contributor_organisation(db) -> Organisation:
    """An immigrant association (tied to no municipality) that owns one measure of A's plan."""
    return OrganisationFactory(
        kind=Organisation.Kind.IMMIGRANT_ORGANISATION,
        name_fi="Monikulttuurinen yhdistys ry",
        name_sv="Mångkulturella föreningen rf",
        name_en="Multicultural Association",
    )


@pytest.fixture
def vitality_centre_organisation(vitality_centre) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.REGIONAL_AUTHORITY,
        area=vitality_centre,
        name_fi=vitality_centre.name_fi,
    )


@pytest.fixture
def ely_organisation(ely_centre) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.REGIONAL_AUTHORITY, area=ely_centre, name_fi=ely_centre.name_fi
    )


@pytest.fixture
def county_organisation(wellbeing_county) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.WELLBEING_COUNTY,
        area=wellbeing_county,
        name_fi=wellbeing_county.name_fi,
    )


@pytest.fixture
def ministry(db) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.MINISTRY,
        name_fi="Työ- ja elinkeinoministeriö",
        name_sv="Arbets- och näringsministeriet",
        name_en="Ministry of Economic Affairs and Employment",
    )


# --- users, one per role -----------------------------------------------------------------------


def _user_with_role(username: str, organisation: Organisation, role: str):
    user = UserFactory(username=username)
    RoleAssignmentFactory(user=user, organisation=organisation, role=role)
    return user


@pytest.fixture
def anonymous():
    """Nobody logged in."""
    return None


@pytest.fixture
def user_without_role(db):
    return UserFactory(username="norole")


@pytest.fixture
def coordinator_a(organisation_a):
    return _user_with_role("coordinator_a", organisation_a, RoleAssignment.Role.COORDINATOR)


@pytest.fixture
def coordinator_b(organisation_b):
    return _user_with_role("coordinator_b", organisation_b, RoleAssignment.Role.COORDINATOR)


@pytest.fixture
def contributor(contributor_organisation):
    return _user_with_role("contributor", contributor_organisation, RoleAssignment.Role.CONTRIBUTOR)


@pytest.fixture
def viewer_a(organisation_a):
    return _user_with_role("viewer_a", organisation_a, RoleAssignment.Role.VIEWER)


@pytest.fixture
def regional_official(vitality_centre_organisation, municipality_a):
    """An official of the EVK that covers municipality A today."""
    return _user_with_role(
        "official_evk", vitality_centre_organisation, RoleAssignment.Role.REGIONAL_OFFICIAL
    )


@pytest.fixture
def regional_official_ely_ended(ely_organisation, municipality_a):
    """An official of the ELY centre whose area stopped covering A on 2025-12-31."""
    return _user_with_role("official_ely", ely_organisation, RoleAssignment.Role.REGIONAL_OFFICIAL)


@pytest.fixture
def county_liaison(county_organisation, municipality_a):
    return _user_with_role(
        "county_liaison", county_organisation, RoleAssignment.Role.COUNTY_LIAISON
    )


@pytest.fixture
def national_viewer(ministry):
    return _user_with_role("national_viewer", ministry, RoleAssignment.Role.NATIONAL_VIEWER)


@pytest.fixture
def admin_user(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


# --- plans -------------------------------------------------------------------------------------


@pytest.fixture
def draft_plan(municipality_a, themes):
    return PlanFactory(
        lead_municipality=municipality_a,
        title_fi="Espoon kotoutumisohjelma 2026–2029",
        title_sv="Esbo integrationsprogram 2026–2029",
        title_en="Espoo integration plan 2026–2029",
    )


@pytest.fixture
def target_group(draft_plan):
    return TargetGroupFactory(plan=draft_plan, name_en="Recently arrived families")


@pytest.fixture
def milestone(draft_plan):
    return MilestoneFactory(plan=draft_plan, title_en="Council decision", due_date=date(2026, 9, 1))


@pytest.fixture
def objective(draft_plan, themes, target_group):
    return ObjectiveFactory(
        plan=draft_plan,
        theme=themes["employment_education"],
        title_en="More immigrants find work",
        target_groups=[target_group],
    )


@pytest.fixture
def owned_measure(objective, contributor_organisation):
    """The measure whose responsible party is the contributor's organisation."""
    return MeasureFactory(
        objective=objective,
        title_en="Job-seeking club in three languages",
        responsible_organisation=contributor_organisation,
    )


@pytest.fixture
def other_measure(objective, organisation_a):
    return MeasureFactory(
        objective=objective,
        title_en="Language-aware career counselling",
        responsible_organisation=organisation_a,
    )


@pytest.fixture
def indicator(objective, owned_measure):
    return IndicatorFactory(
        objective=objective, measure=owned_measure, name_en="Employment rate of immigrants"
    )


@pytest.fixture
def full_draft_plan(
    draft_plan, target_group, milestone, objective, owned_measure, other_measure, indicator
):
    """The draft plan of A with one of every part."""
    return draft_plan


@pytest.fixture
def adopted_plan(municipality_a, organisation_a, themes):
    """An earlier plan of A, adopted by the council: frozen, visible to national viewers."""
    plan = PlanFactory(
        lead_municipality=municipality_a,
        title_en="Espoo integration plan 2022–2025",
        period_start=2022,
        period_end=2025,
        state=Plan.State.ADOPTED,
        decision_body="Kaupunginvaltuusto",
        decision_date=date(2022, 3, 14),
    )
    objective = ObjectiveFactory(
        plan=plan, theme=themes["language_culture"], title_en="Mother-tongue teaching for all"
    )
    MeasureFactory(objective=objective, responsible_organisation=organisation_a)
    return plan
