"""Tampere: a large city whose plan for 2025–2028 the council adopted in March 2025."""

from datetime import date

from .base import text
from .tampere_objectives import OBJECTIVES
from .tampere_update import UPDATE

FIELDS = {
    "has_cooperation_group": True,
    "cooperation_group_note": text("""
        Kaupunginhallitus asetti monialaisen kotoutumisen yhteistyöryhmän vuonna 2025. Ryhmään
        kuuluvat kaupungin palvelualueet, Pirkanmaan hyvinvointialue, työllisyysalue, Kela,
        poliisi, vastaanottokeskus sekä maahanmuuttajajärjestöjä ja uskonnollisia yhteisöjä.
    """),
    "authority_contacted_on": date(2024, 9, 12),
    "participation_evidence": text("""
        Luonnoksesta järjestettiin verkkokysely viidellä kielellä ja neljä keskustelutilaisuutta
        järjestöjen ja asukkaiden kanssa syksyllä 2024. Palautteen käsittely on liitetty
        päätösesitykseen.
    """),
    "title_fi": "Tampereen kaupungin kotoutumisen edistämisen suunnitelma 2025–2028",
    "title_sv": "Tammerfors stads plan för främjande av integration 2025–2028",
    "title_en": "City of Tampere plan for the promotion of integration 2025–2028",
    "languages": ["fi"],
    "period_start": 2025,
    "period_end": 2028,
    "form": "separate",
    "coordinating_unit": "tre-tyollisyys",
    "coordinating_authority": "Tampereen kaupungin työllisyyspalvelut, kotoutumisen yksikkö",
    "contact_name": "Sanna Mäkelä",
    "contact_email": "kotoutuminen.tampere@example.org",
    "contact_phone": "+358 40 000 0101",
    "programme_mode": "linked",
    "programme_url": "https://www.example.org/tampere/kotoutumisohjelma",
    "programme_note": text("""
        Kotoutumisohjelma kokoaa alkuvaiheen palvelut yhdeksi kokonaisuudeksi: osaamisen ja
        palvelutarpeen arvioinnin, kotoutumissuunnitelman, monikielisen yhteiskuntaorientaation,
        kotoutumiskoulutuksen sekä ohjauksen ja neuvonnan. Ohjelmaa ylläpitävät työllisyyspalvelut
        Tampereen seudun työllisyysalueen puolesta. Tämä suunnitelma viittaa ohjelmaan eikä
        toista sen sisältöä.
    """),
    "mainstreaming_fi": text("""
        Kaupunkistrategian tavoitteet työllisyydestä, osaamisesta ja hyvinvoinnista koskevat
        kaikkia kaupunkilaisia, myös maahan muuttaneita. Strategian mittarit eritellään
        kieliryhmittäin aina, kun tieto on saatavilla, ja talousarvion sitovissa tavoitteissa
        on kotoutumista koskevia kohtia.

        Tämä suunnitelma tarkentaa strategiaa niiltä osin, joissa maahan muuttaneiden tarpeet
        eroavat muun väestön tarpeista. Hyvinvointikertomus ja palvelualueiden
        toimintasuunnitelmat viittaavat suunnitelmaan.
    """),
    "county_coordination": text("""
        Pirkanmaan hyvinvointialueen maahanmuuttoasioiden yhteyshenkilö on kotoutumisen
        yhteistyöryhmän jäsen. Kaupunki ja hyvinvointialue käyvät vuosittain läpi, miten
        sosiaali- ja terveyspalvelujen alkuvaiheen ohjaus ja psykososiaalinen tuki liittyvät
        kaupungin palveluihin. Kummankin suunnitelmaluonnokset vaihdetaan ennen päätöksentekoa.
    """),
    "employment_area_coordination": text("""
        Tampere on Tampereen seudun työllisyysalueen vastuukunta. Työllisyysalueen
        kotoutumispalvelut ja tämä suunnitelma valmistellaan samassa yhteistyöryhmässä, ja
        seudun muut kunnat kommentoivat työllisyyttä ja koulutusta koskevat tavoitteet.
    """),
    "situation_quantitative_fi": text("""
        Tampereella asuu noin 25 000 vieraskielistä asukasta, runsas kymmenesosa väestöstä.
        Määrä on kasvanut tasaisesti koko 2020-luvun. Suurimmat kieliryhmät ovat venäjä,
        arabia, englanti, ukraina ja persia. Vieraskielisistä suurin osa on työikäisiä, ja
        lasten ja nuorten osuus on suurempi kuin muussa väestössä.

        Ulkomailta muuttaa vuosittain muutama tuhat henkeä, useimmiten työn, opiskelun tai
        perheen vuoksi. Tilapäistä suojelua saaneita on kaupungissa noin 2 000 ja
        kiintiöpakolaisia otetaan vastaan vuosittain sovittu määrä. Luvut ovat suuntaa antavia,
        ja ne päivitetään vuosittain Tilastokeskuksen aineistosta.
    """),
    "situation_qualitative_fi": text("""
        Asukaskysely, kieliryhmien työpajat ja järjestöjen kanssa käydyt keskustelut toivat esiin
        saman viestin: maahan muuttaneet haluavat päästä nopeammin töihin ja oppia suomea tavalla,
        joka sopii työn ja perheen rinnalle. Kotona lapsia hoitavat vanhemmat jäävät usein
        palvelujen ulkopuolelle.

        Vuokra-asuntoa etsiessä koetaan edelleen syrjintää. Nuoret kaipaavat harrastuksia ja tukea
        toisen asteen opintoihin. Työnantajat pitävät kielitaitovaatimuksia ja tutkintojen
        tunnistamista rekrytoinnin suurimpina esteinä. Vastaanotto on sujunut pääosin hyvin,
        mutta palveluja pidetään hajanaisina.
    """),
    "monitoring_cycle": "yearly",
    "monitoring_description": text("""
        Työllisyyspalvelut kokoaa toimenpiteiden tilanteen ja mittarien arvot maaliskuun loppuun
        mennessä. Yhteistyöryhmä käsittelee koosteen huhtikuussa, minkä jälkeen se viedään
        kaupunginhallitukselle ja liitetään hyvinvointikertomukseen. Suunnitelma arvioidaan
        kokonaan valtuustokauden vaihtuessa.
    """),
}

