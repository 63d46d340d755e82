"""Each node's own copy of the stored exports it serves.

A stored export lives in the database, shared by every node, and its content never changes once
it is made (new content is a new export with a new token). A node that serves one keeps a copy
in `KOTOPLAN_EXPORT_COPIES_DIR`, named by the token, and serves that copy next time: the
nationwide open data files (megabytes) are then read from the database once per node, not once
per download. A copy of the wrong size is read again; a disk that cannot take the copy only
costs the database read. `copies_purge` removes the copies of exports that are gone."""

import logging
import os
import tempfile
from pathlib import Path

from django.conf import settings

from .models import StoredExport

logger = logging.getLogger(__name__)


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
