"""StratML Part 2: exports validate against the official schema; a round trip loses nothing."""

import pytest
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from lxml import etree

from kotoplan.documents.errors import ImportRejected
from kotoplan.documents.exporters.stratml import NS, plan_stratml, schema
from kotoplan.documents.importers.stratml import stratml_read
from kotoplan.documents.services import plan_draft_write
from kotoplan.planning.models import Plan

pytestmark = pytest.mark.django_db
Q = f"{{{NS}}}"


def snapshot(plan: Plan) -> dict:
    """Everything the StratML mapping carries, without database ids, keys or versions."""
    skip = {
        "id",
        "lineage",
        "version",
        "version_number",
        "previous_version",
        "state",
        "created_at",
        "updated_at",
        "lead_municipality",
        "coordinating_unit",
        "decision_body",
        "decision_date",
        "decision_reference",
        "decision_url",
    }
    plan_fields = {f.name: getattr(plan, f.name) for f in Plan._meta.fields if f.name not in skip}
    objectives = []
    for objective in plan.objectives.order_by("theme__order", "order", "pk"):
        measures = [
            {
                **{
                    n: getattr(m, n)
                    for n in (
                        "title_fi",
                        "title_sv",
                        "title_en",
                        "description_fi",
                        "description_sv",
                        "description_en",
                        "responsible_unit",
                        "responsible_contact",
                        "schedule_start",
                        "schedule_end",
                        "schedule_note",
                        "resources",
                        "status",
                        "responsible_organisation_id",
                    )
                },
                "partners": sorted(p.pk for p in m.partners.all()),
                "co_responsible": sorted(p.pk for p in m.co_responsible.all()),
            }
            for m in objective.measures.order_by("order", "pk")
        ]
        indicators = [
            {
                **{
                    n: getattr(i, n)
                    for n in (
                        "name_fi",
                        "name_sv",
                        "name_en",
                        "unit",
                        "source",
                        "source_code",
                        "baseline_value",
                        "baseline_year",
                        "target_value",
                        "target_year",
                        "direction",
                    )
                },
                "measure": i.measure.title_en if i.measure else None,
            }
            for i in objective.indicators.order_by("pk")
        ]
        objectives.append(
            {
                "theme": objective.theme.code,
                **{
                    n: getattr(objective, n)
                    for n in (
                        "title_fi",
                        "title_sv",
                        "title_en",
                        "description_fi",
                        "description_sv",
                        "description_en",
                    )
                },
                "target_groups": sorted(g.name_en for g in objective.target_groups.all()),
                "measures": measures,
                "indicators": indicators,
            }
        )
    return {
        "plan": plan_fields,
        "lead": plan.lead_municipality.code,
        "municipalities": sorted(m.code for m in plan.municipalities.all()),
        "target_groups": sorted(
            (g.name_fi, g.name_sv, g.name_en, g.description) for g in plan.target_groups.all()
        ),
        "objectives": objectives,
    }


def test_stratml_export_is_valid_against_the_official_schema(rich_plan):
    content = plan_stratml(plan=rich_plan, language="fi")
    schema().validate(etree.fromstring(content))


def test_stratml_export_uses_goals_objectives_stakeholders_and_results(rich_plan):
    root = etree.fromstring(plan_stratml(plan=rich_plan, language="en"))
    assert root.get("Type") == "Performance_Plan"
    goals = root.findall(f"{Q}StrategicPlanCore/{Q}Goal")
    ids = [g.findtext(f"{Q}Identifier") for g in goals]
    assert "theme-employment_education" in ids
    objectives = root.findall(f".//{Q}Goal/{Q}Objective")
    measures = [o for o in objectives if o.findtext(f"{Q}Identifier").startswith("m-")]
    assert len(measures) == 3
    club = next(
        m for m in measures if m.findtext(f"{Q}Name") == "Job-seeking club in three languages"
    )
    roles = {
        (s.findtext(f"{Q}Name"), s.findtext(f"{Q}Role/{Q}Name"), s.findtext(f"{Q}Role/{Q}RoleType"))
        for s in club.findall(f"{Q}Stakeholder")
    }
    assert ("Multicultural Association", "responsible", "Performer") in roles
    assert ("Kela", "partner", "Performer") in roles
    beneficiaries = root.xpath(
        "//s:Stakeholder[s:Role/s:RoleType='Beneficiary']/s:Name/text()", namespaces={"s": NS}
    )
    assert beneficiaries == ["Recently arrived families"]
    indicator = root.find(f".//{Q}PerformanceIndicator")
    assert indicator.findtext(f"{Q}MeasurementInstance/{Q}TargetResult/{Q}NumberOfUnits") == "55"
    assert indicator.findtext(f"{Q}MeasurementInstance/{Q}ActualResult/{Q}NumberOfUnits") == "40"


