"""Attribution records (issue 18): kinds, spans, speakers, the JSON shape and the lookup helper,
on small synthetic articles (never PolNeAR text)."""

from __future__ import annotations

from alliance_lib import parse_article
from alliance_lib.text.model import Attribution

SPAN_KEYS = {"start", "end", "raw_start", "raw_end", "text"}
RECORD_KEYS = {"kind", "content", "source", "cue", "speaker", "speaker_kind", "sentence"}


def _by_cue(article, cue: str) -> Attribution:
    return next(a for a in article.attributions if a.cue is not None and a.cue.text == cue)


def test_direct_mixed_and_indirect_attributions_with_their_spans():
    article = parse_article(
        "Harbour plan draws fire\n\n"
        "Mayor Ann Lee said the harbour plan would cost far more than promised.\n\n"
        "Lee called the budget “a fantasy dressed up as a plan” on Monday.\n\n"
        "“We will not sign it,” Lee said.\n"
    )
    indirect = _by_cue(article, "said")
    assert indirect.kind == "indirect"
    assert indirect.content.text == "the harbour plan would cost far more than promised"
    assert indirect.source.text == "Mayor Ann Lee" and indirect.speaker == "ann-lee"
    assert indirect.speaker_kind == "named"
    mixed = _by_cue(article, "called")
    assert mixed.kind == "mixed" and "“a fantasy dressed up as a plan”" in mixed.content.text
    direct = [a for a in article.attributions if a.kind == "direct"]
    assert [a.content.text for a in direct] == ["We will not sign it"]  # no quotation marks
    assert direct[0].speaker == "ann-lee" and direct[0].cue.text == "said"
    # the quotation inside the mixed attribution is not listed again as a direct one
    assert len(article.quotes) == 2 and len(article.attributions) == 3
    for a in article.attributions:
        for span in (a.content, a.source, a.cue):
            assert span is None or article.text[span.start : span.end] == span.text
        assert a.sentence == next(
            i for i, s in enumerate(article.sentences) if s.start <= a.cue.start < s.end
        )


def test_a_direct_quotation_keeps_the_speaker_it_has_in_quotes():
    article = parse_article(
        "Budget vote\n\n"
        "Senator Bo Lind spoke first at the hearing on Tuesday morning.\n\n"
        "“The numbers do not add up, and everyone in this room knows it,” he said.\n"
    )
    (quote,) = article.quotes
    (direct,) = [a for a in article.attributions if a.kind == "direct"]
    assert direct.speaker == quote.speaker == "bo-lind"
    assert direct.speaker_kind == "pronoun" and direct.source.text == "he"


def test_according_to_an_inverted_said_clause_and_a_parenthetical():
    article = parse_article(
        "Port news\n\n"
        "According to the port authority, the new cranes will arrive in May.\n\n"
        "The dredging will take two more years, said Ivan Orlov, the harbour master.\n\n"
        "The cranes, Orlov said, were ordered before the strike.\n"
    )
    according = _by_cue(article, "According to")
    assert according.content.text == "the new cranes will arrive in May"
    assert according.source.text == "the port authority"
    inverted = next(a for a in article.attributions if a.source and "Ivan Orlov" in a.source.text)
    assert inverted.content.text == "The dredging will take two more years"
    assert inverted.speaker == "ivan-orlov"
    parenthetical = [a for a in article.attributions if a.source and a.source.text == "Orlov"]
    assert parenthetical[0].content.text.startswith("The cranes")
    assert parenthetical[0].speaker == "ivan-orlov"


def test_a_cue_word_used_as_a_noun_is_no_attribution():
    article = parse_article(
        "Vote count\n\n"
        "The candidate won eight states and lost the support of the party's donors.\n\n"
        "His claims about the count were checked by the election board on Friday.\n"
    )
    assert article.attributions == ()


