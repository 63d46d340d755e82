"""Input shape and field errors only; the rules live in services."""

import re

from django import forms
from django.utils.translation import gettext_lazy as _

from kotoplan.core.forms import DateInput, DateTimeInput, ModelForm, VersionedModelForm
from kotoplan.core.languages import content_languages
from kotoplan.core.text import text_of

from .models import (
    COMMENT_MAX_LENGTH,
    Comment,
    Consultation,
    ParticipationEvent,
    Question,
    ResponseItem,
    Submission,
    builtin_languages,
)

LANGUAGE_CODE_RE = re.compile(r"^[a-z]{2,3}(-[a-z0-9]{2,8})*$")


class ConsultationForm(VersionedModelForm):
    class Meta:
        model = Consultation
        fields = [
            "title_fi",
            "title_sv",
            "title_en",
            "opens_at",
            "closes_at",
            "objectives",
            "intro_fi",
            "intro_sv",
            "intro_en",
            "intro_plain_fi",
        ]
        widgets = {
            "opens_at": DateTimeInput(),
            "closes_at": DateTimeInput(),
            "objectives": forms.CheckboxSelectMultiple,
        }

    def __init__(self, *args, plan, **kwargs):
        super().__init__(*args, **kwargs)
        objectives = self.fields["objectives"]
        objectives.queryset = plan.objectives.select_related("theme")
        objectives.label_from_instance = lambda o: text_of(o, "title").value


class LanguageForm(forms.Form):
    code = forms.CharField(
        label=_("Language code"),
        max_length=12,
        help_text=_("ISO 639-1 code, such as ar, ru, so, uk or fa."),
    )
    name = forms.CharField(label=_("Name of the language in that language"), max_length=60)
    intro = forms.CharField(label=_("Introduction"), widget=forms.Textarea, required=False)

    def __init__(self, *args, parts: list[tuple[str, str]], **kwargs):
        """`parts`: (translation key, label) of every text that can be translated."""
        super().__init__(*args, **kwargs)
        self.part_keys = {}
        for key, label in parts:
            name = "t_" + key.replace(":", "_")
            self.part_keys[name] = key
            self.fields[name] = forms.CharField(label=label, max_length=500, required=False)

    def clean_code(self):
        code = self.cleaned_data["code"].strip().lower()
        if not LANGUAGE_CODE_RE.match(code):
            raise forms.ValidationError(_("Write a language code such as ar or uk."))
        if code in builtin_languages():
            raise forms.ValidationError(_("This language is always offered."))
        return code

    def texts(self) -> dict[str, str]:
        return {key: self.cleaned_data.get(name, "") for name, key in self.part_keys.items()}


class QuestionForm(ModelForm):
    options_fi = forms.CharField(
        label=_("Options in Finnish, one per line"), widget=forms.Textarea, required=False
    )
    options_sv = forms.CharField(
        label=_("Options in Swedish, one per line"), widget=forms.Textarea, required=False
    )
    options_en = forms.CharField(
        label=_("Options in English, one per line"), widget=forms.Textarea, required=False
    )

    class Meta:
        model = Question
        fields = ["kind", "text_fi", "text_sv", "text_en", "text_plain_fi"]

    def options(self) -> list[dict]:
        columns = {
            code: [line.strip() for line in self.cleaned_data[f"options_{code}"].splitlines()]
            for code in content_languages()
        }
        count = max(len([v for v in values if v]) for values in columns.values())
        for code in columns:
            columns[code] = [v for v in columns[code] if v]
        return [
            {
                f"label_{code}": (columns[code][i] if i < len(columns[code]) else "")
                for code in columns
            }
            for i in range(count)
        ]


class HideForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for hiding"),
        max_length=300,
        help_text=_("Shown to the coordinators and kept in the change history."),
    )


