"""The consultation pages in residents' languages: header, footer, language switch, form, error
summary, thank-you and not-found pages all in the page's language (no Finnish or English
interface string left, checked against the catalogues), direction from CLDR, and the translation
status shown to residents and coordinators."""

import re
from html import escape
from html.parser import HTMLParser

import pytest
from babel.dates import format_date
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.formats import date_format

from kotoplan.participation import services
from kotoplan.participation.management.commands.consultation_messages import flow_messages
from kotoplan.participation.models import Submission
from kotoplan.participation.selectors import languages as interface

pytestmark = pytest.mark.django_db

# code, the language's name in that language, expected direction of the page
RESIDENT_LANGUAGES = [
    ("ar", "العربية", "rtl"),
    ("fa", "فارسی", "rtl"),
    ("prs", "دری", "rtl"),
    ("ckb", "کوردیی ناوەندی", "rtl"),
    ("so", "Soomaali", "ltr"),
    ("ru", "Русский", "ltr"),
    ("uk", "Українська", "ltr"),
    ("et", "Eesti", "ltr"),
]


class VisibleText(HTMLParser):
    """Text nodes and accessible names of a page, each with the language it is marked with."""

    SKIPPED = {"script", "style"}

    def __init__(self):
        super().__init__()
        self.stack: list[tuple[str, str]] = []
        self.texts: list[tuple[str, str]] = []

    def _lang(self) -> str:
        return next((lang for _tag, lang in reversed(self.stack) if lang), "")

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("input", "meta", "link", "br", "img"):
            if attrs.get("type") != "hidden" and attrs.get("placeholder"):
                self.texts.append((self._lang(), attrs["placeholder"]))
            return
        self.stack.append((tag, attrs.get("lang") or ""))
        for name in ("aria-label", "title"):
            if attrs.get(name):
                self.texts.append((self._lang(), attrs[name]))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][0] in self.SKIPPED:
            return
        if data.strip():
            self.texts.append((self._lang(), " ".join(data.split())))


def texts_in(body: str, lang: str) -> list[str]:
    """What the page shows in its own language (texts marked with another language left out)."""
    parser = VisibleText()
    parser.feed(body)
    return [text for marked, text in parser.texts if marked == lang]


def interface_strings() -> set[str]:
    """Every interface string of the consultation pages in English and in Finnish."""
    found = set()
    for message in flow_messages():
        english = message if isinstance(message, str) else message[0]
        if "%(" in english:
            english = english.split("%(")[0]
        with translation.override("fi"):
            finnish = translation.gettext(english)
        found |= {english.strip(), finnish.strip()}
    return {text for text in found if len(text) > 2}


def own_strings(lang: str) -> set[str]:
    """The page language's own translations (Estonian "Muu" is Finnish "Muu" too)."""
    locale = interface.interface_language(lang).locale
    found = set()
    for message in flow_messages():
        english = message if isinstance(message, str) else message[0]
        with translation.override(locale):
            found.add(translation.gettext(english.split("%(")[0]).strip())
    return found


def assert_no_interface_string_left(body: str, lang: str) -> None:
    leftovers = interface_strings() - own_strings(lang)
    shown = texts_in(body, lang)
    assert shown, "nothing found in the page's language"
    wrong = [
        text
        for text in shown
        if text in leftovers or any(len(s) > 15 and s in text for s in leftovers)
    ]
    assert not wrong, f"Finnish or English interface strings on the {lang} page: {wrong}"


def in_language(lang: str, text: str) -> str:
    """The catalogue's translation, as the page writes it (HTML-escaped)."""
    with translation.override(interface.interface_language(lang).locale):
        return escape(translation.gettext(text))


def _url(consultation, lang, name="public"):
    return reverse(f"participation:{name}", args=[consultation.slug]) + f"?lang={lang}"


def _html_root(body: str) -> str:
    return re.search(r"<html[^>]*>", body).group(0)


def _offer(consultation, actor, code, name):
    if not consultation.languages.filter(code=code).exists():
        services.language_save(
            actor=actor, consultation=consultation, code=code, name=name, intro="", texts={}
        )


