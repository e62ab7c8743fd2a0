"""Notebook 05's analysis: selection, quotations, key claims by type and value, and the
permutation test between outlets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import coverage
from alliance_lib.analysis.people import speaker_rows
from alliance_lib.corpus import records, store

ATTRIBUTION = ["article_id", "kind", "speaker", "speaker_name", "speaker_kind", "speaker_text"]


def attributions(rows: list[tuple], entities: list[tuple] = ()) -> pd.DataFrame:
    """Attribution rows (id, kind, speaker, speaker_name, speaker_kind, speaker_text) read as
    `read_corpus` reads them, the speakers' entities (id, entity id, type) beside; a person
    speaker with no entity row is given one."""
    frame = pd.DataFrame(rows, columns=ATTRIBUTION)
    frame["attribution"] = range(len(frame))
    known = {(a, i) for a, i, _ in entities}
    people = [
        (a, i, "person")
        for a, i, kind in zip(
            frame["article_id"], frame["speaker"], frame["speaker_kind"], strict=True
        )
        if isinstance(i, str) and kind in ("named", "pronoun") and (a, i) not in known
    ]
    table = pd.DataFrame([*entities, *people], columns=["article_id", "id", "type"])
    return speaker_rows(frame, table)


def corpus(
    articles: list[tuple],
    codes: list[tuple] = (),
    claims: list[tuple] = (),
    said: list[tuple] = (),
    excerpts: set[str] = frozenset(),
    entities: list[tuple] = (),
) -> coverage.Corpus:
    """A Corpus from rows: articles (id, outlet, published, sentences), codes (id, sentence, code),
    claims (id, type, value, number, unit, owner), `said`: attributions (id, kind, speaker,
    speaker_name, speaker_kind, speaker_text) with their speakers' `entities` (id, entity id,
    type: also the articles' mentions); the articles in `excerpts` end in a continue-reading
    stub."""
    frame = pd.DataFrame(articles, columns=["article_id", "outlet", "published", "sentences"])
    frame["truncated"] = frame["article_id"].isin(excerpts)
    frame["published"] = [
        date.fromisoformat(d) if isinstance(d, str) else None for d in frame["published"]
    ]
    frame["input_path"] = frame["article_id"]
    frame["headline"] = None
    return coverage.Corpus(
        Path("/nowhere"),
        frame,
        attributions(said, entities),
        pd.DataFrame(claims, columns=["article_id", "type", "value", "number", "unit", "owner"]),
        pd.DataFrame(codes, columns=["article_id", "sentence", "code"]),
        pd.DataFrame(columns=["input_path", "outlet", "error"]),
        pd.DataFrame([(a, i) for a, i, _ in entities], columns=["article_id", "id"]),
    )


def planted(difference: bool, per_outlet: int = 12, seed: int = 1) -> coverage.Corpus:
    """Three outlets of `per_outlet` 10-sentence articles; with `difference`, outlet A names
    China in most sentences and the others rarely; otherwise all outlets alike. Russia is named
    alike everywhere; the keyword code mfc:Economic is planted in A's sentences only."""
    rng = np.random.default_rng(seed)
    articles, codes = [], []
    for outlet in "ABC":
        for k in range(per_outlet):
            key = f"{outlet}{k}"
            articles.append((key, outlet, "2023-01-13", 10))
            rate = 0.6 if (difference and outlet == "A") else 0.1
            for sentence in range(10):
                if rng.random() < rate:
                    codes.append((key, sentence, "threat:CHN"))
                if rng.random() < 0.3:
                    codes.append((key, sentence, "threat:RUS"))
                if outlet == "A" and rng.random() < 0.5:
                    codes.append((key, sentence, "mfc:Economic"))
    return corpus(articles, codes)


def test_a_planted_difference_is_flagged_and_a_shared_rate_is_not():
    table = coverage.outlet_differences(planted(True), 500, 7, 0.05).set_index("code")
    assert table.loc["threat:CHN", "flagged"] and table.loc["threat:CHN", "highest"] == "A"
    assert table.loc["threat:CHN", "p_value"] == pytest.approx(1 / 501)
    assert table.loc["threat:RUS", "tested"] and not table.loc["threat:RUS", "flagged"]
    assert 0 < table.loc["threat:CHN", "cramers_v"] <= 1
    null = coverage.outlet_differences(planted(False), 500, 7, 0.05)
    assert not null["flagged"].any()


