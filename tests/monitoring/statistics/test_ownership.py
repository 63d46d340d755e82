"""Shared statistics have owners: a coordinator imports only their own municipality's values;
other areas need the statistics importer role or an administrator; every import is audited."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import translation

from kotoplan.accounts.models import RoleAssignment
from kotoplan.geography.models import Area
from kotoplan.monitoring.statistics.models import ImportRun, StatisticValue
from kotoplan.monitoring.statistics.services import import_run_create, import_run_execute
from tests.factories.accounts import UserFactory
from tests.factories.geography import AreaFactory
from tests.monitoring.statistics.test_statfin_shapes import QUARTER, YEAR


def _run(actor, municipality, path, name="11ra.json"):
    run = import_run_create(
        actor=actor,
        source="statfin",
        municipality=municipality,
        file_name=name,
        payload=path.read_text(encoding="utf-8"),
    )
    return import_run_execute(run_id=run.pk)


def test_coordinator__writes_only_own_municipality_and_says_why(
    coordinator_a, municipality_a, municipality_b, wellbeing_county, catalogue
):
    run = _run(coordinator_a, municipality_a, QUARTER)
    assert run.status == "succeeded"
    assert set(StatisticValue.objects.values_list("municipality__code", flat=True)) == {"049"}
    assert not StatisticValue.objects.filter(country=True).exists()
    assert (run.rows_created, run.rows_skipped) == (12, 24)
    assert "values of other areas than Espoo: only a statistics importer or an administrator" in (
        run.skipped_note
    )
    assert run.areas_written == "049 Espoo"


def test_coordinator__cannot_overwrite_the_shared_country_values(
    coordinator_a, statistics_importer, municipality_a, municipality_b, wellbeing_county, catalogue
):
    _run(statistics_importer, None, QUARTER)
    country = StatisticValue.objects.filter(country=True).order_by("pk").first()
    before = country.value
    _run(coordinator_a, municipality_a, QUARTER)
    country.refresh_from_db()
    assert country.value == before
    assert country.import_run.created_by == statistics_importer


def test_coordinator__file_without_own_values_is_refused_in_finnish(
    coordinator_b, municipality_a, municipality_b, wellbeing_county, catalogue
):
    with translation.override("fi"):
        run = _run(coordinator_b, municipality_b, QUARTER)
    assert run.status == "failed"
    assert run.error_message.startswith(
        "Tiedostossa ei ole arvoja kunnalle Jyväskylä (kuntanumero 179)."
    )
    assert StatisticValue.objects.count() == 0


def test_statistics_importer__writes_every_area(
    statistics_importer, municipality_a, municipality_b, wellbeing_county, catalogue
):
    run = _run(statistics_importer, None, QUARTER)
    assert (run.status, run.rows_created, run.rows_skipped) == ("succeeded", 36, 0)
    assert "Länsi-Uudenmaan hyvinvointialue" in run.areas_written
    assert "the whole country" in run.areas_written


def test_other_roles__may_not_start_an_import(regional_official, national_viewer, db):
    for user in (regional_official, national_viewer):
        with pytest.raises(PermissionDenied):
            import_run_create(actor=user, source="statfin", payload="{}")
    assert not ImportRun.objects.exists()


def test_statistics_importer_role__belongs_to_ministry_or_regional_authority(organisation_a):
    user = UserFactory()
    assignment = RoleAssignment(
        user=user, organisation=organisation_a, role=RoleAssignment.Role.STATISTICS_IMPORTER
    )
    with pytest.raises(ValidationError):
        assignment.full_clean()


def test_audit__who_which_file_how_many_values_which_areas(
    coordinator_a, municipality_a, areas_for_year, catalogue
):
    run = _run(coordinator_a, municipality_a, YEAR, name="statfin_vaerak_pxt_11ra.json")
    entries = LogEntry.objects.get_for_object(run).order_by("timestamp", "pk")
    created, finished = entries.first(), entries.last()
    assert created.actor == coordinator_a
    assert finished.actor == coordinator_a
    assert created.additional_data["file"] == "statfin_vaerak_pxt_11ra.json"
    assert created.changes_dict["file_name"][1] == "statfin_vaerak_pxt_11ra.json"
    assert finished.changes_dict["rows_created"][1] == "4"
    assert finished.changes_dict["areas_written"][1] == "049 Espoo"


@pytest.fixture
def areas_for_year(municipality_b, wellbeing_county):
    return AreaFactory(kind=Area.Kind.REGION, code="01", name_fi="Uusimaa")


def test_statistics_importer__import_page_without_a_municipality(
    client, statistics_importer, municipality_a
):
    client.force_login(statistics_importer)
    page = client.get(reverse("monitoring:import"))
    assert page.status_code == 200
    form = page.context["form"]
    assert not form.fields["municipality"].required
