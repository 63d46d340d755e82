"""Every page of the URLconf, filled with objects of the demo data, or excluded with a reason.

`ROUTES` maps a URL name to a function that gives its address from `Objects` (the demo data's
plans, rounds, groups, consultations…); `EXCLUDED` names the routes no browser test visits and
why (downloads, buttons that only POST, pages reached only through a token). A route in neither
makes tests/a11y/test_every_route.py fail: a new page has to be placed in one of them.
"""

from dataclasses import dataclass
from functools import cached_property

from django.urls import URLPattern, URLResolver, get_resolver, reverse

POST_ONLY = "a button's POST, no page of its own"
DOWNLOAD = "a file download, not an HTML page"

EXCLUDED_PREFIXES = {
    "admin:": "Django's own admin",
    "api:": "the REST API answers JSON (tests/api)",
}

EXCLUDED = {
    "healthz": "health probe answering JSON",
    "readyz": "health probe answering JSON",
    "set_language": POST_ONLY,
    "accounts:password_reset_confirm": "reached only through an e-mailed one-time token",
    "accounts:two_factor_verify": "reached only during a login that waits for its second factor",
    "accounts:two_factor_remove": POST_ONLY,
    "accounts:sso_start": POST_ONLY,
    "accounts:sso_callback": "reached only when an identity provider sends the browser back",
    "accounts:account_request_approve": POST_ONLY,
    "accounts:account_request_refuse": POST_ONLY,
    "monitoring:round_close": POST_ONLY,
    "cooperation:agenda_add": POST_ONLY,
    "cooperation:attendance": POST_ONLY,
    "cooperation:minutes": POST_ONLY,
    "cooperation:minutes_approve": POST_ONLY,
    "cooperation:document_add": POST_ONLY,
    "cooperation:invite": POST_ONLY,
    "cooperation:meeting_calendar": DOWNLOAD,
    "cooperation:comment_add": POST_ONLY,
    "cooperation:proposal_add": POST_ONLY,
    "cooperation:proposal_decide": POST_ONLY,
    "cooperation:initiative_decide": POST_ONLY,
    "planning:invitation_answer": POST_ONLY,
    "planning:invitation_withdraw": POST_ONLY,
    "participation:export_csv": DOWNLOAD,
    "participation:export_xlsx": DOWNLOAD,
    "participation:comment_restore": POST_ONLY,
    "participation:report_publish": POST_ONLY,
    "documents:plan_docx": DOWNLOAD,
    "documents:chapter_docx": DOWNLOAD,
    "documents:plan_pdf": DOWNLOAD,
    "documents:plan_stratml": DOWNLOAD,
    "documents:round_report_docx": DOWNLOAD,
    "documents:public_plan_pdf": DOWNLOAD,
    "documents:open_data_json": DOWNLOAD,
    "documents:open_data_csv": DOWNLOAD,
    "documents:open_data_municipality_json": DOWNLOAD,
    "documents:open_data_municipality_csv": DOWNLOAD,
    "documents:import_template": DOWNLOAD,
    "documents:import_preview": "needs an uploaded spreadsheet (tests/documents)",
    "accounts:organisation_edit": "the demo has no organisation a municipality added, the only "
    "kind a coordinator edits (tests/accounts)",
    "cooperation:initiative_file": "only a member organisation's representative files one, a "
    "role the visits leave out (tests/cooperation/test_initiatives.py)",
    "monitoring:import_run": "needs a statistics import run (tests/monitoring)",
    "oversight:area_dashboard_csv": DOWNLOAD,
    "oversight:observation_step": POST_ONLY,
    "oversight:discussion_follow_up_add": POST_ONLY,
    "oversight:discussion_follow_up_done": POST_ONLY,
    "planning:plan_new_version": POST_ONLY,
    "planning:chapter_move": POST_ONLY,
    "planning:part_move": POST_ONLY,
    "documents:import_add_parties": POST_ONLY,
    "documents:plan_export": "a stored file's progress page, reached only through the token of a "
    "file a download queued (tests/documents/test_stored_exports.py)",
    "documents:public_plan_export": "a stored file's progress page, reached only through the token "
    "of a file a download queued (tests/documents/test_stored_exports.py)",
    "participation:export_progress": "a stored file's progress page, reached only through the "
    "token of a file a download queued (tests/documents/test_stored_exports.py)",
    "library:measure_reuse": POST_ONLY,
    "library:similar": "a fragment the measure form's script fetches, not a page of its own",
}


