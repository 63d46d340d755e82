"""Screens of the observations dialogue and the discussion records. Thin: load through the
selectors (404 for what the user may not see), check input shape with a form, call a service."""

from collections.abc import Callable
from dataclasses import dataclass

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
from kotoplan.core.views import action_view, form_page, form_view, page_url
from kotoplan.planning.selectors import plan_get_for_user

from . import selectors, services
from .forms import DiscussionForm, FollowUpForm, ObservationForm, ReopenForm, ReplyForm, ResolveForm
from .models import Observation

Step = Observation.Step

# step → (form, service, message on success)
STEPS = {
    Step.REPLY: (
        ReplyForm,
        services.observation_reply,
        gettext_lazy("The reply was sent to the regional authority."),
    ),
    Step.RESOLVE: (
        ResolveForm,
        services.observation_resolve,
        gettext_lazy("The observation is resolved."),
    ),
    Step.REOPEN: (
        ReopenForm,
        services.observation_reopen,
        gettext_lazy("The observation was reopened and the coordinators were notified."),
    ),
}


def _plan_for_dialogue(user, plan_id: int):
    plan = plan_get_for_user(user=user, plan_id=plan_id)
    if not can(user, "oversight.view_plan_observations", plan):
        raise Http404
    return plan


def _observation_url(observation) -> str:
    return page_url("oversight:observation_detail", observation.pk)


def _discussion_url(discussion, anchor: str = "") -> str:
    return page_url("oversight:discussion_detail", discussion.pk, anchor=anchor)


@login_required
def plan_observations(request, plan_id: int):
    plan = _plan_for_dialogue(request.user, plan_id)
    observations = selectors.plan_observations(plan=plan, user=request.user)
    municipalities = selectors.discussion_municipalities(user=request.user, plan=plan)
    return render(
        request,
        "oversight/dialogue/observation_plan_list.html",
        {
            "plan": plan,
            "observations": observations,
            "overdue": selectors.overdue_ids(observations),
            "discussions": selectors.plan_discussions(plan=plan, user=request.user),
            "can_observe": can(request.user, "oversight.create_observation", plan),
            "can_discuss": municipalities.exists(),
            "can_view_area": can(request.user, "oversight.view_area_observations"),
        },
    )


@login_required
def observation_list(request):
    """Open observations the user may see; for an official, across the whole area."""
    observations = list(selectors.open_observations_for_user(user=request.user))
    context = {"observations": observations, "overdue": selectors.overdue_ids(observations)}
    return render(request, "oversight/dialogue/observation_list.html", context)


@dataclass(frozen=True)
class Record:
    """What an official records about a plan: its service, the texts of its page, the message
    once it is recorded and the page to go to next."""

    service: Callable
    title: str
    lead: str
    button: str
    done: str
    next_url: Callable


RECORDS = {
    "observation": Record(
        services.observation_create,
        title=gettext_lazy("Record an observation"),
        lead=gettext_lazy(
            "The coordinators of the plan's municipalities are notified by email and reply here."
        ),
        button=gettext_lazy("Record the observation"),
        done=gettext_lazy("The observation was recorded and the coordinators were notified."),
        next_url=_observation_url,
    ),
    "discussion": Record(
        services.discussion_create,
        title=gettext_lazy("Record a monitoring and cooperation discussion"),
        lead=gettext_lazy(
            "The municipality's coordinators and viewers can read the record. Add the agreed "
            "follow-ups on the next page."
        ),
        button=gettext_lazy("Save the record"),
        done=gettext_lazy("The discussion was recorded. Add the agreed follow-ups."),
        next_url=_discussion_url,
    ),
}


def _record(request, kind: str, plan, form):
    """The page where an official records an observation or a discussion about the plan."""
    record = RECORDS[kind]
    return form_page(
        request,
        "oversight/dialogue/record_form.html",
        form=form,
        call=lambda form: record.service(actor=request.user, plan=plan, **form.cleaned_data),
        success_message=record.done,
        redirect_to=record.next_url,
        plan=plan,
        title=record.title,
        lead=record.lead,
        button=record.button,
        cancel_url=reverse("oversight:observation_plan_list", args=[plan.pk]),
    )


