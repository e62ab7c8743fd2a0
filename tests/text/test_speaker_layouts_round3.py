"""Said-clause and quotation layouts that left named or pronoun quotations unattributed, or gave
them the wrong person, on development news (issue 18, third round): one synthetic sentence of
each pattern, none taken from the evaluation articles."""

from __future__ import annotations

from alliance_lib import parse_article


def _quotes(text: str) -> list[tuple[str | None, str]]:
    return [(q.speaker, q.attribution) for q in parse_article(text).quotes]


def _speakers(text: str) -> list[str | None]:
    return [q.speaker for q in parse_article(text).quotes]


# --- said-clause layouts -------------------------------------------------------------------


def test_an_appositive_subject_after_the_quotation_is_the_speaker():
    # `"...," the city spokesman, Ann Roe, said`: a role, then the name, not circumstance
    assert _speakers(
        "Budget vote\n\nThe council met on Monday to approve the budget.\n\n"
        "“We cannot afford another delay,” the city spokesman, Ann Roe, said on Monday.\n"
    ) == ["ann-roe"]


def test_a_group_appositive_is_not_a_name():
    # `Bo Lind and Ann Roe, both Democrats, said`: `Democrats` says what they are
    assert _speakers(
        "Budget vote\n\nTwo members spoke after the session.\n\n"
        "“The plan is fair to every district,” Bo Lind and Ann Roe, both Democrats, said.\n"
    ) == ["bo-lind"]


def test_a_relative_clause_that_calls_the_quotation_something_names_its_caller():
    assert _speakers(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "The budget was what aide Ann Roe called “a plan that nobody in this town can afford,”"
        " before the vote.\n"
    ) == ["ann-roe"]


def test_a_participle_after_a_comma_reports_for_the_subject_not_the_object_before_it():
    assert _speakers(
        "Budget vote\n\nTom Reed spoke to donors on Friday.\n\n"
        "Tom Reed spoke at length to the banker Carl Moss, telling him “the campaign will not"
        " back down now.”\n"
    ) == ["tom-reed"]


def test_a_country_adjective_that_is_a_persons_surname_is_that_person():
    assert _speakers(
        "Team sale\n\nMark Cuban spoke to reporters after the game.\n\n"
        "“We will sell the team next year and move on,” Cuban said.\n"
    ) == ["mark-cuban"]


def test_an_article_and_an_adjective_before_a_name():
    assert _quotes(
        "Budget vote\n\nThe governor was in the capital on Tuesday.\n\n"
        "“I will not sign a bill like this one,” an angry Varga told the crowd.\n"
    ) == [("varga", "said_clause")]


def test_a_participle_opening_a_sentence_is_not_its_subject():
    assert _speakers(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "Following Varga on the radio, Ann Roe said “the road will be finished before the"
        " winter.”\n"
    ) == ["ann-roe"]


# --- more layouts of direct quotations --------------------------------------------------------


def test_as_someone_put_it_names_the_speaker():
    assert _speakers(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "As Ann Roe put it, “the town has waited long enough for this road.”\n"
    ) == ["ann-roe"]


def test_more_from_a_name_with_a_colon_names_the_speaker():
    assert _speakers(
        "Budget vote\n\nThe debate ran late.\n\n"
        "More from Jones: “The road will be built, and it will be built this year.”\n"
    ) == ["jones"]


def test_as_a_group_sang_names_a_descriptive_source():
    article = parse_article(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "As the band sang back then, “the river keeps on rolling down to the sea tonight.”\n"
    )
    (quote,) = article.quotes
    assert (quote.attribution, quote.source) == ("descriptive", "the band")


def test_heres_a_name_with_a_colon_names_the_speaker_not_heres():
    assert _speakers(
        "Budget vote\n\nThe debate ran late.\n\n"
        "Here's Lee: “We will build the road, and we will build it this year.”\n"
    ) == ["lee"]


