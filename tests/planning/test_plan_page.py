"""The plan page can be navigated: a table of contents made from the list of sections, the status
panels folded to one line each, and each part's action beside it."""

import re

import pytest
from django.urls import reverse

from kotoplan.planning.panels import PLAN_SECTIONS
from tests.helpers import page_text

pytestmark = pytest.mark.django_db


def _plan_page(client, user, plan) -> str:
    client.force_login(user)
    response = client.get(reverse("planning:plan_detail", args=[plan.pk]))
    assert response.status_code == 200
    return page_text(response)


def test_table_of_contents__links_every_section_and_panel(client, coordinator_a, draft_plan):
    page = _plan_page(client, coordinator_a, draft_plan)

    toc = re.search(r'<nav class="plan-toc" aria-labelledby="toc-title">(.*?)</nav>', page, re.S)
    assert toc is not None
    assert 'id="toc-title">Contents of the plan<' in page
    for section in PLAN_SECTIONS:
        assert f'href="#{section.key}"' in toc.group(1)
        assert f'id="{section.key}"' in page
    for key in ("readiness", "export_links"):
        assert f'href="#panel-{key}"' in toc.group(1)
        assert f'<details id="panel-{key}" class="panel-fold"' in page
    # the themes are listed under the objectives
    assert 'href="#theme-language_culture"' in toc.group(1)


def test_table_of_contents__a_new_section_is_one_entry(
    client, coordinator_a, draft_plan, monkeypatch
):
    from kotoplan.planning import panels

    extra = panels.PlanSection("plan-basics", "Decision trail", "planning/_plan_basics.html")
    monkeypatch.setattr(
        "kotoplan.planning.views.content.PLAN_SECTIONS", [*PLAN_SECTIONS, extra], raising=True
    )

    page = _plan_page(client, coordinator_a, draft_plan)

    assert ">Decision trail</a>" in page


def test_status_panels__folded_to_one_summary_line(client, coordinator_a, draft_plan):
    page = _plan_page(client, coordinator_a, draft_plan)

    folded = re.findall(r'<details id="panel-[a-z_]+" class="panel-fold"[^>]*>\s*<summary>', page)
    assert len(folded) >= 3
    assert "<details" in page
    assert 'class="panel-fold" data-panel="readiness" open' not in page
    assert '<span class="fold-title">Readiness</span>' in page
    assert '<span class="fold-title">Export</span><span class="fold-summary">Word, PDF' in page


def test_edit_links_beside_each_part__coordinator_not_viewer(
    client, coordinator_a, viewer_a, draft_plan
):
    page = _plan_page(client, coordinator_a, draft_plan)
    edit_basics = reverse("planning:plan_edit", args=[draft_plan.pk])
    edit_situation = reverse("planning:plan_situation", args=[draft_plan.pk])
    assert f'<a class="section-action" href="{edit_basics}">Edit' in page
    assert f'<a class="section-action" href="{edit_situation}">Edit' in page
    assert (
        'class="section-action" href="{}?theme='.format(
            reverse("planning:objective_new", args=[draft_plan.pk])
        )
        in page
    )

    viewer_page = _plan_page(client, viewer_a, draft_plan)
    assert 'class="section-action"' not in viewer_page
