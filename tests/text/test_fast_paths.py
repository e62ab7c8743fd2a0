"""Fast paths of the parser give what the plain code they replace gives (issue 10, speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_lib.text import claims as claims_module
from alliance_lib.text.boilerplate import _GLUED_SUBHEADING, _glued_subheading
from alliance_lib.text.claims import _PATTERNS, _SCANNED, _gated, _span_gates, find_claims
from alliance_lib.text.gazetteer import FormMatcher
from alliance_lib.text.model import Sentence
from alliance_lib.text.offsets import _lines, _plain_lines, split_lines
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
    assert list(FormMatcher(forms, once=True).finditer(text)) == expected  # Aho-Corasick


def test_the_longest_form_ending_at_a_word_boundary_wins_in_the_automaton_too():
    matcher = FormMatcher({"Abe", "Abe Shinzo", "Ab", "Shinzo Abe"}, once=True)
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


@settings(max_examples=500, deadline=None)
@given(
    st.lists(
        st.sampled_from(
            [
                "Jan",
                "MAY",
                "year",
                "yesterday",
                "today",
                "day",
                "20",
                "%",
                "€",
                "War",
                "post-",
                "İ",
                "Σ",
                "ς",
                " ",
                ". ",
                "x",
                "dec",
                "ade",
                "fold",
                "per cent",
            ]
        ),
        max_size=25,
    ),
    st.lists(st.integers(0, 60), max_size=6),
)
def test_the_one_pass_trigger_search_gates_each_sentence_as_its_own_search(pieces, cuts):
    text = "".join(pieces)
    bounds = sorted({0, len(text), *(c for c in cuts if c <= len(text))})
    spans = list(zip(bounds, bounds[1:], strict=False)) or [(0, 0)]
    assert _gated(text, spans) == [_span_gates(text[a:b].lower()) for a, b in spans]


@settings(max_examples=500, deadline=None)
@given(st.text("ab “’—.\n", max_size=60))
def test_plain_text_is_split_into_the_lines_the_line_by_line_path_gives(raw):
    expected = _lines(raw)
    assert split_lines(raw) == expected
    if "  " not in raw:  # what the fast path requires, with the alphabet's plain characters
        assert _plain_lines(raw) == expected


@settings(max_examples=500, deadline=None)
@given(_claim_text())
def test_the_number_gate_drops_no_amount(case):
    """A sentence without a number skips the amount pattern: nothing it would find is lost."""
    text, start, end = case
    if claims_module._NUMBER.search(text, start, end) is None:
        assert not list(claims_module._AMOUNT.finditer(text, start, end))
    sentences = [Sentence(start, end, text[start:end], 0)]
    gated = find_claims(text, sentences)
    number = claims_module._NUMBER
    try:
        claims_module._NUMBER = re.compile("")  # every sentence runs every gated pattern
        assert find_claims(text, sentences) == gated
    finally:
        claims_module._NUMBER = number
