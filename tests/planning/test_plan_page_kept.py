"""The plan page's content is rendered once per plan content, language and reader's rights and
kept: an edit shows at once, readers with other rights never get each other's links, and the
forms in the kept content carry each reader's own CSRF token."""

import re

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from kotoplan.accounts.models import RoleAssignment
from kotoplan.core.permissions import can, scope
from kotoplan.planning.models import Measure
from kotoplan.planning.services import content_update
from tests.factories.accounts import RoleAssignmentFactory, UserFactory
from tests.factories.planning import MeasureFactory

pytestmark = pytest.mark.django_db


def _page(client, user, plan, language="en") -> str:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse("planning:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return response.content.decode()


def test_kept_content__fewer_queries_the_second_time_and_an_edit_shows_at_once(
    client, coordinator_a, full_draft_plan, other_measure
):
    with CaptureQueriesContext(connection) as rendered:
        first = _page(client, coordinator_a, full_draft_plan)
    with CaptureQueriesContext(connection) as kept:
        again = _page(client, coordinator_a, full_draft_plan)
    assert (
        again.count("Language-aware career counselling")
        == first.count("Language-aware career counselling")
        > 0
    )
    # the outline of objectives, measures, indicators and their parties is not read again
    assert len(kept) <= len(rendered) - 8, (len(rendered), len(kept))
    content_update(
        actor=coordinator_a,
        obj=other_measure,
        expected_version=other_measure.version,
        data={"title_en": "Career counselling in plain language"},
    )
    changed = _page(client, coordinator_a, full_draft_plan)
    assert "Career counselling in plain language" in changed
    assert "Language-aware career counselling" not in changed
    # and in another language, its own rendering
    assert '<html lang="fi"' in _page(client, coordinator_a, full_draft_plan, language="fi")


def test_kept_content__each_reader_gets_the_links_of_their_own_rights(
    client, coordinator_a, contributor, viewer_a, full_draft_plan, owned_measure, other_measure
):
    coordinator = _page(client, coordinator_a, full_draft_plan)
    assert f'href="/objectives/{owned_measure.objective_id}/measures/new/"' in coordinator
    contributor_page = _page(Client(), contributor, full_draft_plan)
    viewer_page = _page(Client(), viewer_a, full_draft_plan)
    for page in (contributor_page, viewer_page):
        assert "/measures/new/" not in page
    # the contributor updates the measure its organisation leads, the viewer none
    owned_update = f'href="/measure/{owned_measure.pk}/edit/"'
    other_update = f'href="/measure/{other_measure.pk}/edit/"'
    assert owned_update in contributor_page
    assert other_update not in contributor_page
    assert owned_update not in viewer_page


def test_kept_content__the_move_forms_carry_the_readers_own_token(
    coordinator_a, organisation_a, full_draft_plan, owned_measure, other_measure
):
    colleague = UserFactory(username="coordinator_a2")
    RoleAssignmentFactory(
        user=colleague, organisation=organisation_a, role=RoleAssignment.Role.COORDINATOR
    )
    first = Client(enforce_csrf_checks=True)
    _page(first, coordinator_a, full_draft_plan)  # renders and keeps the content
    second = Client(enforce_csrf_checks=True)
    page = _page(second, colleague, full_draft_plan)
    form = re.search(
        r'<form method="post" action="(/measure/\d+/move/down/)"[^>]*>'
        r'<input type="hidden" name="csrfmiddlewaretoken" value="([^"]+)">',
        page,
    )
    assert form is not None, "a move form with a token"
    response = second.post(form.group(1), {"csrfmiddlewaretoken": form.group(2)})
    assert response.status_code == 302  # accepted: the token is the colleague's


def test_scope_of_changeable_measures__agrees_with_the_rule(
    coordinator_a,
    coordinator_b,
    contributor,
    viewer_a,
    admin_user,
    full_draft_plan,
    owned_measure,
    other_measure,
    contributor_organisation,
):
    shared = MeasureFactory(objective=owned_measure.objective, title_en="Shared measure")
    shared.co_responsible.add(contributor_organisation)
    measures = Measure.objects.filter(objective__plan=full_draft_plan)
    for user in (coordinator_a, coordinator_b, contributor, viewer_a, admin_user):
        expected = {m.pk for m in measures if can(user, "planning.change_measure", m)}
        assert (
            set(scope(user, "planning.change_measure", measures).values_list("pk", flat=True))
            == expected
        ), user.username
    assert shared.pk in set(
        scope(contributor, "planning.change_measure", measures).values_list("pk", flat=True)
    )
