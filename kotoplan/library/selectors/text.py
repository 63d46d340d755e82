"""Showing what matched: the text of a part in the reader's language (or the language in which
the words were found), escaped first and then marked with <mark>, and a short excerpt of a long
text around the first match."""

import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from kotoplan.core.text import Text, text_of

from .matching import LANGUAGES

WORD = re.compile(r"([^\W_]+)")
EXCERPT = 240


def _stems(words: list[str]) -> list[str]:
    """What a word of the text must contain to be marked: the searched word without its last
    letters (so inflected forms are marked too), at least four letters of it."""
    return [w[: max(4, len(w) - 3)] if len(w) > 4 else w for w in words]


def is_marked(token: str, stems: list[str]) -> bool:
    lower = token.lower()
    return any(stem in lower for stem in stems)


def marked(text: str, words: list[str]) -> SafeString:
    """`text` HTML-escaped, its matching words wrapped in <mark>."""
    stems = _stems(words)
    pieces = []
    for i, piece in enumerate(WORD.split(text)):
        if i % 2 and stems and is_marked(piece, stems):
            pieces.append(f"<mark>{escape(piece)}</mark>")
        else:
            pieces.append(escape(piece))
    return mark_safe("".join(pieces))


def matches(text: str, words: list[str]) -> bool:
    stems = _stems(words)
    return any(is_marked(token, stems) for token in WORD.findall(text))


def best_text(obj, field: str, words: list[str]) -> Text:
    """The field in the reader's language, unless the words were found only in another one."""
    text = text_of(obj, field)
    if not words or matches(text.value, words):
        return text
    for code in LANGUAGES:
        value = getattr(obj, f"{field}_{code}", "") or ""
        if value.strip() and matches(value, words):
            return Text(value, code, text.wanted)
    return text


def excerpt(text: str, words: list[str], length: int = EXCERPT) -> str:
    """At most `length` characters of `text`, around the first matching word."""
    if len(text) <= length:
        return text
    stems = _stems(words)
    start = 0
    for found in WORD.finditer(text):
        if stems and is_marked(found.group(), stems):
            start = max(0, found.start() - length // 3)
            break
    piece = text[start : start + length]
    return ("…" if start else "") + piece + ("…" if start + length < len(text) else "")
