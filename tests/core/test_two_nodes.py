"""Two app nodes share everything: two gunicorn processes (config/gunicorn.py) with production
settings on two loopback ports, one database (PostgreSQL when DATABASE_URL is one, else a SQLite
file), Redis (its own database number, flushed first) and one background worker.

A login made on node A is valid on node B; a stored export made through B and invalidated by an
edit on A is never served stale by B; the consultation's rate limit, the API's rate limit and the
login lockout count requests to both nodes; both nodes are ready (`/readyz`). Without Redis the
test is skipped on a laptop and fails in CI (CI=true), like the browser tests.
"""

import io
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
import zipfile
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.error import HTTPError
from urllib.parse import urlencode, urlsplit, urlunsplit
from urllib.request import HTTPErrorProcessor, Request, build_opener

import pytest

ROOT = Path(__file__).resolve().parents[2]
REDIS_URL = os.environ.get("KOTOPLAN_TEST_REDIS_URL", "redis://127.0.0.1:6379/13")
PASSWORD = "kotoplan-test-password"  # tests.factories.accounts.PASSWORD
FAILURE_LIMIT = 3
API_RATE = 6
FEEDBACK_RATE = 3  # consultation feedback per resident and hour
WAIT = 120  # seconds for a node to start or the worker to make a file


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"The two-node test must run in CI: {reason}")
    pytest.skip(reason)


def _redis():
    try:
        import redis

        client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=2)
        client.ping()
    except Exception as exc:  # any failure means: no Redis here
        _unavailable(f"Redis is not reachable at {REDIS_URL}: {exc}")
    return client


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


# --- the shared database ---------------------------------------------------------------------


def _postgres_database(url: str):
    """A fresh database beside the one DATABASE_URL names; returns its URL and a drop()."""
    import psycopg

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'kotoplan'}_two_nodes"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')

    def drop():
        with psycopg.connect(server, autocommit=True) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    return urlunsplit(parts._replace(path=f"/{name}")), drop


SEED = """
from kotoplan.accounts.models import Organisation, RoleAssignment
from kotoplan.planning.models import Theme
from tests.factories.accounts import OrganisationFactory, RoleAssignmentFactory, UserFactory
from tests.factories.geography import MunicipalityFactory
from tests.factories.planning import MeasureFactory, ObjectiveFactory, PlanFactory

municipality = MunicipalityFactory(code="049", name_fi="Espoo", name_sv="Esbo", name_en="Espoo")
city = OrganisationFactory(
    kind=Organisation.Kind.MUNICIPALITY, municipality=municipality, name_fi="Espoon kaupunki"
)
for username in ("koordinaattori", "lukittava"):
    user = UserFactory(username=username)
    RoleAssignmentFactory(user=user, organisation=city, role=RoleAssignment.Role.COORDINATOR)
plan = PlanFactory(lead_municipality=municipality, title_fi="Espoon kotoutumisohjelma")
objective = ObjectiveFactory(
    plan=plan, theme=Theme.objects.get(code="employment_education"), title_fi="Työ"
)
measure = MeasureFactory(
    objective=objective, title_fi="Työnhakuklubi", responsible_organisation=city
)
from kotoplan.accounts.models import User
from tests.participation.conftest import make_consultation

make_consultation(plan, User.objects.get(username="koordinaattori"), slug="espoo-kahdella")
print(f"SEEDED {plan.pk} {measure.pk}")
"""


