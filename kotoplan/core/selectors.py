"""Reads of the kernel: a stored export under its subject. Callers have already checked that the
user may see the subject."""

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
