"""The layouts that cost most speaker errors on held-out news (issue 18), one synthetic test each,
and one id per person within an article and across a corpus."""

from __future__ import annotations

from alliance_lib import parse_article


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in parse_article(text).quotes]


def test_a_transcript_label_opening_a_quoted_paragraph_names_the_speaker():
    article = parse_article(
        "Debate transcript\n\n"
        "The moderator pressed both candidates on trade during the second hour.\n\n"
        "“HOLT: Do you think the tariffs will raise prices for families in Ohio?”\n\n"
        "“VARGA: No, I do not, and the numbers show it clearly.”\n"
    )
    first, second = article.quotes
    assert (first.speaker, second.speaker) == ("holt", "varga")
    assert first.text.startswith("Do you think")  # the label is not quoted speech
    (holt,) = [a for a in article.attributions if a.speaker == "holt"]
    assert holt.source.text == "HOLT" and holt.cue.text == ":"


def test_a_dash_byline_after_a_quotation():
    assert _speakers(
        "Readers respond\n\nThe town hall drew a large crowd on Tuesday evening.\n\n"
        "“We came here to be heard, and we will keep coming back every month.” ― Rosa Lindqvist\n"
    ) == ["rosa-lindqvist"]


def test_a_title_case_cue_word_is_not_part_of_the_name():
    article = parse_article(
        "Roundup of the week\n\nThe candidates traded barbs on the trail.\n\n"
        "Varga Joked “I would build the bridge myself if they let me hold the shovel.”\n"
    )
    assert [q.speaker for q in article.quotes] == ["varga"]
    assert "varga-joked" not in {e.id for e in article.entities}


def test_a_speaker_named_on_the_next_line():
    assert _speakers(
        "Voices from the rally\n\nThousands gathered in the park on Saturday.\n\n"
        "“What we have seen is that the current plan is not enough for the people here.”\n\n"
        "Rosa Lindqvist, a nurse from Dayton.\n"
    ) == ["rosa-lindqvist"]


def test_a_heading_after_a_quotation_is_not_its_speaker():
    assert (
        _speakers(
            "Summit\n\nThe prime minister spoke after the talks.\n\n"
            "“The role of the alliance is growing,” Kishida said. “We share its values.\n\n"
            "“The region is watching what we do together.”\n\n"
            "‘A Steadfast Ally’\n\nThe leaders then left.\n"
        )
        == ["kishida-fumio"] * 3
    )


def test_a_panel_list_names_the_person_not_the_outlet():
    assert _speakers(
        "What the experts think\n\nWe asked commentators about the summit.\n\n"
        "Ann Roe, The Daily Planet: “The agreement changes the balance in the region.”\n\n"
        "Bo Lind, Metro Herald: “It is a modest step that leaves hard questions open.”\n"
    ) == ["ann-roe", "bo-lind"]


def test_capitalised_labels_are_not_speakers():
    article = parse_article(
        "Summit statement\n\nThe leaders issued a joint statement after the talks.\n\n"
        "Partial transcript: “We are united in our resolve to defend the peace here.”\n\n"
        "Full Text. “The alliance has never been stronger than it is today.”\n"
    )
    assert [q.speaker for q in article.quotes] == [None, None]
    assert not {"partial", "full-text", "text"} & {e.id for e in article.entities}


def test_a_quotation_inside_reported_speech_with_a_non_speech_verb():
    article = parse_article(
        "Campaign notes\n\n"
        "Ann Varga called the plan “reckless and dangerous for the economy” on Monday.\n\n"
        "The new ad shows Varga asking, “Who will pay for all of this when the bill comes?”\n\n"
        "Varga tweeted that “the people deserve a real answer before the vote.”\n"
    )
    assert [q.speaker for q in article.quotes] == ["ann-varga"] * 3
    asking = next(a for a in article.attributions if a.cue and a.cue.text == "asking")
    assert asking.kind == "direct" and asking.speaker == "ann-varga"


