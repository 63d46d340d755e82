"""Input shape and field errors only; the rules live in the models' clean() and in services."""

from datetime import date

from django import forms
from django.conf import settings
from django.utils.text import format_lazy
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import Organisation
from kotoplan.accounts.selectors import (
    OrganisationGroup,
    operating_on,
    organisation_group,
    organisation_labels,
)
from kotoplan.core.forms import (
    DateInput,
    GroupedModelChoiceField,
    GroupedModelMultipleChoiceField,
    VersionedModelForm,
    combobox,
    offer,
)
from kotoplan.core.text import text_of
from kotoplan.geography.models import Municipality

from ..models import (
    Indicator,
    Measure,
    Milestone,
    Objective,
    Plan,
    PlanChapter,
    PlanInvitation,
    TargetGroup,
    Theme,
)
from ..models.texts import text_fields
from ..models.timespans import parse_period
from ..selectors import organisations_for_plan
from .base import PartForm, mark_needed_for_decision
from .decisions import DecisionStepForm as DecisionStepForm
from .decisions import LinkedDocumentForm as LinkedDocumentForm
from .help import BASICS_HELP, SITUATION_HELP


def textareas(*names: str, rows: int = 3) -> dict:
    return {name: forms.Textarea(attrs={"rows": rows}) for name in names}


def yes_or_no(label) -> forms.TypedChoiceField:
    """A question answered yes or no with radio buttons, nothing chosen until someone answers."""
    return forms.TypedChoiceField(
        label=label,
        choices=[("true", _("Yes")), ("false", _("No"))],
        coerce=lambda value: value == "true",
        empty_value=None,
        required=False,
        widget=forms.RadioSelect,
        help_text=_("Answer explicitly; the readiness check asks for an answer."),
    )


def yes_no_choice(value) -> str | None:
    """A saved yes/no answer as the value of its radio button (None: not answered)."""
    return None if value is None else ("true" if value else "false")


# --- the plan ---------------------------------------------------------------------------------


class PeriodInputs:
    """The two year inputs of a plan's period, each taking a year or the whole period as plans
    write it ("2022–2025", "2022-2025", "2022 — 2025", pasted from Word): typed into one input,
    the whole period fills both. Two-digit years are refused, quoting what was typed."""

    def setup_period(self) -> None:
        self._period: dict = {}
        self.fields["period_start"] = forms.CharField(
            label=_("Period starts (year)"),
            max_length=40,
            help_text=_("A year, or the whole period such as 2025–2028."),
        )
        self.fields["period_end"] = forms.CharField(
            label=_("Period ends (year)"),
            max_length=40,
            required=False,
            help_text=_("Can be left empty when the whole period is written above."),
        )

    def _read(self, name: str):
        value = self.cleaned_data.get(name, "")
        if value:
            self._period[name] = (value, parse_period(value))
        return value

    def clean_period_start(self):
        return self._read("period_start")

    def clean_period_end(self):
        return self._read("period_end")

    def clean(self):
        cleaned = super().clean()
        if "period_start" not in self._period or self.has_error("period_end"):
            return cleaned
        typed, (start, end) = self._period["period_start"]
        if "period_end" in self._period:
            end_typed, (first, last) = self._period["period_end"]
            if last is None and end is not None and first != end:
                self.add_error(
                    "period_end",
                    _("“%(period)s” above ends in %(end)s, not in %(typed)s.")
                    % {"period": typed, "end": end, "typed": end_typed},
                )
                return cleaned
            if last is not None and end is None and first != start:
                self.add_error(
                    "period_end",
                    _("“%(period)s” starts in %(first)s, but the period starts in %(start)s.")
                    % {"period": end_typed, "first": first, "start": start},
                )
                return cleaned
            end = end if end is not None else (last if last is not None else first)
        if end is None:
            self.add_error(
                "period_end",
                _("Give the year the period ends, or write the whole period (2025–2028) above."),
            )
            return cleaned
        cleaned["period_start"], cleaned["period_end"] = start, end
        return cleaned


class PlanCreateForm(PeriodInputs, forms.ModelForm):
    lead_municipality = forms.ModelChoiceField(
        queryset=Municipality.objects.none(),
        label=_("Municipality"),
        widget=combobox(forms.Select()),
    )

    class Meta:
        model = Plan
        fields = [*text_fields("title"), "period_start", "period_end", "form"]

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.setup_period()
        offer(self.fields["lead_municipality"], municipalities)

    def plan_data(self) -> dict:
        """The plan's own fields (the lead municipality is passed to the service apart)."""
        return {name: self.cleaned_data[name] for name in self._meta.fields}


