"""Writes to accounts. Invariant: every municipality, wellbeing county, employment area and
regional authority area has exactly one organisation, so it can own measures and hold roles."""

import csv
from pathlib import Path

from axes.utils import reset as axes_reset
from django.conf import settings
from django.db import transaction
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotoplan.geography.models import Area, Municipality

from .audit import SecurityEvent, record_security_event
from .models import Organisation, RoleAssignment, User

AREA_ORGANISATION_KIND = {
    Area.Kind.WELLBEING_COUNTY: Organisation.Kind.WELLBEING_COUNTY,
    Area.Kind.EMPLOYMENT_AREA: Organisation.Kind.EMPLOYMENT_AREA,
    Area.Kind.ELY_CENTRE: Organisation.Kind.REGIONAL_AUTHORITY,
    Area.Kind.VITALITY_CENTRE: Organisation.Kind.REGIONAL_AUTHORITY,
}


@transaction.atomic
def organisations_sync_public(*, directory: Path | None = None) -> int:
    """Create or rename the public-sector organisations; returns how many rows changed."""
    changed = 0
    existing_municipal = {
        o.municipality_id: o
        for o in Organisation.objects.filter(kind=Organisation.Kind.MUNICIPALITY)
    }
    for municipality in Municipality.objects.all():
        names = {"name_fi": municipality.name_fi, "name_sv": municipality.name_sv}
        org = existing_municipal.get(municipality.pk)
        if org is None:
            Organisation.objects.create(
                kind=Organisation.Kind.MUNICIPALITY, municipality=municipality, **names
            )
            changed += 1
        elif (org.name_fi, org.name_sv) != (names["name_fi"], names["name_sv"]):
            Organisation.objects.filter(pk=org.pk).update(**names)
            changed += 1
    existing_area = {o.area_id: o for o in Organisation.objects.filter(area__isnull=False)}
    for area in Area.objects.filter(kind__in=list(AREA_ORGANISATION_KIND)):
        names = {"name_fi": area.name_fi, "name_sv": area.name_sv, "name_en": area.name_en}
        org = existing_area.get(area.pk)
        if org is None:
            Organisation.objects.create(kind=AREA_ORGANISATION_KIND[area.kind], area=area, **names)
            changed += 1
        elif (org.name_fi, org.name_sv, org.name_en) != tuple(names.values()):
            Organisation.objects.filter(pk=org.pk).update(**names)
            changed += 1
    path = (
        directory or Path(settings.BASE_DIR) / "data" / "reference"
    ) / "national_organisations.csv"
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            names = {key: row[key] for key in ("name_fi", "name_sv", "name_en")}
            org = Organisation.objects.filter(reference_key=row["key"]).first()
            if org is None:
                Organisation.objects.create(kind=row["kind"], reference_key=row["key"], **names)
                changed += 1
            elif (org.name_fi, org.name_sv, org.name_en) != tuple(names.values()):
                Organisation.objects.filter(pk=org.pk).update(**names)
                changed += 1
    return changed


@transaction.atomic
def role_grant(*, user: User, organisation: Organisation, role: str, **dates) -> RoleAssignment:
    assignment = RoleAssignment(user=user, organisation=organisation, role=role, **dates)
    assignment.full_clean()
    assignment.save()
    return assignment


# --- login protection and the second factor ---------------------------------------------------


def totp_device_start(*, user: User) -> TOTPDevice:
    """The authenticator key being set up: the user's unconfirmed device, made if missing."""
    device = TOTPDevice.objects.devices_for_user(user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Kotoplan", confirmed=False)
    return device


@transaction.atomic
def totp_device_confirm(*, user: User, device: TOTPDevice, token: str) -> bool:
    """Confirm the key being set up with a first code from the app; False when the code is wrong.
    A confirmed key replaces any earlier one."""
    if device.user_id != user.pk or not device.verify_is_allowed()[0]:
        return False
    if not device.verify_token(token):
        record_security_event(SecurityEvent.SECOND_FACTOR_FAILED, user=user)
        return False
    TOTPDevice.objects.devices_for_user(user, confirmed=True).delete()
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    record_security_event(SecurityEvent.SECOND_FACTOR_ADDED, user=user)
    return True


def totp_verify(*, user: User, token: str) -> TOTPDevice | None:
    """The user's confirmed device when `token` is its current code (throttled after failures)."""
    for device in TOTPDevice.objects.devices_for_user(user, confirmed=True):
        if device.verify_is_allowed()[0] and device.verify_token(token):
            return device
    record_security_event(SecurityEvent.SECOND_FACTOR_FAILED, user=user)
    return None


@transaction.atomic
def totp_devices_remove(*, user: User, actor: User) -> int:
    """Remove the user's authenticator keys (by the user, or by an administrator after a lost
    phone); the next login asks to set one up again where it is required."""
    count, _ = TOTPDevice.objects.devices_for_user(user).delete()
    if count:
        record_security_event(SecurityEvent.SECOND_FACTOR_REMOVED, user=user, actor=actor)
    return count


def login_unlock(*, username: str, actor: User) -> int:
    """Lift the lockout of a login after too many failures; returns the attempts cleared."""
    cleared = axes_reset(username=username)
    user = User.objects.filter(**{User.USERNAME_FIELD: username}).first()
    record_security_event(SecurityEvent.UNLOCKED, user=user, username=username, actor=actor)
    return cleared
