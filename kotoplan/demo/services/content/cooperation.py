"""Cooperation groups of the demo: a municipal group in Tampere, a joint group of Seinäjoki,
Lapua and Kauhava, and a regional group appointed by the Etelä-Pohjanmaa Economic Development
Centre; meetings (one with approved minutes), one initiative waiting for an answer, and
Kurikka's reason for having no group of its own.

Demo users sit in the groups as representatives: `vastuutaho.jarjesto` for Kotikulma ry and
`hyvinvointialue.pirkanmaa` for the county in Tampere's group, `virkailija.etelapohjanmaa` for
the authority in the joint group. Dates are relative to the day the demo is loaded. Everything
is written through the cooperation services as the demo administrator and found again by the
group's name, so loading twice changes nothing.
"""

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from django.db import transaction

from kotoplan.accounts.models import User
from kotoplan.cooperation import services
from kotoplan.cooperation.models import CooperationGroup, NoGroupReason
from kotoplan.core.clock import today
from kotoplan.geography.models import Municipality
from kotoplan.planning.models import Plan

from .base import text

HELSINKI = ZoneInfo("Europe/Helsinki")
TERM_START = date(2025, 3, 1)


def member(organisation: str, category: str = "", *people: dict) -> dict:
    return {"organisation": organisation, "category": category, "people": list(people)}


def person(name: str, title: str, *, user: str = "", role: str = "representative") -> dict:
    email = f"{user}@example.org" if user else ""
    return {"name": name, "title": title, "user": user, "role": role, "email": email}


