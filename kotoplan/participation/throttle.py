"""Rate limiting of public feedback per client, on Django's cache.

A client is counted twice: by a keyed hash of its IP address (the address itself is never stored)
and by its session. Either counter over the limit refuses the submission. The limit comes from
settings.KOTOPLAN_PARTICIPATION_RATE, e.g. "10/h" (units s, m, h, d).
"""

import re

from django.conf import settings
from django.core.cache import cache
from django.utils.crypto import salted_hmac

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
SESSION_MARK = "participation_client"


def parse_rate(rate: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\s*", rate or "")
    if not match:
        raise ValueError(f"Bad rate {rate!r}: expected e.g. '10/h'")
    count, multiplier, unit = match.groups()
    return int(count), int(multiplier or 1) * UNITS[unit]


def mark_session(request) -> None:
    """Give an anonymous participant a session, so the session counter has a key by POST time."""
    if not request.session.get(SESSION_MARK):
        request.session[SESSION_MARK] = True


def _client_keys(request, scope: str) -> list[str]:
    address = request.META.get("REMOTE_ADDR", "")
    hashed = salted_hmac("kotoplan.participation.throttle", address).hexdigest()[:32]
    keys = [f"kp-rate:{scope}:ip:{hashed}"]
    session_key = getattr(getattr(request, "session", None), "session_key", None)
    if session_key:
        keys.append(f"kp-rate:{scope}:session:{session_key}")
    return keys


def hit(request, scope: str = "feedback") -> bool:
    """Count one submission; False when this client has reached the limit."""
    limit, window = parse_rate(settings.KOTOPLAN_PARTICIPATION_RATE)
    allowed = True
    for key in _client_keys(request, scope):
        cache.add(key, 0, timeout=window)
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, timeout=window)
            count = 1
        if count > limit:
            allowed = False
    return allowed
