"""Help texts of the plan's basic fields: the readiness checklist's "Fix" links land on these
fields, so each says what is asked."""

from django.utils.translation import gettext_lazy as _

BASICS_HELP = {
    "coordinating_authority": _(
        "The municipal authority that coordinates the planning, e.g. the welfare board."
    ),
    "county_coordination": _(
        "How the plan is coordinated with the services of the wellbeing services county: "
        "who took part and what was agreed."
    ),
    "employment_area_coordination": _(
        "How the plan is coordinated with the services of the employment area."
    ),
    "programme_mode": _(
        "Whether the integration programme is a separate document referred to here or "
        "included in this plan."
    ),
    "has_cooperation_group": _(
        "A multi-sectoral cooperation group; it may also be a regional group. If there is "
        "none, give the reason below."
    ),
    "authority_contacted_on": _(
        "When the immigration contact person of the regional state authority was first contacted."
    ),
    "host_document_name": _(
        "If the plan is part of another municipal planning document, such as the welfare "
        "plan: that document's name."
    ),
    "monitoring_description": _(
        "How the carrying out of the plan is monitored, and how and to whom the results "
        "are reported."
    ),
    "monitoring_cycle": _("How often the carrying out of the plan is monitored."),
}

SITUATION_HELP = {
    "situation_quantitative_fi": _(
        "Immigration in the municipality in figures: numbers, languages, age groups and changes."
    ),
}
