"""Public plan pages and open data: adopted plans only, no login, readable by csv/json parsers."""

import csv
import io
import json
from datetime import date

import pytest

from kotoplan.documents.models import PlainLanguageSummary
from kotoplan.planning.models import Plan
from tests.support.queries import read

pytestmark = pytest.mark.django_db


@pytest.fixture
def adopted(rich_plan):
    Plan.objects.filter(pk=rich_plan.pk).update(
        state=Plan.State.ADOPTED, decision_date=date(2026, 3, 2), languages=["fi", "sv"]
    )
    rich_plan.refresh_from_db()
    return rich_plan


def test_public_page__adopted_plan_is_readable_without_login(client, adopted):
    client.cookies.pop("django_language", None)  # no language chosen: the plan's first one
    response = client.get("/documents/public/049/2026-2029/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert adopted.title_fi in html
    assert "Työnhakuklubi kolmella kielellä" in html
    assert '<th scope="col">' in html
    assert 'href="?lang=sv"' in html
    assert "document.css" in html
    assert "Yhdessä: Nuorisopalvelut" in html  # a co-responsible party beside the lead


def test_public_page__in_the_language_the_visitor_chose(client, adopted):
    client.cookies["django_language"] = "sv"  # the language switch of any page
    html = client.get("/documents/public/049/2026-2029/").content.decode()
    assert '<html lang="sv">' in html
    assert adopted.title_sv in html
    assert (
        '<html lang="fi">'
        in client.get("/documents/public/049/2026-2029/?lang=fi").content.decode()
    )


def test_public_page__swedish_version_and_plain_language_summary(client, adopted):
    PlainLanguageSummary.objects.create(plan=adopted, text_sv="Kort och enkelt om planen.")
    response = client.get("/documents/public/049/2026-2029/?lang=sv")
    html = response.content.decode()
    assert '<html lang="sv">' in html
    assert adopted.title_sv in html
    assert "Kort och enkelt om planen." in html
    assert response["Content-Language"] == "sv"


def test_public_page__english_interface_with_texts_falling_back_marked(client, adopted):
    """Any of fi/sv/en can be chosen; texts the plan lacks in it come in the plan's first
    language, marked with their own `lang`."""
    adopted.title_en = ""
    adopted.save(update_fields=["title_en"])
    html = client.get("/documents/public/049/2026-2029/?lang=en").content.decode()
    assert '<html lang="en">' in html
    assert f'<h1 lang="fi">{adopted.title_fi}</h1>' in html


def test_public_page__language_switch_keeps_the_page_and_offers_the_pdf(client, adopted):
    html = client.get("/documents/public/049/2026-2029/?lang=sv").content.decode()
    for code in ("fi", "sv", "en"):
        assert f'href="?lang={code}" lang="{code}" hreflang="{code}"' in html
    assert 'hreflang="sv" aria-current="true"' in html
    assert 'href="/documents/public/049/2026-2029/plan.pdf?lang=sv"' in html


def test_public_page__contents_link_every_section(client, adopted):
    html = client.get("/documents/public/049/2026-2029/").content.decode()
    assert '<nav class="plan-toc document-contents" aria-labelledby="contents-title">' in html
    for anchor in ("basics-title", "situation-title", "objectives-title", "decision-title"):
        assert f'href="#{anchor}"' in html
        assert f'id="{anchor}"' in html


def test_public_pdf__adopted_plan_as_pdf_without_login(client, adopted):
    response = client.get("/documents/public/049/2026-2029/plan.pdf?lang=sv")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    assert response["Content-Disposition"].endswith('-sv.pdf"')


@pytest.mark.parametrize("state", ["draft", "consultation", "superseded"])
def test_public_pdf__unpublished_plans_are_never_public(client, rich_plan, state):
    Plan.objects.filter(pk=rich_plan.pk).update(state=state)
    assert client.get("/documents/public/049/2026-2029/plan.pdf").status_code == 404


@pytest.mark.parametrize("state", ["draft", "consultation", "awaiting_decision", "superseded"])
def test_public_page__unpublished_plans_are_never_public(client, rich_plan, state, admin_user):
    Plan.objects.filter(pk=rich_plan.pk).update(state=state)
    assert client.get("/documents/public/049/2026-2029/").status_code == 404
    client.force_login(admin_user)
    assert client.get("/documents/public/049/2026-2029/").status_code == 404


def test_public_page__unknown_municipality_or_period_is_404(client, adopted):
    assert client.get("/documents/public/999/2026-2029/").status_code == 404
    assert client.get("/documents/public/049/2025-2028/").status_code == 404


def _csv(response) -> list[dict]:
    raw = read(response)
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_open_data_csv__only_adopted_plans_excel_friendly(client, adopted, adopted_plan, themes):
    draft = Plan.objects.create(
        lead_municipality=adopted.lead_municipality, period_start=2030, period_end=2033
    )
    plans = _csv(client.get("/documents/open-data/plans.csv"))
    ids = {int(row["plan_id"]) for row in plans}
    assert ids == {adopted.pk, adopted_plan.pk}
    assert draft.pk not in ids
    row = next(r for r in plans if int(r["plan_id"]) == adopted.pk)
    assert row["title_fi"] == adopted.title_fi
    assert row["measures"] == "3"
    assert row["public_url"].endswith("/documents/public/049/2026-2029/")
    measures = _csv(client.get("/documents/open-data/measures.csv"))
    club = next(r for r in measures if r["measure_title_fi"] == "Työnhakuklubi kolmella kielellä")
    assert club["schedule_start"] == "2026-09-01"
    dialogue = next(r for r in measures if r["co_responsible_parties"])
    assert "Nuorisopalvelut" in dialogue["co_responsible_parties"]
    indicators = _csv(client.get("/documents/open-data/049/indicators.csv"))
    assert {r["baseline_value"] for r in indicators} == {"40"}


def test_open_data_csv__typed_text_never_runs_as_a_formula(client, adopted, themes):
    Plan.objects.filter(pk=adopted.pk).update(title_fi="@SUM(1+1)*cmd|' /C calc'!A0")
    plans = _csv(client.get("/documents/open-data/plans.csv"))
    row = next(r for r in plans if int(r["plan_id"]) == adopted.pk)
    assert row["title_fi"] == "'@SUM(1+1)*cmd|' /C calc'!A0"


def test_open_data_json__versioned_schema_nationwide_and_per_municipality(
    client, adopted, municipality_b
):
    document = json.loads(read(client.get("/documents/open-data/plans.json")))
    assert document["schema"] == "kotoplan-open-data"
    assert document["schema_version"] == "1.2"
    [plan] = document["plans"]
    assert plan["municipality_codes"] == ["049"]
    assert len(plan["measures"]) == 3
    assert plan["indicators"][0]["target_value"] == 55
    other = json.loads(read(client.get("/documents/open-data/179/plans.json")))
    assert other["plans"] == []
    assert client.get("/documents/open-data/999/plans.json").status_code == 404
    assert client.get("/documents/open-data/secrets.csv").status_code == 404


def test_open_data_index_lists_published_plans(client, adopted):
    response = client.get("/documents/open-data/")
    assert response.status_code == 200
    assert "/documents/public/049/2026-2029/" in response.content.decode()


def test_open_data_needs_a_constant_number_of_queries(
    client, adopted, adopted_plan, django_assert_max_num_queries
):
    with django_assert_max_num_queries(24):  # the first download makes and stores the file
        assert client.get("/documents/open-data/plans.json").status_code == 200
    with django_assert_max_num_queries(6):  # later ones come from the store
        assert client.get("/documents/open-data/plans.json").status_code == 200


def test_open_data_nationwide__stored_and_made_again_after_a_change(client, adopted, coordinator_a):
    """The nationwide files come from the store; a change to a plan's content makes them
    again (tasks run at once here, so the next download already has it)."""
    from kotoplan.core.models import StoredExport

    first = client.get("/documents/open-data/measures.csv")
    again = client.get("/documents/open-data/measures.csv")
    assert first.status_code == 200
    assert first["Access-Control-Allow-Origin"] == "*"
    assert again.content == first.content
    assert StoredExport.objects.filter(kind="open_data_measures_csv").count() == 1

    _retitle_a_measure(adopted, coordinator_a, "Avoin data päivittyy")

    changed = client.get("/documents/open-data/measures.csv")
    assert "Avoin data päivittyy" in changed.content.decode("utf-8-sig")
    assert StoredExport.objects.filter(kind="open_data_measures_csv").count() == 1


def test_public_page__kept_once_rendered_and_made_anew_after_an_edit_or_a_new_summary(
    client, adopted, coordinator_a, django_assert_max_num_queries
):
    """The plan part of the page is rendered once per content and language: the next visitor
    gets it with a handful of queries, and an edit of the content or of the plain language
    summary shows at once."""

    url = "/documents/public/049/2026-2029/?lang=fi"
    first = client.get(url).content.decode()
    with django_assert_max_num_queries(6):
        again = client.get(url).content.decode()
    assert again == first
    assert '<html lang="sv">' in client.get(url.replace("fi", "sv")).content.decode()

    _retitle_a_measure(adopted, coordinator_a, "Kielikahvilat joka kirjastossa")
    assert "Kielikahvilat joka kirjastossa" in client.get(url).content.decode()

    PlainLanguageSummary.objects.create(plan=adopted, text_fi="Suunnitelma lyhyesti ja selkeästi.")
    assert "Suunnitelma lyhyesti ja selkeästi." in client.get(url).content.decode()


def _retitle_a_measure(plan, coordinator, title: str) -> None:
    """An audited edit of the adopted plan's content (reopened for the edit, adopted again)."""
    from kotoplan.planning.models import Measure
    from kotoplan.planning.services import content_update

    measure = Measure.objects.filter(objective__plan=plan).first()
    Plan.objects.filter(pk=plan.pk).update(state=Plan.State.DRAFT)
    content_update(
        actor=coordinator, obj=measure, expected_version=measure.version, data={"title_fi": title}
    )
    Plan.objects.filter(pk=plan.pk).update(state=Plan.State.ADOPTED)
