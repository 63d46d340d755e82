"""Password reset by e-mail that does not tell whether an account exists; password rules."""

import re

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import translation

from tests.factories.accounts import UserFactory
from tests.helpers import page_text

NEW_PASSWORD = "vihreä-kettu-hyppää-42"


@pytest.fixture
def resident(db):
    return UserFactory(username="maija", email="maija@example.fi")


def test_reset_link_from_the_email_sets_a_new_password__known_address(client, resident):
    response = client.post(reverse("accounts:password_reset"), {"email": "maija@example.fi"})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:password_reset_done")

    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["maija@example.fi"]
    link = re.search(r"https?://\S+/accounts/password/reset/\S+/", message.body).group(0)
    path = link.split("://", 1)[1].split("/", 1)[1]
    form_page = client.get("/" + path, follow=True)
    assert "Choose a new password" in page_text(form_page)
    response = client.post(
        form_page.redirect_chain[-1][0],
        {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response["Location"] == reverse("accounts:password_reset_complete")

    resident.refresh_from_db()
    assert resident.check_password(NEW_PASSWORD)
    # The link works once.
    assert "The link does not work" in page_text(client.get("/" + path, follow=True))


def test_reset_gives_the_same_answer__unknown_address(client, resident):
    known = client.post(reverse("accounts:password_reset"), {"email": "maija@example.fi"})
    unknown = client.post(reverse("accounts:password_reset"), {"email": "nobody@example.fi"})

    assert (known.status_code, known["Location"]) == (unknown.status_code, unknown["Location"])
    assert [m.to for m in mail.outbox] == [["maija@example.fi"]]
    done = page_text(client.get(unknown["Location"]))
    assert "If the address you gave belongs to a Kotoplan account" in done


def test_reset_email_speaks_the_language_of_the_page(client, resident):
    client.cookies["django_language"] = "sv"
    client.post(reverse("accounts:password_reset"), {"email": "maija@example.fi"})

    assert "lösenord" in mail.outbox[0].subject.lower()


def test_new_password_must_be_long__short_one_refused_in_finnish(client, resident):
    """The password rules (at least 12 characters, not common, not only digits) speak Finnish."""
    client.force_login(resident)
    client.cookies["django_language"] = "fi"

    with translation.override("fi"):
        response = client.post(
            reverse("accounts:password_change"),
            {
                "old_password": "kotoplan-test-password",
                "new_password1": "lyhyt-sana",
                "new_password2": "lyhyt-sana",
            },
        )

    assert response.status_code == 200
    assert "Salasana on liian lyhyt" in page_text(response)  # Kotoplan's catalogue
    assert "12" in page_text(response)


def test_profile_links_to_password_change__signed_in(client, resident):
    client.force_login(resident)

    text = page_text(client.get(reverse("accounts:profile")))

    assert f'href="{reverse("accounts:password_change")}"' in text
