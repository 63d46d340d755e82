"""What recurs in the register's models: dated periods and the links to the group."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext as _

from kotoplan.core.models import DatedQuerySet, TimeStampedModel, link, period_order


def period_fields(starts, ends) -> tuple[models.DateField, models.DateField]:
    """A start date and an optional end date, labelled `starts` and `ends`."""
    return models.DateField(starts), models.DateField(ends, null=True, blank=True)


class DatedModel(TimeStampedModel):
    """A row in force for a period: `start_date` and an optional `end_date` (both inclusive),
    declared by the model with its own labels through `period_fields`."""

    dated_by = ("start_date", "end_date")
    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True
        constraints = [
            period_order(
                "%(app_label)s_%(class)s_date_order", "start_date", "end_date", open_end=True
            )
        ]

    def clean(self) -> None:
        if self.start_date and self.end_date and self.end_date < self.start_date:
            raise ValidationError({"end_date": _("The period ends before it starts.")})


def group_link(related_name: str) -> models.ForeignKey:
    return link("cooperation.CooperationGroup", related_name=related_name)


def membership_link(verbose_name, related_name: str) -> models.ForeignKey:
    """The member organisation on whose behalf something is done; kept while referred to."""
    return link(
        "cooperation.Membership", verbose_name, on_delete=models.PROTECT, related_name=related_name
    )
