"""Time the DOCX and PDF export of the largest demo plan.

    .venv/bin/python benchmarks/export_documents.py [--write] [--runs N]

Loads the reference and demo data into a throw-away SQLite database (test settings), picks
the plan with the most measures, and exports it N times to each format. `--write` appends
the result table to BENCHMARKS.md under "Document export".
"""

import argparse
import os
import platform
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from results import write_section  # noqa: E402  (benchmarks/ is the script folder)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--write", action="store_true")
    args = parser.parse_args()
    workdir = tempfile.mkdtemp(prefix="kotoplan-bench-")
    os.environ["DATABASE_URL"] = f"sqlite:///{workdir}/bench.sqlite3"
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.test")
    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.db.models import Count

    settings.DATABASES["default"]["NAME"] = f"{workdir}/bench.sqlite3"
    call_command("migrate", verbosity=0)
    for command in ("load_reference_data", "sync_organisations", "load_demo_data"):
        call_command(command, verbosity=0)

    from kotoplan.documents.exporters.docx import plan_docx
    from kotoplan.documents.exporters.pdf import plan_pdf
    from kotoplan.documents.selectors import plan_document
    from kotoplan.planning.models import Plan

    plan = (
        Plan.objects.annotate(n=Count("objectives__measures"))
        .order_by("-n", "pk")
        .select_related("lead_municipality")
        .first()
    )
    measures = plan.n
    rows = []
    for name, exporter in (("DOCX", plan_docx), ("PDF", plan_pdf)):
        times, size = [], 0
        for _ in range(args.runs):
            start = time.perf_counter()
            size = len(exporter(plan_document(plan=plan, language="fi")))
            times.append(time.perf_counter() - start)
        rows.append((name, statistics.median(times), max(times), size))
    table = [
        "| format | runs | median | slowest | size |",
        "|---|---|---|---|---|",
        *[
            f"| {n} | {args.runs} | {m * 1000:.0f} ms | {w * 1000:.0f} ms | {s // 1024} KiB |"
            for n, m, w, s in rows
        ],
    ]
    section = "\n".join(
        [
            "",
            "## Document export",
            "",
            "`.venv/bin/python benchmarks/export_documents.py --write` (test settings, SQLite,",
            "data from `load_demo_data`; the time includes reading the plan from the database).",
            "",
            f"- Plan: {plan} ({plan.lead_municipality.name_fi}), {measures} measures, in Finnish.",
            f"- Machine: {os.cpu_count()} cores, {platform.platform()}, "
            f"Python {platform.python_version()}.",
            "",
            *table,
            "",
        ]
    )
    print(section)
    if args.write:
        write_section("Document export", section)


if __name__ == "__main__":
    main()
