"""Hostile text typed into plans, parts and consultation feedback never runs in the browser.

Every payload of tests/data/security/xss_payloads.txt goes into the plan's text fields (plan,
objective, measure, indicator, target group, timetable) and into a resident's feedback; the
pages that show them are opened in Chromium with a dialog handler that counts every alert,
confirm or prompt a payload manages to open, and a flag set in every page that counts the
payloads the Content-Security-Policy had to block (markup that got through unescaped but was
stopped by CSP). Both counts must be 0.
"""

from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth import get_user_model

from kotoplan.audit.services import acting_as
from kotoplan.participation.models import Consultation
from kotoplan.participation.services import feedback_submit
from kotoplan.planning.models import Indicator, Measure, Milestone, Objective, Plan, TargetGroup
from tests.support.browser import log_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# Set before any page script runs: counts what the Content-Security-Policy blocked on the page.
BLOCKED_FLAG = """
window.__kotoplanBlocked = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__kotoplanBlocked.push(event.violatedDirective + " " + (event.sample || ""));
});
"""

PAYLOADS = [
    line
    for line in (Path(__file__).parents[1] / "data/security/xss_payloads.txt")
    .read_text(encoding="utf-8")
    .splitlines()
    if line and not line.startswith("#")
]


def _fill_plan(plan: Plan, actor) -> None:
    """One objective per payload, each with a measure, an indicator and the payload in every
    free-text field; the plan's own texts and the timetable too."""
    theme_ids = list(plan.objectives.values_list("theme_id", flat=True)[:1])
    with acting_as(actor):
        Plan.objects.filter(pk=plan.pk).update(
            contact_name=PAYLOADS[0], programme_note=PAYLOADS[1], mainstreaming_fi=PAYLOADS[2]
        )
        group = TargetGroup.objects.create(plan=plan, name_fi=PAYLOADS[3])
        Milestone.objects.create(plan=plan, title_fi=PAYLOADS[4], due_date=date(2027, 3, 1))
        for payload in PAYLOADS:
            objective = Objective.objects.create(
                plan=plan, theme_id=theme_ids[0], title_fi=payload, description_fi=payload
            )
            objective.target_groups.add(group)
            measure = Measure.objects.create(
                objective=objective,
                title_fi=payload,
                description_fi=payload,
                responsible_unit=payload,
                responsible_contact=payload,
                schedule_note=payload,
                resources=payload,
            )
            Indicator.objects.create(
                objective=objective, measure=measure, name_fi=payload, unit="%", source_code=""
            )


def test_payloads_never_run__plan_pages_exports_views_and_feedback(
    browser, demo_site, report_count
):
    plan = Plan.objects.get(lead_municipality__code="837", state=Plan.State.DRAFT)
    coordinator = get_user_model().objects.get(username="koordinaattori.tampere")
    _fill_plan(plan, coordinator)
    consultation = Consultation.objects.filter(plan__lead_municipality__code="905").first()
    for payload in PAYLOADS:
        feedback_submit(
            consultation=consultation,
            language="fi",
            comment=payload,
            category="organisation",
            organisation_name=payload[:200],
        )

    base = demo_site.url
    executed: list[str] = []
    blocked: list[str] = []
    context = browser.new_context(locale="fi-FI")
    context.add_init_script(BLOCKED_FLAG)
    page = context.new_page()
    page.set_default_timeout(30_000)

    def on_dialog(dialog):
        executed.append(f"{page.url}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    log_in(page, base, "koordinaattori.tampere")
    urls = [
        f"/plans/{plan.pk}/",
        f"/plans/{plan.pk}/history/",
        f"/plans/{plan.pk}/compare/",
        f"/plans/{plan.pk}/edit/",
        "/",
    ]
    for url in urls:
        response = page.goto(f"{base}{url}")
        assert response.status == 200, url
        page.wait_for_load_state("load")
        blocked += [f"{url}: {v}" for v in page.evaluate("window.__kotoplanBlocked")]
    # The literal text is shown as typed: nothing was interpreted as a template.
    page.goto(f"{base}/plans/{plan.pk}/")
    assert "{{7*7}}" in page.inner_text("main")

    vaasa = browser.new_context(locale="fi-FI")
    vaasa.add_init_script(BLOCKED_FLAG)
    page = vaasa.new_page()
    page.set_default_timeout(30_000)
    page.on("dialog", on_dialog)
    log_in(page, base, "koordinaattori.vaasa")
    for url in (
        f"/participation/consultations/{consultation.pk}/results/",
        f"/participation/consultations/{consultation.pk}/",
        f"/participation/c/{consultation.slug}/",
    ):
        response = page.goto(f"{base}{url}")
        assert response.status == 200, url
        page.wait_for_load_state("load")
        blocked += [f"{url}: {v}" for v in page.evaluate("window.__kotoplanBlocked")]

    authority = browser.new_context(locale="fi-FI")
    authority.add_init_script(BLOCKED_FLAG)
    official = authority.new_page()
    official.on("dialog", on_dialog)
    log_in(official, base, "virkailija.sisasuomi")
    official.goto(f"{base}/plans/{plan.pk}/")
    official.wait_for_load_state("load")
    blocked += [f"official: {v}" for v in official.evaluate("window.__kotoplanBlocked")]
    # The flag notices markup that got in: an inline handler added by hand is blocked and counted.
    official.evaluate(
        "document.body.insertAdjacentHTML('beforeend', '<img src=x onerror=\"alert(0)\">')"
    )
    official.wait_for_function("window.__kotoplanBlocked.length > 0")

    # per payload: 9 text fields of the objective, measure and indicator and 2 of the feedback;
    # 5 more in the plan, its target group and its timetable
    tried = len(PAYLOADS) * 11 + 5
    report_count(
        "XSS",
        f"{len(PAYLOADS)} payloads, {tried} fields tried, {len(executed)} executed, "
        f"{len(blocked)} blocked by the Content-Security-Policy",
    )
    assert executed == []
    assert blocked == []
