"""The regional authority's observations and a monitoring and cooperation discussion.

The Etelä-Pohjanmaa Economic Development Centre follows Kurikka's unfinished draft (one open
observation, one the municipality has replied to) and the joint plan of Seinäjoki, Lapua and
Kauhava (one resolved observation), and held a monitoring discussion with Kurikka. Dates are
relative to the day the demo is loaded, so a reply is never expected in the past.
"""

from .base import text

KURIKKA_PLAN = {"lead": "301", "title_fi": "Kotoutumisen edistäminen Kurikassa 2027–2029"}
SEINAJOKI_PLAN = {
    "lead": "743",
    "title_fi": "Seinäjoen, Lapuan ja Kauhavan kotoutumisen edistämisen suunnitelma 2027–2030",
}
OFFICIAL = "virkailija.etelapohjanmaa"

OBSERVATIONS = [
    {
        "plan": KURIKKA_PLAN,
        "official": OFFICIAL,
        "subject": "Oma kieli ja kulttuuri -teema puuttuu",
        "text": text("""
            Suunnitelmassa ei ole tavoitetta oman kielen ja kulttuurin teemaan eikä kirjallista
            perustelua sen jättämiselle pois. Kotoutumislain 33 §:n mukaan suunnitelman tulee
            käsitellä myös tätä teemaa. Pyydämme lisäämään tavoitteen tai perustelun.
        """),
        "rule_id": "R01-themes-covered",
        "reply_due_in_days": 30,
        "steps": [],
    },
    {
        "plan": KURIKKA_PLAN,
        "official": OFFICIAL,
        "subject": "Hyvinvointialueen kanssa tehty yhteensovitus ei näy suunnitelmassa",
        "text": text("""
            Suunnitelmasta ei käy ilmi, miten toimenpiteet on sovitettu yhteen Etelä-Pohjanmaan
            hyvinvointialueen palvelujen kanssa. Kuvatkaa yhteensovitus ja sovitut vastuut.
        """),
        "rule_id": "R07-county-coordination",
        "reply_due_in_days": 14,
        "steps": [
            {
                "step": "reply",
                "actor": "koordinaattori.kurikka",
                "text": text("""
                    Kiitos huomiosta. Yhteensovitus käsiteltiin hyvinvointialueen kanssa
                    yhteistyöryhmän kokouksessa, ja kirjaamme sen suunnitelmaan ennen
                    lausuntokierrosta.
                """),
                "changes_made": "Luonnokseen lisätään kuvaus hyvinvointialueen kanssa sovitusta "
                "työnjaosta (perhe- ja terveyspalvelut).",
            }
        ],
    },
    {
        "plan": SEINAJOKI_PLAN,
        "official": OFFICIAL,
        "subject": "Maahanmuuttoyhteyshenkilön tapaamisen ajankohta",
        "text": text("""
            Suunnitelmasta puuttuu päivämäärä, jolloin elinvoimakeskuksen
            maahanmuuttoyhteyshenkilöön oltiin yhteydessä. Lisätkää se perustietoihin.
        """),
        "rule_id": "R13-authority-contacted",
        "reply_due_in_days": 21,
        "steps": [
            {
                "step": "reply",
                "actor": "koordinaattori.seinajoki",
                "text": "Tapaaminen pidettiin, päivämäärä on nyt kirjattu perustietoihin.",
                "changes_made": "Perustiedot: yhteydenoton päivämäärä lisätty.",
            },
            {
                "step": "resolve",
                "actor": OFFICIAL,
                "text": "Kiitos, asia on kunnossa.",
            },
        ],
    },
]

DISCUSSIONS = [
    {
        "municipality": "301",
        "plan": KURIKKA_PLAN,
        "official": OFFICIAL,
        "held_days_ago": 20,
        "participants": text("""
            Pekka Hietala, Etelä-Pohjanmaan elinvoimakeskus

            Minna Saarinen, Kurikan kaupunki, sivistyspalvelut

            Suupohjan työllisyysalueen kotoutumispalvelujen edustaja
        """),
        "topics": text("""
            Alueellinen seuranta- ja yhteistyökeskustelu työllisyydestä ja kotoutumisesta:
            suunnitelman aikataulu osana hyvinvointisuunnitelmaa, puuttuva oma kieli ja
            kulttuuri -teema, yhteistyöryhmän kokoonpano ja maahan muuttaneiden kuuleminen.
        """),
        "follow_ups": [
            {
                "text": "Kurikka kutsuu kaksi maahan muuttaneiden yhdistystä yhteistyöryhmään.",
                "responsible": "Kurikan kaupunki, sivistyspalvelut",
                "due_in_days": 45,
                "done": False,
            },
            {
                "text": "Elinvoimakeskus lähettää esimerkkejä oman kielen ja kulttuurin "
                "tavoitteista muista kunnista.",
                "responsible": "Etelä-Pohjanmaan elinvoimakeskus",
                "due_in_days": -5,
                "done": True,
            },
        ],
    },
]
