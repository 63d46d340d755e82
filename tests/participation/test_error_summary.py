"""The public consultation form's error summary, in Finnish: the questions and fields are named
as on the form and each error leads to its input (a radio question to its first option)."""

import re

import pytest
from django.conf import settings
from django.urls import reverse

from tests.helpers import page_text
from tests.support.error_summary import summary_links

pytestmark = pytest.mark.django_db


def test_radio_question_and_email__named_in_finnish_and_linked(client, consultation):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    single = consultation.questions.get(kind="single")
    rating = consultation.questions.get(kind="rating")
    url = reverse("participation:public", args=[consultation.slug]) + "?lang=fi"

    response = client.post(
        url,
        {f"q_{single.pk}": "999", f"q_{rating.pk}": "9", "email": "ei-osoite", "comment": "Hyvä"},
    )

    links = summary_links(page_text(response))
    assert links[f"id_q_{single.pk}_0"][0] == "Onko luonnos selkeä?"
    assert re.search(rf'<input type="radio"[^>]*id="id_q_{single.pk}_0"', page_text(response))
    assert f"id_q_{rating.pk}_0" in links
    assert links["id_email"][0] == "Sähköposti, vain jos haluat vastauksen"
