"""Languages: the content languages of plans, and names and writing direction of any language.

The interface and content languages come from settings.LANGUAGES; names and direction of every
other language (consultation languages such as Arabic, Sorani or Somali) come from CLDR data
through Babel, so there is no hand-kept table of names or of right-to-left scripts.
"""

from functools import lru_cache

from babel import Locale, UnknownLocaleError
from babel.core import get_global
from django.conf import settings
from django.utils.translation import get_language


def content_languages() -> tuple[str, ...]:
    """The languages plan texts are written in (fi, sv, en), in the order of settings."""
    return tuple(code for code, _name in settings.LANGUAGES)


def current_language() -> str:
    """The active interface language as a two-letter content language code."""
    code = (get_language() or settings.LANGUAGE_CODE).split("-")[0]
    return code if code in content_languages() else settings.LANGUAGE_CODE


@lru_cache(maxsize=512)
def _locale(code: str) -> Locale | None:
    """The CLDR locale of a language code; CLDR's own aliases apply (Dari `prs` is `fa_AF`)."""
    for candidate in (code, get_global("language_aliases").get(code.lower())):
        try:
            return Locale.parse(candidate.replace("-", "_"))
        except (UnknownLocaleError, ValueError, TypeError, AttributeError):
            continue
    return None


def babel_locale(code: str) -> Locale | None:
    """The CLDR locale for formatting dates and numbers in a language (None when CLDR has none);
    a private-use variant such as plain-language Finnish `fi-x-selko` formats as its language."""
    return _locale(code) or _locale(code.split("-")[0])


def language_name(code: str, *, in_language: str | None = None) -> str:
    """The language's name in `in_language`, as written inside a sentence ("finska", "Finnish");
    by default its own name as a menu entry, capitalised ("Suomi", "Svenska", "العربية")."""
    locale = _locale(code)
    if locale is None:
        return code
    if in_language:
        return locale.get_display_name(_locale(in_language) or locale) or code
    name = locale.get_display_name(locale) or code
    return name[:1].upper() + name[1:]


def is_rtl(code: str) -> bool:
    """True when the language is written right to left (Arabic, Persian, Sorani, Pashto, …)."""
    locale = _locale(code)
    return bool(locale and locale.text_direction == "rtl")


def direction(code: str) -> str:
    return "rtl" if is_rtl(code) else "ltr"


def is_known_language(code: str) -> bool:
    return _locale(code) is not None
