"""The lifecycle's forms: moving a plan on (with the reason when statutory requirements are
unmet), recording the decision, and entering an earlier adopted plan as a historical record."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import (
    DateInput,
    offer,
)
from kotoplan.geography.models import Municipality

from ..models import (
    DecisionStep,
    Plan,
    web_address,
)
from ..models.texts import text_fields

# --- the lifecycle ----------------------------------------------------------------------------


class TransitionForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    override_reason = forms.CharField(
        label=_("Reason for going on with statutory requirements unmet"),
        help_text=_(
            "Required while statutory requirements are unmet. The reason is recorded and shown "
            "to the regional authority on the plan page."
        ),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
    )

    def __init__(self, *args, needs_reason: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        if needs_reason:
            self.fields["override_reason"].required = True
        else:
            del self.fields["override_reason"]

    def reason(self) -> str:
        return self.cleaned_data.get("override_reason", "")

    def decision(self) -> dict | None:
        return None


class DecisionForm(TransitionForm):
    """The adoption: recorded on the plan and as the approving step of its decision trail."""

    decision_body_kind = forms.ChoiceField(
        label=_("Kind of deciding body"),
        choices=DecisionStep.BodyKind.choices,
        initial=DecisionStep.BodyKind.COUNCIL,
    )
    decision_body = forms.CharField(
        label=_("Deciding body"),
        max_length=200,
        help_text=_("As the minutes name it, e.g. Kaupunginvaltuusto."),
    )
    decision_date = forms.DateField(label=_("Decision date"), widget=DateInput())
    decision_reference = forms.CharField(
        label=_("Section (§)"), max_length=200, required=False, help_text=_("For example § 45.")
    )
    decision_case_number = forms.CharField(
        label=_("Case number"),
        max_length=100,
        required=False,
        help_text=_("The record number (diaarinumero), e.g. TRE:1234/00.01.02/2025."),
    )
    decision_url = forms.URLField(
        label=_("Link to the minutes"), required=False, validators=[web_address]
    )

    def decision(self) -> dict:
        return self.cleaned_data


# --- historical records -----------------------------------------------------------------------

STEP_FIELDS = ("body_kind", "body_name", "decided_on", "section", "case_number", "outcome")
# The usual trail of a plan: prepared by a committee, proposed by the board, approved by the
# council. Each row can be changed or left empty.
STEP_DEFAULTS = (
    (DecisionStep.BodyKind.COMMITTEE, DecisionStep.Outcome.PROPOSED),
    (DecisionStep.BodyKind.BOARD, DecisionStep.Outcome.PROPOSED),
    (DecisionStep.BodyKind.COUNCIL, DecisionStep.Outcome.APPROVED),
    (DecisionStep.BodyKind.OTHER, DecisionStep.Outcome.NOTED),
)


class HistoricalPlanForm(forms.ModelForm):
    """An earlier adopted plan: what identifies it, its documents and up to four decision
    steps (a step counts when its body or date is given)."""

    lead_municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Municipality")
    )
    series = forms.ModelChoiceField(
        queryset=Plan.objects.none(),
        required=False,
        label=_("Version of an existing plan"),
        help_text=_("Optional: the plan whose earlier version this was."),
    )

    class Meta:
        model = Plan
        fields = [
            *text_fields("title"),
            "legal_basis",
            "period_start",
            "period_end",
            "form",
            "document_url",
            "host_document_name",
            "host_document_url",
        ]

    def __init__(self, *args, municipalities, series, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["lead_municipality"], municipalities)
        self.fields["series"].queryset = series
        self.fields["legal_basis"].initial = Plan.LegalBasis.ACT_2010
        self.fields["document_url"].validators.append(web_address)
        self.fields["host_document_url"].validators.append(web_address)
        model = DecisionStep._meta
        for number, (kind, outcome) in enumerate(STEP_DEFAULTS, start=1):
            for name in STEP_FIELDS:
                field = model.get_field(name).formfield(required=False)
                if name == "decided_on":
                    field.widget = DateInput()
                self.fields[f"step{number}_{name}"] = field
            self.fields[f"step{number}_minutes_url"] = forms.URLField(
                label=model.get_field("minutes_url").verbose_name,
                required=False,
                validators=[web_address],
            )
            self.fields[f"step{number}_body_kind"].initial = kind
            self.fields[f"step{number}_outcome"].initial = outcome
        self.fieldsets = [
            (
                _("The plan"),
                ["lead_municipality", "series", *self._meta.fields],
            ),
            *[
                (
                    _("Decision step %(n)s") % {"n": n},
                    [f"step{n}_{name}" for name in (*STEP_FIELDS, "minutes_url")],
                )
                for n in range(1, len(STEP_DEFAULTS) + 1)
            ],
        ]

    def clean(self):
        data = super().clean()
        for number in range(1, len(STEP_DEFAULTS) + 1):
            used = any(
                data.get(f"step{number}_{name}")
                for name in ("body_name", "decided_on", "section", "case_number", "minutes_url")
            )
            if not used:
                continue
            for name, message in (
                ("body_name", _("Name the body of this step.")),
                ("decided_on", _("Give the meeting date of this step.")),
            ):
                if not data.get(f"step{number}_{name}") and f"step{number}_{name}" in self.fields:
                    self.add_error(f"step{number}_{name}", message)
        return data

    def plan_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def steps(self) -> list[dict]:
        """The decision steps filled in, in the order of the form."""
        found = []
        for number in range(1, len(STEP_DEFAULTS) + 1):
            step = {
                name: self.cleaned_data.get(f"step{number}_{name}") or ""
                for name in (*STEP_FIELDS, "minutes_url")
            }
            if step["body_name"] and step["decided_on"]:
                found.append(step)
        return found
