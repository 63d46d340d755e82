"""Statistics: the catalogue of statistical indicators, their values per area and year, and the
import runs that brought them.

A statistic value belongs to exactly one kind of area: a municipality, a geography area (wellbeing
county, region, authority area …) or the whole country. A value that the source leaves out or
suppresses is stored with `value = NULL` and a status, never as zero.

Importers create an unknown indicator from the labels in the file; `KNOWN_INDICATORS` give the
known ones their names in three languages, the attribution the licence asks for, and their place
among the situation picture figures.
"""

import dataclasses

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import NAME, TimeStampedModel, in_languages, optional_link

LABEL = (_("label in Finnish"), _("label in Swedish"), _("label in English"))
DEFINITION = (
    _("definition in Finnish"),
    _("definition in Swedish"),
    _("definition in English"),
)


class StatIndicator(TimeStampedModel):
    class Source(models.TextChoices):
        STATFIN = "statfin", _("Statistics Finland (StatFin)")
        SOTKANET = "sotkanet", _("THL Sotkanet")
        MANUAL = "manual", _("Entered by hand")

    code = models.SlugField(_("code"), max_length=80, unique=True)
    name_fi, name_sv, name_en = in_languages(
        models.CharField, NAME, finnish_required=True, max_length=300
    )
    definition_fi, definition_sv, definition_en = in_languages(
        models.TextField, DEFINITION, blank=True
    )
    unit = models.CharField(_("unit"), max_length=60, blank=True)
    decimals = models.PositiveSmallIntegerField(_("decimals"), default=0)
    source = models.CharField(_("source"), max_length=20, choices=Source.choices)
    source_code = models.CharField(
        _("source code"),
        max_length=300,
        blank=True,
        help_text=_("StatFin table and selection, or Sotkanet indicator id."),
    )
    organisation = models.CharField(
        _("producer"),
        max_length=200,
        blank=True,
        help_text=_("The organisation that produces the statistic, as its metadata names it."),
    )
    licence = models.CharField(_("licence"), max_length=60, blank=True)
    attribution = models.CharField(_("attribution"), max_length=200, blank=True)
    covers_aland = models.BooleanField(
        _("covers Åland"),
        default=True,
        help_text=_("When false, values for Åland municipalities are stored as missing."),
    )
    situation_order = models.PositiveSmallIntegerField(
        _("order in the situation picture"),
        null=True,
        blank=True,
        help_text=_("Shown among the situation picture figures when set."),
    )

    class Meta:
        ordering = ["code"]
        verbose_name = _("statistical indicator")
        verbose_name_plural = _("statistical indicators")

    def __str__(self) -> str:
        return self.name_en or self.name_fi


