"""Outputs are written atomically and deterministically."""

from __future__ import annotations

import os
import stat

import pandas as pd
import pytest

from alliance_lib.config import NOTEBOOKS_DIR, PROJECT_ROOT
from alliance_lib.report import outputs


def test_outputs_are_written_atomically_and_deterministically(tmp_path, monkeypatch):
    outputs.write_json(tmp_path / "a.json", {"b": 1, "a": [2, 1]})
    assert (tmp_path / "a.json").read_text(
        encoding="utf-8"
    ) == '{\n  "a": [\n    2,\n    1\n  ],\n  "b": 1\n}\n'

    def boom(self, **_):
        raise RuntimeError("disk full")

    monkeypatch.setattr(pd.DataFrame, "to_csv", boom)
    with pytest.raises(RuntimeError):
        outputs.write_csv(tmp_path / "b.csv", pd.DataFrame({"a": [1]}))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_users_umask(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        outputs.write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == mode


# --- CSV formula injection ---------------------------------------------------------------------

_HOSTILE = ['=HYPERLINK("http://x","y")', "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1)", "\tx", "\rx"]


def test_text_cells_that_would_run_as_formulas_get_an_apostrophe(tmp_path):
    frame = pd.DataFrame(
        {
            "outlet": _HOSTILE,
            "headline": ["Allies agree", "-3", "+1.5", "a=b", "'=x", None],
            "articles": [-1, 2, -3, 4, 5, 6],
            "share_pct": [-0.5, 1.0, 2.0, 3.0, 4.0, 5.0],
            "flagged": [True, False, True, False, True, False],
        }
    )
    frame["speaker"] = pd.array(["=1+1"] * 5 + [pd.NA], dtype="string")
    frame["code"] = pd.Categorical(["-threat"] * 6)
    outputs.write_csv(tmp_path / "t.csv", frame)
    read = pd.read_csv(tmp_path / "t.csv", keep_default_na=False)
    neutral = ["'" + value.replace("\r", "\n") for value in _HOSTILE]
    assert list(read["outlet"]) == neutral  # a carriage return is a quoted line feed
    # plain numbers written as text, and text that does not start a formula, are unchanged
    assert list(read["headline"].astype(str)) == ["Allies agree", "-3", "+1.5", "a=b", "'=x", ""]
    assert list(read["articles"]) == [-1, 2, -3, 4, 5, 6]  # numbers stay numbers
    assert list(read["share_pct"]) == [-0.5, 1.0, 2.0, 3.0, 4.0, 5.0]
    assert list(read["flagged"]) == [True, False, True, False, True, False]
    assert list(read["speaker"]) == ["'=1+1"] * 5 + [""] and set(read["code"]) == {"'-threat"}
    assert frame["outlet"].iloc[0] == _HOSTILE[0]  # the caller's frame is not changed


def test_a_header_from_the_data_is_neutralised_too(tmp_path):
    # a wide table may take its headers from the data (an outlet per column)
    outputs.write_results(tmp_path, {"wide.csv": pd.DataFrame({"claim": ["2%"], "=evil": [3]})})
    assert (tmp_path / "wide.csv").read_text(encoding="utf-8") == "claim,'=evil\n2%,3\n"


def test_every_csv_of_a_report_goes_through_write_csv():
    # the neutralisation holds only if nothing else writes a CSV
    sources = [*(PROJECT_ROOT / "alliance_lib").rglob("*.py"), *NOTEBOOKS_DIR.glob("*.ipynb")]
    writers = sorted(
        str(p.relative_to(PROJECT_ROOT))
        for p in sources
        if ".to_csv(" in p.read_text(encoding="utf-8")
        or "csv.writer(" in p.read_text(encoding="utf-8")
    )
    assert writers == ["alliance_lib/report/outputs.py"]


def test_a_carriage_return_inside_a_cell_cannot_start_a_row():
    # csv quotes "\n" (the line terminator) but not a bare "\r", which a spreadsheet reads as
    # a new row: "=cmd" after it would begin a cell of its own, unneutralised
    frame = pd.DataFrame({"outlet": ["Wire\r=cmd", "A\r\nB"], "n": [1, 2]})
    text = outputs.neutralise_formulas(frame).to_csv(index=False, lineterminator="\n")
    assert text == 'outlet,n\n"Wire\n=cmd",1\n"A\nB",2\n'


@pytest.mark.parametrize("layout", ["constrained", "tight", None])
def test_a_saved_chart_is_the_png_savefig_tight_gives_and_an_svg_of_the_same_box(tmp_path, layout):
    """save_figure lays a chart out once for both formats: its PNG is byte for byte what
    `savefig(bbox_inches="tight")` writes, and its SVG has the PNG's size."""
    import io
    import re

    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    def draw():
        figure = Figure(figsize=(6, 3), layout=layout if layout != "tight" else None)
        left, right = figure.subplots(1, 2)
        left.plot([2014, 2020, 2023], [0.9, 1.0, 1.2], label="Japan")
        right.bar(["a long label", "b"], [3, 4])
        left.set_ylabel("% of GDP")
        figure.suptitle("A title that states the finding")
        figure.legend(loc="lower left")
        if layout == "tight":
            figure.tight_layout()
        return figure

    png = outputs.save_figure(tmp_path / "chart.png", draw())
    reference = draw()
    FigureCanvasAgg(reference)
    expected = io.BytesIO()
    reference.savefig(
        expected,
        format="png",
        dpi=outputs.PNG_DPI,
        metadata={"Software": None},
        bbox_inches="tight",
    )
    assert png.read_bytes() == expected.getvalue()
    width, height = (int.from_bytes(png.read_bytes()[16 + 4 * i : 20 + 4 * i]) for i in (0, 1))
    svg = (tmp_path / "chart.svg").read_text(encoding="utf-8")
    points = [float(v) for v in re.search(r'width="([\d.]+)pt" height="([\d.]+)pt"', svg).groups()]
    assert points == pytest.approx(
        [width * 72 / outputs.PNG_DPI, height * 72 / outputs.PNG_DPI], abs=0.5
    )


@pytest.mark.parametrize("layout", ["constrained", "tight", None])
def test_a_saved_chart_is_drawn_once_to_lay_it_out_and_once_per_format(
    tmp_path, monkeypatch, layout
):
    """Drawing is most of a chart's cost: save_figure lays the figure out once and draws each
    format once (savefig lays a figure out again before drawing whenever an engine is set, even
    the "none" placeholder tight_layout leaves); the figure keeps its own engine."""
    from matplotlib.figure import Figure

    figure = Figure(figsize=(6, 3), layout=layout if layout != "tight" else None)
    figure.subplots(1, 2)[0].plot([1, 2, 3], [3, 1, 2])
    if layout == "tight":
        figure.tight_layout()
    engine = figure.get_layout_engine()
    draws = []
    original = Figure.draw
    monkeypatch.setattr(
        Figure, "draw", lambda self, renderer: draws.append(1) or original(self, renderer)
    )
    outputs.save_figure(tmp_path / "chart.png", figure)
    assert len(draws) == 3
    assert figure.get_layout_engine() is engine
