"""Notebook 05's report pieces: the excerpt line and the Result sentence computed from the
tables, chart titles that state the finding, one colour per outlet in every chart, human labels
and a source line on every chart, PNG (200 dpi) and SVG written byte-stable."""

from __future__ import annotations

import struct
from datetime import date
from pathlib import Path

import pandas as pd

from alliance_lib.analysis import coverage
from alliance_lib.config import PROJECT_ROOT
from alliance_lib.report import coverage_charts, outputs, prose, style

from .test_coverage import corpus, planted

FUNNEL = pd.DataFrame(
    {
        "outlet": ["Pacific Wire", "harbor-times", "tiny"],
        "articles": [12, 12, 2],
        "in_dates": [12, 12, 2],
        "with_keywords": [10, 12, 2],
        "compared": [10, 12, 0],
        "excerpts": [3, 0, 0],
    }
)
PEOPLE = pd.DataFrame(
    {
        "outlet": ["A", "A", "B", "B"],
        "person_id": ["joe-biden", "kishida-fumio", "joe-biden", "mary-okafor"],
        "person": ["Joe Biden", "Kishida Fumio", "Joe Biden", "Mary Okafor"],
        "attributions": [2, 2, 1, 3],
        "direct": [1, 2, 1, 0],
        "outlet_people": [4, 4, 4, 4],
        "share_pct": [50.0, 50.0, 25.0, 75.0],
    }
)
# per outlet: 9 and 4 attributions, 5 of A's naming no one
SPEAKERS = pd.DataFrame(
    {
        "outlet": ["A", "B"],
        "attributions": [9, 4],
        "to_people": [4, 4],
        "to_organisations": [0, 0],
        "to_states": [0, 0],
        "unnamed": [5, 0],
        "with_country": [3, 1],
        "country_pct": [100 * 3 / 9, 25.0],
    }
)
COUNTRIES = pd.DataFrame(
    {
        "outlet": ["A", "A", "B"],
        "country_id": ["USA", "JPN", "USA"],
        "country": ["United States", "Japan", "United States"],
        "attributions": [2, 1, 1],
        "direct": [1, 1, 1],
        "outlet_with_country": [3, 3, 1],
        "share_pct": [200 / 3, 100 / 3, 100.0],
    }
)
CLAIMS = pd.DataFrame(
    {
        "claim": ["double (multiplier)"] * 2 + ["Jan. 13 (date)"] * 2,
        "outlet": ["A", "B", "A", "B"],
        "articles_carrying": [3, 1, 0, 0],
        "outlet_articles": [4, 2, 4, 2],
        "share_pct": [75.0, 50.0, 0.0, 0.0],
    }
)
OVER_TIME = pd.DataFrame(
    {
        "period": pd.to_datetime(["2023-01-12", "2023-01-13", "2023-01-13", "2023-01-19"]).date,
        "period_unit": "day",
        "outlet": ["A", "A", "B", "B"],
        "articles": [1, 2, 3, 1],
    }
)


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda a: hasattr(a, "get_text"))]


def _differences() -> pd.DataFrame:
    return coverage.outlet_differences(planted(True), 200, 3, 0.05)


def test_the_corpus_excerpt_line_counts_excerpts_per_compared_outlet():
    line = prose.corpus_excerpt_flag(FUNNEL)
    assert line.startswith("Compared articles: EXCERPTS; 3 of the 22 end in a 'Continue reading")
    assert "(Pacific Wire 3 of 10)" in line and "tiny" not in line and "under-counted" in line
    whole = prose.corpus_excerpt_flag(FUNNEL.assign(excerpts=0))
    assert whole == (
        "Compared articles: whole texts; none of the 22 ends in a 'Continue reading...' stub."
    )
    assert "none" in prose.corpus_excerpt_flag(FUNNEL.assign(compared=0))


def _sentence(
    funnel=FUNNEL, differences=None, people=PEOPLE, claims=CLAIMS, merged=0, floor=50.0, scope=None
) -> str:
    differences = _differences() if differences is None else differences
    return prose.coverage_sentence(
        funnel,
        differences,
        people,
        claims,
        0.05,
        min_articles=5,
        min_code_articles=5,
        speakers=SPEAKERS if not people.empty else SPEAKERS.iloc[0:0],
        by_country=COUNTRIES,
        min_country_coverage=floor,
        scope=scope,
        merged=merged,
    )


