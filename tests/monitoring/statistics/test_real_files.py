"""Real StatFin and Sotkanet files, unmodified (tests/data/real, provenance in
tests/data/README.md), uploaded on the import page as a statistics importer or a coordinator
would: PxWeb v2 answers with a month or an area dimension, PxWeb v1 answers of the whole country,
one in Swedish with sex and age, an old answer without its table id, a quarterly table without an
area whose totals (SSS) are not areas, a table of regions by their long codes (MK01), and a Sotkanet
CSV download.
Each goes in, or the run says in the importer's language which row or field stops it and what to
do."""

import json
from decimal import Decimal
from html import escape

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from kotoplan.monitoring.statistics.integrations.statfin.parsers import parse_jsonstat
from kotoplan.monitoring.statistics.models import (
    BreakdownLabel,
    ImportRun,
    StatIndicator,
    StatisticValue,
)
from tests.monitoring.conftest import DATA

REAL = DATA / "real"
MONTHS_V2 = REAL / "statfin_122p_v2_month_cpi.json"
MUNICIPALITIES_V2 = REAL / "statfin_11re_v2_three_municipalities_year.json"
COUNTRY_V1 = REAL / "statfin_135l_v1_crime_wholecountry_year.json"
SWEDISH_V1 = REAL / "statfin_11rc_v1_sv_year_sex_age.json"
NO_TABLE_ID = REAL / "statfin_old_pxnet2_environmental_tiedot_vuosi.json"
QUARTERS_V2 = REAL / "statfin_14um_v2_quarter_earnings_index.json"
REGIONS_V2 = REAL / "statfin_13al_v2_regions_mk_year.json"
SOTKANET_CSV = REAL / "sotkanet_csv_indicator127_population_2009.csv"
# Sotkanet region ids of the CSV that the shipped regions list does not have (value 0 in each).
UNLISTED_REGIONS = [[b"730"], [b"456"], [b"455"]]


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Upload a file on the import page as `user`, in `language`; the run and its page."""

    def send(user, path, *, language="en", content=None, **fields):
        client.cookies["django_language"] = language
        client.force_login(user)
        source = "sotkanet" if path.name.startswith("sotkanet") else "statfin"
        data = content if content is not None else path.read_bytes()
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(
                reverse("monitoring:import"),
                {"source": source, "data_file": SimpleUploadedFile(path.name, data), **fields},
            )
        run = ImportRun.objects.latest("pk")
        assert response["Location"] == reverse("monitoring:import_run", args=[run.pk])
        return run, client.get(response["Location"]).content.decode()

    return send


def _api_values(client, **query) -> list[dict]:
    return client.get("/api/v1/statistic-values/", query).json()["results"]


# --- StatFin, PxWeb v2 ---------------------------------------------------------------------------


def test_v2_month_table__whole_country_months_stay_months(
    client, upload, statistics_importer, catalogue
):
    # Consumer price index, annual change: `timeperiod_m` with 2026M06–2026M08, no area.
    run, page = upload(statistics_importer, MONTHS_V2)
    assert (run.status, run.rows_total, run.rows_created, run.rows_skipped) == (
        "succeeded",
        3,
        3,
        0,
    )
    assert run.areas_written == "the whole country"
    indicator = StatIndicator.objects.get(code="statfin-122p-vuosimuutos")
    assert (indicator.name_fi, indicator.unit, indicator.decimals) == (
        "Vuosimuutos (%)",
        "prosenttia",
        1,
    )
    values = StatisticValue.objects.filter(indicator=indicator).order_by("subperiod")
    assert [(v.country, v.period, v.period_type, v.subperiod) for v in values] == [
        (True, 2026, "month", 6),
        (True, 2026, "month", 7),
        (True, 2026, "month", 8),
    ]
    assert [v.value for v in values] == [Decimal("2.1"), Decimal("2.1"), Decimal("2.2")]
    assert [v.period_label for v in values] == ["6/2026", "7/2026", "8/2026"]
    assert not StatisticValue.objects.filter(period_type="year").exists()
    shown = _api_values(client, indicator=indicator.code)
    assert [(v["period"], v["period_type"], v["subperiod"]) for v in shown] == [
        (2026, "month", 6),
        (2026, "month", 7),
        (2026, "month", 8),
    ]
    assert "Completed" in page


def test_v2_quarter_table__quarters_stay_quarters_and_totals_are_not_areas(
    client, upload, statistics_importer, catalogue
):
    # Index of wage and salary earnings 1995Q1–2026Q2 (`timeperiod_q`, preliminary quarters
    # labelled "2025Q1*"); no area dimension, but sector and sex fixed at their totals (SSS),
    # which are not areas; the payment form fixed at its total "0" ("Kaikki").
    run, page = upload(statistics_importer, QUARTERS_V2, language="fi")
    assert (run.status, run.rows_total, run.rows_created, run.rows_skipped) == (
        "succeeded",
        504,
        504,
        0,
    )
    assert "koko maa" in page
    assert "Valmis" in page
    indicator = StatIndicator.objects.get(code="statfin-14um-ati-2015-100")
    assert indicator.name_fi == "Ansiotasoindeksi 2015=100"
    assert indicator.source_code == (
        "14um: contentscode=ati_2015_100; tyonantajasekt_3_20190528=SSS; "
        "palk_muo_2_20120101=0; sukupuoli_9_20180101=SSS"
    )
    values = StatisticValue.objects.filter(indicator=indicator, country=True)
    assert set(values.values_list("period_type", flat=True)) == {"quarter"}
    assert values.count() == 126  # 1995Q1–2026Q2
    latest = values.get(period=2026, subperiod=2)
    assert (latest.value, latest.status, latest.period_label) == (
        Decimal("128.2"),  # the value of 2026Q2 × ati_2015_100 in the file
        "ok",
        "2026 Q2",
    )
    # quarters the index did not yet exist for are kept as missing, not as zero
    assert values.get(period=1995, subperiod=1).status == "missing"
    shown = _api_values(client, indicator=indicator.code, period=2026)
    assert [(v["period"], v["period_type"], v["subperiod"]) for v in shown] == [
        (2026, "quarter", 1),
        (2026, "quarter", 2),
    ]


def test_v2_region_table__long_region_codes_are_the_regions(
    upload, statistics_importer, reference_data
):
    # Labour force survey by region 2009–2025: `alue_23_20180101` ("Maakunta", role geo) with
    # SSS and MK01 … MK21 labelled "MK01 Uusimaa".
    run, _page = upload(statistics_importer, REGIONS_V2, language="fi")
    assert (run.status, run.rows_total, run.rows_created, run.rows_skipped) == (
        "succeeded",
        3060,
        3060,
        0,
    )
    assert "Uusimaa" in run.areas_written
    assert "koko maa" in run.areas_written
    employed = StatisticValue.objects.filter(indicator__code="statfin-13al-tyti-tyolliset")
    uusimaa = employed.get(area__kind="region", area__code="01", period=2025)
    assert uusimaa.area.name_fi == "Uusimaa"
    assert employed.filter(country=True).count() == 17
    assert employed.filter(area__kind="region").values("area").distinct().count() == 19


def test_v2_month_table__a_coordinator_is_told_why_and_whom_to_ask(
    upload, coordinator_a, municipality_a, catalogue
):
    # A table of the whole country has no value of the coordinator's own municipality.
    messages = {
        "fi": "Tiedostossa ei ole arvoja kunnalle Espoo (kuntanumero 049). Koordinaattori tuo "
        "vain oman kuntansa arvot; pyydä tilastojen tuojaa tai pääkäyttäjää tuomaan muiden "
        "alueiden arvot.",
        "sv": "Filen har inga värden för Espoo (kommunkod 049). En koordinator importerar "
        "endast den egna kommunens värden; be en statistikimportör eller en administratör att "
        "importera värdena för andra områden.",
        "en": "The file has no values for Espoo (municipality code 049). A coordinator imports "
        "only their own municipality's values; ask a statistics importer or an administrator "
        "to import the values of other areas.",
    }
    for language, message in messages.items():
        run, page = upload(
            coordinator_a, MONTHS_V2, language=language, municipality=municipality_a.pk
        )
        assert (run.status, run.error_message) == ("failed", message)
        assert escape(message) in page
    assert not StatisticValue.objects.exists()


def test_v2_area_dimension__municipalities_by_their_codes(
    client, upload, statistics_importer, reference_data
):
    # Population 31.12.2025 of KU049, KU091 and KU092 (`alue_23_20260101`, role geo), age and
    # sex fixed at their totals.
    run, _page = upload(statistics_importer, MUNICIPALITIES_V2)
    assert (run.status, run.rows_created, run.rows_skipped) == ("succeeded", 3, 0)
    assert run.areas_written == "049 Espoo, 091 Helsinki, 092 Vantaa"
    indicator = StatIndicator.objects.get(code="statfin-11re-vaerak-vaesto")
    assert (indicator.name_fi, indicator.unit) == ("Väestö 31.12.", "lukumäärä")
    assert indicator.source_code == (
        "11re: contentscode=vaerak-vaesto; ikaryhma_10_20180101=SSS; sukupuoli_9_20180101=SSS"
    )
    helsinki = StatisticValue.objects.get(indicator=indicator, municipality__code="091")
    assert (helsinki.municipality.name_fi, helsinki.period, helsinki.period_type) == (
        "Helsinki",
        2025,
        "year",
    )
    assert (helsinki.value, helsinki.breakdown_key) == (Decimal(694392), "")
    shown = _api_values(client, indicator=indicator.code, municipality="092")
    assert [(v["period"], v["period_type"], v["value"]) for v in shown] == [
        (2025, "year", "252956.0000")
    ]


def test_v2_area_dimension__a_coordinator_writes_only_their_municipality(
    upload, coordinator_a, municipality_a, catalogue
):
    run, page = upload(coordinator_a, MUNICIPALITIES_V2, municipality=municipality_a.pk)
    assert (run.status, run.rows_created, run.rows_skipped, run.areas_written) == (
        "succeeded",
        1,
        2,
        "049 Espoo",
    )
    assert StatisticValue.objects.get().value == Decimal(325716)
    assert "values of other areas than Espoo" in page


# --- StatFin, PxWeb v1 ---------------------------------------------------------------------------


def test_v1_whole_country_table__years_and_the_table_id_of_the_file(
    upload, statistics_importer, catalogue
):
    # Crimes per 1,000 inhabitants 1987–2020: `Alue` has SSS only; the table is named
    # statfin_rpk_pxt_135l, as PxWeb v1 names it; `Rikosnimike` is fixed at RLL.
    run, _page = upload(statistics_importer, COUNTRY_V1)
    assert (run.status, run.rows_created, run.areas_written) == (
        "succeeded",
        34,
        "the whole country",
    )
    indicator = StatIndicator.objects.get(code="statfin-135l-rik-1000-rll")
    assert (indicator.name_fi, indicator.name_sv, indicator.unit, indicator.decimals) == (
        "Rikokset alueen 1 000 asukasta kohden",
        "",
        "lkm",
        2,
    )
    assert indicator.source_code == "135l: Tiedot=rik_1000; Rikosnimike=RLL"
    values = StatisticValue.objects.filter(indicator=indicator, country=True)
    assert sorted(values.values_list("period", flat=True)) == list(range(1987, 2021))
    assert set(values.values_list("period_type", flat=True)) == {"year"}
    assert values.get(period=1987).value == Decimal("148.03")
    assert values.get(period=2020).value == Decimal("123.97")


def test_v1_and_v2_answers_of_one_table__the_same_indicator():
    # PxWeb v1 names a table by its file, v2 by its id: the same table read either way.
    v2 = parse_jsonstat(MUNICIPALITIES_V2.read_bytes())
    data = json.loads(MUNICIPALITIES_V2.read_text(encoding="utf-8"))
    data["extension"]["px"]["tableid"] = "statfin_vaerak_pxt_11re"
    v1 = parse_jsonstat(json.dumps(data))
    assert list(v1.indicators) == list(v2.indicators) == ["statfin-11re-vaerak-vaesto"]


def test_v1_swedish_table__sex_and_age_kept_with_their_swedish_names(
    client, upload, statistics_importer, catalogue
):
    # Population by year, sex (SSS, 1, 2) and age (ten groups), Swedish labels, and no
    # `language` in the file: its title "… efter År, Kön, Ålder och Uppgifter" says it.
    run, _page = upload(statistics_importer, SWEDISH_V1)
    assert (run.status, run.rows_created, run.areas_written) == (
        "succeeded",
        90,
        "the whole country",
    )
    indicator = StatIndicator.objects.get(code="statfin-11rc-vaesto")
    assert (indicator.name_sv, indicator.unit, indicator.source_code) == (
        "Befolkning 31.12.",
        "Antal",
        "11rc: Tiedot=vaesto",
    )
    values = StatisticValue.objects.filter(indicator=indicator, country=True)
    assert values.filter(breakdown_key="Ikä").count() == 30  # both sexes: 3 years × 10 ages
    assert values.filter(breakdown_key="Sukupuoli+Ikä").count() == 60
    assert not values.filter(breakdown_key="").exists()
    women = values.get(period=2022, breakdown_key="Sukupuoli+Ikä", breakdown_value="2+65-69")
    assert women.value == Decimal(181956)
    everyone = values.get(period=2020, breakdown_key="Ikä", breakdown_value="20-24")
    assert everyone.value == Decimal(308410)
    labels = BreakdownLabel.objects.filter(indicator=indicator)
    assert {(b.dimension, b.code): b.label_sv for b in labels if b.code in ("", "2")} == {
        ("Sukupuoli", ""): "Kön",
        ("Sukupuoli", "2"): "Kvinnor",
        ("Ikä", ""): "Ålder",
    }
    assert not labels.exclude(label_fi="").exists()  # no Swedish word passed off as Finnish
    shown = _api_values(client, indicator=indicator.code, period=2022)
    by_group = {v["breakdown_value"]: v["breakdown_label"]["sv"] for v in shown}
    assert by_group["2+65-69"] == "Kvinnor, 65 - 69"


def test_old_answer_without_table_id__refused_until_the_table_is_named(
    upload, statistics_importer, catalogue
):
    # Environmental accounting key figures, 2010–2011: no `tableid`, no `language`, English
    # labels under Finnish dimension names, no area.
    messages = {
        "fi": "Tiedostosta ei selviä, mistä StatFin-taulukosta se on (extension.px.tableid "
        "puuttuu). Kirjoita taulukon tunnus, esimerkiksi 11ra, Taulukko-kenttään ja tuo "
        "uudelleen.",
        "sv": "Det framgår inte av filen vilken StatFin-tabell den kommer från "
        "(extension.px.tableid saknas). Skriv tabellens kod, till exempel 11ra, i fältet "
        "Tabell och importera på nytt.",
        "en": "The file does not say which StatFin table it comes from (extension.px.tableid "
        "is missing). Enter the table id, such as 11ra, in the Table field and import again.",
    }
    for language, message in messages.items():
        run, page = upload(statistics_importer, NO_TABLE_ID, language=language)
        assert (run.status, run.error_message) == ("failed", message)
        assert escape(message) in page
    assert not StatisticValue.objects.exists()

    run, _page = upload(statistics_importer, NO_TABLE_ID, table_id="ymparistotilinpito")
    assert (run.status, run.rows_created, run.areas_written) == (
        "succeeded",
        4,
        "the whole country",
    )
    emissions = StatIndicator.objects.get(code="statfin-ymparistotilinpito-khk-yht-index")
    assert emissions.name_en == "Greenhouse gas emissions, indexed, year 1990 = 100"
    assert emissions.name_fi == emissions.name_en  # the only name there is, until a Finnish one
    intensity = StatisticValue.objects.get(
        indicator__code="statfin-ymparistotilinpito-khk-yht-las-index", period=2011
    )
    assert (intensity.country, intensity.period_type, intensity.value) == (
        True,
        "year",
        Decimal("63.38"),
    )


# --- Sotkanet ------------------------------------------------------------------------------------


def test_sotkanet_csv__a_region_the_regions_list_lacks_is_skipped_with_what_to_do(
    upload, statistics_importer, reference_data
):
    # Indicator 127 (population), 2009, 466 rows keyed by Sotkanet's region ids; three ids
    # (730, 456, 455) are not in the regions list shipped with Kotoplan: the rest goes in, and
    # the note names each missing region and how to include it, in the importer's language.
    notes = {
        "fi": "alue 730 ei ole alueluettelossa (tuo ajantasainen alueluettelo, /regions, "
        "rivien kanssa, niin sen rivit tulevat mukaan): 1",
        "sv": "region 730 finns inte i regionlistan (importera den aktuella regionlistan, "
        "/regions, tillsammans med raderna för att ta med den): 1",
        "en": "region 730 is not in the regions list (import the current regions list, "
        "/regions, with the rows to include it): 1",
    }
    for language, note in notes.items():
        run, page = upload(statistics_importer, SOTKANET_CSV, language=language)
        assert (run.status, run.rows_total, run.rows_skipped) == ("succeeded", 466, 123)
        assert note in run.skipped_reasons
        assert f"<li>{escape(note)}</li>" in page  # each reason an item of its own
    population = StatisticValue.objects.filter(indicator__code="sotkanet-127", period=2009)
    assert population.get(municipality__code="091").value == Decimal(583350)


def test_sotkanet_csv__rows_of_listed_regions_go_to_their_areas(
    upload, statistics_importer, reference_data
):
    # The same download without the three rows of regions the shipped list lacks: every
    # region is decoded by the shipped list (658 is the whole country).
    lines = SOTKANET_CSV.read_bytes().split(b"\r\n")
    kept = [line for line in lines if line.split(b";")[1:2] not in UNLISTED_REGIONS]
    assert len(lines) - len(kept) == 3
    run, page = upload(statistics_importer, SOTKANET_CSV, content=b"\r\n".join(kept))
    assert (run.status, run.rows_total, run.rows_created, run.rows_skipped) == (
        "succeeded",
        463,
        343,
        120,
    )
    population = StatisticValue.objects.filter(indicator__code="sotkanet-127", period=2009)
    assert population.get(country=True).value == Decimal(5351427)
    assert population.get(municipality__code="091").value == Decimal(583350)
    uusimaa = population.get(area__kind="region", area__code="01")
    assert (uusimaa.area.name_fi, uusimaa.value) == ("Uusimaa", Decimal(1517712))
    assert population.filter(area__kind="ely_centre").count() == 15
    # Sub-regions, hospital districts and the like are not kept; municipalities merged since
    # 2009 and Åland's ELY row are not in the reference data: each skipped with its reason.
    assert "region level not kept by Kotoplan: 110" in run.skipped_note
    assert "Honkajoki (merged into Kankaanpää 1.1.2021): 1" in run.skipped_note
    assert "municipality 164 is not in Kotoplan's reference data" in run.skipped_note
    assert "091 Helsinki" in run.areas_written
    assert StatIndicator.objects.get(code="sotkanet-127").name_fi == "Väestö 31.12."
    assert "Completed" in page
