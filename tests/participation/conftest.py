"""A consultation on the draft plan of municipality A, with questions of every kind and Arabic."""

from datetime import timedelta

import pytest
from django.core.cache import cache
from django.utils import timezone

from kotoplan.participation import services
from kotoplan.participation.models import Consultation, Question


@pytest.fixture(autouse=True)
def _empty_rate_counters():
    cache.clear()
    yield
    cache.clear()


def _window(open_: bool) -> dict:
    now = timezone.now()
    if open_:
        return {"opens_at": now - timedelta(days=1), "closes_at": now + timedelta(days=30)}
    return {"opens_at": now - timedelta(days=40), "closes_at": now - timedelta(days=10)}


def make_consultation(plan, actor, *, open_: bool = True, slug: str = "espoo-2026") -> Consultation:
    consultation = services.consultation_create(
        actor=actor,
        plan=plan,
        data={
            "slug": slug,
            "title_fi": "Kerro mielipiteesi Espoon suunnitelmasta",
            "title_sv": "Säg din åsikt om Esbos plan",
            "title_en": "Have your say on the Espoo plan",
            "intro_fi": "Suunnitelmaluonnos on kommentoitavana.",
            "intro_sv": "Planutkastet är ute på remiss.",
            "intro_en": "The draft plan is open for comments.",
            "intro_plain_fi": "Kaupunki tekee suunnitelmaa. Kerro, mitä ajattelet.",
            **_window(True),
        },
    )
    services.question_create(
        actor=actor,
        consultation=consultation,
        data={
            "kind": Question.Kind.SINGLE,
            "text_fi": "Onko luonnos selkeä?",
            "text_en": "Is the draft clear?",
        },
        options=[
            {"label_fi": "Kyllä", "label_sv": "Ja", "label_en": "Yes"},
            {"label_fi": "Ei", "label_sv": "Nej", "label_en": "No"},
        ],
    )
    services.question_create(
        actor=actor,
        consultation=consultation,
        data={"kind": Question.Kind.MULTIPLE, "text_en": "Which services do you use?"},
        options=[{"label_en": "Library"}, {"label_en": "Language courses"}, {"label_en": "Sports"}],
    )
    services.question_create(
        actor=actor,
        consultation=consultation,
        data={"kind": Question.Kind.RATING, "text_en": "How well were you received?"},
    )
    services.question_create(
        actor=actor,
        consultation=consultation,
        data={"kind": Question.Kind.TEXT, "text_en": "What should we do first?"},
    )
    objective = plan.objectives.first()
    services.language_save(
        actor=actor,
        consultation=consultation,
        code="ar",
        name="العربية",
        intro="مسودة الخطة مفتوحة للتعليقات.",
        texts={
            "title": "شارك برأيك في خطة إسبو",
            f"objective:{objective.pk}": "المزيد من المهاجرين يجدون عملاً",
        },
    )
    if not open_:
        Consultation.objects.filter(pk=consultation.pk).update(**_window(False))
        consultation.refresh_from_db()
    return consultation


@pytest.fixture
def consultation(full_draft_plan, coordinator_a) -> Consultation:
    return make_consultation(full_draft_plan, coordinator_a)


@pytest.fixture
def closed_consultation(full_draft_plan, coordinator_a) -> Consultation:
    return make_consultation(full_draft_plan, coordinator_a, open_=False, slug="espoo-closed")


def questions(consultation) -> dict[str, Question]:
    return {q.kind: q for q in consultation.questions.all()}
