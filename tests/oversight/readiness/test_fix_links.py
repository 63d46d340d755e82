"""Fix links land well: at the field's wrapper (label and help in view), on a form that returns
to the checklist when saved or cancelled, with the right first step for each finding, and with
plain titles (rule ids only for the authority)."""

import re
from html import unescape

from django.urls import reverse

from ..support import refresh
from .test_panel import _basics_post_data, _page


def _links(html: str) -> list[str]:
    return [unescape(href) for href in re.findall(r'href="([^"]+)"', html)]


def test_fix_link__lands_on_the_field_wrapper_and_returns_to_the_checklist(
    client, coordinator_a, draft_plan
):
    refresh(draft_plan)
    client.cookies["django_language"] = "fi"
    html = _page(client, coordinator_a, draft_plan)
    fix = next(link for link in _links(html) if link.endswith("#id_county_coordination_field"))
    url, _hash, field = fix.partition("#")
    form = client.get(url).content.decode()
    assert f'id="{field}"' in form  # the wrapper holds the label and the help text
    wrapper = form[form.index(f'id="{field}"') :]
    assert wrapper.index("<label") < wrapper.index("<textarea")
    back = reverse("planning:plan_detail", args=[draft_plan.pk]) + "#readiness"
    assert "Takaisin tarkistuslistaan" in form
    assert f'href="{back}"' in form
    response = client.post(
        url, _basics_post_data(draft_plan, county_coordination="Yhteinen ohjausryhmä.")
    )
    assert response.status_code == 302
    assert response["Location"] == back


def test_fix_link__missing_theme_offers_to_add_an_objective_under_it(
    client, coordinator_a, draft_plan
):
    refresh(draft_plan)
    client.cookies["django_language"] = "fi"
    html = _page(client, coordinator_a, draft_plan)
    assert "Lisää tavoite tämän teeman alle" in html
    add = next(
        link
        for link in _links(html)
        if link.startswith(reverse("planning:objective_new", args=[draft_plan.pk]))
    )
    assert "theme=" in add
    form = client.get(add).content.decode()
    theme = re.search(r"theme=([\w-]+)", add).group(1)
    selected = re.search(r'<option value="(\d+)" selected>', form)
    assert selected, "the theme is chosen in the form"
    assert "Takaisin tarkistuslistaan" in form
    assert theme


def test_fix_link__a_foreign_next_address_is_ignored(client, coordinator_a, draft_plan):
    client.force_login(coordinator_a)
    url = reverse("planning:plan_edit", args=[draft_plan.pk])
    form = client.get(url + "?return_to=https://evil.example/").content.decode()
    assert not [link for link in _links(form) if "evil.example" in link]
    response = client.post(
        url + "?return_to=//evil.example/",
        _basics_post_data(draft_plan, county_coordination="Shared steering group."),
    )
    assert response.status_code == 302
    assert "evil.example" not in response["Location"]


def test_rule_ids__shown_to_the_authority_not_to_the_coordinator(
    client, coordinator_a, regional_official, draft_plan
):
    refresh(draft_plan)
    assert "R01-themes-covered)" not in _page(client, coordinator_a, draft_plan)
    assert "R01-themes-covered)" in _page(client, regional_official, draft_plan)


def test_fix_link__every_target_field_has_its_help_beside_the_label(
    client, coordinator_a, draft_plan
):
    """The field a fix link lands on says what is asked, not only its name."""
    from kotoplan.oversight.readiness.rules.registry import all_rules

    client.force_login(coordinator_a)
    targets = {(r.fix_url, r.fix_field) for r in all_rules() if r.fix_url and r.fix_field}
    # fields a finding names itself (`missing(field=…)`), on the basic information form
    targets |= {("planning:plan_edit", f) for f in ("monitoring_cycle", "cooperation_group_note")}
    without_help = []
    for url_name, field in sorted(targets):
        form = client.get(reverse(url_name, args=[draft_plan.pk])).content.decode()
        assert f'id="id_{field}_field"' in form, field
        if f'id="id_{field}_help"' not in form:
            without_help.append(field)
    assert without_help == []


def test_blocking_problems__point_to_the_statutory_check_too(client, coordinator_a, draft_plan):
    """The box of what blocks sending for decision does not pass for the whole story: it names
    the statutory check beside it, whose unmet items need a reason to move on."""
    refresh(draft_plan)
    client.cookies["django_language"] = "fi"
    html = _page(client, coordinator_a, draft_plan)
    box = html[html.index('aria-labelledby="problems-title"') :]
    box = box[: box.index("</section>")]
    assert "<li>" in box  # what blocks sending
    assert 'href="#panel-readiness"' in box
    assert "lakisääteisestä vaatimuksesta täyttyy" in box
