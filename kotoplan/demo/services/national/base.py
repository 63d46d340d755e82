"""What the national data set is made of: its sizes, the seeded random source and bulk writes."""

import random
import uuid
from dataclasses import dataclass, field
from datetime import date

from django.db import DEFAULT_DB_ALIAS, connection, connections, models
from django.utils import timezone

BATCH = 2000  # rows per INSERT


@dataclass(frozen=True)
class Sizes:
    """The size of one generated plan; `scale` multiplies every part of it."""

    objectives: int = 20
    measures: int = 60
    indicators: int = 30
    responses: int = 500
    meetings: int = 3
    members: int = 8
    statistics_years: int = 10

    def scaled(self, scale: int) -> "Sizes":
        return Sizes(
            objectives=self.objectives * scale,
            measures=self.measures * scale,
            indicators=self.indicators * scale,
            responses=self.responses * scale,
            meetings=self.meetings,
            members=self.members,
            statistics_years=self.statistics_years,
        )


NORMAL = Sizes()
LARGEST = Sizes(objectives=40, measures=200, indicators=60, responses=5000)
LARGEST_MUNICIPALITY = "091"  # Helsinki: the largest plan and the consultation of 5,000 responses
STAT_INDICATORS = 30  # indicators in the national statistics catalogue of the data set
SEED = 15


@dataclass
class Generation:
    """The state of one run: the random source, the day it is anchored to and what it made."""

    rng: random.Random
    day: date
    password_hash: str
    counts: dict = field(default_factory=dict)

    def uuid(self) -> uuid.UUID:
        return uuid.UUID(int=self.rng.getrandbits(128), version=4)

    def count(self, label: str, n: int) -> None:
        self.counts[label] = self.counts.get(label, 0) + n


def bulk(model, rows: list, gen: Generation | None = None, label: str = "") -> list:
    """Insert `rows` (unsaved model instances) and give them their ids: COPY on PostgreSQL,
    one prepared INSERT on SQLite. Like bulk_create, save() and signals are skipped; unlike it,
    the SQL is not compiled row by row, which dominates the time at this size."""
    if rows:
        _insert(model, rows)
    if gen is not None:
        gen.count(label or str(model._meta.verbose_name_plural), len(rows))
    return rows


def bulk_links(through, rows: list, gen: Generation | None = None, label: str = "") -> None:
    if rows:
        _insert(through, rows)
    if gen is not None and label:
        gen.count(label, len(rows))


def _allocate(model, n: int) -> list[int]:
    """`n` fresh ids of the model's table (from its sequence on PostgreSQL)."""
    table = model._meta.db_table
    column = model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [table, column, n],
            )
            return [row[0] for row in cursor.fetchall()]
        cursor.execute(f'SELECT COALESCE(MAX("{column}"), 0) FROM "{table}"')  # noqa: S608 (model metadata)
        first = cursor.fetchone()[0] + 1
        return list(range(first, first + n))


CONVERTED = (models.DateField, models.DecimalField, models.UUIDField, models.JSONField)


def _converters(fields) -> list:
    """Per column: how a Python value becomes a database value (None: as it is)."""
    real = connections[DEFAULT_DB_ALIAS]
    return [
        (lambda value, f=f: f.get_db_prep_save(value, real)) if isinstance(f, CONVERTED) else None
        for f in fields
    ]


def insert_tuples(model, names: list[str], rows: list[tuple]) -> list[int]:
    """Insert plain rows (values of the fields `names`, ids given here) without building model
    instances: for the largest tables. Returns the ids in the order of `rows`."""
    fields = [model._meta.pk, *(model._meta.get_field(name) for name in names)]
    ids = _allocate(model, len(rows)) if rows else []
    _write(model, fields, ((pk, *row) for pk, row in zip(ids, rows, strict=True)))
    return ids


def _insert(model, objs: list) -> None:
    meta = model._meta
    fields = list(meta.concrete_fields)
    for obj, pk in zip(objs, _allocate(model, len(objs)), strict=True):
        obj._prepare_related_fields_for_save(operation_name="bulk_create")
        setattr(obj, meta.pk.attname, pk)
        obj._state.adding = False
        obj._state.db = DEFAULT_DB_ALIAS
    now = timezone.now()
    stamped = [getattr(f, "auto_now", False) or getattr(f, "auto_now_add", False) for f in fields]
    names = [f.attname for f in fields]
    for obj in objs:
        for name, stamp in zip(names, stamped, strict=True):
            if stamp:
                setattr(obj, name, now)
    _write(model, fields, ([getattr(obj, name) for name in names] for obj in objs))


def _write(model, fields, rows) -> None:
    convert = _converters(fields)
    if any(convert):
        rows = (
            [v if c is None else c(v) for v, c in zip(row, convert, strict=True)] for row in rows
        )
    table = model._meta.db_table
    columns = ", ".join(f'"{f.column}"' for f in fields)
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.cursor.copy(f'COPY "{table}" ({columns}) FROM STDIN') as copy:
                for row in rows:
                    copy.write_row(row)
            return
        marks = ", ".join(["%s"] * len(fields))
        sql = f'INSERT INTO "{table}" ({columns}) VALUES ({marks})'  # noqa: S608 (model metadata)
        batch = []
        for row in rows:
            batch.append(row)
            if len(batch) == BATCH:
                cursor.executemany(sql, batch)
                batch = []
        if batch:
            cursor.executemany(sql, batch)
