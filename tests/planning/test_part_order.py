"""Parts keep an order of their own without a typed number: a new part comes last, and the
coordinator moves parts up or down with buttons beside them (plain forms, no script)."""

import re

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from kotoplan.documents.selectors import plan_document
from kotoplan.planning import services
from kotoplan.planning.models import Measure, Objective
from tests.factories.planning import ObjectiveFactory, PlanChapterFactory


def _rows_in_page_order(html: str, measures) -> list:
    return sorted(measures, key=lambda m: html.index(f'id="measure-{m.pk}"'))


def test_measure_form__has_no_order_number_and_new_measure_comes_last(
    client, coordinator_a, objective, owned_measure, other_measure
):
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    url = reverse("planning:measure_new", args=[objective.pk])
    page = client.get(url).content.decode()
    assert 'name="order"' not in page
    response = client.post(url, {"title_fi": "Kielikahvila kirjastossa", "status": "planned"})
    assert response.status_code == 302, response.content.decode()[:2000]
    new = Measure.objects.get(title_fi="Kielikahvila kirjastossa")
    assert list(objective.measures.order_by("order", "pk"))[-1] == new


def test_move_buttons__reorder_measures_on_the_plan_page(
    client, coordinator_a, draft_plan, objective, owned_measure, other_measure
):
    services.part_move(actor=coordinator_a, part=owned_measure, up=True)  # numbers them 1…n
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    page = client.get(reverse("planning:plan_detail", args=[draft_plan.pk])).content.decode()
    first, second = owned_measure, other_measure
    assert _rows_in_page_order(page, [first, second]) == [first, second]
    assert "Siirrä alemmas" in page
    response = client.post(
        reverse("planning:part_move", args=["measure", owned_measure.pk, "down"])
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"#measure-{owned_measure.pk}")
    page = client.get(reverse("planning:plan_detail", args=[draft_plan.pk])).content.decode()
    assert _rows_in_page_order(page, [first, second]) == [second, first]
    assert "Järjestys muutettiin." in page


def test_move__objectives_move_within_their_theme(coordinator_a, draft_plan, objective, themes):
    other_theme = ObjectiveFactory(plan=draft_plan, theme=themes["language_culture"])
    second = ObjectiveFactory(plan=draft_plan, theme=objective.theme, title_en="Second")
    services.part_move(actor=coordinator_a, part=second, up=True)
    ordered = list(Objective.objects.filter(plan=draft_plan, theme=objective.theme))
    assert ordered == [second, objective]
    other_theme.refresh_from_db()
    assert other_theme.order in (0, 1)  # untouched by a move in another theme


def test_move__objectives_under_a_chapter_move_within_it_on_the_page_and_in_print(
    client, coordinator_a, draft_plan, objective, themes
):
    """A plan read by its own chapters (priority areas): an objective moves among the objectives
    of its chapter, whatever their themes; the move is audited and the print keeps the order."""
    chapter, other_chapter = PlanChapterFactory.create_batch(2, plan=draft_plan)
    objective.chapter = chapter
    objective.save()
    language = ObjectiveFactory(
        plan=draft_plan, theme=themes["language_culture"], chapter=chapter, title_en="Language"
    )
    elsewhere = ObjectiveFactory(plan=draft_plan, theme=objective.theme, chapter=other_chapter)
    client.cookies["django_language"] = "fi"
    client.force_login(coordinator_a)
    plan_url = reverse("planning:plan_detail", args=[draft_plan.pk])

    def page_order():
        html = client.get(plan_url).content.decode()
        return sorted([objective, language], key=lambda o: html.index(f'id="objective-{o.pk}"'))

    untouched = elsewhere.order
    first, second = page_order()
    page = client.get(plan_url).content.decode()
    toc = page[
        page.index('class="plan-toc"') : page.index("</nav>", page.index('class="plan-toc"'))
    ]
    assert f'href="#chapter-{chapter.pk}"' in toc
    assert [a for a in re.findall(r'href="#([\w-]+)"', toc) if f'id="{a}"' not in page] == []
    section = page[page.index(f'id="chapter-{chapter.pk}"') :]
    assert reverse("planning:part_move", args=["objective", second.pk, "up"]) in section
    response = client.post(reverse("planning:part_move", args=["objective", second.pk, "up"]))
    assert response.status_code == 302

    assert page_order() == [second, first]
    printed = plan_document(plan=draft_plan, language="en").chapters[0].objectives
    assert [str(o.title) for o in printed] == [second.title_en, first.title_en]
    elsewhere.refresh_from_db()
    assert elsewhere.order == untouched  # another chapter's objectives stay where they were
    assert any("order" in entry.changes_dict for entry in LogEntry.objects.get_for_object(second))


@pytest.mark.parametrize("who", ["contributor", "coordinator_b", "viewer_a"])
def test_move__only_the_plans_coordinators(
    request, client, who, objective, owned_measure, other_measure
):
    services.part_move(actor=request.getfixturevalue("coordinator_a"), part=owned_measure, up=True)
    client.force_login(request.getfixturevalue(who))
    client.post(reverse("planning:part_move", args=["measure", owned_measure.pk, "down"]))
    owned_measure.refresh_from_db()
    assert owned_measure.order == 1


def test_move__unknown_kind_or_direction_is_not_found(client, coordinator_a, indicator):
    client.force_login(coordinator_a)
    assert (
        client.post(
            reverse("planning:part_move", args=["indicator", indicator.pk, "up"])
        ).status_code
        == 404
    )
    assert (
        client.post(
            reverse("planning:part_move", args=["measure", indicator.measure_id, "sideways"])
        ).status_code
        == 404
    )
