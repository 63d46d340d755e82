"""Plans as municipalities write them, through the Finnish forms: periods typed or pasted in any
way, worded targets, schedules as text, the plan's own chapters and objectives serving several
statutory themes; copied into new versions and compared."""

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from kotoplan.core.errors import DomainError
from kotoplan.planning.models import Indicator, Measure, Objective, Plan, PlanChapter
from kotoplan.planning.selectors import plan_compare
from kotoplan.planning.services import content_update, plan_new_version
from tests.factories.planning import (
    IndicatorFactory,
    MeasureFactory,
    ObjectiveFactory,
    PlanChapterFactory,
)
from tests.helpers import form_data, page_text
from tests.planning.support import adopt

NBSP = "\u00a0"


@pytest.fixture
def finnish(client, coordinator_a):
    """The coordinator's browser, in the Finnish interface (the default)."""
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(coordinator_a)
    with translation.override("fi"):
        yield client


def _form(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.context["form"]


def _create(client, municipality, start: str, end: str):
    url = reverse("planning:plan_create")
    data = form_data(
        _form(client, url),
        lead_municipality=str(municipality.pk),
        title_fi="Kotoutumisohjelma",
        period_start=start,
        period_end=end,
    )
    return client.post(url, data)


# --- periods ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "end"),
    [
        ("2022–2025", ""),
        ("2022-2025", ""),
        ("2022 — 2025", ""),
        (f"2022{NBSP}–{NBSP}2025", ""),
        ("2022–2025", "2025"),
        ("2022", "2025"),
        ("2022", "2022–2025"),
    ],
)
def test_plan_create_takes_the_period_as_typed__dash_spaces_or_two_inputs(
    finnish, municipality_a, start, end
):
    """The period typed with an en dash, a hyphen, an em dash or pasted from Word, in one input
    or both, is saved as its years."""
    response = _create(finnish, municipality_a, start, end)

    assert response.status_code == 302
    plan = Plan.objects.get()
    assert (plan.period_start, plan.period_end) == (2022, 2025)


@pytest.mark.parametrize("typed", ["22–25", "2022–25", "22"])
def test_plan_create_refuses_two_digit_years__message_quotes_the_input(
    finnish, municipality_a, typed
):
    """Two-digit years are refused at the field, quoting exactly what was typed."""
    response = _create(finnish, municipality_a, typed, "")

    page = page_text(response)
    assert response.status_code == 200
    assert escape(f"”{typed}”: kirjoita vuodet nelinumeroisina") in page
    assert 'id="id_period_start_error"' in page
    assert not Plan.objects.exists()


def test_plan_create_refuses_a_period_contradicted_by_the_end_year__both_quoted(
    finnish, municipality_a
):
    response = _create(finnish, municipality_a, "2022–2025", "2026")

    page = page_text(response)
    assert escape("Edellä kirjoitettu ”2022–2025” päättyy vuonna 2025, ei vuonna 2026.") in page
    assert 'id="id_period_end_error"' in page
    assert not Plan.objects.exists()


def test_plan_create_asks_for_the_end__one_year_only(finnish, municipality_a):
    response = _create(finnish, municipality_a, "2022", "")

    assert "Anna kauden päättymisvuosi" in page_text(response)
    assert not Plan.objects.exists()


def test_plan_edit_takes_the_whole_period_in_the_first_input(finnish, draft_plan):
    url = reverse("planning:plan_edit", args=[draft_plan.pk])
    data = form_data(_form(finnish, url), period_start="2027 – 2030", period_end="")

    response = finnish.post(url, data)

    assert response.status_code == 302
    draft_plan.refresh_from_db()
    assert (draft_plan.period_start, draft_plan.period_end) == (2027, 2030)


# --- worded targets ---------------------------------------------------------------------------