def url_names() -> list[str]:
    """Every named route of the URLconf, with its namespace ("planning:plan_detail")."""

    def walk(patterns, namespace=""):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
                yield from walk(pattern.url_patterns, inner)
            elif isinstance(pattern, URLPattern) and pattern.name:
                yield f"{namespace}{pattern.name}"

    return sorted(set(walk(get_resolver().url_patterns)))


def excluded(name: str) -> str | None:
    for prefix, reason in EXCLUDED_PREFIXES.items():
        if name.startswith(prefix):
            return reason
    return EXCLUDED.get(name)


@dataclass
class Objects:
    """The demo data's objects that fill the routes' ids (looked up once, when first needed)."""

    @cached_property
    def draft(self):
        from kotoplan.planning.models import Plan

        return Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)

    @cached_property
    def adopted(self):
        from kotoplan.planning.models import Plan

        return Plan.objects.get(lead_municipality__code="837", state=Plan.State.ADOPTED)

    @cached_property
    def objective(self):
        return self.draft.objectives.order_by("pk").first()

    @cached_property
    def measure(self):
        from kotoplan.planning.models import Measure

        return Measure.objects.filter(objective__plan=self.draft).order_by("pk").first()

    @cached_property
    def coordinator(self):
        """The demo's coordinator of the draft's municipality."""
        from kotoplan.accounts.models import User

        return User.objects.get(username="koordinaattori.tampere")

    @cached_property
    def round(self):
        from kotoplan.monitoring.models import MonitoringRound

        return MonitoringRound.objects.filter(plan=self.adopted).order_by("pk").first()

    @cached_property
    def measure_update(self):
        """A progress update of the open round (the latest one)."""
        from kotoplan.monitoring.models import MeasureUpdate

        return MeasureUpdate.objects.order_by("-round_id", "pk").first()

    @cached_property
    def indicator_value(self):
        from kotoplan.monitoring.models import MonitoringRound
        from kotoplan.planning.models import Indicator

        open_round = MonitoringRound.objects.filter(pk=self.measure_update.round_id).get()
        indicator = Indicator.objects.filter(objective__plan=open_round.plan, source="manual")
        indicator = indicator.order_by("pk")
        return open_round, indicator.first()

    @cached_property
    def group(self):
        from kotoplan.cooperation.models import CooperationGroup

        return CooperationGroup.objects.filter(plans=self.draft).order_by("pk").first()

    @cached_property
    def meeting(self):
        return self.group.meetings.order_by("pk").first()

    @cached_property
    def initiative(self):
        from kotoplan.cooperation.models import Initiative

        return Initiative.objects.order_by("pk").first()

    @cached_property
    def invitation(self):
        """The demo's joint plan: its partner's invitation, accepted."""
        from kotoplan.planning.models import PlanInvitation

        return PlanInvitation.objects.order_by("pk").first()

    @cached_property
    def membership(self):
        return self.group.memberships.order_by("pk").first()

    @cached_property
    def consultation(self):
        from kotoplan.participation.models import Consultation

        return Consultation.objects.order_by("pk").first()

    @cached_property
    def event(self):
        """The demo records no participation event: one like a coordinator would record."""
        from datetime import date

        from kotoplan.participation.models import ParticipationEvent

        return ParticipationEvent.objects.order_by(
            "pk"
        ).first() or ParticipationEvent.objects.create(
            plan=self.consultation.plan,
            kind=ParticipationEvent.Kind.choices[0][0],
            held_on=date(2026, 3, 12),
            audience="Kotoutumiskoulutuksen opiskelijat",
            languages="suomi, arabia",
            participants=24,
            summary="Keskustelu työllistymisen esteistä.",
        )

    def first(self, model_path: str):
        from django.apps import apps

        return apps.get_model(model_path).objects.order_by("pk").first()

    def _area_of(self, username: str, kind: str):
        from kotoplan.geography.models import Area

        return Area.objects.get(kind=kind, organisations__roles__user__username=username)

    @cached_property
    def area(self):
        """The area of the regional official in the demo (Sisä-Suomi)."""
        return self._area_of("virkailija.sisasuomi", "vitality_centre")

    @cached_property
    def county(self):
        """The wellbeing services county of the demo's liaison (Pirkanmaa)."""
        return self._area_of("hyvinvointialue.pirkanmaa", "wellbeing_county")


def _r(name, *args):
    return reverse(name, args=args)


