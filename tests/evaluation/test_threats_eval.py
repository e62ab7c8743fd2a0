"""Scoring the threat coder against a threat annotation: a synthetic corpus in PolNeAR's layout
(written here, not PolNeAR's text), the fixed split, the matching rule and the figures."""

from __future__ import annotations

import json
from datetime import date

import pytest

from alliance_lib import DataError
from alliance_lib.analysis.threats import load_threat_codebook
from alliance_lib.config import THREAT_CODEBOOK
from alliance_lib.evaluation import threats as ev
from benchmarks import eval_threats

ARTICLES = {
    "wire_one": (
        "Allies met in Brussels on Tuesday.\n\n"
        "U.S. officials said Russia invaded Ukraine to seize territory.\n\n"
        "China poses no threat to anyone, the ministry said.\n\n"
        "Japan and China signed a fisheries accord."
    ),
    "wire_two": "Iran is building ballistic missiles, Israeli officials said.\n\nMexico sells cars.",
    "wire_three": (
        "Minister Says Russians Hacked the Ministry\n\n"
        "Officials met on Tuesday to discuss the budget. They talked for hours."
    ),
}


def _span(text: str, start: str, end: str) -> tuple[int, int]:
    a = text.index(start)
    return a, text.index(end, a) + len(end)


@pytest.fixture()
def corpus(tmp_path):
    (tmp_path / "train" / "text").mkdir(parents=True)
    rows = ["split,article,sent_start,sent_end,state,label,voice,kind"]
    for name, text in ARTICLES.items():
        (tmp_path / "train" / "text" / f"{name}.txt").write_text(text, encoding="utf-8")
    one, two = ARTICLES["wire_one"], ARTICLES["wire_two"]
    a, b = _span(one, "U.S. officials", "territory.")
    rows.append(f"train,wire_one,{a},{b},RUS,threat,U.S. officials,military")
    rows.append(f"train,wire_one,{a},{b},UKR,none,,")
    a, b = _span(one, "China poses", "said.")
    rows.append(f"train,wire_one,{a},{b},CHN,rejected,the ministry,other")
    a, b = _span(one, "Japan and China", "accord.")
    rows.append(f"train,wire_one,{a},{b},CHN,none,,")
    rows.append(f"train,wire_one,{a},{b},JPN,none,,")
    a, b = _span(two, "Iran is", "said.")
    rows.append(f"train,wire_two,{a},{b},IRN,threat,Israeli officials,nuclear_missile")
    a, b = _span(two, "Mexico", "cars.")
    rows.append(f"train,wire_two,{a},{b},MEX,none,,")
    three = ARTICLES["wire_three"]
    a, b = _span(three, "Minister", "Ministry")  # a frame in the headline
    rows.append(f"train,wire_three,{a},{b},RUS,threat,Minister,cyber_interference")
    gold = tmp_path / "threats.csv"
    gold.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return tmp_path / "train", gold


def test_the_split_is_a_fixed_rule_on_the_article_name():
    assert ev.part_of("wire_one") == ev.part_of("wire_one")
    parts = {ev.part_of(f"article-{i}") for i in range(30)}
    assert parts == {ev.DEVELOPMENT, ev.UNSEEN}


def test_the_unseen_part_is_drawn_from_the_first_rounds_unseen_part():
    names = [f"article-{i}" for i in range(300)]
    unseen = {n for n in names if ev.part_of(n) == ev.UNSEEN}
    first_unseen = {n for n in names if ev.first_part_of(n) == ev.UNSEEN}
    assert unseen and unseen < first_unseen  # never tuned on by either round
    assert 0.3 < len(unseen) / len(first_unseen) < 0.7  # about half of it


