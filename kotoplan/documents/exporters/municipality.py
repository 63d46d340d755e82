"""One municipality's whole data as a JSON document (format in docs/backup.md).

`municipality_document(municipality)` reads everything in one snapshot (call it inside a
transaction) and returns the document; rows are named by position, see `municipality_spec`.
Links to rows outside the export (a measure copied from another municipality's plan, a regional
group's plan of another municipality) are left empty.
"""

import base64
import datetime
import decimal
import uuid
from collections import defaultdict

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from kotoplan.accounts.models import Organisation, RoleAssignment, User
from kotoplan.core.text import ascii_digits
from kotoplan.geography.models import Municipality

from .municipality_spec import (
    AUDIT_DATA_KEYS,
    FORMAT,
    FORMAT_VERSION,
    OWNED,
    REFERENCES,
    USER_FIELDS,
    changed_link,
    link_fields,
    m2m_fields,
    own_organisations,
    row_fields,
)

CHUNK = 500


def encode_value(field: models.Field, value):
    if value is None:
        return None
    if isinstance(value, datetime.datetime | datetime.date | datetime.time):
        return value.isoformat()
    if isinstance(value, decimal.Decimal | uuid.UUID):
        return str(value)
    if isinstance(value, bytes | memoryview):
        return base64.b64encode(bytes(value)).decode("ascii")
    return value


class Positions:
    """Position (1, 2, …) of every exported row of each model, by its database key."""

    def __init__(self) -> None:
        self.of: dict[type[models.Model], dict[int, int]] = {}
        self.references: dict[type[models.Model], dict[int, list]] = {}

    def number(self, model: type[models.Model], keys: list[int]) -> None:
        self.of[model] = {pk: n for n, pk in enumerate(sorted(keys), start=1)}

    def link(self, model: type[models.Model], pk):
        """A link to a row: its natural key (reference rows) or its position (else None)."""
        if pk is None:
            return None
        if model in REFERENCES:
            if model not in self.references:
                fields = REFERENCES[model]
                self.references[model] = {
                    row[0]: list(row[1:]) for row in model.objects.values_list("pk", *fields)
                }
            return self.references[model][pk]
        return self.of.get(model, {}).get(pk)


def _through_links(field: models.ManyToManyField, keys: list[int]) -> dict[int, list[int]]:
    through = field.remote_field.through
    source = field.m2m_field_name()
    target = field.m2m_reverse_field_name()
    links: dict[int, list[int]] = defaultdict(list)
    for start in range(0, len(keys), CHUNK):
        pairs = through.objects.filter(**{f"{source}__in": keys[start : start + CHUNK]})
        for left, right in pairs.values_list(f"{source}_id", f"{target}_id"):
            links[left].append(right)
    return links


def _rows(model, objects: list, positions: Positions, fields=None) -> list[dict]:
    """The rows' columns (all but the key, or `fields`), with their many-to-many links when
    every column is written."""
    keys = [obj.pk for obj in objects]
    linked = m2m_fields(model) if fields is None else []
    many = {field.name: (field, _through_links(field, keys)) for field in linked}
    fields = fields or row_fields(model)
    rows = []
    for obj in objects:
        row = {}
        for field in fields:
            value = getattr(obj, field.attname)
            if field.is_relation:
                row[field.name] = positions.link(field.related_model, value)
            else:
                row[field.name] = encode_value(field, value)
        for name, (field, links) in many.items():
            targets = (positions.link(field.related_model, pk) for pk in links.get(obj.pk, []))
            row[name] = sorted(
                (t for t in targets if t is not None), key=lambda t: (str(type(t)), t)
            )
        rows.append(row)
    return rows


def _linked(objects_by_model: dict, target: type[models.Model]) -> set[int]:
    """Keys of `target` rows that the collected rows link to."""
    found: set[int] = set()
    for model, objects in objects_by_model.items():
        keys = [obj.pk for obj in objects]
        for field in link_fields(model):
            if field.related_model is target:
                found.update(v for obj in objects if (v := getattr(obj, field.attname)))
        for field in m2m_fields(model):
            if field.related_model is target:
                for targets in _through_links(field, keys).values():
                    found.update(targets)
    return found


def _with_parents(keys: set[int]) -> list[Organisation]:
    """The organisations and their parent organisations, every parent before its units."""
    found: dict[int, Organisation] = {}
    wanted = set(keys)
    while wanted:
        batch = list(Organisation.objects.filter(pk__in=wanted))
        found.update((o.pk, o) for o in batch)
        wanted = {o.parent_id for o in batch if o.parent_id and o.parent_id not in found}

    def depth(org: Organisation) -> int:
        return 0 if org.parent_id is None else 1 + depth(found[org.parent_id])

    def order(org: Organisation) -> tuple:  # by content, so the order survives a restore
        names = (org.kind, org.name_fi, org.name_sv, org.business_id, org.reference_key or "")
        return (depth(org), *names, org.pk)

    return sorted(found.values(), key=order)


