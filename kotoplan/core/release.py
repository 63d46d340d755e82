"""What identifies the code a server runs as it shapes a page: its templates, compiled
catalogues and static files' manifest. Part of the key of every stored page fragment, so that a
new release never serves fragments rendered by the one before (different markup, words or
hashed asset names)."""

import functools
import hashlib
from pathlib import Path

from django.conf import settings

PACKAGE = Path(__file__).resolve().parents[1]


@functools.cache
def release_key() -> str:
    """A digest of every template, compiled catalogue and the static files' manifest (their
    content, so every node of one release agrees); read once per process."""
    digest = hashlib.sha256()
    files = [*PACKAGE.glob("*/templates/**/*.html"), *PACKAGE.glob("**/locale/*/LC_MESSAGES/*.mo")]
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    if settings.STATIC_ROOT and manifest.exists():
        files.append(manifest)
    for path in sorted(files):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:16]
