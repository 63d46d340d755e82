from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from kotoplan.audit.services import save_changes, save_new
from kotoplan.audit.services.erasure import trail_fields_blank
from kotoplan.core.clock import today
from kotoplan.core.permissions import require

from ..models import CooperationGroup, Membership, Representative, default_category

MEMBERSHIP_FIELDS = ("category", "start_date", "end_date")
REPRESENTATIVE_FIELDS = (
    "role",
    "name",
    "title",
    "email",
    "phone",
    "user",
    "start_date",
    "end_date",
)


def _check_within_membership(representative: Representative, membership: Membership) -> None:
    errors = {}
    if representative.start_date and representative.start_date < membership.start_date:
        errors["start_date"] = _("The representative's period starts before the membership.")
    if membership.end_date and (
        representative.end_date is None or representative.end_date > membership.end_date
    ):
        errors["end_date"] = _("The representative's period ends after the membership.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def membership_add(*, actor, group: CooperationGroup, organisation, data: dict) -> Membership:
    """Add a member organisation. Without a category the organisation kind's default is used."""
    require(actor, "cooperation.manage_group", group)
    category = data.get("category") or default_category(organisation)
    if not category:
        raise ValidationError({"category": _("Choose the category of this member.")})
    membership = Membership(
        group=group,
        organisation=organisation,
        category=category,
        start_date=data.get("start_date"),
        end_date=data.get("end_date"),
    )
    return save_new(actor=actor, obj=membership)


@transaction.atomic
def membership_update(*, actor, membership: Membership, data: dict) -> Membership:
    require(actor, "cooperation.manage_group", membership.group)
    membership = Membership.objects.select_for_update().get(pk=membership.pk)
    for name in MEMBERSHIP_FIELDS:
        if name in data:
            setattr(membership, name, data[name])
    if not membership.category:
        raise ValidationError({"category": _("Choose the category of this member.")})
    membership.clean()
    for representative in membership.representatives.all():
        try:
            _check_within_membership(representative, membership)
        except ValidationError as exc:
            raise ValidationError(
                _("%(name)s's period would fall outside the membership: change it first.")
                % {"name": representative.name}
            ) from exc
    return save_changes(actor=actor, obj=membership)


@transaction.atomic
def representative_add(*, actor, membership: Membership, data: dict) -> Representative:
    require(actor, "cooperation.manage_group", membership.group)
    representative = Representative(
        membership=membership,
        **{name: data[name] for name in REPRESENTATIVE_FIELDS if name in data},
    )
    _check_within_membership(representative, membership)
    return save_new(actor=actor, obj=representative)


@transaction.atomic
def representative_update(*, actor, representative: Representative, data: dict) -> Representative:
    membership = representative.membership
    require(actor, "cooperation.manage_group", membership.group)
    representative = Representative.objects.select_for_update().get(pk=representative.pk)
    for name in REPRESENTATIVE_FIELDS:
        if name in data:
            setattr(representative, name, data[name])
    _check_within_membership(representative, membership)
    return save_changes(actor=actor, obj=representative)


def representative_contacts_purge(*, older_than_days: int | None = None) -> int:
    """Remove the e-mail address and phone of representatives whose seat (or whose
    organisation's membership) ended more than KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS
    (or `older_than_days`) ago: they were kept for invitations, and no more come. The name and
    title stay with the group's statutory record; the audit entries of those seats lose the
    address and phone too. Returns how many representatives lost their details."""
    days = (
        settings.KOTOPLAN_REPRESENTATIVE_CONTACT_RETENTION_DAYS
        if older_than_days is None
        else older_than_days
    )
    cutoff = today() - timedelta(days=days)
    ended = Q(end_date__lt=cutoff) | Q(membership__end_date__lt=cutoff)
    with transaction.atomic():
        due = Representative.objects.filter(ended).exclude(email="", phone="")
        ids = list(due.values_list("pk", flat=True))
        Representative.objects.filter(pk__in=ids).update(email="", phone="")
        trail_fields_blank(model=Representative, ids=ids, fields=("email", "phone"))
    return len(ids)
