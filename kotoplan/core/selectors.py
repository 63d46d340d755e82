"""Reads of the kernel: a stored export under its subject, and the newest one made. Callers have
already checked that the user may see the subject."""

from django.http import Http404

from .models import StoredExport


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
