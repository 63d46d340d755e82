"""Input shape of monitoring round and progress forms; the rules live in services."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import DateInput

from .models import MeasureUpdate

MAX_LINKS = 10


class RoundOpenForm(forms.Form):
    period_label = forms.CharField(label=_("Period"), max_length=40)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput())


class MeasureUpdateForm(forms.Form):
    status = forms.ChoiceField(label=_("Status"), choices=MeasureUpdate.Status.choices)
    progress = forms.IntegerField(
        label=_("Progress (%)"), min_value=0, max_value=100, required=False
    )
    narrative = forms.CharField(
        label=_("What was done"),
        max_length=2000,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    evidence_links = forms.CharField(
        label=_("Evidence links"),
        help_text=_("One web address per line, e.g. a report or news item."),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    expected_version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, update: MeasureUpdate | None = None, **kwargs):
        """`update` is the report saved so far in the round (None before the first one)."""
        super().__init__(*args, **kwargs)
        self.initial = {"status": MeasureUpdate.Status.ON_TRACK}
        if update is not None:
            self.initial = {
                "status": update.status,
                "progress": update.progress,
                "narrative": update.narrative,
                "evidence_links": "\n".join(update.evidence_links),
                "expected_version": update.version,
            }

    def clean_evidence_links(self) -> list[str]:
        lines = [line.strip() for line in self.cleaned_data["evidence_links"].splitlines()]
        links = [line for line in lines if line]
        if len(links) > MAX_LINKS:
            raise ValidationError(_("Give at most %(n)s links."), params={"n": MAX_LINKS})
        check = URLValidator(schemes=["http", "https"])
        for number, link in enumerate(links, start=1):
            try:
                check(link)
            except ValidationError as error:
                raise ValidationError(
                    _("Line %(n)s is not a web address starting with http:// or https://."),
                    params={"n": number},
                ) from error
        return links


class IndicatorValueForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), min_value=1990, max_value=2100)
    value = forms.DecimalField(label=_("Value"), max_digits=14, decimal_places=2)
    note = forms.CharField(label=_("Note"), max_length=300, required=False)
