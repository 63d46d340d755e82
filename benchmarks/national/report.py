"""The results of `make bench` as a BENCHMARKS.md section; the figures of the previous run are
kept under "Previous run"."""

import os
import re
import statistics
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from results import RESULTS, write_section

TITLE = "National data set on PostgreSQL (make bench)"
LATEST, PREVIOUS = "### Latest run", "### Previous run"
INTRO = """`make bench` (`.venv/bin/python benchmarks/national/run.py --write`; not part of
`make test`). The national data set (`manage.py generate_national_data`: every in-scope
municipality with a plan of 20 objectives, 60 measures with lead, co-responsible and partner
organisations, 30 indicators with 10 years of statistics, two monitoring rounds, a cooperation
group with meetings and a consultation of 500 responses; a third with an earlier version;
Helsinki's plan the largest with 200 measures and 5,000 responses) on a recreated PostgreSQL
database, served by gunicorn (`config/gunicorn.py`, `config.settings.bench`: DEBUG off, cache and
sessions shared by the workers in Redis as on several app nodes, else in the database's cache
table) over loopback. Each page is timed at the client (whole body read) one request
after another after warming every worker; the floor is the base template alone
(`/bench/floor/`), in the same run; × floor is median / floor median. SQL queries come from a
bench-only middleware header (not counted for streamed bodies). Targets (issue 15): 5× the floor
at the median, dashboards 10×."""


def _ms(value: float) -> str:
    return f"{value:,.0f} ms" if value >= 10 else f"{value:.1f} ms"


def _floor(rows) -> float:
    return next(r["median"] for r in rows if r["page"].kind == "floor" and not r.get("skipped"))


