"""The speakers stage: said-clauses resolved to people, new people added to the entities."""

from __future__ import annotations

from alliance_lib import parse_article
from alliance_lib.config import GAZETTEER
from alliance_lib.text.entities import gazetteer_mentions
from alliance_lib.text.gazetteer import load_gazetteer
from alliance_lib.text.layout import layout
from alliance_lib.text.offsets import split_lines
from alliance_lib.text.quotes import find_quotations
from alliance_lib.text.sentences import split_sentences
from alliance_lib.text.speakers import resolve_speakers


def _stages(text: str):
    lines = split_lines(text)
    page = layout(lines, set())
    sentences = split_sentences(page.text, page.paragraphs)
    gazetteer = load_gazetteer(GAZETTEER)
    entities = gazetteer_mentions(page.text, gazetteer, sentences)
    quoted = find_quotations(page.text, page.paragraphs, sentences)
    return page, quoted, resolve_speakers(page.text, quoted, entities, gazetteer, sentences)


def test_a_person_missing_from_the_gazetteer_becomes_an_entity_with_every_mention():
    page, quoted, speakers = _stages(
        "“Costs will rise sharply after this,” said Jane Roe.\n\n"
        "Roe has studied the alliance for years."
    )
    (quotation,) = quoted[0].quotations
    assert speakers.by_quotation[quotation.open_mark].id == "jane-roe"
    people = [(e.text, e.id) for e in speakers.entities if e.type == "person"]
    assert people == [("Jane Roe", "jane-roe"), ("Roe", "jane-roe")]


def test_a_pronoun_speaker_is_the_last_subject_not_the_last_mention():
    article = parse_article(
        "Prime Minister Kishida met Joe Biden in Washington on Friday afternoon.\n\n"
        "“We will defend our nation with our own hands,” he said."
    )
    quote = article.quotes[0]
    assert (quote.speaker, quote.attribution, quote.cue) == ("kishida-fumio", "pronoun", "he said")
    antecedent = article.text[quote.antecedent_start : quote.antecedent_end]
    assert antecedent == "Kishida"


def test_a_clause_naming_no_person_attributes_nobody():
    article = parse_article("“The plan is a turning point for the region,” Analysts said.")
    assert article.quotes[0].speaker is None and article.quotes[0].cue == "Analysts said"
    assert article.quotes[0].attribution == "unattributed"


def test_every_speaker_id_is_an_entity(seed, wire):
    for article in (seed, wire):
        names = article.entity_names()
        assert all(q.speaker in names for q in article.quotes if q.speaker)
