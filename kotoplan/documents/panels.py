"""Documents' entries in the registries of kotoplan.core.panels: the export links of a plan,
the Word file of a monitoring report, importing a plan beside "New plan", and the open data
link in the footer; and the plan files the background worker makes (kotoplan.core.exporters)."""

from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from kotoplan.core.exporters import ExportFile, register_export
from kotoplan.core.languages import content_languages, language_name
from kotoplan.core.panels import FOOTER, FRONT, register_link, register_plan_panel, register_section
from kotoplan.geography.selectors import municipalities_matching
from kotoplan.monitoring.panels import REPORT_FILES
from kotoplan.planning.models import Plan
from kotoplan.planning.panels import NEW_PLAN_ACTIONS

from .exporters.files import PLAN_FILES, STORED_PLAN_FILES, plan_file_name
from .exporters.opendata import (
    NATIONWIDE_FILES,
    open_data_csv,
    open_data_file_name,
    open_data_json,
)
from .selectors import published_plans

FRONT_SHOWN = 30


def export_links(*, plan, user, request) -> dict:
    """Files of the plan in every content language, and its public page once adopted."""
    languages = [(code, language_name(code)) for code in content_languages()]
    return {
        "languages": languages,
        "public": plan.state == Plan.State.ADOPTED,
        "headline": gettext("Word, PDF and StratML in %(languages)s")
        % {"languages": ", ".join(name for _code, name in languages)},
    }


def _report_docx_url(monitoring_round) -> str:
    return reverse(
        "documents:round_report_docx", args=[monitoring_round.plan_id, monitoring_round.pk]
    )


def _import_url(user) -> str:
    return reverse("documents:import_spreadsheet")


def _open_data_url(user) -> str:
    return reverse("documents:open_data")


register_plan_panel(
    key="export_links",
    order=30,
    template="documents/_export_links.html",
    context=export_links,
    title=_("Export"),
)
register_link(REPORT_FILES, key="docx", order=10, label="Word (DOCX)", url=_report_docx_url)
register_link(
    NEW_PLAN_ACTIONS, key="import_plan", order=10, label=_("Import a plan"), url=_import_url
)
register_link(FOOTER, key="open_data", order=10, label=_("Open data"), url=_open_data_url)


def _front_section(*, request, user=None) -> dict:
    """Adopted plans with their public pages, narrowed by the front door's search by
    municipality."""
    text = request.GET.get("municipality", "").strip()
    plans = published_plans()
    if text:
        plans = plans.filter(municipalities__in=municipalities_matching(text=text)).distinct()
    plans = list(plans.order_by("lead_municipality__name_fi", "-period_start")[: FRONT_SHOWN + 1])
    return {"plans": plans[:FRONT_SHOWN], "more": len(plans) > FRONT_SHOWN, "search": text}


register_section(
    FRONT, key="adopted_plans", order=20, template="documents/_front.html", context=_front_section
)


def _plan_file_maker(kind: str):
    _path, write, content_type, suffix = PLAN_FILES[kind]

    def make(*, subject_id: int, language: str) -> ExportFile:
        plan = Plan.objects.select_related("lead_municipality").get(pk=subject_id)
        return ExportFile(
            write(plan, language), content_type, plan_file_name(plan, language, suffix)
        )

    return make


for _kind in STORED_PLAN_FILES:
    register_export(_kind, subject_type="plan", make=_plan_file_maker(_kind))


def _open_data_maker(kind: str):
    name, content_type = NATIONWIDE_FILES[kind]

    def make(*, subject_id: int, language: str) -> ExportFile:
        plans = published_plans()
        if name == "plans.json":
            content = b"".join(open_data_json(plans))
        else:
            content = b"".join(open_data_csv(plans, name.removesuffix(".csv")))
        return ExportFile(content, content_type, open_data_file_name(name, None))

    return make


for _kind in NATIONWIDE_FILES:
    register_export(_kind, subject_type="open_data", make=_open_data_maker(_kind))
