"""The trigram indexes of migration 0001 on the plan tables go (PostgreSQL): the search reads
the library's index (0002) and its word list instead. The full-text indexes of 0001 stay: the
similar measures use them."""

from importlib import import_module

from django.db import migrations

FIRST = import_module("kotoplan.library.migrations.0001_search_indexes")


def _trigram_statements():
    return [(name, sql) for name, sql in FIRST._statements() if name.endswith("_trgm")]


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _sql in _trigram_statements():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for _name, sql in _trigram_statements():
        schema_editor.execute(sql)


class Migration(migrations.Migration):
    dependencies = [("library", "0002_search_index")]

    operations = [migrations.RunPython(drop, create)]
