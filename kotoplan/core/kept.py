"""Rendered fragments kept in the cache under a key made of what they are made of.

`kept_fragment(name, parts, render)` returns the fragment rendered by `render()` once per
`parts` (the states of the data the fragment shows), the reader's language and the release
(`release_key`), so a change to any of them gives a new key and nobody reads an outdated page.
Whoever calls it names every state the fragment depends on; a fragment that depends on who reads
it names the reader's rights among its parts."""

import hashlib
from collections.abc import Callable, Iterable

from django.core.cache import cache
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from .release import release_key

KEPT_SECONDS = 24 * 3600


def kept_key(name: str, parts: Iterable) -> str:
    text = "|".join(str(part) for part in (*parts, translation.get_language(), release_key()))
    return f"{name}:" + hashlib.sha256(text.encode()).hexdigest()


def kept_fragment(
    name: str, parts: Iterable, render: Callable[[], str], *, seconds: int = KEPT_SECONDS
) -> SafeString:
    """The fragment of these parts, rendered (and escaped) by `render` when not kept; kept at
    most `seconds` (for a fragment that also shows something its parts do not name)."""
    key = kept_key(name, parts)
    fragment = cache.get(key)
    if fragment is None:
        fragment = str(render())
        cache.set(key, fragment, seconds)
    return mark_safe(fragment)  # rendered by a template, which escaped it
