"""A text together with the language it is written in, and the one way to choose a language.

Every page, export and message that shows plan content uses `Text`: it knows whether it is a
fallback (written in another language than the reader's), so templates can mark it with `lang`.
"""

from dataclasses import dataclass

from django.conf import settings

from .languages import content_languages, current_language, direction


@dataclass(frozen=True)
class Text:
    value: str
    language: str
    wanted: str = ""

    def __str__(self) -> str:
        return self.value

    def __bool__(self) -> bool:
        return bool(self.value)

    @property
    def is_fallback(self) -> bool:
        return bool(self.value) and bool(self.wanted) and self.language != self.wanted

    @property
    def direction(self) -> str:
        return direction(self.language)


def text_of(obj: object, field: str, language: str | None = None) -> Text:
    """The field stored as <field>_fi/_sv/_en in the wanted language, else the first written one.

    The wanted language comes first, then the content languages in their order. An empty Text
    (in the wanted language) when nothing is written.
    """
    wanted = (language or current_language())[:2]
    order = [wanted, *[code for code in content_languages() if code != wanted]]
    for code in order:
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value.strip():
            return Text(value, code, wanted)
    return Text("", wanted, wanted)


def choose_language(
    requested: str | None,
    available: list[str] | tuple[str, ...] | None = None,
    *,
    default: str | None = None,
) -> str:
    """The language to show: the requested one when it is available, else the default.

    `requested` is typically `request.GET.get("lang")`; `available` defaults to the content
    languages; `default` to the active interface language (or the first available one).
    """
    available = list(available or content_languages())
    code = (requested or "").strip()
    if code in available:
        return code
    fallback = default or current_language()
    if fallback in available:
        return fallback
    return available[0] if available else settings.LANGUAGE_CODE


def requested_language(request, available=None, *, param: str = "lang", default=None) -> str:
    """`choose_language` for the `?lang=` parameter of a request."""
    return choose_language(request.GET.get(param), available, default=default)


def ascii_digits(value: str) -> bool:
    """Whether `value` is a number written with the digits 0–9 only. Unlike str.isdigit(),
    false for "²" or "¹²", which int() cannot read (a typed id or address part)."""
    return value.isascii() and value.isdigit()
