"""Who may open which planning page: every URL of kotoplan/planning/urls.py × every role.

The matrix is built from the URL patterns themselves, so a new planning view without an entry
here makes `test_access_matrix_covers_every_url__planning_urls_module` fail.
"""

import re
from dataclasses import dataclass
from datetime import date

import pytest
from django.core.exceptions import PermissionDenied
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.core.permissions import can, registered_actions, require, scope
from kotoplan.planning.models import DecisionStep, LinkedDocument, Measure, Plan
from kotoplan.planning.urls import ContentKindConverter, urlpatterns
from tests.authz.matrix import product_writes
from tests.conftest import ROLE_FIXTURES
from tests.factories.planning import PlanChapterFactory, PlanFactory
from tests.helpers import page_text

CONTENT_KINDS = tuple(ContentKindConverter.regex.split("|"))
LOGIN_URL = "/accounts/login/"
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE)\b", re.IGNORECASE)
REFUSED = frozenset({403, 404})  # readers may be told "forbidden" or "not found", never 200


@dataclass(frozen=True)
class Case:
    """One URL to open: `access` says which rule should decide it."""

    name: str
    access: str  # public | list | create | read | change | own_measure | new_version
    plan: str | None = None  # draft_a | adopted_a | draft_b
    target: str = "plan"  # the object whose pk goes into the URL
    kind: str | None = None
    method: str = "GET"

    @property
    def id(self) -> str:
        parts = [self.name, self.kind, self.target if self.target != "plan" else None, self.plan]
        return "-".join(part for part in parts if part)


CONTENT_TARGET = {
    "objective": "objective",
    "measure": "other_measure",
    "indicator": "indicator",
    "target_group": "target_group",
    "milestone": "milestone",
    "decision_step": "decision_step",
    "chapter": "chapter",
    "linked_document": "linked_document",
}

# Answered by the invited municipality, not by the plan's readers and editors: their rows are in
# tests/planning/test_invitations.py and in the whole-app matrix (tests/authz/access_matrix.toml).
INVITATION_ROUTES = {"invitation_detail", "invitation_answer", "invitation_withdraw"}

CASES = [
    Case("home", "public"),  # the front door for anyone, each person's own work once logged in
    Case("plan_list", "list"),
    Case("plan_create", "create"),
    Case("plan_historical_new", "create"),
    *[
        Case(name, "read", plan)
        for name in ("plan_detail", "plan_compare", "plan_history")
        for plan in ("draft_a", "adopted_a", "draft_b")
    ],
    Case("plan_edit", "change", "draft_a"),
    Case("plan_situation", "change", "draft_a"),
    Case("plan_transition", "change", "draft_a"),
    Case("plan_new_version", "new_version", "adopted_a", method="POST"),
    Case("objective_new", "change", "draft_a"),
    Case("target_group_new", "change", "draft_a"),
    Case("milestone_new", "change", "draft_a"),
    Case("decision_step_new", "change", "draft_a"),
    Case("linked_document_new", "change", "draft_a"),
    Case("chapter_new", "change", "draft_a"),
    Case("chapter_move", "move", "draft_a", target="chapter", method="POST"),
    *[
        Case("part_move", "move", "draft_a", target=CONTENT_TARGET[kind], kind=kind, method="POST")
        for kind in ("objective", "measure", "chapter")
    ],
    Case("measure_new", "change", "draft_a", target="objective"),
    Case("indicator_new", "change", "draft_a", target="objective"),
    *[
        Case("content_edit", "change", "draft_a", target=CONTENT_TARGET[kind], kind=kind)
        for kind in CONTENT_KINDS
    ],
    Case("content_edit", "own_measure", "draft_a", target="owned_measure", kind="measure"),
    *[
        Case("content_delete", "change", "draft_a", target=CONTENT_TARGET[kind], kind=kind)
        for kind in CONTENT_KINDS
    ],
    Case("content_delete", "change", "draft_a", target="owned_measure", kind="measure"),
]

# Who reads each plan: A's draft is read by A's people, the official of A's EVK, the county
# liaison of A's county and the contributor whose organisation owns a measure in it; national
# viewers read only plans that have left the draft state.
READERS = {
    "draft_a": {
        "coordinator_a",
        "contributor",
        "viewer_a",
        "regional_official",
        "county_liaison",
        "admin_user",
    },
    "adopted_a": {
        "coordinator_a",
        "viewer_a",
        "regional_official",
        "county_liaison",
        "national_viewer",
        "admin_user",
    },
    "draft_b": {"coordinator_b", "admin_user"},
}
EDITORS = {
    "draft_a": {"coordinator_a", "admin_user"},
    "adopted_a": {"coordinator_a", "admin_user"},
    "draft_b": {"coordinator_b", "admin_user"},
}
CREATORS = {"coordinator_a", "coordinator_b", "admin_user"}