def _page_table(rows) -> list[str]:
    floor = _floor(rows)
    lines = [
        "| page | n | SQL queries | median | p95 | × floor | target | size |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        page = r["page"]
        if r.get("skipped"):
            why = r.get("why", "not in this version")
            lines.append(f"| {page.name} | — | — | — | — | — | {why} | — |")
            continue
        ratio = r["median"] / floor
        target = 10 if page.dashboard else 5
        verdict = (
            "—"
            if page.kind in ("floor", "reference")
            else ("met" if ratio <= target else f"**missed** ({target}×)")
        )
        status = "" if r["status"] == 200 else f" (HTTP {r['status']})"
        lines.append(
            f"| {page.name}{status} | {r['n']} | {r['queries']} | {_ms(r['median'])} | "
            f"{_ms(r['p95'])} | {ratio:,.0f}× | {verdict} | {r['bytes'] / 1024:,.0f} KiB |"
        )
    return lines


def _growth_table(datasets) -> list[str]:
    labels = [d["label"] for d in datasets]
    head = " | ".join(f"{label} median (× floor, queries)" for label in labels)
    lines = [f"| page | {head} |", "|---|" + "---|" * len(labels)]
    names = [r["page"].name for r in datasets[0]["growth"]]
    for name in names:
        cells = []
        for d in datasets:
            floor = _floor(d["growth"])
            r = next(x for x in d["growth"] if x["page"].name == name)
            if r.get("skipped"):
                cells.append("—")
                continue
            cells.append(f"{_ms(r['median'])} ({r['median'] / floor:,.0f}×, {r['queries']})")
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    return lines


def _load_table(load) -> list[str]:
    lines = [
        "| scenario | users | s | requests | req/s | p50 | p95 | p99 | errors |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    details = [
        "",
        "Per request type in the mix:",
        "",
        "| request | n | req/s | p50 | p95 | p99 | errors |",
        "|---|---|---|---|---|---|---|",
    ]
    for s in load:
        total = next(r for r in s["rows"] if r["Name"] == "Aggregated")
        lines.append(
            f"| {s['scenario']} | {s['users']} | {s['seconds']} | {total['Request Count']} | "
            f"{float(total['Requests/s']):.1f} | {total['50%']} ms | {total['95%']} ms | "
            f"{total['99%']} ms | {total['Failure Count']} |"
        )
        if s is load[-1]:
            for r in s["rows"]:
                if r["Name"] != "Aggregated":
                    details.append(
                        f"| {r['Type']} {r['Name']} | {r['Request Count']} | "
                        f"{float(r['Requests/s']):.1f} | {r['50%']} ms | {r['95%']} ms | "
                        f"{r['99%']} ms | {r['Failure Count']} |"
                    )
    return lines + details


def _exports_table(first: dict) -> list[str]:
    """The files the worker made, and their download once made."""
    downloads = {r["page"].name.split(" ")[0]: r for r in first.get("downloads", [])}
    floor = _floor(first["downloads"]) if first.get("downloads") else None
    lines = [
        "#### Files made by the background worker (largest plan, 200 measures)",
        "",
        "| file | made by the worker in | worker's peak memory | size | download once made "
        "(median, × floor, queries) |",
        "|---|---|---|---|---|",
    ]
    for kind, made in first["exports"].items():
        label = "DOCX" if kind.endswith("docx") else "PDF"
        got = downloads.get(label)
        download = "—"
        if got and floor and not got.get("skipped"):
            status = "" if got["status"] == 200 else f" (HTTP {got['status']})"
            download = (
                f"{_ms(got['median'])}, {got['median'] / floor:,.0f}×, {got['queries']}{status}"
            )
        lines.append(
            f"| {label} ({made['language']}) | {made['seconds']:.1f} s | "
            f"{made['peak_mib']:.0f} MiB | {made['bytes'] / 1024:,.0f} KiB | {download} |"
        )
    return lines


def render(run: dict) -> str:
    lines = [
        f"- Date: {run['date']}; command: `{run['command']}`; whole run {run['minutes']:.0f} min.",
        f"- Machine: {run['machine']}; load average (1, 5, 15 min) at the end of the run: "
        f"{', '.join(f'{x:.2f}' for x in os.getloadavg())}.",
    ]
    if run.get("cache"):
        lines.append(f"- Cache and sessions of the workers: {run['cache']}.")
    if run.get("note"):
        lines.append(f"- {run['note']}")
    for d in run["datasets"]:
        build = ", ".join(f"{k} {v:.0f} s" for k, v in d["build"].items())
        build = build or "generated before the run (see above)"
        subset = "all in-scope" if not d["subset"] else f"{d['subset']} (subset)"
        lines.append(
            f"- Data {d['label']}: {subset} municipalities, ordinary plan of "
            f"{d['targets'].get('measures')} measures; built in {build}."
        )
    first = run["datasets"][0]
    if "pages" in first:
        lines += ["", "#### Pages (1×)", "", *_page_table(first["pages"])]
        floor = _floor(first["pages"])
        misses = [
            r["page"].name
            for r in first["pages"]
            if not r.get("skipped")
            and r["page"].kind != "floor"
            and r["median"] / floor > (10 if r["page"].dashboard else 5)
        ]
        lines += ["", f"Missed targets: {'; '.join(misses) if misses else 'none'}."]
    if first.get("memory"):
        lines += [
            "",
            "#### Peak memory of the serving worker (RSS, /proc, polled every 10 ms)",
            "",
            "| request | before | peak | response |",
            "|---|---|---|---|",
        ]
        for m in first["memory"]:
            lines.append(
                f"| {m['page']} | {m['before_mib']:.0f} MiB | {m['peak_mib']:.0f} MiB | "
                f"{m['bytes'] / 1024:,.0f} KiB |"
            )
    if first.get("exports"):
        lines += ["", *_exports_table(first)]
    if len(run["datasets"]) > 1:
        lines += [
            "",
            "#### Growth with plan size (an ordinary plan with an earlier version)",
            "",
            *_growth_table(run["datasets"]),
        ]
    if first.get("load"):
        lines += [
            "",
            "#### Load test (locust headless, loopback, 3 gunicorn workers)",
            "",
            *_load_table(first["load"]),
        ]
    return "\n".join(lines)


def write_report(run: dict, *, write: bool, path: Path = RESULTS) -> str:
    latest = render(run)
    previous = ""
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    section = re.search(rf"^## {re.escape(TITLE)}\n(.*?)(?=^## |\Z)", current, re.S | re.M)
    if section:
        old = re.search(rf"^{LATEST}\n(.*?)(?=^{PREVIOUS}\n|\Z)", section.group(1), re.S | re.M)
        if old:
            previous = old.group(1).strip()
    body = [f"## {TITLE}", "", INTRO, "", LATEST, "", latest]
    if previous:
        body += ["", PREVIOUS, "", previous]
    text = "\n".join(body) + "\n"
    if write:
        write_section(TITLE, text, path)
    return text


__all__ = ["statistics", "write_report"]
