"""Spreadsheet import: the template (XLSX or CSV) creates a draft plan, or nothing with every
problem named by row and column."""

import io
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import Workbook, load_workbook

from kotoplan.accounts.models import Organisation
from kotoplan.documents.errors import ImportRejected
from kotoplan.documents.importers.spreadsheet import spreadsheet_check, spreadsheet_read
from kotoplan.documents.importers.spreadsheet_columns import COLUMNS
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.factories.accounts import OrganisationFactory

pytestmark = pytest.mark.django_db
URL = "/documents/import/"
HEADER = [c.key for c in COLUMNS]


@pytest.fixture
def kela(db) -> Organisation:
    return OrganisationFactory(
        kind=Organisation.Kind.KELA, reference_key="kela", name_fi="Kansaneläkelaitos (Kela)"
    )


@pytest.fixture
def rows(organisation_a, contributor_organisation, kela):
    return [
        {
            "theme": "employment_education",
            "objective_title": "Työllisyys paranee",
            "objective_description": "Kuvaus",
            "measure_title": "Työnhakuklubi",
            "measure_description": "Viikoittain",
            "responsible": "Espoon kaupunki",
            "partners": "kela; Monikulttuurinen yhdistys ry",
            "schedule_start": "2026-01-01",
            "schedule_end": "31.12.2027",
            "resources": "0,5 htv",
            "status": "käynnissä",
            "indicator_name": "Työllisyysaste",
            "unit": "%",
            "baseline_value": "58,5",
            "baseline_year": "2024",
            "target_value": "65",
            "target_year": "2028",
            "direction": "increase",
        },
        {
            "theme": "Työllisyys ja koulutus",
            "objective_title": "Työllisyys paranee",
            "measure_title": "Kielikurssit työpaikoilla",
            "responsible": "Esbo stad",
        },
        {
            "theme": "good_relations",
            "objective_title": "Asukkaat tuntevat toisensa",
            "indicator_name": "Turvalliseksi kokevat",
            "unit": "%",
            "direction": "ylläpito",
        },
    ]


def as_csv(rows, separator=";", bom=True) -> bytes:
    lines = [separator.join(HEADER)]
    for row in rows:
        cells = [str(row.get(key, "")) for key in HEADER]
        lines.append(separator.join(f'"{c}"' if separator in c else c for c in cells))
    return (("\ufeff" if bom else "") + "\n".join(lines) + "\n").encode("utf-8")


def as_xlsx(rows) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.append(HEADER)
    for row in rows:
        sheet.append([row.get(key) for key in HEADER])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(client, user, content: bytes, name: str, municipality, confirm=True, **extra):
    """Upload the file; when it passes the check, confirm its preview (as the user would)."""
    client.force_login(user)
    data = {
        "lead_municipality": municipality.pk,
        "title_fi": "Tuotu suunnitelma",
        "period_start": 2026,
        "period_end": 2029,
        "form": Plan.Form.SEPARATE,
        "file": SimpleUploadedFile(name, content),
        **extra,
    }
    response = client.post(URL, data)
    if confirm and response.status_code == 302 and "/documents/import/" in response["Location"]:
        preview = client.get(response["Location"])
        assert preview.status_code == 200
        response = client.post(response["Location"])
    return response


