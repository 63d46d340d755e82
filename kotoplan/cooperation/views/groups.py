from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from kotoplan.accounts.selectors import user_reach
from kotoplan.core.permissions import can, require
from kotoplan.core.views import run_service
from kotoplan.geography.models import Municipality

from .. import selectors, services
from ..forms import GroupForm, MembershipForm, NoGroupReasonForm, RepresentativeForm
from .common import render_form


def group_url(group) -> str:
    return reverse("cooperation:group_detail", args=[group.pk])


@login_required
def group_list(request):
    reach = user_reach(user=request.user)
    return render(
        request,
        "cooperation/group_list.html",
        {
            "groups": selectors.groups_for_user(user=request.user),
            "reasons": selectors.no_group_reasons_for_user(user=request.user),
            "can_create": can(request.user, "cooperation.create_group"),
            "can_record_reason": reach.admin or bool(reach.coordinator_municipalities),
        },
    )


@login_required
def group_detail(request, pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    manage = can(request.user, "cooperation.manage_group", group)
    return render(
        request,
        "cooperation/group_detail.html",
        {
            "group": group,
            "manage": manage,
            "is_member": can(request.user, "cooperation.file_initiative", group),
            "memberships": selectors.group_members(group=group),
            "initiatives": selectors.initiatives_of(group=group),
            "meetings": group.meetings.all(),
            "plans": group.plans.all(),
            "coverage": selectors.group_coverage(group=group),
        },
    )


@login_required
def group_coverage(request, pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    return render(
        request,
        "cooperation/coverage.html",
        {"group": group, "coverage": selectors.group_coverage(group=group)},
    )


@login_required
def group_create(request):
    require(request.user, "cooperation.create_group")
    form = GroupForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        group = run_service(
            form,
            lambda: services.group_create(
                actor=request.user,
                data=form.model_data(),
                municipalities=list(form.cleaned_data["municipalities"]),
                plans=list(form.cleaned_data["plans"]),
            ),
        )
        if group:
            messages.success(request, _("The cooperation group was saved."))
            return redirect(group_url(group))
    return render_form(
        request,
        form=form,
        title=_("New cooperation group"),
        group=None,
        cancel_url=reverse("cooperation:group_list"),
    )


@login_required
def group_edit(request, pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.manage_group", group)
    form = GroupForm(request.POST or None, instance=group, user=request.user)
    if request.method == "POST" and form.is_valid():
        updated = run_service(
            form,
            lambda: services.group_update(
                actor=request.user,
                group=group,
                expected_version=form.cleaned_data["expected_version"] or 0,
                data=form.model_data(),
                municipalities=list(form.cleaned_data["municipalities"]),
                plans=list(form.cleaned_data["plans"]),
            ),
        )
        if updated:
            messages.success(request, _("Changes saved."))
            return redirect(group_url(updated))
    return render_form(
        request, form=form, title=_("Edit the group"), group=group, cancel_url=group_url(group)
    )


@login_required
def no_group_reason(request):
    reach = user_reach(user=request.user)
    municipalities = Municipality.objects.in_act_scope()
    if not reach.admin:
        municipalities = municipalities.filter(pk__in=reach.coordinator_municipalities)
    if not municipalities.exists():
        require(request.user, "cooperation.record_no_group", None)
    form = NoGroupReasonForm(request.POST or None, municipalities=municipalities)
    if request.method == "POST" and form.is_valid():
        record = run_service(
            form,
            lambda: services.no_group_reason_record(actor=request.user, **form.cleaned_data),
        )
        if record:
            messages.success(request, _("The reason was recorded."))
            return redirect("cooperation:group_list")
    return render_form(
        request,
        form=form,
        title=_("Record why no cooperation group is needed"),
        group=None,
        cancel_url=reverse("cooperation:group_list"),
        intro=_(
            "A municipality appoints a group when its immigrants' service needs call for "
            "cooperation across sectors. Otherwise, record here why none is needed."
        ),
    )


@login_required
def membership_add(request, pk):
    group = selectors.group_get_for_user(user=request.user, pk=pk)
    require(request.user, "cooperation.manage_group", group)
    form = MembershipForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        organisation = data.pop("organisation")
        membership = run_service(
            form,
            lambda: services.membership_add(
                actor=request.user, group=group, organisation=organisation, data=data
            ),
        )
        if membership:
            messages.success(request, _("The member was added."))
            return redirect(f"{group_url(group)}#membership-{membership.pk}")
    return render_form(
        request,
        form=form,
        title=_("Add a member organisation"),
        group=group,
        cancel_url=group_url(group),
    )


@login_required
def representative_add(request, pk):
    membership = selectors.membership_get_for_user(user=request.user, pk=pk)
    group = membership.group
    require(request.user, "cooperation.manage_group", group)
    form = RepresentativeForm(request.POST or None, initial={"start_date": membership.start_date})
    if request.method == "POST" and form.is_valid():
        representative = run_service(
            form,
            lambda: services.representative_add(
                actor=request.user, membership=membership, data=form.model_data()
            ),
        )
        if representative:
            messages.success(request, _("The representative was added."))
            return redirect(f"{group_url(group)}#membership-{membership.pk}")
    return render_form(
        request,
        form=form,
        title=_("Add a representative: %(organisation)s")
        % {"organisation": membership.organisation},
        group=group,
        cancel_url=group_url(group),
        intro=_(
            "Only the name, title and work contact details are stored. The period must lie "
            "within the organisation's membership (%(start)s – %(end)s)."
        )
        % {
            "start": membership.start_date.isoformat(),
            "end": membership.end_date.isoformat() if membership.end_date else "",
        },
    )
