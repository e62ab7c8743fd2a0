"""Fast paths of the parser give what the plain code they replace gives (issue 10, speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_lib.text.boilerplate import _GLUED_SUBHEADING, _glued_subheading
from alliance_lib.text.claims import _PATTERNS, _SCANNED, _gated, _span_gates
from alliance_lib.text.gazetteer import FormMatcher
from alliance_lib.text.lexicon import alternation, word_alternation
from alliance_lib.text.offsets import (
    _DROP,
    _NEEDS_WORK,
    _SPACE,
    _lines,
    _normalize_once,
    _plain_lines,
    _repair,
    split_lines,
)
from alliance_lib.text.owners import _ALLIANCE
from alliance_lib.text.quotes import _CALLING, _CALLING_WORD

_ALPHABET = "AaBb .-’"  # few letters, so forms share prefixes and overlap in the text


def _alternation(forms: set[str]) -> re.Pattern[str]:
    """The plain matcher the trie replaces: every form, longest first, at word boundaries."""
    body = "|".join(re.escape(f) for f in sorted(forms, key=lambda f: (-len(f), f)))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)")


@st.composite
def _forms_and_text(draw):
    """A few forms sharing letters, and a text made of them, their pieces and separators."""
    forms = draw(st.sets(st.text(_ALPHABET, min_size=1, max_size=6), min_size=1, max_size=12))
    pieces = sorted(forms) + [" ", "a", "-", "B."]
    return forms, "".join(draw(st.lists(st.sampled_from(pieces), max_size=20)))


@settings(max_examples=500, deadline=None)
@given(_forms_and_text())
def test_trie_matches_what_a_longest_first_alternation_matches(case):
    forms, text = case
    expected = [m.span() for m in _alternation(forms).finditer(text)]
    assert list(FormMatcher(forms).finditer(text)) == expected


def test_the_longest_form_ending_at_a_word_boundary_wins_in_the_automaton_too():
    matcher = FormMatcher({"Abe", "Abe Shinzo", "Ab", "Shinzo Abe"})
    text = "Abe Shinzon met Abe Shinzo Abe and Abed, Shinzo Abe."
    assert [text[a:b] for a, b in matcher.finditer(text)] == [
        "Abe",
        "Abe Shinzo",
        "Abe",
        "Shinzo Abe",
    ]


def test_the_longest_form_ending_at_a_word_boundary_wins():
    matcher = FormMatcher({"Abe", "Abe Shinzo", "Ab"})
    text = "Abe Shinzon met Abe Shinzo and Abed."
    assert [text[a:b] for a, b in matcher.finditer(text)] == ["Abe", "Abe Shinzo"]


@settings(max_examples=500, deadline=None)
@given(st.text("aAZz .!?,”“\"‘’'\n", max_size=40))
def test_glued_subheading_is_found_where_a_scan_of_the_line_finds_it(line):
    expected = _GLUED_SUBHEADING.search(line)
    found = _glued_subheading(line)
    assert (found and (found.span(), found.groups())) == (
        expected and (expected.span(), expected.groups())
    )


# Words the claims patterns are made of, written in several cases, and characters that fold
# into their letters under IGNORECASE (the long s, the Kelvin sign), the dotted capital I.
_CLAIM_WORDS = (
    "2 12 1,500 2.5 1945 2023 2027 % $ US$ ¥ € £ - , . one five twenty fifty a an ten "
    "percent per cent of GDP gross domestic product its Japan's double tripled halving "
    "quadrupling fold over in within for the next past last years month decade decades "
    "billion trillion yen dollars euros won Fiscal fiscal year FY Jan. January March May "
    "Sept. December 13th on this since until Friday Monday week today Tomorrow through from "
    "to before after between and for the first time largest end conclusion World War II "
    "Cold Korean post-war postwar recent history living memory ſince \u212a İn FOR PAST"
).split()


# A phrase each pattern matches, from each of its branches.
_CLAIM_PHRASES = (
    "2 percent of GDP",
    "five per cent",
    "3%",
    "doubled",
    "ten-fold",
    "over the next five years",
    "within a decade",
    "$5 billion",
    "US$ 2 trillion",
    "twenty million yen",
    "fiscal 2023-24",
    "FY2023",
    "Jan. 13, 2023",
    "13 January 2023",
    "March of 2022",
    "on Friday",
    "this week",
    "yesterday",
    "until 2020",
    "between 1945",
    "since World War II",
    "for the first time since the end of the Cold War",
    "post-war",
    "in recent history",
    "05 March 2020",
    *(
        f"{word} 2023"
        for word in "in by since until through from to before after of between and".split()
    ),
    *(f"{word} Monday" for word in "on last this since until by from".split()),
)


@st.composite
def _claim_text(draw):
    """Claim phrases and words in any case, joined by spaces, nothing or a line break."""
    pieces = draw(st.lists(st.sampled_from([*_CLAIM_WORDS, *_CLAIM_PHRASES]), max_size=20))
    cased = [draw(st.sampled_from([p, p.upper(), p.lower(), p.title()])) for p in pieces]
    text = "".join(p + draw(st.sampled_from(["", " ", "  ", "\n"])) for p in cased)
    start = draw(st.integers(0, len(text)))
    return text, start, draw(st.integers(start, len(text)))


def _same_claim_matches(text: str, start: int, end: int) -> None:
    for (kind, source), (_, scanned) in zip(_PATTERNS, _SCANNED, strict=True):
        plain = re.compile(source).finditer(text, start, end)
        found = scanned.finditer(text, start, end)
        assert [(m.span(), m.groups()) for m in found] == [(m.span(), m.groups()) for m in plain], (
            kind,
            text,
        )


def test_each_claim_phrase_is_matched_as_without_the_lookahead():
    for phrase in _CLAIM_PHRASES:
        for cased in (phrase, phrase.upper(), phrase.lower(), phrase.title()):
            for text in (cased, f"x {cased}.", f"({cased})"):
                _same_claim_matches(text, 0, len(text))


@settings(max_examples=1000, deadline=None)
@given(_claim_text())
def test_claim_patterns_behind_their_lookahead_match_what_they_match_alone(case):
    _same_claim_matches(*case)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            "called calls calling call dubbed dubbing labeled labelling termed deemed it the "
            "move a , x".split()
        ),
        max_size=8,
    )
)
def test_a_head_the_calling_pattern_matches_holds_one_of_its_words(words):
    head = " ".join(words) + " "
    assert _CALLING_WORD.search(head) or not _CALLING.search(head)


_GATE_PIECES = [
    # triggers, and the facts some kinds need besides them (a number, a currency, a month...)
    *("Jan", "MAY", "Sep", "Sept", "year", "yesterday", "today", "day", "Monday", "on "),
    *("20", "7", "1,500", "seven", "SEVEN", "ſeven", "ı", "%", "percent", "per cent", "€"),
    *("A$", "Rs", "AUD", "US$", " dollars", " Canadian dollars", " zlotys", " euros", "kr"),
    *("billion", "War", "post-", "İ", "Σ", "ς", " ", ". ", "x", "_", "dec", "ade", "a decade"),
    *("fold", "fiscal ", "FY", " of GDP", "in ", "over "),
]


@settings(max_examples=800, deadline=None)
@given(
    st.lists(st.sampled_from(_GATE_PIECES), max_size=25), st.lists(st.integers(0, 80), max_size=6)
)
def test_the_one_pass_gate_drops_only_kinds_that_cannot_match_in_a_sentence(pieces, cuts):
    """Each sentence runs the kinds whose triggers it holds (the search per trigger) less those
    whose matches need a fact it lacks; a kind left out never matches there."""
    text = "".join(pieces)
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    spans = list(zip(bounds, bounds[1:], strict=False)) or [(0, 0)]
    scanned = dict(_SCANNED)
    for (a, b), gated in zip(spans, _gated(text, spans), strict=True):
        triggered = _span_gates(text[a:b].lower())
        assert gated <= triggered
        for kind in triggered - gated:
            assert scanned[kind].search(text, a, b) is None, (kind, text[a:b])


def test_a_trigger_without_the_facts_its_kind_needs_runs_no_pattern():
    """ "Ar" (the ariary) and "day" are triggers, but the sentence holds no number or weekday."""
    text = "Talks at the Arctic council ran all day."
    assert _gated(text, [(0, len(text))]) == [set()]
    text = "They met for 3 years, on Monday."
    assert _gated(text, [(0, len(text))]) == [{"duration", "relative", "weekday"}]


@settings(max_examples=500, deadline=None)
@given(st.text("ab “’—.\n", max_size=60))
def test_plain_text_is_split_into_the_lines_the_line_by_line_path_gives(raw):
    expected = _lines(raw)
    assert split_lines(raw) == expected
    if "  " not in raw:  # what the fast path requires, with the alphabet's plain characters
        assert _plain_lines(raw) == expected


@settings(max_examples=300, deadline=None)
@given(_forms_and_text())
def test_a_word_alternation_matches_what_a_guard_before_the_trie_matches(forms_and_text):
    """Opening each branch with its first character (so a search can skip to it) finds what
    `(?<!\\w)` before the trie finds."""
    forms, text = forms_and_text
    end = r"(?!\w)"
    plain = re.compile(r"(?<!\w)" + alternation(forms, end=end))
    skipping = re.compile(word_alternation(forms, end=end))
    assert [m.span() for m in skipping.finditer(text)] == [m.span() for m in plain.finditer(text)]


@settings(max_examples=300, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            ["a", "A", "lli", "LLI", "ance", "es", "ED", "eſ", "b", "B"]
            + ["loc", "LOC", " ", "x", "_", "é", "-"]
        ),
        max_size=10,
    )
)
def test_the_alliance_word_pattern_matches_what_the_case_blind_word_pattern_matches(pieces):
    text = "".join(pieces)
    plain = re.compile(r"(?i)\b(?:alliance|allies|allied|bloc)\b")
    assert [m.span() for m in _ALLIANCE.finditer(text)] == [m.span() for m in plain.finditer(text)]


def _collapsed_char_by_char(fixed: str, mapping: list[int]) -> tuple[str, list[int]]:
    """The plain loop `_normalize_once` replaced: drop, collapse spaces, one character at a time."""
    chars: list[str] = []
    offsets: list[int] = []
    pending_space = -1
    for ch, origin in zip(fixed, mapping, strict=True):
        if _DROP.match(ch):
            continue
        if _SPACE.match(ch):
            if pending_space < 0:
                pending_space = origin
            continue
        if pending_space >= 0 and chars:
            chars.append(" ")
            offsets.append(pending_space)
        pending_space = -1
        chars.append(ch)
        offsets.append(origin)
    return "".join(chars), offsets


@settings(max_examples=500, deadline=None)
@given(st.text("ab. \t\u00a0\u00ad\u200b\u2003\x1c\x0b\x7f\u3000é&", max_size=40))
def test_dropping_and_collapsing_by_runs_gives_what_the_character_loop_gives(line):
    fixed, mapping = _repair(line)
    if not _NEEDS_WORK.search(fixed):
        return  # only trimmed: the loop is not reached
    assert _normalize_once(line) == _collapsed_char_by_char(fixed, list(mapping))
