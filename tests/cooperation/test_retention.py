"""Former representatives' e-mail and phone are removed a set time after their seat ended (the
daily `purge_representative_contacts`); serving representatives keep theirs, and the group's
record keeps every name."""

from datetime import date

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

from kotoplan.cooperation.models import Representative

from .conftest import seat


def test_ended_seat_loses_contacts__serving_one_keeps_them(
    group_a, organisation_a, contributor_organisation, settings, clock
):
    settings.KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS = 365
    former = seat(group_a, organisation_a, start=date(2025, 3, 1), end=date(2025, 4, 30))
    serving = seat(group_a, contributor_organisation)
    Representative.objects.filter(membership__in=[former, serving]).update(phone="040 123")
    LogEntry.objects.create(  # an entry written before the trail stopped copying addresses
        content_type=ContentType.objects.get_for_model(Representative),
        object_pk=str(former.representatives.get().pk),
        object_repr="Aada Esimerkki",
        action=LogEntry.Action.CREATE,
        changes={"email": ["None", "aada@example.fi"], "name": ["None", "Aada Esimerkki"]},
    )

    call_command("purge_representative_contacts")

    gone = former.representatives.get()
    assert (gone.name, gone.email, gone.phone) == ("Aada Esimerkki", "", "")
    kept = serving.representatives.get()
    assert (kept.email, kept.phone) == ("aada@example.fi", "040 123")
    entries = LogEntry.objects.filter(content_type__model="representative")
    entry = entries.filter(changes__has_key="email").get()
    assert entry.changes == {"email": ["None", "[removed]"], "name": ["None", "Aada Esimerkki"]}
