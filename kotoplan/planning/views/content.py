"""The plan page's content (basic information, target groups, chapters, timetable, decision
trail, objectives with their measures and indicators) and its entries in the table of contents:
rendered once per plan content, language, release and what the reader may do with it (edit the
plan, record decisions, link documents, update which measures), and kept in the cache. Readers
with the same rights share it; an edit anywhere in the plan changes its key (the content is named
by `plan_content_state`: the plan row and the newest audit entry of the plan and its parts),
so nobody reads an outdated plan. The forms in it (moving parts up and down) get the reader's own
CSRF token when the page is served."""

import hashlib

from django.core.cache import cache
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.safestring import SafeString, mark_safe

from kotoplan.core.kept import csrf_slot, with_csrf
from kotoplan.core.permissions import scope
from kotoplan.core.release import release_key

from .. import selectors
from ..models import DecisionStep, LinkedDocument, Measure, Plan
from ..panels import PLAN_SECTIONS

KEPT_SECONDS = 24 * 3600


class EveryMeasure:
    """`measure.pk in updatable_measures` for a reader who may change the whole plan."""

    def __contains__(self, item) -> bool:
        return True


def plan_content(request, plan: Plan, *, may_change: bool) -> tuple[SafeString, SafeString]:
    """(table of contents entries, content) of the plan page for this reader."""
    user = request.user
    rights = {
        "can_edit": may_change and plan.is_editable,
        "can_record_decisions": may_change and DecisionStep.open_in(plan),
        "can_link_documents": may_change and LinkedDocument.open_in(plan),
    }
    if may_change:
        updatable, reach = EveryMeasure(), "all"
    else:
        measures = Measure.objects.filter(objective__plan=plan)
        updatable = set(
            scope(user, "planning.change_measure", measures).values_list("pk", flat=True)
        )
        reach = ",".join(str(pk) for pk in sorted(updatable))
    parts = (
        selectors.plan_content_state(plan=plan),
        translation.get_language(),
        release_key(),
        "".join("1" if rights[key] else "0" for key in sorted(rights)),
        hashlib.sha256(reach.encode()).hexdigest(),
    )
    key = "plan-content:" + hashlib.sha256("|".join(parts).encode()).hexdigest()
    kept = cache.get(key)
    if kept is None:
        kept = _render(plan, rights, updatable)
        cache.set(key, kept, KEPT_SECONDS)
    toc, content = kept
    return mark_safe(toc), with_csrf(content, request)


def _render(plan: Plan, rights: dict, updatable) -> tuple[str, str]:
    sections = selectors.plan_outline(plan=plan)
    chapters = list(plan.chapters.all())
    context = {
        **rights,
        "plan": plan,
        "sections": sections,
        "chapters": chapters,
        "chapter_sections": selectors.chapter_sections(sections=sections, chapters=chapters),
        "empty_statutory": [s.theme for s in sections if s.theme.statutory and not s.covered],
        "updatable_measures": updatable,
        "target_groups": plan.target_groups.all(),
        "milestones": plan.milestones.all(),
        "decision_steps": plan.decision_steps.all(),
        "linked_documents": plan.linked_documents.all(),
        "content_sections": PLAN_SECTIONS,
        "csrf_token": csrf_slot(),
    }
    return (
        render_to_string("planning/_plan_content_toc.html", context),
        render_to_string("planning/_plan_content.html", context),
    )
