"""Plan spreadsheets as Finnish offices save them (tests/data/spreadsheets, written by
make_files.py exactly as Excel writes them): Windows-1252 CSV with ";" and decimal commas,
UTF-16 "Unicode text", UTF-8 with and without a byte order mark, and an XLSX workbook with title
rows, merged objective cells, "*" headers and a column the template does not know."""

import csv
import io
import zipfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from django.utils import translation
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import Workbook

from kotoplan.documents.errors import ImportRejected
from kotoplan.documents.importers.spreadsheet import spreadsheet_check
from kotoplan.documents.importers.spreadsheet_columns import header_index, names
from kotoplan.documents.importers.spreadsheet_files import Limits, decode, read_sheet
from kotoplan.planning.models import Indicator, Measure
from tests.factories.accounts import OrganisationFactory

pytestmark = pytest.mark.django_db
FILES = Path(__file__).resolve().parent.parent / "data" / "spreadsheets"
PLAN = {"title_fi": "Tuotu", "period_start": 2026, "period_end": 2029}
OBJECTIVE = "Työllisyys paranee – erityisesti naisilla"


@pytest.fixture
def organisations(organisation_a, contributor_organisation):
    kela = OrganisationFactory(reference_key="kela", name_fi="Kansaneläkelaitos (Kela)")
    return {"espoo": organisation_a, "kela": kela, "association": contributor_organisation}


def check(content: bytes, municipality, filename="plan.csv", **kwargs):
    return spreadsheet_check(
        content, filename=filename, lead_municipality=municipality, data=PLAN, **kwargs
    )


def summary(draft) -> list:
    """Objectives with their theme, measures and indicators (indicator → its measure's title)."""
    result = []
    for objective in draft.objectives:
        titles = {m.ref: m.data["title_fi"] for m in objective.measures}
        result.append(
            (
                objective.theme.code,
                objective.data["title_fi"],
                [m.data["title_fi"] for m in objective.measures],
                [(i.data["name_fi"], titles.get(i.measure_ref)) for i in objective.indicators],
            )
        )
    return result


COMMON = [
    (
        "employment_education",
        OBJECTIVE,
        ["Työnhakuklubi", "Kielikurssit työpaikoilla", "Mentorointi"],
        None,  # differs: see the tests
    ),
    ("good_relations", "Asukkaat tuntevat toisensa", [], [("Turvalliseksi kokevat", None)]),
    ("good_relations", "Ruotsinkielinen palvelu toimii", ["Kaksikielinen neuvonta"], []),
]


def assert_common(draft, organisations) -> None:
    found = summary(draft)
    assert [row[:3] for row in found] == [row[:3] for row in COMMON]
    assert found[1:] == COMMON[1:]
    objective = draft.objectives[0]
    assert objective.data["description_fi"] == "Työllisyysaste nousee 5 %-yksikköä; ”työ ensin”."
    club, courses, mentoring = objective.measures
    assert club.responsible == organisations["espoo"]
    assert club.data["responsible_unit"] == "Työllisyyspalvelut"
    assert club.partners == [organisations["kela"], organisations["association"]]
    assert club.data["description_fi"] == "Viikoittain, myös ruotsiksi (på svenska)"
    assert (club.data["schedule_start"], club.data["schedule_end"]) == (
        date(2026, 1, 1),
        date(2027, 12, 31),
    )
    assert club.data["status"] == Measure.Status.ONGOING
    assert courses.responsible == organisations["espoo"]  # by its Swedish name
    assert courses.data["schedule_start"] == date(2026, 3, 1)
    assert mentoring.data["schedule_start"] == date(2026, 4, 1)  # Excel serial 46113
    assert mentoring.data["status"] == Measure.Status.DONE
    employment, mentored = objective.indicators[:2]
    assert employment.data["source"] == Indicator.Source.STATFIN
    assert employment.data["source_code"] == "tyokay_115b"
    assert employment.data["baseline_value"] == Decimal("58.50")
    assert mentored.data["baseline_value"] == Decimal("1234.50")
    assert mentored.data["target_value"] == Decimal("2000.00")
    assert mentored.data["source"] == Indicator.Source.MANUAL
    safety = draft.objectives[1].indicators[0].data
    assert (safety["source"], safety["source_code"]) == (Indicator.Source.SOTKANET, "4567")
    bilingual = draft.objectives[2].measures[0]
    assert bilingual.data["schedule_start"] == date(2025, 3, 1)  # "1.3.25": a two-digit year


def assert_notes(checked) -> None:
    assert "Rows 1–3 above the header row were read as titles and not imported." in checked.notes
    assert (
        "The column “Budjetti (€)” (column T) is not imported: Kotoplan has no such field. "
        "Rename it as in the template if it should be imported." in checked.notes
    )


