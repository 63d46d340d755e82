"""Helpers shared by the cooperation views."""

from django.shortcuts import render


def render_form(request, *, form, title: str, group, cancel_url: str, intro: str = ""):
    """The one page layout of every cooperation form."""
    return render(
        request,
        "cooperation/form.html",
        {"form": form, "title": title, "group": group, "cancel_url": cancel_url, "intro": intro},
    )
