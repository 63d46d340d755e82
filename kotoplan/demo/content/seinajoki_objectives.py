"""Objectives, measures and indicators of the joint plan of Seinäjoki, Lapua and Kauhava."""

from datetime import date

from .base import text

START, END = date(2027, 1, 1), date(2030, 12, 31)

EMPLOYMENT = {
    "theme": "employment_education",
    "title_fi": "Työn perässä muuttaneet ja heidän perheensä asettuvat seudulle pysyvästi",
    "description_fi": text("""
        Yritykset, työllisyysalueet ja oppilaitokset tukevat yhdessä uusien työntekijöiden
        kielitaitoa, perheiden asettumista ja puolisoiden työllistymistä.
    """),
    "target_groups": ["tyo"],
    "measures": [
        {
            "title_fi": "Yritysten kotoutumistuki rekrytoinnin yhteydessä",
            "description_fi": text("""
                Rekrytoiville yrityksille tarjotaan malli perehdytykseen, asunnon hankintaan ja
                perheen ohjaamiseen kunnan palveluihin.
            """),
            "responsible": "sjk-tyonantajat",
            "partners": ["employment:743", "employment:408", "lap-elintarvike", "kau-konepaja"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Järjestön oma työ; työllisyysalueet vastaavat koulutustilaisuuksista.",
            "status": "ongoing",
        },
        {
            "ref": "tyopaikka",
            "title_fi": "Suomen kielen opetus työpaikoilla",
            "description_fi": text("""
                Oppilaitos järjestää kieliryhmiä tuotantolaitoksissa vuorotyöhön sopivina
                aikoina. Opetus painottuu työturvallisuuden ja työyhteisön arjen kieleen.
            """),
            "responsible": "sjk-sedu",
            "partners": ["kau-konepaja", "lap-elintarvike", "sjk-ammattiliitot"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Työnantajat maksavat puolet, työllisyysalueet loput.",
            "status": "ongoing",
        },
        {
            "title_fi": "Puolisoiden työnhaun tuki",
            "description_fi": text("""
                Työperäisten muuttajien puolisoille tarjotaan kielikurssi, ura-ohjausta ja
                tutustumista alueen työnantajiin.
            """),
            "responsible": "employment:743",
            "partners": ["employment:408", "sjk-kielipalvelut", "sjk-tyonantajat"],
            "schedule_start": date(2027, 8, 1),
            "schedule_end": END,
            "resources": "Työllisyysalueiden palvelubudjetit; kielikurssi ostopalveluna.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Seudun kolmessa kunnassa asuvat vieraskieliset",
            "unit": "henkilöä",
            "source": "statfin",
            "source_code": "StatFin/vaerak/11rm",
            "baseline_value": "4900",
            "baseline_year": 2025,
            "target_value": "6000",
            "target_year": 2030,
            "direction": "increase",
        },
        {
            "name_fi": "Työpaikoilla järjestetyt suomen kielen ryhmät",
            "unit": "ryhmää vuodessa",
            "baseline_value": "6",
            "baseline_year": 2025,
            "target_value": "15",
            "target_year": 2030,
            "direction": "increase",
            "measure": "tyopaikka",
        },
    ],
}

WELLBEING = {
    "theme": "wellbeing_health_housing",
    "title_fi": "Palvelut ovat saatavilla kaikissa kolmessa kunnassa",
    "target_groups": ["tyo", "tilapainen"],
    "measures": [
        {
            "ref": "neuvonta",
            "title_fi": "Seudullinen monikielinen neuvontapiste",
            "description_fi": text("""
                Neuvontapiste toimii Seinäjoella, ja Lapuan ja Kauhavan kirjastoissa on
                viikoittain etäneuvontaa. Neuvonnassa autetaan asumiseen, lupa-asioihin ja
                palveluihin hakeutumiseen liittyvissä kysymyksissä.
            """),
            "responsible": "sjk-maahanmuutto",
            "partners": [
                "county:743",
                "national:kela",
                "national:migri",
                "lap-sivistys",
                "kau-elinvoima",
            ],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Kolme neuvojaa; kustannukset jaetaan kuntien asukasluvun mukaan.",
            "status": "ongoing",
        },
        {
            "title_fi": "Terveys- ja hyvinvointiryhmät maahan muuttaneille naisille",
            "description_fi": text("""
                Terveydenhoitaja ja järjestön ohjaaja pitävät ryhmiä, joissa käsitellään
                terveyttä, jaksamista ja palveluihin hakeutumista.
            """),
            "responsible": "county:743",
            "partners": ["sjk-jarjestot", "sjk-monikulttuuri"],
            "schedule_start": date(2027, 9, 1),
            "schedule_end": date(2029, 5, 31),
            "resources": "Hyvinvointialueen terveydenhoitajan työaika; järjestön ohjaaja.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Neuvontapisteen asiakaskäynnit",
            "unit": "käyntiä vuodessa",
            "baseline_value": "3200",
            "baseline_year": 2025,
            "target_value": "4000",
            "target_year": 2030,
            "direction": "increase",
            "measure": "neuvonta",
        },
    ],
}

INCLUSION = {
    "theme": "inclusion_equality",
    "title_fi": "Maahan muuttaneet ovat mukana yhdistyksissä ja vaikuttamassa",
    "measures": [
        {
            "title_fi": "Yhdistysten vapaaehtoistoiminnan tori",
            "description_fi": text("""
                Yhdistykset esittelevät toimintaansa kerran vuodessa kussakin kunnassa, ja
                tilaisuuksissa on tulkit yleisimmille kielille.
            """),
            "responsible": "sjk-jarjestot",
            "partners": ["sjk-monikulttuuri", "lap-sivistys", "kau-elinvoima"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Kuntien järjestöavustukset.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Yhdistystoimintaan mukaan tulleet maahan muuttaneet",
            "unit": "henkilöä vuodessa",
            "baseline_value": "40",
            "baseline_year": 2025,
            "target_value": "120",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

LANGUAGE = {
    "theme": "language_culture",
    "title_fi": "Oman äidinkielen opetusta saa myös pienemmissä kunnissa",
    "measures": [
        {
            "title_fi": "Kuntien yhteinen oman äidinkielen etäopetus",
            "description_fi": text("""
                Lapua koordinoi etäopetusta, jossa kolmen kunnan oppilaista kootaan ryhmät
                myös pienille kieliryhmille.
            """),
            "responsible": "lap-sivistys",
            "partners": ["sjk-sivistys", "kau-elinvoima", "sjk-monikulttuuri"],
            "schedule_start": date(2027, 8, 1),
            "schedule_end": END,
            "resources": "Valtionavustus; kunnat jakavat opettajien palkkakulut.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Kielet, joissa oman äidinkielen opetusta annetaan",
            "unit": "kieltä",
            "baseline_value": "8",
            "baseline_year": 2025,
            "target_value": "12",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

RELATIONS = {
    "theme": "good_relations",
    "title_fi": "Uudet ja pitkäaikaiset asukkaat tutustuvat toisiinsa",
    "target_groups": ["nuoret", "tilapainen"],
    "measures": [
        {
            "ref": "ystava",
            "title_fi": "Ystäväperhetoiminta kylissä ja kaupunginosissa",
            "responsible": "sjk-seurakunta",
            "partners": ["sjk-monikulttuuri", "kau-elinvoima", "lap-sivistys"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Seurakunnan työntekijä ja vapaaehtoiset.",
            "status": "ongoing",
        },
        {
            "title_fi": "Poliisin ennalta estävä työ vastaanottokeskuksessa ja kouluissa",
            "responsible": "national:police",
            "responsible_unit": "Pohjanmaan poliisilaitos, ennalta estävä toiminta",
            "partners": ["sjk-vok", "sjk-sivistys"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Poliisin oma toiminta.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Koulussa syrjintää kokeneet 8.–9.-luokkalaiset",
            "unit": "%",
            "source": "sotkanet",
            "source_code": "5187",
            "baseline_value": "9.0",
            "baseline_year": 2025,
            "target_value": "6.0",
            "target_year": 2029,
            "direction": "decrease",
        },
        {
            "name_fi": "Ystäväperheiksi ryhtyneet",
            "unit": "perhettä",
            "baseline_value": "25",
            "baseline_year": 2025,
            "target_value": "60",
            "target_year": 2030,
            "direction": "increase",
            "measure": "ystava",
        },
    ],
}

SEASONAL = {
    "theme": "other",
    "title_fi": "Kausityöntekijöiden olot ja tiedonsaanti paranevat",
    "target_groups": ["kausi"],
    "measures": [
        {
            "title_fi": "Kausityöntekijöiden monikielinen infopaketti",
            "description_fi": text("""
                Tilat ja yritykset antavat saapuville kausityöntekijöille tietoa työehdoista,
                asumisesta, terveydenhuollosta ja avun hakemisesta heidän omilla kielillään.
            """),
            "responsible": "kau-elinvoima",
            "partners": [
                "sjk-ammattiliitot",
                "sjk-tyonantajat",
                "national:police",
                "national:migri",
            ],
            "schedule_start": date(2027, 3, 1),
            "schedule_end": END,
            "resources": "Kauhavan elinvoimapalvelujen määräraha; käännökset ostopalveluna.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Infopaketin saaneet kausityöntekijät",
            "unit": "henkilöä vuodessa",
            "baseline_value": "300",
            "baseline_year": 2026,
            "target_value": "800",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

OBJECTIVES = [EMPLOYMENT, WELLBEING, INCLUSION, LANGUAGE, RELATIONS, SEASONAL]
