"""The demo data: organisations, users and plans.

The loader (`load_demo_data`) and the login list (`demo_logins`) both read from here.
"""

from . import kurikka, seinajoki, tampere, vaasa
from .base import DEMO_PASSWORD, SITE_URL
from .organisations import ORGANISATIONS
from .users import ADMIN_USERNAME, USERS

PLANS = [tampere.PLAN, vaasa.PLAN, seinajoki.PLAN, kurikka.PLAN]

__all__ = [
    "ADMIN_USERNAME",
    "DEMO_PASSWORD",
    "ORGANISATIONS",
    "PLANS",
    "SITE_URL",
    "USERS",
]
