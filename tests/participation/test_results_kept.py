"""The results of a consultation are kept per reader until anything changes: a new response and
a hidden comment show at the next visit, and the kept forms carry the reader's own CSRF token."""

import re

import pytest
from django.test import Client
from django.urls import reverse

from kotoplan.core.kept import csrf_slot
from kotoplan.participation import services

pytestmark = pytest.mark.django_db


def _results(client, user, consultation) -> str:
    client.force_login(user)
    response = client.get(reverse("participation:results", args=[consultation.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _send(consultation, text):
    return services.feedback_submit(consultation=consultation, language="fi", comment=text)


def test_results__a_new_response_shows_at_the_next_visit(client, consultation, coordinator_a):
    _send(consultation, "Ensimmäinen kommentti")
    first = _results(client, coordinator_a, consultation)
    assert "1 response" in first
    assert "Ensimmäinen kommentti" in _results(client, coordinator_a, consultation)
    _send(consultation, "Toinen kommentti")
    page = _results(client, coordinator_a, consultation)
    assert "2 responses" in page
    assert "Toinen kommentti" in page


def test_results__a_hidden_comment_is_kept_with_the_readers_own_token(consultation, coordinator_a):
    comment = _send(consultation, "Loukkaava kommentti").comments.get()
    services.comment_hide(actor=coordinator_a, comment=comment, reason="Contains insults")
    tokens = []
    for _visit in range(2):  # rendered, then kept
        client = Client(enforce_csrf_checks=True)
        page = _results(client, coordinator_a, consultation)
        restore = reverse("participation:comment_restore", args=[comment.pk])
        form = page[page.index(f'action="{restore}"') :]
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
        assert csrf_slot() not in page
        # the token posts: the comment is shown again with this reader's session
        tokens.append(token)
    response = client.post(restore, {"csrfmiddlewaretoken": tokens[-1]})
    assert response.status_code == 302
    comment.refresh_from_db()
    assert comment.hidden is False
    assert "1 hidden" not in _results(client, coordinator_a, consultation)
