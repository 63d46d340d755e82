"""The whole-app access matrix: every URL pattern of the URLconf × every role × an object of the
user's own and of another municipality, compared with tests/authz/access_matrix.toml.

- a URL pattern that is neither in the table nor excluded there with a reason fails;
- each request's outcome (200, a redirect to the login page, 403, 404, …) must be the table's;
- no GET writes to the database (session bookkeeping aside);
- a POST by a role the table refuses answers the refusal and changes nothing; a POST-only
  route is requested by POST for every role;
- no edit action a user cannot complete: every link to a form (…/edit/, …/new/, …/delete/) that
  a page offers someone opens for that someone.
"""

import fnmatch
import json
import os
import re
from datetime import date

import pytest
from django.db import transaction
from django.test import Client
from django.urls import reverse

from kotoplan.cooperation.models import CooperationGroup
from tests.authz.matrix import load_table, matches, request_once, url_names, url_of
from tests.authz.world import build_world
from tests.support import counts

EXCLUDED, CASES, ROLES = load_table()
REFUSALS = ("login", "401", "403", "404")
_tally = {"requests": 0, "unexpected": 0, "routes": set()}


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker):
    """Built once for the module, rolled back at its end; each test's own changes are rolled
    back by the `db` fixture, and each request's by a savepoint."""
    with django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        yield built
        transaction.set_rollback(True)


@pytest.fixture(scope="module", autouse=True)
def _print_counts():
    """One line in the run's summary: routes × roles, requests made, outcomes not as the table."""
    yield
    if _tally["requests"]:
        counts.add(
            "Access matrix",
            f"{len(_tally['routes'])} routes × {len(ROLES)} roles, own and other objects: "
            f"{_tally['requests']} requests, {_tally['unexpected']} not as the table says",
        )


def test_every_url_pattern_is_in_the_table_or_excluded_with_a_reason():
    names = set(url_names())
    covered = {case.route for case in CASES}
    unknown = sorted(
        name
        for name in names - covered
        if not any(fnmatch.fnmatchcase(name, pattern) for pattern in EXCLUDED)
    )
    assert unknown == [], f"URL patterns without a row in access_matrix.toml: {unknown}"
    assert covered <= names, f"rows for URL names that no longer exist: {covered - names}"
    assert all(len(reason) > 20 for reason in EXCLUDED.values()), "give each exclusion a reason"


def test_every_role_of_the_project_is_in_the_matrix():
    from kotoplan.accounts.models import RoleAssignment

    defined = {role.value for role in RoleAssignment.Role}
    matrix_roles = {
        "coordinator": "coordinator_a",
        "contributor": "contributor",
        "viewer": "viewer_a",
        "regional_official": "regional_official",
        "county_liaison": "county_liaison",
        "national_viewer": "national_viewer",
        "statistics_importer": "statistics_importer",
    }
    assert defined == set(matrix_roles)
    assert set(matrix_roles.values()) <= set(ROLES)


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.id)
def test_route_answers_each_role_as_the_table_says(db, client, world, case):
    client.raise_request_exception = False
    problems = []
    observed = {}
    urls = {
        side: url_of(case, None if side == "any" else world.sides[side]) for side in case.expect
    }
    for role in ROLES:
        user = world.users[role]
        for number, (side_name, expected) in enumerate(case.expect.items()):
            if number == 0 or case.method == "POST" or case.post:
                client.logout()  # a POST may have ended the session: sign in again
                if user is not None:
                    client.force_login(user)
            url = urls[side_name]
            got, writes = request_once(client, case.method, url)
            observed.setdefault(side_name, {})[role] = got
            _tally["requests"] += 1
            want = expected[role]
            if not matches(want, got):
                problems.append(f"{case.method} {url} as {role}: {got}, table says {want}")
            if case.get_writes:
                writes = [sql for sql in writes if case.get_writes not in sql]
            if case.method == "GET" and writes:
                problems.append(f"GET {url} as {role} wrote: {writes[0][:120]}")
            refused = want in REFUSALS and not (case.ends_session and user is not None)
            if case.method == "POST" and refused and writes:
                problems.append(f"refused POST {url} as {role} wrote: {writes[0][:120]}")
            if case.post and refused:
                got_post, writes = request_once(client, "POST", url)
                _tally["requests"] += 1
                if got_post not in REFUSALS or writes:
                    problems.append(f"POST {url} as {role}: {got_post}, wrote {writes[:1]}")
    _tally["routes"].add(case.route)
    _tally["unexpected"] += len(problems)
    if os.environ.get("KOTOPLAN_MATRIX_RECORD"):
        with open(os.environ["KOTOPLAN_MATRIX_RECORD"], "a", encoding="utf-8") as out:
            out.write(json.dumps({"id": case.id, "observed": observed}) + "\n")
    assert problems == [], "\n".join(problems)


FORM_LINK = re.compile(r'href="(/[^"#]*/(?:edit|new|delete)/[^"#]*)')


def test_every_offered_form_link_opens_for_the_user_it_is_offered_to(db, world):
    """E.g. no one is shown "Edit the group" on a regional group the authority appointed unless
    they may save it, nor "Edit" on a plan they may only read."""
    a = world.sides["a"]
    regional = CooperationGroup.objects.create(
        kind=CooperationGroup.Kind.REGIONAL,
        name="Alueellinen yhteistyöryhmä",
        appointed_by=a["official"].roles.first().organisation,
        appointing_body="Elinvoimakeskus",
        appointed_on=date(2026, 2, 1),
        term_start=date(2026, 2, 1),
    )
    regional.municipalities.set([a["municipality"]])
    pages = ["/", reverse("cooperation:group_detail", args=[regional.pk])]
    for side in world.sides.values():
        pages += [
            reverse("planning:plan_detail", args=[side["plan"].pk]),
            reverse("cooperation:group_detail", args=[side["group"].pk]),
        ]
    unusable, checked = [], 0
    for role, user in world.users.items():
        if user is None:
            continue
        client = Client()
        client.force_login(user)
        offered = set()
        for page in pages:
            response = client.get(page)
            if response.status_code == 200:
                offered |= set(FORM_LINK.findall(response.content.decode()))
        for link in sorted(offered):
            checked += 1
            status = client.get(link.replace("&amp;", "&")).status_code
            if status != 200:
                unusable.append(f"{role}: {link} → {status}")
    assert checked > 20  # the coordinators are offered their plan's and group's forms
    assert unusable == []
