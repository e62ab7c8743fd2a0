"""Clauses of a sentence: the unit within which a spending claim's owner is read (`text.owners`)
and a precedent, a threat cue or a descriptor applies (the analyses).

A sentence is cut at semicolons, colons and spaced dashes, at a comma that opens a new clause
(a relative pronoun, a conjunction, a subordinator, "and" before a determiner or pronoun, or an
-ing participle: ", which ...", ", but ...", ", building on ..."), and before "but", "while",
"whereas", "although" and "though". Commas inside a list ("China, North Korea, and Russia") do
not cut. A clause opening with a relative pronoun or a participle is `dependent`: it comments on
the clause before it (", which have not wielded such a weapon since World War II").
One regular expression, one pass over each sentence: linear in its length.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from alliance_lib.text.model import Article, Sentence, sentence_locator

_OPENERS = (
    r"which|who|whom|whose|where|when|while|whereas|but|yet|although|though|because|after|before"
    r"|as|so|and\s+(?:the|a|an|it|he|she|they|we|its|their|his|her|this|that|these|those)"
    r"|[a-z]+ing"
)
_BOUNDARY = re.compile(
    r"\s*[;:]\s+"
    r"|\s+[—–]\s+|—"
    rf"|,\s+(?=(?:{_OPENERS})\b)"
    r"|\s+(?=(?:but|while|whereas|although|though)\s)"
)
_DEPENDENT = re.compile(r"(?:which|who|whom|whose|where|[a-z]+ing)\b")


@dataclass(frozen=True, slots=True)
class Clause:
    """A clause of sentence `sentence`; `start`/`end` are offsets into the article text."""

    sentence: int
    start: int
    end: int
    text: str
    dependent: bool  # opens with a relative pronoun or participle: it modifies the clause before


def split_clauses(text: str, offset: int = 0, sentence: int = 0) -> list[Clause]:
    """The clauses of one sentence `text` that starts at `offset` in the article."""
    clauses: list[Clause] = []
    cursor = 0
    for cut in [*_BOUNDARY.finditer(text), None]:
        end = cut.start() if cut else len(text)
        piece = text[cursor:end]
        stripped = piece.strip()
        if stripped:
            begin = cursor + piece.index(stripped)
            clauses.append(
                Clause(
                    sentence,
                    offset + begin,
                    offset + begin + len(stripped),
                    stripped,
                    bool(clauses) and _DEPENDENT.match(stripped) is not None,
                )
            )
        cursor = cut.end() if cut else len(text)
    return clauses


class ClauseIndex:
    """Every clause of an article (or of its sentences, while it is being parsed), and the
    clause holding any text offset."""

    def __init__(self, article: Article | Sequence[Sentence]) -> None:
        sentences = article.sentences if isinstance(article, Article) else article
        self.clauses: list[Clause] = [
            clause
            for number, sentence in enumerate(sentences)
            for clause in split_clauses(sentence.text, sentence.start, number)
        ]
        self._locate = sentence_locator(self.clauses)

    def at(self, offset: int) -> int:
        """Index (into `clauses`) of the clause holding `offset`, or the one before it."""
        return self._locate(offset)

    def governing(self, index: int) -> int:
        """The clause a dependent clause comments on (the one before it in its sentence)."""
        clause = self.clauses[index]
        if clause.dependent and index > 0 and self.clauses[index - 1].sentence == clause.sentence:
            return index - 1
        return index
