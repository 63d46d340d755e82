"""The parties a spreadsheet names, found the way the measure form's pickers find them: among
the organisations of the plan's area only, so a namesake elsewhere is never picked silently."""

from django.utils.translation import gettext as _

from kotoplan.accounts.selectors import Resolution, organisation_label, organisations_for_area
from kotoplan.accounts.selectors import resolve_organisation as find_organisation


def resolve_organisation(name: str, cache: dict, *, municipalities, on=None, until=None):
    """What `name` stands for among the organisations a plan of `municipalities` may name
    (accounts' own resolution: any language, the kind after the name, a business ID, or a
    reference key); never an organisation outside the plan's area. Cached per name."""
    key = name.strip()
    if key not in cache:
        resolution = find_organisation(key, municipalities=municipalities, on=on, until=until)
        if resolution.match is None and not resolution.candidates:
            offered = organisations_for_area(
                municipality_ids={getattr(m, "pk", m) for m in municipalities}, on=on, until=until
            )
            by_key = offered.filter(reference_key=key).first()
            if by_key is not None:
                resolution = Resolution(match=by_key)
        cache[key] = resolution
    return cache[key]


def unresolved_message(name: str, resolution) -> str:
    """Why a name was not taken, and what to do: several candidates, a namesake outside the
    plan's area (never picked), or nothing of that name."""
    if resolution.candidates:
        return _(
            "several organisations of the plan's area are called “%(name)s”: %(options)s; "
            "write the name with its kind as shown, e.g. “%(example)s”"
        ) % {
            "name": name,
            "options": "; ".join(
                organisation_label(o, with_kind=True) for o in resolution.candidates
            ),
            "example": organisation_label(resolution.candidates[0], with_kind=True),
        }
    if resolution.elsewhere:
        return _(
            "“%(name)s” is an organisation outside the plan's area (%(where)s); name a party of "
            "the plan's area, or add the local one on the Organisations page of Kotoplan"
        ) % {
            "name": name,
            "where": "; ".join(organisation_label(o, with_kind=True) for o in resolution.elsewhere),
        }
    return _(
        "no organisation called “%(name)s” in the plan's area; check the spelling, or add it "
        "as a unit or local organisation on the Organisations page of Kotoplan and upload again"
    ) % {"name": name}