def test_the_result_names_outlets_differences_speakers_and_claims_from_the_tables():
    differences = _differences()
    sentence = _sentence(differences=differences, merged=3)
    assert sentence.startswith(
        "22 articles from 2 outlets compared (Pacific Wire 10, harbor-times 12)."
    )
    china = differences.set_index("code").loc["threat:CHN"]
    assert (
        f"Outlets differ beyond chance on 1 of the 2 threat actors tested (carried by at least 5 "
        f"articles; permutation test, Holm-adjusted p < 0.05; 3 wire copies merged into their "
        f"stories): Threat actor: China (Cramér's V {china['cramers_v']:.2f}, "
        f"{china['effect']}; most in A, least in {china['lowest']}). Framing functions and frame "
        "dimensions are keyword indicators (dictionary matches not validated against human "
        "coding), shown but not tested." in sentence
    )
    # shares of the attributions to people; those naming no one are counted apart
    assert (
        "Most quoted: Joe Biden (3 of the 8 attributions to people, 38%; quoted by 2 of the 2 "
        "outlets); a further 5 of the 13 attributions name no person (5 only a description, "
        "an unresolved pronoun or no source; 0 an organisation or group; 0 a state)." in sentence
    )
    # countries are known for 4 of the 13 attributions (31%): under the floor, no finding
    assert (
        "Speakers' countries are known for 31% of the attributions, under the 50% set by "
        "min_country_coverage, so no country finding is drawn." in sentence
    )
    assert "Most quoted country" not in sentence
    assert (
        "Most quoted country: United States (3 of the 4 attributions whose speaker's country "
        "is known, 75%; known for 31% of the attributions)." in _sentence(floor=30.0)
    )
    assert (
        "most carried claim: double (multiplier), in 4 of the 6 articles (67%; 2 of the 2 "
        "outlets); 1 of its 2 claims appear in none." in sentence
    )
    calm = _sentence(
        differences=differences.assign(flagged=False),
        people=PEOPLE.iloc[0:0],
        claims=CLAIMS.iloc[0:0],
    )
    assert "No difference between outlets is beyond chance on any of the 2 threat actors" in calm
    assert "wire cop" not in calm  # nothing merged, nothing said
    assert "attribute nothing to anyone" in calm and "makes no claim about whose spending" in calm
    far = coverage.ClaimsScope(date(2023, 1, 13), 30, 22, 20, 0, ("Japan",), 2)
    unranked = _sentence(scope=far)
    assert "most carried claim" not in unranked
    assert unranked.endswith(
        "The reference article's claims are not ranked: 0 of the 20 dated compared articles are "
        "published within 30 days of its date (13 January 2023); 2 of the 22 name Japan, whose "
        "spending its claims are about."
    )
    assert coverage_charts.claims_title(CLAIMS, far.reason()).startswith(
        "The reference article's claims are not ranked: 0 of the 20"
    )
    untested = _sentence(differences=differences.assign(tested=False, flagged=False))
    assert (
        "No difference between outlets was tested: no threat actor is carried by at least 5 "
        "articles. Framing functions" in untested
    )


def test_the_result_says_why_nothing_is_compared():
    nothing = FUNNEL.assign(compared=0)
    assert _sentence(funnel=nothing) == (
        "24 articles matched the keywords and dates, but every outlet had fewer than "
        "min_articles_per_outlet (5) of them (Pacific Wire 10, harbor-times 12, tiny 2), so no "
        "outlets are compared."
    )
    no_keyword = nothing.assign(with_keywords=0)
    assert _sentence(funnel=no_keyword) == (
        "No article matched the selection: none of the 26 articles in the dates holds a keyword, "
        "so no outlets are compared."
    )
    no_dates = no_keyword.assign(in_dates=0)
    assert _sentence(funnel=no_dates).startswith(
        "No article matched the selection: none of the 26 articles in the corpus is published "
        "within date_from and date_to"
    )
    empty = no_dates.assign(articles=0)
    assert _sentence(funnel=empty) == "The corpus holds no article, so no outlets are compared."
    one = FUNNEL.assign(with_keywords=[3, 12, 2], compared=[0, 12, 0])
    assert _sentence(funnel=one).startswith(
        "12 articles from 1 outlet compared (harbor-times 12). Only harbor-times has at least "
        "min_articles_per_outlet (5) of the 17 articles selected; the other outlets have fewer "
        "(Pacific Wire 3, tiny 2) or none, so no difference between outlets can be tested. "
        "Most quoted"
    )


def test_the_copies_line_says_how_many_are_merged():
    table = pd.DataFrame(
        {
            "group": [1, 1, 1, 2, 2],
            "article_id": list("abcde"),
            "kept": [True, False, False, True, False],
        }
    )
    assert prose.copies_line(table) == (
        "Wire copies: 2 groups of near-identical articles (5 articles); the tests of difference "
        "count each group once, so 3 wire copies are left out of them."
    )
    assert prose.copies_line(table.iloc[0:0]).startswith("Wire copies: none")


