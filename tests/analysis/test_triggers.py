"""Trigger words: every match of a pattern contains one of its literals, so gating is safe."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from alliance_lib.analysis.triggers import TriggerIndex, required_literals


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        (r"\bdefen[cs]e spending\b", {"e spending"}),
        (r"defen[cs]e (?:spending|budgets?)", {"spending", "budget"}),
        (r"(?-i:\bmay\b)", {"may"}),
        (r"\bF-\d+s?\b", {"f-"}),
        (r"(?:percent|%) of GDP", {" of gdp"}),
        (r"\bco-?(?:produc|develop)\w*", {"produc", "develop"}),
        (r"(?:ab)+ccc", {"ccc"}),
        (r"\d+", None),
        (r"(?:x|\d)+", None),
    ],
)
def test_required_literals(pattern, literals):
    assert required_literals(pattern) == (frozenset(literals) if literals else None)


def test_an_index_refuses_a_pattern_it_cannot_gate():
    with pytest.raises(ValueError, match=r"pattern '\\\\d\+' holds no literal"):
        TriggerIndex([("number", r"\d+")])


_PATTERNS = [
    r"\bdefen[cs]e budgets?\b",
    r"\bco-?produc\w*",
    r"(?:joint|allied) drills?",
    r"\bF-\d+\b",
]


@given(st.text(alphabet="defnsc budgetjoitalrwpF-0123456789 ", max_size=60))
def test_a_pattern_that_matches_always_passes_its_gate(text):
    index = TriggerIndex(enumerate(_PATTERNS))
    passed = index.keys(text)
    for key, pattern in enumerate(_PATTERNS):
        if re.search(pattern, text, re.IGNORECASE):
            assert key in passed
