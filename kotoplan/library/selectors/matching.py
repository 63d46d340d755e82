"""Text matching of the library shared by the search (`index`) and the similar measures.

The similar measures are read from the plan tables themselves: on PostgreSQL a measure is
similar when its Finnish or Swedish text shares a stemmed word with the text (full-text search
with the `finnish` and `swedish` configurations; the expressions are those of the indexes made
by migration library 0001, so the planner uses them), ranked with trigram similarity; on SQLite
when a word is contained in one of its texts."""

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


def stem_of(word: str) -> str:
    """A long word without its last two letters: Finnish and Swedish endings change there
    ("koulutus" → "koulutuksen", "språkutbildning" → "språkutbildningen")."""
    return word[:-2] if len(word) >= 7 else word


def like_pattern(word: str) -> str:
    return "%" + stem_of(word).replace("\\", "\\\\").replace("_", "\\_") + "%"


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
