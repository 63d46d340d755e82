"""The indicators Kotoplan knows by name, with definitions in fi/sv/en, and merged municipalities.

Importers create an unknown indicator from the labels in the file; the definitions here give the
known ones their names in three languages, the attribution the licence asks for, and their place
among the situation picture figures.
"""

from dataclasses import dataclass

STATFIN_ATTRIBUTION = "Statistics Finland"
SOTKANET_ATTRIBUTION = "THL, Sotkanet"
LICENCE = "CC BY 4.0"

ATTRIBUTIONS = {"statfin": STATFIN_ATTRIBUTION, "sotkanet": SOTKANET_ATTRIBUTION}

# Municipalities abolished by a merger: their rows in older statistics are skipped, not attached
# to the municipality they merged into (the figures would mix). See data/reference/SOURCES.md.
ABOLISHED_MUNICIPALITIES = {
    "099": "Honkajoki (merged into Kankaanpää 1.1.2021)",
    "588": "Pertunmaa (merged into Mäntyharju 1.1.2025)",
}

FOREIGN_LANGUAGE_FI = (
    "Vieraskielisellä tarkoitetaan henkilöä, jonka äidinkieli on jokin muu kuin suomi, ruotsi "
    "tai saame."
)
FOREIGN_LANGUAGE_SV = (
    "Med främmandespråkig avses en person vars modersmål är något annat än finska, svenska "
    "eller samiska."
)
FOREIGN_LANGUAGE_EN = (
    "A foreign-language speaker is a person whose native language is other than Finnish, "
    "Swedish or Sámi."
)


@dataclass(frozen=True)
class Definition:
    code: str
    source: str
    source_code: str
    name_fi: str
    name_sv: str
    name_en: str
    unit: str
    definition_fi: str = ""
    definition_sv: str = ""
    definition_en: str = ""
    decimals: int = 0
    covers_aland: bool = True
    situation_order: int | None = None

    def fields(self) -> dict:
        values = dict(self.__dict__)
        values.pop("code")
        values["licence"] = LICENCE
        values["attribution"] = ATTRIBUTIONS[self.source]
        return values


FOREIGN_LANGUAGE_SHARE = "statfin-159t-vaesto-kieli-ulk-p"
POPULATION = "sotkanet-127"
ECEC_FOREIGN_LANGUAGE = "statfin-14jt-vko"
ECEC_CHILDREN = "statfin-14jt-vaka-lapsi-lkm"

DEFINITIONS = (
    Definition(
        code=FOREIGN_LANGUAGE_SHARE,
        source="statfin",
        source_code="vaerak/159t: contentscode=vaesto_kieli_ulk_p",
        name_fi="Vieraskielisten osuus väestöstä",
        name_sv="Främmandespråkigas andel av befolkningen",
        name_en="Share of foreign-language speakers in the population",
        unit="%",
        decimals=1,
        definition_fi=FOREIGN_LANGUAGE_FI,
        definition_sv=FOREIGN_LANGUAGE_SV,
        definition_en=FOREIGN_LANGUAGE_EN,
        situation_order=1,
    ),
    Definition(
        code=POPULATION,
        source="sotkanet",
        source_code="127",
        name_fi="Väestö 31.12.",
        name_sv="Befolkning 31.12.",
        name_en="Population on 31 December",
        unit="",
        situation_order=2,
    ),
    Definition(
        code=ECEC_FOREIGN_LANGUAGE,
        source="statfin",
        source_code="14jt: contentscode=vko; Varhaiskasvatus_5_20250101=SSS",
        name_fi="Vieraskieliset varhaiskasvatukseen osallistuneet lapset",
        name_sv="Främmandespråkiga barn i småbarnspedagogik",
        name_en="Foreign-language children in early childhood education",
        unit="",
        definition_fi=FOREIGN_LANGUAGE_FI + " Ei sisällä Ahvenanmaan tietoja.",
        definition_sv=FOREIGN_LANGUAGE_SV + " Åland ingår inte.",
        definition_en=FOREIGN_LANGUAGE_EN + " Åland is not included.",
        covers_aland=False,
        situation_order=3,
    ),
    Definition(
        code=ECEC_CHILDREN,
        source="statfin",
        source_code="14jt: contentscode=vaka_lapsi_lkm; Varhaiskasvatus_5_20250101=SSS",
        name_fi="Varhaiskasvatukseen osallistuneet lapset",
        name_sv="Barn i småbarnspedagogik",
        name_en="Children in early childhood education",
        unit="",
        definition_en="All children who took part in early childhood education. Åland is not "
        "included.",
        covers_aland=False,
        situation_order=4,
    ),
)

BY_CODE = {definition.code: definition for definition in DEFINITIONS}
