from datetime import date

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from kotoplan.accounts.models import Organisation
from kotoplan.audit.services import acting_as, save_new, save_version
from kotoplan.core.permissions import require
from kotoplan.core.services import required_texts
from kotoplan.geography.selectors import municipality_ids_in_areas

from ..models import CooperationGroup, NoGroupReason


def _own_fields(data: dict) -> dict:
    """The values of the group's own columns (its municipalities and plans are passed apart)."""
    columns = {
        field.name
        for field in CooperationGroup._meta.concrete_fields
        if field.editable and not field.primary_key
    }
    return {name: value for name, value in data.items() if name in columns}


def _check_shape(kind: str, appointed_by: Organisation, municipalities: list, plans: list) -> None:
    errors: dict[str, str] = {}
    municipality_ids = {m.pk for m in municipalities}
    if kind == CooperationGroup.Kind.MUNICIPAL and len(municipality_ids) != 1:
        errors["municipalities"] = _("A municipal group has exactly one municipality.")
    elif kind == CooperationGroup.Kind.JOINT and len(municipality_ids) < 2:
        errors["municipalities"] = _("A joint group has at least two municipalities.")
    if kind == CooperationGroup.Kind.REGIONAL:
        if appointed_by.kind != Organisation.Kind.REGIONAL_AUTHORITY:
            errors["appointed_by"] = _("A regional group is appointed by the regional authority.")
        else:
            in_area = set(
                municipality_ids_in_areas(area_ids=[appointed_by.area_id]).values_list(
                    "municipality_id", flat=True
                )
            )
            if municipality_ids - in_area:
                errors["municipalities"] = _(
                    "Only municipalities in the regional authority's area can use its group."
                )
    elif (
        appointed_by.kind != Organisation.Kind.MUNICIPALITY
        or appointed_by.municipality_id not in municipality_ids
    ):
        errors["appointed_by"] = _("Choose one of the group's municipalities.")
    for plan in plans:
        if not {m.pk for m in plan.municipalities.all()} & municipality_ids:
            errors["plans"] = _("The group can serve only plans of its municipalities.")
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def group_create(
    *, actor, data: dict, municipalities: list, plans: list | None = None
) -> CooperationGroup:
    require(actor, "cooperation.create_group")
    plans = list(plans or [])
    _check_shape(data["kind"], data["appointed_by"], municipalities, plans)
    group = CooperationGroup(**_own_fields(data))
    save_new(actor=actor, obj=group, municipalities=municipalities, plans=plans)
    # The actor must manage the group just created (the whole transaction is undone if not).
    require(actor, "cooperation.manage_group", CooperationGroup.objects.get(pk=group.pk))
    return group


@transaction.atomic
def group_update(
    *,
    actor,
    group: CooperationGroup,
    expected_version: int,
    data: dict,
    municipalities: list | None = None,
    plans: list | None = None,
) -> CooperationGroup:
    require(actor, "cooperation.manage_group", group)
    municipalities = (
        list(group.municipalities.all()) if municipalities is None else list(municipalities)
    )
    plans = list(group.plans.all()) if plans is None else list(plans)
    _check_shape(
        data.get("kind", group.kind),
        data.get("appointed_by", group.appointed_by),
        municipalities,
        plans,
    )
    updated = save_version(
        actor=actor,
        obj=group,
        expected_version=expected_version,
        changes=_own_fields(data),
        m2m={"municipalities": municipalities, "plans": plans},
    )
    require(actor, "cooperation.manage_group", CooperationGroup.objects.get(pk=group.pk))
    return updated


@transaction.atomic
def no_group_reason_record(*, actor, municipality, reason: str, decided_on: date) -> NoGroupReason:
    """Record (or replace) why the municipality needs no cooperation group of its own."""
    require(actor, "cooperation.record_no_group", municipality)
    reason = required_texts(reason=(reason, _("Explain why no group is needed.")))["reason"]
    with acting_as(actor):
        record, _created = NoGroupReason.objects.update_or_create(
            municipality=municipality,
            defaults={"reason": reason, "decided_on": decided_on, "recorded_by": actor},
        )
    return record
