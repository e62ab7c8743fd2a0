"""The speaker stage's helpers on thousands of items: the name-form matcher and the merge.

No timing is asserted here (speed is measured by the benchmarks); the speech families of issue 7
themselves are parsed in `test_pathological.py`, from the builders the growth benchmark times.
"""

from __future__ import annotations

from itertools import pairwise

import pytest

from alliance_lib.text.entities import merge
from alliance_lib.text.gazetteer import FormMatcher
from alliance_lib.text.model import Entity
from benchmarks.pathological import speaker_name


@pytest.mark.parametrize("count", [500, 5_000])
def test_form_matcher_finds_every_one_of_many_forms(count):
    forms = [f"Lena {speaker_name(i)}" for i in range(count)]
    text = " and ".join(reversed(forms))
    found = [text[a:b] for a, b in FormMatcher(forms).finditer(text)]
    assert found == list(reversed(forms))
    once = [text[a:b] for a, b in FormMatcher(forms, once=True).finditer(text)]
    assert once == list(reversed(forms))


@pytest.mark.parametrize("count", [500, 5_000])
def test_merge_keeps_text_order_and_drops_overlaps(count):
    existing = [Entity(10 * i, 10 * i + 4, "x", "person", f"a{i}", "A", 0) for i in range(count)]
    extra = [Entity(10 * i + 2, 10 * i + 8, "y", "person", f"b{i}", "B", 0) for i in range(count)]
    extra += [Entity(10 * i + 5, 10 * i + 9, "z", "person", f"c{i}", "C", 0) for i in range(count)]
    merged = merge(existing, extra)
    assert [e.id[0] for e in merged[:4]] == ["a", "c", "a", "c"]
    assert len(merged) == 2 * count
    assert all(left.end <= right.start for left, right in pairwise(merged))
