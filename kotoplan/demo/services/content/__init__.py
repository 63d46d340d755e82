"""The demo data: organisations, users and plans, kept in data/demo/ (CSV and TOML).

The loader (`load_demo_data`) and the login list (`demo_logins`) both read from here. The other
modules of this package hold the content that is written by code (consultations, cooperation
groups, observations, monitoring rounds, statistics).
"""

import csv
import tomllib
from functools import cache
from pathlib import Path

from django.conf import settings

from .base import DEMO_PASSWORD, SITE_URL

ADMIN_USERNAME = "admin"
PLAN_FILES = ("tampere", "vaasa", "seinajoki", "kurikka")


def _folder() -> Path:
    return Path(settings.BASE_DIR) / "data" / "demo"


@cache
def organisations() -> list[dict]:
    """Local organisations: municipal units and partners; `key` is how the content refers to one.

    Public bodies (municipalities, counties, employment areas, regional authorities, Kela, …)
    come from `sync_organisations`. A municipal unit belongs to its municipality's organisation.
    """
    with (_folder() / "organisations.csv").open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


@cache
def users() -> list[dict]:
    """Demo users, one or more for every role; all have the password DEMO_PASSWORD."""
    data = tomllib.loads((_folder() / "users.toml").read_text(encoding="utf-8"))
    return [
        {
            "username": user["username"],
            "first_name": user["first_name"],
            "last_name": user["last_name"],
            "email": f"{user['username']}@example.org",
            "preferred_language": user.get("preferred_language", "fi"),
            "superuser": user.get("superuser", False),
            "roles": [{"valid_from": None, "valid_to": None, **role} for role in user["roles"]],
        }
        for user in data["users"]
    ]


@cache
def plans() -> list[dict]:
    """The plans (found again by lead municipality and Finnish title), in loading order."""
    folder = _folder() / "plans"
    return [
        tomllib.loads((folder / f"{name}.toml").read_text(encoding="utf-8")) for name in PLAN_FILES
    ]


__all__ = ["ADMIN_USERNAME", "DEMO_PASSWORD", "SITE_URL", "organisations", "plans", "users"]
