"""`make bench`: the national data set on PostgreSQL, served by gunicorn, timed page by page
against a floor page, at 1×, 4× and 16× plan size, under load, with the workers' memory.

    .venv/bin/python benchmarks/national/run.py [--write] [--quick] [--skip-load]

DATABASE_URL (default postgres://postgres@127.0.0.1:5432/kotoplan_bench) is dropped and
recreated, and so are the same name with _x4 and _x16 for the growth measurement. Results are
printed; --write puts them in BENCHMARKS.md and moves the previous figures under "Previous run".
"""

import argparse
import csv
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.bench")

import django  # noqa: E402

django.setup()

from pages import DOWNLOADS, GROWTH_PAGES, PAGES  # noqa: E402
from report import write_report  # noqa: E402
from server import (  # noqa: E402
    Server,
    build,
    database_url,
    make_exports,
    peak_memory,
    shared_cache,
    targets,
    time_page,
)

ONLY, SKIP = [""], [""]
DEFAULT_URL = "postgres://postgres@127.0.0.1:5432/kotoplan_bench"
SCENARIOS = [  # (name, user classes, users, seconds)
    ("floor only", ["FloorUser"], 10, 20),
    ("public plan and consultation pages, at the floor's pace", ["PublicAtFloorPace"], 10, 30),
    (
        "mix: public reads, answers, logged-in work",
        ["PublicReader", "Respondent", "Worker"],
        20,
        60,
    ),
]


def _skipped(page) -> bool:
    return any(text and text in page.name for text in SKIP[0].split("|"))


def measure(server: Server, pages, found: dict, log) -> list[dict]:
    sessions = {}
    rows = []
    for page in pages:
        if ONLY[0] and ONLY[0] not in page.name and page.kind != "floor":
            continue
        if _skipped(page):
            rows.append({"page": page, "skipped": True, "why": "left out of this run (--skip)"})
            continue
        user = page.user(found) if callable(page.user) else page.user
        try:
            path = page.url(found)
        except (KeyError, TypeError):
            path = None
        if path is None:
            rows.append({"page": page, "skipped": True})
            log(f"  {page.name}: not in this version (skipped)")
            continue
        if user not in sessions:
            sessions[user] = server.session(user)
        timing = time_page(server, sessions[user], path, page.requests, page.budget_s)
        rows.append({"page": page, "path": path, **timing})
        log(
            f"  {page.name}: {timing['median']:.0f} ms median, {timing['queries']} queries, "
            f"n={timing['n']}, HTTP {timing['status']}"
        )
    return rows


def memory(server: Server, pages, found: dict, log) -> list[dict]:
    rows = []
    for page in pages:
        if page.kind != "export" or _skipped(page) or (ONLY[0] and ONLY[0] not in page.name):
            continue
        user = page.user(found) if callable(page.user) else page.user
        result = peak_memory(server, server.session(user), page.url(found))
        rows.append({"page": page.name, **result})
        log(f"  {page.name}: peak {result['peak_mib']:.0f} MiB (from {result['before_mib']:.0f})")
    return rows


