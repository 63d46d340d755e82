"""The GET form that changes a peer comparison's group: size class, share band, area scope, or
hand-picked municipalities (the accessible combobox; a plain list without JavaScript)."""

from django import forms
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import PlainSelect, PlainSelectMultiple, combobox
from kotoplan.core.text import text_of
from kotoplan.geography.models import Municipality

from .selectors import (
    ANY,
    SCOPE_AREA,
    SCOPE_COUNTRY,
    SCOPE_COUNTY,
    GroupChoice,
    peer_bands,
    share_label,
    size_label,
)

SCOPE_CHOICES = [
    (SCOPE_AREA, _("The same regional state authority area")),
    (SCOPE_COUNTY, _("The same wellbeing services county")),
    (SCOPE_COUNTRY, _("The whole country")),
]


class PeerGroupForm(forms.Form):
    size = forms.ChoiceField(label=_("Size"), required=False)
    share = forms.ChoiceField(label=_("Foreign-language share"), required=False)
    scope = forms.ChoiceField(
        label=_("Where"),
        required=False,
        choices=SCOPE_CHOICES,
        widget=forms.RadioSelect,
    )
    municipalities = forms.ModelMultipleChoiceField(
        label=_("Or choose the municipalities yourself"),
        required=False,
        queryset=Municipality.objects.in_act_scope().order_by("name_fi"),
        widget=combobox(PlainSelectMultiple(attrs={"size": 6}), multiple=True),
        help_text=_("When you choose municipalities here, the size, share and area are ignored."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bands = peer_bands()
        own = ("", gettext("The same as the municipality compared"))
        every = (ANY, gettext("Any"))
        self.fields["size"].choices = [own, every, *((b.key, size_label(b)) for b in bands.size)]
        self.fields["share"].choices = [
            own,
            every,
            *((b.key, share_label(b)) for b in bands.share),
        ]

    def choice(self) -> GroupChoice:
        """What was asked; an invalid field shows its error and falls back to its default."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        picked = data.get("municipalities") or []
        return GroupChoice(
            size=data.get("size") or "",
            share=data.get("share") or "",
            scope=data.get("scope") or SCOPE_COUNTRY,
            picked=tuple(m.pk for m in picked),
        )


class ChooseMunicipalityForm(forms.Form):
    """The dashboards' section: which municipality of the dashboard to compare (by code)."""

    peers = forms.ChoiceField(
        label=_("Municipality"),
        required=False,
        widget=combobox(PlainSelect()),
    )

    def __init__(self, *args, municipalities, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["peers"].choices = [
            ("", gettext("Choose a municipality")),
            *((m.code, text_of(m, "name").value) for m in municipalities),
        ]