def test_keyword_indicators_are_never_tested_however_they_differ():
    table = coverage.outlet_differences(planted(True), 200, 7, 0.05).set_index("code")
    economic = table.loc["mfc:Economic"]  # only outlet A carries it: the largest difference
    assert economic["kind"] == coverage.KEYWORD_INDICATOR and not economic["tested"]
    assert not economic["flagged"] and np.isnan(economic["p_value"])
    assert np.isnan(economic["cramers_v"]) and "keyword indicator" in economic["not_tested"]
    assert economic["highest"] == "A"  # described, though not tested
    assert table.loc["threat:CHN", "kind"] == coverage.THREAT_ACTOR


def test_a_code_carried_by_too_few_articles_is_not_tested():
    # North Korea in every sentence of two of outlet A's articles: a large, unsupported difference
    rare = planted(False)
    extra = pd.DataFrame(
        [(key, sentence, "threat:PRK") for key in ("A0", "A1") for sentence in range(10)],
        columns=["article_id", "sentence", "code"],
    )
    rare.codes = pd.concat([rare.codes, extra], ignore_index=True)
    table = coverage.outlet_differences(rare, 300, 7, 0.05, min_articles=5).set_index("code")
    korea = table.loc["threat:PRK"]
    assert korea["articles"] == 2 and not korea["tested"] and not korea["flagged"]
    assert korea["not_tested"] == "carried by 2 articles, fewer than 5"
    assert np.isnan(korea["p_adjusted"])
    low = coverage.outlet_differences(rare, 300, 7, 0.05, min_articles=2).set_index("code")
    assert low.loc["threat:PRK", "tested"] and 0 < low.loc["threat:PRK", "p_value"] <= 1
    # Holm adjusts over the codes tested only: two threat actors here, three with the floor at 2
    tested = table[table["tested"]]
    assert len(tested) == 2 and (tested["p_adjusted"] >= tested["p_value"]).all()
    assert list(table["tested"]) == sorted(table["tested"], reverse=True)  # tested rows first


@pytest.mark.parametrize(
    ("v", "label"),
    [(0.0, "negligible"), (0.099, "negligible"), (0.1, "small"), (0.29, "small")]
    + [(0.3, "medium"), (0.5, "large"), (1.0, "large")],
)
def test_effect_sizes_in_words_follow_cohen(v, label):
    assert coverage.effect_size(v) == label


def test_the_differences_label_each_tested_effect():
    table = coverage.outlet_differences(planted(True), 200, 3, 0.05).set_index("code")
    china = table.loc["threat:CHN"]
    assert china["effect"] == coverage.effect_size(china["cramers_v"]) != ""
    assert table.loc["mfc:Economic", "effect"] == ""


def test_article_shares_count_an_article_once_beside_sentence_shares():
    found = corpus(
        [("a", "X", None, 10), ("b", "X", None, 10), ("c", "Y", None, 5)],
        codes=[("a", 0, "threat:CHN"), ("a", 1, "threat:CHN"), ("a", 2, "threat:CHN")]
        + [("c", 0, "threat:CHN")],
    )
    shares = coverage.code_shares(found).set_index("outlet")
    assert shares.loc["X", "sentences_coded"] == 3 and shares.loc["X", "share_pct"] == 15.0
    assert shares.loc["X", "articles_coded"] == 1 and shares.loc["X", "outlet_articles"] == 2
    assert shares.loc["X", "article_share_pct"] == 50.0
    assert shares.loc["Y", "article_share_pct"] == 100.0 and shares.loc["Y", "share_pct"] == 20.0


def test_the_test_is_reproducible_with_its_seed():
    a = coverage.outlet_differences(planted(True), 200, 3, 0.05)
    b = coverage.outlet_differences(planted(True), 200, 3, 0.05)
    assert a.equals(b)


def test_holm_adjustment():
    adjusted = coverage.holm(np.array([0.01, 0.04, 0.03, 0.5]))
    assert adjusted.tolist() == pytest.approx([0.04, 0.09, 0.09, 0.5])


REFERENCE = (
    "Japan will double its defense spending over five years to 2 percent of GDP, officials said "
    "on Jan. 13, 2023 in Tokyo."
)


