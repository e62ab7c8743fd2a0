"""Threat framing: threats only where a cue frames them, descriptors on the nearest actor, voices."""

from __future__ import annotations

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.analysis import framing, voice
from alliance_lib.config import FRAMING_CODEBOOK


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(FRAMING_CODEBOOK)


def _threats(text: str, codebook) -> list[tuple[str, str, str]]:
    frame = framing.threat_mentions(parse_article(text), codebook)
    return list(zip(frame["actor"], frame["cue"], frame["voice"], strict=True))


def test_threats_of_the_seed_are_where_the_text_frames_them(seed, framing_codebook):
    threats = framing.threat_mentions(seed, framing_codebook)
    assert list(zip(threats["sentence"], threats["actor"], strict=True)) == [
        (8, "CHN"),
        (8, "PRK"),
        (8, "RUS"),
        (12, "RUS"),
    ]
    assert set(threats.loc[threats["sentence"] == 8, "voice"]) == {"the leaders"}
    assert threats.loc[threats["sentence"] == 12, "cue"].item() == "invasion"
    assert {"sentence", "actor", "cue", "voice"} <= set(threats.columns)


@pytest.mark.parametrize(
    "text",
    [
        "Russia was not discussed at the summit.",
        "China and Japan agreed to deepen cooperation on trade and climate.",
        "Leaders from China and Russia attended the ceremony in Tokyo.",
        "China poses no threat to the region, the minister said.",
        "Russia did not threaten its neighbours this year.",
    ],
    ids=["not-discussed", "cooperation", "bare-mention", "no-threat", "did-not-threaten"],
)
def test_a_mention_without_a_cue_or_with_a_negated_one_is_not_a_threat(framing_codebook, text):
    assert _threats(text, framing_codebook) == []


def test_the_cue_must_be_about_the_actor_in_the_same_clause(framing_codebook):
    text = "China faces a threat from North Korea, while Russia is holding talks with Japan."
    assert [actor for actor, *_ in _threats(text, framing_codebook)] == ["PRK"]


def test_a_cue_before_a_list_covers_the_whole_list(framing_codebook):
    text = "Tokyo cited threats emanating from communist China, North Korea, and Russia."
    assert [actor for actor, *_ in _threats(text, framing_codebook)] == ["CHN", "PRK", "RUS"]


def test_a_descriptor_attaches_to_the_nearest_actor_only(framing_codebook):
    article = parse_article("The ministers discussed communist China and North Korea at length.")
    descriptors = framing.descriptor_mentions(article, framing_codebook)
    assert descriptors[["descriptor", "actor"]].values.tolist() == [["communist", "CHN"]]
    both = parse_article("Officials warned of threats from communist China and North Korea.")
    threats = framing.threat_mentions(both, framing_codebook).set_index("actor")
    assert threats.loc["CHN", "descriptors"] == "communist"
    assert threats.loc["PRK", "descriptors"] == ""


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kishida said the threats from North Korea were growing.", "Kishida Fumio"),
        ("Such steps were needed, the leaders agreed, due to threats from Russia.", "the leaders"),
        ("Tokyo faces growing coercion by China, Japanese officials said.", "Japanese officials"),
        ("According to the ministry, the threat from North Korea is rising.", "the ministry"),
        ("The leaders agreed to counter coercion by China.", "narrator"),
    ],
    ids=["said-that", "parenthetical", "final-said-clause", "according-to", "agreed-to-object"],
)
def test_reported_speech_is_voiced_by_its_subject(framing_codebook, text, expected):
    [(_, _, voiced)] = _threats(text, framing_codebook)
    assert voiced == expected


def test_a_pronoun_subject_is_the_last_person_named():
    article = parse_article(
        "Kishida Fumio met reporters in Tokyo. He said the alliance had never been stronger."
    )
    spans = [s for s in voice.voice_spans(article) if s.kind == "reported"]
    assert [s.voice for s in spans] == ["Kishida Fumio"]
    assert voice.sentence_voices(article, voice.voice_spans(article)) == [
        "narrator",
        "Kishida Fumio",
    ]


def test_sentence_voices_of_the_seed(seed):
    voices = voice.sentence_voices(seed, voice.voice_spans(seed))
    assert voices[2] == "Joe Biden" and voices[9] == "Kishida Fumio" and voices[0] == "narrator"
    assert voices[8] == "the leaders"  # "Such was necessary, the leaders agreed, ..."


def test_sentence_codes_carry_threats_only_where_framed(seed, framing_codebook):
    coded = framing.code_sentences(seed, framing_codebook)
    threats = coded[coded["code"].str.startswith("threat:")]
    assert sorted(zip(threats["sentence"], threats["code"], strict=True)) == [
        (8, "threat:CHN"),
        (8, "threat:PRK"),
        (8, "threat:RUS"),
        (12, "threat:RUS"),
    ]


def test_voice_table_gives_each_voice_its_share(seed, framing_codebook):
    coded = framing.code_sentences(seed, framing_codebook)
    voices = voice.sentence_voices(seed, voice.voice_spans(seed))
    table = framing.voice_table(coded, voices, "entman")
    row = table[(table["code"] == "remedy") & (table["voice"] == "narrator")].iloc[0]
    narrated = coded[(coded["code"] == "entman:remedy") & (coded["voice"] == "narrator")]
    assert row["voice_sentences"] == voices.count("narrator") < len(seed.sentences)
    assert row["sentences"] == narrated["sentence"].nunique() > 0
    assert row["share_pct"] == pytest.approx(100 * row["sentences"] / row["voice_sentences"], 0.01)


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("threat_actors: [CHN]\n", "required property"),
        ("- a\n", "is not of type 'object'"),
        ("threat_actors: [China]\n", "key threat_actors.0"),
        ("mfc: {Legality, constitutionality: [x]}\n", "key mfc"),
        ("entman: {a: ['(']}\n", "bad regular expression"),
    ],
)
def test_bad_framing_codebook(tmp_path, content, words):
    base = (
        "threat_actors: [CHN]\nthreat_cues: {actor_follows: [from], actor_precedes: [threat]}\n"
        "negations: [not]\ndescriptors: {}\nentman: {a: [x]}\nmfc: {b: [y]}\n"
    )
    document = content if content.startswith(("- ", "threat_actors: [CHN]\n")) else base
    if not content.startswith(("- ", "threat_actors: [CHN]\n")):
        key = content.split(":", 1)[0]
        document = (
            "\n".join(line for line in base.splitlines() if not line.startswith(key + ":"))
            + "\n"
            + content
        )
    path = tmp_path / "codebook.yaml"
    path.write_text(document, encoding="utf-8")
    with pytest.raises(DataError) as caught:
        framing.load_codebook(path)
    assert str(caught.value).startswith(str(path)) and words in str(caught.value)


def test_codes_get_human_labels():
    assert framing.code_label("threat", "PRK", {"PRK": "North Korea"}) == "North Korea"
    assert framing.code_label("entman", "moral_evaluation", {}) == "Moral evaluation"
    assert framing.code_label("entman", "remedy", {}) == "Remedy"
    assert framing.code_label("mfc", "Security and defense", {}) == "Security and defense"