@pytest.fixture(scope="module")
def nodes(tmp_path_factory):
    """Node A and node B (base URLs), the seeded plan and measure ids; everything stopped and
    removed afterwards."""
    redis_client = _redis()
    redis_client.flushdb()
    tmp = tmp_path_factory.mktemp("two-nodes")
    drop = None
    database = os.environ.get("DATABASE_URL", "")
    if database.startswith(("postgres://", "postgresql://")):
        database, drop = _postgres_database(database)
    else:
        database = f"sqlite:///{tmp / 'kotoplan.sqlite3'}"
    environment = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "KOTOPLAN_", "GUNICORN_", "PYTEST_"))
        and key not in {"DATABASE_URL", "REDIS_URL", "SECRET_KEY", "ALLOWED_HOSTS"}
    }
    environment.update(
        DJANGO_SETTINGS_MODULE="config.settings.production",
        SECRET_KEY="two-nodes-3f9c1e7a5b2d4f6a8c0e1b3d5f7a9c2e4b6d8f0a",
        ALLOWED_HOSTS="127.0.0.1,localhost",
        DATABASE_URL=database,
        REDIS_URL=REDIS_URL,
        KOTOPLAN_SSL_REDIRECT="false",
        KOTOPLAN_LOGIN_FAILURE_LIMIT=str(FAILURE_LIMIT),
        KOTOPLAN_API_ANON_RATE=f"{API_RATE}/min",
        KOTOPLAN_PARTICIPATION_RATE=f"{FEEDBACK_RATE}/h",
        KOTOPLAN_CLIENT_IP_HEADER="HTTP_X_FORWARDED_FOR",
        KOTOPLAN_TRUSTED_PROXY_COUNT="1",
        KOTOPLAN_LOG_LEVEL="WARNING",
        GUNICORN_WORKERS="2",
        GUNICORN_THREADS="2",
        PYTHONPATH=str(ROOT),
    )

    def manage(*args: str) -> str:
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=environment,
            capture_output=True,
            text=True,
            timeout=600,
            check=False,
        )
        assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
        return result.stdout

    processes = []
    try:
        static = subprocess.Popen(  # beside the migrations: it needs no database
            [sys.executable, "manage.py", "collectstatic", "--noinput"],
            cwd=ROOT,
            env=environment,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
            text=True,
        )
        manage("migrate", "--noinput")
        _out, errors = static.communicate(timeout=600)
        assert static.returncode == 0, errors[-3000:]
        seeded = re.search(r"SEEDED (\d+) (\d+)", manage("shell", "-c", SEED))
        plan_id, measure_id = int(seeded[1]), int(seeded[2])
        urls = []
        for name in ("a", "b"):
            port = _free_port()
            log = (tmp / f"node-{name}.log").open("w")
            processes.append(
                subprocess.Popen(
                    [
                        str(Path(sys.executable).parent / "gunicorn"),
                        "-c",
                        "config/gunicorn.py",
                        "config.wsgi",
                    ],
                    cwd=ROOT,
                    env={**environment, "GUNICORN_BIND": f"127.0.0.1:{port}"},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
            urls.append(f"http://127.0.0.1:{port}")
        worker_log = (tmp / "worker.log").open("w")
        processes.append(
            subprocess.Popen(
                [sys.executable, "manage.py", "db_worker"],
                cwd=ROOT,
                env=environment,
                stdout=worker_log,
                stderr=subprocess.STDOUT,
            )
        )
        for url in urls:
            _wait_until(lambda url=url: Browser(url).get("/healthz").status == 200, f"{url} up")
        yield {"a": urls[0], "b": urls[1], "plan": plan_id, "measure": measure_id, "logs": tmp}
    finally:
        for process in processes:
            process.send_signal(signal.SIGINT)  # gunicorn: quick shutdown; the worker: stop
        for process in processes:
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
        redis_client.flushdb()
        if drop is not None:
            drop()


def _wait_until(condition, what: str, timeout: float = WAIT) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except OSError:
            pass
        time.sleep(0.5)
    pytest.fail(f"Timed out waiting for {what}")


# --- a small browser: cookies by hand (production cookies are Secure), no redirects followed --


class Answer:
    def __init__(self, status: int, headers, body: bytes):
        self.status = status
        self.headers = headers
        self.body = body

    @property
    def text(self) -> str:
        return self.body.decode("utf-8", "replace")


class _NoRedirects(HTTPErrorProcessor):
    def http_response(self, request, response):
        return response


class Browser:
    """One person's browser: its cookies work on any node (`base` is the node to ask)."""

    def __init__(self, base: str, *, address: str = "10.0.0.1", cookies: dict | None = None):
        self.base = base
        self.address = address
        self.cookies = cookies if cookies is not None else {}
        self.opener = build_opener(_NoRedirects)

    def on(self, base: str) -> "Browser":
        return Browser(base, address=self.address, cookies=self.cookies)

    def _send(self, path: str, data: bytes | None = None, headers: dict | None = None) -> Answer:
        request = Request(self.base + path, data=data)
        request.add_header("X-Forwarded-For", self.address)
        if self.cookies:
            request.add_header("Cookie", "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        for name, value in (headers or {}).items():
            request.add_header(name, value)
        try:
            response = self.opener.open(request, timeout=60)
        except HTTPError as error:
            response = error
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                self.cookies[name] = morsel.value
        return Answer(response.status, response.headers, response.read())

    def get(self, path: str) -> Answer:
        return self._send(path)

    def post(self, path: str, fields: list[tuple[str, str]]) -> Answer:
        return self._send(
            path,
            urlencode(fields).encode(),
            {"Content-Type": "application/x-www-form-urlencoded", "Referer": self.base + path},
        )

    def submit(self, path: str, changes: dict[str, str], marker: str) -> Answer:
        """Fill the form of the page that has the field `marker` as it is, with `changes`."""
        forms = _Forms()
        page = self.get(path)
        forms.feed(page.text)
        found = [f for f in forms.forms if any(name == marker for name, _ in f)]
        assert found, f"no form with {marker!r} on {path} ({page.status}): {page.text[:800]}"
        fields = found[0]
        fields = [(n, v) for n, v in fields if n not in changes] + list(changes.items())
        return self.post(path, fields)


class _Forms(HTMLParser):
    """The fields of every form of a page with the values the page shows."""

    def __init__(self):
        super().__init__()
        self.forms: list[list[tuple[str, str]]] = []
        self._select = None
        self._textarea = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append([])
        elif not self.forms:
            return
        elif tag == "input" and a.get("name"):
            kind = a.get("type", "text")
            if kind in ("checkbox", "radio") and "checked" not in a:
                return
            if kind not in ("submit", "button", "file"):
                self.forms[-1].append(
                    (a["name"], a.get("value", "on" if kind == "checkbox" else ""))
                )
        elif tag == "select":
            self._select = a.get("name")
        elif tag == "option" and self._select and "selected" in a:
            self.forms[-1].append((self._select, a.get("value", "")))
        elif tag == "textarea":
            self._textarea = [a.get("name"), ""]

    def handle_data(self, data):
        if self._textarea is not None:
            self._textarea[1] += data

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            self.forms[-1].append((self._textarea[0], self._textarea[1].lstrip("\n")))
            self._textarea = None


def _login(browser: Browser, username: str, password: str = PASSWORD) -> Answer:
    page = browser.get("/accounts/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', page.text)[1]
    return browser.post(
        "/accounts/login/",
        [("csrfmiddlewaretoken", token), ("username", username), ("password", password)],
    )


def _docx_text(content: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read("word/document.xml").decode()


def _download(browser: Browser, path: str) -> Answer:
    """Ask for a stored file and follow its progress page (on the same node) until it comes."""
    answer = browser.get(path)
    if answer.status == 302:
        progress = urlsplit(answer.headers["Location"]).path
        assert "/exports/" in progress
        result = {}

        def ready():
            result["answer"] = browser.get(progress)
            return result["answer"].status == 200

        _wait_until(ready, f"the worker to make {path}")
        answer = result["answer"]
    assert answer.status == 200, answer.text[:500]
    return answer


# --- the proofs ------------------------------------------------------------------------------


def test_a_login_on_node_a_is_valid_on_node_b(nodes):
    person = Browser(nodes["a"])
    assert _login(person, "koordinaattori").status == 302
    assert "sessionid" in person.cookies

    page = person.on(nodes["b"]).get(f"/plans/{nodes['plan']}/")

    assert page.status == 200
    assert "Espoon kotoutumisohjelma" in page.text
    assert Browser(nodes["b"]).get(f"/plans/{nodes['plan']}/").status == 302  # no session: login


def test_an_export_invalidated_by_an_edit_on_node_a_is_not_served_stale_by_node_b(nodes):
    person = Browser(nodes["a"])
    _login(person, "koordinaattori")
    on_b = person.on(nodes["b"])
    docx = f"/documents/plans/{nodes['plan']}/plan.docx?lang=fi"

    first = _download(on_b, docx)  # enqueued through B, made by the worker
    assert "Työnhakuklubi" in _docx_text(first.body)
    assert _download(person, docx).body == first.body  # A serves the same stored file

    saved = person.submit(
        f"/measure/{nodes['measure']}/edit/", {"title_fi": "Työnhakuklubi joka viikko"}, "title_fi"
    )
    assert saved.status == 302, saved.text[:2000]

    fresh = _download(on_b, docx)
    assert "Työnhakuklubi joka viikko" in _docx_text(fresh.body)


def test_the_consultation_rate_limit_counts_feedback_to_both_nodes(nodes):
    """A resident sending feedback through a load balancer reaches either node: the limit is one."""
    path = "/participation/c/espoo-kahdella/?lang=fi"
    resident = Browser(nodes["a"], address="10.0.0.11")
    statuses = [
        resident.on(nodes["ab"[i % 2]]).submit(path, {"comment": f"Palaute {i}"}, "comment").status
        for i in range(FEEDBACK_RATE)
    ]
    assert statuses == [302] * FEEDBACK_RATE
    for name in ("a", "b"):
        refused = resident.on(nodes[name]).submit(path, {"comment": "Liikaa"}, "comment")
        assert refused.status == 429, refused.text[:300]
    other = Browser(nodes["b"], address="10.0.0.12")
    assert other.submit(path, {"comment": "Toinen asukas"}, "comment").status == 302


def test_the_api_rate_limit_counts_requests_to_both_nodes(nodes):
    client = {
        "a": Browser(nodes["a"], address="10.0.0.7"),
        "b": Browser(nodes["b"], address="10.0.0.7"),
    }
    statuses = [client["ab"[i % 2]].get("/api/v1/themes/").status for i in range(API_RATE)]
    assert statuses == [200] * API_RATE
    assert client["a"].get("/api/v1/themes/").status == 429
    assert client["b"].get("/api/v1/themes/").status == 429
    assert Browser(nodes["b"], address="10.0.0.8").get("/api/v1/themes/").status == 200


def test_the_login_lockout_counts_failures_on_both_nodes(nodes):
    person = {name: Browser(nodes[name], address="10.0.0.9") for name in ("a", "b")}
    for attempt in range(FAILURE_LIMIT - 1):
        failed = _login(person["ab"[attempt % 2]], "lukittava", "wrong-password-1234")
        assert failed.status == 200
    _login(person["b"], "lukittava", "wrong-password-1234")  # the last allowed failure

    locked = _login(person["a"], "lukittava")  # the right password, too late
    assert locked.status == 429
    assert "sessionid" not in person["a"].cookies
    elsewhere = Browser(nodes["b"], address="10.0.0.10")
    assert _login(elsewhere, "lukittava").status == 429  # the account itself is locked


def test_both_nodes_are_ready(nodes):
    for name in ("a", "b"):
        answer = Browser(nodes[name]).get("/readyz")
        assert answer.status == 200, answer.text
        checks = json.loads(answer.body)["checks"]
        assert checks["database"] is True
        assert checks["migrations"] == "applied"
        assert checks["worker"]["stale"] is False
