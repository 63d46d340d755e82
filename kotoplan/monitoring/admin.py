"""The admin of monitoring's sub-contexts (Django loads `<app>.admin`)."""

from .statistics import admin as statistics_admin  # noqa: F401  (registers its model admins)
