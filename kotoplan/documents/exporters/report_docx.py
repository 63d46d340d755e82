"""The monitoring report of one round as a Word document, with the same parts as the report page:
indicators against baseline and target, measure status by theme, changes since the previous
round and the responsible parties' narratives. Charts become tables (same numbers)."""

from django.utils import translation
from django.utils.translation import gettext as _

from kotoplan.core.models import translated

from .docx import _new_document, _paragraphs, _save, _table

LANGUAGE_FALLBACK = "fi"


class _ReportHead:
    """What `_new_document` needs to know about the document."""

    def __init__(self, *, language: str, municipalities: list[str]):
        self.language = language
        self.municipalities = municipalities


def report_docx(*, monitoring_round, data: dict, language: str) -> bytes:
    plan = monitoring_round.plan
    with translation.override(language):
        title = _("Monitoring report %(period)s") % {"period": monitoring_round.period_label}
        plan_title = translated(plan, "title", language)[0]
        head = _ReportHead(
            language=language,
            municipalities=[translated(m, "name", language)[0] for m in plan.municipalities.all()],
        )
        document = _new_document(head, f"{title} – {plan_title}")
        document.add_heading(title, level=1)
        document.add_paragraph(plan_title)
        coverage = data["coverage"]
        document.add_paragraph(
            _("Update coverage: %(reported)s of %(total)s measures reported.")
            % {"reported": coverage.reported, "total": coverage.total}
        )

        document.add_heading(_("Indicators against baseline and target"), level=2)
        for series in data["series"]:
            document.add_heading(series.name, level=3)
            rows = [[str(p.year), p.text, _kind(p.kind)] for p in series.points]
            if series.target is not None:
                rows.append([str(series.target.year), series.target.text, _("Target")])
            _table(document, [_("Year"), _("Value"), ""], rows)

        document.add_heading(_("Measure status by theme"), level=2)
        columns = data["status_columns"]
        _table(
            document,
            [_("Theme"), *[str(label) for _key, label in columns]],
            [
                [theme.name, *[str(theme.counts[key]) for key, _label in columns]]
                for theme in data["themes"]
            ],
        )

        document.add_heading(_("Changes since the previous round"), level=2)
        _table(
            document,
            [_("Measure"), _("Status"), ""],
            [
                [translated(change.measure, "title", language)[0], change.before, change.after]
                for change in data["status_changes"]
            ],
        )

        document.add_heading(_("What the responsible parties report"), level=2)
        for theme in data["themes"]:
            document.add_heading(theme.name, level=3)
            for measure, update in theme.entries:
                document.add_paragraph(
                    translated(measure, "title", language)[0], style="List Bullet"
                )
                narrative = update.narrative if update else ""
                _paragraphs(document, narrative, _("No update"))
        return _save(document)


def _kind(kind: str) -> str:
    return {"baseline": _("Baseline"), "target": _("Target")}.get(kind, "")
