"""Local organisations of the demo municipalities.

Public bodies (municipalities, wellbeing services counties, employment areas, regional
authorities, Kela, Migri, the police and the ministry) come from `sync_organisations`; the ones
here are municipal units and local partners. A municipal unit belongs to its municipality's
organisation. `key` is how the plans and users refer to an organisation.
"""


def org(key: str, kind: str, municipality: str, name_fi: str, name_sv: str = "") -> dict:
    return {
        "key": key,
        "kind": kind,
        "municipality": municipality,
        "name_fi": name_fi,
        "name_sv": name_sv,
    }


UNIT = "municipal_unit"
TAMPERE, VAASA, SEINAJOKI, LAPUA, KAUHAVA, KURIKKA = "837", "905", "743", "408", "233", "301"

ORGANISATIONS = [
    # Tampere
    org(
        "tre-tyollisyys",
        UNIT,
        TAMPERE,
        "Tampereen kaupunki, työllisyyspalvelut",
        "Tammerfors stad, sysselsättningstjänster",
    ),
    org(
        "tre-sivistys",
        UNIT,
        TAMPERE,
        "Tampereen kaupunki, sivistyspalvelut",
        "Tammerfors stad, bildningstjänster",
    ),
    org(
        "tre-asunto",
        UNIT,
        TAMPERE,
        "Tampereen kaupunki, asuntotoimi",
        "Tammerfors stad, bostadsväsendet",
    ),
    org(
        "tre-kulttuuri",
        UNIT,
        TAMPERE,
        "Tampereen kaupunki, kulttuuri- ja vapaa-aikapalvelut",
        "Tammerfors stad, kultur- och fritidstjänster",
    ),
    org(
        "tre-konserni",
        UNIT,
        TAMPERE,
        "Tampereen kaupunki, konsernihallinto",
        "Tammerfors stad, koncernförvaltningen",
    ),
    org("tre-vok", "reception_centre", TAMPERE, "Tampereen vastaanottokeskus"),
    org("tre-kotikulma", "immigrant_organisation", TAMPERE, "Monikulttuuriyhdistys Kotikulma ry"),
    org("tre-ukraina", "immigrant_organisation", TAMPERE, "Tampereen ukrainalaisyhteisö ry"),
    org("tre-kohtaamo", "civil_society", TAMPERE, "Kohtaamo – Tampereen seudun asukastoiminta ry"),
    org("tre-tyonantajat", "employer_organisation", TAMPERE, "Pirkanmaan työnantajayhdistys ry"),
    org(
        "tre-ammattiliitot",
        "employee_organisation",
        TAMPERE,
        "Tampereen seudun ammattiyhdistysten yhteistyöjärjestö ry",
    ),
    org(
        "tre-seurakunta",
        "religious_community",
        TAMPERE,
        "Tampereen seurakuntayhtymä, kansainvälinen työ",
    ),
    org("tre-silta", "service_provider", TAMPERE, "Kotoutumispalvelu Silta Oy"),
    org("tre-tredu", "educational_institution", TAMPERE, "Tampereen seudun ammattiopisto Tredu"),
    org("tre-teknologia", "company", TAMPERE, "Hervannan Teknologiapalvelut Oy"),
    # Vaasa (bilingual)
    org(
        "vaa-kotoutuminen",
        UNIT,
        VAASA,
        "Vaasan kaupunki, kotoutumispalvelut",
        "Vasa stad, integrationstjänster",
    ),
    org(
        "vaa-sivistys",
        UNIT,
        VAASA,
        "Vaasan kaupunki, sivistystoimi",
        "Vasa stad, bildningsväsendet",
    ),
    org(
        "vaa-vok", "reception_centre", VAASA, "Vaasan vastaanottokeskus", "Vasa flyktingförläggning"
    ),
    org(
        "vaa-yhdistys",
        "immigrant_organisation",
        VAASA,
        "Vaasan monikulttuurinen yhdistys ry",
        "Mångkulturella föreningen i Vasa rf",
    ),
    org(
        "vaa-motesplats",
        "civil_society",
        VAASA,
        "Kohtaamispaikka Vaasa ry",
        "Mötesplatsen i Vasa rf",
    ),
    org(
        "vaa-vamia",
        "educational_institution",
        VAASA,
        "Ammattiopisto Vamia",
        "Yrkesinstitutet Vamia",
    ),
    org("vaa-energia", "company", VAASA, "Vaasan Energiateknologia Oy", "Vasa Energiteknik Ab"),
    org(
        "vaa-seurakunta",
        "religious_community",
        VAASA,
        "Vaasan seurakuntayhtymä",
        "Vasa kyrkliga samfällighet",
    ),
    org(
        "vaa-tyonantajat",
        "employer_organisation",
        VAASA,
        "Pohjanmaan työnantajat ry",
        "Österbottens arbetsgivare rf",
    ),
    # Seinäjoki, Lapua and Kauhava (joint plan)
    org("sjk-maahanmuutto", UNIT, SEINAJOKI, "Seinäjoen kaupunki, maahanmuuttopalvelut"),
    org("sjk-sivistys", UNIT, SEINAJOKI, "Seinäjoen kaupunki, sivistystoimi"),
    org("lap-sivistys", UNIT, LAPUA, "Lapuan kaupunki, sivistystoimi"),
    org("kau-elinvoima", UNIT, KAUHAVA, "Kauhavan kaupunki, elinvoimapalvelut"),
    org("sjk-vok", "reception_centre", SEINAJOKI, "Seinäjoen vastaanottokeskus"),
    org(
        "sjk-monikulttuuri",
        "immigrant_organisation",
        SEINAJOKI,
        "Etelä-Pohjanmaan monikulttuuriset ry",
    ),
    org("sjk-jarjestot", "civil_society", SEINAJOKI, "Lakeuden järjestöverkosto ry"),
    org(
        "sjk-tyonantajat",
        "employer_organisation",
        SEINAJOKI,
        "Etelä-Pohjanmaan työnantajayhdistys ry",
    ),
    org(
        "sjk-ammattiliitot",
        "employee_organisation",
        SEINAJOKI,
        "Seinäjoen seudun ammattiosastot ry",
    ),
    org(
        "sjk-seurakunta",
        "religious_community",
        SEINAJOKI,
        "Seinäjoen seurakunta, monikulttuurinen työ",
    ),
    org("sjk-sedu", "educational_institution", SEINAJOKI, "Koulutuskeskus Sedu"),
    org("sjk-kielipalvelut", "service_provider", SEINAJOKI, "Lakeuden Kielipalvelut Oy"),
    org("lap-elintarvike", "company", LAPUA, "Lakeuden Elintarvike Oy"),
    org("kau-konepaja", "company", KAUHAVA, "Kauhavan Konepaja Oy"),
    # Kurikka
    org("kur-sivistys", UNIT, KURIKKA, "Kurikan kaupunki, sivistyspalvelut"),
    org("kur-elinvoima", UNIT, KURIKKA, "Kurikan kaupunki, elinvoimapalvelut"),
    org(
        "kur-yhdistys",
        "immigrant_organisation",
        KURIKKA,
        "Suupohjan monikulttuurinen yhdistys ry",
    ),
    org("kur-huonekalu", "company", KURIKKA, "Jurvan Huonekalutehdas Oy"),
    org("kur-seurakunta", "religious_community", KURIKKA, "Kurikan seurakunta"),
]
