"""Finnish plan texts of realistic length, put together from a small vocabulary."""

import random

TITLES = {
    "objective": (
        ("Maahan muuttaneiden", "Lasten ja nuorten", "Työikäisten", "Kotona olevien vanhempien"),
        ("työllisyys", "kielitaito", "osallisuus", "hyvinvointi", "koulutuspolut"),
        ("vahvistuu", "paranee", "lisääntyy", "tukee arkea"),
    ),
    "measure": (
        ("Kielikoulutuksen", "Ohjauksen ja neuvonnan", "Harrastustoiminnan", "Työkokeilujen"),
        ("kehittäminen", "lisääminen", "yhteistyömalli", "pilotointi", "vakiinnuttaminen"),
        ("kunnan palveluissa", "yhdessä järjestöjen kanssa", "alueella", "kouluissa"),
    ),
    "indicator": (
        ("Vieraskielisten", "Maahan muuttaneiden", "Ulkomaalaistaustaisten nuorten"),
        ("työllisyysaste", "osuus koulutuksessa", "kokemus syrjinnästä", "äänestysaktiivisuus"),
        ("(%)", "vuosittain", "alueella"),
    ),
}
WORDS = (
    "kunta tekee yhteistyötä hyvinvointialueen ja työllisyysalueen kanssa",
    "palveluohjaus on saatavilla suomeksi, ruotsiksi ja englanniksi",
    "järjestöt ja maahan muuttaneet osallistuvat suunnitteluun",
    "toimenpiteen etenemistä seurataan vuosittain",
    "tavoitteena on nopeuttaa pääsyä työhön ja koulutukseen",
    "kohderyhmän tarpeet kartoitetaan kyselyllä ja työpajoissa",
    "resurssit sisältyvät talousarvioon",
    "hyvät väestösuhteet ja yhdenvertaisuus otetaan huomioon",
)


def title(rng: random.Random, kind: str) -> str:
    return " ".join(rng.choice(words) for words in TITLES[kind]).capitalize()


def sentence(rng: random.Random, n: int) -> str:
    return " ".join(rng.choice(WORDS).capitalize() + "." for _ in range(n))
