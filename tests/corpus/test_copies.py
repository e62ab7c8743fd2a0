"""Wire copies: one story syndicated to several outlets with small edits is found as one group,
kept once (its earliest article) in the tests of difference; different stories on the same
event are not merged; the look-ups stay linear. Every story here is written for the test."""

from __future__ import annotations

import json

import pytest

from alliance_lib.analysis import copies, coverage
from alliance_lib.corpus.run import run_corpus

STORY = (
    "Allies agree to deepen defence ties\n\n"
    "TOKYO (Harbor Wire) - Japan and the United States agreed on Thursday to deepen their "
    "defence cooperation as officials in both capitals pointed to growing military pressure "
    "around Taiwan.\n\n"
    "The two governments said they would expand joint exercises in the East China Sea and share "
    "more intelligence on missile launches by North Korea.\n\n"
    "Officials said the plan would cost about 5 billion dollars over three years and would be "
    "reviewed by both parliaments before the summer recess.\n\n"
    "Analysts said the agreement marked the closest coordination between the two militaries in "
    "decades, though details of the command arrangements were still being negotiated.\n"
)
# The same story as another outlet runs it: its own headline and dateline credit, a word
# changed, a closing paragraph of its own.
SYNDICATED = (
    STORY.replace("Allies agree to deepen defence ties", "Japan, US expand military cooperation")
    .replace("(Harbor Wire)", "(Pacific Desk, from Harbor Wire)")
    .replace("expand joint exercises", "widen joint exercises")
    + "\nThe ministry did not respond to a request for comment on Friday.\n"
)
OTHER = (
    "Leaders meet over trade\n\n"
    "WASHINGTON - The president hosted the prime minister at the White House on Thursday for "
    "talks that aides said would focus on semiconductors, tariffs and investment in factories.\n\n"
    "Neither side expected a formal agreement, but both hoped to settle a dispute over export "
    "controls that has unsettled chip makers for more than a year.\n\n"
    "North Korea's missile launches were expected to come up only briefly, aides said, as the "
    "leaders turned to the economy and to supply chains in the region.\n"
)


def test_a_syndicated_copy_with_small_edits_is_found_and_another_story_is_not():
    found = copies.find_copies([("wire", STORY), ("desk", SYNDICATED), ("other", OTHER)])
    assert [(c.article, c.kept) for c in found] == [("desk", "wire")]
    assert 0.6 < found[0].jaccard < 1.0
    assert copies.find_copies([("wire", STORY), ("other", OTHER)]) == []


@pytest.mark.parametrize("count", [50, 400])
def test_many_copies_of_one_story_are_one_look_up_each(monkeypatch, count):
    calls = []
    exact = copies._jaccard
    monkeypatch.setattr(copies, "_jaccard", lambda a, b: calls.append(1) or exact(a, b))
    texts = [(f"a{i}", STORY + f"\nUpdate number {i}.\n") for i in range(count)]
    found = copies.find_copies(texts)
    assert len(found) == count - 1 and {c.kept for c in found} == {"a0"}
    assert len(calls) == count - 1  # each copy is compared with the one kept article only


def test_a_corpus_counts_each_group_of_copies_once_in_the_tests(tmp_path):
    rows = [
        ("harbor-wire", "wire.txt", STORY, "2023-03-02"),
        ("pacific-desk", "desk.txt", SYNDICATED, "2023-03-03"),
        ("capital-daily", "copy.txt", SYNDICATED.replace("Thursday", "Thursday night"), None),
        ("capital-daily", "other.txt", OTHER, "2023-03-02"),
    ]
    manifest = tmp_path / "m.jsonl"
    lines = []
    for outlet, name, text, published in rows:
        (tmp_path / name).write_text(text, encoding="utf-8")
        lines.append(json.dumps({"path": name, "outlet": outlet, "published": published}))
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    output = tmp_path / "corpus"
    run_corpus(
        [str(manifest)], output, scheduler="synchronous", progress=False, echo=lambda _: None
    )
    corpus = coverage.read_corpus(output)
    table = coverage.wire_copies(corpus)
    by_outlet = table.set_index("outlet")
    assert sorted(by_outlet.index) == ["capital-daily", "harbor-wire", "pacific-desk"]
    assert table["group"].nunique() == 1
    assert by_outlet.loc["harbor-wire", "kept"]  # the earliest published; the undated comes last
    assert not by_outlet.loc["pacific-desk", "kept"] and not by_outlet.loc["capital-daily", "kept"]
    assert (table["jaccard"] > 0.6).all()
    story = coverage.one_per_story(corpus, table)
    assert len(story.articles) == 2 and set(story.articles["outlet"]) == {
        "harbor-wire",
        "capital-daily",
    }
    # North Korea is named in every copy: three articles as published, one story in the test
    every = coverage.outlet_differences(corpus, 50, 1, 0.05).set_index("code")
    once = coverage.outlet_differences(story, 50, 1, 0.05).set_index("code")
    assert every.loc["threat:PRK", "articles"] == 4 and once.loc["threat:PRK", "articles"] == 2
