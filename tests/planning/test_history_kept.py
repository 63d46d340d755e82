"""A page of the change history is kept per plan content, what the reader may see, the names of
the people in it and the filters: a second reading reads no entries, an edit or a renamed person
shows at once, and a reader who may see less never gets a page kept for one who sees more."""

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext

from kotoplan.planning.models import Measure
from kotoplan.planning.services import content_update
from tests.planning.test_history import hidden_comment  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db


def _history(client, user, plan) -> tuple[str, bool]:
    client.force_login(user)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    with CaptureQueriesContext(connection) as queries:
        response = client.get(f"/plans/{plan.pk}/history/")
    assert response.status_code == 200
    read_entries = any('"auditlog_logentry"."changes"' in q["sql"] for q in queries)
    return response.content.decode(), read_entries


@pytest.mark.usefixtures("hidden_comment")
def test_kept_history__per_reader_and_until_the_plan_changes(
    client, full_draft_plan, coordinator_a, viewer_a
):
    first, read = _history(client, coordinator_a, full_draft_plan)
    assert read
    assert "Sisältää henkilötietoja" in first
    again, read_again = _history(client, coordinator_a, full_draft_plan)
    assert not read_again
    assert again.count("Sisältää henkilötietoja") == first.count("Sisältää henkilötietoja")

    # a reader who may not read the feedback: a page of their own
    viewer_page, _read = _history(client, viewer_a, full_draft_plan)
    assert "Sisältää henkilötietoja" not in viewer_page

    measure = Measure.objects.filter(objective__plan=full_draft_plan).order_by("pk").first()
    content_update(
        actor=coordinator_a,
        obj=measure,
        expected_version=measure.version,
        data={"title_fi": "Selkokielinen uraohjaus"},
    )
    changed, read_changed = _history(client, coordinator_a, full_draft_plan)
    assert read_changed
    assert "Selkokielinen uraohjaus" in changed

    coordinator_a.first_name, coordinator_a.last_name = "Kaisa", "Uusinimi"
    coordinator_a.save()
    renamed, _read = _history(client, coordinator_a, full_draft_plan)
    table = renamed[renamed.index("<table") :]
    assert "Kaisa Uusinimi" in table  # who made each change, as they are named now
