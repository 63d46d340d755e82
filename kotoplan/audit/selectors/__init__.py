"""Reading the audit trail.

A plan's change history gathers every entry that names the plan (`additional_data.plan_id`).
Each app says, in its own `audit.py`, who may read the entries of its models
(`history_rule`): the history then shows an entry only to those who may see its object, so
it never reveals what the rest of the product hides (hidden feedback, the authority's
dialogue, a group's internal comments). A model with no rule is shown to nobody but
administrators. Entries are presented in plain words in the reader's language: the field's
name as the form shows it, choices by their label, yes/no, dates in local time, linked
objects by name.
"""

import datetime as dt
import json
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation

from auditlog.models import LogEntry
from auditlog.registry import auditlog
from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.db.models import Q, QuerySet
from django.http import Http404
from django.utils import formats, timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from kotoplan.accounts.audit import SecurityEvent
from kotoplan.accounts.models import RoleAssignment, User
from kotoplan.core.permissions import can

from .names import _is_key, _missing, _Names, entry_names

HistoryRule = Callable[..., "bool | Q"]
_history_rules: dict[str, HistoryRule] = {}

ACTION_LABELS = {
    LogEntry.Action.CREATE: gettext_lazy("Added"),
    LogEntry.Action.UPDATE: gettext_lazy("Changed"),
    LogEntry.Action.DELETE: gettext_lazy("Removed"),
}
TRUNCATE = 200


def history_rule(*models_: type[models.Model]) -> Callable[[HistoryRule], HistoryRule]:
    """Register who may read the history entries of these models: `fn(user, plan)` answers
    True (everyone who may read the plan's history), False, or a Q over LogEntry narrowing
    the entries (e.g. to the groups the user belongs to)."""

    def register(fn: HistoryRule) -> HistoryRule:
        for model in models_:
            label = model._meta.label_lower
            if label in _history_rules:
                raise RuntimeError(f"History rule for {label} registered twice")
            _history_rules[label] = fn
        return fn

    return register


def everyone(user, plan) -> bool:
    """The rule of plan content: whoever may read the plan's history reads these entries."""
    return True


def nobody(user, plan) -> bool:
    """For audited models whose entries never belong to a plan's history."""
    return False


def history_rules() -> dict[str, HistoryRule]:
    return dict(_history_rules)


def audited_models_naming_a_plan() -> list[type[models.Model]]:
    """Audited models whose entries can name a plan (they add data to their entries)."""
    return [
        model
        for model in auditlog.get_models()
        if "get_additional_data" in {n for k in model.__mro__ for n in vars(k)}
    ]


def _visible_condition(user, plan) -> Q:
    """Which of the plan's entries the user may read, as one condition on content types."""
    if user.is_superuser:
        return Q()
    by_label = {
        f"{ct.app_label}.{ct.model}": ct.pk
        for ct in ContentType.objects.filter(
            app_label__in={label.split(".")[0] for label in _history_rules}
        )
    }
    condition = Q(pk__in=[])
    answers: dict[HistoryRule, bool | Q] = {}  # one rule often covers many models: ask it once
    for label, check in _history_rules.items():
        content_type_id = by_label.get(label)
        if content_type_id is None:
            continue
        if check not in answers:
            answers[check] = check(user, plan)
        answer = answers[check]
        if answer is True:
            condition |= Q(content_type_id=content_type_id)
        elif isinstance(answer, Q):
            condition |= Q(content_type_id=content_type_id) & answer
    return condition


def history_visibility(*, user, plan) -> str:
    """What of the plan's history the user may read, as text: the same for two readers exactly
    when they see the same entries (for the key of a kept page of the history)."""
    return str(_visible_condition(user, plan))


def plan_trail(*, plan_id: int) -> QuerySet[LogEntry]:
    """Every recorded change to a plan and its content, newest first (unfiltered: for
    administrators' tools and the refresh of stored results, never shown as such)."""
    return (
        LogEntry.objects.filter(additional_data__plan_id=plan_id)
        .select_related("actor", "content_type")
        .order_by("-timestamp", "-pk")
    )


@dataclass(frozen=True)
class HistoryFilter:
    part: int | None = None  # a content type id
    actor: int | None = None
    since: dt.date | None = None
    until: dt.date | None = None


