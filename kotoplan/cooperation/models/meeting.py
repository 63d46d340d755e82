import uuid

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import (
    TimeStampedModel,
    VersionedModel,
    optional_link,
    period_order,
    user_link,
)

from .fields import group_link


class MeetingPart:
    """A row that belongs to a meeting: its audit entries carry the group's id."""

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.meeting.group_id}


class Meeting(VersionedModel):
    """A meeting of the group. Once its minutes are approved the whole record is frozen."""

    class MinutesState(models.TextChoices):
        DRAFT = "draft", _("Draft")
        APPROVED = "approved", _("Approved")

    group = group_link("meetings")
    uid = models.UUIDField(default=uuid.uuid4, editable=False, unique=True)
    title = models.CharField(_("title"), max_length=300)
    starts_at = models.DateTimeField(_("starts"))
    ends_at = models.DateTimeField(_("ends"))
    place = models.CharField(_("place"), max_length=300, blank=True)
    online_url = models.URLField(_("online meeting link"), blank=True)
    invitations_sent_at = models.DateTimeField(_("invitations sent"), null=True, blank=True)
    minutes = models.TextField(_("minutes"), blank=True)
    decisions = models.TextField(_("decisions"), blank=True)
    minutes_state = models.CharField(
        _("minutes"), max_length=20, choices=MinutesState.choices, default=MinutesState.DRAFT
    )
    minutes_approved_at = models.DateTimeField(_("minutes approved"), null=True, blank=True)
    minutes_approved_by = user_link(optional=True)

    class Meta:
        ordering = ["-starts_at", "pk"]
        verbose_name = _("meeting")
        verbose_name_plural = _("meetings")
        constraints = [
            period_order("cooperation_meeting_order", "starts_at", "ends_at"),
            models.CheckConstraint(
                condition=~Q(minutes_state="approved") | Q(minutes_approved_at__isnull=False),
                name="cooperation_meeting_approval_dated",
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def clean(self) -> None:
        if self.starts_at and self.ends_at and self.ends_at < self.starts_at:
            raise ValidationError({"ends_at": gettext("The meeting ends before it starts.")})
        if not (self.place or self.online_url):
            raise ValidationError({"place": gettext("Give the place or an online meeting link.")})

    @property
    def is_frozen(self) -> bool:
        return self.minutes_state == self.MinutesState.APPROVED

    def get_additional_data(self) -> dict:
        return {"cooperation_group_id": self.group_id}


class AgendaItem(MeetingPart, TimeStampedModel):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    order = models.PositiveSmallIntegerField(_("order"), default=0)
    title = models.CharField(_("item"), max_length=300)
    objective = optional_link("planning.Objective", _("plan objective"))
    measure = optional_link("planning.Measure", _("plan measure"))

    class Meta:
        ordering = ["order", "pk"]
        verbose_name = _("agenda item")
        verbose_name_plural = _("agenda items")

    def __str__(self) -> str:
        return self.title


class Attendance(MeetingPart, models.Model):
    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="attendance")
    representative = models.ForeignKey(
        "cooperation.Representative", on_delete=models.CASCADE, related_name="attendance"
    )
    present = models.BooleanField(_("present"), default=False)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "representative"], name="cooperation_attendance_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.representative} @ {self.meeting}"


class MeetingDocument(MeetingPart, TimeStampedModel):
    """A document of the meeting, stored elsewhere and linked here."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="documents")
    title = models.CharField(_("title"), max_length=300)
    url = models.URLField(_("link"))

    class Meta:
        ordering = ["pk"]
        verbose_name = _("meeting document")
        verbose_name_plural = _("meeting documents")

    def __str__(self) -> str:
        return self.title
