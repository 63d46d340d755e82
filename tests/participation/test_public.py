"""Anyone takes part without an account, in Finnish, Swedish, plain Finnish or Arabic (RTL)."""

import re

import pytest
from django.urls import reverse

from kotoplan.core.errors import DomainError
from kotoplan.participation import services
from kotoplan.participation.models import Answer, Comment, Submission

from .conftest import questions

pytestmark = pytest.mark.django_db


def _url(consultation, lang=""):
    url = reverse("participation:public", args=[consultation.slug])
    return f"{url}?lang={lang}" if lang else url


def _html_root(response) -> str:
    return re.search(r"<html[^>]*>", response.content.decode()).group(0)


def test_public_page__needs_no_account_and_shows_the_draft_in_finnish(
    client, consultation, objective
):
    response = client.get(_url(consultation, "fi"))
    assert response.status_code == 200
    assert _html_root(response) == '<html lang="fi" dir="ltr">'
    body = response.content.decode()
    assert "Suunnitelmaluonnos on kommentoitavana." in body
    assert objective.title_fi in body
    assert 'name="csrfmiddlewaretoken"' in body


def test_anonymous_feedback__in_finnish__stored_with_answers(client, consultation, objective):
    q = questions(consultation)
    yes = q["single"].options.first()
    services_used = list(q["multiple"].options.values_list("pk", flat=True))[:2]
    response = client.post(
        _url(consultation, "fi"),
        {
            "target": f"objective-{objective.pk}",
            "comment": "Työllisyystavoite on hyvä, mutta kielikursseja tarvitaan lisää.",
            f"q_{q['single'].pk}": str(yes.pk),
            f"q_{q['multiple'].pk}": [str(pk) for pk in services_used],
            f"q_{q['rating'].pk}": "4",
            f"q_{q['text'].pk}": "Lisää iltakursseja",
            "category": "immigrant_resident",
        },
    )
    assert response.status_code == 302
    assert "/thanks/?lang=fi" in response["Location"]
    submission = Submission.objects.get()
    assert submission.language == "fi"
    assert submission.category == "immigrant_resident"
    assert submission.email == ""
    comment = Comment.objects.get()
    assert comment.objective == objective
    assert comment.measure is None
    assert Answer.objects.get(question=q["rating"]).rating == 4
    assert set(
        Answer.objects.get(question=q["multiple"]).options.values_list("pk", flat=True)
    ) == set(services_used)


def test_anonymous_feedback__in_swedish__on_a_measure(client, consultation, owned_measure):
    page = client.get(_url(consultation, "sv"))
    assert _html_root(page) == '<html lang="sv" dir="ltr">'
    assert "Planutkastet är ute på remiss." in page.content.decode()
    response = client.post(
        _url(consultation, "sv"),
        {
            "target": f"measure-{owned_measure.pk}",
            "comment": "Bra åtgärd.",
            "category": "organisation",
            "organisation_name": "Föreningen rf",
        },
    )
    assert response.status_code == 302
    comment = Comment.objects.get()
    assert comment.measure == owned_measure
    assert comment.objective == owned_measure.objective
    assert comment.submission.language == "sv"
    assert comment.submission.organisation_name == "Föreningen rf"


def test_anonymous_feedback__in_arabic__page_is_right_to_left(client, consultation, objective):
    page = client.get(_url(consultation, "ar"))
    assert page.status_code == 200
    assert _html_root(page) == '<html lang="ar" dir="rtl">'
    body = page.content.decode()
    # Arabic text needs no mark on an Arabic page; the interface is in Arabic too.
    assert "<p>مسودة الخطة مفتوحة للتعليقات.</p>" in body
    assert "أرسل الملاحظات" in body
    assert "المزيد من المهاجرين يجدون عملاً" in body
    # An untranslated part is shown in English, marked with its language and direction.
    assert '<span lang="en" dir="ltr">Is the draft clear?</span>' in body
    response = client.post(
        _url(consultation, "ar"),
        {"target": f"objective-{objective.pk}", "comment": "نحتاج إلى دروس لغة في المساء."},
    )
    assert response.status_code == 302
    submission = Submission.objects.get()
    assert submission.language == "ar"
    assert submission.comments.get().text == "نحتاج إلى دروس لغة في المساء."


def test_plain_language_finnish__shows_the_plain_introduction(client, consultation):
    page = client.get(_url(consultation, "selko"))
    assert _html_root(page) == '<html lang="fi" dir="ltr">'
    assert "Kaupunki tekee suunnitelmaa. Kerro, mitä ajattelet." in page.content.decode()


