"""Reads of the consultation results: counts per category, language, theme, objective and
question (aggregated by the database), and the bar charts that show them."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count

from kotoplan.core.text import text_of
from kotoplan.planning.models import Objective, Theme

from ..models import (
    Answer,
    Comment,
    Consultation,
    Question,
    Submission,
)
from .snapshot import draft_snapshot_of as draft_snapshot_of

# --- doors for the coordinator's pages --------------------------------------------------------


# --- results -----------------------------------------------------------------------------------

CHART_WIDTH = 360  # px of the longest bar
ROW_HEIGHT = 28


@dataclass
class Bar:
    label: str
    count: int
    percent: int = 0
    width: int = 0
    y: int = 0


@dataclass
class Chart:
    bars: list[Bar]
    total: int

    @property
    def height(self) -> int:
        return max(len(self.bars), 1) * ROW_HEIGHT + 4

    @property
    def description(self) -> str:
        return "; ".join(f"{b.label}: {b.count} ({b.percent} %)" for b in self.bars)


def chart(pairs: list[tuple[str, int]], total: int | None = None) -> Chart:
    total = sum(c for _label, c in pairs) if total is None else total
    top = max((c for _label, c in pairs), default=0)
    bars = [
        Bar(
            label=label,
            count=count,
            percent=round(100 * count / total) if total else 0,
            width=round(CHART_WIDTH * count / top) if top else 0,
            y=index * ROW_HEIGHT,
        )
        for index, (label, count) in enumerate(pairs)
    ]
    return Chart(bars=bars, total=total)


@dataclass
class ObjectiveGroup:
    objective: Objective
    title: str
    comments: list[Comment] = field(default_factory=list)


@dataclass
class ThemeGroup:
    theme: Theme
    name: str
    objectives: list[ObjectiveGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(group.comments) for group in self.objectives)


@dataclass
class QuestionResult:
    question: Question
    text: str
    chart: Chart | None = None
    answered: int = 0
    average: float | None = None
    texts: list[str] = field(default_factory=list)

    @property
    def chart_id(self) -> str:
        return f"chart-q{self.question.pk}"


@dataclass
class Results:
    submission_count: int
    comment_count: int
    hidden_count: int
    whole_plan: list[Comment]
    themes: list[ThemeGroup]
    categories: Chart
    languages: Chart
    questions: list[QuestionResult]


def consultation_results(*, consultation: Consultation) -> Results:
    """Everything the results page shows, in a fixed number of queries."""
    comments = list(
        Comment.objects.filter(consultation=consultation)
        .select_related("objective__theme", "measure", "submission")
        .order_by("pk")
    )
    whole_plan = [c for c in comments if c.objective_id is None]
    themes: dict[int, ThemeGroup] = {}
    objectives: dict[int, ObjectiveGroup] = {}
    for comment in sorted(
        (c for c in comments if c.objective_id),
        key=lambda c: (c.objective.theme.order, c.objective.order, c.objective_id, c.pk),
    ):
        objective = comment.objective
        theme = themes.setdefault(
            objective.theme_id,
            ThemeGroup(theme=objective.theme, name=text_of(objective.theme, "name").value),
        )
        group = objectives.get(objective.pk)
        if group is None:
            group = ObjectiveGroup(objective=objective, title=text_of(objective, "title").value)
            objectives[objective.pk] = group
            theme.objectives.append(group)
        group.comments.append(comment)

    submissions = Submission.objects.filter(consultation=consultation).order_by()
    by_category = dict(
        submissions.values("category").annotate(n=Count("pk")).values_list("category", "n")
    )
    categories = chart(
        [(str(label), by_category.get(value, 0)) for value, label in Submission.Category.choices]
    )
    by_language = dict(
        submissions.values("language").annotate(n=Count("pk")).values_list("language", "n")
    )
    languages = chart(sorted(by_language.items(), key=lambda item: (-item[1], item[0])))
    return Results(
        submission_count=sum(by_category.values()),
        comment_count=sum(1 for c in comments if not c.hidden),
        hidden_count=sum(1 for c in comments if c.hidden),
        whole_plan=whole_plan,
        themes=sorted(themes.values(), key=lambda t: t.theme.order),
        categories=categories,
        languages=languages,
        questions=_question_results(consultation),
    )


def _question_results(consultation: Consultation) -> list[QuestionResult]:
    """Counted by the database (answers per question, per option and per rating), whatever
    the number of responses; only the written answers are read one by one."""
    questions = list(consultation.questions.prefetch_related("options"))
    answers = Answer.objects.filter(question__consultation=consultation).order_by()
    answered = dict(
        answers.values("question_id").annotate(n=Count("pk")).values_list("question_id", "n")
    )
    chosen = dict(
        Answer.options.through.objects.filter(answer__question__consultation=consultation)
        .order_by()
        .values("questionoption_id")
        .annotate(n=Count("pk"))
        .values_list("questionoption_id", "n")
    )
    ratings: dict[int, Counter] = {}
    rated = answers.filter(rating__isnull=False, question__kind=Question.Kind.RATING)
    for question_id, rating, n in (
        rated.values("question_id", "rating")
        .annotate(n=Count("pk"))
        .values_list("question_id", "rating", "n")
    ):
        ratings.setdefault(question_id, Counter())[rating] = n
    texts: dict[int, list[str]] = {}
    written = answers.filter(question__kind=Question.Kind.TEXT).exclude(text="").order_by("pk")
    for question_id, text in written.values_list("question_id", "text"):
        texts.setdefault(question_id, []).append(text)
    results = []
    for question in questions:
        given = answered.get(question.pk, 0)
        result = QuestionResult(
            question=question, text=text_of(question, "text").value, answered=given
        )
        if question.has_options:
            result.chart = chart(
                [(text_of(o, "label").value, chosen.get(o.pk, 0)) for o in question.options.all()],
                total=given,
            )
        elif question.kind == Question.Kind.RATING:
            counts = ratings.get(question.pk, Counter())
            result.chart = chart([(str(n), counts.get(n, 0)) for n in range(1, 6)])
            total = sum(counts.values())
            mean = sum(n * c for n, c in counts.items()) / total if total else None
            result.average = round(mean, 1) if mean is not None else None
        else:
            result.texts = texts.get(question.pk, [])
        results.append(result)
    return results
