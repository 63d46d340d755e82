"""The reference-data loader on the committed files."""

import csv
import shutil
from datetime import date
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command

from kotoplan.geography.errors import ReferenceDataError
from kotoplan.geography.models import Area, AreaMembership, Municipality
from kotoplan.geography.services import reference_data_load

REFERENCE_DIR = Path(settings.BASE_DIR) / "data" / "reference"
CSV_NAME = "municipalities.csv"


def _snapshot() -> tuple[list, list, list]:
    return (
        list(Municipality.objects.order_by("code").values()),
        list(Area.objects.order_by("kind", "code").values()),
        list(AreaMembership.objects.order_by("municipality__code", "area__kind").values()),
    )


def _copy_reference(tmp_path: Path, change) -> Path:
    """Copy data/reference to tmp_path, letting `change(header, rows)` edit the CSV."""
    target = tmp_path / "reference"
    shutil.copytree(REFERENCE_DIR, target)
    with (REFERENCE_DIR / CSV_NAME).open(encoding="utf-8", newline="") as handle:
        reader = csv.DictReader(handle)
        header, rows = list(reader.fieldnames or []), list(reader)
    header, rows = change(header, rows)
    with (target / CSV_NAME).open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=header, extrasaction="ignore")
        writer.writeheader()
        writer.writerows(rows)
    return target


def _bad_code_on_last_line(header, rows):
    rows[-1]["code"] = "99X"
    return header, rows


def _duplicate_code_on_last_line(header, rows):
    rows[-1]["code"] = rows[-2]["code"]
    return header, rows


def _without_region_column(header, rows):
    return [name for name in header if name != "region_code"], rows


# The CSV has a header and 308 rows, so the last row is on line 309.
BROKEN_FILES = [
    pytest.param(_bad_code_on_last_line, "line 309: code '99X' is not 3 digits", id="bad-code"),
    pytest.param(_duplicate_code_on_last_line, "line 309: code 989 appears twice", id="duplicate"),
    pytest.param(_without_region_column, "missing columns region_code", id="missing-column"),
]


def test_reference_load_creates_every_municipality__committed_files(db):
    """Loading data/reference gives 308 municipalities, 292 of them under the Integration Act."""
    reference_data_load()

    assert Municipality.objects.count() == 308
    assert Municipality.objects.in_act_scope().count() == 292
    assert Municipality.objects.get(code="091").name_fi == "Helsinki"


def test_reference_load_puts_aland_outside_the_act__committed_files(db):
    """The 16 municipalities left out of the Act's scope are exactly the Åland ones."""
    reference_data_load()

    outside = Municipality.objects.filter(in_act_scope=False)
    aland = Area.objects.get(kind=Area.Kind.REGION, code="21")
    aland_members = Municipality.objects.filter(memberships__area=aland)
    assert outside.count() == 16
    assert set(outside) == set(aland_members)
    assert outside.filter(name_sv="Mariehamn").exists()


def test_reference_load_dates_authority_areas__ely_until_2025_evk_from_2026(db):
    """15 ELY centres end on 2025-12-31 and 10 Economic Development Centres start on 2026-01-01."""
    reference_data_load()

    ely = Area.objects.filter(kind=Area.Kind.ELY_CENTRE)
    evk = Area.objects.filter(kind=Area.Kind.VITALITY_CENTRE)
    assert ely.count() == 15
    assert set(ely.values_list("valid_from", "valid_to")) == {(None, date(2025, 12, 31))}
    assert evk.count() == 10
    assert set(evk.values_list("valid_from", "valid_to")) == {(date(2026, 1, 1), None)}
    ely_memberships = AreaMembership.objects.filter(area__kind=Area.Kind.ELY_CENTRE)
    assert set(ely_memberships.values_list("valid_to", flat=True)) == {date(2025, 12, 31)}


def test_reference_load_changes_nothing__second_run(db):
    """Running the loader again on the same files reports no change and leaves rows as they were."""
    first = reference_data_load()
    before = _snapshot()

    second = reference_data_load()

    assert first.changed
    assert not second.changed
    assert _snapshot() == before


def test_reference_load_renames_municipality__name_changed_in_file(db, tmp_path):
    """A renamed municipality in the file is updated in place, keeping its row."""
    reference_data_load()
    helsinki = Municipality.objects.get(code="091")

    def rename(header, rows):
        next(row for row in rows if row["code"] == "091")["name_sv"] = "Helsingfors stad"
        return header, rows

    report = reference_data_load(directory=_copy_reference(tmp_path, rename))

    helsinki.refresh_from_db()
    assert helsinki.name_sv == "Helsingfors stad"
    assert report.updated == {"municipality": 1}
    assert report.created == {}


@pytest.mark.parametrize(("break_file", "message"), BROKEN_FILES)
def test_reference_load_rejects_file_naming_the_problem__broken_csv(
    db, tmp_path, break_file, message
):
    """A broken file is refused with a message naming the line or column; nothing is written."""
    directory = _copy_reference(tmp_path, break_file)

    with pytest.raises(ReferenceDataError) as caught:
        reference_data_load(directory=directory)

    assert message in caught.value.message
    assert CSV_NAME in caught.value.message
    assert Municipality.objects.count() == 0
    assert Area.objects.count() == 0
    assert AreaMembership.objects.count() == 0


def test_reference_load_keeps_loaded_data__broken_last_line(db, tmp_path):
    """An error on the last line also discards the valid changes on earlier lines."""
    reference_data_load()
    before = _snapshot()

    def rename_first_and_break_last(header, rows):
        rows[0]["name_fi"] = "Uusi nimi"
        return _bad_code_on_last_line(header, rows)

    with pytest.raises(ReferenceDataError):
        reference_data_load(directory=_copy_reference(tmp_path, rename_first_and_break_last))

    assert _snapshot() == before


def test_load_reference_data_command_reports_up_to_date__second_run(db, capsys):
    """The management command says so when the reference data is already loaded."""
    call_command("load_reference_data")
    call_command("load_reference_data")

    assert capsys.readouterr().out.strip().endswith("Reference data already up to date.")
