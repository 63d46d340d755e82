"""Objectives, measures and indicators of the Tampere plan 2025–2028."""

from datetime import date

from .base import text

PLAN_START, PLAN_END = date(2025, 1, 1), date(2028, 12, 31)

EMPLOYMENT = {
    "theme": "employment_education",
    "title_fi": "Maahan muuttaneiden työllisyys paranee ja osaaminen saadaan käyttöön",
    "description_fi": text("""
        Alkuvaiheen palvelut, kielikoulutus ja yhteistyö työnantajien kanssa kytketään toisiinsa,
        jotta työ löytyy nopeammin ja vastaa paremmin aiempaa koulutusta ja kokemusta.
    """),
    "target_groups": ["suojelu", "tyo"],
    "measures": [
        {
            "ref": "polku",
            "title_fi": "Työn ja kielenoppimisen yhdistävä polku",
            "description_fi": text("""
                Asiakas aloittaa työkokeilun tai palkkatuetun työn jo kotoutumiskoulutuksen
                aikana. Kieltä opetetaan työtehtävien sanaston kautta, ja työvalmentaja pitää
                yhteyttä työpaikkaan koko polun ajan.
            """),
            "responsible": "tre-tyollisyys",
            "responsible_unit": "Kotoutumisen yksikkö",
            "responsible_contact": "palveluesihenkilö, kotoutumisen yksikkö",
            "partners": ["tre-tredu", "tre-tyonantajat", "tre-teknologia", "tre-silta"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": text("""
                Kaksi työvalmentajaa työllisyyspalvelujen talousarviosta; kielikoulutus
                hankitaan osana kotoutumiskoulutusta.
            """),
            "status": "ongoing",
        },
        {
            "title_fi": "Aiemman osaamisen ja tutkintojen tunnistaminen",
            "description_fi": text("""
                Ammatillinen oppilaitos arvioi ulkomailla hankitun osaamisen ja ohjaa
                täydennyskoulutukseen, jos tutkinnosta puuttuu osia.
            """),
            "responsible": "tre-tredu",
            "responsible_unit": "Aikuiskoulutus",
            "partners": ["tre-tyollisyys"],
            "schedule_start": date(2025, 3, 1),
            "schedule_end": date(2027, 12, 31),
            "resources": "Oppilaitoksen omat resurssit; ohjaus kotoutumiskoulutuksen yhteydessä.",
            "status": "ongoing",
        },
        {
            "title_fi": "Työnantajien tuki kansainvälisten osaajien rekrytointiin",
            "description_fi": text("""
                Pienille ja keskisuurille yrityksille tarjotaan neuvontaa lupa-asioissa,
                perehdyttämisessä ja selkokielisessä työpaikkaviestinnässä.
            """),
            "responsible": "tre-tyonantajat",
            "partners": ["tre-tyollisyys", "tre-teknologia", "national:migri"],
            "schedule_start": date(2025, 9, 1),
            "schedule_end": date(2028, 6, 30),
            "resources": "Järjestön oma työ; kaupunki vastaa tilaisuuksien tiloista.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Vieraskielisten 20–64-vuotiaiden työllisyysaste",
            "unit": "%",
            "source": "statfin",
            "source_code": "StatFin/tyokay/115b",
            "baseline_value": "52.0",
            "baseline_year": 2023,
            "target_value": "60.0",
            "target_year": 2028,
            "direction": "increase",
        },
        {
            "name_fi": "Työn ja kielenoppimisen polun aloittaneet",
            "unit": "henkilöä vuodessa",
            "baseline_value": "0",
            "baseline_year": 2024,
            "target_value": "150",
            "target_year": 2026,
            "direction": "increase",
            "measure": "polku",
        },
    ],
}

YOUTH = {
    "theme": "employment_education",
    "title_fi": "Maahan muuttaneet nuoret aloittavat ja suorittavat toisen asteen opinnot",
    "target_groups": ["nuoret"],
    "measures": [
        {
            "title_fi": "Kielituki ja ohjaus tutkintokoulutukseen valmentavassa koulutuksessa",
            "description_fi": text("""
                Valmentavan koulutuksen ryhmiin lisätään suomi toisena kielenä -opetusta ja
                henkilökohtaista opinto-ohjausta siirtymävaiheeseen.
            """),
            "responsible": "tre-sivistys",
            "responsible_unit": "Toisen asteen koulutus",
            "responsible_contact": "opetuspäällikkö",
            "partners": ["tre-tredu"],
            "schedule_start": date(2025, 8, 1),
            "schedule_end": date(2028, 6, 30),
            "resources": "Kaksi S2-opettajaa ja opinto-ohjaajan työaikaa.",
            "status": "ongoing",
        },
        {
            "title_fi": "Monikieliset nuorten ohjaajat",
            "description_fi": text("""
                Järjestön ohjaajat tukevat nuoria opinnoissa ja vapaa-ajalla nuorten omilla
                kielillä ja ohjaavat heitä harrastuksiin.
            """),
            "responsible": "tre-kotikulma",
            "partners": ["tre-sivistys", "tre-kulttuuri"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Kaupungin järjestöavustus noin 40 000 euroa vuodessa.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Toisen asteen tutkinnon suorittaneet vieraskielisistä 20–24-vuotiaista",
            "unit": "%",
            "source": "statfin",
            "source_code": "StatFin/vkour/12bq",
            "baseline_value": "61.0",
            "baseline_year": 2023,
            "target_value": "70.0",
            "target_year": 2028,
            "direction": "increase",
        },
    ],
}

WELLBEING = {
    "theme": "wellbeing_health_housing",
    "title_fi": "Maahan muuttaneet löytävät sopivan asunnon ja tarvitsemansa hyvinvointipalvelut",
    "target_groups": ["suojelu", "tilapainen", "kotivanhemmat"],
    "measures": [
        {
            "title_fi": "Asumisneuvonta ensimmäisen vuoden aikana",
            "description_fi": text("""
                Asumisneuvoja auttaa vuokrasopimuksissa, asumisen säännöissä ja naapurustoon
                liittyvissä kysymyksissä sekä ehkäisee häätöjä.
            """),
            "responsible": "tre-asunto",
            "partners": ["tre-vok", "tre-kohtaamo", "national:migri"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Yksi asumisneuvoja; tulkkaus palvelun omasta määrärahasta.",
            "status": "ongoing",
        },
        {
            "title_fi": "Sosiaali- ja terveyspalvelujen palveluohjaus alkuvaiheessa",
            "description_fi": text("""
                Hyvinvointialue tunnistaa alkuvaiheessa sosiaali- ja terveyspalvelujen tarpeen,
                myös traumaperäiset oireet, ja ohjaa oikeaan palveluun. Toimenpide on
                hyvinvointialueen vastuulla, ja kaupunki liittää sen yhteiseen palveluketjuun.
            """),
            "responsible": "county:837",
            "responsible_unit": "Maahanmuuttajien sosiaali- ja terveyspalvelut",
            "partners": ["tre-tyollisyys", "national:kela"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Hyvinvointialueen talousarvio.",
            "status": "ongoing",
        },
        {
            "title_fi": "Kotivanhempien ryhmät asuinalueilla",
            "description_fi": text("""
                Lasten kanssa kotona oleville vanhemmille järjestetään ryhmiä, joissa on
                lastenhoito, kielen harjoittelua ja tietoa varhaiskasvatuksesta ja
                työllisyyspalveluista.
            """),
            "responsible": "tre-kohtaamo",
            "partners": ["tre-sivistys", "county:837", "tre-seurakunta"],
            "schedule_start": date(2025, 9, 1),
            "schedule_end": date(2027, 12, 31),
            "resources": "Haettava hankerahoitus; kaupunki osoittaa tilat.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Asunnottomat vieraskieliset yksineläjät",
            "unit": "henkilöä",
            "source": "other",
            "source_code": "Varke, asunnottomuustilasto",
            "baseline_value": "180",
            "baseline_year": 2024,
            "target_value": "120",
            "target_year": 2028,
            "direction": "decrease",
        },
        {
            "name_fi": "Vieraskielisten 3–5-vuotiaiden osallistuminen varhaiskasvatukseen",
            "unit": "%",
            "baseline_value": "78.0",
            "baseline_year": 2024,
            "target_value": "88.0",
            "target_year": 2028,
            "direction": "increase",
        },
    ],
}

INCLUSION = {
    "theme": "inclusion_equality",
    "title_fi": "Maahan muuttaneet vaikuttavat kaupungin palveluihin ja päätöksiin",
    "measures": [
        {
            "title_fi": "Monikielinen asukasraati",
            "description_fi": text("""
                Kahdesti vuodessa kokoontuva raati kommentoi palveluja ja suunnitelmia. Sen
                jäsenet valitaan avoimella haulla eri kieliryhmistä.
            """),
            "responsible": "tre-konserni",
            "responsible_unit": "Osallisuus ja yhdenvertaisuus",
            "partners": ["tre-kotikulma", "tre-ukraina"],
            "schedule_start": date(2025, 4, 1),
            "schedule_end": PLAN_END,
            "resources": "Koordinaattorin työaika ja tulkkaus, noin 10 000 euroa vuodessa.",
            "status": "ongoing",
        },
        {
            "title_fi": "Yhdenvertaisuuskoulutus asiakaspalvelun henkilöstölle",
            "description_fi": text("""
                Asiakastyötä tekeville järjestetään koulutusta syrjinnän tunnistamisesta,
                selkokielestä ja tulkin käytöstä.
            """),
            "responsible": "tre-konserni",
            "responsible_unit": "Henkilöstöpalvelut",
            "partners": ["tre-ammattiliitot", "tre-kotikulma"],
            "schedule_start": date(2025, 2, 1),
            "schedule_end": date(2026, 12, 31),
            "resources": "Henkilöstökoulutuksen määräraha.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Julkisissa palveluissa syrjintää kokeneet vieraskieliset vastaajat",
            "unit": "%",
            "source": "manual",
            "source_code": "Kaupungin asukaskysely",
            "baseline_value": "24.0",
            "baseline_year": 2024,
            "target_value": "15.0",
            "target_year": 2028,
            "direction": "decrease",
        },
    ],
}

LANGUAGE = {
    "theme": "language_culture",
    "title_fi": "Lapset ja nuoret voivat ylläpitää ja kehittää omaa äidinkieltään",
    "measures": [
        {
            "title_fi": "Oman äidinkielen opetus perusopetuksessa",
            "description_fi": text("""
                Opetusta järjestetään kaikissa kielissä, joissa on riittävästi oppilaita;
                harvinaisemmissa kielissä käytetään etäopetusta.
            """),
            "responsible": "tre-sivistys",
            "responsible_unit": "Perusopetus",
            "partners": ["tre-kotikulma", "tre-ukraina"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Valtionavustus ja kaupungin rahoitus, noin 30 opetuskieltä.",
            "status": "ongoing",
        },
        {
            "title_fi": "Monikielinen kirjasto ja kulttuuritoiminta",
            "description_fi": text("""
                Kirjastot hankkivat aineistoa yleisimmillä kielillä ja järjestävät satutunteja
                ja kulttuuri-iltoja yhdessä yhdistysten kanssa.
            """),
            "responsible": "tre-kulttuuri",
            "partners": ["tre-ukraina", "tre-kotikulma"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Kirjaston hankintamääräraha; tapahtumat yhdistysten kanssa.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Oman äidinkielen opetukseen osallistuvat oppilaat",
            "unit": "oppilasta",
            "baseline_value": "2100",
            "baseline_year": 2024,
            "target_value": "2500",
            "target_year": 2028,
            "direction": "increase",
        },
    ],
}

RELATIONS = {
    "theme": "good_relations",
    "title_fi": "Eri väestöryhmät kohtaavat arjessa ja rasismiin puututaan",
    "measures": [
        {
            "title_fi": "Kohtaamispaikat kaupunginosissa",
            "description_fi": text("""
                Avoimet kohtaamispaikat tarjoavat toimintaa kaikille asukkaille kielestä ja
                taustasta riippumatta, ja vapaaehtoiset toimivat kieliystävinä.
            """),
            "responsible": "tre-kohtaamo",
            "partners": ["tre-seurakunta", "tre-kulttuuri", "tre-kotikulma"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Järjestöavustus ja seurakunnan tilat.",
            "status": "ongoing",
        },
        {
            "title_fi": "Koulujen toimintamalli rasismin ehkäisyyn",
            "description_fi": text("""
                Jokainen koulu laatii mallin rasististen tilanteiden käsittelyyn, ja
                poliisin ennalta estävä toiminta vierailee kouluilla.
            """),
            "responsible": "tre-sivistys",
            "partners": ["national:police", "tre-kohtaamo"],
            "schedule_start": date(2025, 8, 1),
            "schedule_end": date(2027, 6, 30),
            "resources": "Koulujen oma työaika.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Koulussa syrjintää kokeneet 8.–9.-luokkalaiset",
            "unit": "%",
            "source": "sotkanet",
            "source_code": "5187",
            "baseline_value": "9.5",
            "baseline_year": 2023,
            "target_value": "6.0",
            "target_year": 2027,
            "direction": "decrease",
        },
    ],
}

KNOWLEDGE = {
    "theme": "other",
    "title_fi": "Kotoutumistyön tietopohja ja johtaminen vahvistuvat",
    "measures": [
        {
            "title_fi": "Kotoutumisen tilannekuva kaupungin tietojohtamisen raportteihin",
            "description_fi": text("""
                Keskeiset mittarit eritellään kieliryhmittäin kaupungin raporteissa, ja
                tilannekuva päivitetään vuosittain yhdessä hyvinvointialueen kanssa.
            """),
            "responsible": "tre-konserni",
            "responsible_unit": "Tietojohtaminen",
            "partners": ["tre-tyollisyys", "county:837", "national:dvv"],
            "schedule_start": PLAN_START,
            "schedule_end": PLAN_END,
            "resources": "Analyytikon työaika.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Raportit, joissa tiedot on eritelty kieliryhmittäin",
            "unit": "raporttia",
            "baseline_value": "2",
            "baseline_year": 2024,
            "target_value": "8",
            "target_year": 2028,
            "direction": "increase",
        },
    ],
}

OBJECTIVES = [EMPLOYMENT, YOUTH, WELLBEING, INCLUSION, LANGUAGE, RELATIONS, KNOWLEDGE]
