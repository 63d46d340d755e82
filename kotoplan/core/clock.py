from datetime import date

from django.utils import timezone


def today() -> date:
    """Today in Finnish time; every dated rule asks here."""
    return timezone.localdate()
