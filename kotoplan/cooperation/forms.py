"""Input shape and field errors only; the rules live in services."""

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import Organisation
from kotoplan.accounts.selectors import operating_on, user_reach
from kotoplan.core.clock import today
from kotoplan.core.forms import (
    DATETIME_FORMAT,
    DateInput,
    DateTimeInput,
    ModelForm,
    VersionedModelForm,
    combobox,
    offer,
)
from kotoplan.core.templatetags.kotoplan import marked
from kotoplan.core.text import text_of
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Measure, Objective
from kotoplan.planning.selectors import plans_for_user

from .models import (
    Category,
    CooperationGroup,
    MeasureProposal,
    Meeting,
    Membership,
    Representative,
)
from .selectors import representatives_active_on


def _datetime_field(label) -> forms.DateTimeField:
    return forms.DateTimeField(
        label=label,
        input_formats=[DATETIME_FORMAT, "%Y-%m-%d %H:%M"],
        widget=DateTimeInput(),
    )


class GroupForm(VersionedModelForm):
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
            "appointed_on": DateInput(),
            "term_start": DateInput(),
            "term_end": DateInput(),
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
        # A body that has ceased (an ELY Centre after 2025) is not offered for a new appointment.
        appointing &= operating_on(today(), keep=self.instance.appointed_by_id)
        self.fields["appointed_by"].queryset = Organisation.objects.filter(appointing).order_by(
            "kind", "name_fi"
        )
        self.fields["plans"].queryset = plans_for_user(user=user)
        self.fields["plans"].required = False
        # a plan written only in Finnish keeps its title, marked, on a Swedish or English page
        self.fields["plans"].label_from_instance = lambda plan: marked(
            text_of(plan, "title"), bare=True
        )


class NoGroupReasonForm(forms.Form):
    municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Municipality")
    )
    reason = forms.CharField(label=_("Why no group is needed"), widget=forms.Textarea)
    decided_on = forms.DateField(label=_("Decided on"), widget=DateInput())

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = municipalities


class MembershipForm(ModelForm):
    class Meta:
        model = Membership
        fields = ["organisation", "category", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        kept = self.instance.organisation_id
        self.fields["organisation"].queryset = Organisation.objects.filter(
            operating_on(today(), keep=kept)
        ).order_by("name_fi")
        self.fields["organisation"].widget = combobox(self.fields["organisation"].widget)
        self.fields["category"].required = False
        self.fields["category"].choices = [
            ("", _("Derived from the kind of organisation")),
            *Category.choices,
        ]

    def model_data(self, *skip: str) -> dict:
        return super().model_data("organisation", *skip)


class RepresentativeForm(ModelForm):
    username = forms.CharField(
        label=_("User account (username)"),
        required=False,
        help_text=_("Optional. A linked user sees the group's workspace."),
    )

    class Meta:
        model = Representative
        fields = ["role", "name", "title", "email", "phone", "start_date", "end_date"]
        widgets = {"start_date": DateInput(), "end_date": DateInput()}

    def clean_username(self):
        username = self.cleaned_data["username"].strip()
        if not username:
            return None
        user = get_user_model().objects.filter(username=username, is_active=True).first()
        if user is None:
            raise forms.ValidationError(_("No active user has this username."))
        return user

    def model_data(self, *skip: str) -> dict:
        return {**super().model_data(*skip), "user": self.cleaned_data.get("username")}


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
        offer(self.fields["membership"], memberships)


class DecisionForm(forms.Form):
    decision = forms.CharField(
        label=_("Decision and its reasons"),
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Why no meeting is convened now, and what happens instead."),
    )


class MeetingForm(ModelForm):
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

    def agenda_items(self) -> list[dict]:
        lines = (line.strip() for line in self.cleaned_data.get("agenda", "").splitlines())
        return [{"title": line} for line in lines if line]


class MeetingPageForm(forms.Form):
    """A form on a meeting's page, made for that meeting: its choices and current values come
    from the meeting. A form without fields carries a button's action (approve, invite). The
    page shows several of them, so each names its fields' ids after itself ("document_title")."""

    def __init__(self, data=None, *, meeting, **kwargs):
        kwargs.setdefault("auto_id", type(self).__name__.removesuffix("Form").lower() + "_%s")
        super().__init__(data, **kwargs)
        self.meeting = meeting


class AgendaItemForm(MeetingPageForm):
    title = forms.CharField(label=_("Item"), max_length=300)
    objective = forms.ModelChoiceField(
        queryset=Objective.objects.none(), label=_("Plan objective"), required=False
    )
    measure = forms.ModelChoiceField(
        queryset=Measure.objects.none(), label=_("Plan measure"), required=False
    )

    def __init__(self, data=None, *, meeting, **kwargs):
        super().__init__(data, meeting=meeting, **kwargs)
        plans = meeting.group.plans.all()
        self.fields["objective"].queryset = Objective.objects.filter(plan__in=plans).select_related(
            "plan"
        )
        self.fields["measure"].queryset = Measure.objects.filter(objective__plan__in=plans)


class AttendanceForm(MeetingPageForm):
    present = forms.ModelMultipleChoiceField(
        queryset=Representative.objects.none(),
        label=_("Present"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, data=None, *, meeting, **kwargs):
        super().__init__(data, meeting=meeting, **kwargs)
        self.fields["present"].queryset = representatives_active_on(
            group=meeting.group, on=timezone.localdate(meeting.starts_at)
        )
        self.fields["present"].label_from_instance = lambda r: (
            f"{r.name} ({r.get_role_display()}, {r.membership.organisation})"
        )
        present = meeting.attendance.filter(present=True).values_list("representative_id")
        self.initial["present"] = [pk for (pk,) in present]


class MinutesForm(MeetingPageForm):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    minutes = forms.CharField(label=_("Minutes"), widget=forms.Textarea, required=False)
    decisions = forms.CharField(
        label=_("Decisions"), widget=forms.Textarea(attrs={"rows": 4}), required=False
    )

    def __init__(self, data=None, *, meeting, **kwargs):
        super().__init__(data, meeting=meeting, **kwargs)
        self.initial.update(
            expected_version=meeting.version, minutes=meeting.minutes, decisions=meeting.decisions
        )


class DocumentForm(MeetingPageForm):
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


class ProposalForm(ModelForm):
    class Meta:
        model = MeasureProposal
        fields = ["membership", "objective", "language", "title", "description"]

    def __init__(self, *args, plan, memberships, **kwargs):
        super().__init__(*args, **kwargs)
        offer(self.fields["membership"], memberships)
        self.fields["objective"].queryset = plan.objectives.all()


class DeclineForm(forms.Form):
    reason = forms.CharField(label=_("Reason"), widget=forms.Textarea(attrs={"rows": 3}))
