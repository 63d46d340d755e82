"""The rules every plan model shares: named in at least one language, periods in order."""

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import TITLE, in_languages, require_one_language, text_fields

__all__ = ["date_order_error", "text_fields", "title_fields", "validate", "web_address"]

# Links shown to readers open web pages only: no javascript:, data:, file: or ftp: addresses.
web_address = URLValidator(
    schemes=["http", "https"],
    message=_("Give a web address that starts with http:// or https://."),
)


def title_fields() -> tuple:
    """title_fi, title_sv, title_en of a plan or a part: each may be blank, `validate` asks for
    one of them."""
    return in_languages(models.CharField, TITLE, max_length=300, blank=True)


def date_order_error(start, end, field: str, message) -> dict:
    """{field: message} when a period ends before it starts, else nothing."""
    return {field: message} if start and end and end < start else {}


def validate(obj, *, named_by: str, unnamed_message, errors: dict) -> None:
    """Raise the rule errors found, together with "named in at least one language"."""
    try:
        require_one_language(obj, named_by, unnamed_message)
    except ValidationError as exc:
        errors = exc.update_error_dict(errors)
    if errors:
        raise ValidationError(errors)