def _audit_entries(owned: dict) -> list[LogEntry]:
    types = ContentType.objects.get_for_models(*owned)
    condition = Q()
    for model, objects in owned.items():
        keys = [obj.pk for obj in objects]
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            condition |= Q(content_type=types[model], object_id__in=chunk)
    # Entries of rows since deleted still belong to the plan's or group's history.
    for name, model in AUDIT_DATA_KEYS.items():
        keys = [obj.pk for obj in owned.get(model, [])]
        if keys:
            condition |= Q(
                content_type__in=list(types.values()), **{f"additional_data__{name}__in": keys}
            )
    if not condition:
        return []
    return list(LogEntry.objects.filter(condition).order_by("pk"))


def _audit_rows(entries: list[LogEntry], positions: Positions) -> list[dict]:
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        row = _rows(LogEntry, [entry], positions)[0]
        target = positions.link(model, entry.object_id) if entry.object_id else None
        if target is not None:
            row["object_pk"] = row["object_id"] = {"row": target}
        row["changes"] = _audit_changes(model, entry.changes, positions)
        data = dict(entry.additional_data or {})
        for name, linked in AUDIT_DATA_KEYS.items():
            if isinstance(data.get(name), int) and positions.link(linked, data[name]):
                data[name] = {"row": positions.link(linked, data[name])}
        if isinstance(data.get("municipality_id"), int):
            found = Municipality.objects.filter(pk=data["municipality_id"]).first()
            if found:
                data["municipality_id"] = {"code": found.code}
        row["additional_data"] = data or entry.additional_data
        rows.append(row)
    return rows


def _audit_changes(model, changes, positions: Positions):
    """Keys in recorded changes (the row's own, its links) written as positions: "@3"."""
    if not isinstance(changes, dict) or model is None:
        return changes
    mapped = {}
    for name, change in changes.items():
        target = changed_link(model, name)
        if target is not None and isinstance(change, list):
            change = [_position_text(target, value, positions) for value in change]
        mapped[name] = change
    return mapped


def _position_text(model, value, positions: Positions):
    if isinstance(value, str) and ascii_digits(value):
        position = positions.link(model, int(value))
        if position is not None:
            return f"@{position}"
    return value


def municipality_document(municipality: Municipality) -> dict:
    owned = {spec.model: list(spec.select(municipality).order_by("pk")) for spec in OWNED}
    positions = Positions()
    for model, objects in owned.items():
        positions.number(model, [obj.pk for obj in objects])

    organisation_keys = _linked(owned, Organisation)
    organisation_keys.update(own_organisations(municipality).values_list("pk", flat=True))
    organisations = _with_parents(organisation_keys)
    # Positions follow the parents-first order, so a unit's parent always comes before it.
    positions.of[Organisation] = {o.pk: n for n, o in enumerate(organisations, start=1)}

    roles = list(
        RoleAssignment.objects.filter(organisation__in=own_organisations(municipality)).order_by(
            "pk"
        )
    )
    entries = _audit_entries(owned)
    user_keys = _linked({**owned, RoleAssignment: roles, LogEntry: entries}, User)
    users = list(User.objects.filter(pk__in=user_keys).order_by("username"))
    positions.of[User] = {u.pk: n for n, u in enumerate(users, start=1)}

    def role_order(role: RoleAssignment) -> tuple:
        user, organisation = (
            positions.of[User][role.user_id],
            organisations_at[role.organisation_id],
        )
        return (user, organisation, role.role, str(role.valid_from), str(role.valid_to), role.pk)

    organisations_at = positions.of[Organisation]
    roles.sort(key=role_order)
    positions.of[RoleAssignment] = {r.pk: n for n, r in enumerate(roles, start=1)}

    user_fields = [User._meta.get_field(name) for name in USER_FIELDS]
    data = [
        {"model": "accounts.user", "rows": _rows(User, users, positions, user_fields)},
        {"model": "accounts.organisation", "rows": _rows(Organisation, organisations, positions)},
        {"model": "accounts.roleassignment", "rows": _rows(RoleAssignment, roles, positions)},
    ]
    for spec in OWNED:
        rows = _rows(spec.model, owned[spec.model], positions)
        data.append({"model": spec.label, "rows": rows})
    data.append({"model": "auditlog.logentry", "rows": _audit_rows(entries, positions)})
    return {
        "format": FORMAT,
        "version": FORMAT_VERSION,
        "municipality": municipality.code,
        "exported_at": timezone.now().isoformat(),
        "data": data,
    }
