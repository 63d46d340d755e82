"""Erasure of a person's personal data at their request (GDPR art. 17), by an administrator.

A person is found by their account, e-mail address or name (`DataSubject`). Each app that keeps
personal data registers what it holds with `register_personal_data` (in its `audit.py`): how to
find the person's rows and how to erase them. `person_erase` then, in one transaction:

- asks every registered holder to erase the person's rows (representatives' contact details,
  reply addresses of feedback, a plan's contact person: blanked or replaced by a pseudonym);
- anonymises the account, if any: deactivated, without a password, name or e-mail, renamed
  `deleted-<id>`; what the person wrote keeps a neutral author ("Deleted user 123");
- scrubs the audit trail: the entries are kept, but the person's e-mail addresses and names are
  replaced by the pseudonym wherever they occur, the personal fields of the erased rows' own
  entries are blanked, and the network address of the person's own actions is removed;
- writes one audit entry: who erased, when, why and which kinds of data (counts and row ids,
  which identify nobody once the rows are erased), never the person's name or address.

Erasing writes with the audit trail paused: the usual entry of a change would copy the very
values being removed.
"""

import json
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.contenttypes.models import ContentType
from django.db import models, transaction
from django.db.models import Q, TextField
from django.db.models.functions import Cast
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_otp import devices_for_user

from kotoplan.accounts.audit import SecurityEvent
from kotoplan.accounts.models import User
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require

REMOVED = "[removed]"
# Shorter names and usernames are scrubbed only where they stand for the person (their own
# rows' entries): as substrings of any text they would hit unrelated words.
MIN_SCRUBBED = 6


@dataclass(frozen=True)
class DataSubject:
    """The person to erase: an account, and/or e-mail addresses and names as written."""

    user: User | None = None
    emails: frozenset[str] = field(default_factory=frozenset)
    names: frozenset[str] = field(default_factory=frozenset)

    @classmethod
    def of(cls, *, user: User | None = None, email: str = "", name: str = "") -> "DataSubject":
        emails = {email.strip().lower()} if email.strip() else set()
        names = {" ".join(name.split())} if name.strip() else set()
        if user is not None:
            if user.email:
                emails.add(user.email.strip().lower())
            full = " ".join(super(User, user).get_full_name().split())
            if full:
                names.add(full)
        return cls(user=user, emails=frozenset(emails), names=frozenset(names))

    @property
    def is_empty(self) -> bool:
        return self.user is None and not self.emails and not self.names

    def strings(self) -> list[str]:
        """What is replaced wherever it occurs in the audit trail."""
        found = set(self.emails) | {n for n in self.names if len(n) >= MIN_SCRUBBED}
        if self.user is not None and len(self.user.username) >= MIN_SCRUBBED:
            found.add(self.user.username)
        return sorted(found, key=len, reverse=True)

    def name_q(self, field_name: str) -> Q:
        """Rows whose `field_name` is one of the names (any case); nothing without names."""
        condition = Q(pk__in=[])
        for name in self.names:
            condition |= Q(**{f"{field_name}__iexact": name})
        return condition

    def email_q(self, field_name: str) -> Q:
        condition = Q(pk__in=[])
        for email in self.emails:
            condition |= Q(**{f"{field_name}__iexact": email})
        return condition


@dataclass(frozen=True)
class Holder:
    """One kind of personal data kept by an app. `find(subject)` returns the person's rows as
    (id, description for the confirmation page); `erase(subject=, ids=)` erases them without
    auditing; the entries of `model` with those ids get `fields` blanked in their changes and
    their name (when the row stands for the person, `is_person`) replaced by a pseudonym."""

    key: str
    label: Any
    find: Callable[[DataSubject], list[tuple[int, str]]]
    erase: Callable[..., None]
    model: type[models.Model] | None = None
    fields: tuple[str, ...] = ()
    is_person: bool = True  # the row stands for the person (its entries' name is replaced)
    order: int = 100


