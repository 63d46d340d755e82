"""Text matching of the library, on PostgreSQL and on SQLite.

On PostgreSQL a part matches when its Finnish or Swedish text matches the words with stemming
(full-text search with the `finnish` and `swedish` configurations) or when every word is found
by trigram similarity (pg_trgm `<%`: inflected forms such as "kielikoulutuksen", compounds such
as "kotoutumiskoulutus" for "koulutus", typos) or as a part of a word. The SQL expressions are
the same as those of the indexes made by migration library 0001, so the planner uses the
indexes. On SQLite every word must be contained in one of the texts: the same results for
exact words.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField, FloatField, Q, Value
from django.db.models.expressions import RawSQL

from kotoplan.planning.models import Indicator, Measure, Objective

LANGUAGES = ("fi", "sv", "en")
# Full-text configurations of the content languages that have one with stemming.
CONFIGS = {"fi": "finnish", "sv": "swedish"}
MAX_WORDS = 6


@dataclass(frozen=True)
class Kind:
    """A kind of plan part the library finds: its model, table, the two texts searched (each in
    fi/sv/en) and the path from it to its plan."""

    key: str
    model: type
    table: str
    texts: tuple[str, str]
    plan_path: str

    def columns(self, language: str) -> list[str]:
        return [f"{text}_{language}" for text in self.texts]

    def column(self, name: str, qualified: bool = True) -> str:
        return f"{self.table}.{name}" if qualified else name

    def document(self, language: str, qualified: bool = True) -> str:
        """The tsvector expression of one language (as indexed)."""
        a, b = (self.column(c, qualified) for c in self.columns(language))
        return (
            f"to_tsvector('{CONFIGS[language]}'::regconfig, "
            f"coalesce({a}, '') || ' ' || coalesce({b}, ''))"
        )

    def trigram_text(self, qualified: bool = True) -> str:
        """All texts of the part in one string (as indexed with gin_trgm_ops)."""
        parts = [
            f"coalesce({self.column(c, qualified)}, '')"
            for language in LANGUAGES
            for c in self.columns(language)
        ]
        return "(" + " || ' ' || ".join(parts) + ")"

    def text_fields(self) -> list[str]:
        return [c for language in LANGUAGES for c in self.columns(language)]


KINDS = {
    "measure": Kind(
        "measure", Measure, "planning_measure", ("title", "description"), "objective__plan"
    ),
    "objective": Kind(
        "objective", Objective, "planning_objective", ("title", "description"), "plan"
    ),
    "indicator": Kind(
        "indicator", Indicator, "planning_indicator", ("name", "target_text"), "objective__plan"
    ),
}


def words_of(text: str) -> list[str]:
    """The words searched for: letters and digits, lower case, at most MAX_WORDS."""
    found = [w for w in re.findall(r"[^\W_]+", text.lower()) if len(w) > 1]
    return list(dict.fromkeys(found))[:MAX_WORDS]


def _sql(sql: str, params: list[str], output_field):
    """An SQL expression made only of the constants above; the searched words are parameters."""
    return RawSQL(sql, params, output_field=output_field)  # noqa: S611


def on_postgresql() -> bool:
    return connection.vendor == "postgresql"


def _stem(word: str) -> str:
    """A long word without its last two letters: Finnish and Swedish endings change there
    ("koulutus" → "koulutuksen", "språkutbildning" → "språkutbildningen")."""
    return word[:-2] if len(word) >= 7 else word


def _like(word: str) -> str:
    return "%" + _stem(word).replace("\\", "\\\\").replace("_", "\\_") + "%"


def match_condition(kind: Kind, words: list[str], *, qualified: bool = True):
    """The condition a part of `kind` meets when it matches every word. Unqualified column
    names (`qualified=False`) for a query of the part's table alone, such as a subquery."""
    if not on_postgresql():
        condition = Q()
        for word in words:
            any_text = Q()
            for name in kind.text_fields():
                any_text |= Q(**{f"{name}__icontains": _stem(word)})
            condition &= any_text
        return condition
    # PostgreSQL evaluates the arms of an OR in the order written and stops at the first true
    # one: the cheap containment test comes first, the trigram similarity (which compares the
    # whole text) and the stemming of the full text only for rows it does not settle.
    text = kind.trigram_text(qualified)
    each = []
    params: list[str] = []
    for word in words:
        each.append(f"({text} ILIKE %s OR %s <%% {text})")
        params += [_like(word), word]
    sql = ["(" + " AND ".join(each) + ")"]
    sql += [
        f"{kind.document(lang, qualified)} @@ plainto_tsquery('{cfg}'::regconfig, %s)"
        for lang, cfg in CONFIGS.items()
    ]
    params += [" ".join(words)] * len(CONFIGS)
    return _sql("(" + " OR ".join(sql) + ")", params, BooleanField())


def matched_parts(kind: Kind, words: list[str]):
    """The condition "matches every word", for a query that also joins and filters. On
    PostgreSQL the ids of the matching parts are read first (one query, answered from the text
    indexes) and the outer query keeps those ids: given the text conditions themselves, the
    planner tests them, and the evidence, on every part of the plans found."""
    if not on_postgresql():
        return match_condition(kind, words)
    ids = list(
        kind.model.objects.filter(match_condition(kind, words, qualified=False))
        .order_by()
        .values_list("pk", flat=True)
    )
    return _sql(f"{kind.table}.id = ANY(%s::bigint[])", [ids], BooleanField())


def text_rank(kind: Kind, words: list[str]):
    """How well a matching part matches its title (or name): full-text rank plus trigram word
    similarity on PostgreSQL; nothing on SQLite (the evidence and the name order results
    there). Every match is ranked, so the rank reads the short title only: stemming and
    comparing the whole text of thousands of matches would cost seconds."""
    if not on_postgresql() or not words:
        return Value(0.0, FloatField())
    phrase = " ".join(words)
    title = kind.texts[0]
    ranks = [
        f"ts_rank(to_tsvector('{cfg}'::regconfig, coalesce({kind.table}.{title}_{lang}, '')), "
        f"plainto_tsquery('{cfg}'::regconfig, %s))"
        for lang, cfg in CONFIGS.items()
    ]
    titles = " || ' ' || ".join(f"coalesce({kind.table}.{title}_{lang}, '')" for lang in LANGUAGES)
    ranks.append(f"word_similarity(%s, {titles})")
    return _sql(" + ".join(ranks), [phrase] * (len(CONFIGS) + 1), FloatField())


def any_word_condition(kind: Kind, words: list[str]):
    """Parts sharing at least one word with the text (the similar measures): on PostgreSQL by
    stemmed full text, on SQLite as contained words."""
    if not on_postgresql():
        condition = Q()
        for word in words:
            for name in kind.text_fields():
                condition |= Q(**{f"{name}__icontains": word})
        return condition
    query = " | ".join(words)
    sql = [
        f"{kind.document(lang)} @@ to_tsquery('{cfg}'::regconfig, %s)"
        for lang, cfg in CONFIGS.items()
    ]
    return _sql("(" + " OR ".join(sql) + ")", [query] * len(CONFIGS), BooleanField())


def any_word_rank(kind: Kind, words: list[str]):
    if not on_postgresql():
        return Value(0.0, FloatField())
    query = " | ".join(words)
    ranks = [
        f"ts_rank({kind.document(lang)}, to_tsquery('{cfg}'::regconfig, %s))"
        for lang, cfg in CONFIGS.items()
    ]
    ranks.append(f"similarity(%s, {kind.trigram_text()})")
    params = [query] * len(CONFIGS) + [" ".join(words)]
    return _sql(" + ".join(ranks), params, FloatField())
