"""Read a municipality export (docs/backup.md) back into the database.

`municipality_restore(document)` must run inside one transaction (the service opens it): it
either writes the whole municipality or raises `RestoreRefused` naming the first problem (the
section, row and field), and then nothing is kept. It refuses a municipality that already has
data of its own; shared rows (users, organisations, roles) are matched by natural key and
created only when missing. Users it creates have no password: they set one with a password
reset. Staff and superuser flags are never imported.
"""

import json

from auditlog.context import disable_auditlog
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.db import DataError, IntegrityError, models

from kotoplan.accounts.models import Organisation, RoleAssignment, User
from kotoplan.core.text import ascii_digits
from kotoplan.geography.models import Municipality

from ..exporters.municipality_spec import (
    AUDIT_DATA_KEYS,
    FORMAT,
    FORMAT_VERSION,
    OWNED,
    REFERENCES,
    USER_FIELDS,
    changed_link,
    data_counts,
    m2m_fields,
    row_fields,
)

LATER = object()  # a link to a row of the file that is not written yet


class RestoreRefused(Exception):
    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def read_document(content: bytes | str) -> dict:
    """The parsed file, its header checked."""
    try:
        document = json.loads(content)
    except UnicodeDecodeError as exc:
        raise RestoreRefused(f"The file is not UTF-8 text ({exc.reason}).") from exc
    except json.JSONDecodeError as exc:
        raise RestoreRefused(
            f"The file is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}."
        ) from exc
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise RestoreRefused(f'The file is not a municipality export (format "{FORMAT}").')
    if not isinstance(document.get("municipality"), str):
        raise RestoreRefused('The file names no municipality ("municipality": its code).')
    if document.get("version") != FORMAT_VERSION:
        raise RestoreRefused(
            f"The file has format version {document.get('version')!r}; this release reads "
            f"version {FORMAT_VERSION}."
        )
    sections = document.get("data")
    if not isinstance(sections, list) or not all(
        isinstance(s, dict) and isinstance(s.get("rows"), list) for s in sections
    ):
        raise RestoreRefused('The file\'s "data" is not a list of sections with rows.')
    expected = ["accounts.user", "accounts.organisation", "accounts.roleassignment"]
    expected += [spec.label for spec in OWNED] + ["auditlog.logentry"]
    found = [section.get("model") for section in sections]
    if found != expected:
        missing = [label for label in expected if label not in found]
        unknown = [label for label in found if label not in expected]
        raise RestoreRefused(
            "The file's sections are not those of this format "
            f"(missing: {', '.join(missing) or '-'}; unknown: "
            f"{', '.join(map(str, unknown)) or '-'}; or out of order)."
        )
    return document


