"""Monitoring fixtures: the real samples in tests/data and a loopback server that replays them."""

import copy
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from kotoplan.geography.services import reference_data_load
from kotoplan.monitoring.statistics.services import catalogue_sync
from tests.factories.geography import MunicipalityFactory

DATA = Path(__file__).resolve().parent.parent / "data"
STATFIN_SAMPLE = DATA / "statfin_14jt_sample.jsonstat.json"
SOTKANET_JSON = DATA / "sotkanet_127_sample.json"
SOTKANET_CSV = DATA / "sotkanet_127_sample.csv"
SOTKANET_REGIONS = DATA / "sotkanet_regions_sample.json"
AREA_DIMENSION = "alue_23_20240101"


def statfin_sample() -> dict:
    return json.loads(STATFIN_SAMPLE.read_text(encoding="utf-8"))


def statfin_subset(codes: list[str]) -> dict:
    """The real 14jt answer cut down to some area codes (values taken from the same file)."""
    data = statfin_sample()
    area = data["dimension"][AREA_DIMENSION]["category"]
    position = area["index"]
    contents = data["size"][-1]
    values = []
    for code in codes:
        start = position[code] * contents
        values.extend(data["value"][start : start + contents])
    subset = copy.deepcopy(data)
    subset["dimension"][AREA_DIMENSION]["category"]["index"] = {c: n for n, c in enumerate(codes)}
    subset["dimension"][AREA_DIMENSION]["category"]["label"] = {c: area["label"][c] for c in codes}
    subset["size"][1] = len(codes)
    subset["value"] = values
    return subset


class Replay:
    """Routes of the loopback server: path (with query string) → (status, body, content type)."""

    def __init__(self) -> None:
        self.routes: dict[str, tuple[int, bytes, str]] = {}
        self.requests: list[tuple[str, str, bytes]] = []
        self.base = ""

    def add(self, path: str, body: bytes | str, status: int = 200, content_type="application/json"):
        data = body.encode() if isinstance(body, str) else body
        self.routes[path] = (status, data, content_type)

    def add_file(self, path: str, file: Path, content_type="application/json"):
        self.add(path, file.read_bytes(), content_type=content_type)


def _handler(replay: Replay):
    class Handler(BaseHTTPRequestHandler):
        def _answer(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            replay.requests.append((self.command, self.path, body))
            status, data, content_type = replay.routes.get(
                self.path, (404, b'{"error": "not found"}', "application/json")
            )
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        do_GET = _answer  # noqa: N815  (the names http.server dispatches to)
        do_POST = _answer  # noqa: N815

        def log_message(self, *args) -> None:  # keep the test output quiet
            pass

    return Handler


@pytest.fixture
def stats_server(settings):
    """A loopback HTTP server on a random port standing in for StatFin and Sotkanet."""
    replay = Replay()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(replay))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    replay.base = f"http://127.0.0.1:{server.server_port}"
    settings.KOTOPLAN_STATFIN_URL = f"{replay.base}/PxWeb/api/v1/fi/StatFin/"
    settings.KOTOPLAN_SOTKANET_URL = f"{replay.base}/rest/1.1/"
    yield replay
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)


@pytest.fixture
def reference_data(db):
    """All 308 municipalities with their dated areas, from data/reference."""
    reference_data_load()
    catalogue_sync()


@pytest.fixture
def catalogue(db):
    catalogue_sync()


@pytest.fixture
def sotkanet_municipalities(municipality_a, municipality_b):
    """Espoo and Jyväskylä from the shared fixtures, plus Tampere (the three in the sample)."""
    return [municipality_a, municipality_b, MunicipalityFactory(code="837", name_fi="Tampere")]