GROUPS = [
    {
        "kind": "municipal",
        "name": "Tampereen kotoutumisen ja hyvien väestösuhteiden yhteistyöryhmä",
        "appointed_by": "mun:837",
        "appointing_body": "Tampereen kaupunginhallitus",
        "appointed_on": date(2025, 2, 10),
        "decision_reference": "Khall 10.2.2025 § 52",
        "mandate": text("""
            Ryhmä sovittaa yhteen kotoutumista edistävät palvelut, osallistuu suunnitelman
            valmisteluun ja seurantaan ja tuo esiin maahan muuttaneiden asukkaiden näkemyksiä.
        """),
        "term_end": date(2028, 12, 31),
        "municipalities": ["837"],
        "plans_of": "837",
        "members": [
            member(
                "tre-kotikulma",
                "",
                person("Amina Yusuf", "Toiminnanjohtaja", user="vastuutaho.jarjesto"),
                person("Omar Hassan", "Hallituksen jäsen", role="deputy"),
            ),
            member(
                "county:837",
                "",
                person(
                    "Riikka Laine", "Kotoutumisen yhdyshenkilö", user="hyvinvointialue.pirkanmaa"
                ),
            ),
            member("employment:837", "", person("Jari Niemi", "Palvelupäällikkö")),
            member("evk:837", "", person("Heikki Virtanen", "Maahanmuuttoyhteyshenkilö")),
            member("national:kela", "", person("Sari Kallio", "Asiantuntija")),
            member("tre-vok", "", person("Mikko Aalto", "Johtaja")),
            member("tre-sivistys", "sector_education", person("Antti Lehtinen", "Kehittäjä")),
            member("tre-asunto", "sector_housing", person("Leena Salo", "Asuntosihteeri")),
            member("tre-tyonantajat", "", person("Timo Rantanen", "Asiamies")),
            member("tre-seurakunta", "", person("Maria Korhonen", "Kansainvälisen työn pappi")),
        ],
        "meetings": [
            {
                "title": "Suunnitelman päivityksen aloitus",
                "days_from_today": -45,
                "place": "Tampereen kaupungintalo, kokoushuone Aleksanteri",
                "agenda": ["Päivityksen aikataulu", "Työnjako ja vastuutahot"],
                "minutes": text("""
                    Käytiin läpi päivityksen aikataulu. Järjestöt toivoivat, että
                    luonnosta voi kommentoida ennen kesää.
                """),
                "decisions": "Luonnos tuodaan ryhmän kommentoitavaksi ennen lausuntokierrosta.",
                "approve": True,
            },
            {
                "title": "Luonnoksen kommentointi",
                "days_from_today": 21,
                "online_url": "https://meet.example.org/tampere-yhteistyoryhma",
                "agenda": ["Luonnoksen tavoitteet", "Järjestöjen ehdottamat toimenpiteet"],
            },
        ],
        "initiatives": [
            {
                "by": "vastuutaho.jarjesto",
                "organisation": "tre-kotikulma",
                "topic": "Ukrainalaisten perheiden asumisen tilanne",
                "reason": text("""
                    Tilapäistä suojelua saaneiden perheiden vuokrasopimuksia päättyy syksyllä;
                    asumisneuvonnasta ja tiedottamisesta pitäisi sopia yhdessä.
                """),
                "proposed_timing": "ennen syyskuun loppua",
            }
        ],
    },
    {
        "kind": "joint",
        "name": "Seinäjoen, Lapuan ja Kauhavan yhteinen kotoutumisen yhteistyöryhmä",
        "appointed_by": "mun:743",
        "appointing_body": "Seinäjoen kaupunginhallitus kuntien yhteistoimintasopimuksen mukaan",
        "appointed_on": date(2025, 3, 17),
        "decision_reference": "Kh 17.3.2025 § 88",
        "mandate": "Yhteisen suunnitelman valmistelu ja seuranta kolmen kunnan alueella.",
        "term_end": date(2029, 5, 31),
        "municipalities": ["743", "408", "233"],
        "plans_of": "743",
        "members": [
            member("mun:408", "", person("Tiina Rintala", "Sivistysjohtaja")),
            member("mun:233", "", person("Jussi Heikkilä", "Elinvoimajohtaja")),
            member(
                "evk:743",
                "",
                person(
                    "Pekka Hietala", "Maahanmuuttoasiantuntija", user="virkailija.etelapohjanmaa"
                ),
            ),
            member("county:743", "", person("Hanna Mäki", "Palvelupäällikkö")),
            member("employment:743", "", person("Ville Koski", "Työllisyyspäällikkö")),
            member("sjk-monikulttuuri", "", person("Fatima Ali", "Puheenjohtaja")),
            member("sjk-jarjestot", "", person("Eeva Hautala", "Koordinaattori")),
            member("sjk-vok", "", person("Kari Ojala", "Johtaja")),
        ],
        "meetings": [
            {
                "title": "Yhteisen suunnitelman päätösvaihe",
                "days_from_today": 14,
                "place": "Seinäjoen kaupungintalo",
                "agenda": ["Valtuustokäsittelyjen aikataulu"],
            }
        ],
        "initiatives": [],
    },
    {
        "kind": "regional",
        "name": "Etelä-Pohjanmaan alueellinen maahanmuuton yhteistyöryhmä",
        "appointed_by": "evk:743",
        "appointing_body": "Etelä-Pohjanmaan elinvoimakeskuksen johtaja",
        "appointed_on": date(2026, 1, 15),
        "decision_reference": "EPELY/12/2026",
        "mandate": "Alueellinen yhteistyö kotoutumisessa ja hyvissä väestösuhteissa.",
        "term_end": date(2029, 12, 31),
        "municipalities": ["743", "408", "233", "301"],
        "plans_of": "301",
        "members": [
            member("county:743", "", person("Hanna Mäki", "Palvelupäällikkö")),
            member("employment:301", "", person("Outi Lahti", "Asiantuntija")),
            member("national:kela", "", person("Sari Kallio", "Asiantuntija")),
            member("national:migri", "", person("Olli Peltola", "Ylitarkastaja")),
            member("national:police", "", person("Jarmo Laakso", "Ylikonstaapeli")),
            member("kur-yhdistys", "", person("Leyla Ahmadi", "Puheenjohtaja")),
        ],
        "meetings": [
            {
                "title": "Alueellinen kevätkokous",
                "days_from_today": -20,
                "online_url": "https://meet.example.org/ep-alueellinen",
                "agenda": ["Kuntien suunnitelmien tilanne"],
                "minutes": "Kuntien suunnitelmien tilanne käytiin läpi.",
            }
        ],
        "initiatives": [],
    },
]

