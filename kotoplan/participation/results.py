"""What a consultation brought in: feedback grouped by theme and objective, counts by participant
category, and question results ready for a bar chart and its data table."""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Prefetch

from kotoplan.core.models import translated
from kotoplan.planning.models import Objective, Theme

from .models import Answer, Comment, Consultation, Question, Submission

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
            ThemeGroup(theme=objective.theme, name=translated(objective.theme, "name")[0]),
        )
        group = objectives.get(objective.pk)
        if group is None:
            group = ObjectiveGroup(objective=objective, title=translated(objective, "title")[0])
            objectives[objective.pk] = group
            theme.objectives.append(group)
        group.comments.append(comment)

    submissions = list(Submission.objects.filter(consultation=consultation))
    by_category = Counter(s.category for s in submissions)
    categories = chart(
        [(str(label), by_category.get(value, 0)) for value, label in Submission.Category.choices]
    )
    by_language = Counter(s.language for s in submissions)
    languages = chart(sorted(by_language.items(), key=lambda item: (-item[1], item[0])))
    return Results(
        submission_count=len(submissions),
        comment_count=sum(1 for c in comments if not c.hidden),
        hidden_count=sum(1 for c in comments if c.hidden),
        whole_plan=whole_plan,
        themes=sorted(themes.values(), key=lambda t: t.theme.order),
        categories=categories,
        languages=languages,
        questions=_question_results(consultation),
    )


def _question_results(consultation: Consultation) -> list[QuestionResult]:
    answers = Answer.objects.prefetch_related("options").order_by("pk")
    questions = consultation.questions.prefetch_related(
        "options", Prefetch("answers", queryset=answers)
    )
    results = []
    for question in questions:
        given = list(question.answers.all())
        result = QuestionResult(
            question=question, text=translated(question, "text")[0], answered=len(given)
        )
        if question.has_options:
            counts = Counter(o.pk for a in given for o in a.options.all())
            result.chart = chart(
                [(translated(o, "label")[0], counts.get(o.pk, 0)) for o in question.options.all()],
                total=len(given),
            )
        elif question.kind == Question.Kind.RATING:
            ratings = [a.rating for a in given if a.rating]
            counts = Counter(ratings)
            result.chart = chart([(str(n), counts.get(n, 0)) for n in range(1, 6)])
            result.average = round(sum(ratings) / len(ratings), 1) if ratings else None
        else:
            result.texts = [a.text for a in given if a.text]
        results.append(result)
    return results
