"""Indexes of the good-practice library's search, on PostgreSQL only (nothing on SQLite).

pg_trgm is enabled; each searched table gets a GIN index on the Finnish and on the Swedish
full-text document of its two texts and a trigram GIN index on all its texts. The expressions
are written out here as in `library.selectors.matching` (a migration does not import app code);
tests/library/test_postgresql.py checks with EXPLAIN that the search uses them.
"""

from django.db import migrations

TABLES = {
    "planning_measure": ("title", "description"),
    "planning_objective": ("title", "description"),
    "planning_indicator": ("name", "target_text"),
}
CONFIGS = {"fi": "finnish", "sv": "swedish"}
LANGUAGES = ("fi", "sv", "en")


def _statements():
    for table, (a, b) in TABLES.items():
        for language, config in CONFIGS.items():
            yield (
                f"library_{table}_{language}",
                f"CREATE INDEX IF NOT EXISTS library_{table}_{language} ON {table} USING gin "
                f"((to_tsvector('{config}'::regconfig, coalesce({table}.{a}_{language}, '') "
                f"|| ' ' || coalesce({table}.{b}_{language}, ''))))",
            )
        columns = [f"coalesce({table}.{c}_{lang}, '')" for lang in LANGUAGES for c in (a, b)]
        text = "(" + " || ' ' || ".join(columns) + ")"
        yield (
            f"library_{table}_trgm",
            f"CREATE INDEX IF NOT EXISTS library_{table}_trgm ON {table} "
            f"USING gin ({text} gin_trgm_ops)",
        )


def create_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    # pg_trgm is enabled here rather than with TrigramExtension, whose reverse step queries
    # pg_extension on every database (SQLite included); the extension stays when unapplied.
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for _name, sql in _statements():
        schema_editor.execute(sql)


def drop_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for name, _sql in _statements():
        schema_editor.execute(f"DROP INDEX IF EXISTS {name}")


class Migration(migrations.Migration):
    dependencies = [("planning", "0007_reused_from")]

    operations = [
        migrations.RunPython(create_indexes, drop_indexes),
    ]