class Restore:
    def __init__(self, document: dict):
        self.sections = {section["model"]: section["rows"] for section in document["data"]}
        self.code = document.get("municipality")
        self.keys: dict[type[models.Model], dict[int, int]] = {}
        self.natural: dict[type[models.Model], dict[tuple, int]] = {}
        self.later: list[tuple[type[models.Model], int, str, type[models.Model], int]] = []
        self.counts: dict[str, int] = {}
        self.where = "the file"  # the row being read, for messages

    # --- links ---------------------------------------------------------------------------

    def link(self, model, value, where: str):
        if value is None:
            return None
        if model in REFERENCES:
            if model not in self.natural:
                fields = REFERENCES[model]
                self.natural[model] = {
                    tuple(row[1:]): row[0] for row in model.objects.values_list("pk", *fields)
                }
            scalar = isinstance(value, list) and all(isinstance(v, str | int) for v in value)
            found = self.natural[model].get(tuple(value)) if scalar else None
            if found is None:
                raise RestoreRefused(
                    f"{where}: {model._meta.label_lower} {value!r} is not in this database "
                    "(load the reference data first)."
                )
            return found
        rows = self.sections.get(model._meta.label_lower, [])
        if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= len(rows):
            raise RestoreRefused(
                f"{where}: no row {value!r} among the {len(rows)} rows of "
                f"{model._meta.label_lower}."
            )
        return self.keys.get(model, {}).get(value, LATER)

    def decode(self, model, row, where: str, fields=None) -> tuple[models.Model, list]:
        """An unsaved instance of the row and its links to rows not written yet."""
        many = {f.name for f in m2m_fields(model)} if fields is None else set()
        fields = fields or row_fields(model)
        if not isinstance(row, dict):
            raise RestoreRefused(f"{where}: a row must be an object.")
        names = {f.name for f in fields} | many
        if set(row) - names:
            raise RestoreRefused(
                f"{where}: unknown field(s) {', '.join(sorted(set(row) - names))}."
            )
        self.where = where
        obj, pending = model(), []
        for field in fields:
            if field.name not in row:
                raise RestoreRefused(f"{where}: field {field.name} is missing.")
            value, at = row[field.name], f"{where}, field {field.name}"
            if value is None and not field.null:
                raise RestoreRefused(f"{at}: must not be empty.")
            if field.is_relation:
                value = self.link(field.related_model, value, at)
                if value is LATER:
                    if not field.null:
                        raise RestoreRefused(f"{at}: links to a row not yet written.")
                    pending.append((field.attname, field.related_model, row[field.name]))
                    value = None
            elif value is not None and not isinstance(field, models.JSONField):
                try:
                    value = field.to_python(value)
                except ValidationError as exc:
                    raise RestoreRefused(f"{at}: {' '.join(exc.messages)}") from exc
            setattr(obj, field.attname, value)
        return obj, pending

    def insert(self, obj: models.Model, where: str) -> None:
        try:
            obj.save_base(raw=True, force_insert=True)
        except (IntegrityError, DataError, ValueError, TypeError) as exc:
            raise RestoreRefused(f"{where}: the row cannot be written ({exc}).") from exc

    # --- sections ------------------------------------------------------------------------

    def run(self) -> dict[str, int]:
        municipality = Municipality.objects.select_for_update().filter(code=self.code).first()
        if municipality is None:
            raise RestoreRefused(
                f"Municipality {self.code!r} is not in this database (load the reference data)."
            )
        existing = data_counts(municipality)
        if existing:
            listed = ", ".join(f"{label} {n}" for label, n in existing.items())
            raise RestoreRefused(
                f"Municipality {self.code} already has data ({listed}); a municipality is "
                "imported only where it has none."
            )
        with disable_auditlog():
            self.users()
            self.shared(Organisation, self.find_organisation)
            self.shared(RoleAssignment, self.find_role)
            for spec in OWNED:
                self.owned(spec.model)
            for model, pk, attname, target, position in self.later:
                model.objects.filter(pk=pk).update(**{attname: self.keys[target][position]})
            self.audit()
        return self.counts

    def users(self) -> None:
        fields = [User._meta.get_field(name) for name in USER_FIELDS]
        self.keys[User] = {}
        for n, row in enumerate(self.sections["accounts.user"], start=1):
            where = f"accounts.user row {n}"
            obj, _ = self.decode(User, row, where, fields)
            found = User.objects.filter(username=obj.username).first()
            if found is None and obj.email:
                same_email = User.objects.filter(email__iexact=obj.email)
                found = same_email.first() if same_email.count() == 1 else None
            if found is None:
                obj.set_unusable_password()
                self.insert(obj, where)
                self.counts["accounts.user"] = self.counts.get("accounts.user", 0) + 1
            self.keys[User][n] = (found or obj).pk

    def shared(self, model, find) -> None:
        label = model._meta.label_lower
        self.keys[model] = {}
        for n, row in enumerate(self.sections[label], start=1):
            where = f"{label} row {n}"
            obj, pending = self.decode(model, row, where)
            if pending:
                raise RestoreRefused(f"{where}: links to a row not yet written.")
            found = find(obj)
            if found is None:
                self.insert(obj, where)
                self.counts[label] = self.counts.get(label, 0) + 1
            self.keys[model][n] = (found or obj).pk

    @staticmethod
    def find_organisation(org: Organisation) -> Organisation | None:
        same = Organisation.objects
        if org.reference_key:
            return same.filter(reference_key=org.reference_key).first()
        if org.business_id:
            return same.filter(business_id=org.business_id).first()
        if org.kind == Organisation.Kind.MUNICIPALITY:
            return same.filter(kind=org.kind, municipality_id=org.municipality_id).first()
        if org.area_id:
            return same.filter(kind=org.kind, area_id=org.area_id).first()
        return same.filter(
            kind=org.kind,
            name_fi=org.name_fi,
            municipality_id=org.municipality_id,
            parent_id=org.parent_id,
        ).first()

    @staticmethod
    def find_role(role: RoleAssignment) -> RoleAssignment | None:
        return RoleAssignment.objects.filter(
            user_id=role.user_id,
            organisation_id=role.organisation_id,
            role=role.role,
            valid_from=role.valid_from,
            valid_to=role.valid_to,
        ).first()

    def owned(self, model) -> None:
        label = model._meta.label_lower
        rows = self.sections[label]
        self.keys[model] = {}
        for n, row in enumerate(rows, start=1):
            where = f"{label} row {n}"
            obj, pending = self.decode(model, row, where)
            self.insert(obj, where)
            self.keys[model][n] = obj.pk
            self.later += [(model, obj.pk, a, target, pos) for a, target, pos in pending]
        for field in m2m_fields(model):
            self.links(model, field, rows)
        if rows:
            self.counts[label] = len(rows)

    def links(self, model, field, rows) -> None:
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        pairs = []
        for n, row in enumerate(rows, start=1):
            where = f"{model._meta.label_lower} row {n}, field {field.name}"
            if not isinstance(row[field.name], list):
                raise RestoreRefused(f"{where}: must be a list.")
            for value in row[field.name]:
                other = self.link(field.related_model, value, where)
                if other is LATER:
                    raise RestoreRefused(f"{where}: links to a row not yet written.")
                pairs.append(
                    through(**{f"{source}_id": self.keys[model][n], f"{target}_id": other})
                )
        try:
            through.objects.bulk_create(pairs)
        except (IntegrityError, DataError) as exc:
            label = model._meta.label_lower
            raise RestoreRefused(
                f"{label}, field {field.name}: the links cannot be written ({exc})."
            ) from exc

    def audit(self) -> None:
        entries = []
        for n, row in enumerate(self.sections["auditlog.logentry"], start=1):
            where = f"auditlog.logentry row {n}"
            if not isinstance(row, dict):
                raise RestoreRefused(f"{where}: a row must be an object.")
            row = dict(row)
            target_row, object_pk = row.pop("object_id", None), row.pop("object_pk", None)
            entry, _ = self.decode(
                LogEntry,
                {**row, "object_pk": "", "object_id": None},
                where,
            )
            model = entry.content_type.model_class()
            if isinstance(target_row, dict) and model is None:
                raise RestoreRefused(f"{where}: the entry's content type is unknown.")
            if isinstance(target_row, dict):
                key = self.link(model, target_row.get("row"), f"{where}, field object_id")
                entry.object_id, entry.object_pk = key, str(key)
            elif isinstance(target_row, int | None) and isinstance(object_pk, str | None):
                entry.object_id, entry.object_pk = target_row, object_pk or ""
            else:
                raise RestoreRefused(f"{where}: object_id and object_pk are malformed.")
            entry.changes = self.changes(model, entry.changes)
            entry.additional_data = self.additional(entry.additional_data, where)
            entries.append(entry)
        try:
            LogEntry.objects.bulk_create(entries)
        except (IntegrityError, DataError) as exc:
            raise RestoreRefused(f"auditlog.logentry: the rows cannot be written ({exc}).") from exc
        if entries:
            self.counts["auditlog.logentry"] = len(entries)

    def changes(self, model, changes):
        if not isinstance(changes, dict) or model is None:
            return changes
        for name, change in changes.items():
            target = changed_link(model, name)
            if target is not None and isinstance(change, list):
                changes[name] = [
                    str(self.keys.get(target, {}).get(int(v[1:]), v))
                    if isinstance(v, str) and v.startswith("@") and ascii_digits(v[1:])
                    else v
                    for v in change
                ]
        return changes

    def additional(self, data, where: str):
        if not isinstance(data, dict):
            return data
        for name, model in AUDIT_DATA_KEYS.items():
            if isinstance(data.get(name), dict):
                data[name] = self.link(model, data[name].get("row"), f"{where}, {name}")
        if isinstance(data.get("municipality_id"), dict):
            code = data["municipality_id"].get("code")
            data["municipality_id"] = self.link(Municipality, [code], where)
        return data


def municipality_restore(document: dict) -> dict[str, int]:
    """Write the municipality of a checked document (inside the caller's transaction)."""
    restore = Restore(document)
    try:
        return restore.run()
    except (TypeError, ValueError, AttributeError, KeyError) as exc:
        # A value of the wrong shape that no check above named (e.g. a list for a number).
        raise RestoreRefused(
            f"{restore.where}: a value has the wrong shape ({type(exc).__name__}: {exc})."
        ) from exc
