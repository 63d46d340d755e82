"""Users, the organisations they act for, and their dated roles."""

from django.contrib.auth.models import AbstractUser
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.models import NAME, TimeStampedModel, VersionedModel, in_languages, optional_link
from kotoplan.core.text import ascii_digits, text_of
from kotoplan.geography.models import Dated, valid_range


def _kept_link(to, verbose_name, **options) -> models.ForeignKey:
    """An optional reference that keeps the row it refers to from being deleted."""
    return optional_link(to, verbose_name, on_delete=models.PROTECT, **options)


BUSINESS_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_check_digit(digits: str) -> int | None:
    """The check digit of the seven digits of a Finnish business ID (Y-tunnus); None when no
    digit can make them valid (a remainder of 1)."""
    remainder = sum(int(d) * w for d, w in zip(digits, BUSINESS_ID_WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return None
    return 0 if remainder == 0 else 11 - remainder


def normalise_business_id(value: str) -> str:
    """A business ID as written in the register: seven digits, a hyphen and the check digit
    (a missing leading zero and spaces are forgiven)."""
    value = "".join((value or "").split())
    if "-" in value:
        head, _sep, tail = value.partition("-")
        value = f"{head.zfill(7)}-{tail}"
    return value


def validate_business_id(value: str) -> None:
    value = normalise_business_id(value)
    head, _sep, tail = value.partition("-")
    if not (len(head) == 7 and ascii_digits(head) and len(tail) == 1 and ascii_digits(tail)):
        raise ValidationError(
            _("Write the business ID as seven digits, a hyphen and a check digit (1234567-8)."),
            code="format",
        )
    if business_id_check_digit(head) != int(tail):
        raise ValidationError(
            _("The check digit of business ID %(value)s does not match; check the number."),
            code="check_digit",
            params={"value": value},
        )


class Organisation(VersionedModel):
    class Kind(models.TextChoices):
        MUNICIPALITY = "municipality", _("Municipality")
        MUNICIPAL_UNIT = "municipal_unit", _("Municipal unit or sector")
        WELLBEING_COUNTY = "wellbeing_county", _("Wellbeing services county")
        EMPLOYMENT_AREA = "employment_area", _("Employment area")
        REGIONAL_AUTHORITY = "regional_authority", _("Regional state authority")
        KELA = "kela", _("Kela (Social Insurance Institution)")
        DVV = "dvv", _("Digital and Population Data Services Agency")
        MIGRI = "migri", _("Finnish Immigration Service")
        POLICE = "police", _("Police")
        RECEPTION_CENTRE = "reception_centre", _("Reception or registration centre")
        IMMIGRANT_ORGANISATION = "immigrant_organisation", _("Immigrant organisation")
        CIVIL_SOCIETY = "civil_society", _("Other civil-society organisation")
        EMPLOYEE_ORGANISATION = "employee_organisation", _("Employee organisation")
        EMPLOYER_ORGANISATION = "employer_organisation", _("Employer organisation")
        RELIGIOUS_COMMUNITY = "religious_community", _("Religious community")
        SERVICE_PROVIDER = "service_provider", _("Service provider")
        EDUCATIONAL_INSTITUTION = "educational_institution", _("Educational institution")
        COMPANY = "company", _("Company")
        MINISTRY = "ministry", _("Ministry")

    kind = models.CharField(_("kind"), max_length=40, choices=Kind.choices)
    reference_key = models.SlugField(
        _("reference key"),
        max_length=40,
        null=True,
        blank=True,
        unique=True,
        help_text=_("Stable key of an organisation loaded from reference data."),
    )
    name_fi, name_sv, name_en = in_languages(
        models.CharField, NAME, finnish_required=True, max_length=200
    )
    municipality = _kept_link(
        "geography.Municipality",
        _("municipality"),
        related_name="organisations",
        help_text=_("The municipality of a municipality, municipal unit or local organisation."),
    )
    area = _kept_link(
        "geography.Area",
        _("area"),
        related_name="organisations",
        help_text=_("The area of a wellbeing county, employment area or regional authority."),
    )
    parent = _kept_link("self", _("parent organisation"), related_name="units")
    business_id = models.CharField(
        _("business ID"),
        max_length=9,
        blank=True,
        validators=[validate_business_id],
        help_text=_("Optional Finnish business ID (Y-tunnus), e.g. 1234567-8."),
    )
    created_by_municipality = _kept_link(
        "geography.Municipality",
        _("created by municipality"),
        related_name="created_organisations",
        help_text=_("The municipality whose coordinators added the organisation and may edit it."),
    )
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    ended_on = models.DateField(
        _("ceased on"),
        null=True,
        blank=True,
        help_text=_(
            "Leave empty while the organisation operates. Once it has ceased, it is no longer "
            "offered for plans whose period starts after that day; plans that name it keep it."
        ),
    )

    # Kinds a municipality's coordinators add themselves: its units and local organisations.
    # Authorities and other public bodies come from the reference data only.
    LOCAL_KINDS = (
        Kind.IMMIGRANT_ORGANISATION,
        Kind.CIVIL_SOCIETY,
        Kind.EMPLOYEE_ORGANISATION,
        Kind.EMPLOYER_ORGANISATION,
        Kind.RELIGIOUS_COMMUNITY,
        Kind.SERVICE_PROVIDER,
        Kind.EDUCATIONAL_INSTITUTION,
        Kind.COMPANY,
        Kind.RECEPTION_CENTRE,
    )

    class Meta:
        ordering = ["name_fi"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")
        constraints = [
            models.UniqueConstraint(
                fields=["kind", "municipality"],
                condition=Q(kind="municipality"),
                name="organisation_one_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["kind", "area"],
                condition=Q(area__isnull=False),
                name="organisation_one_per_area_kind",
            ),
            models.UniqueConstraint(
                fields=["business_id"],
                condition=~Q(business_id=""),
                name="organisation_unique_business_id",
            ),
        ]

    def __str__(self) -> str:
        """The name in the active interface language (else the first written one)."""
        return str(text_of(self, "name")) or self.name_fi

    def clean(self) -> None:
        needs_municipality = {self.Kind.MUNICIPALITY, self.Kind.MUNICIPAL_UNIT}
        needs_area = {
            self.Kind.WELLBEING_COUNTY,
            self.Kind.EMPLOYMENT_AREA,
            self.Kind.REGIONAL_AUTHORITY,
        }
        if self.kind in needs_municipality and not self.municipality_id:
            raise ValidationError({"municipality": _("Choose the municipality.")})
        if self.kind in needs_area and not self.area_id:
            raise ValidationError({"area": _("Choose the area.")})
        if self.business_id:
            self.business_id = normalise_business_id(self.business_id)


class User(AbstractUser):
    preferred_language = models.CharField(
        _("preferred language"),
        max_length=2,
        choices=[("fi", "suomi"), ("sv", "svenska"), ("en", "English")],
        default="fi",
    )
    erased_at = models.DateTimeField(
        _("personal data erased"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("The account was anonymised at a request to erase its holder's data."),
    )

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def __str__(self) -> str:
        return self.get_full_name() or self.username

    def get_full_name(self) -> str:
        """The name; an erased account is a neutral "Deleted user <id>" in the reader's
        language, so what it wrote keeps an author without naming anyone."""
        if self.erased_at is not None:
            return gettext("Deleted user %(id)s") % {"id": self.pk}
        return super().get_full_name()


class RoleAssignment(TimeStampedModel, Dated):
    class Role(models.TextChoices):
        COORDINATOR = "coordinator", _("Municipal coordinator")
        CONTRIBUTOR = "contributor", _("Contributor")
        VIEWER = "viewer", _("Viewer")
        REGIONAL_OFFICIAL = "regional_official", _("Regional authority official")
        COUNTY_LIAISON = "county_liaison", _("Wellbeing county liaison")
        NATIONAL_VIEWER = "national_viewer", _("National viewer")
        STATISTICS_IMPORTER = "statistics_importer", _("Statistics importer")

    # Which organisation kinds each role fits; data, checked in clean().
    ROLE_ORGANISATION_KINDS = {
        Role.COORDINATOR: {Organisation.Kind.MUNICIPALITY, Organisation.Kind.MUNICIPAL_UNIT},
        Role.VIEWER: {Organisation.Kind.MUNICIPALITY, Organisation.Kind.MUNICIPAL_UNIT},
        Role.REGIONAL_OFFICIAL: {Organisation.Kind.REGIONAL_AUTHORITY},
        Role.COUNTY_LIAISON: {Organisation.Kind.WELLBEING_COUNTY},
        Role.NATIONAL_VIEWER: {Organisation.Kind.MINISTRY},
        # Keeps the shared statistics (every municipality, county and the whole country).
        Role.STATISTICS_IMPORTER: {
            Organisation.Kind.MINISTRY,
            Organisation.Kind.REGIONAL_AUTHORITY,
        },
    }

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="roles")
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisation"), on_delete=models.PROTECT, related_name="roles"
    )
    role = models.CharField(_("role"), max_length=32, choices=Role.choices)

    class Meta:
        verbose_name = _("role")
        verbose_name_plural = _("roles")
        constraints = [valid_range("role_valid_range")]

    def __str__(self) -> str:
        return f"{self.user} · {self.get_role_display()} · {self.organisation}"

    def clean(self) -> None:
        allowed = self.ROLE_ORGANISATION_KINDS.get(self.role)
        if allowed and self.organisation_id and self.organisation.kind not in allowed:
            raise ValidationError(
                {"organisation": _("This role cannot be given in this kind of organisation.")}
            )


class AccountRequest(TimeStampedModel):
    """A person's identity at an organisation's identity provider (single sign-on) and whether
    Kotoplan lets it in. The provider only says who the person is: a first login of someone
    unknown leaves a pending request and an inactive account until a coordinator of the
    organisation's municipality or an administrator approves it with a role (or configured
    claims give the role). An approved request links the identity to its account."""

    class State(models.TextChoices):
        PENDING = "pending", _("Awaiting approval")
        APPROVED = "approved", _("Approved")
        REFUSED = "refused", _("Refused")

    provider = models.SlugField(_("identity provider"), max_length=40)
    subject = models.CharField(_("identifier at the provider"), max_length=255)
    user = models.OneToOneField(
        User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="account_request"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisation"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="account_requests",
    )
    email = models.EmailField(_("email"), blank=True)
    name = models.CharField(_("name"), max_length=200, blank=True)
    state = models.CharField(_("state"), max_length=10, choices=State.choices)
    decided_by = models.ForeignKey(
        User,
        verbose_name=_("decided by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("account request")
        verbose_name_plural = _("account requests")
        constraints = [
            models.UniqueConstraint(
                fields=["provider", "subject"], name="account_request_one_per_identity"
            )
        ]

    def __str__(self) -> str:
        return f"{self.name or self.email or self.subject} ({self.provider})"
