"""The interface languages of the public consultation pages and how far each catalogue's
translation has been checked, as listed in data/languages/consultation-languages.toml."""

import tomllib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from django.conf import settings

from kotoplan.core.languages import direction, language_name

STATUSES = ("source", "machine", "staff", "reviewed")


@dataclass(frozen=True)
class InterfaceLanguage:
    code: str  # as in ?lang=
    locale: str  # the Django language whose catalogue the interface uses
    html_lang: str  # the lang attribute of a page in this language
    status: str  # one of STATUSES
    reviewed_by: str = ""
    reviewed_on: str = ""
    own_name: str = ""  # the language's name in itself, where CLDR has none of its own

    @property
    def needs_review(self) -> bool:
        """Residents are told the interface translation has not been checked yet."""
        return self.status in ("machine", "staff")

    @property
    def dir(self) -> str:
        return direction(self.html_lang)

    @property
    def name(self) -> str:
        return self.own_name or language_name(self.code)


def _status_file() -> Path:
    return Path(settings.BASE_DIR) / "data" / "languages" / "consultation-languages.toml"


@lru_cache(maxsize=1)
def _load(path: Path) -> dict[str, InterfaceLanguage]:
    with path.open("rb") as file:
        rows = tomllib.load(file)["language"]
    languages = {}
    for row in rows:
        language = InterfaceLanguage(**row)
        if language.status not in STATUSES:
            raise ValueError(f"{path.name}: unknown status {language.status!r} of {language.code}")
        if language.status == "reviewed" and not (language.reviewed_by and language.reviewed_on):
            raise ValueError(f"{path.name}: {language.code} is reviewed but names no reviewer")
        languages[language.code] = language
    return languages


def interface_languages() -> dict[str, InterfaceLanguage]:
    """Every language the consultation pages' interface is translated into, by ?lang= code."""
    return _load(_status_file())


def interface_language(code: str) -> InterfaceLanguage | None:
    return interface_languages().get(code)