def test_claims_match_by_type_value_and_owner_not_wording():
    key = coverage.key_claims(parse_article(REFERENCE))
    assert set(key["type"]) == {"multiplier", "duration", "share_of_gdp"}  # the date is not one
    assert set(key["owner"]) == {"JPN"}
    claims = [
        ("a1", "multiplier", "2.0", 2.0, "times", "JPN"),  # "doubling" in other words
        ("a2", "multiplier", "3.0", 3.0, "times", "JPN"),  # another value: no match
        ("a2", "duration", "5.0", 5.0, "years", "JPN"),
        ("a3", "multiplier", "2.0", 2.0, "times", None),  # college costs that "could double"
        ("a3", "share_of_gdp", "2.0", 2.0, "percent of GDP", "NATO"),  # another owner's target
        ("a3", "duration", "5.0", 5.0, "years", None),  # "for the last five years" of tax returns
    ]
    found = corpus(
        [("a1", "X", None, 5), ("a2", "Y", None, 5), ("a3", "Y", None, 5)], claims=claims
    )
    table = coverage.claim_coverage(found, key).set_index(["claim", "outlet"])
    double = key.loc[key["type"] == "multiplier", "claim"].item()
    five = key.loc[key["type"] == "duration", "claim"].item()
    share = key.loc[key["type"] == "share_of_gdp", "claim"].item()
    assert table.loc[(double, "X"), "articles_carrying"] == 1
    assert table.loc[(double, "Y"), "articles_carrying"] == 0
    assert (
        table.loc[(five, "Y"), "articles_carrying"] == 1
        and table.loc[(five, "Y"), "share_pct"] == 50
    )
    assert table.loc[(share, "Y"), "articles_carrying"] == 0
    assert table.loc[(five, "Y"), "unit"] == "years" and table.loc[(five, "Y"), "owner"] == "JPN"
    assert share == "2 percent of GDP (share of GDP; Japan)"  # the type and owner in words


def test_an_idiom_is_no_multiplier_to_carry():
    article = parse_article(
        "The senator is doubling down on a double standard, with a double-digit lead in the polls."
    )
    assert not [c for c in article.claims if c.type == "multiplier"]


def test_claims_are_not_ranked_far_from_the_reference_date_or_off_its_topic():
    reference = parse_article(REFERENCE)
    key = coverage.key_claims(reference)
    assert coverage.reference_day(reference) == date(2023, 1, 13)
    near = corpus(
        [("a", "X", "2023-01-14", 3), ("b", "X", "2023-01-20", 3), ("c", "Y", "2022-06-01", 3)],
        entities=[("a", "JPN", "country"), ("b", "JPN", "country")],
    )
    assert coverage.claims_scope(near, key, reference).reason() is None  # 2 of 3 near, naming
    far = corpus(
        [("a", "X", "2016-03-01", 3), ("b", "Y", "2016-04-02", 3), ("c", "Y", None, 3)],
        entities=[("a", "USA", "country"), ("b", "JPN", "country")],
    )
    scope = coverage.claims_scope(far, key, reference)
    assert (scope.dated, scope.near, scope.naming) == (2, 0, 1)
    assert scope.reason() == (
        "0 of the 2 dated compared articles are published within 30 days of its date "
        "(13 January 2023); 1 of the 3 name Japan, whose spending its claims are about"
    )


def test_selection_by_dates_and_minimum_per_outlet():
    found = corpus(
        [
            ("a", "X", "2023-01-13", 3),
            ("b", "X", "2023-02-01", 3),
            ("c", "X", None, 3),
            ("d", "Y", "2023-01-14", 3),
        ]
    )
    everything = coverage.select(found)
    assert len(everything.corpus.articles) == 4
    january = coverage.select(
        found, date_from=date(2023, 1, 1), date_to=date(2023, 1, 31), min_articles=1
    )
    assert sorted(january.corpus.articles["article_id"]) == ["a", "d"]  # undated dropped
    strict = coverage.select(found, min_articles=2)
    assert strict.dropped_outlets == ["Y"] and set(strict.corpus.articles["outlet"]) == {"X"}
    assert strict.funnel.set_index("outlet").loc["Y", "compared"] == 0


def test_the_funnel_counts_the_compared_excerpts_per_outlet():
    found = corpus(
        [("a", "X", None, 3), ("b", "X", None, 3), ("c", "Y", None, 3), ("d", "Z", None, 3)],
        excerpts={"a", "d"},
    )
    funnel = coverage.select(found, min_articles=2).funnel.set_index("outlet")
    assert funnel["excerpts"].to_dict() == {"X": 1, "Y": 0, "Z": 0}  # Z is not compared


