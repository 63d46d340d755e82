"""Seinäjoki, Lapua and Kauhava: a joint plan for 2027–2030 awaiting the councils' decisions."""

from datetime import date

from .base import text
from .seinajoki_objectives import OBJECTIVES

FIELDS = {
    "has_cooperation_group": True,
    "cooperation_group_note": text("""
        Seinäjoki, Lapua ja Kauhava asettivat yhteisen kotoutumisen yhteistyöryhmän. Lisäksi
        kunnat osallistuvat elinvoimakeskuksen asettaman alueellisen ryhmän työhön.
    """),
    "participation_evidence": text("""
        Järjestöjen ja asukkaiden työpajat pidettiin Seinäjoella, Lapualla ja Kauhavalla
        keväällä 2026; osallistujia oli yhteensä noin 70.
    """),
    "title_fi": "Seinäjoen, Lapuan ja Kauhavan kotoutumisen edistämisen suunnitelma 2027–2030",
    "title_sv": "Plan för främjande av integration för Seinäjoki, Lappo och Kauhava 2027–2030",
    "title_en": "Joint plan for the promotion of integration: Seinäjoki, Lapua, Kauhava 2027–2030",
    "languages": ["fi"],
    "period_start": 2027,
    "period_end": 2030,
    "form": "separate",
    "coordinating_unit": "sjk-maahanmuutto",
    "coordinating_authority": "Seinäjoen kaupungin maahanmuuttopalvelut (vastuukunta)",
    "contact_name": "Laura Kangas",
    "contact_email": "kotoutuminen.seinajoki@example.org",
    "programme_mode": "linked",
    "programme_url": "https://www.example.org/etela-pohjanmaa/kotoutumisohjelma",
    "programme_note": text("""
        Seinäjoen asukkaiden kotoutumisohjelmasta vastaa TyöLakeus-työllisyysalue ja Lapuan ja
        Kauhavan asukkaiden ohjelmasta Kymppi-työllisyysalue. Alueet ovat laatineet ohjelmat
        yhteisen rungon pohjalta, ja tämä suunnitelma viittaa molempiin.
    """),
    "mainstreaming_fi": text("""
        Kaikkien kolmen kunnan strategioissa tavoitellaan väestön ja osaavan työvoiman
        kasvua. Maahan muuttaneiden asettuminen seudulle on kirjattu kuntien
        hyvinvointisuunnitelmiin, ja kunkin kunnan elinvoimaohjelma viittaa tähän
        suunnitelmaan.
    """),
    "county_coordination": text("""
        Etelä-Pohjanmaan hyvinvointialue kuuluu seudulliseen yhteistyöryhmään. Alueen
        kotoutumista tukevat sosiaali- ja terveyspalvelut on kuvattu tämän suunnitelman
        toimenpiteissä, ja hyvinvointialue on hyväksynyt oman osuutensa ennen kuntien
        päätöksentekoa.
    """),
    "employment_area_coordination": text("""
        Seinäjoki kuuluu TyöLakeus-työllisyysalueeseen, Lapua ja Kauhava
        Kymppi-työllisyysalueeseen. Molempien alueiden edustajat ovat yhteistyöryhmässä, ja
        työllisyyttä koskevat toimenpiteet on sovittu niin, että palvelut ovat samat
        asuinkunnasta riippumatta.
    """),
    "situation_quantitative_fi": text("""
        Kolmessa kunnassa asuu yhteensä noin 5 000 vieraskielistä asukasta, suurin osa
        Seinäjoella. Lapualla ja Kauhavalla vieraskielisten osuus väestöstä on muutaman
        prosentin luokkaa. Elintarvike- ja metalliteollisuus sekä maatalous työllistävät paljon
        ulkomailta muuttaneita, ja kesäisin seudulla työskentelee lisäksi satoja
        kausityöntekijöitä. Seinäjoella toimii vastaanottokeskus, ja kaikissa kunnissa asuu
        tilapäistä suojelua saaneita ukrainalaisia. Luvut ovat suuntaa antavia.
    """),
    "situation_qualitative_fi": text("""
        Asukastilaisuuksissa toistui, että Lapualta ja Kauhavalta on pitkä matka palveluihin ja
        kielikursseille. Työnantajat haluavat, että työntekijät perheineen jäävät seudulle, mutta
        puolisoille ei löydy helposti työtä. Kausityöntekijät eivät aina tiedä oikeuksistaan eivätkä
        siitä, mistä apua saa. Yhdistykset ovat valmiita ottamaan uusia asukkaita mukaan, kunhan
        tieto toiminnasta tavoittaa heidät.
    """),
    "monitoring_cycle": "yearly",
    "monitoring_description": text("""
        Seinäjoen maahanmuuttopalvelut kokoaa yhteisen seurantaraportin maaliskuussa.
        Raportti käsitellään yhteistyöryhmässä ja sen jälkeen kunkin kunnan hallituksessa ja
        valtuustossa. Kuntakohtaiset tiedot esitetään erikseen silloin, kun luvut ovat riittävän
        suuria julkaistaviksi.
    """),
}

