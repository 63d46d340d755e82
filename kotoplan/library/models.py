"""The library's search index: every objective, measure and indicator of every plan as the search
reads it (its texts in each language and its evidence), kept by `services.index` from the audit
trail, and the words of all those texts (PostgreSQL: what a searched word may be a part or a
misspelling of). Which plans a person may find is never stored here: the search filters the
entries by `selectors.searchable_plans` on every request."""

from django.db import models

from kotoplan.planning.models import Objective, Plan


class SearchEntry(models.Model):
    class Kind(models.TextChoices):
        OBJECTIVE = "objective"
        MEASURE = "measure"
        INDICATOR = "indicator"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    part_id = models.BigIntegerField()
    plan = models.ForeignKey(Plan, on_delete=models.CASCADE, related_name="+")
    # The part's objective (an objective's own): the theme and target group filters read it.
    objective = models.ForeignKey(Objective, on_delete=models.CASCADE, related_name="+")
    # Title (or name) and the rest of the text (description, worded target) per language; on
    # PostgreSQL a stored tsvector column made of them (migration 0002) is what is searched.
    title_fi = models.TextField(blank=True, default="")
    title_sv = models.TextField(blank=True, default="")
    title_en = models.TextField(blank=True, default="")
    body_fi = models.TextField(blank=True, default="")
    body_sv = models.TextField(blank=True, default="")
    body_en = models.TextField(blank=True, default="")
    # The plan's lead municipality's name: results of equal score are in its order.
    sort_name = models.CharField(max_length=200, blank=True, default="")
    # Every text in lower case: what the SQLite fallback searches.
    text = models.TextField(blank=True, default="")
    evidence = models.PositiveSmallIntegerField(default=0)
    evidence_monitoring = models.PositiveSmallIntegerField(default=0)
    evidence_statistics = models.PositiveSmallIntegerField(default=0)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["kind", "part_id"], name="library_entry_part"),
        ]
        indexes = [models.Index(fields=["kind", "plan"], name="library_entry_kind_plan")]

    def __str__(self) -> str:
        return f"{self.kind} {self.part_id}"


class SearchWord(models.Model):
    """A word found in the indexed texts (PostgreSQL only). Looked up only by its trigram index
    (migration 0002): with a b-tree index on the word too, the planner could prefer reading
    that whole index, comparing every word."""

    word = models.TextField()

    def __str__(self) -> str:
        return self.word


class IndexState(models.Model):
    """Where the index stands in the audit trail: every entry up to `mark` and those listed in
    `recent` (entries of the last minutes, which may have been committed after a later one)
    are in it. One row."""

    built = models.BooleanField(default=False)
    mark = models.BigIntegerField(default=0)
    recent = models.JSONField(default=list)
    refreshed_at = models.DateTimeField(null=True)
    # When a refresh too large for a request was left to a background task.
    deferred_at = models.DateTimeField(null=True)

    def __str__(self) -> str:
        return f"library index to {self.mark}"
