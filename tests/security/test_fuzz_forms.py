"""Whatever is typed into the main forms (plan, objective, measure, indicator, progress update,
a resident's feedback), the answer is the saved page or the form again with a message at the
field: never a server error, and nothing is written when the form is refused.

Texts come from the payload corpus and from Hypothesis (any character but lone surrogates,
which a browser cannot send); the examples are derandomized so that every run tries the same
ones."""

import pytest
from django.core.cache import cache
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kotoplan.monitoring.rounds.models import MeasureUpdate
from kotoplan.participation.models import Submission
from kotoplan.planning.models import Indicator, Measure, Objective, Plan
from tests.monitoring.rounds.conftest import monitored_plan, open_round  # noqa: F401
from tests.participation.conftest import make_consultation

from .forms import form_of
from .payloads import PAYLOADS

pytestmark = pytest.mark.django_db

TEXT = st.sampled_from(PAYLOADS) | st.text(
    alphabet=st.characters(exclude_categories=("Cs",)), max_size=60
)
FUZZ = settings(
    max_examples=12,
    deadline=None,
    derandomize=True,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
OUTCOMES: dict[str, list[int]] = {}  # form: [saved, refused with a message]


def _plan_forms(request) -> dict:
    plan = request.getfixturevalue("full_draft_plan")
    Plan.objects.filter(pk=plan.pk).update(programme_url="https://espoo.example/ohjelma")
    objective = request.getfixturevalue("objective")
    measure = request.getfixturevalue("owned_measure")
    request.getfixturevalue("indicator")
    return {
        "plan": (reverse("planning:plan_edit", args=[plan.pk]), Plan),
        "objective": (reverse("planning:objective_new", args=[plan.pk]), Objective),
        "measure": (reverse("planning:measure_new", args=[objective.pk]), Measure),
        "indicator": (reverse("planning:indicator_new", args=[objective.pk]), Indicator),
        "measure edit": (reverse("planning:content_edit", args=["measure", measure.pk]), Measure),
    }


def _setup(request, client, name: str):
    """(address of the form, the model it writes, the user)."""
    coordinator = request.getfixturevalue("coordinator_a")
    if name == "progress update":
        plan = request.getfixturevalue("monitored_plan")
        contributor = request.getfixturevalue("contributor")
        round_ = open_round(plan, coordinator)
        url = reverse("monitoring:measure_update", args=[round_.pk, plan.partner_measure.pk])
        return url, MeasureUpdate, contributor
    if name == "feedback":
        consultation = make_consultation(request.getfixturevalue("full_draft_plan"), coordinator)
        return reverse("participation:public", args=[consultation.slug]), Submission, None
    url, model = _plan_forms(request)[name]
    return url, model, coordinator


def _refused_with_a_message(html: str) -> bool:
    return 'class="error"' in html or 'class="error-summary"' in html


FORMS = ["plan", "objective", "measure", "measure edit", "indicator", "progress update"]


@pytest.mark.parametrize("name", [*FORMS, "feedback"])
def test_any_text_in_a_main_form__saved_or_a_message_at_the_field(
    client, request, name, report_count
):
    url, model, user = _setup(request, client, name)
    if user:
        client.force_login(user)

    @FUZZ
    @given(data=st.data())
    def attempt(data):
        cache.clear()  # the feedback form's rate limit counts per address
        page = client.get(url)
        assert page.status_code == 200
        values, texts = form_of(page.content.decode(), url)
        texts = [t for t in texts if t != "website"]  # the honeypot for robots stays empty
        assert texts, f"{name}: no text fields found"
        chosen = data.draw(st.lists(st.sampled_from(texts), min_size=1, unique=True))
        for field in chosen:
            values[field] = [data.draw(TEXT, label=field)]
        before = model.objects.count()
        response = client.post(url, values)
        assert response.status_code in (200, 302), response.status_code
        refused = response.status_code == 200
        if refused:
            assert _refused_with_a_message(response.content.decode()), chosen
            assert model.objects.count() == before
        OUTCOMES.setdefault(name, [0, 0])[refused] += 1

    attempt()
    saved, refused = OUTCOMES[name]
    report_count(
        f"Fuzz form {name}",
        f"{saved + refused} submissions: {saved} saved, {refused} refused with a message, "
        "0 server errors",
    )
