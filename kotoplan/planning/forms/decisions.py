"""The decision trail's steps and the documents linked to a plan."""

from django import forms

from kotoplan.core.forms import DateInput

from ..models import DecisionStep, LinkedDocument
from ..models.texts import web_address
from .base import PartForm


def _web_address_only(field: forms.URLField) -> None:
    """Refuse anything but http(s) addresses with the message that says so."""
    field.validators = [web_address]
    field.error_messages["invalid"] = web_address.message


class DecisionStepForm(PartForm):
    class Meta:
        model = DecisionStep
        fields = [
            "body_kind",
            "body_name",
            "decided_on",
            "section",
            "case_number",
            "outcome",
            "minutes_url",
        ]
        widgets = {"decided_on": DateInput()}

    def offer_choices(self, *, plan, objective):
        _web_address_only(self.fields["minutes_url"])


class LinkedDocumentForm(PartForm):
    class Meta:
        model = LinkedDocument
        fields = ["title", "url"]
        widgets = {"url": forms.URLInput(attrs={"autocomplete": "url"})}

    def offer_choices(self, *, plan, objective):
        # A javascript:, data: or file: address is told to be a web address, not "invalid".
        _web_address_only(self.fields["url"])