@pytest.mark.parametrize(("code", "name", "direction"), RESIDENT_LANGUAGES)
def test_every_page_of_the_flow_is_in_the_residents_language(
    client, consultation, coordinator_a, code, name, direction
):
    _offer(consultation, coordinator_a, code, name)

    page = client.get(_url(consultation, code))
    body = page.content.decode()
    assert _html_root(body) == f'<html lang="{code}" dir="{direction}">'
    assert page["Content-Language"] == code
    assert in_language(code, "Send feedback") in body
    assert in_language(code, "Skip to content") in body
    assert in_language(code, "Your comment") in body
    assert_no_interface_string_left(body, code)

    # An empty form: the error summary and the field's error are in the page's language.
    refused = client.post(_url(consultation, code), {"comment": " "})
    assert refused.status_code == 200
    body = refused.content.decode()
    summary = re.search(r'<div class="error-summary".*?</div>', body, re.S).group(0)
    assert in_language(code, "Please fix the following") in summary
    assert in_language(code, "Your comment") in summary
    assert in_language(code, "Write a comment or answer at least one question.") in summary
    assert_no_interface_string_left(body, code)

    sent = client.post(_url(consultation, code), {"comment": "Hello"})
    assert sent.status_code == 302
    assert Submission.objects.get().language == code
    thanks = client.get(sent["Location"])
    body = thanks.content.decode()
    assert _html_root(body) == f'<html lang="{code}" dir="{direction}">'
    assert f"<h1>{in_language(code, 'Thank you for your feedback')}</h1>" in body
    assert_no_interface_string_left(body, code)


@pytest.mark.parametrize("code", ["ar", "so", "ru"])
def test_closed_and_missing_consultations__said_in_the_residents_language(
    client, closed_consultation, coordinator_a, code
):
    _offer(closed_consultation, coordinator_a, code, code)
    body = client.get(_url(closed_consultation, code)).content.decode()
    closed = "This consultation is closed. Feedback can no longer be sent."
    assert in_language(code, closed) in body
    assert 'name="comment"' not in body
    assert_no_interface_string_left(body, code)

    missing = client.get(f"/participation/c/no-such-consultation/?lang={code}")
    assert missing.status_code == 404
    body = missing.content.decode()
    assert f"<h1>{in_language(code, 'Consultation not found')}</h1>" in body
    assert_no_interface_string_left(body, code)


def test_dates__written_in_the_residents_language(client, consultation, coordinator_a):
    _offer(consultation, coordinator_a, "so", "Soomaali")
    body = client.get(_url(consultation, "so")).content.decode()
    deadline = re.search(r"<bdi>(.*?)</bdi>", body).group(1)
    closes = timezone.localtime(consultation.closes_at)
    assert format_date(closes, "MMMM", locale="so") in deadline  # e.g. "Diseembar"
    assert str(closes.year) in deadline
    with translation.override("fi"):
        assert date_format(closes, "F") not in deadline  # not the Finnish month


def test_untranslated_text__named_by_its_language_in_the_page_language(client, consultation):
    body = client.get(_url(consultation, "ar")).content.decode()
    assert (
        '<span lang="en" dir="ltr">Is the draft clear?</span> '
        '<span class="fallback-note">(الإنجليزية)</span>'
    ) in body
    assert "(englanti)" not in body


def test_plain_language_finnish__the_whole_flow_is_plain(client, consultation):
    body = client.get(_url(consultation, "selko")).content.decode()
    assert _html_root(body) == '<html lang="fi" dir="ltr">'
    assert "Kerro mielipiteesi suunnitelmasta" in body  # the eyebrow, plain
    assert "Lähetä palaute" in body
    refused = client.post(_url(consultation, "selko"), {"comment": ""}).content.decode()
    assert "Korjaa nämä kohdat" in refused
    assert "Kirjoita mielipide tai vastaa ainakin yhteen kysymykseen." in refused
    with translation.override("fi"):
        assert translation.gettext("Please fix the following") not in refused


def test_button_of_the_switch_is_the_consultations_own_word(client, consultation):
    """Not Django admin's "تعديل" (edit): the consultation catalogue says "change"."""
    body = client.get(_url(consultation, "ar")).content.decode()
    switch = re.search(r'<form method="get"[^>]*class="language-form">.*?</form>', body, re.S)
    assert "تغيير" in switch.group(0)
    assert "تعديل" not in body


# --- the one language switch -----------------------------------------------------------------


def test_language_switch__keeps_the_page_and_works_without_javascript(client, consultation):
    page = _url(consultation, "ar")
    body = client.get(page + "&target=whatever").content.decode()
    switch = re.search(r'<form method="get"[^>]*class="language-form">.*?</form>', body, re.S)
    form = switch.group(0)
    path = reverse("participation:public", args=[consultation.slug])
    assert f'action="{path}"' in form
    assert 'name="lang"' in form
    codes = re.findall(r'<option value="([^"]+)"', form)
    assert codes == ["fi", "sv", "en", "selko", "ar"]
    assert re.search(r'<option value="ar" lang="ar" dir="rtl" selected>العربية</option>', form)
    assert 'action="/i18n/setlang/"' not in body  # the staff switch would not change this page

    # Submitting the switch is an ordinary GET of the same page in the chosen language.
    swedish = client.get(path, {"lang": "sv"}).content.decode()
    assert _html_root(swedish) == '<html lang="sv" dir="ltr">'
    thanks = reverse("participation:thanks", args=[consultation.slug])
    body = client.get(thanks, {"lang": "ar"}).content.decode()
    assert f'action="{thanks}"' in body


