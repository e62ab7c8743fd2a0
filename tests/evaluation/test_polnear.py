"""The PolNeAR evaluation on tiny synthetic brat files: reader, gold definition, scorer, runner."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from alliance_lib.config import PROJECT_ROOT
from alliance_lib.errors import DataError
from alliance_lib.evaluation.brat import Attribution, read_attributions
from alliance_lib.evaluation.corpus import PARTS, evaluate, part_of, table
from alliance_lib.evaluation.polnear import (
    Predicted,
    PredictedAttribution,
    gold_quotations,
    quoted_mask,
    score_article,
    score_attributions,
    source_kind,
)

TEXT = (
    "Headline of a made-up story\n\n"
    "“We will win this state,” Jane Roe said.\n\n"
    "Roe said the plan was ready.\n\n"
    "“It is done,” she added.\n"
)


def _span(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return start, start + len(part)


def _ann(text: str) -> str:
    """A brat file for TEXT: two direct quotations (named, pronoun) and one indirect."""
    q1, src1, cue1 = (
        _span(text, "“We will win this state,”"),
        _span(text, "Jane Roe"),
        _span(text, "said."),
    )
    ind = _span(text, "the plan was ready")
    src2 = _span(text, "Roe said the")
    src2 = (src2[0], src2[0] + 3)
    q3, src3, cue3 = _span(text, "“It is done,”"), _span(text, "she"), _span(text, "added")
    lines = [
        f"T1\tContent {q1[0]} {q1[1]}\t{text[q1[0] : q1[1]]}",
        f"T2\tSource {src1[0]} {src1[1]}\tJane Roe",
        f"T3\tCue {cue1[0]} {cue1[1]}\tsaid.",
        f"T4\tAttribution {cue1[0]} {cue1[1]}\tsaid.",
        "E1\tAttribution:T4 Content:T1 Cue:T3 Source:T2",
        f"T5\tContent {ind[0]} {ind[1]}\tthe plan was ready",
        f"T6\tSource {src2[0]} {src2[1]}\tRoe",
        f"T7\tAttribution {ind[0] - 5} {ind[0] - 1}\tsaid",
        "E2\tAttribution:T7 Content:T5 Source:T6",
        f"T8\tContent {q3[0]} {q3[1]}\t{text[q3[0] : q3[1]]}",
        f"T9\tSource {src3[0]} {src3[1]}\tshe",
        f"T10\tCue {cue3[0]} {cue3[1]}\tadded",
        "E3\tAttribution:T10 Content:T8 Cue:T10 Source:T9",
    ]
    return "\n".join(lines) + "\n"


@pytest.fixture
def corpus(tmp_path):
    (tmp_path / "text").mkdir()
    (tmp_path / "attributions").mkdir()
    (tmp_path / "text" / "story.txt").write_text(TEXT, encoding="utf-8")
    (tmp_path / "attributions" / "story_aaaa.ann").write_text(_ann(TEXT), encoding="utf-8")
    (tmp_path / "attributions" / "story_bbbb.ann").write_text("", encoding="utf-8")
    return tmp_path


def test_reader_keeps_discontinuous_ranges_and_skips_continuation_lines(tmp_path):
    path = tmp_path / "a.ann"
    path.write_text(
        "T1\tContent 5 9;12 20\tsome\ntext that ran over a line\nT2\tCue 0 4\tsaid\n"
        "E1\tAttribution-no-source:T2 Content:T1 Cue:T2\n",
        encoding="utf-8",
    )
    assert read_attributions(path) == [Attribution("E1", (), ((0, 4),), ((5, 9), (12, 20)))]


def test_reader_names_the_file_and_line_of_a_bad_record(tmp_path):
    path = tmp_path / "bad.ann"
    path.write_text("T1\tContent five nine\tx\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"bad\.ann:1"):
        read_attributions(path)


def test_quoted_mask_pairs_marks_per_line_and_leaves_an_open_quotation_to_the_line_end():
    text = 'a "b" c\n“d e\nf'
    assert [i for i, m in enumerate(quoted_mask(text)) if m] == [2, 3, 4, 8, 9, 10, 11]


@pytest.mark.parametrize(
    ("source", "kind"),
    [
        ("he", "pronoun"),
        ("Jane Roe", "named"),
        ("Jeff Weaver, Sanders' campaign manager,", "named"),
        ("the Washington Post", "named"),
        ("a Clinton campaign spokesman", "descriptive"),
        ("a spokesman for Jane Roe", "descriptive"),
        ("Roe's campaign", "descriptive"),
        ("", "none"),
    ],
)
def test_source_kinds(source, kind):
    assert source_kind(source) == kind


def test_gold_direct_quotations_and_the_pronoun_proxy(tmp_path):
    golds = gold_quotations(TEXT, _attributions(tmp_path))
    assert [(g.source, g.kind) for g in golds] == [("Jane Roe", "named"), ("she", "pronoun")]
    assert golds[1].antecedent == "Roe"  # the nearest named source before it (an indirect one)


def _attributions(tmp_path) -> list[Attribution]:
    path = tmp_path / "story.ann"
    path.write_text(_ann(TEXT), encoding="utf-8")
    return read_attributions(path)


def test_scoring_matches_by_overlap_judges_speakers_and_excuses_indirect_speech(tmp_path):
    q1, q3 = _span(TEXT, "We will win this state"), _span(TEXT, "It is done")
    inside = _span(TEXT, "plan was ready")
    predicted = [
        Predicted(q1[0], q1[1], "jane-roe", "Roe", "said_clause"),
        Predicted(inside[0], inside[1], None, None, "unattributed"),
        Predicted(q3[0], q3[1], "mark-doe", "Doe", "pronoun"),
    ]
    score = score_article(TEXT, _attributions(tmp_path), predicted)
    assert score.matched == (True, False, True)
    assert score.excused == (False, True, False)
    assert [o.speaker_right for o in score.golds] == [True, False]


def test_evaluate_writes_one_line_per_article_and_prints_one_table(corpus, tmp_path):
    results = tmp_path / "out" / "results.jsonl"
    parts = evaluate(corpus, results)
    totals = parts["all"]
    assert parts[part_of("story")].articles == 1 and set(parts) == {*PARTS, "all"}
    assert (totals.articles, totals.gold) == (1, 2)
    assert (totals.found, totals.correct, totals.named_right, totals.pronoun_right) == (2, 2, 1, 1)
    # every attribution: both quotations and the indirect one are found, with their sources
    assert (totals.attributions, totals.attributions_found, totals.sources_found) == (3, 3, 3)
    assert totals.by_kind == {"direct": [2, 2], "mixed": [0, 0], "indirect": [1, 1]}
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert [row["article"] for row in rows] == ["story"]
    assert rows[0]["gold"] == 2 and rows[0]["part"] == part_of("story")
    assert len(rows[0]["attribution_golds"]) == 3
    printed = table(totals, "test")
    assert "named-source speakers right" in printed and "ms per article" in printed
    assert "all attributions: content F1" in printed and "recall, indirect" in printed


def test_the_parts_are_a_fixed_rule_on_file_names():
    names = [f"outlet_2016-01-{day:02d}_story" for day in range(1, 31)]
    parts = [part_of(name) for name in names]
    assert parts == [part_of(name) for name in names]  # the same every run
    assert set(parts) == {"development", "unseen"}
    assert 0.2 < parts.count("unseen") / len(parts) < 0.5


def test_every_attribution_is_matched_by_overlap_and_its_source_judged(tmp_path):
    golds = _attributions(tmp_path)
    q1, ind = _span(TEXT, "We will win this state"), _span(TEXT, "plan was ready")
    roe = _span(TEXT, "Roe said the")
    wide = _span(TEXT, "“We will win this state,” Jane Roe said.\n\nRoe said the plan was ready")
    predicted = [
        PredictedAttribution(q1[0], q1[1], None, "Roe", "direct"),  # right by the surname
        PredictedAttribution(ind[0], ind[1], (roe[0], roe[0] + 3), None, "indirect"),
        PredictedAttribution(0, 8, None, None, "indirect"),  # the headline: no attribution
    ]
    score = score_attributions(TEXT, golds, predicted)
    assert [g.kind for g in score.golds] == ["direct", "indirect", "direct"]
    assert score.matched == (True, True, False)
    assert score.gold_match == (0, 1, None)
    assert score.gold_source_right == (True, True, False)
    assert score.source_right == (True, True, False)
    assert score.one_to_one == 2
    # one long prediction overlapping two golds matches both, but only one of them one to one
    score = score_attributions(TEXT, golds, [PredictedAttribution(*wide, None, None, "direct")])
    assert score.gold_match == (0, 0, None) and score.one_to_one == 1
    assert score.gold_source_right == (False, False, False)


def test_make_eval_script_skips_in_one_line_without_the_data(tmp_path):
    out = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "benchmarks" / "eval.py"), "--data", str(tmp_path)],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert out.strip().splitlines() == [f"eval skipped: no PolNeAR data at {tmp_path}"]
