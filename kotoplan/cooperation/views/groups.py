from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils.translation import gettext as _

from kotoplan.core.permissions import can, require, scope
from kotoplan.core.views import form_page

from .. import selectors, services
from ..forms import GroupForm, MembershipForm, NoGroupReasonForm, RepresentativeForm
from .common import FORM, MANAGE, group_form_page, group_url


@login_required
def group_list(request):
    return render(
        request,
        "cooperation/group_list.html",
        {
            "groups": selectors.groups_for_user(user=request.user),
            "reasons": selectors.no_group_reasons_for_user(user=request.user),
            "can_create": can(request.user, "cooperation.create_group"),
            "can_record_reason": can(request.user, "cooperation.record_no_group"),
        },
    )


@login_required
def group_detail(request, group_id):
    group = selectors.group_get_for_user(user=request.user, group_id=group_id)
    return render(
        request,
        "cooperation/group_detail.html",
        {
            "group": group,
            "manage": can(request.user, "cooperation.manage_group", group),
            "is_member": can(request.user, "cooperation.file_initiative", group),
            "memberships": selectors.group_members(group=group),
            "initiatives": selectors.initiatives_of(group=group),
            "meetings": group.meetings.all(),
            "plans": scope(request.user, "planning.view_plan", group.plans.all()),
            "coverage": selectors.group_coverage(group=group),
        },
    )


@login_required
def group_coverage(request, group_id):
    group = selectors.group_get_for_user(user=request.user, group_id=group_id)
    return render(
        request,
        "cooperation/coverage.html",
        {"group": group, "coverage": selectors.group_coverage(group=group)},
    )


@login_required
def group_create(request):
    require(request.user, "cooperation.create_group")
    return form_page(
        request,
        FORM,
        form=GroupForm(request.POST or None, user=request.user),
        call=lambda form: services.group_create(
            actor=request.user, data=form.model_data(), **form.m2m_data()
        ),
        success_message=_("The cooperation group was saved."),
        redirect_to=group_url,
        title=_("New cooperation group"),
        cancel_url=reverse("cooperation:group_list"),
    )


@login_required
def group_edit(request, group_id):
    group = selectors.group_get_for_user(user=request.user, group_id=group_id, action=MANAGE)
    return group_form_page(
        request,
        group,
        form=GroupForm(request.POST or None, instance=group, user=request.user),
        call=lambda form: services.group_update(
            actor=request.user,
            group=group,
            expected_version=form.cleaned_data["expected_version"] or 0,
            data=form.model_data(),
            **form.m2m_data(),
        ),
        success_message=_("Changes saved."),
        redirect_to=group_url,
        title=_("Edit the group"),
    )


@login_required
def no_group_reason(request):
    require(request.user, "cooperation.record_no_group")
    municipalities = selectors.municipalities_for_no_group_reason(user=request.user)
    return form_page(
        request,
        FORM,
        form=NoGroupReasonForm(request.POST or None, municipalities=municipalities),
        call=lambda form: services.no_group_reason_record(actor=request.user, **form.cleaned_data),
        success_message=_("The reason was recorded."),
        redirect_to=reverse("cooperation:group_list"),
        title=_("Record why no cooperation group is needed"),
        cancel_url=reverse("cooperation:group_list"),
        intro=_(
            "A municipality appoints a group when its immigrants' service needs call for "
            "cooperation across sectors. Otherwise, record here why none is needed."
        ),
    )


def _membership_url(membership) -> str:
    return group_url(membership.group, f"membership-{membership.pk}")


@login_required
def membership_add(request, group_id):
    group = selectors.group_get_for_user(user=request.user, group_id=group_id, action=MANAGE)
    return group_form_page(
        request,
        group,
        form=MembershipForm(request.POST or None),
        call=lambda form: services.membership_add(
            actor=request.user,
            group=group,
            organisation=form.cleaned_data["organisation"],
            data=form.model_data(),
        ),
        success_message=_("The member was added."),
        redirect_to=_membership_url,
        title=_("Add a member organisation"),
    )


@login_required
def representative_add(request, membership_id):
    membership = selectors.membership_get_for_user(user=request.user, membership_id=membership_id)
    require(request.user, MANAGE, membership.group)
    return group_form_page(
        request,
        membership.group,
        form=RepresentativeForm(
            request.POST or None, initial={"start_date": membership.start_date}
        ),
        call=lambda form: services.representative_add(
            actor=request.user, membership=membership, data=form.model_data()
        ),
        success_message=_("The representative was added."),
        redirect_to=lambda _representative: _membership_url(membership),
        title=_("Add a representative: %(organisation)s")
        % {"organisation": membership.organisation},
        intro=_(
            "Only the name, title and work contact details are stored. The period must lie "
            "within the organisation's membership (%(start)s – %(end)s)."
        )
        % {
            "start": membership.start_date.isoformat(),
            "end": membership.end_date.isoformat() if membership.end_date else "",
        },
    )