def plan_history(*, user, plan, filters: HistoryFilter | None = None) -> QuerySet[LogEntry]:
    """The entries of the plan's history this user may read, filtered, newest first."""
    entries = plan_trail(plan_id=plan.pk).filter(_visible_condition(user, plan))
    f = filters or HistoryFilter()
    if f.part:
        entries = entries.filter(content_type_id=f.part)
    if f.actor:
        entries = entries.filter(actor_id=f.actor)
    zone = timezone.get_current_timezone()
    if f.since:
        start = dt.datetime.combine(f.since, dt.time.min, tzinfo=zone)
        entries = entries.filter(timestamp__gte=start)
    if f.until:
        end = dt.datetime.combine(f.until + dt.timedelta(days=1), dt.time.min, tzinfo=zone)
        entries = entries.filter(timestamp__lt=end)
    return entries


def history_choice_ids(*, user, plan) -> tuple[list[int], list[int]]:
    """The ids of the parts (content types) and the people that occur in the user's view of the
    history: the costly half of `history_choices`, the same while the plan's trail is."""
    visible = plan_trail(plan_id=plan.pk).filter(_visible_condition(user, plan)).order_by()
    type_ids = set(visible.values_list("content_type_id", flat=True).distinct())
    actor_ids = set(visible.exclude(actor=None).values_list("actor_id", flat=True).distinct())
    return sorted(type_ids), sorted(actor_ids)


def history_choices(
    *, user, plan, ids: tuple[list[int], list[int]] | None = None
) -> tuple[list[tuple[int, str]], list[tuple[int, str]]]:
    """The parts (content types) and the people that occur in the user's view of the history,
    for the filter form, in the reader's language; `ids` from `history_choice_ids` when known.
    The names are read as they are now."""
    from django.contrib.auth import get_user_model

    type_ids, actor_ids = ids if ids is not None else history_choice_ids(user=user, plan=plan)
    parts = []
    for type_id in type_ids:
        content_type = ContentType.objects.get_for_id(type_id)  # kept by Django per process
        model = content_type.model_class()
        name = capfirst(model._meta.verbose_name_plural) if model else content_type.model
        parts.append((content_type.pk, str(name)))
    people = (
        [
            (person.pk, person.get_full_name() or person.get_username())
            for person in get_user_model().objects.filter(pk__in=actor_ids)
        ]
        if actor_ids
        else []
    )
    return sorted(parts, key=lambda p: p[1]), sorted(people, key=lambda p: p[1])


# --- presenting entries in plain words ----------------------------------------------------------


@dataclass(frozen=True)
class FieldChange:
    field: str
    old: str
    new: str
    lang: str = ""  # the language of a text field's values ("title_sv": "sv"), if it has one


@dataclass(frozen=True)
class HistoryRow:
    when: dt.datetime
    who: str
    action: str
    part: str
    name: str
    changes: list[FieldChange]
    name_lang: str | None = None  # its language when not the page's ("": not known)


def _shorten(text: str) -> str:
    return text if len(text) <= TRUNCATE else text[: TRUNCATE - 1] + "…"


def _field(model, name: str):
    try:
        return model._meta.get_field(name)
    except FieldDoesNotExist:
        # auditlog names a foreign key by its column ("plan_id") in some entries
        if name.endswith("_id"):
            return _field(model, name[:-3])
        return None


def _plain_value(field, value, names: _Names) -> str:
    if _missing(value):
        return ""
    if field.choices:
        labels = {str(key): label for key, label in field.flatchoices}
        return str(labels.get(str(value), _("(no longer offered)")))
    if isinstance(field, models.BooleanField):
        return _("Yes") if str(value) in ("True", "true", "1") else _("No")
    if isinstance(field, models.ForeignKey):
        return names.name(field.related_model, value)
    if isinstance(field, models.DateTimeField):
        moment = parse_datetime(str(value))
        if moment is None:
            return str(value)
        if timezone.is_naive(moment):
            moment = timezone.make_aware(moment, dt.UTC)
        return formats.date_format(timezone.localtime(moment), "SHORT_DATETIME_FORMAT")
    if isinstance(field, models.DateField):
        day = parse_date(str(value)[:10])
        return formats.date_format(day, "SHORT_DATE_FORMAT") if day else str(value)
    if isinstance(field, models.DecimalField | models.FloatField):
        try:
            return formats.number_format(Decimal(str(value)), use_l10n=True)
        except InvalidOperation:
            return str(value)
    if isinstance(field, models.JSONField):
        try:
            data = json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return _shorten(str(value))
        if isinstance(data, list):
            return ", ".join(str(item) for item in data)
        return _shorten(str(value))
    return _shorten(str(value))


