"""Framing: descriptors on the nearest framed state and in the right voice, keyword codes,
threat codes from the threat coder, voices of reported speech."""

from __future__ import annotations

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.analysis import framing, threats, voice
from alliance_lib.config import FRAMING_CODEBOOK, SEED_ARTICLE, THREAT_CODEBOOK


@pytest.fixture(scope="module")
def framing_codebook():
    return framing.load_codebook(FRAMING_CODEBOOK)


@pytest.fixture(scope="module")
def threat_codebook():
    return threats.load_threat_codebook(THREAT_CODEBOOK)


def _descriptors(text: str, framing_codebook, threat_codebook):
    article = parse_article(text)
    frames = threats.code_threats(article, threat_codebook)
    return framing.descriptor_mentions(article, framing_codebook, frames)


def test_a_descriptor_attaches_to_the_nearest_framed_state_only(framing_codebook, threat_codebook):
    found = _descriptors(
        "Officials warned of threats from communist China and North Korea.",
        framing_codebook,
        threat_codebook,
    )
    assert found[["descriptor", "state"]].values.tolist() == [["communist", "CHN"]]
    unframed = _descriptors(
        "The ministers discussed communist China at length.", framing_codebook, threat_codebook
    )
    assert unframed[["descriptor", "state"]].values.tolist() == [["communist", ""]]


def test_a_descriptor_in_a_paraphrase_is_the_narrators_word(framing_codebook, threat_codebook):
    text = (
        "Such steps were needed, the leaders agreed, due to threats emanating from communist "
        "China. “Communist China is the challenge of our age,” Kishida said."
    )
    found = _descriptors(text, framing_codebook, threat_codebook)
    assert found[["text", "voice"]].values.tolist() == [
        ["communist", "narrator"],
        ["Communist", "Kishida Fumio"],
    ]


def test_a_descriptor_in_a_mixed_attribution_is_the_speakers_only_inside_the_quotation(
    framing_codebook, threat_codebook
):
    text = (
        "The senator called communist Russia “an aggressive and communist menace,” and said "
        "Moscow was hostile."
    )
    found = _descriptors(text, framing_codebook, threat_codebook)
    assert found[["text", "voice"]].values.tolist() == [
        ["communist", "narrator"],
        ["aggressive", "The senator"],
        ["communist", "The senator"],
    ]


def test_the_seeds_communist_is_the_narrators_word(seed, framing_codebook, threat_codebook):
    frames = threats.code_threats(seed, threat_codebook)
    found = framing.descriptor_mentions(seed, framing_codebook, frames)
    [voiced] = found.loc[found["descriptor"] == "communist", "voice"]
    assert voiced == "narrator"
    assert {f.voice for f in frames if f.sentence == 8} == {"the leaders"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Kishida said the threats from North Korea were growing.", "Kishida Fumio"),
        ("Such steps were needed, the leaders agreed, due to threats from Russia.", "the leaders"),
        ("Tokyo faces growing coercion by China, Japanese officials said.", "Japanese officials"),
        ("According to the ministry, the threat from North Korea is rising.", "the ministry"),
        # an agreement reported with its content is an attribution (PARC's and PolNeAR's)
        ("The leaders agreed to counter coercion by China.", "The leaders"),
        ("The ministry has not said that China's coercion is growing.", "narrator"),
    ],
    ids=[
        "said-that",
        "parenthetical",
        "final-said-clause",
        "according-to",
        "agreed-to",
        "negated-cue",
    ],
)
def test_reported_speech_is_voiced_by_its_subject(threat_codebook, text, expected):
    [frame] = threats.code_threats(parse_article(text), threat_codebook)
    assert frame.voice == expected


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


def test_sentence_codes_carry_threats_only_where_framed(seed, framing_codebook, threat_codebook):
    frames = threats.code_threats(seed, threat_codebook)
    coded = framing.code_sentences(seed, framing_codebook, frames)
    codes = coded[coded["code"].str.startswith("threat:")]
    assert sorted(zip(codes["sentence"], codes["code"], strict=True)) == [
        (8, "threat:CHN"),
        (8, "threat:PRK"),
        (8, "threat:RUS"),
        (12, "threat:RUS"),
    ]
    assert (
        not framing.code_sentences(seed, framing_codebook)["code"].str.startswith("threat:").any()
    )


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
        ("threat_actors: [CHN]\n", "threat_actors"),
        ("- a\n", "is not of type 'object'"),
        ("mfc: {Legality, constitutionality: [x]}\n", "key mfc"),
        ("entman: {a: ['(']}\n", "bad regular expression"),
    ],
    ids=["old-threat-keys", "not-a-mapping", "unquoted-comma", "bad-pattern"],
)
def test_bad_framing_codebook(tmp_path, content, words):
    base = "descriptors: {}\nentman: {a: [x]}\nmfc: {b: [y]}\n"
    if content.startswith("- "):
        document = content
    else:
        key = content.split(":", 1)[0]
        kept = [line for line in base.splitlines() if not line.startswith(key + ":")]
        document = "\n".join(kept) + "\n" + content
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


def test_the_corpus_rows_are_the_notebook_s_frame(framing_codebook, threat_codebook):
    article = parse_article(SEED_ARTICLE.read_text(encoding="utf-8"))
    frames = threats.code_threats(article, threat_codebook)
    rows = framing.sentence_code_rows(article, framing_codebook, frames)
    frame = framing.code_sentences(article, framing_codebook, frames)
    assert [tuple(r) for r in frame.itertuples(index=False)] == rows and len(rows) > 20
    assert len({(r[0], r[2]) for r in rows}) == len(rows)  # one row per (sentence, code)
