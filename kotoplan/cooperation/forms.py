"""Input shape and field errors only; the rules live in services."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import Organisation
from kotoplan.accounts.selectors import user_reach
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Measure, Objective
from kotoplan.planning.selectors import plans_for_user

from .categories import Category
from .models import CooperationGroup, MeasureProposal, Meeting, Membership, Representative

DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


def _date_widget() -> forms.DateInput:
    return forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


def _datetime_field(label) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=forms.DateTimeInput(attrs={"type": "datetime-local"}, format=DATETIME_FORMAT),
    )


class GroupForm(forms.ModelForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    class Meta:
        model = CooperationGroup
        fields = [
            "kind",
            "name",
            "municipalities",
            "appointed_by",
            "appointing_body",
            "appointed_on",
            "decision_reference",
            "mandate",
            "term_start",
            "term_end",
            "plans",
        ]
        widgets = {
            "appointed_on": _date_widget(),
            "term_start": _date_widget(),
            "term_end": _date_widget(),
            "municipalities": forms.SelectMultiple(attrs={"size": 6}),
            "plans": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        reach = user_reach(user=user)
        self.fields["municipalities"].queryset = Municipality.objects.in_act_scope()
        appointing = Q(kind=Organisation.Kind.MUNICIPALITY) | Q(
            kind=Organisation.Kind.REGIONAL_AUTHORITY
        )
        if not reach.admin:
            appointing &= Q(municipality__in=reach.coordinator_municipalities) | Q(
                area__in=reach.official_areas
            )
        self.fields["appointed_by"].queryset = Organisation.objects.filter(appointing).order_by(
            "kind", "name_fi"
        )
        self.fields["plans"].queryset = plans_for_user(user=user)
        self.fields["plans"].required = False
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def model_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields
            if name not in ("municipalities", "plans")
        }


class NoGroupReasonForm(forms.Form):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Municipality")
    )
    reason = forms.CharField(label=_("Why no group is needed"), widget=forms.Textarea)
    decided_on = forms.DateField(label=_("Decided on"), widget=_date_widget())

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class MembershipForm(forms.ModelForm):
    class Meta:
        model = Membership
        fields = ["organisation", "category", "start_date", "end_date"]
        widgets = {"start_date": _date_widget(), "end_date": _date_widget()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = Organisation.objects.order_by("name_fi")
        self.fields["category"].required = False
        self.fields["category"].choices = [
            ("", _("Derived from the kind of organisation")),
            *Category.choices,
        ]


class RepresentativeForm(forms.ModelForm):
    username = forms.CharField(
        label=_("User account (username)"),
        required=False,
        help_text=_("Optional. A linked user sees the group's workspace."),
    )

    class Meta:
        model = Representative
        fields = ["role", "name", "title", "email", "phone", "start_date", "end_date"]
        widgets = {"start_date": _date_widget(), "end_date": _date_widget()}

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active user has this username."))
        return user

    def model_data(self) -> dict:
        data = {name: self.cleaned_data[name] for name in self._meta.fields}
        data["user"] = self.cleaned_data.get("username")
        return data


class InitiativeForm(forms.Form):
    membership = forms.ModelChoiceField(queryset=Membership.objects.none(), label=_("On behalf of"))
    topic = forms.CharField(label=_("Topic"), max_length=300)
    reason = forms.CharField(label=_("Why the group should meet"), widget=forms.Textarea)
    proposed_timing = forms.CharField(
        label=_("Proposed timing"),
        max_length=200,
        required=False,
        help_text=_("For example: before the end of March, or at the next regular meeting."),
    )

    def __init__(self, *args, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
        if memberships.count() == 1:
            self.fields["membership"].initial = memberships.first()


class DecisionForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision and its reasons"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why no meeting is convened now, and what happens instead."),
    )


class MeetingForm(forms.ModelForm):
    starts_at = _datetime_field(_("Starts"))
    ends_at = _datetime_field(_("Ends"))
    agenda = forms.CharField(
        label=_("Agenda"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("One item per line. Items can be linked to the plan on the meeting page."),
    )

    class Meta:
        model = Meeting
        fields = ["title", "starts_at", "ends_at", "place", "online_url"]

    def clean(self):
        data = super().clean()
        if data.get("starts_at") and data.get("ends_at") and data["ends_at"] < data["starts_at"]:
            self.add_error("ends_at", _("The meeting ends before it starts."))
        return data

    def model_data(self) -> dict:
        return {name: self.cleaned_data[name] for name in self._meta.fields}

    def agenda_items(self) -> list[dict]:
        lines = (line.strip() for line in self.cleaned_data.get("agenda", "").splitlines())
        return [{"title": line} for line in lines if line]


def _plan_parts(group: CooperationGroup):
    plans = group.plans.all()
    objectives = Objective.objects.filter(plan__in=plans).select_related("plan")
    measures = Measure.objects.filter(objective__plan__in=plans)
    return objectives, measures


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Item"), max_length=300)
    objective = forms.ModelChoiceField(
        queryset=Objective.objects.none(), label=_("Plan objective"), required=False
    )
    measure = forms.ModelChoiceField(
        queryset=Measure.objects.none(), label=_("Plan measure"), required=False
    )

    def __init__(self, *args, group, **kwargs):
        super().__init__(*args, **kwargs)
        objectives, measures = _plan_parts(group)
        self.fields["objective"].queryset = objectives
        self.fields["measure"].queryset = measures


class AttendanceForm(forms.Form):
    present = forms.ModelMultipleChoiceField(
        queryset=Representative.objects.none(),
        label=_("Present"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, representatives, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["present"].queryset = representatives
        self.fields["present"].label_from_instance = lambda r: (
            f"{r.name} ({r.get_role_display()}, {r.membership.organisation})"
        )


class MinutesForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)
    decisions = forms.CharField(
        label=_("Decisions"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )


class DocumentForm(forms.Form):
    title = forms.CharField(label=_("Title"), max_length=300)
    url = forms.URLField(label=_("Link"), assume_scheme="https")


class CommentForm(forms.Form):
    text = forms.CharField(label=_("Comment"), widget=forms.Textarea(attrs={"rows": 3}))
    objective = forms.ModelChoiceField(
        queryset=Objective.objects.none(), label=_("About the objective"), required=False
    )

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = plan.objectives.all()


class ProposalForm(forms.ModelForm):
    class Meta:
        model = MeasureProposal
        fields = ["membership", "objective", "language", "title", "description"]

    def __init__(self, *args, plan, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["membership"].queryset = memberships
        self.fields["objective"].queryset = plan.objectives.all()
        if memberships.count() == 1:
            self.fields["membership"].initial = memberships.first()


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
