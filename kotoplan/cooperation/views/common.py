"""Helpers shared by the cooperation views: the address of a group's page and the one layout
of the register's edit pages."""

from kotoplan.core.views import form_page, page_url

FORM = "cooperation/form.html"  # title, intro, the form; optionally group, submit_label, hidden
MANAGE = "cooperation.manage_group"


def group_url(group, anchor: str = "") -> str:
    return page_url("cooperation:group_detail", group.pk, anchor=anchor)


def group_form_page(request, group, **page):
    """An edit page about the group, with Cancel leading back to the group's page."""
    return form_page(request, FORM, group=group, cancel_url=group_url(group), **page)
