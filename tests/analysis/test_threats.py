"""The threat coder (issue 19) on synthetic sentences written for each rule of the guidelines:
frames and their voices, rejection and negation, several states, the victim, economic framing."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import threats, voicing
from alliance_lib.analysis.voicing import Held, Innermost, voice_of
from alliance_lib.config import THREAT_CODEBOOK
from alliance_lib.errors import DataError


@pytest.fixture(scope="module")
def book():
    return threats.load_threat_codebook(THREAT_CODEBOOK)


def _frames(text: str, book) -> list[tuple[str, str, str]]:
    """(state, label, voice) of every frame, in sentence then state order."""
    return [(f.state, f.label, f.voice) for f in threats.code_threats(parse_article(text), book)]


def _states(text: str, book) -> dict[str, str]:
    return {state: label for state, label, _ in _frames(text, book)}


def test_the_seed_frames_china_north_korea_and_russia_voiced_by_the_leaders(seed, book):
    frames = threats.code_threats(seed, book)
    reported = [(f.sentence, f.state, f.voice, f.voice_how) for f in frames if f.sentence == 8]
    assert reported == [
        (8, "CHN", "the leaders", "indirect"),
        (8, "PRK", "the leaders", "indirect"),
        (8, "RUS", "the leaders", "indirect"),
    ]
    assert all(f.label == threats.THREAT for f in frames)
    assert not [f for f in frames if f.voice_how == "direct"]  # no quotation frames a state
    invasion = [f for f in frames if f.sentence == 12]
    assert [(f.state, f.cue, f.kind, f.voice) for f in invasion] == [
        ("RUS", "invasion", "military", "narrator")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Japan and Russia held talks on fishing rights this week.",
        "China is the largest trading partner of South Korea.",
        "Is Russia a threat to its neighbours?",
        "The Japanese constitution makes no mention of nuclear weapons.",
        "Officials said the Paris attacks changed the campaign.",
    ],
    ids=["talks", "partner", "unanswered-question", "nationality", "capital-as-place"],
)
def test_a_mention_without_a_frame_is_not_coded(book, text):
    assert _frames(text, book) == []


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("China poses no threat to the region, the minister said.", "CHN"),
        ("Russia did not hack the election, the spokesman insisted.", "RUS"),
        ('Beijing dismissed talk of a so-called "China threat" on Monday.', "CHN"),
        ("The report offered no evidence that China was behind the hack.", "CHN"),
        ("Moscow denied meddling in the vote.", "RUS"),
        ("Critics called the warnings about North Korean missile tests fearmongering.", "PRK"),
    ],
    ids=["no-threat", "did-not-hack", "so-called", "no-evidence", "state-denies", "mockery"],
)
def test_a_denied_dismissed_or_mocked_frame_is_rejected(book, text, state):
    assert _states(text, book) == {state: threats.REJECTED}


def test_a_negated_accusation_is_no_frame_at_all(book):
    assert _frames("Washington has not accused Russia of the hack.", book) == []


def test_several_states_in_one_sentence_are_each_framed(book):
    text = (
        "U.S. intelligence officials said Russia, China, Iran and North Korea posed the gravest "
        "threats to American security."
    )
    assert _frames(text, book) == [
        (state, threats.THREAT, "U.S. intelligence officials")
        for state in ("CHN", "IRN", "PRK", "RUS")
    ]


def test_a_cue_is_about_the_state_it_links_to_not_every_state_named(book):
    text = "Japan faces growing threats from North Korea, while Russia holds talks with Tokyo."
    assert _states(text, book) == {"PRK": threats.THREAT}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Russia invaded Ukraine in February.", {"RUS": "threat"}),
        ("Russia invaded Ukraine to seize its territory.", {"RUS": "threat"}),
        ("The leaders discussed Russia's brutal war against Ukraine.", {"RUS": "threat"}),
        ("Ukraine was invaded by Russia in February.", {"RUS": "threat"}),
        ("Israel is fighting terrorism along its borders.", {}),
        ("A Russian bomber was shot down by Turkey near the border.", {"TUR": "threat"}),
        ("Iran will threaten Israel with missiles, the analyst warned.", {"IRN": "threat"}),
    ],
    ids=[
        "object",
        "object-then-action",
        "war-against",
        "passive",
        "fighting",
        "shot-down-by",
        "threatened",
    ],
)
def test_a_state_that_is_only_the_victim_is_not_framed(book, text, expected):
    assert _states(text, book) == expected


def test_economic_framing_counts_when_the_state_is_cast_as_harmful(book):
    [frame] = threats.code_threats(
        parse_article("China is killing us on trade, the candidate said."), book
    )
    assert (frame.state, frame.label, frame.kind, frame.voice) == (
        "CHN",
        threats.THREAT,
        "economic",
        "the candidate",
    )
    assert _frames("Mexico sells cars and steel to Texas every year.", book) == []


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Beijing grabbed the reef from the Philippines.", "CHN"),
        ("In recent years the Kremlin has waged an information warfare campaign.", "RUS"),
        ("Putin annexed Crimea in 2014.", "RUS"),
        ("Damascus has used chemical weapons and bombed hospitals.", "SYR"),
    ],
    ids=["capital", "seat", "leader", "added-state"],
)
def test_capitals_seats_and_leaders_stand_for_their_state(book, text, state):
    assert _states(text, book) == {state: threats.THREAT}


def test_a_direct_quotation_voices_its_frame(book):
    text = "“North Korea is a grave threat to peace,” Kishida said on Friday."
    [frame] = threats.code_threats(parse_article(text), book)
    assert (frame.voice, frame.voice_id, frame.voice_how) == (
        "Kishida Fumio",
        "kishida-fumio",
        "direct",
    )


def test_reported_speech_voices_its_frame(book):
    text = "Kishida said North Korea's missile launches endangered the whole region."
    [frame] = threats.code_threats(parse_article(text), book)
    assert (frame.state, frame.kind, frame.voice, frame.voice_how) == (
        "PRK",
        "nuclear_missile",
        "Kishida Fumio",
        "indirect",
    )


def test_the_communique_is_a_voice(book):
    text = (
        "Allied leaders met in Vilnius on Tuesday. The alliance's communique called Russia "
        '"the most significant and direct threat" to allied security.'
    )
    [frame] = threats.code_threats(parse_article(text), book)
    assert (frame.state, frame.cue, frame.voice, frame.voice_id) == (
        "RUS",
        "threat",
        "The alliance's communique",
        None,
    )


def test_a_frame_in_reported_speech_is_the_reporter_of_the_speech(book):
    text = (
        "The two navies will share warning data on North Korean missile launches, the ministry "
        "said in a statement."
    )
    [frame] = threats.code_threats(parse_article(text), book)
    assert (frame.state, frame.cue, frame.kind, frame.voice) == (
        "PRK",
        "missile launches",
        "nuclear_missile",
        "the ministry",
    )


def test_reported_speech_within_reported_speech_is_the_innermost_speaker(book):
    text = "Officials in Tokyo said Kishida had warned that North Korea's missiles endanger Japan."
    [frame] = threats.code_threats(parse_article(text), book)
    assert (frame.state, frame.voice, frame.voice_id) == ("PRK", "Kishida Fumio", "kishida-fumio")


def test_voices_come_from_the_articles_attribution_records(book):
    text = "Kishida said North Korea's missile launches endangered the whole region."
    article = parse_article(text)
    [record] = voicing.article_records(article)
    assert (record.source, record.speaker, record.kind) == ("Kishida", "kishida-fumio", "indirect")
    [frame] = threats.code_threats(article, book, records=[])  # no records: the narrator's
    assert frame.voice == "narrator"


def test_the_innermost_attribution_holds_the_voice():
    outer = Held(0, 100, "the ministry", None, "descriptive", "indirect")
    inner = Held(40, 80, "Kishida", "kishida-fumio", "named", "direct", "Kishida Fumio")
    unattributed = Held(50, 60, "unattributed quotation", None, "descriptive", "direct")
    lookup = Innermost([outer, inner, unattributed], [0])
    assert voice_of(lookup.at(45, 50)).voice == "Kishida Fumio"
    assert voice_of(lookup.at(52, 55)).voice == "Kishida Fumio"  # a bare quotation yields
    assert voice_of(lookup.at(10, 20)).voice == "the ministry"
    assert voice_of(lookup.at(10, 20)).voice_id is None
    assert voice_of(lookup.at(150, 160)).voice == "narrator"


def test_threat_table_gives_the_sentence_offsets_in_the_decoded_input(book):
    text = "WASHINGTON (Wire) - Allies met.\n\nRussia’s invasion of Ukraine dominated the talks."
    article = parse_article(text)
    table = threats.threat_table(article, threats.code_threats(article, book))
    [row] = table.to_dict("records")
    assert row["state"] == "RUS" and row["label"] == "threat"
    assert text[row["sentence_start"] : row["sentence_end"]].startswith("Russia’s invasion")


@pytest.mark.parametrize("count", [300, 3000])
def test_many_states_and_cues_in_one_sentence_code_in_linear_time(book, count):
    text = "Officials listed " + ", ".join(["Russia's aggression"] * count) + " as risks."
    frames = threats.code_threats(parse_article(text), book)
    assert [(f.state, f.label) for f in frames] == [("RUS", threats.THREAT)]


def test_a_bad_threat_codebook_is_named(tmp_path):
    path = tmp_path / "threats.yaml"
    path.write_text("labels: {other: ['threat(']}\n", encoding="utf-8")
    with pytest.raises(DataError, match=str(path)):
        threats.load_threat_codebook(path)


@pytest.mark.parametrize(
    ("pattern", "literals"),
    [
        ("threat(?:s|en)?", ["threat"]),
        ("missiles? (?:launch(?:es)?|tests?)", ["missile"]),
        ("(?:ballistic|cruise) missiles?", ["ballistic", "cruise"]),
        ("(?<!in )dangers?", ["danger"]),
        ("war (?:on|against)", ["war"]),
        (r"\bthreat", None),
        ("(?:a|b(?:c)) x", None),
    ],
)
def test_leading_literals_gate_only_what_they_can_read(pattern, literals):
    assert threats.leading_literals(pattern) == literals


def test_the_cue_finder_finds_what_one_regex_of_every_cue_finds(seed, book):
    text = seed.text + (
        " The report offered no evidence that China was behind the hack. Moscow denied meddling;"
        " critics called the North Korean missile tests fearmongering and the so-called threat."
    )
    every = [(m.start(), m.end(), book.groups[m.lastgroup][0]) for m in book.cues.finditer(text)]
    found = [(c.start, c.end, c.klass) for c in book.finder.find(text, 0, len(text))]
    assert found == every and len(found) > 10
