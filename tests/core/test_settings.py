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
        if key not in {"ALLOWED_HOSTS", "SECRET_KEY", "DJANGO_SETTINGS_MODULE", "DATABASE_URL"}
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
