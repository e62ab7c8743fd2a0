"""Outputs are written atomically and deterministically."""

from __future__ import annotations

import os
import stat

import pytest

from alliance_lib.report import outputs


def test_outputs_are_written_atomically_and_deterministically(tmp_path):
    outputs.write_json(tmp_path / "a.json", {"b": 1, "a": [2, 1]})
    assert (tmp_path / "a.json").read_text(
        encoding="utf-8"
    ) == '{\n  "a": [\n    2,\n    1\n  ],\n  "b": 1\n}\n'

    class Boom:
        def to_csv(self, **_):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        outputs.write_csv(tmp_path / "b.csv", Boom())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_users_umask(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        outputs.write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == mode


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
