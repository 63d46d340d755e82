"""What every form of a plan's part shares: the plan it belongs to narrows its choices, and the
fields the decision needs are marked."""

from kotoplan.core.forms import VersionedModelForm

from ..models import Objective, Plan
from ..services import NEEDED_FOR_DECISION


def mark_needed_for_decision(form) -> None:
    """Mark the optional fields that the plan's decision needs (the template shows it beside
    the label, as it shows * for required fields)."""
    for name in NEEDED_FOR_DECISION.get(form._meta.model, ()):
        field = form.fields.get(name)
        if field is not None and not field.required:
            field.needed_for_decision = True


class PartForm(VersionedModelForm):
    """The form of a part of `plan` (under `objective` for measures and indicators)."""

    def __init__(self, *args, plan: Plan, objective: Objective | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.offer_choices(plan=plan, objective=objective)
        mark_needed_for_decision(self)

    def offer_choices(self, *, plan: Plan, objective: Objective | None) -> None:
        """Narrow the choice fields to what belongs to the plan."""