BASICS_FIELDSETS = [
    (
        _("Title, languages and period"),
        [
            *text_fields("title"),
            "languages",
            "period_start",
            "period_end",
            "legal_basis",
            "document_url",
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
            *text_fields("mainstreaming"),
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


class PlanBasicsForm(PeriodInputs, VersionedModelForm):
    languages = forms.MultipleChoiceField(
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,
        label=_("Languages the plan is published in"),
    )
    municipalities = forms.ModelMultipleChoiceField(
        queryset=Municipality.objects.in_act_scope(),
        required=False,
        widget=combobox(forms.SelectMultiple(attrs={"size": 8}), multiple=True),
        label=_("Municipalities of a joint plan"),
        help_text=_(
            "For a plan made together with other municipalities. The lead municipality "
            "is always included. A municipality you add is invited: it joins the plan, and "
            "its coordinators get access, only when one of them accepts."
        ),
    )

    class Meta:
        model = Plan
        fields = [name for _legend, names in BASICS_FIELDSETS for name in names]
        widgets = {"authority_contacted_on": DateInput()} | textareas(
            *text_fields("mainstreaming"),
            "programme_note",
            "county_coordination",
            "employment_area_coordination",
            "cooperation_group_note",
            "participation_evidence",
            "monitoring_description",
        )
        help_texts = BASICS_HELP

    covers_all_immigrants = yes_or_no(_("Does the plan cover all immigrants living in the area?"))
    covers_good_relations = yes_or_no(
        _("Does the plan cover good relations between population groups?")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        mark_needed_for_decision(self)
        if self.instance.pk:  # the parties and the municipalities invited, still unanswered
            invited = self.instance.invitations.filter(status=PlanInvitation.Status.PENDING)
            self.initial["municipalities"] = [
                *self.instance.municipalities.all(),
                *Municipality.objects.filter(plan_invitations__in=invited),
            ]
        for name in ("covers_all_immigrants", "covers_good_relations"):
            self.initial[name] = yes_no_choice(getattr(self.instance, name))
        self.setup_period()
        self.fields["coordinating_unit"].queryset = Organisation.objects.filter(
            operating_on(
                date(self.instance.period_start, 1, 1), keep=self.instance.coordinating_unit_id
            ),
            kind__in=[Organisation.Kind.MUNICIPALITY, Organisation.Kind.MUNICIPAL_UNIT],
            municipality__in=self.instance.municipalities.all(),
        )
        # One text field per statutory theme, stored together in Plan.theme_justifications.
        saved = self.instance.theme_justifications or {}
        names = []
        for theme in Theme.objects.filter(statutory=True):
            name = f"justification_{theme.code}"
            self.fields[name] = forms.CharField(
                label=str(text_of(theme, "name")),
                required=False,
                initial=saved.get(theme.code, ""),
                widget=forms.Textarea(attrs={"rows": 2}),
                help_text=_("Only if the plan sets no objective under this theme: why not."),
            )
            names.append(name)
        self.fieldsets = [
            *BASICS_FIELDSETS,
            (_("Statutory themes left out, with the reason"), names),
        ]

    def model_data(self, *skip: str) -> dict:
        data = super().model_data(*skip)
        data["theme_justifications"] = {
            name.removeprefix("justification_"): value.strip()
            for name, value in self.cleaned_data.items()
            if name.startswith("justification_") and value and value.strip()
        }
        return data


class SituationForm(VersionedModelForm):
    fieldsets = [
        (_("Figures"), text_fields("situation_quantitative")),
        (_("Needs, reception and views"), text_fields("situation_qualitative")),
    ]

    class Meta:
        model = Plan
        fields = text_fields("situation_quantitative", "situation_qualitative")
        widgets = textareas(*fields, rows=6)
        help_texts = SITUATION_HELP


# --- the parts of the plan --------------------------------------------------------------------


class ObjectiveForm(PartForm):
    class Meta:
        model = Objective
        fields = [
            "theme",
            "additional_themes",
            "chapter",
            *text_fields("title", "description"),
            "target_groups",
        ]
        labels = {"theme": _("Primary theme")}
        widgets = textareas(*text_fields("description")) | {
            "target_groups": forms.CheckboxSelectMultiple,
            "additional_themes": forms.CheckboxSelectMultiple,
        }

    def offer_choices(self, *, plan, objective):
        self.fields["theme"].queryset = Theme.objects.all()
        self.fields["additional_themes"].queryset = Theme.objects.filter(statutory=True)
        self.fields["target_groups"].queryset = TargetGroup.objects.filter(plan=plan)
        chapters = PlanChapter.objects.filter(plan=plan)
        if chapters.exists():
            self.fields["chapter"].queryset = chapters
        else:
            del self.fields["chapter"]

    def clean(self):
        cleaned = super().clean()
        primary = cleaned.get("theme")
        if primary and cleaned.get("additional_themes") is not None:
            # The primary theme is not an additional one as well.
            cleaned["additional_themes"] = [
                t for t in cleaned["additional_themes"] if t.pk != primary.pk
            ]
        return cleaned


class ChapterForm(PartForm):
    class Meta:
        model = PlanChapter
        fields = list(text_fields("title"))


class MeasureForm(PartForm):
    class Meta:
        model = Measure
        fields = [
            *text_fields("title", "description"),
            "responsible_organisation",
            "co_responsible",
            "responsible_unit",
            "responsible_contact",
            "partners",
            "schedule_text",
            "schedule_start",
            "schedule_end",
            "schedule_note",
            "resources",
            "status",
        ]
        widgets = (
            textareas(*text_fields("description"))
            | textareas("resources", rows=2)
            | {
                "schedule_start": DateInput(),
                "schedule_end": DateInput(),
                "responsible_organisation": combobox(forms.Select()),
                "co_responsible": combobox(forms.SelectMultiple(attrs={"size": 8}), multiple=True),
                "partners": combobox(forms.SelectMultiple(attrs={"size": 8}), multiple=True),
            }
        )
        field_classes = {
            "responsible_organisation": GroupedModelChoiceField,
            "co_responsible": GroupedModelMultipleChoiceField,
            "partners": GroupedModelMultipleChoiceField,
        }
        help_texts = {
            "responsible_organisation": _(
                "The lead: the one party that answers for the measure. Type to search."
            ),
        }

    PARTY_FIELDS = ("responsible_organisation", "co_responsible", "partners")

    def offer_choices(self, *, plan, objective):
        """The parties the plan may name (none that had ceased before its period), grouped
        (own units, local organisations, authorities) and named in the interface language."""
        schedule_hint(self)
        organisations = organisations_for_plan(plan=plan)
        listed = list(organisations)
        labels = organisation_labels(listed)
        own = set(plan.municipalities.values_list("pk", flat=True))
        for name in self.PARTY_FIELDS:
            field = self.fields[name]
            field.queryset = organisations
            field.group(
                group_of=lambda o: organisation_group(o, municipality_ids=own),
                group_labels=OrganisationGroup.LABELS,
                labels=labels,
            )


class MeasureProgressForm(PartForm):
    """What a contributor of the responsible organisation may change."""

    class Meta:
        model = Measure
        fields = list(Measure.CONTRIBUTOR_FIELDS)
        widgets = MeasureForm.Meta.widgets

    def offer_choices(self, *, plan, objective):
        schedule_hint(self)


def schedule_hint(form) -> None:
    """A schedule written in a way Kotoplan cannot read is kept as written; the form says so
    gently (it sorts after the others)."""
    if form.is_bound or not form.instance.pk or not form.instance.schedule_unrecognised:
        return
    field = form.fields["schedule_text"]
    field.help_text = format_lazy(
        "{} {}",
        field.help_text,
        _(
            "Kotoplan does not recognise this schedule, so it is kept as written and listed "
            "after the others."
        ),
    )


class IndicatorForm(PartForm):
    class Meta:
        model = Indicator
        fields = [*text_fields("name"), "measure", *Indicator.FIGURE_FIELDS]

    def offer_choices(self, *, plan, objective):
        self.fields["measure"].queryset = Measure.objects.filter(objective=objective)
        self.fields["measure"].help_text = _("Optional: the measure this indicator follows.")


class TargetGroupForm(PartForm):
    class Meta:
        model = TargetGroup
        fields = [*text_fields("name"), "description"]
        widgets = textareas("description")


class MilestoneForm(PartForm):
    class Meta:
        model = Milestone
        fields = ["kind", *text_fields("title"), "due_date", "body", "done"]
        widgets = {"due_date": DateInput()}


class DeleteForm(forms.Form):
    """Confirms a deletion; it has no fields."""
