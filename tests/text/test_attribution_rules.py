"""Attribution rules of the second round of issue 18: cues from VerbNet's classes, passives,
what opens a sentence before its subject, and the cue prefilter (synthetic sentences only)."""

from __future__ import annotations

import pytest

from alliance_lib import parse_article
from alliance_lib.text.lexicon import ATTRIBUTION_CUES, CLAUSE_CUES, inflections


def _article(*paragraphs: str):
    return parse_article("Harbour news\n\n" + "\n\n".join(paragraphs) + "\n")


def _by_cue(article, cue: str):
    return [a for a in article.attributions if a.cue is not None and a.cue.text == cue]


@pytest.mark.parametrize(
    ("lemma", "forms"),
    [
        ("warn", ("warn", "warns", "warned", "warning")),
        ("deny", ("deny", "denies", "denied", "denying")),
        ("admit", ("admit", "admits", "admitted", "admitting")),
        ("chide", ("chide", "chides", "chided", "chiding")),
        ("say", ("say", "says", "said", "saying")),
        ("speak out", ("speak out", "speaks out", "spoke out", "spoken out", "speaking out")),
    ],
)
def test_inflections_spell_every_form(lemma, forms):
    assert inflections(lemma) == forms


def test_verbnet_class_members_are_cues():
    for form in ("bemoaned", "chided", "lambasted", "surmised", "touted", "implored"):
        assert form in ATTRIBUTION_CUES
    article = _article("Mayor Ann Lee bemoaned the slow pace of the harbour works on Monday.")
    (frame,) = _by_cue(article, "bemoaned")
    assert frame.source.text == "Mayor Ann Lee" and frame.speaker == "ann-lee"
    assert frame.content.text.startswith("the slow pace of the harbour works")


def test_a_cue_that_is_as_often_a_noun_reports_only_before_a_clause():
    assert "hinted" in CLAUSE_CUES
    reported = _article("Ann Lee hinted that the harbour plan would be delayed again.")
    (frame,) = _by_cue(reported, "hinted")
    assert frame.content.text == "that the harbour plan would be delayed again"
    plain = _article("Ann Lee hinted at a delay in the harbour works.")
    assert _by_cue(plain, "hinted") == []


def test_a_passive_cue_takes_its_agent_as_the_source():
    article = _article(
        "Mayor Ann Lee was criticized by Ivan Orlov for the cost of the harbour plan."
    )
    (frame,) = _by_cue(article, "criticized")
    assert frame.source.text == "Ivan Orlov" and frame.speaker == "ivan-orlov"
    assert frame.content.text == "for the cost of the harbour plan"


def test_a_passive_cue_without_an_agent_has_no_source():
    article = _article("Mayor Ann Lee was asked about the harbour plan at the meeting.")
    (frame,) = _by_cue(article, "asked")
    assert frame.source is None and frame.speaker is None
    assert frame.content.text.startswith("about the harbour plan")


def test_a_stance_after_be_is_the_subjects_own():
    article = _article("Ann Lee is opposed to the harbour plan and its new cranes.")
    (frame,) = _by_cue(article, "opposed")
    assert frame.source.text == "Ann Lee"


@pytest.mark.parametrize(
    "opening",
    ["Last year, ", "Beyond the harbour works, ", "PORTSMOUTH (Wire) - ", "And even "],
)
def test_a_participle_reports_for_the_subject_after_an_opening_phrase(opening):
    article = _article(
        "Ivan Orlov chairs the harbour board.",
        f"{opening}he rose to the defence of the board, saying the cranes were safe.",
    )
    (frame,) = _by_cue(article, "saying")
    assert frame.source is not None and frame.source.text == "he"
    assert frame.speaker == "ivan-orlov"


def test_a_cue_after_a_determiner_is_a_noun():
    article = _article("The support for the harbour plan grew after the vote on Monday.")
    assert _by_cue(article, "support") == []
