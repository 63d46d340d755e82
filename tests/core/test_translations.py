"""The Finnish and Swedish translations: complete, compiled and used by the pages.

After adding or changing UI strings, run `make messages`, fill in the new entries of
kotoplan/locale/{fi,sv}/LC_MESSAGES/django.po and run `make messages` again to compile the .mo.
"""

import gettext
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from django.conf import settings

LOCALE_DIR = Path(settings.BASE_DIR) / "kotoplan" / "locale"
LANGUAGES = ("fi", "sv")
PLURAL_FORMS = "nplurals=2; plural=(n != 1);"
PLACEHOLDER = re.compile(r"%\(\w+\)[sdif]|\{\w*\}")
ESCAPES = {"n": "\n", "t": "\t", "r": "\r", '"': '"', "\\": "\\"}


@dataclass
class Entry:
    """One message of a .po file."""

    msgid: str = ""
    msgid_plural: str | None = None
    msgctxt: str | None = None
    msgstr: dict[int, str] = field(default_factory=dict)
    flags: set[str] = field(default_factory=set)
    line: int = 0

    @property
    def label(self) -> str:
        context = f"[{self.msgctxt}] " if self.msgctxt is not None else ""
        return f"line {self.line}: {context}{self.msgid!r}"

    @property
    def untranslated(self) -> bool:
        return not self.msgstr or any(not text for text in self.msgstr.values())


def _unquote(token: str) -> str:
    token = token.strip()
    if len(token) < 2 or token[0] != '"' or token[-1] != '"':
        raise AssertionError(f"not a quoted string: {token!r}")
    return re.sub(r"\\(.)", lambda m: ESCAPES.get(m.group(1), m.group(1)), token[1:-1])


def parse_po(path: Path) -> list[Entry]:
    """Entries of a .po file (the header included, obsolete `#~` entries left out)."""
    entries: list[Entry] = []
    entry: Entry | None = None
    target: tuple[str, int] | None = None
    keyword = re.compile(r"^(msgctxt|msgid_plural|msgid|msgstr)(?:\[(\d+)\])?\s+(\".*\")$")

    def start(number: int) -> Entry:
        nonlocal entry
        if entry is None:
            entry = Entry(line=number)
        return entry

    for number, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line = raw.strip()
        if not line:
            if entry is not None:
                entries.append(entry)
            entry, target = None, None
        elif line.startswith("#~"):
            continue
        elif line.startswith("#,"):
            start(number).flags |= {flag.strip() for flag in line[2:].split(",")}
        elif line.startswith("#"):
            start(number)
        elif match := keyword.match(line):
            name, index, value = match.groups()
            current = start(number)
            if name == "msgid" and current.msgstr:
                raise AssertionError(f"{path}:{number}: a new msgid before a blank line")
            target = (name, int(index or 0))
            _append(current, target, _unquote(value))
        elif line.startswith('"') and entry is not None and target is not None:
            _append(entry, target, _unquote(line))
        else:
            raise AssertionError(f"{path}:{number}: cannot parse {raw!r}")
    if entry is not None:
        entries.append(entry)
    return [e for e in entries if e.msgstr or e.msgid]


def _append(entry: Entry, target: tuple[str, int], text: str) -> None:
    name, index = target
    if name == "msgstr":
        entry.msgstr[index] = entry.msgstr.get(index, "") + text
    elif name == "msgid_plural":
        entry.msgid_plural = (entry.msgid_plural or "") + text
    else:
        setattr(entry, name, (getattr(entry, name) or "") + text)


def _po_path(language: str) -> Path:
    return LOCALE_DIR / language / "LC_MESSAGES" / "django.po"


def _messages(language: str) -> list[Entry]:
    return [e for e in parse_po(_po_path(language)) if e.msgid != ""]


