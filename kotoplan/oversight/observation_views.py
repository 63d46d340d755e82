"""Screens of the observations dialogue and the discussion records. Thin: load through the
selectors (404 for what the user may not see), check input shape with a form, call a service."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from kotoplan.core.permissions import can, require
from kotoplan.core.views import run_service
from kotoplan.planning.selectors import plan_get_for_user

from . import observation_selectors as selectors
from . import observation_services as services
from .observation_forms import STEP_FORMS, DiscussionForm, FollowUpForm, ObservationForm
from .observation_permissions import official_municipality_ids


def _plan_for_dialogue(user, plan_id: int):
    plan = plan_get_for_user(user=user, plan_id=plan_id)
    if not can(user, "oversight.view_plan_observations", plan):
        raise Http404
    return plan


def _observation_url(observation) -> str:
    return reverse("oversight:observation_detail", args=[observation.pk])


def _discussion_url(discussion) -> str:
    return reverse("oversight:discussion_detail", args=[discussion.pk])


def _discussable_municipalities(user, plan):
    covered = official_municipality_ids(user)
    return plan.municipalities.filter(pk__in=covered).order_by("name_fi")


@login_required
def plan_observations(request, plan_id):
    plan = _plan_for_dialogue(request.user, plan_id)
    observations = selectors.plan_observations(plan=plan, user=request.user)
    return render(
        request,
        "oversight/observation_plan_list.html",
        {
            "plan": plan,
            "observations": observations,
            "overdue": {o.pk for o in observations if selectors.is_overdue(o)},
            "discussions": selectors.plan_discussions(plan=plan, user=request.user),
            "can_observe": can(request.user, "oversight.create_observation", plan),
            "can_discuss": _discussable_municipalities(request.user, plan).exists(),
            "is_official": bool(official_municipality_ids(request.user)),
        },
    )


@login_required
def observation_list(request):
    """Open observations the user may see; for an official, across the whole area."""
    observations = list(selectors.open_observations_for_user(user=request.user))
    return render(
        request,
        "oversight/observation_list.html",
        {
            "observations": observations,
            "overdue": {o.pk for o in observations if selectors.is_overdue(o)},
        },
    )


@login_required
def observation_create(request, plan_id):
    plan = _plan_for_dialogue(request.user, plan_id)
    require(request.user, "oversight.create_observation", plan)
    form = ObservationForm(request.POST or None, plan=plan)
    if request.method == "POST" and form.is_valid():
        observation = run_service(
            form,
            lambda: services.observation_create(actor=request.user, plan=plan, **form.cleaned_data),
        )
        if observation:
            messages.success(
                request, _("The observation was recorded and the coordinators were notified.")
            )
            return HttpResponseRedirect(_observation_url(observation))
    return render(request, "oversight/observation_form.html", {"plan": plan, "form": form})


def _render_detail(request, observation, bound=None):
    steps = selectors.observation_steps(user=request.user, observation=observation)
    forms = []
    for step in steps:
        if bound is not None and bound.prefix == step:
            forms.append((step, bound))
            continue
        form_class = STEP_FORMS[step]
        kwargs = {"plan": observation.plan} if step == "reply" else {}
        forms.append((step, form_class(prefix=step, **kwargs)))
    return render(
        request,
        "oversight/observation_detail.html",
        {
            "observation": observation,
            "plan": observation.plan,
            "trail": selectors.observation_trail(observation=observation),
            "rule_title": selectors.rule_title(observation.rule_id),
            "overdue": selectors.is_overdue(observation),
            "step_forms": forms,
            "bound": bound,
        },
    )


@login_required
def observation_detail(request, pk):
    observation = selectors.observation_get_for_user(user=request.user, observation_id=pk)
    return _render_detail(request, observation)


STEP_MESSAGES = {
    "reply": gettext_lazy("The reply was sent to the regional authority."),
    "resolve": gettext_lazy("The observation is resolved."),
    "reopen": gettext_lazy("The observation was reopened and the coordinators were notified."),
}


@login_required
@require_POST
def observation_step(request, pk, step):
    observation = selectors.observation_get_for_user(user=request.user, observation_id=pk)
    if step not in STEP_FORMS:
        raise Http404
    require(request.user, services.TRANSITIONS[step][3], observation)
    kwargs = {"plan": observation.plan} if step == "reply" else {}
    form = STEP_FORMS[step](request.POST, prefix=step, **kwargs)
    if form.is_valid():
        data = dict(form.cleaned_data)
        call = {
            "reply": lambda: services.observation_reply(
                actor=request.user,
                observation=observation,
                text=data["text"],
                changes_made=data.get("changes_made", ""),
                changed_objectives=data.get("changed_objectives") or [],
            ),
            "resolve": lambda: services.observation_resolve(
                actor=request.user, observation=observation, comment=data["comment"]
            ),
            "reopen": lambda: services.observation_reopen(
                actor=request.user,
                observation=observation,
                comment=data["comment"],
                reply_due=data.get("reply_due"),
            ),
        }[step]
        if run_service(form, call):
            messages.success(request, STEP_MESSAGES[step])
            return HttpResponseRedirect(_observation_url(observation))
    observation.refresh_from_db()
    if step not in selectors.observation_steps(user=request.user, observation=observation):
        # Someone else took a step meanwhile: the form is gone, so say why on the page.
        for error in form.non_field_errors():
            messages.error(request, error)
        return HttpResponseRedirect(_observation_url(observation))
    return _render_detail(request, observation, bound=form)


# --- discussions -------------------------------------------------------------------------------


@login_required
def discussion_create(request, plan_id):
    plan = _plan_for_dialogue(request.user, plan_id)
    municipalities = _discussable_municipalities(request.user, plan)
    if not municipalities.exists():
        raise PermissionDenied
    form = DiscussionForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        discussion = run_service(
            form,
            lambda: services.discussion_create(actor=request.user, plan=plan, **form.cleaned_data),
        )
        if discussion:
            messages.success(request, _("The discussion was recorded. Add the agreed follow-ups."))
            return HttpResponseRedirect(_discussion_url(discussion))
    return render(request, "oversight/discussion_form.html", {"plan": plan, "form": form})


def _render_discussion(request, discussion, follow_up_form=None):
    can_add = can(request.user, "oversight.add_follow_up", discussion)
    if can_add and follow_up_form is None:
        follow_up_form = FollowUpForm()
    return render(
        request,
        "oversight/discussion_detail.html",
        {
            "discussion": discussion,
            "plan": discussion.plan,
            "follow_ups": discussion.follow_ups.order_by("due_date", "pk"),
            "follow_up_form": follow_up_form if can_add else None,
            "can_change": can(request.user, "oversight.change_follow_up", discussion),
        },
    )


@login_required
def discussion_detail(request, pk):
    discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=pk)
    return _render_discussion(request, discussion)


@login_required
@require_POST
def follow_up_add(request, pk):
    discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=pk)
    require(request.user, "oversight.add_follow_up", discussion)
    form = FollowUpForm(request.POST)
    if form.is_valid():
        added = run_service(
            form,
            lambda: services.follow_up_add(
                actor=request.user, discussion=discussion, **form.cleaned_data
            ),
        )
        if added:
            messages.success(request, _("The follow-up was added."))
            return HttpResponseRedirect(_discussion_url(discussion) + "#follow-ups")
    return _render_discussion(request, discussion, follow_up_form=form)


@login_required
@require_POST
def follow_up_done(request, pk):
    follow_up = selectors.follow_up_get_for_user(user=request.user, follow_up_id=pk)
    require(request.user, "oversight.change_follow_up", follow_up.discussion)
    done = request.POST.get("done") == "1"
    services.follow_up_set_done(actor=request.user, follow_up=follow_up, done=done)
    messages.success(request, _("Marked as done.") if done else _("Marked as not done."))
    return HttpResponseRedirect(_discussion_url(follow_up.discussion) + f"#follow-up-{pk}")