def check_plan(plan: Plan, kela, contributor_organisation, organisation_a) -> None:
    assert plan.state == Plan.State.DRAFT
    assert plan.title_fi == "Tuotu suunnitelma"
    assert (plan.period_start, plan.period_end) == (
        2026,
        2029,
    )
    objectives = list(plan.objectives.order_by("order"))
    assert [o.title_fi for o in objectives] == ["Työllisyys paranee", "Asukkaat tuntevat toisensa"]
    assert objectives[0].description_fi == "Kuvaus"
    measures = list(objectives[0].measures.order_by("order"))
    assert [m.title_fi for m in measures] == ["Työnhakuklubi", "Kielikurssit työpaikoilla"]
    club = measures[0]
    assert club.responsible_organisation == organisation_a
    assert set(club.partners.all()) == {kela, contributor_organisation}
    assert (club.schedule_start, club.schedule_end) == (date(2026, 1, 1), date(2027, 12, 31))
    assert club.status == Measure.Status.ONGOING
    assert club.resources == "0,5 htv"
    assert measures[1].responsible_organisation == organisation_a
    indicator = Indicator.objects.get(objective=objectives[0])
    assert indicator.measure == club
    assert (indicator.baseline_value, indicator.baseline_year) == (Decimal("58.50"), 2024)
    assert (indicator.target_value, indicator.target_year) == (Decimal("65.00"), 2028)
    assert indicator.unit == "%"
    assert indicator.name_fi == "Työllisyysaste"
    other = Indicator.objects.get(objective=objectives[1])
    assert other.measure is None
    assert other.direction == Indicator.Direction.MAINTAIN
    assert objectives[1].measures.count() == 0


def test_valid_xlsx_creates_a_draft_plan(
    client, coordinator_a, municipality_a, rows, kela, contributor_organisation, organisation_a
):
    response = upload(client, coordinator_a, as_xlsx(rows), "plan.xlsx", municipality_a)
    plan = Plan.objects.get(title_fi="Tuotu suunnitelma")
    assert response.status_code == 302
    assert response["Location"] == reverse("planning:plan_detail", args=[plan.pk])
    check_plan(plan, kela, contributor_organisation, organisation_a)


@pytest.mark.parametrize(("separator", "bom"), [(";", True), (",", False)])
def test_valid_csv_creates_a_draft_plan(
    client,
    coordinator_a,
    municipality_a,
    rows,
    kela,
    contributor_organisation,
    organisation_a,
    separator,
    bom,
):
    response = upload(
        client, coordinator_a, as_csv(rows, separator, bom), "plan.csv", municipality_a
    )
    assert response.status_code == 302
    plan = Plan.objects.get(title_fi="Tuotu suunnitelma")
    check_plan(plan, kela, contributor_organisation, organisation_a)


def test_the_shipped_templates_import(municipality_a, organisation_a, kela, themes):
    folder = Path(settings.BASE_DIR) / "data" / "templates"
    Organisation.objects.filter(pk=organisation_a.pk).update(name_fi="Tampere")
    sheet = load_workbook(folder / "kotoplan-plan-import.xlsx").worksheets[0]
    assert [c.value for c in sheet[1]] == HEADER
    assert sheet["G2"].value == "Työllisyyspalvelut"
    for name in ("kotoplan-plan-import.xlsx", "kotoplan-plan-import.csv"):
        draft = spreadsheet_read(
            (folder / name).read_bytes(),
            filename=name,
            lead_municipality=municipality_a,
            data={"title_fi": "x", "period_start": 2026, "period_end": 2029},
        )
        assert len(draft.objectives) == 2
        assert len(draft.objectives[0].measures) == 1
        assert draft.objectives[0].measures[0].data["responsible_unit"] == "Työllisyyspalvelut"
        indicator = draft.objectives[0].indicators[0].data
        assert (indicator["source"], indicator["source_code"]) == (
            "statfin",
            "tyokay/statfin_tyokay_pxt_115b.px",
        )


BAD_CELLS = [
    ("theme", "tuntematon", "A (theme)", "unknown theme “tuntematon”"),
    ("objective_title", "", "B (objective_title)", "the objective is missing"),
    ("responsible", "Ei ole", "F (responsible)", "no organisation called “Ei ole”"),
    ("partners", "kela; Ei ole", "I (partners)", "no organisation called “Ei ole”"),
    ("schedule_start", "32.1.2026", "J (schedule_start)", "“32.1.2026” is not a date"),
    ("schedule_end", "2025-12-31", "K (schedule_end)", "the measure ends before it starts"),
    ("status", "kesken", "N (status)", "“kesken” is not one of"),
    ("baseline_value", "paljon", "S (baseline_value)", "“paljon” is not a number"),
    ("baseline_year", "24", "T (baseline_year)", "“24” is not a year"),
    ("target_year", "2023", "V (target_year)", "the target year is before the baseline year"),
    ("direction", "ylös", "X (direction)", "“ylös” is not one of"),
    ("unit", "", "P (unit)", "a baseline or target number needs its unit"),
    ("indicator_source", "arvaus", "Q (indicator_source)", "“arvaus” is not one of"),
]


