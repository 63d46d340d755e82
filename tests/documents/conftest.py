"""Fixtures for the document tests: a plan with one of everything, and the real readers."""

import os
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from kotoplan.accounts.models import Organisation
from kotoplan.planning.models import Measure, Plan
from tests.factories.accounts import OrganisationFactory
from tests.factories.planning import IndicatorFactory, MeasureFactory, ObjectiveFactory


def unavailable(reason: str):
    """Skip on a laptop, fail in CI: the readers are part of the test environment there."""
    if os.environ.get("CI", "").lower() == "true":
        pytest.fail(f"Must run in CI: {reason}")
    pytest.skip(reason)


@pytest.fixture
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    if not path:
        unavailable("LibreOffice (soffice) is not installed")
    return path


def convert_with_libreoffice(soffice: str, source: Path, to: str = "pdf") -> Path:
    """Convert with headless LibreOffice in its own profile; return the converted file."""
    profile = source.parent / "lo-profile"
    subprocess.run(
        [
            soffice,
            f"-env:UserInstallation=file://{profile}",
            "--headless",
            "--convert-to",
            to,
            "--outdir",
            str(source.parent),
            str(source),
        ],
        check=True,
        capture_output=True,
        timeout=180,
    )
    converted = source.with_suffix(f".{to}")
    assert converted.exists(), f"LibreOffice did not write {converted.name}"
    return converted


@pytest.fixture
def rich_plan(full_draft_plan, objective, owned_measure, organisation_a, themes):
    """The draft plan of A with partners, schedules, cooperation notes and a second theme."""
    plan = full_draft_plan
    partner = OrganisationFactory(name_fi="Kela", name_sv="FPA", name_en="Kela")
    owned_measure.partners.set([partner, organisation_a])
    Measure.objects.filter(pk=owned_measure.pk).update(
        schedule_start=date(2026, 9, 1),
        schedule_end=date(2027, 5, 31),
        title_fi="Työnhakuklubi kolmella kielellä",
    )
    second = ObjectiveFactory(
        plan=plan,
        theme=themes["good_relations"],
        title_fi="Hyvät väestösuhteet",
        title_sv="Goda relationer",
        title_en="Good relations in every district",
    )
    dialogue = MeasureFactory(
        objective=second, title_en="District dialogue evenings", responsible_organisation=partner
    )
    youth_services = OrganisationFactory(
        kind=Organisation.Kind.MUNICIPAL_UNIT,
        municipality=organisation_a.municipality,
        name_fi="Nuorisopalvelut",
        name_sv="Ungdomstjänster",
        name_en="Youth services",
    )
    dialogue.co_responsible.set([youth_services])
    IndicatorFactory(objective=second, name_en="Residents who feel safe", unit="%")
    Plan.objects.filter(pk=plan.pk).update(
        has_cooperation_group=True,
        cooperation_group_note="Monialainen kotoutumisen yhteistyöryhmä kokoontuu neljästi.",
        participation_evidence="Kysely 14 kielellä ja kaksi asukasiltaa.",
        county_coordination="Sovitettu yhteen hyvinvointialueen palvelusuunnitelman kanssa.",
        situation_quantitative_fi="Vieraskielisiä asukkaita on 21 %.",
        situation_qualitative_fi="Asukkaat toivovat kielitukea työpaikoille.",
        decision_body="Kaupunginvaltuusto",
    )
    plan.refresh_from_db()
    return plan