def test_a_said_clause_ending_with_a_colon_introduces_the_next_quotation():
    # `Roe wrote: "...." Lee posted: "..."`: Lee's clause is not the first quotation's
    assert _speakers(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "Ann Roe wrote: “The road is late again.” Bo Lind posted: “The road will be finished"
        " this year, and we will all drive on it.”\n"
    ) == ["ann-roe", "bo-lind"]


def test_an_open_bracket_before_the_quotation_starts_its_said_clause():
    assert _speakers(
        "Budget vote\n\nThe word names a crime (Ann Roe once said, “a crime without a name is"
        " a crime without an end”).\n"
    ) == ["ann-roe"]


def test_and_said_after_a_quotation_leaves_the_speaker_to_the_clause_before_it():
    article = parse_article(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "Ann Roe declared “the road will be finished before the winter” and said the plan"
        " was fair.\n"
    )
    (quote,) = article.quotes
    assert (quote.speaker, quote.source) == ("ann-roe", "Ann Roe")


def test_a_title_inside_a_said_clause_does_not_cut_it_from_the_next_quotation():
    assert _speakers(
        "Budget vote\n\nThe council met on Monday.\n\n"
        "As Ann Roe, author of “The Rules,” put it, “the town has waited long enough for this"
        " road.”\n"
    ) == ["ann-roe"]


def test_roles_before_the_first_of_two_names():
    assert _speakers(
        "Budget vote\n\nTom Reed spoke first on Monday.\n\n"
        "“The road will be finished before the winter comes,” state Senate leader Bo Lind and"
        " Ann Roe said.\n"
    ) == ["bo-lind"]


def test_a_participle_after_a_with_phrase_and_a_comma_reports_for_the_subject():
    # `He condemned the deal with social outlets, saying "..."`: not `with outlets saying`
    assert _speakers(
        "Budget vote\n\nBo Lind condemned the deal with social outlets, saying “the road will be"
        " finished before the winter comes.”\n"
    ) == ["bo-lind"]


def test_a_contraction_of_has_after_a_name_is_not_a_possessive():
    assert _speakers(
        "Budget vote\n\nBo Lind spoke first on Monday.\n\n"
        "“The road will be finished before the winter comes,” Christie's been saying for"
        " weeks.\n"
    ) == ["christie"]


# --- pronouns and sentences of their own -----------------------------------------------------


def test_a_pronoun_after_a_circumstance_is_a_pronoun_speaker():
    article = parse_article(
        "Budget vote\n\nBo Lind spoke first on Monday.\n\n"
        "In 2010 she said “the road will be finished before the winter comes.”\n"
    )
    (quote,) = article.quotes
    assert (quote.speaker, quote.attribution) == ("bo-lind", "pronoun")


def test_a_next_sentence_said_clause_takes_who_was_told():
    assert _speakers(
        "Budget vote\n\nTom Reed spoke first on Monday.\n\n"
        "“The road will be finished before the winter comes.” Roe told reporters.\n"
    ) == ["roe"]


def test_a_next_sentence_with_an_object_clause_is_narration_not_a_said_clause():
    # `"...." He said Varga would ...`: what he said about Varga, not who said the quotation
    article = parse_article(
        "Budget vote\n\nBo Lind spoke first on Monday.\n\n"
        "“The road will be finished before the winter comes.” He said Varga would vote"
        " against it.\n"
    )
    (quote,) = article.quotes
    assert quote.attribution == "unattributed"


def test_the_name_right_before_a_sentence_final_verb_is_its_subject():
    # `..., he is the ablest builder in the state Ann Roe argues.`: Roe argues, so `she` is Roe
    assert _speakers(
        "Budget vote\n\nTom Reed spoke first on Monday.\n\n"
        "The road is late, and he is the ablest builder in the state Ann Roe argues.\n\n"
        "“We will see who turns up on the day of the vote,” she said.\n"
    ) == ["ann-roe"]


