"""Pages with several forms give every field an id of its own (WCAG 1.3.1, 4.1.2), and their
error summaries, in Finnish, name and link each field."""

import re
from collections import Counter

import pytest
from django.conf import settings
from django.urls import reverse

from tests.helpers import page_text
from tests.support.error_summary import summary_links

pytestmark = pytest.mark.django_db

IDS = re.compile(r'\sid="([^"]+)"')


def _duplicates(page: str) -> list[str]:
    return [value for value, n in Counter(IDS.findall(page)).items() if n > 1]


def test_meeting_page__ids_unique_across_its_forms(client, meeting_a, coordinator_a):
    client.force_login(coordinator_a)
    page = page_text(client.get(reverse("cooperation:meeting_detail", args=[meeting_a.pk])))
    assert page.count("<form") >= 4
    assert _duplicates(page) == []
    assert 'id="document_title"' in page
    assert 'id="agendaitem_title"' in page


def test_workspace__comment_and_proposal_forms_have_ids_of_their_own(
    client, group_a, membership_a, member, objective
):
    client.force_login(member)
    url = reverse("cooperation:workspace_plan", args=[group_a.pk, objective.plan_id])
    page = page_text(client.get(url))
    assert 'id="comment_objective"' in page
    assert 'id="proposal_objective"' in page
    assert _duplicates(page) == []


def test_workspace__proposal_errors_link_to_the_proposal_form_in_finnish(
    client, group_a, membership_a, member, objective
):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(member)
    url = reverse("cooperation:proposal_add", args=[group_a.pk, objective.plan_id])

    response = client.post(url, {"membership": membership_a.pk, "objective": objective.pk})

    page = page_text(response)
    links = summary_links(page)
    assert all(target.startswith("proposal_") for target in links)
    assert _duplicates(page) == []


def test_meeting_new__errors_named_in_finnish_and_linked(client, group_a, coordinator_a):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(coordinator_a)
    response = client.post(reverse("cooperation:meeting_new", args=[group_a.pk]), {"title": ""})
    links = summary_links(page_text(response))
    assert links["id_title"][0] == "Otsikko"
