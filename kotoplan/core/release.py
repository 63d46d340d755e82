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
    """A digest of the name, size and modification time of every template, compiled catalogue
    and the static files' manifest; read once per process."""
    digest = hashlib.sha256()
    files = [*PACKAGE.glob("*/templates/**/*.html"), *PACKAGE.glob("**/locale/*/LC_MESSAGES/*.mo")]
    manifest = Path(settings.STATIC_ROOT or "") / "staticfiles.json"
    if settings.STATIC_ROOT and manifest.exists():
        files.append(manifest)
    for path in sorted(files):
        stat = path.stat()
        digest.update(
            f"{path.relative_to(PACKAGE) if path.is_relative_to(PACKAGE) else path}|{stat.st_size}|{stat.st_mtime_ns}\n".encode()
        )
    return digest.hexdigest()[:16]
