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


def test_a_pronoun_skips_a_person_named_only_inside_a_quotation_or_as_an_object():
    article = parse_article(
        "Jane Roe spoke to reporters on Friday.\n\n"
        "“I told Mark Doe that the plan was finished,” she said.\n\n"
        "“We will not wait for Mark Doe any longer,” she added."
    )
    assert [(q.speaker, q.attribution) for q in article.quotes] == [
        ("jane-roe", "pronoun"),
        ("jane-roe", "pronoun"),
    ]


def test_a_pronoun_agrees_in_gender_where_a_title_shows_it():
    article = parse_article(
        "Mrs. Jane Roe met voters in the morning. Mr. Mark Doe spoke after her.\n\n"
        "“The turnout was higher than anyone expected,” she said."
    )
    quote = article.quotes[0]
    assert (quote.speaker, quote.attribution) == ("jane-roe", "pronoun")
    assert article.text[quote.antecedent_start : quote.antecedent_end] == "Jane Roe"


def test_a_descriptive_speaker_is_kept_as_written_and_not_guessed():
    article = parse_article(
        "Jane Roe was not at the meeting.\n\n"
        "“The plan is on schedule and within its budget,” a campaign spokesman said."
    )
    quote = article.quotes[0]
    assert (quote.speaker, quote.attribution, quote.source) == (
        None,
        "descriptive",
        "a campaign spokesman",
    )


def test_a_name_that_begins_with_he_is_not_the_pronoun():
    article = parse_article(
        "Jane Roe opened the session.\n\n"
        "“The data are clear on this point,” said Heidi Cullen, a climate scientist."
    )
    assert article.quotes[0].speaker == "heidi-cullen"


def test_one_id_per_person_across_name_forms():
    article = parse_article(
        "“The vote will be close in every district,” said Robby Mook.\n\n"
        "“We are ready for it,” Mook added.\n\n"
        "“Nobody is complacent,” Mr. Mook said."
    )
    assert {q.speaker for q in article.quotes} == {"robby-mook"}
    names = article.entity_names()
    assert names["robby-mook"] == "Robby Mook"
    mentions = [e.text for e in article.entities if e.id == "robby-mook"]
    assert mentions == ["Robby Mook", "Mook", "Mook"]


def test_people_who_share_a_surname_keep_their_own_ids():
    article = parse_article(
        "“The campaign is going well,” said Donald Trump.\n\n"
        "“My father will win this state,” said Eric Trump.\n\n"
        "“We will build it,” Trump said."
    )
    assert [q.speaker for q in article.quotes] == ["donald-trump", "eric-trump", "donald-trump"]