def expected_statuses(case: Case, role: str) -> frozenset[int]:
    if case.access in ("list", "public"):
        return frozenset({200})
    if case.access == "create":
        return frozenset({200 if role in CREATORS else 403})
    readers = READERS[case.plan]
    allowed = {
        "read": readers,
        "change": EDITORS[case.plan],
        "own_measure": EDITORS[case.plan] | {"contributor"},
        "new_version": EDITORS[case.plan],
        "move": EDITORS[case.plan],
    }[case.access]
    if role in allowed:
        return frozenset({302 if case.method == "POST" else 200})
    if role in readers:
        return REFUSED
    return frozenset({404})


@pytest.fixture
def world(
    full_draft_plan,
    adopted_plan,
    municipality_b,
    objective,
    owned_measure,
    other_measure,
    indicator,
    target_group,
    milestone,
):
    step = DecisionStep.objects.create(
        plan=full_draft_plan,
        body_kind=DecisionStep.BodyKind.BOARD,
        body_name="Kaupunginhallitus",
        decided_on=date(2026, 5, 4),
        section="§ 101",
        outcome=DecisionStep.Outcome.PROPOSED,
    )
    return {
        "decision_step": step,
        "draft_a": full_draft_plan,
        "adopted_a": adopted_plan,
        "draft_b": PlanFactory(lead_municipality=municipality_b, title_en="Jyväskylä plan"),
        "objective": objective,
        "owned_measure": owned_measure,
        "other_measure": other_measure,
        "indicator": indicator,
        "target_group": target_group,
        "milestone": milestone,
        "chapter": PlanChapterFactory(plan=full_draft_plan, title_fi="Työ ja koulutus"),
        "linked_document": LinkedDocument.objects.create(
            plan=full_draft_plan,
            title="Kaupunginvaltuuston pöytäkirja",
            url="https://example.fi/poytakirja.pdf",
        ),
    }


def _url(case: Case, world: dict) -> str:
    if case.plan is None:
        return reverse(f"planning:{case.name}")
    plan = world[case.plan]
    if case.name in ("content_edit", "content_delete"):
        return reverse(f"planning:{case.name}", args=[case.kind, world[case.target].pk])
    if case.name.endswith("_new"):
        parent = plan if case.target == "plan" else world[case.target]
        return reverse(f"planning:{case.name}", args=[parent.pk])
    if case.name == "part_move":
        return reverse(f"planning:{case.name}", args=[case.kind, world[case.target].pk, "down"])
    if case.name == "chapter_move":
        return reverse(f"planning:{case.name}", args=[world[case.target].pk, "down"])
    if case.name == "plan_transition":
        return reverse(f"planning:{case.name}", args=[plan.pk, Plan.State.CONSULTATION])
    return reverse(f"planning:{case.name}", args=[plan.pk])


def test_access_matrix_covers_every_url__planning_urls_module():
    """Every URL pattern of the planning app, and every content kind, has a row in the matrix."""
    named = {pattern.name for pattern in urlpatterns}
    covered = {case.name for case in CASES} | INVITATION_ROUTES
    assert named == covered
    for view in ("content_edit", "content_delete"):
        assert {case.kind for case in CASES if case.name == view} == set(CONTENT_KINDS)


@pytest.mark.parametrize("role", ROLE_FIXTURES)
@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_planning_url_answers_by_role__every_url_every_role(request, client, world, case, role):
    """Each role gets exactly the pages its rules allow; hidden plans are 404, never 200; a GET
    never writes to the database."""
    user = request.getfixturevalue(role)
    if user is not None:
        client.force_login(user)
    url = _url(case, world)

    if case.method == "POST":
        response = client.post(url)
    else:
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        writes = product_writes(queries.captured_queries)
        assert writes == [], f"GET {url} as {role} wrote to the database"

    if user is None and case.access == "public":
        assert response.status_code == 200
        assert "Espoo integration plan 2026–2029" not in response.content.decode()  # a draft
        return
    if user is None:
        assert response.status_code == 302
        assert response["Location"].startswith(LOGIN_URL)
        return
    assert response.status_code in expected_statuses(case, role), (
        f"{role} {case.method} {url}: {response.status_code}"
    )


