"""Member categories of a cooperation group, as the Act lists the possible members, plus the
municipality's own sectors; the default category of each organisation kind; and the categories
a group is recommended to have (practice, not law: kept here as data so it can be changed)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from kotoplan.accounts.models import Organisation


class Category(models.TextChoices):
    OTHER_MUNICIPALITY = "other_municipality", _("Authority: other municipality")
    EMPLOYMENT_AREA = "employment_area", _("Authority: employment area")
    REGIONAL_AUTHORITY = "regional_authority", _("Authority: regional state authority")
    WELLBEING_COUNTY = "wellbeing_county", _("Authority: wellbeing services county")
    KELA = "kela", _("Authority: Kela")
    DVV = "dvv", _("Authority: Digital and Population Data Services Agency")
    MIGRI = "migri", _("Authority: Finnish Immigration Service")
    POLICE = "police", _("Authority: police")
    RECEPTION_CENTRE = "reception_centre", _("Reception or registration centre")
    IMMIGRANT_ORGANISATION = "immigrant_organisation", _("Immigrant organisation")
    CIVIL_SOCIETY = "civil_society", _("Civil-society organisation")
    EMPLOYEE_ORGANISATION = "employee_organisation", _("Employee organisation")
    EMPLOYER_ORGANISATION = "employer_organisation", _("Employer organisation")
    RELIGIOUS_COMMUNITY = "religious_community", _("Religious community")
    SERVICE_PROVIDER = "service_provider", _("Service provider promoting integration")
    SECTOR_EDUCATION = "sector_education", _("Municipal sector: education")
    SECTOR_LEISURE = "sector_leisure", _("Municipal sector: leisure")
    SECTOR_BUSINESS = "sector_business", _("Municipal sector: business")
    SECTOR_HOUSING = "sector_housing", _("Municipal sector: housing")
    OTHER = "other", _("Other party")


Kind = Organisation.Kind

# The category a new member gets unless someone chooses another one. Municipal units have no
# default: the sector has to be chosen.
DEFAULT_CATEGORY_BY_KIND: dict[str, str] = {
    Kind.MUNICIPALITY: Category.OTHER_MUNICIPALITY,
    Kind.EMPLOYMENT_AREA: Category.EMPLOYMENT_AREA,
    Kind.REGIONAL_AUTHORITY: Category.REGIONAL_AUTHORITY,
    Kind.WELLBEING_COUNTY: Category.WELLBEING_COUNTY,
    Kind.KELA: Category.KELA,
    Kind.DVV: Category.DVV,
    Kind.MIGRI: Category.MIGRI,
    Kind.POLICE: Category.POLICE,
    Kind.RECEPTION_CENTRE: Category.RECEPTION_CENTRE,
    Kind.IMMIGRANT_ORGANISATION: Category.IMMIGRANT_ORGANISATION,
    Kind.CIVIL_SOCIETY: Category.CIVIL_SOCIETY,
    Kind.EMPLOYEE_ORGANISATION: Category.EMPLOYEE_ORGANISATION,
    Kind.EMPLOYER_ORGANISATION: Category.EMPLOYER_ORGANISATION,
    Kind.RELIGIOUS_COMMUNITY: Category.RELIGIOUS_COMMUNITY,
    Kind.SERVICE_PROVIDER: Category.SERVICE_PROVIDER,
    Kind.EDUCATIONAL_INSTITUTION: Category.SERVICE_PROVIDER,
    Kind.COMPANY: Category.OTHER,
    Kind.MINISTRY: Category.OTHER,
}

# Parties a multi-sectoral group usually needs [practice]: the coverage view lists the ones
# missing. Reception centres, DVV, Migri and the police are possible members, not expected ones.
RECOMMENDED_CATEGORIES: tuple[str, ...] = (
    Category.EMPLOYMENT_AREA,
    Category.WELLBEING_COUNTY,
    Category.REGIONAL_AUTHORITY,
    Category.KELA,
    Category.IMMIGRANT_ORGANISATION,
    Category.CIVIL_SOCIETY,
    Category.EMPLOYER_ORGANISATION,
    Category.EMPLOYEE_ORGANISATION,
    Category.SECTOR_EDUCATION,
    Category.SECTOR_LEISURE,
    Category.SECTOR_HOUSING,
)


def default_category(organisation: Organisation) -> str:
    """The category suggested for an organisation; empty when it has to be chosen."""
    return DEFAULT_CATEGORY_BY_KIND.get(organisation.kind, "")
