"""Vaasa: a bilingual city whose plan for 2027–2030 is open for consultation."""

from datetime import date

from .base import text
from .vaasa_objectives import OBJECTIVES

FIELDS = {
    "has_cooperation_group": True,
    "cooperation_group_note": "Vaasan seudun kotoutumisen yhteistyöryhmä (asetettu 2025).",
    "authority_contacted_on": date(2026, 2, 3),
    "title_fi": "Vaasan kaupungin kotoutumisen edistämisen suunnitelma 2027–2030",
    "title_sv": "Vasa stads plan för främjande av integration 2027–2030",
    "title_en": "City of Vaasa plan for the promotion of integration 2027–2030",
    "languages": ["fi", "sv"],
    "period_start": 2027,
    "period_end": 2030,
    "form": "separate",
    "coordinating_unit": "vaa-kotoutuminen",
    "coordinating_authority": "Kotoutumispalvelut – Integrationstjänster",
    "contact_name": "Johanna Lindholm",
    "contact_email": "integration.vaasa@example.org",
    "contact_phone": "+358 40 000 0202",
    "programme_mode": "incorporated",
    "programme_note": text("""
        Kotoutumisohjelma on kirjoitettu osaksi tätä suunnitelmaa: alkuvaiheen palvelut
        kuvataan työllisyyttä ja kielitaitoa koskevien tavoitteiden toimenpiteinä.

        Integrationsprogrammet ingår i denna plan: de inledande tjänsterna beskrivs som
        åtgärder under målen för sysselsättning och språkkunskaper.
    """),
    "mainstreaming_fi": text("""
        Kaupunkistrategian tavoite kansainvälisestä ja kaksikielisestä Vaasasta koskee myös
        maahan muuttaneita. Strategian elinvoima- ja hyvinvointitavoitteiden mittarit
        eritellään kieliryhmittäin, ja kotoutuminen otetaan huomioon palvelualueiden
        vuosisuunnitelmissa.
    """),
    "mainstreaming_sv": text("""
        Stadsstrategins mål om ett internationellt och tvåspråkigt Vasa gäller även
        invandrare. Indikatorerna för strategins mål om livskraft och välfärd redovisas per
        språkgrupp, och integrationen beaktas i serviceområdenas årsplaner.
    """),
    "county_coordination": text("""
        Pohjanmaan hyvinvointialueen kanssa sovitaan yhteistyöryhmässä, miten perhekeskuksen,
        sosiaalityön ja terveyspalvelujen kotoutumista tukevat palvelut liittyvät kaupungin
        palveluihin. Hyvinvointialueen suunnitelmaluonnos käsiteltiin samassa kokouksessa.

        Samarbetet med Österbottens välfärdsområde avtalas i samarbetsgruppen.
        Välfärdsområdets planutkast behandlades vid samma möte.
    """),
    "employment_area_coordination": text("""
        Pohjanmaan työllisyysalueen kotoutumispalvelut on kirjattu tämän suunnitelman
        toimenpiteiksi, ja työllisyysalue on yhteistyöryhmän jäsen.
    """),
    "situation_quantitative_fi": text("""
        Vaasassa asuu noin 9 000 vieraskielistä asukasta eli suunnilleen joka kahdeksas
        kaupunkilainen. Suurimpia kieliryhmiä ovat muun muassa arabia, venäjä, englanti ja
        ukraina. Viime vuosina suurin osa muuttaneista on tullut työn tai opiskelun vuoksi, ja
        energia-alan yritykset rekrytoivat ulkomailta aiempaa enemmän. Kaupunki vastaanottaa
        myös kiintiöpakolaisia. Luvut ovat suuntaa antavia.
    """),
    "situation_quantitative_sv": text("""
        I Vasa bor cirka 9 000 invånare med främmande modersmål, ungefär var åttonde
        stadsbo. Till de största språkgrupperna hör bland annat arabiska, ryska, engelska och
        ukrainska. Under de senaste åren har de flesta flyttat hit för arbete eller studier,
        och företagen inom energibranschen rekryterar allt oftare utomlands. Staden tar även
        emot kvotflyktingar. Siffrorna är ungefärliga.
    """),
    "situation_qualitative_fi": text("""
        Työpajoissa ja kyselyssä nousi esiin, että uudet asukkaat eivät aina tiedä voivansa
        valita kotoutumisen kieleksi suomen tai ruotsin. Työperäisten muuttajien puolisot
        kokevat jäävänsä ilman työtä ja verkostoja. Kansainväliset opiskelijat toivovat
        harjoittelupaikkoja, ja perheet kaipaavat tietoa koulusta ja varhaiskasvatuksesta
        omalla kielellään.
    """),
    "situation_qualitative_sv": text("""
        I workshopparna och enkäten framkom att nya invånare inte alltid vet att de kan välja
        finska eller svenska som integrationsspråk. Partner till arbetskraftsinvandrare
        upplever att de blir utan arbete och nätverk. Internationella studerande önskar
        praktikplatser, och familjer vill ha information om skolan och småbarnspedagogiken på
        sitt eget språk.
    """),
    "monitoring_cycle": "yearly",
    "monitoring_description": text("""
        Kotoutumispalvelut kokoaa seurannan vuosittain helmikuussa. Raportti käsitellään
        yhteistyöryhmässä ja kaupunginhallituksessa sekä julkaistaan suomeksi ja ruotsiksi.

        Integrationstjänsterna sammanställer uppföljningen årligen i februari. Rapporten
        behandlas i samarbetsgruppen och stadsstyrelsen och publiceras på finska och svenska.
    """),
}

