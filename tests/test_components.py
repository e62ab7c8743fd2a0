"""Unit tests of the parts: normaliser, boilerplate rules, quotes, claims, gazetteer."""

from __future__ import annotations

from datetime import date

import pytest

from alliance_lib import DataError, parse_article
from alliance_lib.claims import find_claims
from alliance_lib.gazetteer import load_gazetteer, person_forms
from alliance_lib.model import Sentence
from alliance_lib.normalize import normalize_line, normalize_text


def _claims(text: str, reference: date | None = None):
    return [
        (c.type, c.value, c.unit, c.precision)
        for c in find_claims(text, [Sentence(0, len(text), text, 0)], reference)
    ]


def test_normalize_line_keeps_typographic_quotes_and_maps_offsets():
    text, offsets = normalize_line("  “Quote”\u00a0\u00a0said  he ")
    assert text == "“Quote” said he"
    assert offsets[0] == 2 and len(offsets) == len(text)


def test_normalize_text_is_idempotent_on_mojibake():
    once = normalize_text("Japanâ€™s â€œdefenseâ€\x9d  budget")
    assert once == "Japan’s “defense” budget"
    assert normalize_text(once) == once


@pytest.mark.parametrize(
    ("line", "rule"),
    [
        ("Advertisement", "advertisement"),
        ("Tweet", "share_counter"),
        ("1.2K", "share_counter"),
        ("undefined", "artifact"),
        ("Follow us on Twitter", "footer"),
        ("Read more", "continue_reading"),
    ],
)
def test_boilerplate_rules(line, rule):
    body = "Japan and the United States agreed on new defense steps today."
    lead = "" if rule == "continue_reading" else line
    article = parse_article(f"Headline of the story\n\n{lead}\n{body}\n{line}")
    assert rule in {r.rule for r in article.removed}
    assert line not in article.text


def test_continue_reading_glued_to_the_last_paragraph_is_cut():
    article = parse_article(
        "Japan and the United States agreed on new defense steps today. Continue reading..."
    )
    assert article.truncated and article.text.endswith("today.")


def test_partial_quotation_and_unattributed_quotation():
    article = parse_article(
        "Officials called the plan “a turning point for the alliance” on Friday.\n\n"
        "“There is no going back from this decision now,” read a banner outside."
    )
    first, second = article.quotes
    assert first.partial and first.speaker is None and first.attribution == "unattributed"
    assert second.attribution == "unattributed" and not second.partial


def test_scare_quotes_are_not_quotations():
    article = parse_article(
        "China’s “communist” leadership was named as a threat by the two leaders."
    )
    assert article.quotes == ()


def test_said_before_the_quotation_with_colon():
    article = parse_article(
        "Prime Minister Kishida said: “We will defend our nation with our own hands.”"
    )
    assert article.quotes[0].speaker == "kishida-fumio" and not article.quotes[0].partial


def test_quote_continuing_over_paragraphs_inherits_the_speaker():
    article = parse_article(
        "“We will act together, and we will act now,” Biden said. “The alliance is strong.\n\n"
        "“No one should doubt our resolve in the region.”"
    )
    assert [(q.speaker, q.attribution) for q in article.quotes] == [
        ("joe-biden", "said_clause"),
        ("joe-biden", "inherited"),
        ("joe-biden", "inherited"),
    ]


def test_narration_between_quotations_stops_inheritance():
    article = parse_article(
        "“We will act together and act now,” Biden said.\n\nThe meeting lasted two hours.\n\n"
        "“This is a new era for the whole region,”"
    )
    assert article.quotes[-1].speaker is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("raise spending to 2% of GDP", ("share_of_gdp", 2.0, "percent of GDP", None)),
        (
            "1.5 per cent of its gross domestic product",
            ("share_of_gdp", 1.5, "percent of GDP", None),
        ),
        ("spending will triple", ("multiplier", 3.0, "times", None)),
        ("a 10-fold rise", ("multiplier", 10.0, "times", None)),
        ("within a decade", ("duration", 10.0, "years", None)),
        ("over the next 18 months", ("duration", 18.0, "months", None)),
        ("about 43 trillion yen", ("amount", 43e12, "JPY", None)),
        ("($320 billion)", ("amount", 320e9, "USD", None)),  # brackets are a gloss, not a negative
        ("¥6.8 trillion", ("amount", 6.8e12, "JPY", None)),
        ("through fiscal 2027", ("fiscal_year", "FY2027", None, "fiscal_year")),
        ("on January 13, 2023", ("date", "2023-01-13", None, "day")),
        ("on 13 January 2023", ("date", "2023-01-13", None, "day")),
        ("in December 2022", ("date", "2022-12", None, "month")),
        ("by 2027", ("date", "2027", None, "year")),
        ("the first time since the Cold War", ("historical_anchor", "Cold War", None, None)),
    ],
)
def test_claim_patterns(text, expected):
    assert expected in _claims(text)


