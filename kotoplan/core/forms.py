"""Form pieces of every app: the browser's date and time inputs, choices narrowed for the user,
model forms that hand their cleaned values to a service, and the version an edit form was loaded
at. Forms check the input's shape only; the rules live in services."""

from django import forms

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