NO_GROUP_REASONS = [
    {
        "municipality": "301",
        "reason": text("""
            Kurikassa maahan muuttaneiden palvelutarpeet voidaan sovittaa yhteen Etelä-Pohjanmaan
            alueellisessa yhteistyöryhmässä; omaa ryhmää ei tarvita.
        """),
        "decided_on": date(2026, 2, 2),
    }
]


def _at(days: int, hour: int) -> datetime:
    return datetime.combine(today() + timedelta(days=days), time(hour), tzinfo=HELSINKI)


def load_cooperation(*, admin: User, organisations, report) -> None:
    """Load the groups, meetings and initiatives above (skipping groups that exist)."""
    for spec in GROUPS:
        if CooperationGroup.objects.filter(name=spec["name"]).exists():
            continue
        with transaction.atomic():
            _group(spec, admin, organisations)
        report.add(f"Cooperation group: {spec['name']}")
    for spec in NO_GROUP_REASONS:
        municipality = Municipality.objects.get(code=spec["municipality"])
        if not NoGroupReason.objects.filter(municipality=municipality).exists():
            services.no_group_reason_record(
                actor=admin,
                municipality=municipality,
                reason=spec["reason"],
                decided_on=spec["decided_on"],
            )
            report.add(f"No group needed: {municipality}")


def _group(spec: dict, admin: User, organisations) -> None:
    data = {
        key: spec[key]
        for key in ("kind", "name", "appointing_body", "appointed_on", "decision_reference")
    }
    data |= {
        "appointed_by": organisations(spec["appointed_by"]),
        "mandate": spec["mandate"],
        "term_start": TERM_START if spec["kind"] != "regional" else spec["appointed_on"],
        "term_end": spec["term_end"],
    }
    group = services.group_create(
        actor=admin,
        data=data,
        municipalities=list(Municipality.objects.filter(code__in=spec["municipalities"])),
        plans=list(Plan.objects.filter(lead_municipality__code=spec["plans_of"])),
    )
    seats = {}
    for item in spec["members"]:
        membership = services.membership_add(
            actor=admin,
            group=group,
            organisation=organisations(item["organisation"]),
            data={"category": item["category"], "start_date": data["term_start"]},
        )
        seats[item["organisation"]] = membership
        for who in item["people"]:
            user = User.objects.filter(username=who["user"]).first() if who["user"] else None
            services.representative_add(
                actor=admin,
                membership=membership,
                data={
                    "role": who["role"],
                    "name": who["name"],
                    "title": who["title"],
                    "email": who["email"],
                    "user": user,
                    "start_date": data["term_start"],
                },
            )
    for item in spec["meetings"]:
        _meeting(group, item, admin)
    for item in spec["initiatives"]:
        services.initiative_file(
            actor=User.objects.get(username=item["by"]),
            group=group,
            membership=seats[item["organisation"]],
            topic=item["topic"],
            reason=item["reason"],
            proposed_timing=item["proposed_timing"],
        )


def _meeting(group: CooperationGroup, item: dict, admin: User) -> None:
    meeting = services.meeting_schedule(
        actor=admin,
        group=group,
        data={
            "title": item["title"],
            "starts_at": _at(item["days_from_today"], 13),
            "ends_at": _at(item["days_from_today"], 15),
            "place": item.get("place", ""),
            "online_url": item.get("online_url", ""),
        },
        agenda=[{"title": title} for title in item["agenda"]],
    )
    if item.get("minutes"):
        meeting = services.minutes_save(
            actor=admin,
            meeting=meeting,
            expected_version=meeting.version,
            minutes=item["minutes"],
            decisions=item.get("decisions", ""),
        )
    if item.get("approve"):
        services.minutes_approve(actor=admin, meeting=meeting)
