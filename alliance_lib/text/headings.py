"""What a headline or a subheading line looks like (used to find them and to tell them from prose)."""

from __future__ import annotations

import re

from alliance_lib.config import (
    HEADLINE_MAX_WORDS,
    HEADLINE_STYLE_WORDS,
    HEADLINE_TITLE_CASE_SHARE,
    HEADLINE_TITLE_CASE_WORDS,
    SUBHEADING_WORDS,
)
from alliance_lib.text.lexicon import WEEKDAYS
from alliance_lib.text.sentences import is_one_sentence

_TERMINAL = tuple('.!?:;"”’)')
_WORD = re.compile(r"[A-Za-z][\w’'-]*")
_OPENING_QUOTES = "“\"‘'"
# Ends like a sentence: a full stop, question or exclamation mark, then closing marks if any.
_SENTENCE_END = re.compile(r"[.!?][\"”’')\]]*$")
# Words a sentence has and headline style drops ("Japan doubles defence budget", not "Japan has
# doubled its defence budget"): articles, personal pronouns, forms of be and have, demonstratives;
# and contractions of a pronoun ("It's game time", "That's it").
_SENTENCE_WORDS = frozenset(
    "a an the i we you he she it they me us him them is are was were am be been being has have "
    "had this these those there".split()
)
_CONTRACTED = frozenset("i we you he she it they that what who there here".split())
# The day a lede dates its news by ("Kishida met Biden on Friday"); a headline leaves it to the
# date line, whatever its style.
_NEWS_DAYS = frozenset(day.lower() for day in WEEKDAYS) | {"today", "yesterday", "tonight"}
# Words Title Case leaves in lower case: articles, conjunctions, short prepositions.
_MINOR_WORDS = frozenset(
    "a an the and but or nor for so yet as at by in of off on per to up via vs with from into "
    "onto over than".split()
)
_LOWER_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")


def _title_case_share(text: str) -> float:
    words = [w for w in _WORD.findall(text) if len(w) > 3 or w[0].isupper()]
    return sum(w[0].isupper() for w in words) / len(words) if words else 0.0


def is_subheading(text: str) -> bool:
    """A short, unpunctuated, mostly capitalised line between paragraphs."""
    # the end first: most paragraphs end a sentence; the words counted only up to the limit
    return (
        not text.endswith(_TERMINAL)
        and len(text.split(maxsplit=SUBHEADING_WORDS)) <= SUBHEADING_WORDS
        and text[0].isupper()
        and _title_case_share(text) >= 0.6
    )


def is_title_like(text: str) -> bool:
    """A line that could be a headline: at most 30 words, not ending or opening like prose."""
    words = text.split()
    return 0 < len(words) <= 30 and text[-1] not in '.,;:"”' and text[0] not in "“\"‘'"


def ends_like_a_sentence(text: str) -> bool:
    """The line ends in a full stop, question or exclamation mark (closing marks after it aside)."""
    return _SENTENCE_END.search(text) is not None


def _has_sentence_words(words: list[str]) -> bool:
    for word in words:
        if word in _SENTENCE_WORDS:
            return True
        head, mark, _ = word.replace("’", "'").partition("'")
        if mark and head in _CONTRACTED:
            return True
    return False


def _in_title_case(text: str) -> bool:
    """At least `HEADLINE_TITLE_CASE_SHARE` of the words Title Case capitalises are capitalised
    (every word but articles, conjunctions and short prepositions: "Biden Meets Kishida", not
    "Kishida met Biden")."""
    words = [w for w in _WORD.findall(text) if w.lower() not in _MINOR_WORDS]
    capitals = sum(w[0].isupper() for w in words)
    return bool(words) and capitals >= HEADLINE_TITLE_CASE_SHARE * len(words)


def opening_headline(block: list[str], blank_after: bool, byline_after: bool) -> bool:
    """Whether `block`, the lines that open a plain-text article, is its headline although it
    ends like a sentence (archives such as PolNeAR's add a full stop to the title line).

    `block` is one line, or two: a headline ending in ";" and its deck. It must stand apart (a
    blank line after it, or a byline or date line under it), hold 2 to `HEADLINE_MAX_WORDS`
    words and open with no quotation mark. A byline or date line under it, or a deck, settles
    it; otherwise it must be one sentence naming no day of the news ("on Friday"), and either
    in Title Case or in headline style: at most `HEADLINE_STYLE_WORDS` words and none of the
    words a sentence has and a headline drops (articles, personal pronouns, be and have), so
    that a short lede stays body text.
    """
    text = " ".join(block)
    words = len(text.split())
    if not (blank_after or byline_after) or not 2 <= words <= HEADLINE_MAX_WORDS:
        return False
    if text[0] in _OPENING_QUOTES or not ends_like_a_sentence(text):
        return False
    deck = len(block) == 2 and block[0].endswith(";") and block[1][:1].isupper()
    if byline_after or deck:
        return True
    if len(block) != 1 or not is_one_sentence(text):
        return False
    lowered = _LOWER_WORD.findall(text.casefold())
    if _NEWS_DAYS.intersection(lowered):
        return False
    if words <= HEADLINE_TITLE_CASE_WORDS and _in_title_case(text):
        return True
    return words <= HEADLINE_STYLE_WORDS and not _has_sentence_words(lowered)


def ends_a_sentence(text: str) -> bool:
    """The line ends in punctuation that closes a sentence or a quotation."""
    return text.endswith(_TERMINAL)
