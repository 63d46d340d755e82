"""Makes the stored files the benchmark asked for (the largest plan's Word and PDF files, left
waiting by the pages' requests) as the background worker does, and prints, as JSON, the time
and peak memory of each: `python benchmarks/national/exports.py` with the bench settings and the
data set's DATABASE_URL. The worker's memory is this process's (a worker makes one file at a
time)."""

import json
import os
import resource
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django  # noqa: E402

django.setup()

from kotoplan.core.models import StoredExport  # noqa: E402
from kotoplan.core.services import export_run  # noqa: E402

KINDS = ("plan_docx", "plan_pdf")


def main() -> None:
    made = {}
    for kind in KINDS:
        waiting = StoredExport.objects.filter(
            kind=kind, subject_type="plan", status=StoredExport.Status.WAITING
        ).order_by("-pk")
        export = waiting.first()
        if export is None:
            continue
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        done = export_run(export_id=export.pk)
        seconds = time.perf_counter() - started
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        made[kind] = {
            "seconds": seconds,
            "bytes": done.size if done else 0,
            "status": done.status if done else "gone",
            "language": export.language,
            "peak_mib": after / 1024,
            "grew_mib": (after - before) / 1024,
        }
    print(json.dumps(made))


if __name__ == "__main__":
    main()
