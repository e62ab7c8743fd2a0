"""The threat coder's second round (issue 19): one synthetic sentence or two for each rule written
from the guidelines' kinds of threat and their patterns, not from any article: cue vocabulary
by kind, structure (places, passives, agent links, blockers), pronouns standing for a state,
headlines, rejection and its reach, and whose voice a frame is in."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article
from alliance_lib.analysis import threats, voicing
from alliance_lib.config import THREAT_CODEBOOK


@pytest.fixture(scope="module")
def book():
    return threats.load_threat_codebook(THREAT_CODEBOOK)


def _frames(text: str, book) -> list[tuple[str, str, str, str]]:
    """(state, label, kind, voice) of every frame, in sentence then state order."""
    return [
        (f.state, f.label, f.kind, f.voice) for f in threats.code_threats(parse_article(text), book)
    ]


def _states(text: str, book) -> dict[str, str]:
    return {state: label for state, label, _, _ in _frames(text, book)}


@pytest.mark.parametrize(
    ("text", "state", "kind"),
    [
        ("Iran remains the region's arch-enemy.", "IRN", "other"),
        ("Russian intruders roamed the ministry's servers.", "RUS", "cyber_interference"),
        ("The Kremlin doctored images before releasing them.", "RUS", "cyber_interference"),
        ("Beijing declared an air defense zone above the islands.", "CHN", "military"),
        ("A fierce counterattack by the Chinese came at dawn.", "CHN", "military"),
        ("Russia sent troops into Georgia in 2008.", "RUS", "military"),
        ("Pyongyang has built a hydrogen weapon.", "PRK", "nuclear_missile"),
        ("Iran keeps harbouring militants along the border.", "IRN", "terrorism"),
        ("Chinese coast guard ships harassed the fishing boats.", "CHN", "coercion"),
        ("Beijing's subsidies are distorting prices abroad.", "CHN", "economic"),
    ],
    ids=[
        "label",
        "cyber-intruders",
        "cyber-doctored",
        "military-zone",
        "military-counterattack",
        "military-troops-into",
        "nuclear",
        "terrorism",
        "coercion",
        "economic",
    ],
)
def test_cues_of_every_kind_frame_their_state(book, text, state, kind):
    assert [(s, label, k) for s, label, k, _ in _frames(text, book)] == [
        (state, threats.THREAT, kind)
    ]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russia stole data from the ministry's servers.", "cyber_interference"),
        ("China is stealing American jobs.", "economic"),
        ("North Korea is violating its nuclear commitments.", "nuclear_missile"),
    ],
)
def test_an_action_of_any_kind_takes_its_kind_from_the_sentence(book, text, kind):
    [(_, label, found, _)] = _frames(text, book)
    assert (label, found) == (threats.THREAT, kind)


@pytest.mark.parametrize(
    ("text", "state"),
    [
        ("Cold War planners sought to contain the Soviet Union for decades.", "RUS"),
        ("The allies agreed to curb Iran's influence in the region.", "IRN"),
        ("The government expelled Russian diplomats on Friday.", "RUS"),
        ("Officials want to impose tariffs on China.", "CHN"),
        ("The senator criticised China for stealing jobs.", "CHN"),
    ],
    ids=["contain", "curb", "expel", "tariffs-on", "criticised-for-harm"],
)
def test_counter_measures_frame_their_object(book, text, state):
    assert _states(text, book) == {state: threats.THREAT}


@pytest.mark.parametrize(
    "text",
    [
        "Drone strikes in Yemen and Somalia aim to stop terrorist plots.",
        "Flyers about the plant's relocation to Mexico kept attacking the trade pact.",
        "Ukraine was invaded in 2014.",
        "A leaflet headed Dangerous urged readers to turn away the migrants arriving from Syria.",
        "Japan remained polite to the aggressive envoys of its neighbour.",
        "Belgium's border policy changed following the terrorism wave last spring.",
        "Spain's government blamed the separatists for the bombings.",
        "The militia was contained in Iraq last year, officials said.",
    ],
    ids=[
        "place-phrase",
        "object-phrase",
        "passive-without-by",
        "agent-link-too-far",
        "to-the-blocks",
        "following-blocks",
        "blame-is-not-doing",
        "counter-object-in-a-place",
    ],
)
def test_a_state_that_is_a_place_an_object_or_a_victim_is_not_framed(book, text):
    assert _frames(text, book) == []


@pytest.mark.parametrize(
    ("text", "state"),
    [
        (
            "The ministry disclosed an intrusion that seems to have been carried out by Russian "
            "military intelligence.",
            "RUS",
        ),
        ("The missile launch claimed by North Korea alarmed the region.", "PRK"),
        ("The hackers who investigators think are linked to Russian agencies struck again.", "RUS"),
    ],
    ids=["relative-clause", "participle", "tied-to"],
)
def test_an_agent_link_after_an_action_names_its_doer(book, text, state):
    assert _states(text, book) == {state: threats.THREAT}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The candidate praised China's food but accuses it of stealing factory jobs.",
            {"CHN": "threat"},
        ),
        (
            "Iran signed the accord in July. Its missile programme has grown since.",
            {"IRN": "threat"},
        ),
        (
            "Russia and China have the skills, and they probably breached the server.",
            {"CHN": "threat", "RUS": "threat"},
        ),
        ("North Korea announced it had detonated a hydrogen bomb.", {"PRK": "threat"}),
        (
            "The debate on the intervention in Libya was bitter, since it could destabilize the coast.",
            {},
        ),
        ("Iran has new allies. It could exploit the pressures of this season to gain ground.", {}),
        ("Russia was named. Ann Lee, a lawyer, said it had hacked the server.", {}),
    ],
    ids=[
        "object-of-accusation",
        "possessive-in-the-next-sentence",
        "they-for-a-list",
        "subject-of-a-making-verb",
        "not-the-place-of-a-phrase",
        "not-across-a-determiner",
        "not-past-a-person",
    ],
)
def test_a_pronoun_stands_for_a_state_named_just_before(book, text, expected):
    assert _states(text, book) == expected


@pytest.mark.parametrize(
    ("text", "state", "voice"),
    [
        (
            "The ministry expressed doubt that Iran could build a nuclear warhead.",
            "IRN",
            "The ministry",
        ),
        ("Beijing dismissed talk of the so-called China threat.", "CHN", "Beijing"),
        ("The ministry called the claims that Iran funds militants baseless.", "IRN", None),
        ("Moscow rejected accusations of meddling in the vote.", "RUS", "Moscow"),
        ("The minister said Russia poses no threat to its neighbours.", "RUS", "The minister"),
        ("The commentator mocked warnings of a Russian invasion.", "RUS", "The commentator"),
        (
            "The state broadcaster decried endless accusations over Beijing's human rights record.",
            "CHN",
            "The state broadcaster",
        ),
        ("Spokeswoman Mei Tan said China opposes cyber theft of every kind.", "CHN", "Mei Tan"),
        ("Analysts voiced skepticism about reports that Russia hacked the grid.", "RUS", None),
    ],
    ids=[
        "doubt",
        "so-called",
        "baseless",
        "rejected-accusations",
        "no-threat",
        "mockery",
        "dismissive-accusations",
        "state-disavows-reported",
        "skepticism",
    ],
)
def test_a_denied_doubted_or_mocked_frame_is_rejected_in_the_rejecters_voice(
    book, text, state, voice
):
    [(found, label, _, voiced)] = _frames(text, book)
    assert (found, label) == (state, threats.REJECTED)
    if voice is not None:
        assert voiced == voice


def test_a_rejection_reaches_only_a_frame_close_after_it(book):
    text = (
        "Officials grew doubtful about one of several plans that advisers drafted over the long "
        "summer months, including arming rebels to raise pressure on Damascus."
    )
    assert _states(text, book) == {"SYR": threats.THREAT}


@pytest.mark.parametrize(
    "text",
    [
        "The general accused the Chinese of militarising the disputed atolls.",
        "China's territorial disputes grew as China militarized the reefs.",
    ],
    ids=["disputed-waters", "territorial-disputes"],
)
def test_a_dispute_is_not_a_rejection(book, text):
    assert _states(text, book) == {"CHN": threats.THREAT}


def test_an_unanswered_whether_is_a_question(book):
    assert _frames("Whether Iran can build a nuclear bomb is unknown.", book) == []


def test_a_state_never_voices_a_threat_frame_about_itself(book):
    [(_, _, _, voice)] = _frames("Beijing declared an air defense zone above the islands.", book)
    assert voice == "narrator"  # not Beijing's declaration: the outlet's frame


def test_the_headline_is_read_as_its_own_sentence(book):
    text = (
        "Senator Says Russians Hacked the Election\n\n"
        "WASHINGTON (Wire) - Lawmakers met on Tuesday to discuss the budget. "
        "They talked for hours.\n\nThe budget passed."
    )
    article = parse_article(text)
    assert threats.code_threats(article, book) == []  # the body frames nothing
    headline = threats.code_headline(article, book)
    [frame] = headline.frames
    assert (frame.state, frame.label, frame.kind, frame.voice) == (
        "RUS",
        threats.THREAT,
        "cyber_interference",
        "Senator",
    )
    [row] = threats.threat_table(article, [], headline).to_dict("records")
    assert row["sentence"] == threats.HEADLINE
    assert text[row["sentence_start"] : row["sentence_end"]] == (
        "Senator Says Russians Hacked the Election"
    )


def test_a_headline_the_input_does_not_hold_is_not_read(book):
    article = parse_article(
        "Lawmakers met on Tuesday to discuss the budget. They talked for hours.",
        headline="Russians Hacked the Election",
    )
    assert threats.code_headline(article, book) is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Such a warhead may be beyond what North Korea can build today.", {"PRK": "threat"}),
        ("The warheads of Iran worry the region.", {"IRN": "threat"}),
        ("The missiles were aimed at Japan.", {}),
        ("North Korea fired a ballistic missile toward the Sea of Japan.", {"PRK": "threat"}),
        ("North Korea's missiles endanger Japan.", {"PRK": "threat"}),
        (
            "The summit covered Iran's missiles and Turkey's border quarrels.",
            {"IRN": "threat"},
        ),
    ],
    ids=["owner-after", "owner-of", "target-at", "toward-a-place", "target-object", "not-past-and"],
)
def test_a_weapon_has_an_owner_after_it_not_a_victim(book, text, expected):
    assert _states(text, book) == expected


@pytest.mark.parametrize("count", [300, 3000])
def test_many_pronouns_and_rejections_code_in_linear_time(book, count):
    # a pronoun stands for a state only one sentence on; a rejection reaches only close frames
    text = "Russia massed troops. " + (
        "It denied that its forces invaded, and they doubt it, so-called experts said. " * count
    )
    frames = threats.code_threats(parse_article(text), book)
    assert {f.state for f in frames} <= {"RUS"} and len(frames) <= 2


@pytest.mark.parametrize(
    ("line", "voice"),
    [
        ("Kishida: North Korea's Missiles Threaten Japan", "Kishida Fumio"),
        ("Morning Briefing: North Korea's Missiles Threaten Japan", "narrator"),
    ],
    ids=["person-colon", "label-colon"],
)
def test_a_headline_colon_names_a_speaker_only_when_it_names_a_person(book, line, voice):
    text = f"{line}\n\nLawmakers met on Tuesday to discuss the budget. They talked for hours."
    [frame] = threats.code_headline(parse_article(text), book).frames
    assert (frame.state, frame.voice) == ("PRK", voice)


@pytest.mark.parametrize(
    ("text", "voice"),
    [
        # a claim written as a noun, its owner a possessive
        (
            "Voters recalled Senator Ann Lee's stark warning that Iran is building nuclear "
            "missiles. The vote is in May.",
            "Senator Ann Lee",
        ),
        ("Few read the panel's finding that Russian hackers stole the files.", "the panel"),
        # or the subject of a verb that issues it
        (
            "Local officials are putting out a warning that Chinese hackers may target the vote.",
            "Local officials",
        ),
        # an as-clause voices the clause it qualifies, wherever it stands
        (
            "Russia hacked the party's servers, as many analysts believe, and it may go on.",
            "many analysts",
        ),
        (
            "As several diplomats have warned, North Korea could test a missile soon.",
            "several diplomats",
        ),
        # a speaker's appositive is the speaker's description
        (
            "“It is a serious problem,” said Ann Lee, head of a firm that tracks Russian hackers.",
            "Ann Lee",
        ),
    ],
    ids=[
        "possessive-noun",
        "possessive-lower-case",
        "issued-noun",
        "as-clause-after",
        "as-clause-first",
        "appositive",
    ],
)
def test_claims_as_nouns_as_clauses_and_appositives_voice_their_frame(book, text, voice):
    [(_, label, _, voiced)] = _frames(text, book)
    assert (label, voiced) == (threats.THREAT, voice)


@pytest.mark.parametrize(
    "text",
    [
        "Iran is building nuclear missiles, as well as new bases.",
        "Its warning that Iran is building nuclear missiles was ignored.",
        "Such warnings are common. Russian hackers stole the files, as the report said.",
    ],
    ids=["as-well-as", "pronoun-owner", "as-the-report"],
)
def test_what_only_looks_like_a_claim_noun_or_an_as_clause(book, text):
    [(_, _, _, voiced)] = _frames(text, book)
    assert voiced == ("the report" if "as the report" in text else "narrator")


@pytest.mark.parametrize("count", [300, 3000])
def test_claim_patterns_read_long_sentences_in_one_pass(count):
    # runs of capitalised words, commas and "as" with no claim noun or belief verb after them
    text = "Russian hackers struck, " + "as Ann Lee Bo Ko, as the Ro, " * count + "and left."
    assert voicing.claim_records(parse_article(text)) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia tried to influence the 2016 U.S. presidential election.",
        "Russian agents worked to affect the 2016 presidential race.",
        "Iran sought to rig the coming parliamentary vote.",
    ],
    ids=["influence", "affect", "rig"],
)
def test_an_election_cue_reads_the_words_that_name_the_election(book, text):
    # "the 2016 U.S. presidential election": a date, a country and a kind between verb and noun
    assert _states(text, book) in ({"RUS": threats.THREAT}, {"IRN": threats.THREAT})
