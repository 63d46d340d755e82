"""Form pieces of every app: the browser's date and time inputs, choices narrowed for the user,
model forms that hand their cleaned values to a service, and the version an edit form was loaded
at. Forms check the input's shape only; the rules live in services."""

from django import forms
from django.forms.utils import flatatt
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

DATE_FORMAT = "%Y-%m-%d"
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"


class DateInput(forms.DateInput):
    """The browser's date picker (it reads and writes ISO dates)."""

    input_type = "date"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATE_FORMAT)


class DateTimeInput(forms.DateTimeInput):
    """The browser's date and time picker (it reads and writes ISO date-times to the minute)."""

    input_type = "datetime-local"

    def __init__(self, attrs=None):
        super().__init__(attrs=attrs, format=DATETIME_FORMAT)


def offer(field: forms.ModelChoiceField, queryset) -> None:
    """Let the field choose from `queryset`; the only choice is chosen already."""
    field.queryset = queryset
    if queryset.count() == 1:
        field.initial = queryset.first()


def _is_m2m(field) -> bool:
    return isinstance(field, forms.ModelMultipleChoiceField)


class ModelForm(forms.ModelForm):
    """A model form whose values a service writes: `model_data()` for the model's own columns,
    `m2m_data()` for its many-to-many links."""

    def model_data(self, *skip: str) -> dict:
        """The cleaned values of the model's own fields (not the many-to-many ones), without
        those named in `skip`."""
        return {
            name: self.cleaned_data[name]
            for name in self._meta.fields
            if name in self.cleaned_data and name not in skip and not _is_m2m(self.fields[name])
        }

    def m2m_data(self) -> dict:
        """The chosen objects of each many-to-many field, by field name."""
        return {
            name: list(self.cleaned_data[name])
            for name in self._meta.fields
            if name in self.cleaned_data and _is_m2m(self.fields[name])
        }


class VersionedModelForm(ModelForm):
    """Carries the version of the row the user loaded, so a save over someone else's newer
    version is refused (`kotoplan.core.services.versioned_update`)."""

    expected_version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.fields["expected_version"].initial = self.instance.version


# --- choices in groups, for pickers -------------------------------------------------------------


class _GroupedChoices(forms.models.ModelChoiceIterator):
    """The field's choices as <optgroup>s: (group label, [(value, label), …]) in the field's
    group order; labels from the field's `labels` (pk → text) when given."""

    def __iter__(self):
        field = self.field
        if field.empty_label is not None:
            yield ("", field.empty_label)
        grouped: dict[str, list] = {key: [] for key in field.group_labels}
        for obj in self.queryset:
            grouped.setdefault(field.group_of(obj), []).append(self.choice(obj))
        for key, choices in grouped.items():
            if choices:
                # In the order of the names as shown (Swedish names in Swedish, …).
                choices.sort(key=lambda choice: str(choice[1]).casefold())
                yield (str(field.group_labels.get(key, key)), choices)

    def __len__(self):
        return self.queryset.count() + (1 if self.field.empty_label is not None else 0)


class _Grouped:
    """Shared by the single and multiple grouped choice fields."""

    iterator = _GroupedChoices

    def group(self, *, group_of, group_labels: dict, labels: dict | None = None) -> None:
        """Group the choices by `group_of(obj)` → key of `group_labels` (its order is the order
        of the groups); `labels` (pk → text) names each choice."""
        self.group_of = group_of
        self.group_labels = group_labels
        self.labels = labels or {}
        self.widget.choices = self.choices

    def label_from_instance(self, obj):
        return self.labels.get(obj.pk) or super().label_from_instance(obj)


class GroupedModelChoiceField(_Grouped, forms.ModelChoiceField):
    group_of = staticmethod(lambda obj: "")
    group_labels: dict = {}
    labels: dict = {}


class GroupedModelMultipleChoiceField(_Grouped, forms.ModelMultipleChoiceField):
    group_of = staticmethod(lambda obj: "")
    group_labels: dict = {}
    labels: dict = {}


def combobox(widget: forms.Widget, *, multiple: bool = False) -> forms.Widget:
    """Mark a <select> for the typeahead (core/static/js/combobox.js): without JavaScript it
    stays a plain list, with it the user types to filter and picks with the keyboard."""
    widget.attrs.update(
        {
            "data-combobox": "multiple" if multiple else "single",
            "data-text-remove": _("Remove"),
            "data-text-results": _("%(count)s matching choices"),
            "data-text-none": _("No matching choices"),
            "data-text-chosen": _("Chosen"),
        }
    )
    return widget


class PlainSelect(forms.Select):
    """A select list written out directly: Django's widget templates render every option
    through a template of its own, which made long lists (areas, municipalities) the larger
    part of a page's time. The same markup, escaped by `format_html`; groups are flattened."""

    def render(self, name, value, attrs=None, renderer=None):
        context = self.get_context(name, value, attrs)["widget"]
        options = format_html_join(
            "",
            '<option value="{}"{}>{}</option>',
            (
                (option["value"], mark_safe(" selected") if option["selected"] else "", label)
                for _group, group_options, _index in context["optgroups"]
                for option in group_options
                for label in [option["label"]]
            ),
        )
        attributes = flatatt({k: v for k, v in context["attrs"].items() if v is not False})
        return format_html('<select name="{}"{}>{}</select>', name, attributes, options)


class PlainSelectMultiple(PlainSelect, forms.SelectMultiple):
    """`PlainSelect` choosing several (`multiple`, read as a list)."""
