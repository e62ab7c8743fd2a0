"""What a headline or a subheading line looks like (used to find them and to tell them from prose)."""

from __future__ import annotations

import re

from alliance_lib.config import SUBHEADING_WORDS

_TERMINAL = tuple('.!?:;"”’)')
_WORD = re.compile(r"[A-Za-z][\w’'-]*")


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


def ends_a_sentence(text: str) -> bool:
    """The line ends in punctuation that closes a sentence or a quotation."""
    return text.endswith(_TERMINAL)