class ResponseItemForm(VersionedModelForm):
    class Meta:
        model = ResponseItem
        fields = [
            "summary_fi",
            "summary_sv",
            "summary_en",
            "outcome",
            "response_fi",
            "response_sv",
            "response_en",
            "comments",
        ]
        widgets = {"comments": forms.CheckboxSelectMultiple}

    def __init__(self, *args, consultation, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["comments"]
        field.queryset = Comment.objects.filter(consultation=consultation, hidden=False)
        field.label_from_instance = lambda c: f"#{c.pk}: {c.text[:120]}"


class EventForm(VersionedModelForm):
    class Meta:
        model = ParticipationEvent
        fields = ["kind", "held_on", "audience", "languages", "participants", "summary"]
        widgets = {"held_on": DateInput()}


TOO_LONG = {"max_length": _("The text is too long.")}
NOT_AN_OPTION = {
    "invalid_choice": _("Choose one of the options."),
    "invalid_list": _("Choose one of the options."),
}


class FeedbackForm(forms.Form):
    """The public form. Questions add fields q_<id>; `website` is a honeypot for robots.

    Every label and error message is the page's own (the error summary repeats the labels), so
    the form reads right in each language of the consultation pages."""

    target = forms.CharField(label=_("What is your comment about?"), required=False)
    comment = forms.CharField(
        label=_("Your comment"),
        widget=forms.Textarea,
        required=False,
        max_length=COMMENT_MAX_LENGTH,
        strip=True,
        error_messages=TOO_LONG,
    )
    category = forms.ChoiceField(
        label=_("I take part as"),
        choices=Submission.Category.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages=NOT_AN_OPTION,
    )
    organisation_name = forms.CharField(
        label=_("Name of the organisation (if you answer for one)"),
        required=False,
        max_length=200,
        error_messages=TOO_LONG,
    )
    email = forms.EmailField(
        label=_("Email, only if you want a reply"),
        required=False,
        error_messages={"invalid": _("Write the email address as name@example.fi.")},
    )
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    def __init__(
        self,
        *args,
        questions,
        targets: dict[str, object],
        labels=None,
        question_text=None,
        **kwargs,
    ):
        """`labels`: the question texts in the page's language, by question id (or
        `question_text(question)`): the label that names its field, e.g. in the error summary."""
        super().__init__(*args, **kwargs)
        self.targets = targets
        self.questions = list(questions)
        labels = labels or {}
        for question in self.questions:
            name = f"q_{question.pk}"
            if question.kind == Question.Kind.SINGLE:
                choices = [(str(o.pk), str(o.pk)) for o in question.options.all()]
                field = forms.ChoiceField(
                    choices=choices, error_messages=NOT_AN_OPTION, widget=forms.RadioSelect
                )
            elif question.kind == Question.Kind.MULTIPLE:
                choices = [(str(o.pk), str(o.pk)) for o in question.options.all()]
                field = forms.MultipleChoiceField(
                    choices=choices,
                    error_messages=NOT_AN_OPTION,
                    widget=forms.CheckboxSelectMultiple,
                )
            elif question.kind == Question.Kind.RATING:
                choices = [(str(n), str(n)) for n in range(1, 6)]
                field = forms.ChoiceField(
                    choices=choices, error_messages=NOT_AN_OPTION, widget=forms.RadioSelect
                )
            else:
                field = forms.CharField(
                    widget=forms.Textarea, max_length=COMMENT_MAX_LENGTH, error_messages=TOO_LONG
                )
            field.required = False
            field.label = (
                labels.get(question.pk)
                or (str(question_text(question)) if question_text else "")
                or str(question)
            )
            self.fields[name] = field

    @property
    def is_robot(self) -> bool:
        return bool(self.data.get("website"))

    def clean_target(self):
        value = self.cleaned_data["target"] or ""
        if value and value not in self.targets:
            raise forms.ValidationError(_("Choose what your comment is about."))
        return value

    def target_object(self) -> object | None:
        return self.targets.get(self.cleaned_data.get("target") or "")

    def answers(self) -> dict[int, object]:
        return {q.pk: self.cleaned_data.get(f"q_{q.pk}") for q in self.questions}

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        if not data.get("comment") and not any(v for v in self.answers().values()):
            self.add_error("comment", _("Write a comment or answer at least one question."))
        return data


def target_choices(sections, reader) -> tuple[list[tuple[str, object, bool]], dict[str, object]]:
    """(value, Text, is_measure) rows for the "comment on" select, and value → object."""
    rows, targets = [], {}
    for section in sections:
        for objective in section.objectives:
            value = f"objective-{objective.pk}"
            rows.append((value, reader.objective(objective), False))
            targets[value] = objective
            for measure in objective.measures.all():
                value = f"measure-{measure.pk}"
                rows.append((value, reader.measure(measure), True))
                targets[value] = measure
    return rows, targets
