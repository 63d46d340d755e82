"""The rule set: every readiness rule, in the order shown, with its texts, its basis and level
(`statutory`: the Integration Act; `recommended`: the official checklist), where it is fixed and
the function that checks it. Add a rule here with a new id (ids are never reused), and bump
RULESET_VERSION whenever a rule is added, removed or changes meaning, so that a stored result can
be explained by the rule set that produced it."""

from django.utils.translation import gettext_lazy as _

from . import content, process
from .checks import every, plan_filled
from .registry import EDIT, recommended, statutory

# 2026.2: R11 and R12 read the participation and cooperation registers;
# 2026.3: R17 reads the monitoring rounds;
# 2026.4: R09 fails while the scope questions are unanswered; R17 does not apply once the plan's
# period has ended; rules apply by the plan's legal basis (`bases`), none to historical records.
# Also 2026.4: R01 counts additional themes, R03 accepts worded targets.
RULESET_VERSION = "2026.4"

# --- the content of the plan -------------------------------------------------------------------

statutory(
    "R01-themes-covered",
    _("All five statutory themes are covered"),
    _(
        "Each statutory theme has at least one objective, or the plan gives a written reason "
        "for leaving the theme out."
    ),
    anchor="themes",
    fix_url=EDIT,
    check=content.themes_covered,
)
statutory(
    "R02-objectives-have-measures",
    _("Every objective has a measure"),
    _("The plan records the measures by which each objective is pursued."),
    anchor="themes",
    check=every(
        "objective",
        lambda objective: objective.measures.all(),
        lacking=_("Objectives without a measure: %(items)s."),
        done=_("Every objective has at least one measure."),
    ),
)
statutory(
    "R03-objectives-have-indicators",
    _("Every objective has an indicator with a baseline and a target"),
    _(
        "Monitoring needs at least one indicator per objective, with a baseline value and a "
        "target: a target value or a worded target."
    ),
    anchor="themes",
    check=every(
        "objective",
        content.has_complete_indicator,
        lacking=_("Objectives without an indicator that has a baseline and a target: %(items)s."),
        done=_("Every objective has an indicator with a baseline and a target."),
    ),
)
statutory(
    "R04-measures-have-responsible-party",
    _("Every measure has a responsible party"),
    _("The plan names who is responsible for carrying out each measure."),
    anchor="themes",
    check=every(
        "measure",
        lambda measure: measure.responsible_organisation_id is not None,
        lacking=_("Measures without a responsible party: %(items)s."),
        done=_("Every measure has a responsible party."),
    ),
)
statutory(
    "R05-cooperation-partners",
    _("Cooperation partners are recorded"),
    _("The plan records with whom the measures are carried out."),
    anchor="themes",
    check=content.cooperation_partners,
)
recommended(
    "R06-coordinating-authority",
    _("The coordinating authority is named"),
    _("The plan names the municipal authority that coordinates the planning."),
    fix_field="coordinating_authority",
    check=content.coordinating_authority,
)
statutory(
    "R07-county-coordination",
    _("Coordination with the wellbeing services county is recorded"),
    _(
        "The plan describes how it is coordinated with the services of the wellbeing services "
        "county."
    ),
    fix_field="county_coordination",
    check=plan_filled(
        ("county_coordination", _("The coordination with the county is not described.")),
        done=_("The coordination is described."),
    ),
)
statutory(
    "R08-integration-programme",
    _("The integration programme is referred to or incorporated"),
    _("The plan refers to the integration programme as a separate document or includes it."),
    fix_field="programme_mode",
    check=content.integration_programme,
)
statutory(
    "R09-scope",
    _("The plan covers all immigrants and good relations"),
    _(
        "The planning concerns all immigrants living in the municipality and good relations "
        "between all population groups."
    ),
    fix_field="covers_all_immigrants",
    check=content.scope_answered,
)
recommended(
    "R10-situation-picture",
    _("A situation picture with figures and qualitative content exists"),
    _(
        "The plan describes immigration in the municipality in figures and in words: needs, "
        "reception and views."
    ),
    anchor="situation",
    fix_url="planning:plan_situation",
    fix_field="situation_quantitative_fi",
    check=content.situation_picture,
)

# --- how the plan was made, decided and is monitored -------------------------------------------

statutory(
    "R11-participation",
    _("Participation of immigrants and organisations is evidenced"),
    _(
        "Immigrants and organisations in the area could take part in the planning; the plan "
        "records how, or a consultation step is marked done in the timetable."
    ),
    fix_field="participation_evidence",
    check=process.participation,
)
statutory(
    "R12-cooperation-group",
    _("A cooperation group exists or the reason for having none is recorded"),
    _(
        "A multi-sectoral cooperation group is needed when the service needs of immigrants "
        "call for it; it may also be a regional group."
    ),
    fix_field="has_cooperation_group",
    check=process.cooperation_group,
)
recommended(
    "R13-authority-contacted",
    _("The regional authority's immigration contact person was contacted"),
    _(
        "The municipality contacts the immigration contact person of its regional state "
        "authority early in the planning."
    ),
    fix_field="authority_contacted_on",
    check=process.authority_contacted,
)
statutory(
    "R14-host-document",
    _("The host document and its approval are identified"),
    _(
        "When the plan is part of another municipal planning document, that document and its "
        "approval are named."
    ),
    fix_field="host_document_name",
    check=process.host_document,
)
recommended(
    "R15-decision-recorded",
    _("The adoption decision is recorded"),
    _("For an adopted plan, the deciding body and the decision date are recorded."),
    check=process.decision_recorded,
)
statutory(
    "R16-monitoring-cycle",
    _("Monitoring has a cycle and a description"),
    _("The plan says how often it is monitored and how the results are reported."),
    fix_field="monitoring_description",
    check=plan_filled(
        ("monitoring_cycle", _("No monitoring cycle is chosen."), "monitoring_cycle"),
        ("monitoring_description", _("The monitoring and reporting route is not described.")),
        done=_("The cycle and the reporting route are described."),
    ),
)
recommended(
    "R17-monitoring-not-overdue",
    _("The last monitoring round is not overdue"),
    _(
        "Monitoring rounds follow the chosen cycle: a round is opened within one cycle of "
        "the adoption, and the latest round is closed by its due date."
    ),
    check=process.monitoring_not_overdue,
)
