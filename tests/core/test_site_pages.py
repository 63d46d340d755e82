"""The accessibility statement, privacy notices, cookie information and contact page: in every
language, in the footer of every page, with the organisation's facts from the configuration."""

import copy
from html import unescape

import pytest
from django.conf import settings
from django.urls import reverse

from tests.helpers import page_text

PAGES = {
    "accessibility": {
        "fi": "Saavutettavuusseloste",
        "sv": "Tillgänglighetsutlåtande",
        "en": "Accessibility statement",
    },
    "privacy": {"fi": "Tietosuojaseloste", "sv": "Dataskyddsbeskrivning", "en": "Privacy notice"},
    "privacy_consultations": {
        "fi": "Kuulemisten tietosuojaseloste",
        "sv": "Dataskyddsbeskrivning för samråd",
        "en": "Privacy notice for consultations",
    },
    "cookies": {"fi": "Evästeet", "sv": "Kakor", "en": "Cookies"},
    "contact": {"fi": "Yhteystiedot", "sv": "Kontaktuppgifter", "en": "Contact"},
}


@pytest.fixture
def site_info(settings):
    info = copy.deepcopy(settings.KOTOPLAN_SITE_INFO)
    info["controller"]["name"] = {"fi": "Testilän kunta", "sv": "Testby kommun", "en": ""}
    info["controller"]["email"] = "registry@testila.example"
    info["controller"]["data_protection_officer_email"] = "dpo@testila.example"
    info["service"]["response_days"] = 9
    info["accessibility"]["feedback_email"] = "a11y@testila.example"
    info["accessibility"]["assessed_on"] = "2026-10-05"
    info["supervisor"]["email"] = "supervision@authority.example"
    settings.KOTOPLAN_SITE_INFO = info
    return info


def _get(client, name, language):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    response = client.get(reverse(f"core:{name}"))
    assert response.status_code == 200
    return unescape(page_text(response))


@pytest.mark.django_db
@pytest.mark.parametrize("language", ["fi", "sv", "en"])
@pytest.mark.parametrize("name", list(PAGES))
def test_each_page_in_each_language(client, name, language):
    text = _get(client, name, language)
    assert f"<h1>{PAGES[name][language]}</h1>" in text
    assert f'<html lang="{language}"' in text


@pytest.mark.django_db
def test_accessibility_statement_in_finnish_gives_status_feedback_and_enforcement(
    client, site_info
):
    text = _get(client, "accessibility", "fi")
    assert "Testilän kunta" in text
    assert "osittain" in text  # the configured status: partial
    assert "Ladattavat PDF- ja Word-tiedostot" in text  # content that is not accessible
    assert "5. lokakuuta 2026" in text  # when it was assessed, from the configuration
    assert 'href="mailto:a11y@testila.example"' in text
    assert "9 päivän kuluessa" in text
    assert "saavutettavuusvalvonta" in text
    assert "https://www.saavutettavuusvaatimukset.fi" in text
    assert "supervision@authority.example" in text


@pytest.mark.django_db
def test_swedish_statement_names_the_swedish_supervisor(client, site_info):
    text = _get(client, "accessibility", "sv")
    assert "tillgänglighetstillsynen" in text
    assert "https://www.tillganglighetskrav.fi" in text
    assert "Testby kommun" in text


@pytest.mark.django_db
def test_controller_written_only_in_finnish_is_marked_on_the_english_notice(client, site_info):
    text = _get(client, "privacy", "en")
    assert (
        '<span lang="fi">Testilän kunta</span> <span class="fallback-note">(Finnish)</span>' in text
    )


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["privacy", "privacy_consultations"])
def test_privacy_notices_name_controller_rights_and_ombudsman(client, site_info, name):
    text = _get(client, name, "fi")
    for expected in (
        "Rekisterinpitäjä",
        "Testilän kunta",
        "dpo@testila.example",
        "Käsittelyn tarkoitukset ja oikeusperuste",
        "Vastaanottajat",
        "Säilytysaika",
        "Oikeutesi",
        "Tietosuojavaltuutetun toimisto",
        "tietosuoja@om.fi",
    ):
        assert expected in text, expected


@pytest.mark.django_db
def test_cookie_page_lists_cookies_and_lifetimes_from_settings(client, settings):
    settings.SESSION_COOKIE_NAME = "kp_session"
    settings.SESSION_COOKIE_AGE = 8 * 3600
    settings.LANGUAGE_COOKIE_AGE = None
    text = _get(client, "cookies", "fi")
    assert 'data-cookie="kp_session"' in text
    assert "8 tuntia" in text
    assert 'data-cookie="csrftoken"' in text
    assert "364 päivää" in text
    assert 'data-cookie="django_language"' in text
    assert "kunnes selain suljetaan" in text


@pytest.mark.django_db
def test_contact_page_shows_configured_addresses(client, site_info):
    site_info["service"]["contact_email"] = "help@testila.example"
    text = _get(client, "contact", "sv")
    assert 'href="mailto:help@testila.example"' in text
    assert "Testby kommun" in text
    assert "inom 9 dagar" in text


def _footer_keys(text):
    footer = text.split('<footer class="site-footer">', 1)[1]
    return [key for key in PAGES if f'data-footer="{key}"' in footer]


@pytest.mark.django_db
def test_footer_links_on_anonymous_and_signed_in_pages(client, coordinator_a, draft_plan):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    anonymous = page_text(client.get(reverse("accounts:login")))
    assert _footer_keys(anonymous) == list(PAGES)
    assert ">Saavutettavuusseloste</a>" in anonymous
    client.force_login(coordinator_a)
    signed_in = page_text(client.get(reverse("planning:plan_detail", args=[draft_plan.pk])))
    assert _footer_keys(signed_in) == list(PAGES)
