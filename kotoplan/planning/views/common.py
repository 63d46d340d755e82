"""Helpers shared by the planning views: turn domain errors into form messages."""

from django.http import HttpResponseRedirect
from django.urls import reverse


def plan_url(plan, anchor: str = "") -> str:
    url = reverse("planning:plan_detail", args=[plan.pk])
    return f"{url}#{anchor}" if anchor else url


def redirect_to(url: str) -> HttpResponseRedirect:
    return HttpResponseRedirect(url)
