"""Production settings refuse what would be unsafe instead of starting with a silent default."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SECRET = "k" * 50


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    environment = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "ALLOWED_HOSTS",
            "SECRET_KEY",
            "DJANGO_SETTINGS_MODULE",
            "DATABASE_URL",
            # set by the browser tests of the same run; never in a deployment
            "DJANGO_ALLOW_ASYNC_UNSAFE",
        }
    }
    environment.update({"DJANGO_SETTINGS_MODULE": "config.settings.production", **env})
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_production__refuses_to_start_without_allowed_hosts(tmp_path):
    result = _manage("check", SECRET_KEY=SECRET, DATABASE_URL=f"sqlite:///{tmp_path}/db")
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production__refuses_to_start_without_a_secret_key(tmp_path):
    result = _manage("check", ALLOWED_HOSTS="kotoplan.example.fi")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production__never_loads_demo_users_with_the_published_password(tmp_path):
    result = _manage(
        "load_demo_data",
        SECRET_KEY=SECRET,
        ALLOWED_HOSTS="kotoplan.example.fi",
        DATABASE_URL=f"sqlite:///{tmp_path}/db",
    )
    assert result.returncode != 0
    assert "Demo data is not loaded with production settings" in result.stderr


PRODUCTION = {
    "SECRET_KEY": "x7Qm2vL9pR4tW8zK1nB6cF3hJ5dS0gYaE-uT_iO9lP2qM4rN8wV",
    "ALLOWED_HOSTS": "kotoplan.example.fi",
    "KOTOPLAN_PROXY_SSL_HEADER": "HTTP_X_FORWARDED_PROTO=https",
}


def test_production__deploy_check_is_clean(tmp_path):
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "DEBUG",
        DATABASE_URL=f"sqlite:///{tmp_path}/db",
        **PRODUCTION,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production__second_factor_and_short_sessions_are_on(tmp_path):
    """The demo and test settings may switch the second factor off; production never does
    unless told to, and it trusts the proxy's HTTPS header only when configured."""
    script = (
        "from django.conf import settings as s; "
        "print(s.KOTOPLAN_TWO_FACTOR_REQUIRED, s.SECURE_PROXY_SSL_HEADER, s.SESSION_COOKIE_AGE,"
        " s.SESSION_COOKIE_SECURE, s.SECURE_HSTS_SECONDS)"
    )
    result = _manage(
        "shell", "-v", "0", "-c", script, DATABASE_URL=f"sqlite:///{tmp_path}/db", **PRODUCTION
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1].split() == [
        "True",
        "('HTTP_X_FORWARDED_PROTO',",
        "'https')",
        "36000",
        "True",
        "31536000",
    ]
