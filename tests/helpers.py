"""Small helpers for tests that submit forms the way a browser would."""

from datetime import date

from django import forms


def form_data(form: forms.BaseForm, **changes) -> dict:
    """What a browser posts for `form` as rendered (its initial values), with `changes` applied."""
    data: dict = {}
    for name, field in form.fields.items():
        value = form[name].value()
        if isinstance(field.widget, forms.CheckboxInput):
            if value:
                data[name] = "on"
            continue
        if value is None:
            continue
        if isinstance(value, (list, tuple)):
            data[name] = [str(getattr(item, "pk", item)) for item in value]
        elif isinstance(value, date):
            data[name] = value.isoformat()
        else:
            data[name] = str(getattr(value, "pk", value))
    for name, value in changes.items():
        if value is None:
            data.pop(name, None)
        else:
            data[name] = value
    return data


def page_text(response) -> str:
    return response.content.decode()