def test_chart_titles_state_the_finding_from_the_table():
    assert coverage_charts.over_time_title(OVER_TIME, "day") == (
        "7 dated articles from 2 outlets, 12 to 19 January 2023; the busiest day: 13 January, "
        "5 articles"
    )
    assert coverage_charts.quoted_title(PEOPLE, "person", "person") == (
        "Most quoted person: Joe Biden (3 attributions), first or tied first in 1 of 2 outlets"
    )
    assert prose.country_coverage_line(SPEAKERS, 50.0) == (
        "Speakers' countries: known for 4 of the 13 attributions (31%; min_country_coverage "
        "50%): too few for a finding: the table below is shown, no country finding is drawn."
    )
    assert prose.country_coverage_line(SPEAKERS, 30.0).endswith("enough for a finding.")
    assert coverage_charts.claims_title(CLAIMS) == (
        "The reference article's most carried claim, double (multiplier), is in 4 of 6 "
        "articles; 1 of its 2 claims are in none"
    )
    differences = _differences()
    china = differences.set_index("code").loc["threat:CHN", "cramers_v"]
    assert coverage_charts.codes_title(differences) == (
        "Outlets differ beyond chance on 1 of 2 threat actors tested (marked *); the largest "
        f"difference: Threat actor: China (Cramér's V {china:.2f}, large, most in A)"
    )
    assert coverage_charts.codes_title(differences.assign(flagged=False)) == (
        "No threat actor's share of sentences differs between outlets beyond chance (2 threat "
        "actors tested)"
    )
    assert "no threat actor is carried by enough articles" in coverage_charts.codes_title(
        differences.assign(tested=False, flagged=False)
    )
    assert coverage_charts.flagged_labels(differences) == {"Threat actor: China"}


def test_every_outlet_keeps_its_colour_and_every_chart_its_title_labels_and_source():
    colours = coverage_charts.outlet_colours(["B", "A", "C"])
    assert colours == {"A": style.PALETTE[0], "B": style.PALETTE[1], "C": style.PALETTE[2]}
    found = corpus([("a1", "A", "2023-01-13", 4), ("b1", "B", "2023-01-14", 4)])
    outside = coverage_charts.source_text("/srv/archive/corpus-polnear", found)
    assert outside.startswith("Source: corpus corpus-polnear (2 articles compared")
    inside = coverage_charts.source_text(str(PROJECT_ROOT / "reports" / "corpus-x"), found)
    assert inside.startswith("Source: corpus reports/corpus-x (")
    source = coverage_charts.source_text("data/demo_corpus", found, gazetteer=True, codebook=True)
    assert source == (
        "Source: corpus data/demo_corpus (2 articles compared, from 2 outlets), parsed by "
        "alliance corpus; speakers' countries from data/gazetteer.yaml; sentences coded with "
        "data/framing_codebook.yaml when the corpus was parsed."
    )
    bars = coverage_charts.over_time_chart(OVER_TIME, "day", colours, source)
    assert {"A", "B"} <= set(_texts(bars)) and any(
        t.startswith("Source: corpus") for t in _texts(bars)
    )
    assert [p.get_facecolor()[:3] for p in bars.axes[0].patches][:1] == [
        tuple(int(colours["A"][i : i + 2], 16) / 255 for i in (1, 3, 5))
    ]
    shares = coverage.code_shares(planted(True))
    grid = coverage.wide(shares, "code_label")
    dots = coverage_charts.outlet_dots(
        grid, "A finding", colours, source, "share, %", marked={"Threat actor: China"}
    )
    texts = _texts(dots)
    assert "A finding" in texts and "Threat actor: China *" in texts
    assert not any("threat:" in t or "mfc:" in t for t in texts)  # no raw code ids


def test_coverage_charts_are_saved_as_200_dpi_png_and_svg_byte_stable(tmp_path: Path):
    colours = coverage_charts.outlet_colours(["A", "B"])

    def draw():
        grid = CLAIMS.pivot(index="claim", columns="outlet", values="share_pct")
        return coverage_charts.outlet_dots(grid, "A finding", colours, "Source: x.", "share, %")

    first = outputs.save_figure(tmp_path / "a" / "key_claims.png", draw())
    second = outputs.save_figure(tmp_path / "b" / "key_claims.png", draw())
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".svg").read_bytes() == second.with_suffix(".svg").read_bytes()
    png = first.read_bytes()
    per_metre = struct.unpack(">I", png[png.index(b"pHYs") + 4 :][:4])[0]
    assert round(per_metre * 0.0254) == outputs.PNG_DPI == 200