def test_stratml_round_trip_loses_no_mapped_data(rich_plan, coordinator_a):
    content = plan_stratml(plan=rich_plan, language="sv")
    draft = stratml_read(content, language="sv")
    copy = plan_draft_write(actor=coordinator_a, draft=draft)
    assert copy.pk != rich_plan.pk
    assert copy.state == Plan.State.DRAFT
    assert snapshot(copy) == snapshot(rich_plan)


def test_stratml_import_of_a_foreign_file_uses_the_standard_elements(
    rich_plan, coordinator_a, themes
):
    root = etree.fromstring(plan_stratml(plan=rich_plan, language="en"))
    for extra in root.iter(f"{Q}OtherInformation"):
        extra.getparent().remove(extra)
    draft = stratml_read(etree.tostring(root), language="en")
    copy = plan_draft_write(actor=coordinator_a, draft=draft)
    objective = copy.objectives.get(title_en="More immigrants find work")
    assert objective.theme.code == "employment_education"
    assert [g.name_en for g in objective.target_groups.all()] == ["Recently arrived families"]
    club = objective.measures.get(title_en="Job-seeking club in three languages")
    assert club.responsible_organisation.name_en == "Multicultural Association"
    assert sorted(p.name_fi for p in club.partners.all()) == ["Espoon kaupunki", "Kela"]
    indicator = objective.indicators.get(name_en="Employment rate of immigrants")
    assert (indicator.target_value, indicator.target_year) == (55, 2029)
    assert indicator.measure == club
    assert (copy.period_start, copy.period_end) == (2026, 2029)


def test_stratml_import_rejects_an_invalid_file_with_the_line(rich_plan):
    content = (
        plan_stratml(plan=rich_plan, language="en")
        .replace(b"<UnitOfMeasurement>", b"<Unit>", 1)
        .replace(b"</UnitOfMeasurement>", b"</Unit>", 1)
    )
    with pytest.raises(ImportRejected) as caught:
        stratml_read(content)
    assert "line" in str(caught.value)
    assert "Unit" in str(caught.value)


def test_stratml_import_rejects_unknown_organisations_and_nothing_is_written(
    rich_plan, coordinator_a
):
    content = plan_stratml(plan=rich_plan, language="en").replace(
        b"<Name>Kela</Name>", b"<Name>Nobody Ltd</Name>"
    )
    before = Plan.objects.count()
    with pytest.raises(ImportRejected) as caught:
        plan_draft_write(actor=coordinator_a, draft=stratml_read(content))
    assert "Nobody Ltd" in str(caught.value)
    assert Plan.objects.count() == before


def test_stratml_import_needs_the_right_to_create_a_plan(rich_plan, coordinator_b):
    draft = stratml_read(plan_stratml(plan=rich_plan, language="fi"))
    with pytest.raises(PermissionDenied, match=r"planning\.create_plan"):
        plan_draft_write(actor=coordinator_b, draft=draft)
    assert Plan.objects.count() == 1


def test_the_schema_ships_with_the_application(settings):
    """Exports and imports validate against the copy in data/stratml/, never a sibling folder."""
    path = settings.KOTOPLAN_STRATML_XSD
    assert path == settings.BASE_DIR / "data" / "stratml" / "PerformancePlanOrReport20160216.xsd"
    assert path.is_file()
    assert schema().target_namespace == NS


def test_without_the_schema_nothing_is_exported_or_imported(rich_plan, settings, tmp_path):
    content = plan_stratml(plan=rich_plan, language="fi")
    settings.KOTOPLAN_STRATML_XSD = tmp_path / "missing.xsd"
    with pytest.raises(ImproperlyConfigured, match=r"missing\.xsd"):
        plan_stratml(plan=rich_plan, language="fi")
    with pytest.raises(ImproperlyConfigured, match=r"missing\.xsd"):
        stratml_read(content)


def test_stratml_import_never_picks_a_party_outside_the_plans_area(
    rich_plan, coordinator_a, organisation_b
):
    """A performer named like an organisation of another municipality is refused with the
    reason, as the measure form's pickers and the spreadsheet import would, never picked."""
    name = organisation_b.name_en.encode()
    content = plan_stratml(plan=rich_plan, language="en").replace(
        b"<Name>Kela</Name>", b"<Name>" + name + b"</Name>"
    )
    before = Plan.objects.count()
    with pytest.raises(ImportRejected) as caught:
        plan_draft_write(actor=coordinator_a, draft=stratml_read(content))
    assert "outside the plan's area" in str(caught.value)
    assert organisation_b.name_en in str(caught.value)
    assert Plan.objects.count() == before