def test_indicator_with_a_worded_target_needs_no_unit(finnish, objective):
    url = reverse("planning:indicator_new", args=[objective.pk])
    data = form_data(
        _form(finnish, url),
        name_fi="Työttömien osuus",
        unit="",
        target_text_fi="laskee ja lähestyy väestön keskiarvoa",
    )

    response = finnish.post(url, data)

    assert response.status_code == 302
    indicator = Indicator.objects.get(name_fi="Työttömien osuus")
    assert indicator.unit == ""
    plan_page = page_text(finnish.get(reverse("planning:plan_detail", args=[objective.plan_id])))
    assert "laskee ja lähestyy väestön keskiarvoa" in plan_page


def test_indicator_with_a_target_value_needs_its_unit(finnish, objective):
    url = reverse("planning:indicator_new", args=[objective.pk])
    data = form_data(
        _form(finnish, url),
        name_fi="Työllisyysaste",
        unit="",
        target_value="60",
        target_year="2028",
    )

    response = finnish.post(url, data)

    page = page_text(response)
    assert response.status_code == 200
    assert "Anna lähtötason tai tavoitetason yksikkö" in page
    assert 'id="id_unit_error"' in page
    assert not Indicator.objects.filter(name_fi="Työllisyysaste").exists()


# --- schedules --------------------------------------------------------------------------------


@pytest.mark.parametrize("schedule", ["2025", "2025–2027", "jatkuva", "syksy 2025", "kevät 2026"])
def test_measure_schedule_is_saved_and_shown_as_written(finnish, objective, schedule):
    url = reverse("planning:measure_new", args=[objective.pk])
    data = form_data(_form(finnish, url), title_fi="Kielikahvila", schedule_text=schedule)

    assert finnish.post(url, data).status_code == 302

    measure = Measure.objects.get(title_fi="Kielikahvila")
    assert measure.schedule_text == schedule
    assert measure.schedule.recognised
    page = page_text(finnish.get(reverse("planning:plan_detail", args=[objective.plan_id])))
    assert f"<td>{schedule}" in page


def test_measure_schedule_not_recognised__kept_with_a_gentle_hint(finnish, objective):
    measure = MeasureFactory(objective=objective, title_fi="Pajatoiminta", schedule_text="pian")

    page = page_text(finnish.get(reverse("planning:content_edit", args=["measure", measure.pk])))

    assert 'value="pian"' in page
    assert "Kotoplan ei tunnista tätä aikataulua" in page
    assert measure.schedule_rank == 2  # listed after the dated and the ongoing ones


def test_measures_sort_by_schedule__years_then_ongoing_then_unrecognised(objective):
    for title, schedule in [("a", "pian"), ("b", "jatkuva"), ("c", "2026"), ("d", "syksy 2025")]:
        MeasureFactory(objective=objective, title_fi=title, schedule_text=schedule)

    ordered = Measure.objects.filter(objective=objective).order_by(*Measure.SCHEDULE_ORDER)

    assert [m.title_fi for m in ordered if m.title_fi in "abcd"] == ["d", "c", "b", "a"]


# --- chapters and additional themes -----------------------------------------------------------


def test_chapters_are_added_renamed_and_reordered_with_buttons(finnish, draft_plan):
    for title in ("Työ", "Hyvinvointi", "Osallisuus"):
        url = reverse("planning:chapter_new", args=[draft_plan.pk])
        assert finnish.post(url, form_data(_form(finnish, url), title_fi=title)).status_code == 302
    last = PlanChapter.objects.get(title_fi="Osallisuus")

    finnish.post(reverse("planning:chapter_move", args=[last.pk, "up"]))
    rename = reverse("planning:content_edit", args=["chapter", last.pk])
    finnish.post(rename, form_data(_form(finnish, rename), title_fi="Osallisuus ja vaikuttaminen"))

    titles = list(draft_plan.chapters.values_list("title_fi", flat=True))
    assert titles == ["Työ", "Osallisuus ja vaikuttaminen", "Hyvinvointi"]
    page = page_text(finnish.get(reverse("planning:plan_detail", args=[draft_plan.pk])))
    assert "Luvut ja painopistealueet" in page
    assert "Siirrä ylemmäs" in page
    assert 'name="order"' not in page