def test_language_switch__keeps_the_chosen_target(client, consultation, objective):
    target = f"objective-{objective.pk}"
    body = client.get(_url(consultation, "ar") + f"&target={target}").content.decode()
    assert f'<input type="hidden" name="target" value="{target}">' in body


def test_staff_interface_stays_in_finnish_swedish_and_english(client, settings):
    assert [code for code, _name in settings.LANGUAGES] == ["fi", "sv", "en"]
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "so"
    body = client.get("/").content.decode()
    assert _html_root(body).startswith('<html lang="fi"')


# --- translation status ----------------------------------------------------------------------


def test_unreviewed_translation__marked_next_to_the_switch_in_that_language(client, consultation):
    body = client.get(_url(consultation, "ar")).content.decode()
    note = re.search(r'<p class="translation-status"[^>]*>(.*?)</p>', body).group(1)
    assert note == "ترجمة آلية، لم تُراجَع بعد"
    english = client.get(_url(consultation, "en")).content.decode()
    assert "translation-status" not in english  # the language the interface is written in


def test_every_resident_catalogue__listed_with_a_status_and_complete():
    listed = interface.interface_languages()
    assert {"ar", "fa", "prs", "ckb", "so", "ru", "uk", "et", "selko", "sv", "en"} <= set(listed)
    for code, language in listed.items():
        assert language.status in interface.STATUSES, code
    call_command("consultation_messages", check=True)  # fails on any untranslated message


@pytest.fixture
def reviewed_arabic(tmp_path, monkeypatch):
    data = tmp_path / "consultation-languages.toml"
    data.write_text(
        '[[language]]\ncode = "ar"\nlocale = "ar"\nhtml_lang = "ar"\nstatus = "reviewed"\n'
        'reviewed_by = "Leila Haddad"\nreviewed_on = "2026-11-20"\n',
        encoding="utf-8",
    )
    monkeypatch.setattr(interface, "_status_file", lambda: data)
    return data


def test_reviewed_translation__no_longer_marked(client, consultation, reviewed_arabic):
    body = client.get(_url(consultation, "ar")).content.decode()
    assert "translation-status" not in body
    assert "أرسل الملاحظات" in body


def test_status_file__a_review_needs_a_reviewer(tmp_path):
    data = tmp_path / "languages.toml"
    data.write_text(
        '[[language]]\ncode = "so"\nlocale = "so"\nhtml_lang = "so"\nstatus = "reviewed"\n',
        encoding="utf-8",
    )
    with pytest.raises(ValueError, match="names no reviewer"):
        interface._load(data)


def test_coordinator_sees_the_translation_status_of_each_language(
    client, consultation, coordinator_a
):
    _offer(consultation, coordinator_a, "so", "Soomaali")
    _offer(consultation, coordinator_a, "ti", "ትግርኛ")  # Tigrinya: no interface catalogue
    client.force_login(coordinator_a)
    client.cookies["django_language"] = "fi"
    url = reverse("participation:consultation_manage", args=[consultation.pk])
    body = client.get(url).content.decode()
    table = re.search(r'<table class="table" id="interface-translations">.*?</table>', body, re.S)
    rows = dict(re.findall(r'\((\w+)\)</span></th>\s*<td data-status="(\w+)">', table.group(0)))
    assert rows == {
        "fi": "source",
        "sv": "staff",
        "en": "source",
        "selko": "machine",
        "ar": "machine",
        "so": "machine",
        "ti": "none",
    }
    assert "Automaattinen käännös, ei vielä tarkistettu" in table.group(0)
    assert "Ei käännöstä: otsikot ja painikkeet ovat englanniksi" in table.group(0)


def test_history_names_a_translation_by_its_text_never_by_its_internal_key(
    client, consultation, coordinator_a
):
    """The plan's change history in Finnish: a translation of the draft is named in Finnish and
    by what it says; the internal key of the part it translates ("objective:12") is left out."""
    client.force_login(coordinator_a)
    client.cookies["django_language"] = "fi"
    page = client.get(reverse("planning:plan_history", args=[consultation.plan_id])).text
    assert "luonnoksen käännös" in page
    assert "المزيد من المهاجرين يجدون عملاً" in page
    assert "objective:" not in page
