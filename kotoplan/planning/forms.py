"""Input shape and field errors only; the rules live in services."""

from django import forms
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import Organisation
from kotoplan.core.models import translated
from kotoplan.geography.models import AreaMembership, Municipality

from .models import Indicator, Measure, Milestone, Objective, Plan, TargetGroup, Theme

LANGUAGE_CHOICES = [("fi", _("Finnish")), ("sv", _("Swedish")), ("en", _("English"))]


class VersionedForm(forms.ModelForm):
    """Carries the version the user loaded so a concurrent save is detected."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version

    def model_data(self) -> dict:
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields
            if name in self.cleaned_data
            and not isinstance(self.fields[name], forms.ModelMultipleChoiceField)
        }

    def m2m_data(self) -> dict:
        return {
            name: list(self.cleaned_data[name])
            for name in self._meta.fields
            if isinstance(self.fields.get(name), forms.ModelMultipleChoiceField)
            and name in self.cleaned_data
        }


def organisations_for_plan(plan: Plan):
    """Parties that can own a measure in the plan: national bodies and organisations tied to the
    plan's municipalities or to the areas those municipalities belong to."""
    municipality_ids = list(plan.municipalities.values_list("pk", flat=True))
    area_ids = AreaMembership.objects.filter(municipality__in=municipality_ids).values("area_id")
    return Organisation.objects.filter(
        Q(municipality__isnull=True, area__isnull=True)
        | Q(municipality__in=municipality_ids)
        | Q(area__in=area_ids)
    ).order_by("name_fi")


class PlanCreateForm(forms.ModelForm):
    lead_municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(), label=_("Municipality")
    )

    class Meta:
        model = Plan
        fields = ["title_fi", "title_sv", "title_en", "period_start", "period_end", "form"]

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lead_municipality"].queryset = municipalities
        if municipalities.count() == 1:
            self.fields["lead_municipality"].initial = municipalities.first()

    def clean(self):
        data = super().clean()
        _check_period(self, data)
        if not any(data.get(f"title_{code}") for code in ("fi", "sv", "en")):
            self.add_error("title_fi", _("Give the plan a title in at least one language."))
        return data


def _check_period(form, data) -> None:
    start, end = data.get("period_start"), data.get("period_end")
    if start and end and end < start:
        form.add_error("period_end", _("The period ends before it starts."))


def _theme_label(theme: Theme) -> str:
    return translated(theme, "name")[0]


