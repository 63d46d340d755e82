"""What identifies a consultation's feedback as its exported files show it (the stored
spreadsheet is made again when this changes)."""

import hashlib

from django.db.models import Count, Max, Q, Sum

from kotoplan.audit.selectors import plan_trail

from ..models import Answer, Comment, Consultation, Question, Submission

# Raise when the spreadsheet's layout changes, so files stored before an upgrade are made again.
FEEDBACK_LAYOUT = 1


def feedback_fingerprint(*, consultation: Consultation) -> str:
    """The consultation row, its submissions, comments (with what is hidden), answers and
    questions, and the newest change to its plan (objective and measure titles)."""
    comments = Comment.objects.filter(consultation=consultation).aggregate(
        count=Count("pk"),
        last=Max("pk"),
        hidden_count=Count("pk", filter=Q(hidden=True)),
        hidden_ids=Sum("pk", filter=Q(hidden=True)),
        last_hidden_at=Max("hidden_at"),
    )
    submissions = Submission.objects.filter(consultation=consultation).aggregate(
        count=Count("pk"), last=Max("pk")
    )
    answers = Answer.objects.filter(submission__consultation=consultation).aggregate(
        count=Count("pk"), last=Max("pk")
    )
    questions = Question.objects.filter(consultation=consultation).aggregate(
        count=Count("pk"), last=Max("updated_at")
    )
    plan_last = plan_trail(plan_id=consultation.plan_id).order_by().aggregate(last=Max("pk"))
    state = "|".join(
        str(part)
        for part in (
            FEEDBACK_LAYOUT,
            consultation.pk,
            consultation.version,
            consultation.updated_at.isoformat() if consultation.updated_at else "",
            sorted(comments.items()),
            sorted(submissions.items()),
            sorted(answers.items()),
            sorted(questions.items()),
            plan_last["last"],
        )
    )
    return hashlib.sha256(state.encode()).hexdigest()[:32]
