"""Input shape and field errors of the dialogue and discussion forms; the rules live in services."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import DateInput, offer
from kotoplan.core.text import text_of
from kotoplan.planning.models import Objective, Plan

from ..readiness.rules import RULES


class _ObjectiveLabels:
    def label_from_instance(self, obj: Objective) -> str:
        return text_of(obj, "title").value or str(obj.pk)


class ObjectiveChoiceField(_ObjectiveLabels, forms.ModelChoiceField):
    pass


class ObjectivesChoiceField(_ObjectiveLabels, forms.ModelMultipleChoiceField):
    pass


def _objectives(plan: Plan):
    return Objective.objects.filter(plan=plan).select_related("theme")


def rule_choices() -> list[tuple[str, str]]:
    return [("", _("None"))] + [(rule.id, f"{rule.id}: {rule.title}") for rule in RULES.values()]


class ObservationForm(forms.Form):
    subject = forms.CharField(label=_("Subject"), max_length=200)
    text = forms.CharField(
        label=_("What is missing or unclear"),
        widget=forms.Textarea(attrs={"rows": 6}),
        help_text=_("Be specific: what the plan should contain, and where the basis is."),
    )
    rule_id = forms.ChoiceField(label=_("Readiness check"), required=False)
    objective = ObjectiveChoiceField(
        label=_("Objective"), queryset=Objective.objects.none(), required=False
    )
    reply_due = forms.DateField(label=_("Reply expected by"), widget=DateInput())

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["rule_id"].choices = rule_choices()
        self.fields["rule_id"].help_text = _(
            "Optional: the rule of the readiness check the observation concerns."
        )
        self.fields["objective"].queryset = _objectives(plan)
        self.fields["objective"].help_text = _("Optional: the objective it concerns.")


class ReplyForm(forms.Form):
    text = forms.CharField(label=_("Reply"), widget=forms.Textarea(attrs={"rows": 5}))
    changes_made = forms.CharField(
        label=_("What was changed in the plan"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Leave empty if nothing was changed."),
    )
    changed_objectives = ObjectivesChoiceField(
        label=_("Objectives that were changed"),
        queryset=Objective.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["changed_objectives"].queryset = _objectives(plan)
        if not self.fields["changed_objectives"].queryset.exists():
            del self.fields["changed_objectives"]


class ResolveForm(forms.Form):
    comment = forms.CharField(
        label=_("Comment"),
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        help_text=_("Optional: why the matter is settled."),
    )


class ReopenForm(forms.Form):
    comment = forms.CharField(
        label=_("Why the observation is reopened"), widget=forms.Textarea(attrs={"rows": 3})
    )
    reply_due = forms.DateField(
        label=_("New date for the reply"),
        widget=DateInput(),
        required=False,
        help_text=_("Leave empty to keep the earlier date."),
    )


class DiscussionForm(forms.Form):
    municipality = forms.ModelChoiceField(label=_("Municipality"), queryset=None)
    held_on = forms.DateField(label=_("Date of the discussion"), widget=DateInput())
    participants = forms.CharField(
        label=_("Participants"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Names and organisations, one per line."),
    )
    topics = forms.CharField(label=_("Topics discussed"), widget=forms.Textarea(attrs={"rows": 6}))

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["municipality"], municipalities)


class FollowUpForm(forms.Form):
    text = forms.CharField(label=_("Agreed follow-up"), widget=forms.Textarea(attrs={"rows": 2}))
    responsible = forms.CharField(label=_("Responsible"), max_length=200)
    due_date = forms.DateField(label=_("Due date"), widget=DateInput(), required=False)
