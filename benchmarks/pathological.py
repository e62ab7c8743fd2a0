"""Pathological inputs of issues 7 and 16, one builder per family, shared by `growth.py` and the tests.

Each family builds an article from `count` repetitions of one small unit, and knows the counts
a correct parse of it gives (`expected`), so a test can check the parse at two sizes and the
benchmark can time it at 1x, 2x, 4x, 8x and at the 5 MB size cap.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from alliance_lib.config import MAX_BYTES

_LEAD = "Japan and the United States agreed on Friday to deepen their alliance, officials said."
_SECOND = "The two leaders met at the White House and spoke about China and North Korea."


@dataclass(frozen=True)
class Family:
    """One pathological family: how to build it, and the counts its parse must give."""

    name: str
    what: str  # one line: the input, as the issue describes it
    build: Callable[[int], str]
    expected: Callable[[int], dict[str, Any]]
    base: int  # units at 1x in the benchmark

    def count_for_bytes(self, limit: int = MAX_BYTES) -> int:
        """The most units whose article stays within `limit` bytes of UTF-8 (the size cap)."""
        low, high = 1, 2
        while self.size(high) <= limit:
            low, high = high, high * 2
        while high - low > 1:  # size(low) <= limit < size(high); units may grow (speaker names)
            middle = (low + high) // 2
            low, high = (middle, high) if self.size(middle) <= limit else (low, middle)
        return low

    def size(self, count: int) -> int:
        """Bytes of UTF-8 in the article of `count` units."""
        return len(self.build(count).encode("utf-8"))


def continue_stub(count: int) -> str:
    """A last line `Read more` + `count` ellipses + `x`: `_CONTINUE` backtracked exponentially."""
    return f"{_LEAD}\n\nRead more{'…' * count}x\n"


def mojibake(count: int) -> str:
    """One line of `count` mis-decoded `Japan’s` (`Japanâ€™s`): difflib alignment was ~n^3."""
    return f"{_LEAD}\n\n{'Japanâ€™s ' * count}\n"


def hard_wrapped(count: int) -> str:
    """`count` short hard-wrapped lines with no sentence punctuation: joining them was ~n^2.5."""
    return "Allies agree\n\n" + "the alliance will grow\n" * count


def long_paragraph(count: int) -> str:
    """One paragraph of `count` sentences (sentence splitting was ~n^1.9)."""
    return "Japan will spend more on defence this year. " * count + "\n"


def quotes_in_sentence(count: int) -> str:
    """One sentence holding `count` quotations (the said-clause search was ~n^2)."""
    return "Biden said " + "“we stand together now” and " * count + "he left.\n"


def speaker_name(number: int) -> str:
    """A distinct made-up surname for speaker `number` (letters only, never in the gazetteer)."""
    consonants, vowels = "bdgklmnprstvz", "aeiou"
    syllables = []
    while True:
        number, rest = divmod(number, len(consonants) * len(vowels))
        syllables.append(consonants[rest // len(vowels)] + vowels[rest % len(vowels)])
        if number == 0:
            break
    return "Qu" + "".join(syllables)


def distinct_speakers(count: int) -> str:
    """`count` paragraphs, each a quotation by a different person (mention search was ~n^1.8)."""
    return "".join(
        f"“We will stand with our allies,” said Lena {speaker_name(i)}.\n\n" for i in range(count)
    )


def claims_in_sentence(count: int) -> str:
    """One sentence holding 3 x `count` claims (the overlap check was ~n^2)."""
    return (
        "Officials said Japan will spend "
        + "2 percent of GDP and ¥43 trillion in 2027, " * count
        + "and more.\n"
    )


def short_paragraphs_html(count: int) -> str:
    """An HTML page of `count` short paragraphs, each in its own div (issue 16: trafilatura's
    justext fallback rescanned each run of short paragraphs, ~n^2)."""
    return (
        "<!DOCTYPE html><html><head><title>Allies agree</title></head><body>"
        + "<div><p>Allies agree now.</p></div>" * count
        + "</body></html>"
    )


def deep_nesting_html(count: int) -> str:
    """An HTML page whose article lies `count` divs deep (issue 16: past 256 levels the HTML
    parser dropped it: "no extractable article body")."""
    return (
        "<!DOCTYPE html><html><head><title>Allies agree</title></head><body>"
        + "<div>" * count
        + f"<article><p>{_LEAD}</p><p>{_SECOND}</p></article>"
        + "</div>" * count
        + "</body></html>"
    )


def reports_in_sentence(count: int) -> str:
    """One sentence of `count` reports (`Lena Qua said the plan failed, and Lena Qub said ...`):
    each content runs until the next report's clause (issue 18's frames)."""
    reports = ", and ".join(f"Lena {speaker_name(i)} said the plan failed" for i in range(count))
    return f"Officials met on Friday.\n\n{reports}.\n"


def reported_paragraphs(count: int) -> str:
    """`count` paragraphs, each an indirect attribution by a different person."""
    return "".join(
        f"Lena {speaker_name(i)} said the alliance would grow stronger.\n\n" for i in range(count)
    )


def appositive_reports(count: int) -> str:
    """One paragraph of `count` reports, each by a name with an affiliation and a long appositive
    holding a relative clause (`Lena Qua (D-Ohio), an official at the agency, which has more than
    5 homes to repair, said the plan failed.`): each subject is read back over its appositive."""
    reports = " ".join(
        f"Lena {speaker_name(i)} (D-Ohio), an official at the agency, which has more than {i}"
        " homes to repair, said the plan failed."
        for i in range(count)
    )
    return f"Officials met on Friday.\n\n{reports}\n"


def owners_in_sentence(count: int) -> str:
    """One spending sentence holding 2 x `count` claims among 2 x `count` possible owners (each
    claim's owner is read in one clause holding them all), after a sentence dated "on Tuesday"."""
    return (
        "NATO leaders met on Tuesday. Officials said "
        + "Poland's budget will reach 97 billion zlotys and allies 2 percent of GDP, " * count
        + "and more.\n"
    )


FAMILIES: dict[str, Family] = {
    family.name: family
    for family in (
        Family(
            "continue_stub",
            "`Read more` + n `…` + `x` as the last line",
            continue_stub,
            lambda n: {"paragraphs": 2, "truncated": False, "chars": n},
            4000,
        ),
        Family(
            "mojibake",
            "one line of n repeated `Japanâ€™s` (mojibake)",
            mojibake,
            lambda n: {"paragraphs": 2, "entities": n + 2, "apostrophes": n},
            2000,
        ),
        Family(
            "hard_wrapped",
            "n short hard-wrapped lines, no sentence punctuation",
            hard_wrapped,
            lambda n: {"paragraphs": 1, "sentences": 1, "words": 4 * n},
            2500,
        ),
        Family(
            "long_paragraph",
            "one paragraph of n sentences",
            long_paragraph,
            lambda n: {"paragraphs": 1, "sentences": n},
            1000,
        ),
        Family(
            "quotes_in_sentence",
            "one sentence with n quotations",
            quotes_in_sentence,
            lambda n: {"sentences": 1, "quotes": n},
            1000,
        ),
        Family(
            "distinct_speakers",
            "n quotations by n distinct speakers",
            distinct_speakers,
            lambda n: {"quotes": n, "speakers": n},
            500,
        ),
        Family(
            "reports_in_sentence",
            "one sentence of n reports (`A said ..., and B said ...`)",
            reports_in_sentence,
            lambda n: {"sentences": 2, "attributions": n, "attribution_speakers": n},
            500,
        ),
        Family(
            "reported_paragraphs",
            "n indirect attributions by n distinct speakers",
            reported_paragraphs,
            lambda n: {"attributions": n, "attribution_speakers": n},
            500,
        ),
        Family(
            "appositive_reports",
            "n reports whose subjects hold an affiliation and a long appositive (issue 18)",
            appositive_reports,
            lambda n: {"attributions": n, "attribution_speakers": n},
            500,
        ),
        Family(
            "claims_in_sentence",
            "one sentence with 3n claims",
            claims_in_sentence,
            lambda n: {"sentences": 1, "claims": 3 * n},
            1000,
        ),
        Family(
            "short_paragraphs_html",
            "an HTML page of n short paragraphs, each in its own div",
            short_paragraphs_html,
            lambda n: {"paragraphs": n, "sentences": n},
            6000,  # 12,000 elements: over HTML_FALLBACK_MAX_ELEMENTS from 1x on
        ),
        Family(
            "deep_nesting_html",
            "an HTML page whose two paragraphs lie n divs deep",
            deep_nesting_html,
            lambda n: {"paragraphs": 2, "entities": 5},
            20000,
        ),
        Family(
            "owners_in_sentence",
            "one spending sentence with 2n claims and 2n possible owners (issue 20)",
            owners_in_sentence,
            lambda n: {"sentences": 2, "claims": 2 * n + 1, "owners": {"NATO": n, "POL": n}},
            1000,
        ),
    )
}


def counts(family: Family, article) -> dict[str, Any]:
    """The counts `family.expected` names, read off a parsed `article`."""
    found: dict[str, Any] = {}
    for key in family.expected(1):
        if key == "paragraphs":
            found[key] = len(article.paragraphs)
        elif key == "sentences":
            found[key] = len(article.sentences)
        elif key == "truncated":
            found[key] = article.truncated
        elif key == "chars":
            found[key] = article.text.count("…")
        elif key == "entities":
            found[key] = len(article.entities)
        elif key == "apostrophes":
            found[key] = article.text.count("’")
        elif key == "words":
            found[key] = len(article.text.split())
        elif key == "quotes":
            found[key] = len(article.quotes)
        elif key == "speakers":
            found[key] = len({q.speaker for q in article.quotes if q.speaker})
        elif key == "attributions":
            found[key] = len(article.attributions)
        elif key == "attribution_speakers":
            found[key] = len({a.speaker for a in article.attributions if a.speaker})
        elif key == "claims":
            found[key] = len(article.claims)
        elif key == "owners":
            found[key] = dict(Counter(c.owner for c in article.claims if c.owner))
        else:
            raise KeyError(key)
    return found