def load_test(server: Server, found: dict, log) -> list[dict]:
    target_file = ROOT / "var" / "bench-targets.json"
    target_file.write_text(json.dumps(found))
    results = []
    for name, classes, users, seconds in SCENARIOS:
        prefix = ROOT / "var" / f"bench-locust-{classes[0].lower()}-{len(classes)}"
        subprocess.run(
            [
                str(ROOT / ".venv" / "bin" / "locust"),
                "-f",
                str(HERE / "locustfile.py"),
                "--headless",
                "--users",
                str(users),
                "--spawn-rate",
                str(users),
                "--run-time",
                f"{seconds}s",
                "--host",
                server.base,
                "--csv",
                str(prefix),
                "--only-summary",
                "--stop-timeout",
                "5",
                "--loglevel",
                "WARNING",
                *classes,
            ],
            cwd=ROOT,
            env={**os.environ, "BENCH_TARGETS": str(target_file)},
            check=False,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        with open(f"{prefix}_stats.csv", newline="") as f:
            stats = list(csv.DictReader(f))
        results.append({"scenario": name, "users": users, "seconds": seconds, "rows": stats})
        total = next(r for r in stats if r["Name"] == "Aggregated")
        log(
            f"  {name}: {float(total['Requests/s']):.1f} req/s, p95 {total['95%']} ms, "
            f"{total['Failure Count']} errors"
        )
    return results


def machine() -> str:
    import psycopg

    cpu = platform.machine()
    for line in Path("/proc/cpuinfo").read_text().splitlines():
        if line.startswith("model name"):
            cpu = line.split(":", 1)[1].strip()
            break
    parts = urlsplit(os.environ.get("DATABASE_URL", DEFAULT_URL))
    with psycopg.connect(urlunsplit(parts._replace(path="/postgres"))) as c:
        pg = c.execute("SHOW server_version").fetchone()[0]
    return (
        f"{os.cpu_count()} cores ({cpu}), {platform.system()} {platform.release()}, "
        f"Python {platform.python_version()}, Django {django.get_version()}, PostgreSQL {pg}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--write", action="store_true", help="write BENCHMARKS.md")
    parser.add_argument("--quick", action="store_true", help="a small subset (a smoke run)")
    parser.add_argument("--skip-load", action="store_true")
    parser.add_argument("--skip-growth", action="store_true")
    parser.add_argument(
        "--no-build", action="store_true", help="reuse the databases of the previous run"
    )
    parser.add_argument(
        "--keep-national",
        action="store_true",
        help="reuse the 1× database (generated before), build only the growth databases",
    )
    parser.add_argument("--only", default="", help="time only pages whose name has this text")
    parser.add_argument(
        "--skip",
        default="",
        help="leave out pages whose name has one of these texts (separated by |)",
    )
    parser.add_argument("--growth-subsets", default="20,5", help="municipalities at 4× and 16×")
    parser.add_argument("--note", default="", help="a line added to the report")
    parser.add_argument("--port", type=int, default=8790)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    ONLY[0], SKIP[0] = args.only, args.skip
    base = os.environ.get("DATABASE_URL", DEFAULT_URL)
    (ROOT / "var").mkdir(exist_ok=True)
    started = time.time()

    def log(message):
        print(f"[{time.time() - started:6.0f} s] {message}", flush=True)

    datasets = [("1×", 1, 12 if args.quick else None, "")]
    if not args.skip_growth:
        at4, at16 = (int(n) for n in args.growth_subsets.split(","))
        datasets += [
            ("4×", 4, 4 if args.quick else at4, "_x4"),
            ("16×", 16, 2 if args.quick else at16, "_x16"),
        ]
    run = {"machine": machine(), "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")}
    flags = [a for a in sys.argv[1:] if a.startswith("--") and a not in ("--write",)]
    flags = [f for f in flags if not f.startswith("--note")]
    run["command"] = "benchmarks/national/run.py " + " ".join(["--write", *flags])
    run["datasets"] = []
    run["note"] = args.note
    for label, scale, subset, suffix in datasets:
        url = database_url(base, suffix)
        log(f"{label}: building {url.rsplit('/', 1)[-1]} ({subset or 'all'} municipalities)")
        reuse = args.no_build or (args.keep_national and label == "1×")
        seconds = {} if reuse else build(url, scale=scale, municipalities=subset)
        log(f"{label}: built in {sum(seconds.values()):.0f} s {seconds}")
        found = targets(url)
        run["cache"] = shared_cache()
        server = Server(url, args.port, args.workers)
        entry = {"label": label, "scale": scale, "subset": subset, "build": seconds}
        entry["targets"] = {k: found.get(k) for k in ("municipalities", "measures")}
        try:
            if label == "1×":
                log("pages")
                entry["pages"] = measure(server, PAGES, found, log)
                log("memory")
                entry["memory"] = memory(server, PAGES, found, log)
                if not ONLY[0]:
                    log("files made by the worker")
                    entry["exports"] = make_exports(url)
                    log(f"  {entry['exports']}")
                    entry["downloads"] = measure(server, DOWNLOADS, found, log)
                if not args.skip_load:
                    log("load test")
                    entry["load"] = load_test(server, found, log)
            log(f"{label}: growth pages")
            entry["growth"] = measure(server, GROWTH_PAGES, found, log)
        finally:
            server.stop()
        run["datasets"].append(entry)
    run["minutes"] = (time.time() - started) / 60
    text = write_report(run, write=args.write)
    print(text)


if __name__ == "__main__":
    main()
