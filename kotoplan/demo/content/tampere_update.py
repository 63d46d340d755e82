"""The mid-term update of the Tampere plan: a new draft version started in autumn 2026.

The loader copies the adopted plan with `plan_new_version` and then applies these changes.
Measures, indicators and objectives are found by their Finnish title or name.
"""

from datetime import date

from .base import text

FIELDS = {
    "mainstreaming_fi": text("""
        Kesällä 2025 aloittanut valtuusto hyväksyi uuden kaupunkistrategian, jossa
        kansainvälisten osaajien saatavuus ja pysyvyys on nostettu elinvoiman painopisteeksi.
        Strategian työllisyys-, osaamis- ja hyvinvointimittarit eritellään kieliryhmittäin, ja
        talousarvion sitovissa tavoitteissa on kotoutumista koskevia kohtia.

        Päivitetty suunnitelma tarkentaa strategiaa niiltä osin, joissa maahan muuttaneiden
        tarpeet eroavat muun väestön tarpeista. Hyvinvointikertomus ja palvelualueiden
        toimintasuunnitelmat viittaavat suunnitelmaan.
    """),
    "situation_quantitative_fi": text("""
        Vuoden 2025 lopussa Tampereella asui noin 27 000 vieraskielistä asukasta, hieman yli
        kymmenesosa väestöstä. Kasvu on jatkunut erityisesti työn ja opiskelun vuoksi
        muuttaneiden osalta. Suurimmat kieliryhmät ovat edelleen venäjä, arabia, englanti,
        ukraina ja persia.

        Tilapäistä suojelua saaneita on noin 2 000, ja osa heistä on siirtymässä jatkuvan
        oleskeluluvan piiriin. Luvut ovat suuntaa antavia, ja ne päivitetään vuosittain
        Tilastokeskuksen aineistosta.
    """),
    "monitoring_description": text("""
        Työllisyyspalvelut kokoaa toimenpiteiden tilanteen ja mittarien arvot maaliskuun loppuun
        mennessä. Yhteistyöryhmä käsittelee koosteen huhtikuussa, minkä jälkeen se viedään
        kaupunginhallitukselle, liitetään hyvinvointikertomukseen ja lähetetään tiedoksi
        Sisä-Suomen elinvoimakeskukselle. Suunnitelma arvioidaan kokonaan valtuustokauden
        vaihtuessa.
    """),
}

MEASURES = {
    "Työnantajien tuki kansainvälisten osaajien rekrytointiin": {
        "status": "ongoing",
        "schedule_note": "Käynnistyi syyskuussa 2025; ensimmäisenä vuonna mukana 14 yritystä.",
        "resources": text("""
            Järjestön oma työ ja kaupungin elinvoimamäärärahasta 15 000 euroa vuodessa
            tilaisuuksiin ja materiaaleihin.
        """),
    },
    "Kotivanhempien ryhmät asuinalueilla": {
        "status": "ongoing",
        "schedule_start": date(2026, 1, 15),
        "resources": "Hankerahoitus vuosille 2026–2027; kaupunki osoittaa tilat.",
    },
    "Yhdenvertaisuuskoulutus asiakaspalvelun henkilöstölle": {
        "status": "done",
        "schedule_note": "Noin 600 työntekijää koulutettu; jatkuu osana perehdytystä.",
    },
}

INDICATORS = {
    "Työn ja kielenoppimisen polun aloittaneet": {
        "target_value": "200",
        "target_year": 2028,
    },
}

NEW_MEASURES = {
    "Maahan muuttaneiden työllisyys paranee ja osaaminen saadaan käyttöön": [
        {
            "title_fi": "Kansainvälisten opiskelijoiden harjoittelu- ja mentorointiohjelma",
            "description_fi": text("""
                Korkeakoulujen ja ammatillisen koulutuksen kansainväliset opiskelijat saavat
                harjoittelupaikan ja mentorin alueen yrityksestä, jotta he jäävät
                valmistuttuaan seudulle töihin.
            """),
            "responsible": "tre-tyollisyys",
            "responsible_unit": "Yrityspalvelut",
            "partners": ["tre-tyonantajat", "tre-teknologia", "tre-tredu"],
            "schedule_start": date(2027, 1, 1),
            "schedule_end": date(2028, 12, 31),
            "resources": "Yksi koordinaattori; yritykset vastaavat mentoroinnin työajasta.",
            "status": "planned",
        },
    ],
}

MILESTONES = [
    {
        "kind": "planning",
        "title_fi": "Päivitys alkaa: väliarvio ja uuden kaupunkistrategian vaikutukset",
        "due_date": date(2026, 9, 14),
        "body": "Kotoutumisen yhteistyöryhmä",
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Keskustelu Sisä-Suomen elinvoimakeskuksen maahanmuuttoyhteyshenkilön kanssa",
        "due_date": date(2026, 10, 19),
        "done": True,
    },
    {
        "kind": "consultation",
        "title_fi": "Päivitetty luonnos asukkaiden ja järjestöjen kommentoitavana",
        "due_date": date(2026, 12, 7),
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginhallituksen käsittely",
        "due_date": date(2027, 2, 15),
        "body": "Kaupunginhallitus",
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginvaltuuston päätös päivitetystä suunnitelmasta",
        "due_date": date(2027, 3, 15),
        "body": "Kaupunginvaltuusto",
    },
]

UPDATE = {
    "fields": FIELDS,
    # Timetable steps of the first version before this date are left out of the new version.
    "drop_milestones_before": date(2026, 6, 1),
    "milestones": MILESTONES,
    "measures": MEASURES,
    "indicators": INDICATORS,
    "new_measures": NEW_MEASURES,
}