def test_xlsx_with_title_rows_merged_cells_and_an_unknown_column(municipality_a, organisations):
    checked = check((FILES / "finnish-plan.xlsx").read_bytes(), municipality_a, "plan.xlsx")
    assert checked.problems == []
    assert_common(checked.draft, organisations)
    assert_notes(checked)
    # the measure cell merged over two indicator rows gives both indicators to the measure
    assert summary(checked.draft)[0][3] == [
        ("Työllisyysaste", "Työnhakuklubi"),
        ("Mentoroitujen määrä", "Mentorointi"),
        ("Mentoreiden määrä", "Mentorointi"),
    ]


def test_xlsx_plan_on_the_second_sheet_after_a_hidden_one(municipality_a, organisations):
    # The hidden first sheet has the same header and an example row: the visible sheet wins;
    # a formula cell gives the value Excel cached; the formatted empty column is no column.
    content = (FILES / "finnish-plan-second-sheet.xlsx").read_bytes()
    checked = check(content, municipality_a, "suunnitelma.xlsx")
    assert checked.problems == []
    assert checked.sheet.name == "Suunnitelma"
    assert_common(checked.draft, organisations)
    employment = checked.draft.objectives[0].indicators[0].data
    assert employment["target_year"] == 2028  # the formula's cached value
    assert_notes(checked)


@pytest.mark.parametrize(
    ("name", "encoding", "separator"),
    [("finnish-plan-excel.csv", "windows-1252", ";"), ("finnish-plan-excel.txt", "utf-16", "\t")],
)
def test_csv_and_unicode_text_as_finnish_excel_saves_them(
    municipality_a, organisations, name, encoding, separator
):
    content = (FILES / name).read_bytes()
    checked = check(content, municipality_a, name)
    assert checked.problems == []
    assert (checked.sheet.encoding, checked.sheet.separator) == (encoding, separator)
    assert_common(checked.draft, organisations)
    assert_notes(checked)
    # without merge information an empty objective continues the objective above; an empty
    # measure does not continue, so the last indicator belongs to the objective alone
    assert summary(checked.draft)[0][3] == [
        ("Työllisyysaste", "Työnhakuklubi"),
        ("Mentoroitujen määrä", "Mentorointi"),
        ("Mentoreiden määrä", None),
    ]
    assert any("rows 6, 7, 8" in note for note in checked.notes)


@pytest.mark.parametrize("bom", [True, False])
def test_utf8_with_and_without_a_byte_order_mark(municipality_a, organisations, bom):
    text = (FILES / "finnish-plan-excel.csv").read_bytes().decode("cp1252")
    content = ("\ufeff" if bom else "").encode() + text.encode("utf-8")
    checked = check(content, municipality_a)
    assert checked.problems == []
    assert checked.sheet.encoding == ("utf-8-sig" if bom else "utf-8")
    assert_common(checked.draft, organisations)


def test_iso_8859_1_and_comma_separated(municipality_a, organisations):
    content = (
        "Teema;Tavoite;Toimenpide;Vastuutaho\r\n"
        "Työllisyys ja koulutus;Äidinkieli säilyy;Kerho;Espoon kaupunki\r\n"
    ).encode("iso-8859-1")
    checked = check(content, municipality_a)
    assert checked.problems == []
    assert checked.draft.objectives[0].data["title_fi"] == "Äidinkieli säilyy"
    content = "theme,objective,measure,indicator,unit,baseline,baseline year\r\n"
    content += 'other,Työ,Kerho,Osallistujat,henkilöä,"1 234,5",2024\r\n'
    checked = check(content.encode("cp1252"), municipality_a)
    assert checked.problems == [], [str(p) for p in checked.problems]
    assert checked.sheet.separator == ","
    objective = checked.draft.objectives[0]
    assert objective.measures[0].data["title_fi"] == "Kerho"
    assert objective.indicators[0].data["baseline_value"] == Decimal("1234.50")


@pytest.mark.parametrize(
    ("codec", "expected"),
    [("cp1252", "windows-1252"), ("cp850", "cp850"), ("mac_roman", None), ("utf-16", "utf-16")],
)
def test_finnish_text_in_other_code_pages_is_decoded(codec, expected):
    text = "Teema;Tavoite\nTyöllisyys ja koulutus;Äidinkieli säilyy, ”työ” – yhdessä\n"
    if codec in ("mac_roman", "cp850"):  # Mac Excel's "CSV", Excel's "CSV (MS-DOS)"
        text = text.replace("”", '"').replace("–", "-")
    decoded, encoding = decode(text.encode(codec))
    assert decoded.lstrip("\ufeff") == text
    assert expected is None or encoding == expected


