"""The one way Kotoplan sends e-mail: to users in their own language, with absolute links.

Services call `notify_on_commit(...)` inside their transaction; the message is built and sent
after the commit, once per recipient with the recipient's preferred language active, so every
`gettext` in the builder speaks that language. A failing mail server is logged and never undoes
what was committed.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.urls import reverse
from django.utils.translation import override

logger = logging.getLogger(__name__)


@dataclass
class Message:
    subject: str
    body: str
    attachments: list[tuple[str, bytes | str, str]] = field(default_factory=list)


def absolute_url(name_or_path: str, *args, **kwargs) -> str:
    """An absolute link for e-mail: a URL name (with its args) or a path, on the site URL."""
    path = (
        name_or_path
        if name_or_path.startswith("/")
        else reverse(name_or_path, args=args or None, kwargs=kwargs or None)
    )
    return settings.KOTOPLAN_SITE_URL.rstrip("/") + path


def language_of(user) -> str:
    return (
        (getattr(user, "preferred_language", "") or settings.LANGUAGE_CODE)
        if user
        else (settings.LANGUAGE_CODE)
    )


def send(*, to: str, message: Message) -> bool:
    """Send one message now; True when the mail server took it."""
    email = EmailMessage(" ".join(message.subject.split()), message.body, None, [to])
    for attachment in message.attachments:
        email.attach(*attachment)
    try:
        email.send(fail_silently=False)
    except Exception:  # committed already: a mail problem must not become an error
        logger.exception("Could not send e-mail to %s", to)
        return False
    return True


def notify(recipients: Iterable, build: Callable[[object], Message | None]) -> int:
    """Send `build(user)` to each recipient (a user, or an (address, user-or-None) pair) in the
    recipient's language. Returns how many messages were sent."""
    sent = 0
    seen: set[str] = set()
    for recipient in recipients:
        address, user = recipient if isinstance(recipient, tuple) else (recipient.email, recipient)
        if not address or address in seen:
            continue
        seen.add(address)
        with override(language_of(user)):
            message = build(user)
        if message is not None and send(to=address, message=message):
            sent += 1
    return sent


def notify_on_commit(
    recipients: Callable[[], Iterable], build: Callable[[object], Message | None]
) -> None:
    """`notify` after the current transaction commits; recipients are looked up then."""
    transaction.on_commit(lambda: notify(recipients(), build))
