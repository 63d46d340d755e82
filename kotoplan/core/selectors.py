"""Reads of the kernel: the organisation-specific facts of the service's statutory pages, and
a stored export under its subject.

The facts come from settings.KOTOPLAN_SITE_INFO (a TOML file named by KOTOPLAN_SITE_INFO_FILE);
a text that differs by language is a table with fi, sv and en, given back as a `Text` in the
reader's language (or the first written one, marked as such). Callers of the export reads have
already checked that the user may see the subject.
"""

from datetime import date, timedelta

from django.conf import settings
from django.http import Http404

from .languages import current_language
from .models import StoredExport
from .text import Text

LANGUAGE_KEYS = ("fi", "sv", "en")


def _localised(value, language: str):
    if isinstance(value, dict) and value and set(value) <= set(LANGUAGE_KEYS):
        for code in (language, *LANGUAGE_KEYS):
            if value.get(code):
                return Text(str(value[code]), code, language)
        return Text("", language, language)
    if isinstance(value, dict):
        return {key: _localised(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [_localised(item, language) for item in value]
    if isinstance(value, str) and len(value) == 10 and value[4] == "-" and value[7] == "-":
        try:
            return date.fromisoformat(value)
        except ValueError:
            return value
    return value


def site_info(language: str | None = None) -> dict:
    """The organisation's facts in the reader's language (dates as dates)."""
    return _localised(settings.KOTOPLAN_SITE_INFO, (language or current_language())[:2])


def _lifetime(seconds) -> timedelta | None:
    return None if seconds is None else timedelta(seconds=int(seconds))


def cookies() -> list[dict]:
    """The cookies the service sets, all strictly necessary: name, purpose key and lifetime
    (None = until the browser is closed), read from the settings."""
    return [
        {
            "name": settings.SESSION_COOKIE_NAME,
            "purpose": "session",
            "lifetime": _lifetime(settings.SESSION_COOKIE_AGE),
        },
        {
            "name": settings.CSRF_COOKIE_NAME,
            "purpose": "csrf",
            "lifetime": _lifetime(settings.CSRF_COOKIE_AGE),
        },
        {
            "name": settings.LANGUAGE_COOKIE_NAME,
            "purpose": "language",
            "lifetime": _lifetime(settings.LANGUAGE_COOKIE_AGE),
        },
        {"name": "messages", "purpose": "messages", "lifetime": None},
    ]


def export_get(*, subject_type: str, subject_id: int, token, kinds=None) -> StoredExport:
    """The export of this subject with this token (and of one of `kinds`), else 404: a token of
    another subject is as unknown as a made-up one."""
    exports = StoredExport.objects.filter(
        subject_type=subject_type, subject_id=subject_id, token=token
    )
    if kinds is not None:
        exports = exports.filter(kind__in=kinds)
    export = exports.first()
    if export is None:
        raise Http404
    return export


def export_latest_ready(*, subject_type: str, subject_id: int, kind: str, language: str):
    """The newest file made of this subject, kind and language, whatever content it was made
    of (None when there is none): served while the file of the current content is being made,
    where a slightly older file is better than none (open data)."""
    return (
        StoredExport.objects.filter(
            subject_type=subject_type,
            subject_id=subject_id,
            kind=kind,
            language=language,
            status=StoredExport.Status.READY,
        )
        .order_by("-finished_at", "-pk")
        .first()
    )