class StatisticValue(models.Model):
    """The value of an indicator for one area and year (optionally one breakdown group)."""

    class Status(models.TextChoices):
        OK = "ok", _("Value")
        MISSING = "missing", _("Missing")
        SUPPRESSED = "suppressed", _("Suppressed (small numbers)")

    class PeriodType(models.TextChoices):
        YEAR = "year", _("Year")
        QUARTER = "quarter", _("Quarter")
        MONTH = "month", _("Month")

    indicator = models.ForeignKey(StatIndicator, on_delete=models.CASCADE, related_name="values")
    municipality = optional_link(
        "geography.Municipality", _("municipality"), on_delete=models.PROTECT
    )
    area = optional_link("geography.Area", _("area"), on_delete=models.PROTECT)
    country = models.BooleanField(_("whole country"), default=False)
    period = models.PositiveSmallIntegerField(_("year"))
    period_type = models.CharField(
        _("period type"), max_length=8, choices=PeriodType.choices, default=PeriodType.YEAR
    )
    subperiod = models.PositiveSmallIntegerField(
        _("quarter or month"), default=0, help_text=_("0 for a whole year.")
    )
    breakdown_key = models.CharField(_("breakdown"), max_length=120, blank=True, default="")
    breakdown_value = models.CharField(_("breakdown value"), max_length=120, blank=True, default="")
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4, null=True, blank=True)
    absolute_value = models.DecimalField(
        _("absolute value"),
        max_digits=16,
        decimal_places=4,
        null=True,
        blank=True,
        help_text=_("The count beside a rate, when the source gives both."),
    )
    status = models.CharField(_("status"), max_length=12, choices=Status.choices, default=Status.OK)
    import_run = optional_link("monitoring.ImportRun")

    class Meta:
        db_table = "monitoring_observation"  # the table and constraints keep their first names
        ordering = ["indicator", "period", "period_type", "subperiod"]
        verbose_name = _("statistical value")
        verbose_name_plural = _("statistical values")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, area__isnull=True, country=False)
                    | Q(municipality__isnull=True, area__isnull=False, country=False)
                    | Q(municipality__isnull=True, area__isnull=True, country=True)
                ),
                name="observation_exactly_one_area",
            ),
            models.CheckConstraint(
                condition=Q(status="ok", value__isnull=False)
                | (~Q(status="ok") & Q(value__isnull=True)),
                name="observation_value_matches_status",
            ),
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "municipality",
                    "period",
                    "period_type",
                    "subperiod",
                    "breakdown_key",
                    "breakdown_value",
                ],
                condition=Q(municipality__isnull=False),
                name="observation_unique_municipality",
            ),
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "area",
                    "period",
                    "period_type",
                    "subperiod",
                    "breakdown_key",
                    "breakdown_value",
                ],
                condition=Q(area__isnull=False),
                name="observation_unique_area",
            ),
            models.UniqueConstraint(
                fields=[
                    "indicator",
                    "period",
                    "period_type",
                    "subperiod",
                    "breakdown_key",
                    "breakdown_value",
                ],
                condition=Q(country=True),
                name="observation_unique_country",
            ),
        ]
        indexes = [models.Index(fields=["municipality", "indicator", "period"])]

    def __str__(self) -> str:
        return f"{self.indicator.code} {self.period_label}: {self.value}"

    @property
    def period_label(self) -> str:
        return period_label(self.period, self.period_type, self.subperiod)


def period_label(year: int, period_type: str = "year", subperiod: int = 0) -> str:
    """A period as people write it: 2024, 2024 Q4 (2024 K4 in Swedish), 12/2024."""
    if period_type == StatisticValue.PeriodType.QUARTER:
        return _("%(year)s Q%(quarter)s") % {"year": year, "quarter": subperiod}
    if period_type == StatisticValue.PeriodType.MONTH:
        return f"{subperiod}/{year}"
    return str(year)


def period_sort_key(year: int, period_type: str, subperiod: int) -> tuple:
    """Whole years after their months and quarters would mislead: a year sorts by its end."""
    months = {"year": 12, "quarter": 3 * subperiod, "month": subperiod}.get(period_type, 12)
    return (year, months, period_type == "year")


