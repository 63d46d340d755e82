"""Writes to accounts. Invariants:

- every municipality, wellbeing county, employment area and regional authority area has exactly
  one organisation, so it can own measures and hold roles;
- coordinators add and edit their municipality's units and local organisations
  (accounts.permissions), recorded in the audit trail with the actor; a business ID is never
  recorded twice, and a name close to an organisation the plan's area already has is accepted
  only when the user confirms it is another organisation;
- an identity provider never grants a role by itself: a first single sign-on of someone unknown
  leaves an inactive account and a pending request that a coordinator of the organisation's
  municipality or an administrator decides (or configured claims give the role).
"""

import csv
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from auditlog.context import auditlog_value, set_actor
from axes.utils import reset as axes_reset
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django_otp.plugins.otp_totp.models import TOTPDevice

from kotoplan.core.clock import today
from kotoplan.core.errors import DomainError
from kotoplan.core.permissions import require
from kotoplan.core.services import versioned_update
from kotoplan.geography.models import Area, Municipality

from .audit import SecurityEvent, record_security_event
from .models import AccountRequest, Organisation, RoleAssignment, User, normalise_business_id
from .selectors import (
    organisation_label,
    organisation_with_business_id,
    roles_offered,
    similar_organisations,
)

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


# --- units and local organisations added by coordinators --------------------------------------

ADDABLE_KINDS = (Organisation.Kind.MUNICIPAL_UNIT, *Organisation.LOCAL_KINDS)
# The fields a coordinator writes; the rest (municipality, area, reference key) follow from
# the municipality the organisation is added for.
EDITABLE_FIELDS = (
    "kind",
    "name_fi",
    "name_sv",
    "name_en",
    "business_id",
    "parent",
    "email",
    "website",
    "ended_on",
)


@contextmanager
def _acting_as(actor) -> Iterator[None]:
    """The audit entries written inside name `actor` (the accounts app comes before `audit`;
    this is the same context that `kotoplan.audit.services.acting_as` sets)."""
    try:
        current = auditlog_value.get()
    except LookupError:
        current = None
    try:
        with set_actor(actor):
            yield
    finally:
        if current is not None:
            auditlog_value.set(current)


def _check(data: dict, *, municipality, exclude_pk=None, allow_similar: bool) -> dict:
    """The organisation's values cleaned, or a ValidationError naming the field."""
    data = {name: data[name] for name in EDITABLE_FIELDS if name in data}
    kind = data.get("kind")
    if kind not in ADDABLE_KINDS:
        raise ValidationError(
            {"kind": _("Coordinators add municipal units and local organisations only.")}
        )
    for name in ("name_fi", "name_sv", "name_en"):
        data[name] = " ".join((data.get(name) or "").split())
    if not data["name_fi"]:
        raise ValidationError({"name_fi": _("Give the name in Finnish.")})
    parent = data.get("parent")
    if parent is not None and (
        kind != Organisation.Kind.MUNICIPAL_UNIT
        or parent.kind != Organisation.Kind.MUNICIPAL_UNIT
        or municipality is None
        or parent.municipality_id != municipality.pk
        or parent.pk == exclude_pk
    ):
        raise ValidationError(
            {"parent": _("A unit's sector is another unit of the same municipality.")}
        )
    data["business_id"] = normalise_business_id(data.get("business_id") or "")
    if data["business_id"]:
        existing = organisation_with_business_id(data["business_id"], exclude_pk=exclude_pk)
        if existing is not None:
            raise ValidationError(
                {
                    "business_id": _(
                        "Business ID %(business_id)s is already recorded for “%(name)s”. "
                        "Choose that organisation instead of adding it again."
                    )
                    % {
                        "business_id": data["business_id"],
                        "name": organisation_label(existing, with_kind=True),
                    }
                }
            )
    if not allow_similar:
        names = [data[name] for name in ("name_fi", "name_sv", "name_en") if data[name]]
        similar = similar_organisations(
            names=names,
            municipality_ids={municipality.pk} if municipality else set(),
            exclude_pk=exclude_pk,
        )
        if similar:
            raise ValidationError(
                {
                    "confirm_new": _(
                        "Organisations with a similar name already exist: %(names)s. If yours "
                        "is one of them, choose it instead; if it is another organisation, "
                        "confirm that and save again."
                    )
                    % {"names": ", ".join(organisation_label(o, with_kind=True) for o in similar)}
                }
            )
    return data


@transaction.atomic
def organisation_create(
    *, actor, municipality: Municipality, data: dict, allow_similar: bool = False
) -> Organisation:
    """Add a unit of `municipality` or a local organisation on its behalf."""
    require(actor, "accounts.add_organisation", municipality)
    values = _check(data, municipality=municipality, allow_similar=allow_similar)
    organisation = Organisation(
        municipality=municipality, created_by_municipality=municipality, **values
    )
    with _acting_as(actor):
        organisation.full_clean()
        organisation.save()
    return organisation


def create_local_organisation(
    *,
    actor,
    municipality: Municipality,
    kind: str,
    name_fi: str,
    name_sv: str = "",
    name_en: str = "",
    business_id: str = "",
    allow_similar: bool = False,
) -> Organisation:
    """A local organisation (association, company, school, …) added on behalf of
    `municipality`: what the spreadsheet import offers for a name it did not find."""
    if kind not in Organisation.LOCAL_KINDS:
        raise DomainError(_("Choose the kind of a local organisation."))
    return organisation_create(
        actor=actor,
        municipality=municipality,
        data={
            "kind": kind,
            "name_fi": name_fi,
            "name_sv": name_sv,
            "name_en": name_en,
            "business_id": business_id,
        },
        allow_similar=allow_similar,
    )