def test_objective_form_picks_chapter_and_additional_themes(finnish, draft_plan, themes):
    chapter = PlanChapterFactory(plan=draft_plan, title_fi="Painopiste 1")
    url = reverse("planning:objective_new", args=[draft_plan.pk])
    data = form_data(
        _form(finnish, url),
        theme=str(themes["employment_education"].pk),
        additional_themes=[
            str(themes["employment_education"].pk),  # the primary one is not kept twice
            str(themes["good_relations"].pk),
        ],
        chapter=str(chapter.pk),
        title_fi="Kieli avaa ovia",
    )

    assert finnish.post(url, data).status_code == 302

    objective = Objective.objects.get(title_fi="Kieli avaa ovia")
    assert objective.chapter == chapter
    assert [t.code for t in objective.additional_themes.all()] == ["good_relations"]
    glance = page_text(finnish.get(reverse("planning:plan_detail", args=[draft_plan.pk])))
    assert "1 muu tavoite lisäteemana" in glance


def test_objective_chapter_of_another_plan_is_refused(coordinator_a, draft_plan, adopted_plan):
    objective = ObjectiveFactory(plan=draft_plan)
    foreign = PlanChapterFactory(plan=adopted_plan)

    with pytest.raises(DomainError, match="another plan"):
        content_update(
            actor=coordinator_a,
            obj=objective,
            expected_version=objective.version,
            data={"chapter": foreign},
        )


def test_viewer_cannot_move_a_chapter(client, viewer_a, draft_plan):
    first, second = PlanChapterFactory(plan=draft_plan), PlanChapterFactory(plan=draft_plan)
    client.force_login(viewer_a)

    response = client.post(reverse("planning:chapter_move", args=[second.pk, "up"]))

    assert response.status_code in (403, 404)
    assert list(draft_plan.chapters.all()) == [first, second]


# --- new versions and comparison --------------------------------------------------------------


def test_new_version_copies_chapters_themes_targets_and_schedules(
    coordinator_a, draft_plan, themes, organisation_a
):
    chapter = PlanChapterFactory(plan=draft_plan, title_fi="Osaaminen")
    objective = ObjectiveFactory(
        plan=draft_plan, theme=themes["employment_education"], chapter=chapter
    )
    objective.additional_themes.set([themes["language_culture"]])
    MeasureFactory(
        objective=objective, responsible_organisation=organisation_a, schedule_text="jatkuva"
    )
    IndicatorFactory(
        objective=objective,
        unit="",
        baseline_value=None,
        target_value=None,
        target_text_fi="paranee",
    )
    adopted = adopt(Plan.objects.get(pk=draft_plan.pk), coordinator_a)

    new = plan_new_version(actor=coordinator_a, plan=adopted)

    copied = Objective.objects.get(plan=new)
    assert copied.chapter.plan == new
    assert copied.chapter.title_fi == "Osaaminen"
    assert [t.code for t in copied.additional_themes.all()] == ["language_culture"]
    assert Measure.objects.get(objective=copied).schedule_text == "jatkuva"
    assert Measure.objects.get(objective=copied).schedule_ongoing
    assert Indicator.objects.get(objective=copied).target_text_fi == "paranee"
    _plan_changes, parts = plan_compare(older=adopted, newer=new)
    assert parts == []  # the copy differs in nothing: chapters are compared by title

    chapter_copy = copied.chapter
    content_update(
        actor=coordinator_a,
        obj=chapter_copy,
        expected_version=chapter_copy.version,
        data={"title_fi": "Osaaminen ja työ"},
    )
    indicator = Indicator.objects.get(objective=copied)
    content_update(
        actor=coordinator_a,
        obj=indicator,
        expected_version=indicator.version,
        data={"target_text_fi": "paranee selvästi"},
    )
    _plan_changes, parts = plan_compare(older=adopted, newer=new)
    changed = {(p.kind, str(f[0])) for p in parts for f in p.fields}
    assert ("chapter", "Title in Finnish") in changed
    assert ("objective", "Chapter") in changed
    assert ("indicator", "Worded target (Finnish)") in changed
