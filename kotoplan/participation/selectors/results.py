"""Reads of the consultation results: counts per category, language, theme, objective and
question (aggregated by the database), and the bar charts that show them."""

from collections import Counter
from dataclasses import dataclass, field

from django.core.paginator import Page, Paginator
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber
from django.utils.translation import gettext as _

from kotoplan.core.text import text_of
from kotoplan.planning.models import Objective

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


COMMENTS_PER_PAGE = 50  # a consultation of a large city gets thousands of comments
TEXTS_SHOWN = 20  # written answers of a question shown before "show all"
WHOLE_PLAN = "whole-plan"


@dataclass
class CommentGroup:
    """The comments on the whole plan or on one objective: in the contents (with the page where
    they start) and, on a page, those of its comments that fall on it."""

    key: str  # the anchor: "whole-plan" or "objective-<pk>"
    title: str
    theme: str = ""  # the objective's theme ("" for the whole plan)
    total: int = 0
    page: int = 1
    comments: list[Comment] = field(default_factory=list)
    continued: bool = False  # began on an earlier page
    theme_heading: bool = False  # the first group of its theme on the page


@dataclass
class ThemeContents:
    name: str
    groups: list[CommentGroup] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(group.total for group in self.groups)


@dataclass
class QuestionResult:
    question: Question
    text: str
    chart: Chart | None = None
    answered: int = 0
    average: float | None = None
    texts: list[str] = field(default_factory=list)
    written: int = 0  # written answers in all (`texts` may hold the first of them only)

    @property
    def chart_id(self) -> str:
        return f"chart-q{self.question.pk}"

    @property
    def anchor(self) -> str:
        return f"q-{self.question.pk}"


@dataclass
class Results:
    submission_count: int
    comment_count: int
    hidden_count: int
    whole_plan: CommentGroup
    contents: list[ThemeContents]
    page: Page
    groups: list[CommentGroup]  # those on the page, in order
    categories: Chart
    languages: Chart
    questions: list[QuestionResult]


def _ordered_comments(consultation: Consultation) -> list[tuple]:
    """(pk, objective id, hidden) of every comment in the page's order: the whole plan first,
    then by theme, objective and arrival; one light query, no model instances."""
    rows = Comment.objects.filter(consultation=consultation).values_list(
        "pk", "objective_id", "hidden", "objective__theme__order", "objective__order"
    )
    return sorted(rows, key=lambda r: (r[1] is not None, r[3] or 0, r[4] or 0, r[1] or 0, r[0]))


def comment_page_number(comment: Comment) -> int:
    """The page of the results on which a comment is shown."""
    pks = [row[0] for row in _ordered_comments(comment.consultation)]
    return pks.index(comment.pk) // COMMENTS_PER_PAGE + 1 if comment.pk in pks else 1


def consultation_results(*, consultation: Consultation, page=None, all_answers_of=None) -> Results:
    """Everything the results page shows, in a fixed number of queries: the figures counted by
    the database, the contents of the feedback with the count of each group, and one page of
    the comments (`COMMENTS_PER_PAGE`). The written answers of each question are the first
    `TEXTS_SHOWN`, all of them for the question whose id is `all_answers_of`."""
    ordered = _ordered_comments(consultation)
    paged = Paginator([row[0] for row in ordered], COMMENTS_PER_PAGE).get_page(page)
    objectives = Objective.objects.filter(
        pk__in={row[1] for row in ordered if row[1]}
    ).select_related("theme")
    titles = {o.pk: (text_of(o, "title").value, text_of(o.theme, "name").value) for o in objectives}
    whole_plan = CommentGroup(key=WHOLE_PLAN, title=str(_("On the whole plan")))
    groups: dict[int | None, CommentGroup] = {None: whole_plan}
    contents: dict[str, ThemeContents] = {}
    for index, (_pk, objective_id, _hidden, _t, _o) in enumerate(ordered):
        group = groups.get(objective_id)
        if group is None:
            title, theme = titles[objective_id]
            group = CommentGroup(key=f"objective-{objective_id}", title=title, theme=theme)
            group.page = index // COMMENTS_PER_PAGE + 1
            groups[objective_id] = group
            contents.setdefault(theme, ThemeContents(name=theme)).groups.append(group)
        group.total += 1
    on_page = (
        Comment.objects.filter(pk__in=list(paged.object_list))
        .select_related("measure", "submission", "hidden_by")
        .in_bulk()
    )
    shown: list[CommentGroup] = []
    for pk in paged.object_list:
        comment = on_page[pk]
        group = groups[comment.objective_id]
        if not shown or shown[-1] is not group:
            group.continued = group.page < paged.number
            first_of_theme = not shown or shown[-1].theme != group.theme
            group.theme_heading = bool(group.theme) and first_of_theme
            shown.append(group)
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
    hidden = sum(1 for row in ordered if row[2])
    return Results(
        submission_count=sum(by_category.values()),
        comment_count=len(ordered) - hidden,
        hidden_count=hidden,
        whole_plan=whole_plan,
        contents=list(contents.values()),
        page=paged,
        groups=shown,
        categories=categories,
        languages=languages,
        questions=_question_results(consultation, all_answers_of),
    )


def _question_results(consultation: Consultation, all_answers_of=None) -> list[QuestionResult]:
    """Counted by the database (answers per question, per option and per rating), whatever
    the number of responses; only the written answers are read one by one."""
    questions = list(consultation.questions.prefetch_related("options"))
    answers = Answer.objects.filter(question__consultation=consultation).order_by()
    answered = dict(
        answers.values("question_id").annotate(n=Count("pk")).values_list("question_id", "n")
    )
    chosen = dict(  # by the options' own questions: the index of options, not every answer
        Answer.options.through.objects.filter(questionoption__question__consultation=consultation)
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
    written = answers.filter(question__kind=Question.Kind.TEXT).exclude(text="").order_by()
    counted = dict(
        written.values("question_id").annotate(n=Count("pk")).values_list("question_id", "n")
    )
    numbered = written.annotate(
        number=Window(RowNumber(), partition_by=[F("question_id")], order_by=F("pk").asc())
    )
    shown = Q(number__lte=TEXTS_SHOWN)
    if all_answers_of is not None:
        shown |= Q(question_id=all_answers_of)
    shown_texts = numbered.filter(shown).order_by("pk").values_list("question_id", "text")
    for question_id, text in shown_texts:
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
            result.written = counted.get(question.pk, 0)
        results.append(result)
    return results