def test_codes_are_labelled_in_words_beside_their_ids():
    labels = coverage.code_labels(
        ["threat:PRK", "entman:moral_evaluation", "mfc:Economic", "other:x"]
    )
    assert labels == {
        "threat:PRK": "Threat actor: North Korea",
        "entman:moral_evaluation": "Framing function: Moral evaluation",
        "mfc:Economic": "Frame dimension: Economic",
        "other:x": "other:x",
    }
    shares = coverage.code_shares(planted(True))
    assert set(shares["code_label"]) == {
        "Threat actor: China",
        "Threat actor: Russia",
        "Frame dimension: Economic",
    }
    assert shares["share_pct"].between(0, 100).all()


def test_the_most_significant_and_largest_differences_come_first():
    table = coverage.outlet_differences(planted(True), 200, 3, 0.05)
    assert table["code"].tolist()[0] == "threat:CHN"
    assert list(table.columns)[:2] == ["code", "code_label"]
    assert table["overall_share_pct"].between(0, 100).all()


def test_articles_over_time_say_their_period():
    found = corpus([("a", "X", "2023-01-13", 3), ("b", "Y", "2023-01-20", 3)])
    table, unit = coverage.articles_over_time(found.articles)
    assert unit == "day" and set(table["period_unit"]) == {"day"}
    assert table["articles"].sum() == 2


def test_attributions_by_person_and_country_with_the_unnamed_apart():
    found = corpus(
        [("a", "X", None, 4)],
        said=[
            ("a", "direct", "joe-biden", "Joe Biden", "named", "Biden"),
            ("a", "indirect", "joe-biden", "Joe Biden", "pronoun", "he"),
            ("a", "direct", None, None, "descriptive", "a campaign spokesman"),
            ("a", "indirect", None, None, None, None),
            ("a", "mixed", "mary-okafor", "Mary Okafor", "named", "Mary Okafor"),
            (
                "a",
                "indirect",
                "state-department",
                "State Department",
                "organisation",
                "the State Department",
            ),
        ],
        entities=[("a", "state-department", "organization")],
    )
    people, countries = coverage.quoted(found)
    people = people.set_index("person")
    # shares are of the attributions to people: the unnamed and the organisation stand apart
    assert people.loc["Joe Biden", "share_pct"] == pytest.approx(200 / 3)
    assert people.loc["Joe Biden", "attributions"] == 2 and people.loc["Joe Biden", "direct"] == 1
    assert set(people.index) == {"Joe Biden", "Mary Okafor"}
    assert countries.set_index("country")["attributions"].to_dict() == {"United States": 2}
    summary = coverage.speaker_summary(found).set_index("outlet").loc["X"]
    assert (summary["attributions"], summary["to_people"], summary["unnamed"]) == (6, 3, 2)
    assert summary["to_organisations"] == 1 and summary["with_country"] == 2
    assert summary["country_pct"] == pytest.approx(100 / 3)


def test_keyword_pattern_whole_words():
    pattern = coverage.keyword_pattern("Kishida, alliance ")
    assert pattern.search("the ALLIANCE grows") and not pattern.search("alliances")
    assert coverage.keyword_pattern(" , ") is None


def write_corpus(folder: Path, rows: dict[str, list[dict]]) -> Path:
    """A corpus folder of one partition holding `rows` (table -> row dicts; missing columns and
    tables empty)."""
    out = store.open_output(folder)
    batch = records.BatchColumns()
    for table, table_rows in rows.items():
        names = records.SCHEMAS[table].names
        batch.add({table: {name: [row.get(name) for row in table_rows] for name in names}})
    store.write_partition(out, "0" * 16, batch.tables(), ["x"], [])
    return out


def test_threat_actors_are_the_threat_coder_s_frames_not_the_sentence_codes(tmp_path):
    article = {"article_id": "a", "input_path": "a.txt", "outlet": "X", "sentences": 4}
    folder = write_corpus(
        tmp_path / "corpus",
        {
            "articles": [article],
            "threats": [
                {"article_id": "a", "sentence": 1, "state": "CHN", "label": "threat", "voice": "n"},
                {"article_id": "a", "sentence": 1, "state": "CHN", "label": "threat", "voice": "m"},
                {"article_id": "a", "sentence": 2, "state": "RUS", "label": "rejected"},
            ],
            "sentence_codes": [
                {"article_id": "a", "sentence": 3, "code": "threat:PRK"},  # not the coder's
                {"article_id": "a", "sentence": 3, "code": "mfc:Economic"},
            ],
        },
    )
    codes = coverage.read_corpus(folder).codes
    assert sorted(map(tuple, codes[["sentence", "code"]].to_numpy().tolist())) == [
        (1, "threat:CHN"),
        (3, "mfc:Economic"),
    ]