class ImportRun(TimeStampedModel):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting to start")
        RUNNING = "running", _("Running")
        SUCCEEDED = "succeeded", _("Completed")
        FAILED = "failed", _("Failed")

    class Phase(models.TextChoices):
        QUEUED = "queued", _("Waiting for the background worker")
        FETCHING = "fetching", _("Fetching the data")
        PARSING = "parsing", _("Reading and checking the file")
        WRITING = "writing", _("Saving the values")
        DONE = "done", _("Finished")

    PHASE_STEPS = (Phase.QUEUED, Phase.FETCHING, Phase.PARSING, Phase.WRITING, Phase.DONE)

    source = models.CharField(_("source"), max_length=20, choices=StatIndicator.Source.choices)
    file_name = models.CharField(_("file name"), max_length=255, blank=True)
    url = models.URLField(_("address"), max_length=1000, blank=True)
    payload = models.TextField(_("uploaded content"), blank=True, editable=False)
    regions_payload = models.TextField(_("uploaded regions list"), blank=True, editable=False)
    query = models.TextField(
        _("PxWeb query"), blank=True, help_text=_("JSON; empty fetches the whole table.")
    )
    table_id = models.CharField(
        _("table"),
        max_length=40,
        blank=True,
        help_text=_("StatFin table id, such as 14jt; needed when the file does not name it."),
    )
    language = models.CharField(_("language of messages"), max_length=8, default="fi")
    created_by = optional_link(settings.AUTH_USER_MODEL, _("started by"))
    municipality = optional_link("geography.Municipality", _("on behalf of"))
    status = models.CharField(
        _("status"), max_length=12, choices=Status.choices, default=Status.QUEUED
    )
    phase = models.CharField(_("phase"), max_length=12, choices=Phase.choices, default=Phase.QUEUED)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    rows_total = models.PositiveIntegerField(_("rows in the file"), default=0)
    rows_created = models.PositiveIntegerField(_("created"), default=0)
    rows_updated = models.PositiveIntegerField(_("updated"), default=0)
    rows_unchanged = models.PositiveIntegerField(_("unchanged"), default=0)
    rows_skipped = models.PositiveIntegerField(_("skipped"), default=0)
    skipped_note = models.TextField(_("why rows were skipped"), blank=True)
    areas_written = models.TextField(_("areas written"), blank=True)
    error_message = models.TextField(_("error"), blank=True)
    task_id = models.CharField(max_length=64, blank=True, editable=False)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("import run")
        verbose_name_plural = _("import runs")

    def __str__(self) -> str:
        return f"{self.get_source_display()} · {self.file_name or self.url} · {self.status}"

    def get_additional_data(self) -> dict:
        """What the audit entries of a run name besides its changed fields."""
        return {"source": self.source, "file": self.file_name, "url": self.url}

    @property
    def skipped_reasons(self) -> list[str]:
        """Why rows were skipped, one reason with its count per item."""
        return [line for line in self.skipped_note.splitlines() if line.strip()]

    @property
    def is_finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)

    @property
    def progress_percent(self) -> int:
        if self.status == self.Status.SUCCEEDED:
            return 100
        steps = list(self.PHASE_STEPS)
        return round(100 * steps.index(self.phase) / (len(steps) - 1))


class SituationIndicator(models.Model):
    """An indicator the plan's coordinators chose for the situation picture figures."""

    plan = models.ForeignKey(
        "planning.Plan", on_delete=models.CASCADE, related_name="situation_indicators"
    )
    indicator = models.ForeignKey(StatIndicator, on_delete=models.CASCADE, related_name="+")
    order = models.PositiveSmallIntegerField(_("order"), default=0)

    class Meta:
        ordering = ["plan", "order", "pk"]
        verbose_name = _("situation picture figure")
        verbose_name_plural = _("situation picture figures")
        constraints = [
            models.UniqueConstraint(fields=["plan", "indicator"], name="situation_indicator_once")
        ]

    def __str__(self) -> str:
        return f"{self.plan_id}: {self.indicator.code}"


class BreakdownLabel(models.Model):
    """The name of a breakdown group of an indicator's values (a gender, an age group, a
    category of a StatFin dimension) in three languages; `code` "" names the breakdown itself.
    Values keep the codes (`StatisticValue.breakdown_key/value`); people see these labels."""

    indicator = models.ForeignKey(
        StatIndicator, on_delete=models.CASCADE, related_name="breakdown_labels"
    )
    dimension = models.CharField(_("breakdown"), max_length=120)
    code = models.CharField(_("code"), max_length=120, blank=True)
    label_fi, label_sv, label_en = in_languages(models.CharField, LABEL, max_length=300, blank=True)

    class Meta:
        ordering = ["indicator", "dimension", "code"]
        verbose_name = _("breakdown label")
        verbose_name_plural = _("breakdown labels")
        constraints = [
            models.UniqueConstraint(
                fields=["indicator", "dimension", "code"], name="breakdown_label_once"
            )
        ]

    def __str__(self) -> str:
        return f"{self.dimension}={self.code}: {self.label_fi}"

    def text(self, language: str) -> str:
        """The label in the language, else in another one (never empty when any is set)."""
        return (
            getattr(self, f"label_{language[:2]}", "")
            or self.label_fi
            or self.label_sv
            or (self.label_en)
        )


# --- the indicators Kotoplan knows by name -----------------------------------------------------

LICENCE = "CC BY 4.0"
ATTRIBUTIONS = {"statfin": "Statistics Finland", "sotkanet": "THL, Sotkanet"}

# Municipalities abolished by a merger: their rows in older statistics are skipped, not attached
# to the municipality they merged into (the figures would mix). See data/reference/SOURCES.md.
ABOLISHED_MUNICIPALITIES = {
    "099": _("Honkajoki (merged into Kankaanpää 1.1.2021)"),
    "588": _("Pertunmaa (merged into Mäntyharju 1.1.2025)"),
}


