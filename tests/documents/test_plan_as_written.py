"""A plan as municipalities write it, entered through the Finnish forms: a period pasted from
Word, its own chapters (painopistealueet) in their order, objectives serving several statutory
themes, worded targets without a unit, year-only, term and ongoing schedules. It comes out
whole in DOCX, PDF, the public page and StratML, and a StratML round trip loses none of it."""

import io

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation
from docx import Document
from pypdf import PdfReader

from kotoplan.planning.models import Indicator, Measure, Objective, Plan, PlanChapter
from tests.helpers import form_data, page_text
from tests.planning.support import adopt

pytestmark = pytest.mark.django_db

WORDED = "laskee ja lähestyy väestön keskiarvoa"
CHAPTERS = ["Osaaminen ja työllisyys", "Hyvinvointi ja yhdenvertaisuus"]


@pytest.fixture
def finnish(client, coordinator_a):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fi"
    client.force_login(coordinator_a)
    with translation.override("fi"):
        yield client


def _post_form(client, url: str, **changes):
    """Open the form, fill it as a browser would, post it; the reply must be a redirect."""
    form = client.get(url).context["form"]
    response = client.post(url, form_data(form, **changes))
    assert response.status_code == 302, page_text(response)
    return response


def _enter_plan(client, municipality, organisation, themes) -> Plan:
    _post_form(
        client,
        reverse("planning:plan_create"),
        lead_municipality=str(municipality.pk),
        title_fi="Kotoutumisen edistämisen ohjelma",
        period_start="2024\u00a0–\u00a02027",  # pasted from Word, end input left empty
        period_end="",
    )
    plan = Plan.objects.get(title_fi="Kotoutumisen edistämisen ohjelma")
    for title in reversed(CHAPTERS):  # written in the wrong order, then moved
        _post_form(client, reverse("planning:chapter_new", args=[plan.pk]), title_fi=title)
    second = PlanChapter.objects.get(plan=plan, title_fi=CHAPTERS[0])
    client.post(reverse("planning:chapter_move", args=[second.pk, "up"]))
    work, wellbeing = (PlanChapter.objects.get(plan=plan, title_fi=t) for t in CHAPTERS)

    objective_url = reverse("planning:objective_new", args=[plan.pk])
    _post_form(
        client,
        objective_url,
        theme=str(themes["employment_education"].pk),
        additional_themes=[str(themes["language_culture"].pk)],
        chapter=str(work.pk),
        title_fi="Maahanmuuttajien työllisyys paranee",
    )
    _post_form(
        client,
        objective_url,
        theme=str(themes["wellbeing_health_housing"].pk),
        additional_themes=[str(themes["inclusion_equality"].pk), str(themes["good_relations"].pk)],
        chapter=str(wellbeing.pk),
        title_fi="Hyvinvointierot kapenevat",
    )
    jobs = Objective.objects.get(plan=plan, title_fi="Maahanmuuttajien työllisyys paranee")
    health = Objective.objects.get(plan=plan, title_fi="Hyvinvointierot kapenevat")
    for objective, title, schedule in [
        (jobs, "Työnhakuklubi", "2025"),
        (jobs, "Kielikahvila", "jatkuva"),
        (health, "Terveysneuvonta", "syksy 2025"),
    ]:
        _post_form(
            client,
            reverse("planning:measure_new", args=[objective.pk]),
            title_fi=title,
            responsible_organisation=str(organisation.pk),
            schedule_text=schedule,
        )
    _post_form(
        client,
        reverse("planning:indicator_new", args=[health.pk]),
        name_fi="Pitkäaikaistyöttömien osuus",
        unit="",
        target_text_fi=WORDED,
        target_year="2027",
    )
    return plan


def _docx_text(content: bytes) -> str:
    document = Document(io.BytesIO(content))
    cells = [c.text for t in document.tables for row in t.rows for c in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_real_plan_entered_in_finnish__exports_and_stratml_round_trip_lose_nothing(
    finnish, coordinator_a, municipality_a, organisation_a, themes
):
    plan = _enter_plan(finnish, municipality_a, organisation_a, themes)

    assert (plan.period_start, plan.period_end) == (2024, 2027)
    assert list(plan.chapters.values_list("title_fi", flat=True)) == CHAPTERS
    indicator = Indicator.objects.get(objective__plan=plan)
    assert indicator.unit == ""
    assert indicator.target_text_fi == WORDED

    page = page_text(finnish.get(reverse("planning:plan_detail", args=[plan.pk])))
    body = page[page.index('id="themes"') :]  # the objectives, by chapter
    assert body.index(CHAPTERS[0]) < body.index("Työnhakuklubi") < body.index(CHAPTERS[1])
    assert body.index(CHAPTERS[1]) < body.index("Terveysneuvonta")
    assert "Teema: Hyvinvointi, terveys ja asuminen; lisäksi:" in " ".join(body.split())
    assert WORDED in body
    assert "<td>jatkuva" in body
    assert "<td>syksy 2025" in body

    adopt(plan, coordinator_a)

    docx = _docx_text(finnish.get(f"/documents/plans/{plan.pk}/plan.docx?lang=fi").content)
    for text in [*CHAPTERS, WORDED, "2025", "jatkuva", "syksy 2025", "Lakisääteinen teema"]:
        assert text in docx, text
    assert docx.index(CHAPTERS[0]) < docx.index(CHAPTERS[1])

    pdf = finnish.get(f"/documents/plans/{plan.pk}/plan.pdf?lang=fi").content
    pdf_text = " ".join(
        " ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf)).pages
    )
    for text in [*CHAPTERS, WORDED, "jatkuva", "syksy 2025"]:
        assert text in pdf_text, text

    public = finnish.get(f"/documents/public/{municipality_a.code}/2024-2027/")
    public_page = page_text(public)
    assert public.status_code == 200
    for text in [*CHAPTERS, WORDED, "jatkuva", "syksy 2025"]:
        assert text in public_page, text

    stratml = finnish.get(f"/documents/plans/{plan.pk}/stratml.xml?lang=fi").content
    response = finnish.post(
        "/documents/import/stratml/",
        {
            "lead_municipality": municipality_a.pk,
            "language": "fi",
            "file": SimpleUploadedFile("plan.xml", stratml, content_type="application/xml"),
        },
    )
    assert response.status_code == 302, page_text(response)
    copy = Plan.objects.exclude(pk=plan.pk).get()

    assert (copy.period_start, copy.period_end) == (2024, 2027)
    assert list(copy.chapters.values_list("title_fi", flat=True)) == CHAPTERS
    assert _objectives(copy) == _objectives(plan)
    assert _measures(copy) == _measures(plan)
    copied = Indicator.objects.get(objective__plan=copy)
    assert (copied.unit, copied.target_text_fi, copied.target_year) == ("", WORDED, 2027)


def _objectives(plan) -> dict:
    return {
        o.title_fi: (
            o.theme.code,
            sorted(t.code for t in o.additional_themes.all()),
            o.chapter.title_fi,
        )
        for o in Objective.objects.filter(plan=plan)
    }


def _measures(plan) -> list:
    measures = Measure.objects.filter(objective__plan=plan).order_by(*Measure.SCHEDULE_ORDER)
    return [(m.title_fi, m.schedule_text, m.schedule_ongoing) for m in measures]