def test_a_preposition_opening_the_subject_clause_is_no_person():
    article = parse_article(
        "Budget vote\n\nTom Reed spoke first on Monday.\n\n"
        "Across town, “the road will be finished before the winter comes,” the sign read.\n"
    )
    assert [q.speaker for q in article.quotes] == [None]
    assert "across" not in {e.id for e in article.entities}


def test_tripled_apostrophes_around_a_quotation_leave_the_pronoun_clause_after_it():
    assert _speakers(
        "Budget vote\n\nTom Reed spoke first on Monday.\n\n"
        "'''College Bowl,''' he replied when asked about the show.\n"
    ) == ["tom-reed"]


# --- spurious quotations ------------------------------------------------------------------------


def test_a_show_after_a_possessive_stays_a_title_when_a_said_clause_follows():
    article = parse_article(
        "Budget vote\n\nBo Lind spoke first on Monday.\n\n"
        "Ann Roe spoke on ABC's “This Week,” and then Lee admitted “the road will be late"
        " again this year.”\n"
    )
    assert [q.text for q in article.quotes] == ["the road will be late again this year."]


def test_a_title_with_a_full_stop_after_a_preposition_is_no_quotation():
    assert (
        _speakers(
            "Budget vote\n\nBo Lind spoke first on Monday.\n\nAnn Roe said on “Meet the Press.” She was not happy.\n"
        )
        == []
    )


def test_html_left_in_the_text_is_no_quotation():
    assert (
        _speakers(
            "Budget vote\n\nBo Lind spoke first on Monday.\n\n"
            '<tweet date="March 4, 2016">The road is late again and we are all tired of waiting'
            " for it.</tweet>\n"
        )
        == []
    )


# --- sources of every attribution -------------------------------------------------------------


def _sources(text: str) -> list[tuple[str, str | None, str | None]]:
    return [
        (a.kind, a.source.text if a.source else None, a.speaker)
        for a in parse_article(text).attributions
    ]


def test_an_inverted_description_with_a_relative_clause_is_the_source():
    # `said one of those aides, who ...`, `said a budget analyst who has worked for ...`: the
    # relative clause's verb does not make the phrase a clause, nor its first part a time
    article = parse_article(
        "Records\n\nThe office missed its goal this month.\n\n"
        "“The plan has no chance in the committee,” said one of those aides, who joined the"
        " staff last year.\n\n"
        "“The numbers will not add up by spring,” said a longtime budget analyst who has"
        " worked for a rival.\n"
    )
    assert [(q.attribution, q.source) for q in article.quotes] == [
        ("descriptive", "one of those aides, who joined the staff last year"),
        ("descriptive", "a longtime budget analyst who has worked for a rival"),
    ]
    assert [a.speaker_kind for a in article.attributions] == ["descriptive", "descriptive"]


def test_a_party_affiliation_between_the_name_and_the_verb_keeps_the_source():
    assert _sources(
        "Bills\n\nLast year, after two defeats, Sen. Ann Lee (R-Ohio) said that she would not"
        " file the measure again.\n"
    )[0] == ("indirect", "Sen. Ann Lee (R-Ohio)", "ann-lee")


def test_an_office_with_an_organisations_word_before_a_name_is_the_person():
    # `House Speaker Bo Lind` is Bo Lind, not an organisation called `House Speaker Bo Lind`
    article = parse_article(
        "Votes\n\nThe House met on Monday.\n\n"
        "“We will pass it this week,” House Speaker Bo Lind said.\n\n"
        "“We will pass it next week,” Senate Majority Leader Carl Moss said.\n\n"
        "Speaker of the House Rep. Ann Lee (R-Wis.) said “pictures like these have no place in"
        " any campaign.”\n\n"
        "“It is done,” the Foreign Ministry said.\n"
    )
    assert [q.speaker for q in article.quotes] == [
        "bo-lind",
        "carl-moss",
        "ann-lee",
        "foreign-ministry",
    ]
    assert [a.speaker_kind for a in article.attributions] == [
        "named",
        "named",
        "named",
        "organisation",
    ]