ROUTES = {
    "core:accessibility": lambda o: _r("core:accessibility"),
    "core:privacy": lambda o: _r("core:privacy"),
    "core:privacy_consultations": lambda o: _r("core:privacy_consultations"),
    "core:cookies": lambda o: _r("core:cookies"),
    "core:contact": lambda o: _r("core:contact"),
    "accounts:login": lambda o: _r("accounts:login"),
    "accounts:logout": lambda o: _r("accounts:logout"),
    "accounts:profile": lambda o: _r("accounts:profile"),
    "accounts:password_change": lambda o: _r("accounts:password_change"),
    "accounts:password_change_done": lambda o: _r("accounts:password_change_done"),
    "accounts:organisation_list": lambda o: _r("accounts:organisation_list"),
    "accounts:organisation_new": lambda o: _r("accounts:organisation_new", "local"),
    "accounts:password_reset": lambda o: _r("accounts:password_reset"),
    "accounts:password_reset_done": lambda o: _r("accounts:password_reset_done"),
    "accounts:password_reset_complete": lambda o: _r("accounts:password_reset_complete"),
    "accounts:two_factor_setup": lambda o: _r("accounts:two_factor_setup"),
    "accounts:account_request_list": lambda o: _r("accounts:account_request_list"),
    "audit:security_trail": lambda o: _r("audit:security_trail"),
    "audit:my_data": lambda o: _r("audit:my_data"),
    "audit:person_data": lambda o: _r("audit:person_data", o.coordinator.pk),
    "audit:erasure": lambda o: _r("audit:erasure") + f"?user={o.coordinator.pk}",
    "planning:invitation_detail": lambda o: _r("planning:invitation_detail", o.invitation.pk),
    "library:search": lambda o: _r("library:search"),
    "library:measure_detail": lambda o: _r("library:measure_detail", o.measure.pk),
    "monitoring:import": lambda o: _r("monitoring:import"),
    "monitoring:situation_figures": lambda o: _r("monitoring:situation_figures", o.draft.pk),
    "monitoring:my_measures": lambda o: _r("monitoring:my_measures"),
    "monitoring:round_list": lambda o: _r("monitoring:round_list", o.adopted.pk),
    "monitoring:round_report": lambda o: _r("monitoring:round_report", o.adopted.pk, o.round.pk),
    "monitoring:measure_update": lambda o: _r(
        "monitoring:measure_update", o.measure_update.round_id, o.measure_update.measure_id
    ),
    "monitoring:indicator_value": lambda o: _r(
        "monitoring:indicator_value", o.indicator_value[0].pk, o.indicator_value[1].pk
    ),
    "cooperation:group_list": lambda o: _r("cooperation:group_list"),
    "cooperation:group_create": lambda o: _r("cooperation:group_create"),
    "cooperation:no_group_reason": lambda o: _r("cooperation:no_group_reason"),
    "cooperation:group_detail": lambda o: _r("cooperation:group_detail", o.group.pk),
    "cooperation:group_edit": lambda o: _r("cooperation:group_edit", o.group.pk),
    "cooperation:group_coverage": lambda o: _r("cooperation:group_coverage", o.group.pk),
    "cooperation:membership_add": lambda o: _r("cooperation:membership_add", o.group.pk),
    "cooperation:representative_add": lambda o: _r(
        "cooperation:representative_add", o.membership.pk
    ),
    "cooperation:initiative_detail": lambda o: _r("cooperation:initiative_detail", o.initiative.pk),
    "cooperation:meeting_new": lambda o: _r("cooperation:meeting_new", o.group.pk),
    "cooperation:meeting_detail": lambda o: _r("cooperation:meeting_detail", o.meeting.pk),
    "cooperation:workspace_plan": lambda o: _r(
        "cooperation:workspace_plan", o.group.pk, o.draft.pk
    ),
    "participation:public": lambda o: _r("participation:public", o.consultation.slug),
    "participation:thanks": lambda o: _r("participation:thanks", o.consultation.slug),
    "participation:plan_participation": lambda o: _r(
        "participation:plan_participation", o.consultation.plan_id
    ),
    "participation:consultation_new": lambda o: _r(
        "participation:consultation_new", o.consultation.plan_id
    ),
    "participation:event_new": lambda o: _r("participation:event_new", o.consultation.plan_id),
    "participation:event_edit": lambda o: _r("participation:event_edit", o.event.pk),
    "participation:consultation_manage": lambda o: _r(
        "participation:consultation_manage", o.consultation.pk
    ),
    "participation:consultation_edit": lambda o: _r(
        "participation:consultation_edit", o.consultation.pk
    ),
    "participation:language_new": lambda o: _r("participation:language_new", o.consultation.pk),
    "participation:language_edit": lambda o: _r(
        "participation:language_edit", o.first("participation.ConsultationLanguage").pk
    ),
    "participation:question_new": lambda o: _r("participation:question_new", o.consultation.pk),
    "participation:results": lambda o: _r("participation:results", o.consultation.pk),
    "participation:comment_hide": lambda o: _r(
        "participation:comment_hide", o.first("participation.Comment").pk
    ),
    "participation:report": lambda o: _r("participation:report", o.consultation.pk),
    "participation:response_new": lambda o: _r("participation:response_new", o.consultation.pk),
    "participation:response_edit": lambda o: _r(
        "participation:response_edit", o.first("participation.ResponseItem").pk
    ),
    "documents:public_plan": lambda o: _r(
        "documents:public_plan",
        o.adopted.lead_municipality.code,
        o.adopted.period_start,
        o.adopted.period_end,
    ),
    "documents:open_data": lambda o: _r("documents:open_data"),
    "documents:import_spreadsheet": lambda o: _r("documents:import_spreadsheet"),
    "documents:import_stratml": lambda o: _r("documents:import_stratml"),
    "oversight:dashboards": lambda o: _r("oversight:dashboards"),
    "oversight:area_default": lambda o: _r("oversight:area_default"),
    "oversight:area_dashboard": lambda o: _r("oversight:area_dashboard", o.area.pk),
    "oversight:national_dashboard": lambda o: _r("oversight:national_dashboard"),
    "oversight:peer_comparison": lambda o: _r(
        "oversight:peer_comparison", o.draft.lead_municipality_id
    ),
    "oversight:county_dashboard": lambda o: _r("oversight:county_dashboard", o.county.pk),
    "oversight:observation_list": lambda o: _r("oversight:observation_list"),
    "oversight:observation_detail": lambda o: _r(
        "oversight:observation_detail", o.first("oversight.Observation").pk
    ),
    "oversight:observation_plan_list": lambda o: _r("oversight:observation_plan_list", o.draft.pk),
    "oversight:observation_create": lambda o: _r("oversight:observation_create", o.draft.pk),
    "oversight:discussion_create": lambda o: _r("oversight:discussion_create", o.adopted.pk),
    "oversight:discussion_detail": lambda o: _r(
        "oversight:discussion_detail", o.first("oversight.MonitoringDiscussion").pk
    ),
    "planning:home": lambda o: _r("planning:home"),
    "planning:plan_list": lambda o: _r("planning:plan_list"),
    "planning:plan_create": lambda o: _r("planning:plan_create"),
    "planning:plan_historical_new": lambda o: _r("planning:plan_historical_new"),
    "planning:plan_detail": lambda o: _r("planning:plan_detail", o.draft.pk),
    "planning:plan_edit": lambda o: _r("planning:plan_edit", o.draft.pk),
    "planning:plan_situation": lambda o: _r("planning:plan_situation", o.draft.pk),
    "planning:plan_transition": lambda o: _r(
        "planning:plan_transition", o.draft.pk, "consultation"
    ),
    "planning:plan_compare": lambda o: _r("planning:plan_compare", o.draft.pk),
    "planning:plan_history": lambda o: _r("planning:plan_history", o.draft.pk),
    "planning:objective_new": lambda o: _r("planning:objective_new", o.draft.pk),
    "planning:target_group_new": lambda o: _r("planning:target_group_new", o.draft.pk),
    "planning:milestone_new": lambda o: _r("planning:milestone_new", o.draft.pk),
    "planning:decision_step_new": lambda o: _r("planning:decision_step_new", o.draft.pk),
    "planning:linked_document_new": lambda o: _r("planning:linked_document_new", o.draft.pk),
    "planning:chapter_new": lambda o: _r("planning:chapter_new", o.draft.pk),
    "planning:measure_new": lambda o: _r("planning:measure_new", o.objective.pk),
    "planning:indicator_new": lambda o: _r("planning:indicator_new", o.objective.pk),
    "planning:content_edit": lambda o: _r("planning:content_edit", "measure", o.measure.pk),
    "planning:content_delete": lambda o: _r("planning:content_delete", "objective", o.objective.pk),
}


# Problems the every-route test found that are not fixed yet: (route, check). Each is a task;
# remove its line when it is fixed. Any other problem fails the test.
KNOWN: set[tuple[str, str]] = set()
