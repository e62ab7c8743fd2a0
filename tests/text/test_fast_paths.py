"""Fast paths of the parser give what the plain code they replace gives (issue 10, speed)."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from alliance_lib.text.boilerplate import _GLUED_SUBHEADING, _glued_subheading
from alliance_lib.text.gazetteer import FormMatcher

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
