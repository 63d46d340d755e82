"""The plan, or its integration chapter alone, as a Word document (python-docx).

Headings use Word's built-in "Heading 1–3" styles, so the navigation pane and a table of
contents work; the document language is set on the default run style; table header rows
repeat on every page and are marked as headers.
"""

import io

from django.utils import translation
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.text import WD_BREAK
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from ..selectors import ObjectiveBlock, PlanDocument

LANGUAGE_TAGS = {"fi": "fi-FI", "sv": "sv-FI", "en": "en-GB"}
DOCX_MIME = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _set_language(document, language: str) -> None:
    tag = LANGUAGE_TAGS.get(language, language)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    for attr in ("w:val", "w:eastAsia", "w:bidi"):
        lang.set(qn(attr), tag)
    document.core_properties.language = tag


def _mark_header_row(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


def table(document, headers: list[str], rows: list[list[str]]):
    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    for cell, text in zip(grid.rows[0].cells, headers, strict=True):
        cell.text = ""
        run = cell.paragraphs[0].add_run(text)
        run.bold = True
    _mark_header_row(grid.rows[0])
    for values in rows:
        cells = grid.add_row().cells
        for cell, text in zip(cells, values, strict=True):
            cell.text = text
    return grid


def _pairs_table(document, pairs: list[tuple[str, str]]) -> None:
    if pairs:
        table(document, [_("Item"), _("Content")], [list(p) for p in pairs])


def paragraphs(document, text: str, empty: str) -> None:
    text = str(text).strip()
    if not text:
        if empty:
            document.add_paragraph().add_run(empty).italic = True
        return
    for block in text.split("\n\n"):
        document.add_paragraph(block.strip())


def _objective(document, objective: ObjectiveBlock, level: int) -> None:
    document.add_heading(str(objective.title) or _("(untitled objective)"), level=level)
    if objective.description:
        paragraphs(document, objective.description, "")
    if objective.themes_line:
        document.add_paragraph(objective.themes_line)
    groups = ", ".join(objective.target_groups) or _("All immigrants living in the municipality")
    document.add_paragraph(f"{_('Target groups')}: {groups}")
    if objective.measures:
        table(
            document,
            [_("Measure"), _("Responsible party"), _("Partners"), _("Schedule"), _("Status")],
            [
                [
                    str(m.title)
                    + (f"\n{m.description}" if m.description else "")
                    + (f"\n{m.based_on}" if m.based_on else ""),
                    m.responsible
                    + (
                        f"\n{_('Together with')}: {', '.join(m.co_responsible)}"
                        if m.co_responsible
                        else ""
                    ),
                    ", ".join(m.partners),
                    m.schedule,
                    m.status,
                ]
                for m in objective.measures
            ],
        )
    else:
        document.add_paragraph(_("No measures yet."))


def _indicators(document, doc: PlanDocument) -> None:
    rows = [
        [str(i.objective), str(i.name), i.unit, i.baseline, i.target, i.direction, i.source]
        for i in doc.indicators
    ]
    if not rows:
        document.add_paragraph(_("No indicators yet."))
        return
    table(
        document,
        [
            capfirst(_("objective")),
            _("Indicator"),
            capfirst(_("unit")),
            _("Baseline"),
            _("Target"),
            capfirst(_("desired direction")),
            _("Source"),
        ],
        rows,
    )


def _body(document, doc: PlanDocument, top: int, chapter: bool) -> None:
    """The content; headings start at `top` (1 for a full plan, 2 inside a chapter)."""
    if not chapter:
        document.add_heading(_("Basic information"), level=top)
        _pairs_table(document, doc.basics)
    document.add_heading(_("Situation picture"), level=top)
    document.add_heading(_("Figures"), level=top + 1)
    paragraphs(document, doc.situation_figures, _("Not written."))
    document.add_heading(_("Needs, reception and views"), level=top + 1)
    paragraphs(document, doc.situation_needs, _("Not written."))
    document.add_heading(_("Objectives and measures"), level=top)
    for theme in doc.groups:
        if not theme.objectives and not theme.statutory:
            continue
        document.add_heading(theme.name, level=min(top + 1, 9))
        if theme.also:
            names = ", ".join(str(t) for t in theme.also)
            document.add_paragraph(
                _("Also served by objectives under other themes: %(names)s") % {"names": names}
            )
        if not theme.covered:
            document.add_paragraph(theme.justification or _("No objectives under this theme."))
        for objective in theme.objectives:
            _objective(document, objective, level=min(top + 2, 9))
    document.add_heading(_("Indicators"), level=top)
    _indicators(document, doc)
    document.add_heading(_("Cooperation and participation"), level=top)
    _pairs_table(document, doc.cooperation)
    document.add_heading(_("Monitoring"), level=top)
    _pairs_table(document, doc.monitoring)
    if not chapter:
        document.add_heading(_("Decision"), level=top)
        if doc.decision:
            _pairs_table(document, doc.decision)
        else:
            document.add_paragraph(_("The plan has not been decided yet."))
        document.add_heading(_("Decision trail"), level=top + 1)
        if doc.decision_trail:
            table(
                document,
                [
                    _("Date"),
                    _("Body"),
                    _("Section (§)"),
                    _("Case number"),
                    _("Decision"),
                    _("Minutes"),
                ],
                [
                    [
                        s.date,
                        f"{s.body} ({s.kind})",
                        s.section,
                        s.case_number,
                        s.outcome,
                        s.minutes_url,
                    ]
                    for s in doc.decision_trail
                ],
            )
        else:
            document.add_paragraph(_("No decisions recorded yet."))
        document.add_heading(_("Linked documents"), level=top + 1)
        for title, url in doc.documents:
            document.add_paragraph(f"{title}: {url}", style="List Bullet")
        if not doc.documents:
            document.add_paragraph(_("No documents linked yet."))


def new_document(*, language: str, title: str, municipalities: list[str]):
    """An empty Word document in `language`, its properties filled in."""
    document = Document()
    _set_language(document, language)
    document.styles["Normal"].font.size = Pt(11)
    document.core_properties.title = title
    document.core_properties.subject = _("Plan for the promotion of integration")
    document.core_properties.author = ", ".join(municipalities)
    return document


def save(document) -> bytes:
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def plan_docx(doc: PlanDocument) -> bytes:
    """The whole plan: title page, then the parts under Heading 1."""
    with translation.override(doc.language):
        title = str(doc.title) or _("Plan for the promotion of integration")
        document = new_document(
            language=doc.language, title=title, municipalities=doc.municipalities
        )
        document.add_paragraph(title, style="Title")
        document.add_paragraph(_("Plan for the promotion of integration"), style="Subtitle")
        for line in (
            ", ".join(doc.municipalities),
            f"{_('Period')} {doc.period}",
            f"{doc.state} · {_('Version')} {doc.version}",
            *[f"{label}: {value}" for label, value in doc.decision[:2]],
        ):
            document.add_paragraph(line)
        document.add_paragraph().add_run().add_break(WD_BREAK.PAGE)
        _body(document, doc, top=1, chapter=False)
        return save(document)


def chapter_docx(doc: PlanDocument) -> bytes:
    """The integration part alone, one Heading 1 chapter to paste into a host document."""
    with translation.override(doc.language):
        title = _("Promotion of integration")
        document = new_document(
            language=doc.language, title=title, municipalities=doc.municipalities
        )
        document.add_heading(title, level=1)
        document.add_paragraph(
            _("%(municipalities)s, period %(period)s.")
            % {"municipalities": ", ".join(doc.municipalities), "period": doc.period}
        )
        _body(document, doc, top=2, chapter=True)
        return save(document)