TARGET_GROUPS = {
    "tyo": {
        "name_fi": "Työperäiset maahanmuuttajat ja heidän perheensä",
        "name_sv": "Arbetskraftsinvandrare och deras familjer",
        "description": "Teollisuuteen ja maatalouteen pysyvästi muuttaneet ja heidän perheensä.",
    },
    "kausi": {
        "name_fi": "Kausityöntekijät",
        "name_sv": "Säsongsarbetare",
        "description": "Muutamaksi kuukaudeksi maatalouden ja puutarha-alan töihin tulevat.",
    },
    "tilapainen": {
        "name_fi": "Tilapäistä suojelua saaneet",
        "name_sv": "Personer med tillfälligt skydd",
        "description": "Ukrainasta sotaa paenneet, joilla on tilapäisen suojelun oleskelulupa.",
    },
    "nuoret": {
        "name_fi": "Maahan muuttaneet nuoret",
        "name_sv": "Unga invandrare",
        "description": "16–29-vuotiaat maahan muuttaneet.",
    },
}

MILESTONES = [
    {
        "kind": "planning",
        "title_fi": "Kunnat sopivat yhteisestä suunnitelmasta",
        "due_date": date(2026, 1, 19),
        "body": "Kuntien johtoryhmät",
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Seudullinen yhteistyöryhmä nimetään ja aikataulu sovitaan",
        "due_date": date(2026, 2, 23),
        "body": "Seudullinen kotoutumisen yhteistyöryhmä",
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Tapaaminen elinvoimakeskuksen maahanmuuttoyhteyshenkilön kanssa",
        "due_date": date(2026, 3, 10),
        "done": True,
    },
    {
        "kind": "consultation",
        "title_fi": "Luonnos kommentoitavana, asukastilaisuudet kaikissa kolmessa kunnassa",
        "due_date": date(2026, 8, 31),
        "done": True,
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginhallitusten käsittely",
        "due_date": date(2026, 11, 9),
        "body": "Seinäjoen, Lapuan ja Kauhavan kaupunginhallitukset",
        "done": True,
    },
    {
        "kind": "decision",
        "title_fi": "Seinäjoen kaupunginvaltuuston päätös",
        "due_date": date(2026, 12, 14),
        "body": "Seinäjoen kaupunginvaltuusto",
    },
    {
        "kind": "decision",
        "title_fi": "Lapuan kaupunginvaltuuston päätös",
        "due_date": date(2026, 12, 15),
        "body": "Lapuan kaupunginvaltuusto",
    },
    {
        "kind": "decision",
        "title_fi": "Kauhavan kaupunginvaltuuston päätös",
        "due_date": date(2026, 12, 16),
        "body": "Kauhavan kaupunginvaltuusto",
    },
    {
        "kind": "monitoring",
        "title_fi": "Ensimmäinen yhteinen seurantaraportti",
        "due_date": date(2028, 3, 31),
        "body": "Seudullinen kotoutumisen yhteistyöryhmä",
    },
]

PLAN = {
    "lead": "743",
    "municipalities": ["743", "408", "233"],
    "fields": FIELDS,
    "target_groups": TARGET_GROUPS,
    "milestones": MILESTONES,
    "objectives": OBJECTIVES,
    "transitions": [{"to": "consultation"}, {"to": "awaiting_decision"}],
}
