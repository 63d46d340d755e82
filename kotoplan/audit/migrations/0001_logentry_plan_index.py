"""An index on the plan an audit entry names (`additional_data -> 'plan_id'`, then the id).

The entries belong to django-auditlog, so the index is made here, in PostgreSQL's own words: the
change history filters on the plan, and the readiness fingerprint asks for the newest entry of a
plan (`MAX(id) … WHERE additional_data -> 'plan_id' = …`), which without it reads the log from
the newest entry back to the plan's last one (all of it for a plan not edited lately).
PostgreSQL matches the expression Django writes for `additional_data__plan_id`. SQLite gets no
index: Django's lookup there is a CASE over json_type/json_extract with bound parameters, which
SQLite never matches to an index on an expression, so one would only slow down every write.
"""

from django.db import migrations

NAME = "audit_logentry_plan_id"
CREATE = (
    f"CREATE INDEX IF NOT EXISTS {NAME} ON auditlog_logentry ((additional_data -> 'plan_id'), id)"
)


def create(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(CREATE)


def drop(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {NAME}")


class Migration(migrations.Migration):
    dependencies = [("auditlog", "0017_add_actor_email")]

    operations = [migrations.RunPython(create, drop)]
