"""Charts of the text: shared style, human labels, titles computed from the table, a source
line on every chart, and PNG (200 dpi) plus SVG written byte-stable."""

from __future__ import annotations

import struct

import pandas as pd

from alliance_lib.report import charts_text, outputs, style

FRAMES = pd.DataFrame(
    {
        "code": ["CHN", "PRK", "RUS", "RUS"],
        "voice": ["the leaders", "the leaders", "the leaders", "narrator"],
        "sentences": [1, 1, 1, 1],
        "voice_sentences": [1, 1, 1, 9],
        "share_pct": [100.0, 100.0, 100.0, 11.1],
    }
)
COUNTRIES = {"CHN": "China", "PRK": "North Korea", "RUS": "Russia"}
EVENTS = pd.DataFrame(
    {
        "resolved": [True, True, False],
        "precision": ["month", "day", "relative"],
        "period_start": ["2022-11-01", "2023-01-13", None],
        "period_end": ["2022-11-30", "2023-01-13", None],
        "label": ["2022-11: a budget agreed", "2023-01-13: a summit", "this week: talks"],
    }
)


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda a: hasattr(a, "get_text"))]


def test_titles_state_the_finding_from_the_table():
    labels = {c: COUNTRIES[c] for c in FRAMES["code"]}
    assert charts_text.share_title(FRAMES, "threat", labels) == (
        "Who frames which state as a threat "
        "(the leaders: China, North Korea and Russia; narrator: Russia)"
    )
    entman = FRAMES.assign(code=["remedy", "remedy", "moral_evaluation", "remedy"])
    assert charts_text.share_title(entman, "entman", {"remedy": "Remedy"}) == (
        "Commonest framing function (Entman): Remedy, in 3 sentence(s), used by 2 of 2 voices"
    )
    assert charts_text.timeline_title(EVENTS) == (
        "The article dates 2 event(s), from November 2022 to 13 January 2023; "
        "1 relative date(s) left unresolved"
    )


def test_every_chart_has_its_title_human_legend_and_source_line():
    colours = charts_text.voice_colours(list(FRAMES["voice"]))
    assert colours["narrator"] == style.MUTED and colours["the leaders"] in style.PALETTE
    labels = {c: COUNTRIES[c] for c in FRAMES["code"]}
    bars = charts_text.share_chart(FRAMES, "A finding", colours, "Source: the article.", labels)
    texts = _texts(bars)
    assert "A finding" in texts and "Source: the article." in texts
    assert {"China", "North Korea", "Russia"} <= set(texts) and "PRK" not in texts
    assert "narrator (9 sentences)" in texts and "the leaders (1 sentence)" in texts
    timeline = charts_text.timeline_chart(EVENTS, "Source: dates in the article.")
    assert any(t.startswith("The article dates 2 event(s)") for t in _texts(timeline))
    assert any(t.startswith("Source: dates in the article.") for t in _texts(timeline))


def test_figures_are_saved_as_200_dpi_png_and_svg_byte_stable(tmp_path):
    def draw():
        return charts_text.timeline_chart(EVENTS, "Source: dates in the article.")

    first = outputs.save_figure(tmp_path / "a" / "timeline.png", draw())
    second = outputs.save_figure(tmp_path / "b" / "timeline.png", draw())
    assert first.read_bytes() == second.read_bytes()
    svg = first.with_suffix(".svg")
    assert svg.read_bytes() == second.with_suffix(".svg").read_bytes()
    assert svg.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    png = first.read_bytes()
    width = struct.unpack(">I", png[16:20])[0]  # IHDR
    per_metre = struct.unpack(">I", png[png.index(b"pHYs") + 4 :][:4])[0]
    assert round(per_metre * 0.0254) == outputs.PNG_DPI == 200
    assert width > 9 * 150  # a 9-inch chart at 200 dpi, trimmed to its content