def test_complex_speaker_phrases_after_the_verb():
    assert _speakers(
        "Local reaction\n\nThe memorial was crowded with families on the anniversary.\n\n"
        "“We will never forget the people we lost that morning,” said 9/11 widow Ann Roe.\n\n"
        "“Grief does not follow a schedule, and that is normal,” advises psychologist Ivan"
        " Orlov.\n\n"
        "“The bill will pass this month with support from both sides,” said Rep. J.T. Marsh"
        " (D-Ohio).\n"
    ) == ["ann-roe", "ivan-orlov", "j-t-marsh"]


def test_a_quote_only_paragraph_after_the_text_moved_to_another_speaker():
    assert _speakers(
        "Debate recap\n\nAnn Varga opened the debate with an attack on the budget.\n\n"
        "“This budget is a disgrace to every family in the state,” Varga said.\n\n"
        "But Bo Lind, the governor, defended the plan at length and pointed to the numbers.\n\n"
        "“We balanced the books without raising a single tax on working people.”\n"
    ) == ["ann-varga", "bo-lind"]


def test_ms_varga_is_the_varga_of_the_nearest_full_mention():
    article = parse_article(
        "Family business\n\n"
        "Tom Varga founded the company in 1980 and ran it for three decades.\n\n"
        "His daughter, Ann Varga, took over the firm last year after a career in law.\n\n"
        "“We will open two new plants next year and hire local workers,” Ms. Varga said.\n"
    )
    assert [q.speaker for q in article.quotes] == ["ann-varga"]


def test_trump_and_donald_trump_are_one_person_and_melania_trump_another():
    article = parse_article(
        "Campaign stop\n\n"
        "Donald Trump held a rally in Ohio on Friday night.\n\n"
        "“We are going to win this state by a lot,” Trump said.\n\n"
        "Melania Trump spoke to supporters in the afternoon.\n\n"
        "“My husband loves this country very much,” Melania Trump said.\n"
    )
    assert [q.speaker for q in article.quotes] == ["donald-trump", "melania-trump"]


def test_a_bare_clinton_is_the_clinton_of_the_nearest_full_mention():
    article = parse_article(
        "Two Clintons on the trail\n\n"
        "Bill Clinton campaigned in Iowa on Monday.\n\n"
        "“The economy was stronger when we worked together,” Clinton said.\n\n"
        "Later, Hillary Clinton addressed a crowd in Des Moines.\n\n"
        "“We will fight for every vote in this state,” Clinton said.\n"
    )
    assert [q.speaker for q in article.quotes] == ["bill-clinton", "hillary-clinton"]


def test_headline_fragments_are_never_people():
    article = parse_article(
        "Rival Hillary Clinton Said “The Race Is Not Over Yet, Not By A Long Way”\n\n"
        "Hillary Clinton spoke to reporters in New Hampshire on Tuesday.\n\n"
        "“The race is not over yet, not by a long way,” Clinton said.\n"
    )
    ids = {e.id for e in article.entities} | {q.speaker for q in article.quotes}
    assert "hillary-clinton" in ids
    assert not {"rival-hillary-clinton", "hillary-clinton-said"} & ids


def test_the_same_full_name_gets_the_same_id_in_different_articles():
    first = parse_article(
        "Town hall\n\nRosa Lindqvist chairs the council.\n\n"
        "“The budget passed,” Lindqvist said after the vote.\n"
    )
    second = parse_article(
        "Council news\n\n“We will meet again in May,” said Rosa Lindqvist, the chair.\n"
    )
    assert first.quotes[0].speaker == second.quotes[0].speaker == "rosa-lindqvist"


def test_ms_does_not_end_a_sentence():
    article = parse_article(
        "Plant news\n\nThe firm hired 40 workers. Ms. Varga said more would follow, and Atty."
        " Lee agreed.\n"
    )
    assert [s.text for s in article.sentences][-2:] == [
        "The firm hired 40 workers.",
        "Ms. Varga said more would follow, and Atty. Lee agreed.",
    ]
