"""The draft as it stood when a consultation opened: recorded as data (`draft_snapshot_of`)
and read back as objectives and measures the public page shows like live ones."""

from kotoplan.planning.models import Theme
from kotoplan.planning.selectors import ThemeSection, plan_outline

from ..models import Consultation

SNAPSHOT_TEXTS = {"objective": ("title", "description"), "measure": ("title",)}


class _Listed(list):
    """A list read like a related manager (`.all()`), as the templates read live parts."""

    def all(self) -> list:
        return self


class SnapshotPart:
    """An objective or measure as it stood when the consultation opened."""

    def __init__(self, data: dict):
        self.pk = data["pk"]
        for name, value in data.items():
            if name != "measures":
                setattr(self, name, value)
        self.measures = _Listed(SnapshotPart(m) for m in data.get("measures", []))


def _texts(obj, names) -> dict:
    return {
        f"{name}_{code}": getattr(obj, f"{name}_{code}", "")
        for name in names
        for code in ("fi", "sv", "en")
    }


def draft_snapshot_of(*, consultation: Consultation) -> dict:
    """The draft consulted on as data: themes, objectives and measures with their texts."""
    return {
        "sections": [
            {
                "theme": section.theme.pk,
                "objectives": [
                    {
                        "pk": objective.pk,
                        **_texts(objective, SNAPSHOT_TEXTS["objective"]),
                        "measures": [
                            {"pk": measure.pk, **_texts(measure, SNAPSHOT_TEXTS["measure"])}
                            for measure in objective.measures.all()
                        ],
                    }
                    for objective in section.objectives
                ],
            }
            for section in live_outline(consultation)
        ]
    }


def snapshot_outline(snapshot: dict) -> list[ThemeSection]:
    themes = Theme.objects.in_bulk([section["theme"] for section in snapshot["sections"]])
    return [
        ThemeSection(
            theme=themes[section["theme"]],
            objectives=[SnapshotPart(objective) for objective in section["objectives"]],
        )
        for section in snapshot["sections"]
        if section["theme"] in themes
    ]


def live_outline(consultation: Consultation) -> list[ThemeSection]:
    sections = plan_outline(plan=consultation.plan)
    chosen = set(consultation.objectives.values_list("pk", flat=True))
    if chosen:
        for section in sections:
            section.objectives = [o for o in section.objectives if o.pk in chosen]
    return [section for section in sections if section.objectives]