class PlanBasicsForm(VersionedForm):
    languages = forms.MultipleChoiceField(
        choices=LANGUAGE_CHOICES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Languages the plan is published in"),
    )
    municipalities = forms.ModelMultipleChoiceField(
        queryset=Municipality.objects.in_act_scope(),
        required=False,
        label=_("Municipalities of a joint plan"),
        help_text=_(
            "For a plan made together with other municipalities. The lead municipality "
            "is always included."
        ),
    )

    class Meta:
        model = Plan
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "languages",
            "period_start",
            "period_end",
            "municipalities",
            "form",
            "host_document_name",
            "host_document_url",
            "host_document_approval",
            "mainstreaming_fi",
            "mainstreaming_sv",
            "mainstreaming_en",
            "coordinating_unit",
            "coordinating_authority",
            "contact_name",
            "contact_email",
            "contact_phone",
            "programme_mode",
            "programme_url",
            "programme_note",
            "county_coordination",
            "employment_area_coordination",
            "covers_all_immigrants",
            "covers_good_relations",
            "has_cooperation_group",
            "cooperation_group_note",
            "authority_contacted_on",
            "participation_evidence",
            "monitoring_cycle",
            "monitoring_description",
        ]
        widgets = {
            "authority_contacted_on": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        } | {
            name: forms.Textarea(attrs={"rows": 3})
            for name in (
                "mainstreaming_fi",
                "mainstreaming_sv",
                "mainstreaming_en",
                "programme_note",
                "county_coordination",
                "employment_area_coordination",
                "cooperation_group_note",
                "participation_evidence",
                "monitoring_description",
            )
        }

    fieldsets = [
        (
            _("Title, languages and period"),
            [
                "title_fi",
                "title_sv",
                "title_en",
                "languages",
                "period_start",
                "period_end",
                "municipalities",
            ],
        ),
        (
            _("Form of the plan"),
            [
                "form",
                "host_document_name",
                "host_document_url",
                "host_document_approval",
                "mainstreaming_fi",
                "mainstreaming_sv",
                "mainstreaming_en",
            ],
        ),
        (
            _("Responsibility"),
            [
                "coordinating_unit",
                "coordinating_authority",
                "contact_name",
                "contact_email",
                "contact_phone",
            ],
        ),
        (_("Integration programme"), ["programme_mode", "programme_url", "programme_note"]),
        (_("Coordination"), ["county_coordination", "employment_area_coordination"]),
        (_("Scope"), ["covers_all_immigrants", "covers_good_relations"]),
        (
            _("Cooperation and participation"),
            [
                "has_cooperation_group",
                "cooperation_group_note",
                "authority_contacted_on",
                "participation_evidence",
            ],
        ),
        (_("Monitoring"), ["monitoring_cycle", "monitoring_description"]),
    ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["coordinating_unit"].queryset = Organisation.objects.filter(
            kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.MUNICIPAL_UNIT],
            municipality__in=self.instance.municipalities.all(),
        )
        # One text field per statutory theme, stored together in Plan.theme_justifications.
        saved = self.instance.theme_justifications or {}
        names = []
        for theme in Theme.objects.filter(statutory=True):
            name = f"justification_{theme.code}"
            self.fields[name] = forms.CharField(
                label=_theme_label(theme),
                required=False,
                initial=saved.get(theme.code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Only if the plan sets no objective under this theme: why not."),
            )
            names.append(name)
        self.fieldsets = [
            *type(self).fieldsets,
            (_("Statutory themes left out, with the reason"), names),
        ]

    def model_data(self) -> dict:
        data = super().model_data()
        data["theme_justifications"] = {
            name.removeprefix("justification_"): value.strip()
            for name, value in self.cleaned_data.items()
            if name.startswith("justification_") and value and value.strip()
        }
        return data

    def clean(self):
        data = super().clean()
        _check_period(self, data)
        if not any(data.get(f"title_{code}") for code in ("fi", "sv", "en")):
            self.add_error("title_fi", _("Give the plan a title in at least one language."))
        if data.get("form") == Plan.Form.PART_OF_OTHER and not data.get("host_document_name"):
            self.add_error(
                "host_document_name", _("Name the document that the integration plan is part of.")
            )
        if data.get("programme_mode") == Plan.Programme.LINKED and not data.get("programme_url"):
            self.add_error("programme_url", _("Give the link to the integration programme."))
        return data


class SituationForm(VersionedForm):
    fieldsets = [
        (
            _("Figures"),
            ["situation_quantitative_fi", "situation_quantitative_sv", "situation_quantitative_en"],
        ),
        (
            _("Needs, reception and views"),
            ["situation_qualitative_fi", "situation_qualitative_sv", "situation_qualitative_en"],
        ),
    ]

    class Meta:
        model = Plan
        fields = [
            "situation_quantitative_fi",
            "situation_quantitative_sv",
            "situation_quantitative_en",
            "situation_qualitative_fi",
            "situation_qualitative_sv",
            "situation_qualitative_en",
        ]
        widgets = {name: forms.Textarea(attrs={"rows": 6}) for name in fields}


class ObjectiveForm(VersionedForm):
    class Meta:
        model = Objective
        fields = [
            "theme",
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "target_groups",
            "order",
        ]
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "target_groups": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["theme"].queryset = Theme.objects.all()
        self.fields["target_groups"].queryset = TargetGroup.objects.filter(plan=plan)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in ("fi", "sv", "en")):
            self.add_error("title_fi", _("Give the objective a title in at least one language."))
        return data