@pytest.mark.parametrize(("key", "value", "column", "message"), BAD_CELLS)
def test_each_problem_names_its_row_and_column(municipality_a, rows, key, value, column, message):
    rows[0][key] = value
    with pytest.raises(ImportRejected) as rejected:
        spreadsheet_read(
            as_csv(rows),
            filename="plan.csv",
            lead_municipality=municipality_a,
            data={"title_fi": "x", "period_start": 2026, "period_end": 2029},
        )
    texts = [str(p) for p in rejected.value.problems]
    assert any(t.startswith(f"row 2, column {column}: {message}") for t in texts), texts


def test_a_file_with_one_bad_row_writes_nothing_and_lists_every_problem(
    client, coordinator_a, municipality_a, rows
):
    rows[1]["responsible"] = "Tuntematon virasto"
    rows[2]["target_year"] = "vuosi"
    before = (Plan.objects.count(), Objective.objects.count(), Measure.objects.count())
    response = upload(client, coordinator_a, as_xlsx(rows), "plan.xlsx", municipality_a)
    assert response.status_code == 200
    assert (Plan.objects.count(), Objective.objects.count(), Measure.objects.count()) == before
    page = response.content.decode()
    assert 'role="alert"' in page
    assert "row 3, column F (responsible): no organisation called “Tuntematon virasto”" in page
    assert "row 4, column V (target_year): “vuosi” is not a year" in page


def test_unknown_columns_are_listed_and_missing_ones_reported(municipality_a):
    content = b"teema;toimenpide;whatever\nemployment_education;x;y\n"
    checked = spreadsheet_check(
        content, lead_municipality=municipality_a, data={"period_start": 1, "period_end": 1}
    )
    texts = [str(p) for p in checked.problems]
    assert texts == ["row 1: the column “objective” is missing; add a column with that heading"]
    content = "teema;tavoite;Budjetti\nemployment_education;Työ;1000\n".encode()
    checked = spreadsheet_check(
        content, lead_municipality=municipality_a, data={"period_start": 1, "period_end": 1}
    )
    assert not checked.problems
    assert checked.notes == [
        "The column “Budjetti” (column C) is not imported: Kotoplan has no such field. "
        "Rename it as in the template if it should be imported."
    ]


def test_a_broken_file_is_rejected(client, coordinator_a, municipality_a):
    response = upload(client, coordinator_a, b"PK\x03\x04broken", "plan.xlsx", municipality_a)
    assert "the file is not a readable XLSX workbook" in response.content.decode()
    response = upload(client, coordinator_a, "a;b\n".encode("utf-16"), "plan.csv", municipality_a)
    assert "no header row found in the first 20 rows" in response.content.decode()
    assert not Plan.objects.exists()


def test_coordinator_of_another_municipality_is_refused(
    client, coordinator_b, municipality_a, municipality_b, rows
):
    response = upload(client, coordinator_b, as_csv(rows), "plan.csv", municipality_a)
    assert response.status_code == 200
    assert not Plan.objects.filter(lead_municipality=municipality_a).exists()
    assert "Select a valid choice" in response.content.decode()


def test_users_without_a_coordinator_role_are_refused(client, viewer_a, municipality_a):
    client.force_login(viewer_a)
    assert client.get(URL).status_code == 403


def test_anonymous_is_redirected_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302
    assert "login" in response["Location"]


def test_page_and_template_download(client, coordinator_a, municipality_a):
    client.force_login(coordinator_a)
    page = client.get(URL).content.decode()
    assert 'enctype="multipart/form-data"' in page
    assert "objective_title" in page
    response = client.get(reverse("documents:import_template", args=["csv"]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).decode("utf-8-sig").startswith("theme;")
