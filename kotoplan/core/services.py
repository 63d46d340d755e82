"""Shared write helpers: the optimistic-locking update used by every edit form, and the checks
services repeat: required texts (`required_texts`) and links to the right parent (`belonging`).
And the life of a stored export: requested (once per content), made by the worker, served from
each node's own copy, purged."""

import logging
import os
import tempfile
from datetime import timedelta
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .errors import DomainError, EditConflict
from .exporters import export_maker
from .models import StoredExport

logger = logging.getLogger(__name__)


def versioned_update(
    *, obj: models.Model, expected_version: int, changes: dict, m2m: dict | None = None
) -> models.Model:
    """Apply changes only if nobody saved the row since `expected_version` was read.

    Must run inside a transaction. Raises EditConflict carrying the current row otherwise.
    """
    locked = type(obj).objects.select_for_update().get(pk=obj.pk)
    if locked.version != expected_version:
        raise EditConflict(
            _(
                "Someone else saved this while you were editing. Their version is shown below; "
                "review it and save again."
            ),
            current=locked,
        )
    for name, value in changes.items():
        setattr(locked, name, value)
    locked.version += 1
    locked.full_clean()
    locked.save()
    for name, values in (m2m or {}).items():
        getattr(locked, name).set(values)
    return locked


def required_texts(**texts: tuple[str | None, str]) -> dict[str, str]:
    """The texts without surrounding white space. `texts` maps a field name to (value, message
    when empty); one ValidationError names every empty field with its message."""
    stripped = {name: (value or "").strip() for name, (value, _message) in texts.items()}
    empty = {name: texts[name][1] for name, value in stripped.items() if not value}
    if empty:
        raise ValidationError(empty)
    return stripped


def belonging(items, *, to: models.Model, by: str, message: str) -> list:
    """The items as a list, each one pointing to `to` by its field `by` (e.g. objectives by
    "plan_id" to their plan); a DomainError with `message` when one points elsewhere."""
    items = list(items or [])
    if any(getattr(item, by) != to.pk for item in items):
        raise DomainError(message)
    return items


# --- stored exports -------------------------------------------------------------------------------


def export_request(
    *, subject_type: str, subject_id: int, kind: str, language: str, fingerprint: str
) -> tuple[StoredExport, bool]:
    """The stored export of this content, and whether the worker must (re)make it: a new one
    (older files of the same subject, kind and language go once it is made), a failed one, or
    one left waiting longer than KOTOPLAN_EXPORT_STALE_MINUTES (its worker stopped). Two
    requests at once get the same row and one run."""
    key = {
        "subject_type": subject_type,
        "subject_id": subject_id,
        "kind": kind,
        "language": language,
        "fingerprint": fingerprint,
    }
    export = StoredExport.objects.filter(**key).first()
    if export is None:
        try:
            with transaction.atomic():
                export = StoredExport.objects.create(**key)
        except IntegrityError:
            return StoredExport.objects.get(**key), False
        return export, True
    now = timezone.now()
    stale = now - timedelta(minutes=settings.KOTOPLAN_EXPORT_STALE_MINUTES)
    again = export.status == StoredExport.Status.FAILED or (
        export.status == StoredExport.Status.WAITING and export.updated_at < stale
    )
    if again:
        taken = StoredExport.objects.filter(
            pk=export.pk, status=export.status, updated_at=export.updated_at
        ).update(status=StoredExport.Status.WAITING, updated_at=now)
        export.refresh_from_db()
        return export, bool(taken)
    return export, False


def export_run(*, export_id: int) -> StoredExport | None:
    """Make the file of a waiting export (the background task), in the export's language. A
    failure marks it failed (the next request tries again) and is raised for the worker's log."""
    export = StoredExport.objects.filter(pk=export_id, status=StoredExport.Status.WAITING).first()
    if export is None:
        return None
    _subject_type, make = export_maker(export.kind)
    try:
        with translation.override(export.language):
            made = make(subject_id=export.subject_id, language=export.language)
    except Exception:
        logger.exception("Export %s (%s %s) failed", export.pk, export.kind, export.subject_id)
        StoredExport.objects.filter(pk=export.pk).update(
            status=StoredExport.Status.FAILED, updated_at=timezone.now()
        )
        raise
    now = timezone.now()
    StoredExport.objects.filter(pk=export.pk, status=StoredExport.Status.WAITING).update(
        status=StoredExport.Status.READY,
        content=made.content,
        content_type=made.content_type,
        file_name=made.file_name[:255],
        size=len(made.content),
        updated_at=now,
        finished_at=now,
    )
    StoredExport.objects.filter(
        subject_type=export.subject_type,
        subject_id=export.subject_id,
        kind=export.kind,
        language=export.language,
    ).exclude(pk=export.pk).delete()  # files of older content
    export.refresh_from_db()
    return export


def exports_purge(*, now=None) -> int:
    """Remove stored exports made (or last tried) more than KOTOPLAN_EXPORT_RETENTION_HOURS ago;
    returns how many. A later request makes the file again."""
    now = now or timezone.now()
    cutoff = now - timedelta(hours=settings.KOTOPLAN_EXPORT_RETENTION_HOURS)
    removed, _by_model = StoredExport.objects.filter(updated_at__lt=cutoff).delete()
    copies_purge()
    return removed


# --- each node's copies of the stored exports it serves ---------------------------------------
#
# Each node's own copy of the stored exports it serves.
#
# A stored export lives in the database, shared by every node, and its content never changes once
# it is made (new content is a new export with a new token). A node that serves one keeps a copy
# in `KOTOPLAN_EXPORT_COPIES_DIR`, named by the token, and serves that copy next time: the
# nationwide open data files (megabytes) are then read from the database once per node, not once
# per download. A copy of the wrong size is read again; a disk that cannot take the copy only
# costs the database read. `copies_purge` removes the copies of exports that are gone.


def _directory() -> Path | None:
    directory = settings.KOTOPLAN_EXPORT_COPIES_DIR
    return Path(directory) if directory else None


def _from_database(export: StoredExport) -> bytes:
    if "content" not in export.get_deferred_fields():
        return bytes(export.content)
    content = StoredExport.objects.filter(pk=export.pk).values_list("content", flat=True).first()
    return bytes(content or b"")


def export_content(export: StoredExport) -> bytes:
    """The file of a ready export: this node's copy, made from the database when it has none."""
    directory = _directory()
    if directory is None:
        return _from_database(export)
    path = directory / export.token.hex
    try:
        content = path.read_bytes()
        if len(content) == export.size:
            return content
    except OSError:
        pass
    content = _from_database(export)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, delete=False) as handle:
            handle.write(content)
        os.replace(handle.name, path)  # whole or not at all: a reader never sees half a copy
    except OSError:
        logger.warning("No copy of stored export %s kept in %s", export.pk, directory)
    return content


def copies_purge() -> int:
    """Remove the copies of exports no longer stored (purged, or replaced by newer content);
    returns how many."""
    directory = _directory()
    if directory is None or not directory.is_dir():
        return 0
    stored = {token.hex for token in StoredExport.objects.values_list("token", flat=True)}
    removed = 0
    for path in directory.iterdir():
        if path.is_file() and path.name not in stored:
            path.unlink(missing_ok=True)
            removed += 1
    return removed
