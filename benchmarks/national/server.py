"""The benchmark's database and server: recreate and fill a PostgreSQL database, serve it with
gunicorn on a loopback port, log users in, time requests and watch the workers' memory."""

import contextlib
import json
import os
import re
import signal
import statistics
import subprocess
import threading
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import requests

ROOT = Path(__file__).resolve().parents[2]
PY = str(ROOT / ".venv" / "bin" / "python")
PASSWORD = "kansallinen-testi-2026"  # kotoplan.demo.services.national.people.PASSWORD


def database_url(base: str, suffix: str) -> str:
    parts = urlsplit(base)
    return urlunsplit(parts._replace(path=parts.path + suffix))


def recreate_database(url: str) -> None:
    import psycopg

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    if not re.fullmatch(r"[a-z0-9_]+", name):
        raise SystemExit(f"Refusing an unusual database name: {name!r}")
    admin = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")


def environment(url: str, **more) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.bench",
        "DATABASE_URL": url,
        **more,
    }


def manage(url: str, *args: str) -> float:
    started = time.perf_counter()
    subprocess.run(
        [PY, "manage.py", *args],
        cwd=ROOT,
        env=environment(url),
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return time.perf_counter() - started


def build(url: str, *, scale: int, municipalities: int | None) -> dict:
    """Recreate the database and generate the data set; returns seconds per step."""
    recreate_database(url)
    seconds = {"migrate": manage(url, "migrate", "--noinput")}
    manage(url, "createcachetable")  # the bench settings' database cache (rate limits)
    seconds["reference data"] = manage(url, "load_reference_data")
    seconds["organisations"] = manage(url, "sync_organisations")
    args = ["generate_national_data", f"--scale={scale}"]
    if municipalities:
        args.append(f"--municipalities={municipalities}")
    seconds["generate"] = manage(url, *args)
    return seconds


def _script(url: str, name: str) -> dict:
    """Run benchmarks/national/<name> with the data set's settings; the JSON it prints last."""
    out = subprocess.run(
        [PY, str(ROOT / "benchmarks" / "national" / name)],
        cwd=ROOT,
        env=environment(url),
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def targets(url: str) -> dict:
    """What the pages point at in the data set (targets.py)."""
    return _script(url, "targets.py")


def make_exports(url: str) -> dict:
    """Let the worker make the files the pages asked for (exports.py); their time and memory."""
    return _script(url, "exports.py")


class Server:
    """gunicorn with config/gunicorn.py and the bench settings on 127.0.0.1:`port`."""

    def __init__(self, url: str, port: int, workers: int):
        self.base = f"http://127.0.0.1:{port}"
        self.workers = workers
        env = environment(
            url,
            GUNICORN_BIND=f"127.0.0.1:{port}",
            GUNICORN_WORKERS=str(workers),
            GUNICORN_THREADS="1",
            GUNICORN_CMD_ARGS="--timeout 600 --max-requests 0",
        )
        self.process = subprocess.Popen(
            [str(ROOT / ".venv" / "bin" / "gunicorn"), "-c", "config/gunicorn.py", "config.wsgi"],
            cwd=ROOT,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=open(ROOT / "var" / "bench-gunicorn.log", "a"),  # noqa: SIM115
        )
        deadline = time.time() + 300
        while time.time() < deadline:
            try:
                if requests.get(self.base + "/bench/floor/", timeout=60).status_code == 200:
                    return
            except requests.RequestException:
                pass
            time.sleep(0.5)
        self.stop()
        raise SystemExit("gunicorn did not answer; see var/bench-gunicorn.log")

    def worker_pids(self) -> list[int]:
        path = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return [int(pid) for pid in path.read_text().split()]

    def stop(self) -> None:
        self.process.send_signal(signal.SIGTERM)
        try:
            self.process.wait(timeout=60)
        except subprocess.TimeoutExpired:
            self.process.kill()

    def session(self, username: str | None) -> requests.Session:
        session = requests.Session()
        if username is None:
            return session
        login = self.base + "/accounts/login/"
        session.get(login)
        response = session.post(
            login,
            data={
                "username": username,
                "password": PASSWORD,
                "csrfmiddlewaretoken": session.cookies.get("csrftoken", ""),
            },
            headers={"Referer": login},
            allow_redirects=False,
        )
        if response.status_code != 302:
            raise SystemExit(f"login of {username} failed: HTTP {response.status_code}")
        return session


REDIS_URL = "redis://127.0.0.1:6379/12"


def shared_cache() -> str:
    """Where the workers share their cache and sessions, as app nodes do in production: Redis
    (KOTOPLAN_BENCH_REDIS_URL, default database 12 of the local Redis) when it answers, emptied
    first; else the database's cache table. Sets REDIS_URL for the server and the commands."""
    import redis

    url = os.environ.get("KOTOPLAN_BENCH_REDIS_URL", REDIS_URL)
    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).flushdb()
    except redis.RedisError:
        os.environ.pop("REDIS_URL", None)
        return "the database's cache table (Redis did not answer)"
    os.environ["REDIS_URL"] = url
    return f"Redis ({url}), sessions read through it"


def rss_kib(pid: int, key: str = "VmRSS") -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def time_page(server: Server, session, path: str, requests_n: int, budget_s: float) -> dict:
    """Warm every worker, then time `requests_n` GETs one after the other (the whole body read
    at the client, over loopback); stops early when the page's budget is spent."""
    url = server.base + path
    for _ in range(server.workers):  # warm every worker, unless the page is slow
        started = time.perf_counter()
        warm = session.get(url)
        if time.perf_counter() - started > 2:
            break
    times, spent = [], 0.0
    for _ in range(requests_n):
        started = time.perf_counter()
        response = session.get(url)
        _ = response.content
        elapsed = time.perf_counter() - started
        times.append(elapsed * 1000)
        spent += elapsed
        if response.status_code != 200:
            break
        if spent > budget_s and (len(times) >= 3 or elapsed > budget_s):
            break
    times.sort()
    return {
        "status": response.status_code if times else warm.status_code,
        "n": len(times),
        "median": statistics.median(times),
        "p95": times[min(len(times) - 1, max(0, round(0.95 * len(times)) - 1))],
        "queries": response.headers.get("X-Bench-Queries", "?"),
        "bytes": len(response.content),
    }


def peak_memory(server: Server, session, path: str) -> dict:
    """RSS of every worker polled every 10 ms during one request: the peak and its start."""
    pids = server.worker_pids()
    before = {pid: rss_kib(pid) for pid in pids}
    peak = dict(before)
    done = threading.Event()

    def watch():
        while not done.is_set():
            for pid in pids:
                with contextlib.suppress(OSError, ValueError):
                    peak[pid] = max(peak[pid], rss_kib(pid))
            time.sleep(0.01)

    watcher = threading.Thread(target=watch)
    watcher.start()
    try:
        response = session.get(server.base + path)
    finally:
        done.set()
        watcher.join()
    pid = int(response.headers.get("X-Bench-Pid", pids[0]))
    return {
        "status": response.status_code,
        "before_mib": before.get(pid, 0) / 1024,
        "peak_mib": peak.get(pid, 0) / 1024,
        "bytes": len(response.content),
    }