def test_windows_1252_punctuation_is_kept(municipality_a):
    text, encoding = decode("Tavoite – “työ” 5 € ja åäö".encode("cp1252"))
    assert (text, encoding) == ("Tavoite – “työ” 5 € ja åäö", "windows-1252")


def test_swedish_and_english_headers_with_marks(municipality_a, organisations):
    content = (
        "Tema *;MÅL:;  Åtgärd ;Ansvarig enhet;Indikator;Enhet;Källa;Kod\n"
        "Goda relationer mellan befolkningsgrupper;Alla känner sig trygga;Möten;Stadsdel;"
        "Trygghet;%;Sotkanet;4567\n"
    )
    checked = check(content.encode("utf-8"), municipality_a)
    assert checked.problems == [], [str(p) for p in checked.problems]
    objective = checked.draft.objectives[0]
    assert objective.theme.code == "good_relations"
    assert objective.measures[0].data["responsible_unit"] == "Stadsdel"
    assert objective.indicators[0].data["source_code"] == "4567"


def test_no_header_name_belongs_to_two_columns():
    seen = {}
    for key, languages in names()["headers"].items():
        for language, words in languages.items():
            for word in words:
                assert seen.setdefault(word.casefold(), key) == key, (word, language)
    assert header_index()["tavoite"] == "objective_title"


def test_a_missing_required_cell_is_named_by_row_and_column_in_finnish(municipality_a):
    content = "Otsikko\n\nTeema*;Tavoite*;Toimenpide\nother;;Kerho\n".encode("cp1252")
    with translation.override("fi"):
        problems = [str(p) for p in check(content, municipality_a).problems]
    assert problems == [
        "rivi 4, sarake B (Tavoite): tavoite puuttuu; kirjoita tavoite, johon rivi kuuluu"
    ]


def test_a_two_digit_year_in_a_year_column_is_refused_with_what_to_write(municipality_a):
    content = b"Teema;Tavoite;Mittari;Yksikk\xf6;L\xe4ht\xf6taso;L\xe4ht\xf6tason vuosi\n"
    content += b"other;Ty\xf6;Osuus;%;5;24\n"
    checked = check(content, municipality_a)
    assert [str(p) for p in checked.problems] == [
        "row 2, column F (Lähtötason vuosi): “24” is not a year; write all four digits, e.g. 2026"
    ]


# --- limits ----------------------------------------------------------------------------------


def xlsx_bytes(book: Workbook) -> bytes:
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def test_a_zip_bomb_is_refused_before_it_is_unpacked(municipality_a):
    book = Workbook()
    book.active.append(["Teema", "Tavoite"])
    original = zipfile.ZipFile(io.BytesIO(xlsx_bytes(book)))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as bomb:
        for part in original.infolist():
            bomb.writestr(part, original.read(part))
        bomb.writestr("xl/media/padding.bin", b"\0" * (40 * 1024 * 1024))
    content = buffer.getvalue()
    assert len(content) < 100 * 1024  # a small file
    checked = check(content, municipality_a, "plan.xlsx")
    [problem] = [str(p) for p in checked.problems]
    assert problem.startswith("the workbook is compressed ")
    assert problem.endswith(
        "-fold, which real spreadsheets never are (a “zip bomb”); it was not opened"
    )
    small = Limits(max_unpacked_bytes=1024 * 1024)
    checked = check(content, municipality_a, "plan.xlsx", limits=small)
    assert "the workbook unpacks to 40 MB, more than the 1 MB allowed" in str(checked.problems[0])


def test_a_sheet_declaring_the_whole_grid_reads_only_its_rows(municipality_a):
    book = Workbook()
    sheet = book.active
    sheet.append(["Teema", "Tavoite"])
    sheet.append(["other", "Työ"])
    content = xlsx_bytes(book)
    source = zipfile.ZipFile(io.BytesIO(content))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for part in source.infolist():
            data = source.read(part)
            if part.filename == "xl/worksheets/sheet1.xml":
                data = data.replace(
                    b'<dimension ref="A1:B2"/>', b'<dimension ref="A1:XFD1048576"/>'
                )
                assert b"XFD1048576" in data
            target.writestr(part, data)
    checked = check(buffer.getvalue(), municipality_a, "plan.xlsx")
    assert checked.problems == []
    assert len(checked.sheet.rows) == 2
    assert max(len(row) for row in checked.sheet.rows) == 2


def test_a_far_away_cell_does_not_allocate_the_grid(municipality_a):
    book = Workbook()
    sheet = book.active
    sheet.append(["Teema", "Tavoite"])
    sheet.append(["other", "Työ"])
    sheet["A1048576"] = "x"
    limits = Limits(max_rows=100)
    checked = check(xlsx_bytes(book), municipality_a, "plan.xlsx", limits=limits)
    assert checked.problems == []  # rows past the limit are never read, so nothing to refuse
    assert len(checked.sheet.rows) == 100


