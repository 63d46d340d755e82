"""Demo users, one or more for every role. All share the password in base.DEMO_PASSWORD."""

from datetime import date

from .base import role

ADMIN_USERNAME = "admin"

EVK_START = date(2026, 1, 1)
ELY_END = date(2025, 12, 31)


def user(
    username: str,
    first_name: str,
    last_name: str,
    roles: list[dict],
    *,
    language: str = "fi",
    superuser: bool = False,
) -> dict:
    return {
        "username": username,
        "first_name": first_name,
        "last_name": last_name,
        "email": f"{username}@example.org",
        "preferred_language": language,
        "superuser": superuser,
        "roles": roles,
    }


USERS = [
    user(ADMIN_USERNAME, "Aino", "Pääkäyttäjä", [], superuser=True),
    user(
        "koordinaattori.tampere",
        "Sanna",
        "Mäkelä",
        [role("coordinator", "tre-tyollisyys", date(2024, 8, 1))],
    ),
    user(
        "vastuutaho.tampere",
        "Antti",
        "Lehtinen",
        [role("contributor", "tre-sivistys", date(2025, 1, 1))],
    ),
    user(
        "vastuutaho.jarjesto",
        "Amina",
        "Yusuf",
        [role("contributor", "tre-kotikulma", date(2025, 1, 1))],
        language="en",
    ),
    user("katselija.tampere", "Päivi", "Koskinen", [role("viewer", "mun:837", date(2025, 1, 1))]),
    user(
        "koordinaattori.vaasa",
        "Johanna",
        "Lindholm",
        [role("coordinator", "vaa-kotoutuminen", date(2025, 9, 1))],
        language="sv",
    ),
    user(
        "koordinaattori.seinajoki",
        "Laura",
        "Kangas",
        [role("coordinator", "sjk-maahanmuutto", date(2025, 3, 1))],
    ),
    user(
        "koordinaattori.lapua",
        "Tiina",
        "Rintala",
        [role("coordinator", "lap-sivistys", date(2025, 3, 1))],
    ),
    user(
        "koordinaattori.kauhava",
        "Jussi",
        "Heikkilä",
        [role("coordinator", "kau-elinvoima", date(2025, 3, 1))],
    ),
    user(
        "koordinaattori.kurikka",
        "Minna",
        "Saarinen",
        [role("coordinator", "kur-sivistys", date(2026, 8, 1))],
    ),
    user(
        "virkailija.sisasuomi",
        "Heikki",
        "Virtanen",
        [
            role("regional_official", "ely:837", date(2023, 1, 1), ELY_END),
            role("regional_official", "evk:837", EVK_START),
        ],
    ),
    user(
        "virkailija.pohjanmaa",
        "Anna",
        "Sundqvist",
        [role("regional_official", "evk:905", EVK_START)],
        language="sv",
    ),
    user(
        "virkailija.etelapohjanmaa",
        "Pekka",
        "Hietala",
        [role("regional_official", "evk:743", EVK_START)],
    ),
    user(
        "hyvinvointialue.pirkanmaa",
        "Riikka",
        "Laine",
        [role("county_liaison", "county:837", date(2025, 1, 1))],
    ),
    user(
        "ministerio.tem",
        "Elina",
        "Nieminen",
        [role("national_viewer", "national:tem", date(2025, 1, 1))],
    ),
]
