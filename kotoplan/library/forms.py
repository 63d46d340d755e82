"""The library's forms: the search (a GET form) and the choice of the objective a measure is
copied into."""

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import PlainSelect
from kotoplan.core.text import text_of
from kotoplan.geography.models import Area
from kotoplan.planning.models import Theme

from .selectors import KINDS, SearchParams, areas_of_kinds, size_class_choices

KIND_LABELS = {
    "measure": _("Measures"),
    "objective": _("Objectives"),
    "indicator": _("Indicators"),
}


class ReadAtOnce(forms.models.ModelChoiceIterator):
    """The choices read with one plain query (Django's iterator opens a server-side cursor on
    PostgreSQL: three round trips for a list of a few dozen rows)."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class ThemeChoiceField(forms.ModelChoiceField):
    iterator = ReadAtOnce


class AreaChoiceField(forms.ModelChoiceField):
    iterator = ReadAtOnce

    def label_from_instance(self, obj) -> str:
        return str(text_of(obj, "name"))


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search words"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Look for"), choices=list(KIND_LABELS.items()), required=False)
    theme = ThemeChoiceField(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="code",
        required=False,
        empty_label=_("All themes"),
        widget=PlainSelect,
    )
    target_group = forms.CharField(
        label=_("Target group"),
        max_length=100,
        required=False,
        help_text=_("A word of the target group's name, for example “nuoret” or “työikäiset”."),
    )
    size = forms.ChoiceField(label=_("Municipality size"), required=False, widget=PlainSelect)
    area = AreaChoiceField(
        label=_("Regional authority area"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("All areas"),
        widget=PlainSelect,
    )
    county = AreaChoiceField(
        label=_("Wellbeing services county"),
        queryset=Area.objects.none(),
        required=False,
        empty_label=_("All counties"),
        widget=PlainSelect,
    )
    evidence = forms.BooleanField(
        label=_("Only with evidence from monitoring or statistics"),
        required=False,
        help_text=_(
            "Measures reported done or on track, indicators that moved in the desired direction "
            "in monitoring or in the statistics."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["size"].choices = [("", _("All sizes")), *size_class_choices()]
        self.fields["area"].queryset = areas_of_kinds(*Area.AUTHORITY_KINDS)
        self.fields["county"].queryset = areas_of_kinds(Area.Kind.WELLBEING_COUNTY)

    def params(self) -> SearchParams:
        """What to search for; an invalid choice counts as no choice (the rest still counts)."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        kind = data.get("kind") or "measure"
        return SearchParams(
            text=data.get("q", ""),
            kind=kind if kind in KINDS else "measure",
            theme=data.get("theme"),
            target_group=data.get("target_group", ""),
            size_class=data.get("size", ""),
            authority_area=data.get("area"),
            county=data.get("county"),
            evidence=bool(data.get("evidence")),
        )


class ObjectiveChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj) -> str:
        plan = obj.plan
        return (
            f"{text_of(plan.lead_municipality, 'name')} {plan.period_start}–{plan.period_end}: "
            f"{text_of(obj, 'title')}"
        )


class ReuseForm(forms.Form):
    objective = ObjectiveChoiceField(
        label=_("Objective of your draft plan"), queryset=None, empty_label=None
    )

    def __init__(self, *args, targets, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["objective"].queryset = targets
