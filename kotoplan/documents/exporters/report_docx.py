"""The monitoring report of one round as a Word document, with the same parts as the report page:
indicators against baseline and target, measure status by theme, changes since the previous
round and the responsible parties' narratives. Charts become tables (same numbers)."""

from django.utils import translation
from django.utils.translation import gettext as _

from kotoplan.core.text import text_of

from .docx import new_document, paragraphs, save, table


def report_docx(*, monitoring_round, data: dict, language: str) -> bytes:
    plan = monitoring_round.plan
    with translation.override(language):
        title = _("Monitoring report %(period)s") % {"period": monitoring_round.period_label}
        plan_title = text_of(plan, "title", language).value
        document = new_document(
            language=language,
            title=f"{title} – {plan_title}",
            municipalities=[text_of(m, "name", language).value for m in plan.municipalities.all()],
        )
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
            table(document, [_("Year"), _("Value"), ""], rows)

        document.add_heading(_("Measure status by theme"), level=2)
        columns = data["status_columns"]
        table(
            document,
            [_("Theme"), *[str(label) for _key, label in columns]],
            [
                [theme.name, *[str(theme.counts[key]) for key, _label in columns]]
                for theme in data["themes"]
            ],
        )

        document.add_heading(_("Changes since the previous round"), level=2)
        table(
            document,
            [_("Measure"), _("Status"), ""],
            [
                [text_of(change.measure, "title", language).value, change.before, change.after]
                for change in data["status_changes"]
            ],
        )

        document.add_heading(_("What the responsible parties report"), level=2)
        for theme in data["themes"]:
            document.add_heading(theme.name, level=3)
            for measure, update in theme.entries:
                document.add_paragraph(
                    text_of(measure, "title", language).value, style="List Bullet"
                )
                narrative = update.narrative if update else ""
                paragraphs(document, narrative, _("No update"))
        return save(document)


def _kind(kind: str) -> str:
    return {"baseline": _("Baseline"), "target": _("Target")}.get(kind, "")
