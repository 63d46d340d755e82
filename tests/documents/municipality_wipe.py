"""Remove one municipality's own data (as a lost database would have lost it) for round trips."""

import contextlib

from auditlog.models import LogEntry
from django.db.models import ProtectedError

from kotoplan.accounts.models import RoleAssignment, User
from kotoplan.documents.exporters.municipality_spec import OWNED, own_organisations
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Plan


def wipe_municipality(code: str, *, users: list[str] = ()) -> None:
    municipality = Municipality.objects.get(code=code)
    LogEntry.objects.all().delete()
    for spec in reversed(OWNED):
        keys = list(spec.select(municipality).values_list("pk", flat=True))
        if spec.model is Plan:  # the newest version first: an older one is kept by the newer
            for plan in Plan.objects.filter(pk__in=keys).order_by("-pk"):
                plan.delete()
        spec.model.objects.filter(pk__in=keys).delete()
    RoleAssignment.objects.filter(organisation__in=own_organisations(municipality)).delete()
    local = own_organisations(municipality).filter(reference_key__isnull=True)
    for organisation in local.order_by("-pk"):
        with contextlib.suppress(ProtectedError):
            organisation.delete()
    for user in User.objects.filter(username__in=users):
        with contextlib.suppress(ProtectedError):
            user.delete()
