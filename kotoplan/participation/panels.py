"""Participation's entry in the plan page's panels (kotoplan.core.panels): the consultations and
participation events of the plan; and the feedback spreadsheet the background worker makes
(kotoplan.core.exporters)."""

from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from kotoplan.core.exporters import ExportFile, register_export
from kotoplan.core.panels import FRONT, HOME, register_plan_panel, register_section
from kotoplan.core.permissions import can
from kotoplan.geography.selectors import municipalities_matching

from .exporters.feedback import XLSX_MIME, feedback_file_name, feedback_xlsx
from .models import Consultation
from .selectors import consultations_run_by, open_consultations, participation_evidence_for_plan

FRONT_SHOWN = 20


def _plan_panel(*, plan, user, request=None) -> dict | None:
    evidence = participation_evidence_for_plan(plan=plan)
    can_manage = can(user, "participation.manage", plan)
    if not (evidence.exists or can_manage):
        return None
    consultations = len(evidence.consultations)
    opened = sum(c.is_open for c in evidence.consultations)
    headline = ngettext("%(n)s consultation", "%(n)s consultations", consultations) % {
        "n": consultations
    }
    if opened:
        headline += " " + ngettext("(%(n)s open)", "(%(n)s open)", opened) % {"n": opened}
    events = len(evidence.events)
    headline += ", " + ngettext(
        "%(n)s participation event", "%(n)s participation events", events
    ) % {"n": events}
    return {"evidence": evidence, "can_manage": can_manage, "headline": headline}


register_plan_panel(
    key="participation",
    order=40,
    template="participation/_plan_panel.html",
    context=_plan_panel,
    title=_("Participation"),
)


def _home_section(*, user, request=None) -> dict | None:
    """The consultations of a coordinator's plans with their deadlines."""
    consultations = list(consultations_run_by(user=user)[:10])
    return {"consultations": consultations} if consultations else None


def _front_section(*, request, user=None) -> dict:
    """Consultations open to anyone, narrowed by the front door's search by municipality."""
    text = request.GET.get("municipality", "").strip()
    found = open_consultations(municipalities=municipalities_matching(text=text) if text else None)
    return {"consultations": list(found[:FRONT_SHOWN]), "search": text}


register_section(
    HOME,
    key="consultations",
    order=40,
    template="participation/_home.html",
    context=_home_section,
)
register_section(
    FRONT,
    key="open_consultations",
    order=10,
    template="participation/_front.html",
    context=_front_section,
)


def _feedback_xlsx(*, subject_id: int, language: str) -> ExportFile:
    consultation = Consultation.objects.get(pk=subject_id)
    return ExportFile(
        feedback_xlsx(consultation), XLSX_MIME, feedback_file_name(consultation, "xlsx")
    )


register_export("feedback_xlsx", subject_type="consultation", make=_feedback_xlsx)