def test_too_many_rows_and_columns_are_refused(municipality_a):
    rows = "Teema;Tavoite\n" + "other;Työ\n" * 30
    checked = check(rows.encode(), municipality_a, limits=Limits(max_rows=20))
    assert [str(p) for p in checked.problems] == [
        "the file has more than 20 rows; split the plan into smaller files"
    ]
    wide = "Teema;Tavoite;" + ";".join(["x"] * 10) + "\n"
    checked = check(wide.encode(), municipality_a, limits=Limits(max_columns=5))
    assert [str(p) for p in checked.problems] == [
        "row 1 has more than 5 columns; delete the extra columns"
    ]
    book = Workbook()
    for _ in range(30):
        book.active.append(["other", "Työ"])
    checked = check(xlsx_bytes(book), municipality_a, "p.xlsx", limits=Limits(max_rows=20))
    assert [str(p) for p in checked.problems] == [
        "the sheet has more than 20 rows; split the plan into smaller files"
    ]


def test_a_huge_cell_is_refused_with_its_place(municipality_a):
    content = "Teema;Tavoite\nother;" + "x" * 20_000 + "\n"
    checked = check(content.encode(), municipality_a)
    assert [str(p) for p in checked.problems] == [
        "row 2, column B (Tavoite): the text is 20000 characters long, at most 300 are allowed; "
        "shorten it"
    ]
    content = 'Teema;Tavoite\nother;"' + "x" * 200_000 + '"\n'
    checked = check(content.encode(), municipality_a)
    assert "row 2 cannot be read" in str(checked.problems[0])


def test_too_large_a_file_is_refused_before_it_is_read(municipality_a):
    with pytest.raises(ImportRejected) as refused:
        read_sheet(b"x" * (1024 * 1024 + 1), "plan.csv", Limits(max_bytes=1024 * 1024))
    assert str(refused.value) == "the file is larger than 1 MB; split the plan into smaller files"


# --- any input -------------------------------------------------------------------------------

CELLS = st.text(
    alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40
) | st.sampled_from(["", "1.3.25", "31.2.2026", "58,5", "1 234,5", "=cmd|'/c calc'!A1", "\u202e"])


@settings(
    max_examples=30,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    rows=st.lists(st.lists(CELLS, max_size=8), max_size=8),
    encoding=st.sampled_from(["utf-8", "utf-16", "cp1252"]),
    separator=st.sampled_from([";", ",", "\t"]),
)
def test_any_csv_gives_a_plan_or_messages_never_an_error(municipality_a, rows, encoding, separator):
    header = ["Teema", "Tavoite", "Toimenpide", "Alkaa", "Lähtötaso", "Lähtötason vuosi"]
    buffer = io.StringIO()
    csv.writer(buffer, delimiter=separator).writerows([header, *rows])
    content = buffer.getvalue().encode(encoding, errors="replace")
    checked = check(content, municipality_a)
    assert (checked.draft is None) == bool(checked.problems)
    assert all(str(problem).strip() for problem in checked.problems)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(content=st.binary(max_size=400))
def test_any_bytes_give_messages_never_an_error(municipality_a, content):
    for name in ("plan.csv", "plan.xlsx"):
        checked = check(content, municipality_a, name)
        assert checked.problems or checked.draft is not None


def test_merged_header_cells(municipality_a):
    """A heading merged down from the row above names its column; a heading merged across two
    columns names the first, and the second column's cells are listed as not imported."""
    book = Workbook()
    sheet = book.active
    sheet["B1"] = "Tavoite *"
    sheet["A2"], sheet["C2"] = "Teema", "Toimenpide"
    sheet.append(["other", "Työ", "Kerho", "lisätieto"])
    sheet.merge_cells("B1:B2")
    sheet.merge_cells("C2:D2")
    checked = check(xlsx_bytes(book), municipality_a, "plan.xlsx")
    assert checked.problems == []
    assert summary(checked.draft) == [("other", "Työ", ["Kerho"], [])]
    assert checked.notes == [
        "Row 1 above the header row was read as a title and not imported.",
        "Column D has no heading; its 1 filled cell is not imported.",
    ]


def test_excel_separator_line_names_the_separator_and_is_no_row(municipality_a):
    content = "sep=,\r\nTeema,Tavoite,Alkaa\r\nother,Työ;ja koulutus,\r\nother,,x\r\n"
    checked = check(content.encode("cp1252"), municipality_a)
    assert checked.sheet.separator == ","
    assert [str(p) for p in checked.problems][:1] == [
        "row 3, column C (Alkaa): “x” is not a date; write it as D.M.YYYY (e.g. 1.3.2026)"
    ]
