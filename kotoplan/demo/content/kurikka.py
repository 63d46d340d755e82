"""Kurikka: a smaller town writing its first plan as part of its welfare plan.

The draft is unfinished on purpose: the theme on one's own language and culture has no
objective yet, one measure has no responsible party, one objective has no indicator, and the
qualitative situation picture and county coordination are still empty.
"""

from datetime import date

from .base import text

FIELDS = {
    "title_fi": "Kotoutumisen edistäminen Kurikassa 2027–2029",
    "title_sv": "Främjande av integration i Kurikka 2027–2029",
    "languages": ["fi"],
    "period_start": 2027,
    "period_end": 2029,
    "form": "part_of_other",
    "host_document_name": "Kurikan hyvinvointikertomus ja hyvinvointisuunnitelma 2025–2029",
    "host_document_approval": "Kaupunginvaltuusto, joulukuu 2025",
    "coordinating_unit": "kur-sivistys",
    "coordinating_authority": "Sivistyspalvelut, hyvinvoinnin edistäminen",
    "contact_name": "Minna Saarinen",
    "contact_email": "hyvinvointi.kurikka@example.org",
    "mainstreaming_fi": text("""
        Kotoutumista koskevat tavoitteet kirjoitetaan hyvinvointisuunnitelman vuoden 2027
        päivitykseen omaksi luvukseen, jotta ne tulevat käsitellyiksi samassa vuosikierrossa
        kuin muut hyvinvoinnin tavoitteet.
    """),
    "employment_area_coordination": text("""
        Kurikka kuuluu Suupohjan työllisyysalueeseen. Työllisyysalueen kotoutumispalvelujen
        edustaja osallistuu valmisteluun.
    """),
    "situation_quantitative_fi": text("""
        Kurikassa asuu noin 600 vieraskielistä asukasta, joista suurin osa on tullut töihin
        huonekalu- ja metalliteollisuuteen tai maatiloille. Kaupunkiin on muuttanut myös
        tilapäistä suojelua saaneita ukrainalaisia perheitä. Luvut ovat suuntaa antavia.
    """),
    "monitoring_cycle": "yearly",
    "monitoring_description": text("""
        Seuranta tehdään osana hyvinvointikertomuksen vuosiraportointia, joka käsitellään
        hyvinvointiryhmässä, kaupunginhallituksessa ja kaupunginvaltuustossa.
    """),
}

TARGET_GROUPS = {
    "tyo": {
        "name_fi": "Työperäiset maahanmuuttajat ja heidän perheensä",
        "name_sv": "Arbetskraftsinvandrare och deras familjer",
        "description": "Teollisuuteen ja maatiloille muuttaneet sekä heidän perheensä.",
    },
    "tilapainen": {
        "name_fi": "Tilapäistä suojelua saaneet",
        "name_sv": "Personer med tillfälligt skydd",
        "description": "Ukrainasta tulleet perheet.",
    },
}

MILESTONES = [
    {
        "kind": "planning",
        "title_fi": "Hyvinvointiryhmä laajennetaan kotoutumisen yhteistyöryhmäksi",
        "due_date": date(2026, 9, 8),
        "body": "Hyvinvointiryhmä",
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Yhteydenotto Etelä-Pohjanmaan elinvoimakeskuksen maahanmuuttoyhteyshenkilöön",
        "due_date": date(2026, 12, 15),
    },
    {
        "kind": "decision",
        "title_fi": "Hyvinvointisuunnitelman päivitys kaupunginvaltuustossa",
        "due_date": date(2027, 5, 24),
        "body": "Kaupunginvaltuusto",
    },
]

OBJECTIVES = [
    {
        "theme": "employment_education",
        "title_fi": "Maahan muuttaneet työllistyvät paikallisiin yrityksiin",
        "target_groups": ["tyo", "tilapainen"],
        "measures": [
            {
                "ref": "kokeilut",
                "title_fi": "Yritysvierailut ja työkokeilut huonekaluteollisuudessa",
                "responsible": "kur-huonekalu",
                "partners": ["employment:301", "kur-elinvoima"],
                "schedule_start": date(2027, 1, 1),
                "schedule_end": date(2029, 12, 31),
                "resources": "Yrityksen työnjohdon työaika.",
                "status": "ongoing",
            },
        ],
        "indicators": [
            {
                "name_fi": "Työkokeiluun osallistuneet maahan muuttaneet",
                "unit": "henkilöä vuodessa",
                "baseline_value": "12",
                "baseline_year": 2025,
                "target_value": "30",
                "target_year": 2029,
                "direction": "increase",
                "measure": "kokeilut",
            },
        ],
    },
    {
        "theme": "wellbeing_health_housing",
        "title_fi": "Uudet asukkaat saavat tiedon palveluista ja löytävät asunnon",
        "measures": [
            {
                "title_fi": "Tervetulopaketti uusille asukkaille",
                "responsible": "kur-elinvoima",
                "partners": ["county:301", "kur-yhdistys"],
                "schedule_start": date(2027, 3, 1),
                "resources": "Painatus ja käännökset, noin 3 000 euroa.",
                "status": "planned",
            },
            {
                "title_fi": "Tuki vuokra-asunnon löytämiseen",
                "description_fi": "Vastuutaho ja resurssit sovitaan hyvinvointiryhmässä.",
                "status": "planned",
            },
        ],
        "indicators": [
            {
                "name_fi": "Tervetulopaketin saaneet kotitaloudet",
                "unit": "kotitaloutta",
                "target_value": "100",
                "target_year": 2029,
                "direction": "increase",
            },
        ],
    },
    {
        "theme": "inclusion_equality",
        "title_fi": "Maahan muuttaneet otetaan mukaan hyvinvointisuunnitelman valmisteluun",
        "measures": [
            {
                "title_fi": "Kuulemistilaisuus hyvinvointisuunnitelman päivityksestä",
                "responsible": "kur-sivistys",
                "partners": ["kur-yhdistys"],
                "schedule_start": date(2027, 2, 1),
                "schedule_end": date(2027, 2, 28),
                "status": "planned",
            },
        ],
    },
    {
        "theme": "good_relations",
        "title_fi": "Kohtaamisia arjessa",
        "measures": [
            {
                "title_fi": "Kansainvälinen kahvila",
                "responsible": "kur-yhdistys",
                "partners": ["kur-seurakunta", "kur-sivistys"],
                "schedule_start": date(2026, 9, 1),
                "resources": "Seurakunnan tilat ja vapaaehtoiset.",
                "status": "ongoing",
            },
        ],
        "indicators": [
            {
                "name_fi": "Kahvilan kävijät",
                "unit": "käyntiä kuukaudessa",
                "baseline_value": "40",
                "baseline_year": 2026,
                "target_value": "80",
                "target_year": 2028,
                "direction": "increase",
            },
        ],
    },
]

PLAN = {
    "lead": "301",
    "municipalities": ["301"],
    "fields": FIELDS,
    "target_groups": TARGET_GROUPS,
    "milestones": MILESTONES,
    "objectives": OBJECTIVES,
    "transitions": [],
}