# --- details behind the matrix -----------------------------------------------------------------


def test_plan_new_version_creates_draft__coordinator_posts(client, coordinator_a, adopted_plan):
    """The coordinator's POST starts a new draft version and lands on its page."""
    client.force_login(coordinator_a)

    response = client.post(reverse("planning:plan_new_version", args=[adopted_plan.pk]))

    new = Plan.objects.get(previous_version=adopted_plan)
    assert new.state == Plan.State.DRAFT
    assert response["Location"] == reverse("planning:plan_detail", args=[new.pk])


@pytest.mark.parametrize("role", ROLE_FIXTURES[1:])
def test_plan_list_shows_plan_only_to_readers__draft_of_a(request, client, world, role):
    """The list of plans shows A's draft exactly to the people who may open it."""
    client.force_login(request.getfixturevalue(role))

    page = page_text(client.get(reverse("planning:plan_list")))

    assert ("Espoo integration plan 2026–2029" in page) is (role in READERS["draft_a"])
    assert ("Espoo integration plan 2022–2025" in page) is (role in READERS["adopted_a"])


def test_contributor_gets_progress_form_only__own_measure(client, contributor, owned_measure):
    """A contributor's form for their measure has progress fields but no title or ownership."""
    client.force_login(contributor)
    url = reverse("planning:content_edit", args=["measure", owned_measure.pk])

    page = page_text(client.get(url))

    assert 'name="status"' in page
    assert 'name="schedule_end"' in page
    assert 'name="title_fi"' not in page
    assert 'name="responsible_organisation"' not in page


def test_contributor_changes_progress_not_title__posts_both(client, contributor, owned_measure):
    """A contributor's save updates the status but cannot slip in a new title or owner."""
    client.force_login(contributor)
    url = reverse("planning:content_edit", args=["measure", owned_measure.pk])

    response = client.post(
        url,
        {
            "expected_version": "1",
            "status": Measure.Status.ONGOING,
            "title_fi": "Kaapattu otsikko",
            "responsible_organisation": "",
        },
    )

    assert response.status_code == 302
    owned_measure.refresh_from_db()
    assert owned_measure.status == Measure.Status.ONGOING
    assert owned_measure.title_fi != "Kaapattu otsikko"
    assert owned_measure.responsible_organisation is not None


def test_regional_official_loses_access__on_a_day_before_the_evk_started(
    client, regional_official, full_draft_plan, clock
):
    """The EVK official reads A's plan from 2026 on, but not on a day when the ELY still ruled."""
    client.force_login(regional_official)
    url = reverse("planning:plan_detail", args=[full_draft_plan.pk])
    assert client.get(url).status_code == 200

    clock.day = date(2025, 6, 1)

    assert client.get(url).status_code == 404


# --- the permission engine ---------------------------------------------------------------------


@pytest.mark.parametrize("role", ["admin_user", "coordinator_a"])
def test_can_denies__unknown_action(request, role, draft_plan):
    """An action without a registered rule is denied to everybody, administrators included."""
    user = request.getfixturevalue(role)

    assert "planning.publish_to_moon" not in registered_actions()
    assert can(user, "planning.publish_to_moon", draft_plan) is False
    assert not scope(user, "planning.publish_to_moon", Plan.objects.all()).exists()
    with pytest.raises(PermissionDenied):
        require(user, "planning.publish_to_moon", draft_plan)


def test_can_denies_known_action__inactive_user(coordinator_a, draft_plan):
    """A deactivated coordinator can no longer do what their role allowed."""
    assert can(coordinator_a, "planning.change_plan", draft_plan) is True

    coordinator_a.is_active = False

    assert can(coordinator_a, "planning.change_plan", draft_plan) is False
    assert not scope(coordinator_a, "planning.view_plan", Plan.objects.all()).exists()


@pytest.mark.parametrize("role", ROLE_FIXTURES)
def test_view_plan__the_rule_for_one_plan_agrees_with_the_scope(request, world, role):
    """`can(…, "planning.view_plan", plan)` answers its common cases without a query; for every
    role and plan it says what the scope says."""
    user = request.getfixturevalue(role)
    for name in ("draft_a", "adopted_a", "draft_b"):
        plan = Plan.objects.with_outline().get(pk=world[name].pk)
        in_scope = scope(user, "planning.view_plan", Plan.objects.filter(pk=plan.pk)).exists()
        assert can(user, "planning.view_plan", plan) is in_scope, (role, name)
