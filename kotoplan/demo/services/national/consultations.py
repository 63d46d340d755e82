"""A consultation per plan with its questions and responses: answers to every choice and rating
question, a written answer from every fifth and a comment from every third respondent."""

from datetime import datetime, time, timedelta

from django.utils import timezone

from kotoplan.demo.services.content.consultations import QUESTIONS
from kotoplan.participation.models import (
    Answer,
    Comment,
    Consultation,
    Question,
    QuestionOption,
    Submission,
)
from kotoplan.participation.services import draft_snapshot_take
from kotoplan.planning.models import Plan

from .base import Generation, bulk, insert_tuples
from .plans import Series

LANGUAGES = ("fi", "fi", "fi", "sv", "en", "selko")
CATEGORIES = [c for c, _label in Submission.Category.choices]
COMMENTS = (
    "Kielikursseja tarvitaan myös iltaisin, koska moni käy päivällä töissä.",
    "Järjestöjen kanssa tehtävä yhteistyö pitää kirjata selvemmin.",
    "Tietoa palveluista pitää saada omalla kielellä.",
    "Planen borde nämna svenskspråkiga tjänster.",
    "International students need help finding housing.",
)


def _at(day, hour: int) -> datetime:
    return timezone.make_aware(datetime.combine(day, time(hour)))


def generate_consultations(gen: Generation, series: list[Series]) -> list[Consultation]:
    consultations = []
    for item in series:
        c = item.current
        open_now = c.plan.state == Plan.State.CONSULTATION
        opens = gen.day - timedelta(days=10 if open_now else 150)
        consultation = Consultation(
            plan=c.plan,
            slug=f"kuuleminen-{c.municipality.code}-{c.plan.period_start}",
            title_fi=f"Kerro mielipiteesi: {c.plan.title_fi}"[:300],
            title_sv=f"Säg din åsikt: {c.plan.title_sv}"[:300],
            opens_at=_at(opens, 8),
            closes_at=_at(opens + timedelta(days=30), 16),
            intro_fi="Suunnitelmaluonnos on nähtävillä. Kerro, mitä mieltä olet.",
        )
        consultation._content = c
        consultations.append(consultation)
    bulk(Consultation, consultations, gen, "consultations")
    questions, options = [], []
    for consultation in consultations:
        consultation._questions = []
        for n, spec in enumerate(QUESTIONS):
            question = Question(
                consultation=consultation,
                order=n,
                kind=spec["kind"],
                **{
                    k: spec[k]
                    for k in ("text_fi", "text_sv", "text_en", "text_plain_fi")
                    if k in spec
                },
            )
            question._options = [
                QuestionOption(question=question, order=i, **labels)
                for i, labels in enumerate(spec.get("options", []))
            ]
            consultation._questions.append(question)
            questions.append(question)
    bulk(Question, questions, gen, "questions")
    for question in questions:
        for option in question._options:
            option.question_id = question.pk
            options.append(option)
    bulk(QuestionOption, options, gen, "question options")
    for consultation in consultations:
        _responses(gen, consultation)
    for consultation in consultations:  # the draft as consulted on: open ones and the largest
        if consultation.is_open or consultation._content.sizes.responses >= 5000:
            draft_snapshot_take(consultation=consultation)
    return consultations


def _responses(gen: Generation, consultation: Consultation) -> None:
    """The responses as plain rows (the largest tables of the data set)."""
    rng, content = gen.rng, consultation._content
    count = content.sizes.responses
    start, span = consultation.opens_at, consultation.closes_at - consultation.opens_at
    now = timezone.now()
    submission_ids = insert_tuples(
        Submission,
        ["consultation", "language", "category", "organisation_name", "email", "submitted_at"],
        [
            (
                consultation.pk,
                LANGUAGES[n % len(LANGUAGES)],
                CATEGORIES[n % len(CATEGORIES)],
                "",
                "",
                min(now, start + span * (n / count)),
            )
            for n in range(count)
        ],
    )
    gen.count("responses", count)
    answers, picked, comments = [], [], []
    for n, submission in enumerate(submission_ids):
        for question in consultation._questions:
            rating, text, options = None, "", ()
            if question.kind == Question.Kind.RATING:
                rating = rng.randint(1, 5)
            elif question.kind == Question.Kind.TEXT:
                if n % 5:
                    continue
                text = rng.choice(COMMENTS)
            else:
                pick = 1 if question.kind == Question.Kind.SINGLE else 2
                options = rng.sample(question._options, min(pick, len(question._options)))
            answers.append((submission, question.pk, rating, text))
            picked.append(options)
        if n % 3 == 0:
            objective = rng.choice(content.objectives).pk if n % 2 else None
            measure = rng.choice(content.measures).pk if n % 6 == 3 else None
            text = rng.choice(COMMENTS)
            comments.append((submission, consultation.pk, objective, measure, text, False, ""))
    answer_ids = insert_tuples(Answer, ["submission", "question", "rating", "text"], answers)
    gen.count("answers", len(answers))
    links = [(a, o.pk) for a, options in zip(answer_ids, picked, strict=True) for o in options]
    insert_tuples(Answer.options.through, ["answer", "questionoption"], links)
    gen.count("chosen options", len(links))
    insert_tuples(
        Comment,
        ["submission", "consultation", "objective", "measure", "text", "hidden", "hidden_reason"],
        comments,
    )
    gen.count("comments", len(comments))