@login_required
def observation_create(request, plan_id: int):
    plan = _plan_for_dialogue(request.user, plan_id)
    require(request.user, "oversight.create_observation", plan)
    return _record(request, "observation", plan, ObservationForm(request.POST or None, plan=plan))


def _step_form(step: Step, observation, data=None):
    form_class = STEPS[step][0]
    kwargs = {"plan": observation.plan} if step == Step.REPLY else {}
    return form_class(data, prefix=step, **kwargs)


def _render_detail(request, observation, bound=None):
    steps = selectors.observation_steps(user=request.user, observation=observation)
    forms = [
        (
            step,
            bound if bound is not None and bound.prefix == step else _step_form(step, observation),
        )
        for step in steps
    ]
    return render(
        request,
        "oversight/dialogue/observation_detail.html",
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
def observation_detail(request, observation_id: int):
    observation = selectors.observation_get_for_user(
        user=request.user, observation_id=observation_id
    )
    return _render_detail(request, observation)


def _after_refused_step(request, observation, step: Step, form):
    observation.refresh_from_db()
    if step not in selectors.observation_steps(user=request.user, observation=observation):
        # Someone else took a step meanwhile: the form is gone, so say why on the page.
        for error in form.non_field_errors():
            messages.error(request, error)
        return HttpResponseRedirect(_observation_url(observation))
    return _render_detail(request, observation, bound=form)


@login_required
@require_POST
def observation_step(request, observation_id: int, step: str):
    observation = selectors.observation_get_for_user(
        user=request.user, observation_id=observation_id
    )
    if step not in STEPS:
        raise Http404
    step = Step(step)
    require(request.user, Observation.TRANSITIONS[step][2], observation)
    _form_class, service, message = STEPS[step]
    return form_view(
        request,
        form=_step_form(step, observation, request.POST),
        call=lambda form: service(actor=request.user, observation=observation, **form.cleaned_data),
        success_message=message,
        redirect_to=_observation_url(observation),
        render_page=lambda form: _after_refused_step(request, observation, step, form),
    )


# --- discussions -------------------------------------------------------------------------------


@login_required
def discussion_create(request, plan_id: int):
    plan = _plan_for_dialogue(request.user, plan_id)
    municipalities = selectors.discussion_municipalities(user=request.user, plan=plan)
    if not municipalities.exists():
        raise PermissionDenied
    form = DiscussionForm(request.POST or None, municipalities=municipalities)
    return _record(request, "discussion", plan, form)


def _render_discussion(request, discussion, follow_up_form=None):
    can_add = can(request.user, "oversight.add_follow_up", discussion)
    return render(
        request,
        "oversight/dialogue/discussion_detail.html",
        {
            "discussion": discussion,
            "plan": discussion.plan,
            "follow_ups": discussion.follow_ups.order_by("due_date", "pk"),
            "follow_up_form": (follow_up_form or FollowUpForm()) if can_add else None,
            "can_change": can(request.user, "oversight.change_follow_up", discussion),
        },
    )


@login_required
def discussion_detail(request, discussion_id: int):
    discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=discussion_id)
    return _render_discussion(request, discussion)


@login_required
@require_POST
def follow_up_add(request, discussion_id: int):
    discussion = selectors.discussion_get_for_user(user=request.user, discussion_id=discussion_id)
    require(request.user, "oversight.add_follow_up", discussion)
    return form_view(
        request,
        form=FollowUpForm(request.POST),
        call=lambda form: services.follow_up_add(
            actor=request.user, discussion=discussion, **form.cleaned_data
        ),
        success_message=_("The follow-up was added."),
        redirect_to=_discussion_url(discussion, "follow-ups"),
        render_page=lambda form: _render_discussion(request, discussion, follow_up_form=form),
    )


@login_required
@require_POST
def follow_up_done(request, follow_up_id: int):
    follow_up = selectors.follow_up_get_for_user(user=request.user, follow_up_id=follow_up_id)
    require(request.user, "oversight.change_follow_up", follow_up.discussion)
    done = request.POST.get("done") == "1"
    return action_view(
        request,
        call=lambda: services.follow_up_set_done(
            actor=request.user, follow_up=follow_up, done=done
        ),
        success_message=_("Marked as done.") if done else _("Marked as not done."),
        redirect_to=_discussion_url(follow_up.discussion, f"follow-up-{follow_up_id}"),
    )