_holders: dict[str, Holder] = {}


def register_personal_data(**kwargs) -> None:
    holder = Holder(**kwargs)
    if holder.key in _holders:
        raise RuntimeError(f"Personal data holder {holder.key!r} registered twice")
    _holders[holder.key] = holder


def personal_data_holders() -> list[Holder]:
    return sorted(_holders.values(), key=lambda h: (h.order, h.key))


@dataclass(frozen=True)
class Finding:
    key: str
    label: Any
    rows: list[tuple[int, str]]


def person_findings(*, subject: DataSubject) -> list[Finding]:
    """What Kotoplan holds about the person, by kind (the kinds that hold something)."""
    found = []
    if subject.user is not None:
        found.append(
            Finding("account", gettext_lazy("User account"), [(subject.user.pk, str(subject.user))])
        )
    for holder in personal_data_holders():
        rows = holder.find(subject)
        if rows:
            found.append(Finding(holder.key, holder.label, rows))
    return found


# --- the audit trail ------------------------------------------------------------------------


def _replace(value, pattern: re.Pattern, replacement: str):
    if isinstance(value, str):
        return pattern.sub(replacement, value)
    if isinstance(value, list):
        return [_replace(item, pattern, replacement) for item in value]
    if isinstance(value, dict):
        return {key: _replace(item, pattern, replacement) for key, item in value.items()}
    return value


def _blank_fields(changes, names: tuple[str, ...]):
    if not isinstance(changes, dict):
        return changes
    return {
        key: ([REMOVED if v not in (None, "", "None") else v for v in value])
        if key in names and isinstance(value, list)
        else value
        for key, value in changes.items()
    }


ACCOUNT_FIELDS = ("username", "first_name", "last_name", "email")
JSON_FIELDS = ("changes", "additional_data", "serialized_data")
TEXT_FIELDS = ("object_repr", "changes_text")


def _entries_mentioning(strings: list[str]):
    """Entries whose text or JSON holds any of the strings (JSON may store them escaped)."""
    if not strings:
        return LogEntry.objects.none()
    entries = LogEntry.objects.annotate(
        **{f"{name}_as_text": Cast(name, TextField()) for name in JSON_FIELDS}
    )
    condition = Q(pk__in=[])
    for text in strings:
        for form in {text, json.dumps(text)[1:-1]}:
            for name in TEXT_FIELDS:
                condition |= Q(**{f"{name}__icontains": form})
            for name in JSON_FIELDS:
                condition |= Q(**{f"{name}_as_text__icontains": form})
    return entries.filter(condition)


def _scrub_entry(entry: LogEntry, pattern: re.Pattern | None, pseudonym: str, blank=()) -> None:
    for name in TEXT_FIELDS + JSON_FIELDS:
        value = getattr(entry, name)
        if name == "changes" and blank:
            value = _blank_fields(value, blank)
        if pattern is not None:
            value = _replace(value, pattern, pseudonym)
        setattr(entry, name, value)
    LogEntry.objects.filter(pk=entry.pk).update(
        **{name: getattr(entry, name) for name in TEXT_FIELDS + JSON_FIELDS}
    )