def test_nested_attributions_are_listed_each_on_its_own_and_the_innermost_is_found():
    article = parse_article(
        "Inside the talks\n\nAnn Lee said the minister told her that the deal was already signed.\n"
    )
    outer = _by_cue(article, "said")
    inner = _by_cue(article, "told")
    assert outer.content.start < inner.content.start < inner.content.end <= outer.content.end
    assert inner.content.text == "that the deal was already signed"
    assert inner.speaker_kind == "descriptive" and inner.speaker is None
    deal = article.text.index("the deal")
    assert article.attribution_at(deal, deal + len("the deal")) == inner
    minister = article.text.index("the minister")
    assert article.attribution_at(minister, minister + 3) == outer
    assert article.attribution_at(0, 5) is None  # the headline attributes nothing


def test_the_json_record_has_exactly_the_issue_shape_with_raw_offsets():
    raw = (
        "Harbour plan\n\nMayor   Ann Lee said the harbour plan would cost far more than promised.\n"
    )
    article = parse_article(raw)
    (record,) = article.to_dict()["attributions"]
    assert set(record) == RECORD_KEYS
    for part in ("content", "source", "cue"):
        assert set(record[part]) == SPAN_KEYS
        span = record[part]
        assert article.text[span["start"] : span["end"]] == span["text"]
        assert raw[span["raw_start"] : span["raw_end"]].split() == span["text"].split()
    assert record["source"]["raw_start"] != record["source"]["start"]  # the spaces collapsed
    assert record["kind"] == "indirect" and record["speaker_kind"] == "named"
    assert (
        list(article.to_dict()).index("attributions") == list(article.to_dict()).index("quotes") + 1
    )


def test_an_organisation_is_the_source_rather_than_its_head():
    article = parse_article(
        "Launch condemned\n\n"
        "North Korea's state news agency KCNA said the launch was a routine test.\n\n"
        "The Japanese government said it would lodge a protest with the embassy.\n\n"
        "“The launch threatens the whole region,” the Foreign Ministry said.\n"
    )
    sources = {a.source.text: (a.speaker, a.speaker_kind) for a in article.attributions}
    assert sources["North Korea's state news agency KCNA"] == ("kcna", "organisation")
    assert sources["The Japanese government"] == ("japanese-government", "organisation")
    assert sources["the Foreign Ministry"] == ("foreign-ministry", "organisation")
    assert article.quotes[0].speaker == "foreign-ministry"
    assert {e.type for e in article.entities if e.id == "foreign-ministry"} == {"organization"}


def test_a_source_headed_by_a_common_noun_names_nobody():
    article = parse_article(
        "Campaign notes\n\n"
        "Lee advisers say the campaign will spend more on radio in the final week.\n"
    )
    (record,) = article.attributions
    assert record.source.text == "Lee advisers"
    assert (record.speaker, record.speaker_kind) == (None, "descriptive")


def test_a_transcript_line_is_its_speaker_s_and_the_first_person_in_it_too():
    article = parse_article(
        "Sunday interview\n\n"
        "VARGA: I think the plan will pass, and we think the votes are there.\n\n"
        "HOLT: Do you believe the governor will sign it?\n"
    )
    line = next(a for a in article.attributions if a.source and a.source.text == "VARGA")
    assert (line.cue.text, line.speaker, line.speaker_kind) == (":", "varga", "named")
    assert line.content.text.endswith("the votes are there")  # the whole line, not cut
    firsts = [a for a in article.attributions if a.source and a.source.text in ("I", "we")]
    assert [(a.speaker, a.speaker_kind) for a in firsts] == [("varga", "pronoun")] * 2
    you = next(a for a in article.attributions if a.cue and a.cue.text == "believe")
    assert (you.source.text, you.speaker, you.speaker_kind) == ("you", None, "pronoun")


def test_reports_nested_deeper_than_the_bound_are_not_kept():
    from alliance_lib.config import MAX_ATTRIBUTION_NESTING

    chain = " ".join(f"Lena Qu{'abcdefghij'[i]} said that" for i in range(9))
    article = parse_article(f"Talks\n\n{chain} the plan failed.\n")
    assert len(article.attributions) == MAX_ATTRIBUTION_NESTING  # a chain that deep, no deeper
    outer, inner = article.attributions[0], article.attributions[-1]
    assert outer.content.start < inner.content.start and outer.content.end == inner.content.end