CONTENT_SUFFIXES = ("_fi", "_sv", "_en")


def _label(field) -> str:
    """The field's name in the page's language: a link named only by its column ("consultation",
    an untranslated default) takes the linked model's translated name."""
    related = getattr(field, "related_model", None)
    if related is not None and str(field.verbose_name) == field.name.replace("_", " "):
        return related._meta.verbose_name
    return field.verbose_name


def _changes(entry: LogEntry, model, names: _Names, *, collect: bool) -> list[FieldChange]:
    result = []
    for name, values in (entry.changes_dict or {}).items():
        field = _field(model, name) if model else None
        if field is None or not hasattr(field, "verbose_name") or name == "id":
            continue
        if not getattr(field, "editable", True):  # a part's key, the edit counter, timestamps
            continue
        label = str(capfirst(_label(field)))
        lang = name.rsplit("_", 1)[1] if name.endswith(CONTENT_SUFFIXES) else ""
        if isinstance(values, dict):  # many-to-many: the objects' names are stored
            related = getattr(field, "related_model", None)
            stored = [str(name) for name in values.get("objects", [])]
            if collect and related is not None:
                names.want_stored(related, stored)
            if related is not None:
                stored = [names.stored_name(related, name) for name in stored]
            objects, removed = ", ".join(stored), values.get("operation") == "delete"
            if not collect:
                result.append(
                    FieldChange(label, objects if removed else "", "" if removed else objects)
                )
            continue
        old, new = [*values, None, None][:2]
        if collect:
            if isinstance(field, models.ForeignKey):
                names.want(field.related_model, old)
                names.want(field.related_model, new)
            continue
        old_text, new_text = _plain_value(field, old, names), _plain_value(field, new, names)
        if old_text != new_text:
            result.append(FieldChange(label, old_text, new_text, lang))
    return result


def history_rows(entries: Iterable[LogEntry]) -> list[HistoryRow]:
    """The entries in plain words, with the names of linked objects fetched in bulk."""
    entries = list(entries)
    names = _Names()
    for entry in entries:
        _changes(entry, entry.content_type.model_class(), names, collect=True)
    names.fetch()
    named = entry_names(entries)
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        part = capfirst(model._meta.verbose_name) if model else entry.content_type.model
        actor = entry.actor
        rows.append(
            HistoryRow(
                when=entry.timestamp,
                who=(actor.get_full_name() or actor.get_username()) if actor else _("system"),
                action=str(ACTION_LABELS.get(entry.action, "")),
                part=str(part),
                name=named[entry.pk][0],
                name_lang=named[entry.pk][1],
                changes=_changes(entry, model, names, collect=False),
            )
        )
    return rows


def entry_changes(entry: LogEntry) -> list[FieldChange]:
    """One entry's changes in plain words."""
    return history_rows([entry])[0].changes


# --- security and access events (viewed by administrators) ------------------------------------


@dataclass(frozen=True)
class SecurityFilter:
    event: str = ""  # a SecurityEvent value, "roles" for role and permission changes, or ""
    username: str = ""
    since: date | None = None
    until: date | None = None


