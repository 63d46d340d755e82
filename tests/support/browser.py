"""Headless Chromium for end-to-end and accessibility tests.

Debian's /usr/bin/chromium driven by Playwright; no browser is ever downloaded. Without Chromium
the tests skip on a laptop but fail in CI (CI=true).
"""

import io
import os
from importlib import import_module
from pathlib import Path

import pytest
from django.apps import apps as django_apps
from django.conf import settings
from django.core.management import call_command
from django.utils import translation

CHROMIUM = Path(os.environ.get("KOTOPLAN_CHROMIUM", "/usr/bin/chromium"))
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
DEMO_PASSWORD = "kotoplan-demo"


def _unavailable(reason: str):
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Browser tests must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        _unavailable(f"{CHROMIUM} is not installed")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - depends on the machine
        _unavailable("playwright is not installed")
    # Playwright's sync API runs an event loop; Django's ORM is still used synchronously.
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True
        )
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(locale="fi-FI")
    tab = context.new_page()
    tab.set_default_timeout(15_000)
    yield tab
    context.close()


@pytest.fixture
def demo_site(live_server):
    """The live server with the same reference and demo data that `make demo` loads.

    Transactional tests empty every table afterwards, including the themes a data migration
    seeds, so the migration's own seed function puts them back first.
    """
    import_module("kotoplan.planning.migrations.0002_seed_themes").seed(django_apps, None)
    # As `make demo` loads it: in the default language, whatever a test before left active (the
    # history keeps the names of linked objects as they read when logged).
    with translation.override(settings.LANGUAGE_CODE):
        for command in ("load_reference_data", "sync_organisations", "load_demo_data"):
            call_command(command, stdout=io.StringIO())
    return live_server


def log_in(page, base_url: str, username: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base_url}/accounts/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", password)
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "/accounts/login/" not in page.url, f"login failed for {username}"
