"""Organisations and users of the national data set: two local organisations per municipality
and a user for every role (coordinator, contributor and viewer in every municipality, an
official of every regional authority, a liaison of every wellbeing county, national viewers and
a Kela contributor who owns measures in many plans)."""

from dataclasses import dataclass, field

from kotoplan.accounts.models import Organisation, RoleAssignment, User
from kotoplan.geography.models import AreaMembership, Municipality

from .base import Generation, bulk

PASSWORD = "kansallinen-testi-2026"  # noqa: S105 (the data set is refused on production settings)
Kind = Organisation.Kind
Role = RoleAssignment.Role
LOCAL = (
    (Kind.IMMIGRANT_ORGANISATION, "Maahanmuuttajayhdistys"),
    (Kind.CIVIL_SOCIETY, "Monikulttuurinen kansalaisjärjestö"),
)
AREA_KINDS = (Kind.WELLBEING_COUNTY, Kind.EMPLOYMENT_AREA, Kind.REGIONAL_AUTHORITY)


@dataclass
class Parties:
    """Who takes part, per municipality and nationally."""

    municipal: dict[int, Organisation] = field(default_factory=dict)
    local: dict[int, list[Organisation]] = field(default_factory=dict)
    areal: dict[int, dict[str, Organisation]] = field(default_factory=dict)
    national: dict[str, Organisation] = field(default_factory=dict)
    coordinators: dict[int, User] = field(default_factory=dict)
    contributors: dict[int, User] = field(default_factory=dict)
    kela_contributor: User | None = None
    national_viewer: User | None = None
    regional_officials: list[User] = field(default_factory=list)


def load_parties(gen: Generation, municipalities: list[Municipality]) -> Parties:
    parties = Parties()
    ids = [m.pk for m in municipalities]
    for org in Organisation.objects.filter(kind=Kind.MUNICIPALITY, municipality_id__in=ids):
        parties.municipal[org.municipality_id] = org
    for org in Organisation.objects.filter(
        kind__in=(Kind.KELA, Kind.DVV, Kind.MIGRI, Kind.POLICE, Kind.MINISTRY)
    ).order_by("kind", "pk"):
        parties.national.setdefault(org.kind, org)
    by_area = {}
    for org in Organisation.objects.filter(kind__in=AREA_KINDS, area__isnull=False):
        by_area.setdefault(org.area_id, []).append(org)
    for membership in AreaMembership.objects.filter(municipality_id__in=ids).order_by("pk"):
        if not _in_force(membership, gen.day):
            continue
        for org in by_area.get(membership.area_id, []):
            parties.areal.setdefault(membership.municipality_id, {})[org.kind] = org
    parties.local = _local_organisations(gen, municipalities)
    _users(gen, municipalities, parties)
    return parties


def _in_force(dated, day) -> bool:
    return (dated.valid_from is None or dated.valid_from <= day) and (
        dated.valid_to is None or dated.valid_to >= day
    )


def _local_organisations(gen: Generation, municipalities) -> dict[int, list[Organisation]]:
    rows = [
        Organisation(
            kind=kind,
            name_fi=f"{name} ({m.name_fi})",
            municipality=m,
            created_by_municipality=m,
            email=f"info.{m.code}.{n}@example.org",
        )
        for m in municipalities
        for n, (kind, name) in enumerate(LOCAL)
    ]
    created = bulk(Organisation, rows, gen, "local organisations")
    local: dict[int, list[Organisation]] = {}
    for org in created:
        local.setdefault(org.municipality_id, []).append(org)
    return local


def _user(gen: Generation, username: str, first: str, last: str, language: str = "fi") -> User:
    return User(
        username=username,
        password=gen.password_hash,
        first_name=first,
        last_name=last,
        email=f"{username}@example.fi",
        preferred_language=language,
    )


def _users(gen: Generation, municipalities, parties: Parties) -> None:
    users, roles = [], []  # roles: (index into users, organisation, role)

    def add(user: User, organisation: Organisation, role: str) -> User:
        users.append(user)
        roles.append((user, organisation, role))
        return user

    for m in municipalities:
        org = parties.municipal[m.pk]
        parties.coordinators[m.pk] = add(
            _user(gen, f"coord.{m.code}", "Koordinaattori", m.name_fi), org, Role.COORDINATOR
        )
        parties.contributors[m.pk] = add(
            _user(gen, f"contrib.{m.code}", "Vastuuhenkilö", m.name_fi), org, Role.CONTRIBUTOR
        )
        add(_user(gen, f"viewer.{m.code}", "Katselija", m.name_fi), org, Role.VIEWER)
    seen = set()
    for areal in parties.areal.values():
        for kind, org in sorted(areal.items()):
            if org.pk in seen:
                continue
            seen.add(org.pk)
            if kind == Kind.REGIONAL_AUTHORITY:
                parties.regional_officials.append(
                    add(
                        _user(gen, f"official.{org.area_id}", "Ylitarkastaja", org.name_fi[:100]),
                        org,
                        Role.REGIONAL_OFFICIAL,
                    )
                )
            elif kind == Kind.WELLBEING_COUNTY:
                add(
                    _user(gen, f"liaison.{org.area_id}", "Yhteyshenkilö", org.name_fi[:100]),
                    org,
                    Role.COUNTY_LIAISON,
                )
    ministry = parties.national.get(Kind.MINISTRY)
    if ministry is not None:
        parties.national_viewer = add(
            _user(gen, "national.viewer", "Kansallinen", "Katselija"),
            ministry,
            Role.NATIONAL_VIEWER,
        )
        add(
            _user(gen, "statistics.importer", "Tilasto", "Tuoja"),
            ministry,
            Role.STATISTICS_IMPORTER,
        )
    kela = parties.national.get(Kind.KELA)
    if kela is not None:
        parties.kela_contributor = add(
            _user(gen, "kela.contributor", "Kelan", "Vastuuhenkilö"), kela, Role.CONTRIBUTOR
        )
    bulk(User, users, gen, "users")
    bulk(
        RoleAssignment,
        [RoleAssignment(user=user, organisation=org, role=role) for user, org, role in roles],
        gen,
        "roles",
    )