@transaction.atomic
def organisation_update(
    *,
    actor,
    organisation: Organisation,
    expected_version: int,
    data: dict,
    allow_similar: bool = False,
) -> Organisation:
    require(actor, "accounts.change_organisation", organisation)
    home = organisation.created_by_municipality or organisation.municipality
    values = _check(
        data, municipality=home, exclude_pk=organisation.pk, allow_similar=allow_similar
    )
    if (organisation.kind == Organisation.Kind.MUNICIPAL_UNIT) != (
        values["kind"] == Organisation.Kind.MUNICIPAL_UNIT
    ):
        raise ValidationError({"kind": _("A unit stays a unit and an organisation stays one.")})
    with _acting_as(actor):
        return versioned_update(obj=organisation, expected_version=expected_version, changes=values)


# --- login protection and the second factor ---------------------------------------------------


@transaction.atomic
def totp_device_start(*, user: User, device: TOTPDevice) -> TOTPDevice:
    """Store the key being set up (selectors.totp_setup_device) when a code is entered for it, so
    that wrong codes are throttled; an earlier try's unconfirmed key goes."""
    if device.user_id != user.pk:
        raise ValueError("another user's key")
    if device.pk is None:
        TOTPDevice.objects.devices_for_user(user, confirmed=False).delete()
        device.save()
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


# --- single sign-on: identities, account requests -----------------------------------------------


@dataclass(frozen=True)
class SignOn:
    """What a login through an identity provider came to: `user` may log in when `state` is
    approved; otherwise the request waits or was refused."""

    state: str
    user: User | None = None


def _free_username(email: str, subject: str) -> str:
    base = (email or subject)[:140]
    name, n = base, 1
    while User.objects.filter(username=name).exists():
        n += 1
        name = f"{base}-{n}"
    return name


def _organisation_of(provider) -> Organisation | None:
    key = provider.organisation
    if not key:
        return None
    return (
        Organisation.objects.filter(reference_key=key).first()
        or Organisation.objects.filter(business_id=normalise_business_id(key)).first()
    )


@transaction.atomic
def sign_on_identify(*, provider, claims: dict) -> SignOn:
    """The account of a person the provider vouched for (its ID token checked). Roles never come
    from the provider alone: a known identity keeps its decision; an active user with the same
    e-mail address in one of the provider's domains is linked; configured claims may give a
    role in the provider's organisation; anyone else gets an inactive account and a request."""
    subject = str(claims["sub"])
    email = str(claims.get("email") or "").strip().lower()
    name = str(claims.get("name") or "").strip()[:200]
    existing = (
        AccountRequest.objects.select_for_update()
        .select_related("user")
        .filter(provider=provider.key, subject=subject)
        .first()
    )
    if existing is not None:
        if existing.state == AccountRequest.State.APPROVED and existing.user.is_active:
            return SignOn(state=existing.state, user=existing.user)
        state = existing.state
        if state == AccountRequest.State.APPROVED:
            state = AccountRequest.State.REFUSED  # approved once, closed since
        return SignOn(state=state, user=existing.user)
    organisation = _organisation_of(provider)
    verified = claims.get("email_verified", True) is not False
    known = None
    if email and verified and provider.serves(email):
        matches = list(
            User.objects.filter(email__iexact=email, is_active=True, account_request__isnull=True)[
                :2
            ]
        )
        known = matches[0] if len(matches) == 1 else None
    role = provider.role_from(claims) if organisation else None
    request = AccountRequest(
        provider=provider.key, subject=subject, email=email, name=name, organisation=organisation
    )
    if known is not None:
        request.user = known
        request.state = AccountRequest.State.APPROVED
    else:
        first, _sep, last = name.partition(" ")
        user = User(username=_free_username(email, subject), email=email, is_active=bool(role))
        user.first_name, user.last_name = first[:150], last[:150]
        user.set_unusable_password()
        user.save()
        request.user = user
        request.state = AccountRequest.State.APPROVED if role else AccountRequest.State.PENDING
        if role:
            role_grant(user=user, organisation=organisation, role=role, valid_from=today())
    request.decided_at = timezone.now() if request.state == AccountRequest.State.APPROVED else None
    request.save()
    return SignOn(state=request.state, user=request.user)


def _decide(account_request: AccountRequest, actor: User, state: str) -> None:
    require(actor, "accounts.decide_account_request", account_request)
    locked = AccountRequest.objects.select_for_update().get(pk=account_request.pk)
    if locked.state != AccountRequest.State.PENDING:
        raise DomainError(_("This request has already been decided."))
    account_request.state = state
    account_request.decided_by = actor
    account_request.decided_at = timezone.now()
    account_request.save(update_fields=["state", "decided_by", "decided_at", "updated_at"])


@transaction.atomic
def account_request_approve(
    *, actor: User, account_request: AccountRequest, role: str
) -> AccountRequest:
    """Let the person in with `role` in the request's organisation (from today)."""
    with _acting_as(actor):
        organisation = account_request.organisation
        if organisation is None:
            raise DomainError(_("The request names no organisation; an administrator adds it."))
        if role not in {value for value, _label in roles_offered(organisation=organisation)}:
            raise ValidationError({"role": _("This role cannot be given in this organisation.")})
        _decide(account_request, actor, AccountRequest.State.APPROVED)
        user = account_request.user
        user.is_active = True
        user.save(update_fields=["is_active"])
        role_grant(user=user, organisation=organisation, role=role, valid_from=today())
    return account_request


@transaction.atomic
def account_request_refuse(*, actor: User, account_request: AccountRequest) -> AccountRequest:
    """Keep the person out; the account stays inactive and later logins are refused."""
    with _acting_as(actor):
        _decide(account_request, actor, AccountRequest.State.REFUSED)
    return account_request