def _scrub_trail(*, subject: DataSubject, erased: dict[Holder, list[int]], pseudonym: str):
    strings = subject.strings()
    pattern = (
        re.compile("|".join(re.escape(s) for s in strings), re.IGNORECASE) if strings else None
    )
    done: set[int] = set()
    own_rows = [
        (holder.model, holder.key, holder.fields, holder.is_person, ids)
        for holder, ids in erased.items()
    ]
    if subject.user is not None:
        own_rows.append((User, "user", ACCOUNT_FIELDS, True, [subject.user.pk]))
    for model, key, fields, is_person, ids in own_rows:
        if model is None or not ids:
            continue
        own = LogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(model),
            object_pk__in=[str(pk) for pk in ids],
        )
        for entry in own:
            _scrub_entry(entry, pattern, pseudonym, blank=fields)
            done.add(entry.pk)
            if not is_person:
                continue
            data = entry.additional_data
            if isinstance(data, dict) and "username" in data:
                data = {**data, "username": f"{key} {entry.object_pk}"}
            LogEntry.objects.filter(pk=entry.pk).update(
                object_repr=f"{key} {entry.object_pk}", additional_data=data
            )
    if pattern is not None:
        for entry in _entries_mentioning(strings).exclude(pk__in=done).iterator():
            _scrub_entry(entry, pattern, pseudonym)
    if subject.user is not None:
        mine = Q(actor=subject.user) | Q(
            content_type=ContentType.objects.get_for_model(User),
            object_pk=str(subject.user.pk),
        )
        LogEntry.objects.filter(mine).update(actor_email=None, remote_addr=None, remote_port=None)


# --- the account ------------------------------------------------------------------------------


def _anonymise_account(user: User, *, when) -> None:
    old_username = user.get_username()
    for device in list(devices_for_user(user, confirmed=None)):
        device.delete()
    for model in (AccessAttempt, AccessFailureLog, AccessLog):
        model.objects.filter(username=old_username).delete()
    user.username = f"deleted-{user.pk}"
    user.first_name = user.last_name = user.email = ""
    user.is_active = user.is_staff = user.is_superuser = False
    user.set_unusable_password()
    user.erased_at = when
    user.save()
    user.groups.clear()
    user.user_permissions.clear()


def _pseudonym(subject: DataSubject) -> str:
    if subject.user is not None:
        return f"deleted-{subject.user.pk}"
    return REMOVED


@transaction.atomic
def person_erase(*, actor, subject: DataSubject, reason: str) -> LogEntry:
    """Erase the person's personal data everywhere and record it (see the module's text)."""
    require(actor, "audit.erase_personal_data", subject.user)
    if subject.is_empty:
        raise DomainError(_("Name the person: an account, an e-mail address or a name."))
    if subject.user is not None and subject.user.pk == actor.pk:
        raise DomainError(_("An administrator cannot erase their own account."))
    if not reason.strip():
        raise DomainError(_("Write the reason for the erasure."))
    now = timezone.now()
    pseudonym = _pseudonym(subject)
    found: dict[Holder, list[int]] = {}
    with disable_auditlog():
        for holder in personal_data_holders():
            ids = [pk for pk, _text in holder.find(subject)]
            if ids:
                holder.erase(subject=subject, ids=ids)
                found[holder] = ids
        if subject.user is not None:
            _anonymise_account(subject.user, when=now)
    _scrub_trail(subject=subject, erased=found, pseudonym=pseudonym)
    categories = {holder.key: ids for holder, ids in found.items()}
    if subject.user is not None:
        categories = {"account": [subject.user.pk], **categories}
    return LogEntry.objects.create(
        content_type=ContentType.objects.get_for_model(User),
        object_pk=str(subject.user.pk) if subject.user else "",
        object_id=subject.user.pk if subject.user else None,
        object_repr=pseudonym,
        action=LogEntry.Action.ACCESS,
        actor=actor,
        actor_email=None,
        additional_data={
            "security_event": str(SecurityEvent.PERSONAL_DATA_ERASED),
            "username": pseudonym,
            "reason": reason.strip(),
            "categories": categories,
        },
    )


def trail_fields_blank(*, model: type[models.Model], ids: list[int], fields: tuple[str, ...]):
    """Blank `fields` in the changes of the audit entries of these rows (for retention runs
    that remove personal details the trail once copied); the entries themselves stay."""
    entries = LogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_pk__in=[str(pk) for pk in ids],
    )
    for entry in entries:
        blanked = _blank_fields(entry.changes, fields)
        if blanked != entry.changes:
            LogEntry.objects.filter(pk=entry.pk).update(changes=blanked)