TARGET_GROUPS = {
    "suojelu": {
        "name_fi": "Kansainvälistä suojelua saaneet",
        "name_sv": "Personer som fått internationellt skydd",
        "description": "Kiintiöpakolaiset ja turvapaikan saaneet sekä heidän perheensä.",
    },
    "tyo": {
        "name_fi": "Työperäiset maahanmuuttajat ja heidän perheensä",
        "name_sv": "Arbetskraftsinvandrare och deras familjer",
        "description": "Erityisesti energia- ja teknologia-alalle muuttaneet ja heidän puolisonsa.",
    },
    "opiskelijat": {
        "name_fi": "Kansainväliset opiskelijat",
        "name_sv": "Internationella studerande",
        "description": "Vaasan korkeakoulujen ja ammatillisen koulutuksen ulkomaiset opiskelijat.",
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
        "title_fi": "Yhteistyöryhmän aloituskokous",
        "title_sv": "Samarbetsgruppens startmöte",
        "due_date": date(2026, 2, 9),
        "body": "Kotoutumisen yhteistyöryhmä – Samarbetsgruppen för integration",
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Tapaaminen Pohjanmaan elinvoimakeskuksen maahanmuuttoyhteyshenkilön kanssa",
        "title_sv": "Möte med invandringskontaktpersonen vid Österbottens livskraftscentral",
        "due_date": date(2026, 3, 16),
        "done": True,
    },
    {
        "kind": "planning",
        "title_fi": "Asukaskysely ja kieliryhmien työpajat",
        "title_sv": "Invånarenkät och workshoppar för språkgrupper",
        "due_date": date(2026, 5, 20),
        "done": True,
    },
    {
        "kind": "consultation",
        "title_fi": "Luonnos lausunnoille ja asukkaiden kommentoitavaksi",
        "title_sv": "Utkastet på remiss och för invånarnas kommentarer",
        "due_date": date(2026, 11, 16),
        "done": True,
    },
    {
        "kind": "consultation",
        "title_fi": "Kommentointiaika päättyy",
        "title_sv": "Kommentarstiden går ut",
        "due_date": date(2026, 12, 18),
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginhallituksen käsittely",
        "title_sv": "Behandling i stadsstyrelsen",
        "due_date": date(2027, 2, 8),
        "body": "Kaupunginhallitus – Stadsstyrelsen",
    },
    {
        "kind": "decision",
        "title_fi": "Kaupunginvaltuuston päätös",
        "title_sv": "Beslut i stadsfullmäktige",
        "due_date": date(2027, 3, 22),
        "body": "Kaupunginvaltuusto – Stadsfullmäktige",
    },
]

PLAN = {
    "lead": "905",
    "municipalities": ["905"],
    "fields": FIELDS,
    "target_groups": TARGET_GROUPS,
    "milestones": MILESTONES,
    "objectives": OBJECTIVES,
    "transitions": [{"to": "consultation"}],
}
