"""Who may run consultations and record participation events.

The coordinators of the plan's municipalities (those who may change the plan) open and manage its
consultations, moderate the feedback, write the response report and record events; administrators
too. Taking part in a public consultation needs no account and no rule.
"""

from kotoplan.core.permissions import can, rule


@rule("participation.manage")
def can_manage_participation(user, plan) -> bool:
    return can(user, "planning.change_plan", plan)