def test_a_synthetic_corpus_is_scored_row_by_row(corpus):
    root, gold = corpus
    run = ev.evaluate(root, gold, load_threat_codebook(THREAT_CODEBOOK))
    figures = ev.figures(run.outcomes)
    assert (figures["gold_threat"], figures["threat_found"], figures["predicted_threat"]) == (
        3,
        3,
        3,
    )
    assert figures["threat_f1"] == 1.0 and figures["voice_accuracy"] == 1.0
    assert (figures["rejected_found"], figures["rejected_recall"]) == (1, 1.0)
    assert figures["kappa_frame"] == 1.0
    result = ev.summary(run)
    assert set(result["by_state"]["all"]) == {"IRN", "RUS"}
    assert "threat F1" in ev.table(result, "synthetic")
    first = result["first_split"]
    assert sum(f["rows"] for f in first.values()) == figures["rows"]
    assert "first unseen" in ev.table(result, "synthetic")


def test_a_frame_the_annotation_lacks_counts_against_none_and_other_states_are_not_scored():
    gold = [ev.GoldRow("a", 0, 10, "CHN", "none", "", "")]
    frames = [
        ev.Predicted(0, 10, "CHN", "threat", "narrator", "other", "threat"),
        ev.Predicted(20, 30, "RUS", "threat", "narrator", "other", "threat"),
        ev.Predicted(20, 30, "USA", "threat", "narrator", "other", "threat"),
    ]
    outcomes, uncovered = ev.match_article("a", gold, frames, {"CHN", "RUS"})
    assert [(o.state, o.gold, o.predicted) for o in outcomes] == [
        ("CHN", "none", "threat"),
        ("RUS", "none", "threat"),
    ]
    assert uncovered == 1


@pytest.mark.parametrize(
    ("predicted", "gold", "right"),
    [
        ("narrator", "narrator", True),
        ("Harris", "Harry B. Harris Jr.", True),
        ("the congressional report", "congressional report", True),
        ("narrator", "Hillary Clinton", False),
        ("Xi Jinping", "Harry B. Harris Jr.", False),
    ],
)
def test_voice_right(predicted, gold, right):
    assert ev.voice_right(predicted, gold) is right


def test_cohen_kappa():
    assert ev.cohen_kappa(["a", "b", "a", "b"], ["a", "b", "a", "b"]) == 1.0
    assert ev.cohen_kappa(["a", "a"], ["a", "a"]) is None
    assert ev.cohen_kappa(["a", "b", "a", "b"], ["a", "a", "b", "b"]) == 0.0


def test_eval_writes_the_validity_file_the_notebook_reads(corpus, tmp_path, capsys):
    root, gold = corpus
    results, validity = tmp_path / "out" / "rows.jsonl", tmp_path / "validity.json"
    args = ["--data", str(root), "--gold", str(gold), "--results", str(results)]
    assert eval_threats.main([*args, "--validity", str(validity)]) == 0
    assert "threat F1" in capsys.readouterr().out
    document = ev.read_validity(validity)
    assert document["measured"] == date.today().isoformat()
    assert set(document["first_split"]["parts"]) == {ev.DEVELOPMENT, ev.UNSEEN}
    assert document["parts"]["all"]["threat_f1"] == 1.0
    table = ev.validity_table(document)
    assert list(table["part"])[-1] == "both"
    rows = [json.loads(line) for line in results.read_text(encoding="utf-8").splitlines()]
    assert {"article", "start", "end", "gold", "predicted"} <= set(rows[0])
    assert not any("Russia invaded" in line for line in results.read_text().splitlines())


def test_eval_skips_without_the_annotation(tmp_path, capsys):
    assert eval_threats.main(["--data", str(tmp_path), "--gold", str(tmp_path / "x.csv")]) == 0
    assert "skipped" in capsys.readouterr().out


def test_a_broken_validity_file_is_named(tmp_path):
    path = tmp_path / "validity.json"
    path.write_text("{}", encoding="utf-8")
    with pytest.raises(DataError, match=str(path)):
        ev.read_validity(path)
    with pytest.raises(DataError, match="make eval"):
        ev.read_validity(tmp_path / "missing.json")


def test_the_shipped_validity_file_reads(tmp_path):
    document = ev.read_validity(ev_path())
    assert set(document["parts"]) >= {ev.DEVELOPMENT, ev.UNSEEN}


def ev_path():
    from alliance_lib.config import THREAT_VALIDITY

    return THREAT_VALIDITY