TARGET_GROUPS = {
    "suojelu": {
        "name_fi": "Kansainvälistä suojelua saaneet",
        "name_sv": "Personer som fått internationellt skydd",
        "description": text("""
            Turvapaikanhakijoina tai kiintiöpakolaisina tulleet, joilla on oleskelulupa
            suojelun perusteella, sekä heidän perheenjäsenensä.
        """),
    },
    "tyo": {
        "name_fi": "Työperäiset maahanmuuttajat ja heidän perheensä",
        "name_sv": "Arbetskraftsinvandrare och deras familjer",
        "description": "Työn vuoksi muuttaneet sekä heidän puolisonsa ja lapsensa.",
    },
    "nuoret": {
        "name_fi": "Maahan muuttaneet nuoret",
        "name_sv": "Unga invandrare",
        "description": "16–29-vuotiaat, erityisesti Suomeen yli 15-vuotiaina muuttaneet.",
    },
    "tilapainen": {
        "name_fi": "Tilapäistä suojelua saaneet",
        "name_sv": "Personer med tillfälligt skydd",
        "description": "Ukrainasta sotaa paenneet, joilla on tilapäisen suojelun oleskelulupa.",
    },
    "kotivanhemmat": {
        "name_fi": "Kotona lapsiaan hoitavat vanhemmat",
        "name_sv": "Föräldrar som vårdar sina barn hemma",
        "description": "Usein äitejä, joilta puuttuu yhteys työ- ja koulutuspalveluihin.",
    },
}

MILESTONES = [
    {
        "kind": "planning",
        "title_fi": "Valmistelu alkaa: yhteistyöryhmä sopii aikataulusta ja työnjaosta",
        "due_date": date(2024, 9, 2),
        "body": "Kotoutumisen yhteistyöryhmä",
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Tapaaminen Pirkanmaan ELY-keskuksen maahanmuuttoyhteyshenkilön kanssa",
        "due_date": date(2024, 10, 14),
        "done": True,
    },
    {
        "kind": "consultation",
        "title_fi": "Luonnos kommentoitavana, selkokielinen tiivistelmä kuudella kielellä",
        "due_date": date(2024, 11, 25),
        "done": True,
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginhallituksen käsittely",
        "due_date": date(2025, 2, 24),
        "body": "Kaupunginhallitus",
        "done": True,
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginvaltuuston päätös",
        "due_date": date(2025, 3, 17),
        "body": "Kaupunginvaltuusto",
        "done": True,
    },
    {
        "kind": "monitoring",
        "title_fi": "Vuoden 2025 seurantaraportti",
        "due_date": date(2026, 4, 27),
        "body": "Kaupunginhallitus",
        "done": True,
    },
    {
        "kind": "monitoring",
        "title_fi": "Vuoden 2026 seurantaraportti",
        "due_date": date(2027, 4, 26),
        "body": "Kaupunginhallitus",
    },
    {
        "kind": "monitoring",
        "title_fi": "Loppuarvio ja seuraavan suunnitelman valmistelun käynnistys",
        "due_date": date(2028, 4, 24),
        "body": "Kaupunginvaltuusto",
    },
]

PLAN = {
    "lead": "837",
    "municipalities": ["837"],
    "fields": FIELDS,
    "target_groups": TARGET_GROUPS,
    "milestones": MILESTONES,
    "objectives": OBJECTIVES,
    "transitions": [
        {"to": "consultation"},
        {"to": "awaiting_decision"},
        {
            "to": "adopted",
            "decision": {
                "decision_body": "Kaupunginvaltuusto",
                "decision_date": date(2025, 3, 17),
                "decision_reference": "Kaupunginvaltuuston pöytäkirja 17.3.2025 § 42",
                "decision_url": "https://www.example.org/tampere/poytakirjat/kv-2025-03-17",
            },
        },
    ],
    "update": UPDATE,
}