def test_percent_of_gdp_is_not_also_a_plain_percent():
    assert [c[0] for c in _claims("2 percent of GDP")] == ["share_of_gdp"]


def test_year_inference_rules():
    assert _claims("on Jan. 13")[0][1:] == ("--01-13", None, "month_day")
    assert _claims("on Jan. 13", date(2023, 1, 20))[0][1] == "2023-01-13"
    assert _claims("on Dec. 30", date(2023, 1, 2))[0][1] == "2022-12-30"  # nearest, not same year
    assert _claims("in November 2022 ... on Jan. 13")[1][1] == "2023-01-13"
    assert _claims("in March 2022 ... on Jan. 13")[1][1] == "2023-01-13"
    assert _claims("in January 2023 ... on Jan. 13")[1][1] == "2023-01-13"


def test_invalid_dates_are_not_claims():
    assert _claims("on February 30, 2023") == []


def test_person_forms_handle_family_name_first():
    assert person_forms("Fumio", "Kishida", True) == ["Kishida Fumio", "Fumio Kishida", "Kishida"]
    assert person_forms("Joe", "Biden", False) == ["Joe Biden", "Biden"]


def test_us_is_the_united_states_not_the_virgin_islands():
    gazetteer = load_gazetteer()
    for form in ("U.S.", "US", "United States", "America"):
        assert gazetteer.lookup(form).id == "USA"
    article = parse_article(
        "The U.S.-Japan alliance and US forces were discussed by the leaders today."
    )
    assert [e.id for e in article.entities if e.type == "country"] == ["USA", "JPN", "USA"]


def test_both_name_orders_resolve_to_one_person():
    article = parse_article(
        "Fumio Kishida met reporters. Kishida Fumio spoke later, and Prime Minister Kishida left the hall."
    )
    assert {e.id for e in article.entities if e.type == "person"} == {"kishida-fumio"}


def test_gazetteer_can_be_extended_without_code(tmp_path):
    path = tmp_path / "gazetteer.yaml"
    path.write_text(
        "countries:\n  - {id: JPN, name: Japan, names: [Japan]}\n"
        "people:\n  - {id: jane-roe, given: Jane, family: Roe, role: analyst}\n",
        encoding="utf-8",
    )
    article = parse_article(
        "“Costs will rise sharply after this,” Roe said of Japan.", gazetteer_path=path
    )
    assert article.quotes[0].speaker == "jane-roe"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("countries:\n  - {id: XXX, names: [Nowhere]}\n", "ISO 3166-1"),
        ("countries:\n  - {names: [Japan]}\n", "no id"),
        ("people:\n  - {id: a, given: A}\n", "given and family"),
        ("planets:\n  - {id: mars, names: [Mars]}\n", "unknown section"),
        ("countries: [\n", "not valid YAML"),
        ("places:\n  - {id: a, names: [X]}\n  - {id: b, names: [X]}\n", "given to both"),
    ],
)
def test_malformed_gazetteer_raises_data_error(tmp_path, content, words):
    path = tmp_path / f"g{abs(hash(content))}.yaml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=words):
        load_gazetteer(path)


def test_weekdays_resolve_only_against_a_reference_date():
    assert _claims("met on Friday")[0][1:] == ("Friday", None, "weekday")
    assert _claims("met on Friday", date(2023, 1, 14))[0][1] == "2023-01-13"
    assert _claims("met on Friday", date(2023, 1, 13))[0][1] == "2023-01-13"  # the same day counts


def test_narration_after_a_quotation_is_not_a_quote_only_paragraph():
    article = parse_article(
        "“We will act together and act now,” Biden said.\n\n"
        "“This is a new era for the whole region.” The remark drew applause from the room."
    )
    assert article.quotes[-1].speaker is None and article.quotes[-1].attribution == "unattributed"
