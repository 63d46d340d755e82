"""The Sotkanet indicator catalogue: updated from the live API, applied to imported indicators.

Invariants:
- the catalogue file is replaced only by a complete, readable indicator list (written to a
  temporary file first, then moved into place);
- imported indicators get the names, producers and descriptions they lack; what a person or an
  earlier import set is kept.
"""

import json
import os
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import transaction

from kotoplan.core.text import ascii_digits

from ..importers.dataset import AREA, MUNICIPALITY
from ..integrations.sotkanet import catalogue
from ..integrations.sotkanet import client as sotkanet_client
from ..integrations.sotkanet.parsers import parse_regions
from ..models import StatIndicator

FILLED = ("name_sv", "name_en", "definition_fi", "definition_sv", "definition_en", "organisation")


def _write(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=path.parent, suffix=".json")
    with os.fdopen(handle, "wb") as file:
        file.write(content)
    Path(temporary).replace(path)


@transaction.atomic
def sotkanet_catalogue_update(*, content: bytes | None = None, path: Path | None = None) -> dict:
    """Fetch the indicator list (unless `content` is given), store it as the offline catalogue
    and bring the imported Sotkanet indicators up to date. Returns counts."""
    content = sotkanet_client.fetch_indicators() if content is None else content
    entries = catalogue.read(content)  # refuses anything but a list before writing
    if not entries:
        raise ValueError("The indicator list is empty; the catalogue was not replaced.")
    path = path or Path(settings.KOTOPLAN_SOTKANET_CATALOGUE)
    _write(path, json.dumps(list(entries.values()), ensure_ascii=False, indent=1).encode())
    updated = 0
    for indicator in StatIndicator.objects.filter(source=StatIndicator.Source.SOTKANET):
        if not ascii_digits(indicator.source_code) or int(indicator.source_code) not in entries:
            continue
        definition = catalogue.definition(
            int(indicator.source_code), entries[int(indicator.source_code)]
        )
        changes = {
            name: getattr(definition, name)
            for name in FILLED
            if getattr(definition, name) and not getattr(indicator, name)
        }
        if definition.name_fi and indicator.name_fi == f"Sotkanet {indicator.source_code}":
            changes["name_fi"] = definition.name_fi
        if changes:
            for name, value in changes.items():
                setattr(indicator, name, value)
            indicator.save(update_fields=[*changes, "updated_at"])
            updated += 1
    return {"indicators": len(entries), "updated": updated}


def sotkanet_regions_update(*, content: bytes | None = None, path: Path | None = None) -> dict:
    """Fetch Sotkanet's regions list (unless `content` is given) and store it as the list that
    decodes the region ids of imported rows. A list that does not parse, or names no
    municipality, leaves the stored one as it was. Returns counts by level."""
    content = sotkanet_client.fetch_regions() if content is None else content
    regions = parse_regions(content)  # every item checked before anything is written
    kept = [area for area in regions.values() if area is not None]
    municipalities = sum(1 for area in kept if area.level == MUNICIPALITY)
    if not municipalities:
        raise ValueError("The regions list names no municipality; it was not replaced.")
    counties = sum(1 for a in kept if a.level == AREA and a.area_kind == "wellbeing_county")
    path = path or catalogue.shipped_regions_path()
    _write(path, content)
    return {"regions": len(regions), "municipalities": municipalities, "counties": counties}
