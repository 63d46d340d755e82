"""Objectives, measures and indicators of the Vaasa plan 2027–2030, in Finnish and Swedish."""

from datetime import date

from .base import text

START, END = date(2027, 1, 1), date(2030, 12, 31)

EMPLOYMENT = {
    "theme": "employment_education",
    "title_fi": "Maahan muuttaneet työllistyvät ja yrittäjyys vahvistuu",
    "title_sv": "Invandrare får arbete och företagandet stärks",
    "description_fi": text("""
        Alkuvaiheen palvelut toimivat yhtenä kokonaisuutena, ja työnantajat saavat tukea
        kansainvälisten työntekijöiden palkkaamiseen ja perehdyttämiseen.
    """),
    "description_sv": text("""
        De inledande tjänsterna fungerar som en helhet, och arbetsgivarna får stöd när de
        anställer och introducerar internationella arbetstagare.
    """),
    "target_groups": ["suojelu", "tyo"],
    "measures": [
        {
            "title_fi": "Kotoutumisohjelman alkuvaiheen palvelut yhdestä paikasta",
            "title_sv": "Integrationsprogrammets inledande tjänster på ett ställe",
            "description_fi": text("""
                Osaamisen ja palvelutarpeen arviointi, kotoutumissuunnitelma ja
                yhteiskuntaorientaatio tehdään samassa palvelupisteessä suomeksi, ruotsiksi tai
                tulkin avulla asiakkaan omalla kielellä.
            """),
            "description_sv": text("""
                Kartläggningen av kompetens och servicebehov, integrationsplanen och
                samhällsorienteringen görs på samma serviceställe på finska, svenska eller med
                tolk på kundens eget språk.
            """),
            "responsible": "employment:905",
            "responsible_unit": "Kotoutumispalvelut – Integrationstjänster",
            "partners": ["vaa-kotoutuminen", "national:kela", "county:905"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Työllisyysalueen kotoutumispalvelut; tulkkaus ostopalveluna.",
            "status": "ongoing",
        },
        {
            "ref": "kielipolku",
            "title_fi": "Energia-alan yritysten kielipolku",
            "title_sv": "Språkstig för företag inom energibranschen",
            "description_fi": text("""
                Yritykset tarjoavat uusille työntekijöille työaikana suomen tai ruotsin opetusta,
                jonka oppilaitos sovittaa alan sanastoon.
            """),
            "description_sv": text("""
                Företagen erbjuder nyanställda undervisning i finska eller svenska på arbetstid,
                och läroanstalten anpassar undervisningen till branschens ordförråd.
            """),
            "responsible": "vaa-energia",
            "partners": ["vaa-vamia", "vaa-tyonantajat"],
            "schedule_start": date(2027, 3, 1),
            "schedule_end": date(2029, 12, 31),
            "resources": "Yritysten rahoitus; osa kuluista työllisyysalueen koulutusrahasta.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Vieraskielisten 20–64-vuotiaiden työllisyysaste",
            "name_sv": "Sysselsättningsgrad bland 20–64-åringar med främmande modersmål",
            "unit": "%",
            "source": "other",
            "source_code": "TEM, kotoutumisen indikaattorit",
            "baseline_value": "58.0",
            "baseline_year": 2024,
            "target_value": "65.0",
            "target_year": 2030,
            "direction": "increase",
        },
        {
            "name_fi": "Kielipolulle osallistuneet työntekijät",
            "name_sv": "Anställda som deltagit i språkstigen",
            "unit": "henkilöä",
            "baseline_value": "0",
            "baseline_year": 2026,
            "target_value": "120",
            "target_year": 2030,
            "direction": "increase",
            "measure": "kielipolku",
        },
    ],
}

LANGUAGE_LEARNING = {
    "theme": "employment_education",
    "title_fi": "Kotoutuja voi oppia suomea tai ruotsia",
    "title_sv": "Den som integreras kan lära sig finska eller svenska",
    "description_fi": text("""
        Kaksikielisessä kaupungissa kotoutumisen kieli valitaan asiakkaan tavoitteiden mukaan,
        ja kotoutumiskoulutusta on tarjolla kummallakin kielellä.
    """),
    "description_sv": text("""
        I en tvåspråkig stad väljs integrationsspråket enligt kundens mål, och
        integrationsutbildning erbjuds på båda språken.
    """),
    "target_groups": ["suojelu", "tyo", "opiskelijat"],
    "measures": [
        {
            "ref": "ruotsi",
            "title_fi": "Kotoutumiskoulutus myös ruotsiksi",
            "title_sv": "Integrationsutbildning även på svenska",
            "responsible": "vaa-vamia",
            "partners": ["employment:905", "vaa-kotoutuminen"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Työllisyysalueen hankinta, kaksi ruotsinkielistä ryhmää vuodessa.",
            "status": "ongoing",
        },
        {
            "title_fi": "Kielikahvilat kirjastoissa",
            "title_sv": "Språkcaféer på biblioteken",
            "responsible": "vaa-motesplats",
            "partners": ["vaa-sivistys", "vaa-seurakunta"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Vapaaehtoiset ja kaupungin järjestöavustus.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Ruotsinkieliseen kotoutumiskoulutukseen osallistuneet",
            "name_sv": "Deltagare i svenskspråkig integrationsutbildning",
            "unit": "henkilöä vuodessa",
            "baseline_value": "35",
            "baseline_year": 2025,
            "target_value": "70",
            "target_year": 2030,
            "direction": "increase",
            "measure": "ruotsi",
        },
    ],
}

WELLBEING = {
    "theme": "wellbeing_health_housing",
    "title_fi": "Perheet saavat tukea ja asuminen on turvallista",
    "title_sv": "Familjer får stöd och boendet är tryggt",
    "measures": [
        {
            "title_fi": "Perhekeskuksen monikielinen ohjaus",
            "title_sv": "Flerspråkig handledning på familjecentret",
            "description_fi": text("""
                Perhekeskuksessa on viikoittain ohjausta arabiaksi, ukrainaksi ja englanniksi,
                ja vanhemmat saavat tietoa neuvolasta, varhaiskasvatuksesta ja koulusta.
            """),
            "description_sv": text("""
                På familjecentret finns handledning varje vecka på arabiska, ukrainska och
                engelska, och föräldrarna får information om rådgivningen,
                småbarnspedagogiken och skolan.
            """),
            "responsible": "county:905",
            "partners": ["vaa-sivistys", "vaa-yhdistys"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Hyvinvointialueen perhekeskuksen henkilöstö.",
            "status": "ongoing",
        },
        {
            "title_fi": "Uusien asukkaiden ja vuokranantajien tapaamiset",
            "title_sv": "Träffar för nya invånare och hyresvärdar",
            "description_fi": text("""
                Vuokranantajat ja uudet asukkaat käyvät yhdessä läpi asumisen pelisäännöt ja
                tavallisimmat ongelmatilanteet.
            """),
            "description_sv": text("""
                Hyresvärdar och nya invånare går tillsammans igenom spelreglerna för boendet och
                de vanligaste problemen.
            """),
            "responsible": "vaa-kotoutuminen",
            "partners": ["vaa-vok", "vaa-motesplats"],
            "schedule_start": date(2027, 4, 1),
            "schedule_end": date(2028, 12, 31),
            "resources": "Kotoutumispalvelujen työaika.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Monikieliseen ohjaukseen osallistuneet perheet",
            "name_sv": "Familjer som deltagit i flerspråkig handledning",
            "unit": "perhettä vuodessa",
            "baseline_value": "120",
            "baseline_year": 2025,
            "target_value": "200",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

INCLUSION = {
    "theme": "inclusion_equality",
    "title_fi": "Asukkaat voivat vaikuttaa omalla kielellään",
    "title_sv": "Invånarna kan påverka på sitt eget språk",
    "measures": [
        {
            "title_fi": "Monikulttuurinen neuvottelukunta",
            "title_sv": "Mångkulturella delegationen",
            "description_fi": text("""
                Neuvottelukunta antaa lausuntoja kaupungin suunnitelmista ja tuo esiin asukkaiden
                kokemuksia. Jäsenet edustavat eri kieliryhmiä.
            """),
            "description_sv": text("""
                Delegationen ger utlåtanden om stadens planer och lyfter fram invånarnas
                erfarenheter. Medlemmarna representerar olika språkgrupper.
            """),
            "responsible": "vaa-kotoutuminen",
            "partners": ["vaa-yhdistys", "vaa-motesplats"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Sihteerin työaika ja kokouspalkkiot.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Neuvottelukunnan lausunnot kaupungin suunnitelmista",
            "name_sv": "Delegationens utlåtanden om stadens planer",
            "unit": "lausuntoa vuodessa",
            "baseline_value": "3",
            "baseline_year": 2025,
            "target_value": "8",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

LANGUAGE = {
    "theme": "language_culture",
    "title_fi": "Oma kieli ja kulttuuri ovat voimavara",
    "title_sv": "Det egna språket och den egna kulturen är en resurs",
    "measures": [
        {
            "title_fi": "Oman äidinkielen opetus suomen- ja ruotsinkielisissä kouluissa",
            "title_sv": "Modersmålsundervisning i finsk- och svenskspråkiga skolor",
            "responsible": "vaa-sivistys",
            "partners": ["vaa-yhdistys"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Valtionavustus ja kaupungin rahoitus.",
            "status": "ongoing",
        },
    ],
    "indicators": [
        {
            "name_fi": "Oman äidinkielen opetukseen osallistuvat oppilaat",
            "name_sv": "Elever som deltar i modersmålsundervisning",
            "unit": "oppilasta",
            "baseline_value": "520",
            "baseline_year": 2025,
            "target_value": "650",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

RELATIONS = {
    "theme": "good_relations",
    "title_fi": "Kohtaamisia yli kieli- ja kulttuurirajojen",
    "title_sv": "Möten över språk- och kulturgränser",
    "target_groups": ["nuoret"],
    "measures": [
        {
            "title_fi": "Monikulttuurinen kaupunkijuhla",
            "title_sv": "Mångkulturell stadsfest",
            "responsible": "vaa-motesplats",
            "partners": ["vaa-sivistys", "vaa-seurakunta", "vaa-tyonantajat"],
            "schedule_start": START,
            "schedule_end": END,
            "resources": "Kaupungin tapahtuma-avustus ja yhteistyökumppanien talkootyö.",
            "status": "ongoing",
        },
        {
            "title_fi": "Nuorten vertaistoiminta kouluissa",
            "title_sv": "Kamratstöd bland unga i skolorna",
            "responsible": "vaa-sivistys",
            "partners": ["national:police", "vaa-yhdistys"],
            "schedule_start": date(2027, 8, 1),
            "schedule_end": date(2029, 6, 30),
            "resources": "Koulukuraattorien ja nuorisotyön työaika.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Koulussa syrjintää kokeneet 8.–9.-luokkalaiset",
            "name_sv": "Elever i årskurs 8–9 som upplevt diskriminering i skolan",
            "unit": "%",
            "source": "sotkanet",
            "source_code": "5187",
            "baseline_value": "10.0",
            "baseline_year": 2025,
            "target_value": "7.0",
            "target_year": 2029,
            "direction": "decrease",
        },
    ],
}

RETENTION = {
    "theme": "other",
    "title_fi": "Kansainväliset osaajat ja heidän perheensä jäävät Vaasaan",
    "title_sv": "Internationella experter och deras familjer stannar i Vasa",
    "target_groups": ["tyo", "opiskelijat"],
    "measures": [
        {
            "title_fi": "Urapalvelu muuttaneiden puolisoille",
            "title_sv": "Karriärtjänst för medflyttande partner",
            "responsible": "vaa-tyonantajat",
            "partners": ["employment:905", "vaa-energia", "vaa-kotoutuminen"],
            "schedule_start": date(2027, 1, 1),
            "schedule_end": date(2029, 12, 31),
            "resources": "Yritysten jäsenmaksut ja haettava kehittämisrahoitus.",
            "status": "planned",
        },
    ],
    "indicators": [
        {
            "name_fi": "Urapalveluun osallistuneet puolisot",
            "name_sv": "Partner som deltagit i karriärtjänsten",
            "unit": "henkilöä",
            "baseline_value": "0",
            "baseline_year": 2026,
            "target_value": "60",
            "target_year": 2030,
            "direction": "increase",
        },
    ],
}

OBJECTIVES = [
    EMPLOYMENT,
    LANGUAGE_LEARNING,
    WELLBEING,
    INCLUSION,
    LANGUAGE,
    RELATIONS,
    RETENTION,
]