def test_feedback_is_plain_text__markup_is_escaped(client, consultation, coordinator_a):
    client.post(_url(consultation, "en"), {"comment": "<script>alert(1)</script> <b>bold</b>"})
    assert Comment.objects.get().text == "<script>alert(1)</script> <b>bold</b>"
    client.force_login(coordinator_a)
    page = client.get(reverse("participation:results", args=[consultation.pk])).content.decode()
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_organisation_name__kept_only_for_organisations(client, consultation):
    client.post(
        _url(consultation, "en"),
        {"comment": "Hello", "category": "other", "organisation_name": "X"},
    )
    assert Submission.objects.get().organisation_name == ""


def test_empty_feedback__refused(client, consultation):
    response = client.post(_url(consultation, "en"), {"comment": "  "})
    assert response.status_code == 200
    assert "Write a comment or answer at least one question." in response.content.decode()
    assert not Submission.objects.exists()


def test_comment_over_the_length_limit__refused(client, consultation):
    response = client.post(_url(consultation, "en"), {"comment": "x" * 4001})
    assert response.status_code == 200
    assert 'id="id_comment_error"' in response.content.decode()
    assert not Submission.objects.exists()


def test_honeypot_filled__looks_sent_but_nothing_is_stored(client, consultation):
    response = client.post(
        _url(consultation, "en"), {"comment": "Cheap pills", "website": "http://spam.example"}
    )
    assert response.status_code == 302
    assert not Submission.objects.exists()


def test_honeypot__hidden_from_people_and_assistive_technology(client, consultation):
    body = client.get(_url(consultation, "en")).content.decode()
    hp = re.search(r'<div class="consult-hp"[^>]*>(.*?)</div>', body, re.S)
    assert 'aria-hidden="true"' in hp.group(0)
    assert 'tabindex="-1"' in hp.group(1)
    assert "Leave this field empty" in hp.group(1)


def test_rate_limit__per_client(client, consultation, settings, django_user_model):
    settings.KOTOPLAN_PARTICIPATION_RATE = "2/h"
    client.get(_url(consultation, "en"))  # gets a session
    for n in range(2):
        assert client.post(_url(consultation, "en"), {"comment": f"Comment {n}"}).status_code == 302
    refused = client.post(_url(consultation, "en"), {"comment": "One too many"})
    assert refused.status_code == 429
    assert "Please wait a while" in refused.content.decode()
    assert Submission.objects.count() == 2


def test_rate_limit__a_new_session_from_the_same_address_is_still_limited(consultation, settings):
    from django.test import Client

    settings.KOTOPLAN_PARTICIPATION_RATE = "1/h"
    first, second = Client(), Client()
    assert first.post(_url(consultation, "en"), {"comment": "One"}).status_code == 302
    assert second.post(_url(consultation, "en"), {"comment": "Two"}).status_code == 429
    assert Submission.objects.count() == 1


def test_closed_consultation__page_says_so_and_shows_no_form(client, closed_consultation):
    body = client.get(_url(closed_consultation, "en")).content.decode()
    assert "This consultation is closed. Feedback can no longer be sent." in body
    assert 'name="comment"' not in body


def test_closed_consultation__refuses_new_feedback(client, closed_consultation):
    response = client.post(_url(closed_consultation, "en"), {"comment": "Too late"})
    assert response.status_code == 409
    assert "This consultation is closed" in response.content.decode()
    assert not Submission.objects.exists()
    with pytest.raises(DomainError):
        services.feedback_submit(consultation=closed_consultation, language="en", comment="Late")
    assert not Submission.objects.exists()


def test_consultation_not_open_yet__is_not_public(client, consultation):
    from datetime import timedelta

    from django.utils import timezone

    type(consultation).objects.filter(pk=consultation.pk).update(
        opens_at=timezone.now() + timedelta(days=1), closes_at=timezone.now() + timedelta(days=9)
    )
    assert client.get(_url(consultation, "fi")).status_code == 404


def test_further_language__direction_from_cldr(client, consultation, coordinator_a):
    """Sorani is written right to left: the page knows it without a list of its own."""
    services.language_save(
        actor=coordinator_a,
        consultation=consultation,
        code="ckb",
        name="کوردیی ناوەندی",
        intro="ڕەشنووسی پلانەکە کراوەیە بۆ لێدوان.",
        texts={},
    )
    page = client.get(_url(consultation, "ckb"))
    assert _html_root(page) == '<html lang="ckb" dir="rtl">'
    assert "<p>ڕەشنووسی پلانەکە کراوەیە بۆ لێدوان.</p>" in page.content.decode()


def test_unknown_lang_parameter__page_in_the_interface_language(client, consultation, settings):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "sv"
    page = client.get(_url(consultation, "xx"))
    assert _html_root(page) == '<html lang="sv" dir="ltr">'