class MeasureForm(VersionedForm):
    class Meta:
        model = Measure
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "description_fi",
            "description_sv",
            "description_en",
            "responsible_organisation",
            "responsible_unit",
            "responsible_contact",
            "partners",
            "schedule_start",
            "schedule_end",
            "schedule_note",
            "resources",
            "status",
            "order",
        ]
        widgets = {
            "description_fi": forms.Textarea(attrs={"rows": 3}),
            "description_sv": forms.Textarea(attrs={"rows": 3}),
            "description_en": forms.Textarea(attrs={"rows": 3}),
            "resources": forms.Textarea(attrs={"rows": 2}),
            "schedule_start": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "schedule_end": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
            "partners": forms.SelectMultiple(attrs={"size": 8}),
        }

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)
        organisations = organisations_for_plan(plan)
        self.fields["responsible_organisation"].queryset = organisations
        self.fields["partners"].queryset = organisations

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in ("fi", "sv", "en")):
            self.add_error("title_fi", _("Give the measure a title in at least one language."))
        start, end = data.get("schedule_start"), data.get("schedule_end")
        if start and end and end < start:
            self.add_error("schedule_end", _("The measure ends before it starts."))
        return data


class MeasureProgressForm(VersionedForm):
    """What a contributor of the responsible organisation may change."""

    class Meta:
        model = Measure
        fields = [
            "description_fi",
            "description_sv",
            "description_en",
            "responsible_contact",
            "schedule_start",
            "schedule_end",
            "schedule_note",
            "resources",
            "status",
        ]
        widgets = MeasureForm.Meta.widgets

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)


class IndicatorForm(VersionedForm):
    class Meta:
        model = Indicator
        fields = [
            "name_fi",
            "name_sv",
            "name_en",
            "measure",
            "unit",
            "source",
            "source_code",
            "baseline_value",
            "baseline_year",
            "target_value",
            "target_year",
            "direction",
        ]

    def __init__(self, *args, plan: Plan, objective: Objective, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["measure"].queryset = Measure.objects.filter(objective=objective)
        self.fields["measure"].help_text = _("Optional: the measure this indicator follows.")

    def clean(self):
        data = super().clean()
        if not any(data.get(f"name_{code}") for code in ("fi", "sv", "en")):
            self.add_error("name_fi", _("Give the indicator a name in at least one language."))
        baseline, target = data.get("baseline_year"), data.get("target_year")
        if baseline and target and target < baseline:
            self.add_error("target_year", _("The target year is before the baseline year."))
        if data.get("baseline_value") is not None and not baseline:
            self.add_error("baseline_year", _("Give the year of the baseline value."))
        if data.get("target_value") is not None and not target:
            self.add_error("target_year", _("Give the year by which the target is reached."))
        if data.get("source") in (
            Indicator.Source.STATFIN,
            Indicator.Source.SOTKANET,
        ) and not data.get("source_code"):
            self.add_error("source_code", _("Give the table or indicator code of the source."))
        return data


class TargetGroupForm(VersionedForm):
    class Meta:
        model = TargetGroup
        fields = ["name_fi", "name_sv", "name_en", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"name_{code}") for code in ("fi", "sv", "en")):
            self.add_error("name_fi", _("Give the target group a name in at least one language."))
        return data


class MilestoneForm(VersionedForm):
    class Meta:
        model = Milestone
        fields = ["kind", "title_fi", "title_sv", "title_en", "due_date", "body", "done"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")}

    def __init__(self, *args, plan: Plan, **kwargs):
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        if not any(data.get(f"title_{code}") for code in ("fi", "sv", "en")):
            self.add_error("title_fi", _("Give the step a title in at least one language."))
        return data


class DecisionForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
    decision_body = forms.CharField(label=_("Deciding body"), max_length=200)
    decision_date = forms.DateField(
        label=_("Decision date"), widget=forms.DateInput(attrs={"type": "date"})
    )
    decision_reference = forms.CharField(
        label=_("Minutes reference"), max_length=200, required=False
    )
    decision_url = forms.URLField(label=_("Link to the minutes"), required=False)


class TransitionForm(forms.Form):
    expected_version = forms.IntegerField(widget=forms.HiddenInput)