def _header(language: str) -> dict[str, str]:
    header = next(e for e in parse_po(_po_path(language)) if e.msgid == "")
    pairs = (line.split(":", 1) for line in header.msgstr[0].splitlines() if ":" in line)
    return {key.strip(): value.strip() for key, value in pairs}


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_file_translates_every_message__each_language(language):
    """Every message has a translation (all plural forms included) and none is marked fuzzy."""
    messages = _messages(language)
    assert messages, f"no messages in {_po_path(language)}"
    untranslated = [e.label for e in messages if e.untranslated]
    fuzzy = [e.label for e in messages if "fuzzy" in e.flags]
    plural_forms = [e.label for e in messages if e.msgid_plural and sorted(e.msgstr) != [0, 1]]

    assert not untranslated, f"{language}: untranslated messages:\n" + "\n".join(untranslated)
    assert not fuzzy, f"{language}: fuzzy messages:\n" + "\n".join(fuzzy)
    assert not plural_forms, f"{language}: need msgstr[0] and [1]:\n" + "\n".join(plural_forms)


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_header_names_language_and_plural_rule__each_language(language):
    """The header states the language, UTF-8 and the two-form plural rule, and is not fuzzy."""
    header = _header(language)
    header_entry = next(e for e in parse_po(_po_path(language)) if e.msgid == "")

    assert header.get("Language") == language
    assert header.get("Plural-Forms") == PLURAL_FORMS
    assert "charset=UTF-8" in header.get("Content-Type", "")
    assert "fuzzy" not in header_entry.flags


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders__each_language(language):
    """Each translation has exactly the %(name)s placeholders of its source text."""
    wrong = []
    for entry in _messages(language):
        for index, text in entry.msgstr.items():
            source = entry.msgid_plural if index and entry.msgid_plural else entry.msgid
            expected = sorted(PLACEHOLDER.findall(source))
            if text and sorted(PLACEHOLDER.findall(text)) != expected:
                wrong.append(f"{entry.label} msgstr[{index}]={text!r}")

    assert not wrong, f"{language}: placeholders differ:\n" + "\n".join(wrong)


@pytest.mark.parametrize("language", LANGUAGES)
def test_mo_file_matches_po_file__each_language(language):
    """The committed .mo gives the same translation as the .po for every message."""
    mo_path = _po_path(language).with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `make messages`"
    with mo_path.open("rb") as handle:
        catalog = gettext.GNUTranslations(handle)

    stale = []
    for entry in _messages(language):
        if entry.msgid_plural:
            got = {
                0: _lookup_plural(catalog, entry, 1),
                1: _lookup_plural(catalog, entry, 2),
            }
        elif entry.msgctxt is not None:
            got = {0: catalog.pgettext(entry.msgctxt, entry.msgid)}
        else:
            got = {0: catalog.gettext(entry.msgid)}
        if got != entry.msgstr:
            stale.append(f"{entry.label}: .mo has {got!r}, .po has {entry.msgstr!r}")

    assert not stale, f"{mo_path} is out of date, run `make messages`:\n" + "\n".join(stale)


def _lookup_plural(catalog: gettext.GNUTranslations, entry: Entry, n: int) -> str:
    if entry.msgctxt is not None:
        return catalog.npgettext(entry.msgctxt, entry.msgid, entry.msgid_plural, n)
    return catalog.ngettext(entry.msgid, entry.msgid_plural, n)


@pytest.mark.parametrize("language", LANGUAGES)
def test_po_file_passes_msgfmt_check__each_language(language, tmp_path):
    """`msgfmt --check` accepts the .po (format strings, header, plural forms)."""
    msgfmt = shutil.which("msgfmt")
    if msgfmt is None:
        pytest.skip("msgfmt (GNU gettext) is not installed")
    result = subprocess.run(
        [msgfmt, "--check", "-o", str(tmp_path / "django.mo"), str(_po_path(language))],
        capture_output=True,
        text=True,
        check=False,
    )

    assert result.returncode == 0, result.stderr


@pytest.mark.parametrize(
    ("language", "expected", "english"),
    [
        ("fi", "Kirjaudu Kotoplaniin", "Log in to Kotoplan"),
        ("sv", "Logga in i Kotoplan", "Log in to Kotoplan"),
    ],
)
def test_login_page_is_in_the_chosen_language__language_cookie(
    client, db, language, expected, english
):
    """The language cookie switches the login page text and its <html lang> attribute."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = language

    response = client.get("/accounts/login/")

    content = response.content.decode()
    assert response.status_code == 200
    assert f'<html lang="{language}"' in content
    assert expected in content
    assert english not in content