def security_trail(*, filters: SecurityFilter) -> QuerySet[LogEntry]:
    """Logins, failed logins, lockouts, password and second-factor events, and changes of roles
    and of the user flags that grant access; newest first."""
    user_type = ContentType.objects.get_for_model(User)
    role_type = ContentType.objects.get_for_model(RoleAssignment)
    security = Q(content_type=user_type, additional_data__has_key="security_event")
    access_changes = Q(content_type=role_type) | Q(
        content_type=user_type, action__in=[LogEntry.Action.CREATE, LogEntry.Action.UPDATE]
    )
    if filters.event == "roles":
        entries = LogEntry.objects.filter(access_changes)
    elif filters.event:
        entries = LogEntry.objects.filter(
            content_type=user_type, additional_data__security_event=filters.event
        )
    else:
        entries = LogEntry.objects.filter(security | access_changes)
    if filters.username:
        entries = entries.filter(
            Q(additional_data__username__icontains=filters.username)
            | Q(object_repr__icontains=filters.username)
            | Q(actor__username__icontains=filters.username)
        )
    if filters.since:
        entries = entries.filter(timestamp__date__gte=filters.since)
    if filters.until:
        entries = entries.filter(timestamp__date__lte=filters.until)
    return entries.select_related("actor", "content_type").order_by("-timestamp", "-pk")


def security_event_label(entry: LogEntry) -> str:
    """What happened, in words: the security event, or the kind of change of a role or user."""
    event = (entry.additional_data or {}).get("security_event")
    if event:
        return str(SecurityEvent(event).label) if event in SecurityEvent.values else event
    kinds = {
        LogEntry.Action.CREATE: _("created"),
        LogEntry.Action.UPDATE: _("changed"),
        LogEntry.Action.DELETE: _("deleted"),
    }
    what = capfirst(entry.content_type.model_class()._meta.verbose_name)
    return f"{what}: {kinds.get(entry.action, '')}"


# --- a person's data (the data subject's copy) --------------------------------------------------


def person_get_for_user(*, user, person_id: int) -> User:
    """The person whose data `user` may export; 404 for anyone else, as for nobody."""
    person = User.objects.filter(pk=person_id).first()
    if person is None or not can(user, "audit.export_personal_data", person):
        raise Http404
    return person


def _entry_row(entry: LogEntry) -> dict:
    return {
        "time": entry.timestamp.isoformat(),
        "action": str(ACTION_LABELS.get(entry.action, entry.get_action_display())),
        "event": (entry.additional_data or {}).get("security_event", ""),
        "object_type": entry.content_type.model if entry.content_type_id else "",
        "object": entry.object_repr,
        "changes": entry.changes or {},
    }


def personal_data_of(*, person: User) -> dict:
    """Everything Kotoplan holds about a user: the account, the roles, every change they made
    (the trail of what they wrote, added or removed) and the entries about their account
    (logins, role changes)."""
    user_type = ContentType.objects.get_for_model(User)
    made = LogEntry.objects.filter(actor=person).select_related("content_type")
    about = LogEntry.objects.filter(content_type=user_type, object_pk=str(person.pk))
    return {
        "account": {
            "username": person.get_username(),
            "first_name": person.first_name,
            "last_name": person.last_name,
            "email": person.email,
            "active": person.is_active,
            "administrator": person.is_staff,
            "joined": person.date_joined.isoformat(),
            "last_login": person.last_login.isoformat() if person.last_login else None,
        },
        "roles": [
            {
                "role": str(role.get_role_display()),
                "organisation": str(role.organisation),
                "valid_from": role.valid_from.isoformat() if role.valid_from else None,
                "valid_to": role.valid_to.isoformat() if role.valid_to else None,
            }
            for role in RoleAssignment.objects.filter(user=person).select_related("organisation")
        ],
        "changes_made": [_entry_row(entry) for entry in made.order_by("timestamp", "pk")],
        "about_the_account": [
            _entry_row(entry) for entry in about.select_related("content_type").order_by("pk")
        ],
    }


def current_names(entries: Iterable[LogEntry]) -> dict[tuple[int, str], str]:
    """The names of the entries' objects as they read now, in the page's language (an entry
    keeps the name in the language of the moment it was written); one query per model."""
    wanted: dict[int, set[str]] = defaultdict(set)
    for entry in entries:
        wanted[entry.content_type_id].add(str(entry.object_pk))
    found = {}
    people = get_user_model()
    for type_id, keys in wanted.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is None or model is people:  # a person stays named by the username logged
            continue
        valid = [key for key in keys if _is_key(model, key)]
        for obj in model._default_manager.filter(pk__in=valid):
            found[(type_id, str(obj.pk))] = str(obj)
    return found