def test_a_long_appositive_with_a_relative_clause_before_said_keeps_the_source():
    # `than` and `who` inside an appositive do not end the subject; a longer window reads it
    assert _sources(
        "Homes\n\nThe rule drew complaints.\n\n"
        "Ann Lee, an official at the Harbor Water Board in Maine, which has a list of more"
        " than 300 pipes to replace, said the cost of the new rule would make her delay"
        " repairs.\n\n"
        "Carl Moss, a 20-year member of the board who left as its deputy chief in 2011,"
        " said the plan the mayor put forward falls short.\n"
    ) == [
        (
            "indirect",
            "Ann Lee, an official at the Harbor Water Board in Maine, which has a list of"
            " more than 300 pipes to replace",
            "ann-lee",
        ),
        (
            "indirect",
            "Carl Moss, a 20-year member of the board who left as its deputy chief in 2011",
            "carl-moss",
        ),
    ]


def test_a_clause_of_time_before_an_appositive_subject_is_not_the_source():
    assert _sources(
        "Clinic\n\nThe clinic shut early.\n\nWhen Lee arrived, Roe, a nurse, said the clinic"
        " was closed.\n"
    ) == [("indirect", "Roe, a nurse", "roe")]


def test_a_name_with_an_appositive_before_said_is_the_subject_not_the_content():
    # `Ann Lee, a teacher, said the plan failed.`: not content `Ann Lee, a teacher` with an
    # inverted source `the plan failed`; `The plan will fail, said Lee.` stays inverted
    assert _sources(
        "Plans\n\nThe board met.\n\nAnn Lee, a retired teacher, said the plan failed.\n\n"
        "Bo Lind, 61, said the vote slipped.\n\nThe plan will fail, said Carl Moss.\n"
    ) == [
        ("indirect", "Ann Lee, a retired teacher", "ann-lee"),
        ("indirect", "Bo Lind, 61", "bo-lind"),
        ("indirect", "Carl Moss", "carl-moss"),
    ]


def test_a_written_things_read_after_a_quotation_is_its_source():
    # `"...," the editorial read`, `read one`: the source is what was written; the surname Read
    # (capitalised) stays a person's name
    article = parse_article(
        "Signs\n\nPlanes wrote messages over the beach.\n\n"
        "“The beach is full and the water is warm today,” read one.\n\n"
        "“If the council wants a new park, it should pay for one,” the editorial read.\n\n"
        "“We have weighed the risk and we think it is a good deal for everyone,” Read said.\n"
    )
    assert [(q.attribution, q.source, q.speaker) for q in article.quotes] == [
        ("descriptive", "one", None),
        ("descriptive", "the editorial", None),
        ("said_clause", "Read", "read"),
    ]


def test_an_office_in_the_part_nearest_the_verb_names_the_speaker():
    assert _speakers(
        "Bills\n\nThe board met.\n\nMonday on a radio show, while discussing a post from the"
        " mayor, Speaker of the House Rep. Ann Lee (R-Wis.) said “posts like this one do not"
        " help the city at all.”\n"
    ) == ["ann-lee"]


def test_a_day_before_a_participle_is_not_who_it_reports_for():
    # `issued a statement Tuesday saying, "..."`: the statement's issuer, not `Tuesday`
    (quote,) = parse_article(
        "Bills\n\nThe board met.\n\nBo Lind, who said last week that a referee in a dispute about"
        " Lind Farms had treated him unfairly, issued a statement Tuesday saying, “The ruling was"
        " wrong and we will appeal it.”\n"
    ).quotes
    assert quote.speaker == "bo-lind" and quote.source.startswith("Bo Lind, who said")


def test_a_lower_case_aside_in_brackets_is_no_affiliation():
    # `(R-Ohio)` after a name is passed to reach it; `(young or old)` after a noun is not
    assert [
        s
        for s in _sources("Votes\n\nA reformer (young or old) would recall the old days.\n")
        if s[1] is not None and s[1].startswith("A reformer")
    ] == []
