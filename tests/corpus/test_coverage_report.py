"""Notebook 05's report pieces: the excerpt line and the Result sentence computed from the
tables, chart titles that state the finding, one colour per outlet in every chart, human labels
and a source line on every chart, PNG (200 dpi) and SVG written byte-stable."""

from __future__ import annotations

import struct
from pathlib import Path

import pandas as pd

from alliance_lib.analysis import coverage
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
        "outlet": ["A", "A", "A", "B", "B"],
        "person": ["Joe Biden", "Kishida Fumio", coverage.UNATTRIBUTED, "Joe Biden", "Mary Okafor"],
        "quotes": [2, 2, 5, 1, 3],
        "outlet_quotes": [9, 9, 9, 4, 4],
        "share_pct": [22.2, 22.2, 55.6, 25.0, 75.0],
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


def test_the_result_names_outlets_differences_speakers_and_claims_from_the_tables():
    differences = _differences()
    sentence = prose.coverage_sentence(FUNNEL, differences, PEOPLE, CLAIMS, 0.05)
    assert sentence.startswith(
        "22 articles from 2 outlets compared (Pacific Wire 10, harbor-times 12)."
    )
    china = differences.set_index("code").loc["threat:CHN"]
    assert (
        f"Outlets differ beyond chance on 1 of the 2 codes tested (permutation test, "
        f"Holm-adjusted p < 0.05): Threat actor: China (Cramér's V {china['cramers_v']:.2f}, "
        f"most in A, least in {china['lowest']})." in sentence
    )
    # unattributed quotations are never "the most quoted"; ties go by name
    assert (
        "Most quoted: Joe Biden (3 of the 13 quotations, 23%; quoted by 2 of the 2 outlets)."
        in sentence
    )
    assert (
        "most carried claim: double (multiplier), in 4 of the 6 articles (67%; 2 of the 2 "
        "outlets); 1 of its 2 claims appear in none." in sentence
    )
    calm = prose.coverage_sentence(
        FUNNEL, differences.assign(flagged=False), PEOPLE.iloc[0:0], CLAIMS.iloc[0:0], 0.05
    )
    assert "No difference between outlets is beyond chance on any of the 2 codes tested" in calm
    assert "hold no quotations" in calm and "makes no numeric or temporal claim" in calm
    nothing = prose.coverage_sentence(FUNNEL.assign(compared=0), differences, PEOPLE, CLAIMS, 0.05)
    assert nothing.startswith("No article was selected")


def test_chart_titles_state_the_finding_from_the_table():
    assert coverage_charts.over_time_title(OVER_TIME, "day") == (
        "7 dated articles from 2 outlets, 12 to 19 January 2023; the busiest day: 13 January, "
        "5 articles"
    )
    assert coverage_charts.quoted_title(PEOPLE, "person", "person") == (
        "Most quoted person: Joe Biden (3 quotations), first or tied first in 1 of 2 outlets"
    )
    assert coverage_charts.claims_title(CLAIMS) == (
        "The reference article's most carried claim, double (multiplier), is in 4 of 6 "
        "articles; 1 of its 2 claims are in none"
    )
    differences = _differences()
    china = differences.set_index("code").loc["threat:CHN", "cramers_v"]
    assert coverage_charts.codes_title(differences) == (
        "Outlets differ beyond chance on 1 of 2 codes (marked *); the largest difference: "
        f"Threat actor: China (Cramér's V {china:.2f}, most in A)"
    )
    assert coverage_charts.codes_title(differences.assign(flagged=False)).startswith("No code's")
    assert coverage_charts.flagged_labels(differences) == {"Threat actor: China"}


def test_every_outlet_keeps_its_colour_and_every_chart_its_title_labels_and_source():
    colours = coverage_charts.outlet_colours(["B", "A", "C"])
    assert colours == {"A": style.PALETTE[0], "B": style.PALETTE[1], "C": style.PALETTE[2]}
    found = corpus([("a1", "A", "2023-01-13", 4), ("b1", "B", "2023-01-14", 4)])
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