@dataclasses.dataclass(frozen=True)
class IndicatorDefinition:
    """What is known of an indicator before it has a row: from the catalogue below, or from the
    labels of an imported file."""

    code: str
    source: str
    source_code: str
    name_fi: str = ""
    name_sv: str = ""
    name_en: str = ""
    unit: str = ""
    decimals: int = 0
    definition_fi: str = ""
    definition_sv: str = ""
    definition_en: str = ""
    covers_aland: bool = True
    situation_order: int | None = None
    organisation: str = ""

    def fields(self) -> dict:
        """The StatIndicator fields but the code, with the licence and the attribution."""
        values = dataclasses.asdict(self)
        del values["code"]
        values["name_fi"] = self.name_fi or self.name_sv or self.name_en or self.code
        values["licence"] = LICENCE
        values["attribution"] = ATTRIBUTIONS.get(self.source, "")
        return values


FOREIGN_LANGUAGE = (
    "Vieraskielisellä tarkoitetaan henkilöä, jonka äidinkieli on jokin muu kuin suomi, ruotsi "
    "tai saame.",
    "Med främmandespråkig avses en person vars modersmål är något annat än finska, svenska "
    "eller samiska.",
    "A foreign-language speaker is a person whose native language is other than Finnish, "
    "Swedish or Sámi.",
)
NO_ALAND = (" Ei sisällä Ahvenanmaan tietoja.", " Åland ingår inte.", " Åland is not included.")

FOREIGN_LANGUAGE_SHARE = "statfin-159t-vaesto-kieli-ulk-p"
POPULATION = "sotkanet-127"
ECEC_FOREIGN_LANGUAGE = "statfin-14jt-vko"
ECEC_CHILDREN = "statfin-14jt-vaka-lapsi-lkm"
ECEC_TABLE = "14jt: contentscode={}; Varhaiskasvatus_5_20250101=SSS"


def _known(code, source, source_code, names, *, definitions=("", "", ""), **more):
    """A catalogue entry: names and definitions are given fi, sv, en."""
    languages = ("fi", "sv", "en")
    return IndicatorDefinition(
        code=code,
        source=source,
        source_code=source_code,
        **{f"name_{lang}": text for lang, text in zip(languages, names, strict=True)},
        **{f"definition_{lang}": text for lang, text in zip(languages, definitions, strict=True)},
        **more,
    )


KNOWN_INDICATORS = (
    _known(
        FOREIGN_LANGUAGE_SHARE,
        "statfin",
        "vaerak/159t: contentscode=vaesto_kieli_ulk_p",
        (
            "Vieraskielisten osuus väestöstä",
            "Främmandespråkigas andel av befolkningen",
            "Share of foreign-language speakers in the population",
        ),
        definitions=FOREIGN_LANGUAGE,
        unit="%",
        decimals=1,
        situation_order=1,
    ),
    _known(
        POPULATION,
        "sotkanet",
        "127",
        ("Väestö 31.12.", "Befolkning 31.12.", "Population on 31 December"),
        situation_order=2,
    ),
    _known(
        ECEC_FOREIGN_LANGUAGE,
        "statfin",
        ECEC_TABLE.format("vko"),
        (
            "Vieraskieliset varhaiskasvatukseen osallistuneet lapset",
            "Främmandespråkiga barn i småbarnspedagogik",
            "Foreign-language children in early childhood education",
        ),
        definitions=tuple(a + b for a, b in zip(FOREIGN_LANGUAGE, NO_ALAND, strict=True)),
        covers_aland=False,
        situation_order=3,
    ),
    _known(
        ECEC_CHILDREN,
        "statfin",
        ECEC_TABLE.format("vaka_lapsi_lkm"),
        (
            "Varhaiskasvatukseen osallistuneet lapset",
            "Barn i småbarnspedagogik",
            "Children in early childhood education",
        ),
        definitions=(
            "",
            "",
            "All children who took part in early childhood education. Åland is not included.",
        ),
        covers_aland=False,
        situation_order=4,
    ),
)

KNOWN_BY_CODE = {definition.code: definition for definition in KNOWN_INDICATORS}
