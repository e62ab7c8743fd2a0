"""Charts of defence spending: the shared style, human legend labels (no raw edition or measure
ids), titles computed from the table drawn, a source line on every chart, no panel left without
its years, and PNG (200 dpi) plus SVG written byte-stable."""

from __future__ import annotations

import pandas as pd
import pytest
from matplotlib.colors import to_hex

from alliance_lib.analysis import reference_data, spending
from alliance_lib.report import charts_spending, outputs, style
from tests.conftest import spending_parameters

NAMES = {"JPN": "Japan", "USA": "United States", "DEU": "Germany", "KOR": "South Korea"}
ROWS = pd.DataFrame(
    {
        "iso3": ["JPN", "JPN", "USA", "USA", "DEU", "DEU", "KOR", "KOR"],
        "country": ["Japan"] * 2 + ["United States"] * 2 + ["Germany"] * 2 + ["Korea, South"] * 2,
        "year": [2022, 2023] * 4,
        "value": [1.1, 1.2, 3.4, 3.36, 1.38, 1.52, 2.7, 2.8],
        "sipri_flag": ["", "", "", "", "", "estimate", "", ""],
    }
)
EDITIONS = pd.DataFrame(
    {
        "SIPRI_MILEX_2023REL": [1.018, 1.078, None],
        "SIPRI_MILEX_2024REL": [1.017, 1.106, 1.196],
        "spread_pct_points": [0.001, 0.028, None],
    },
    index=pd.Index([2021, 2022, 2023], name="year"),
)
SUMMARY = {
    "sipri_edition": "SIPRI_MILEX_2024REL",
    "base_year": 2022,
    "base_share_pct": 1.1059,
    "target_year": 2027,
    "target_share_pct": 2.0,
    "nominal_gdp_growth_pct": 0.0,
    "spending_multiple": 1.8085,
    "implied_annual_spending_growth_pct": 12.5807,
}
RAW_IDS = ("SIPRI_MILEX", "OWID_", "dbp_", "_saco_", "spending_trillion", "JPN")


def _texts(figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(match=lambda a: hasattr(a, "get_text"))]


def _raw(texts: list[str]) -> list[str]:
    return [t for t in texts if any(raw in t for raw in RAW_IDS)]


def test_titles_state_the_finding_from_the_table():
    assert charts_spending.peers_title(ROWS, NAMES, "JPN") == (
        "In 2023 Japan spent 1.20% of GDP on its military, less than each of its 3 peers "
        "(from 1.52%, Germany, to 3.36%, United States)"
    )
    assert charts_spending.peers_title(ROWS, NAMES, "DEU").startswith(
        "In 2023 Germany spent 1.52% of GDP on its military, less than 2 of its 3 peers"
    )
    assert "more than each of its 3 peers" in charts_spending.peers_title(ROWS, NAMES, "USA")
    assert charts_spending.editions_title(EDITIONS, "Japan") == (
        "The 2 data editions differ on Japan's share of GDP by up to 0.03 percentage points "
        "(2022: 1.08% to 1.11%)"
    )
    one = EDITIONS[["SIPRI_MILEX_2024REL"]].assign(spread_pct_points=None)
    assert charts_spending.editions_title(one, "Poland") == (
        "Poland's share of GDP in the one data edition that holds it"
    )
    assert charts_spending.scenario_title(SUMMARY, "Japan") == (
        "What-if: from Japan's 1.11% of GDP in 2022 to 2% by 2027, GDP fixed, spending grows "
        "x1.81 (12.6% a year)"
    )
    falling = SUMMARY | {"spending_multiple": 0.9, "nominal_gdp_growth_pct": 1.5}
    assert "nominal GDP growing 1.5% a year, spending falls x0.90" in (
        charts_spending.scenario_title(falling, "Poland")
    )


def test_peers_chart_human_legend_colours_source_and_years_under_every_column():
    figure = charts_spending.peers_chart(ROWS, NAMES, "Source: SIPRI.", focus="JPN")
    texts = _texts(figure)
    assert any(t.startswith("In 2023 Japan spent 1.20%") for t in texts)
    assert {"Japan (in every panel)", "2% of GDP", "SIPRI estimate"} <= set(texts)
    assert "SIPRI: highly uncertain" not in texts  # no such flag in the table
    assert "Source: SIPRI." in texts and _raw(texts) == []
    panels = [axes for axes in figure.axes if axes.get_visible()]
    assert [axes.get_title("left") for axes in panels] == [
        "United States",
        "Germany",
        "South Korea",
    ]
    assert {to_hex(line.get_color()) for line in panels[0].lines} >= {
        style.EMPHASIS.lower(),
        style.MUTED.lower(),
    }
    grid = figure.axes
    assert len(grid) == 3 and all(a.xaxis.get_tick_params()["labelbottom"] for a in panels)


def test_a_hidden_panel_hands_its_years_to_the_panel_above():
    rows = pd.concat(
        [ROWS, ROWS[ROWS["iso3"] == "USA"].assign(iso3="GBR"), ROWS.assign(iso3="IND")[:2]]
    )
    figure = charts_spending.peers_chart(rows, NAMES, "Source: SIPRI.", focus="JPN")
    grid = figure.axes  # 2 x 3: five peers, the last slot hidden
    assert not grid[5].get_visible()
    assert grid[2].xaxis.get_tick_params()["labelbottom"]  # above the hidden slot
    assert not grid[1].xaxis.get_tick_params()["labelbottom"]  # above a visible panel


def test_editions_chart_labels_editions_in_words():
    figure = charts_spending.editions_chart(EDITIONS, "Source: SIPRI.", "Japan")
    texts = _texts(figure)
    assert {"SIPRI 2023 release (data to 2022)", "SIPRI 2024 release (data to 2023)"} <= set(texts)
    assert "Japan: military expenditure, % of GDP" in texts
    assert "Source: SIPRI." in texts and _raw(texts) == []
    colours = [to_hex(line.get_color()) for line in figure.axes[0].lines]
    assert colours == [c.lower() for c in style.PALETTE[:2]]


@pytest.mark.parametrize("focus", ["JPN", "DEU", "POL"])
def test_scenario_chart_for_any_focus_country(focus):
    settings = spending_parameters(focus_country=focus, peers="USA")
    path, summary = spending.scenario(settings)
    national = reference_data.national_budget(focus)
    budget = national.budget() if national else None
    plan = spending.plan_points() if national else None
    figure = charts_spending.scenario_chart(path, budget, plan, summary, "Source: SIPRI.", focus)
    texts = _texts(figure)
    assert any(t.startswith(f"What-if: from {focus}'s") for t in texts)
    assert "Source: SIPRI." in texts
    assert _raw([t for t in texts if not t.startswith("What-if")]) == []
    labels = [a.get_ylabel() for a in figure.axes]
    if focus == "JPN":  # the budgets beside the scenario, each series and point in the legend
        legend = [t.get_text() for t in figure.axes[0].get_legend().get_texts()]
        assert "defence budget excl. SACO/US realignment" in legend
        assert any(t.startswith("FY2027 plan, DBP-covered: 8.9") for t in legend)
        assert labels == ["trillion yen", "trillion yen, SIPRI's definition"]
    elif focus == "DEU":
        assert labels == ["billion EUR, SIPRI's definition"]  # 0.05 trillion reads badly
    else:
        assert labels == ["spending index (2022 = 100)"]
        assert "SIPRI 2024 release has no local currency series" in figure.axes[0].get_title("left")


def test_charts_are_saved_as_200_dpi_png_and_svg_byte_stable(tmp_path):
    def draw():
        return charts_spending.peers_chart(ROWS, NAMES, "Source: SIPRI.", focus="JPN")

    first = outputs.save_figure(tmp_path / "a" / "japan_vs_peers.png", draw())
    second = outputs.save_figure(tmp_path / "b" / "japan_vs_peers.png", draw())
    assert first.read_bytes() == second.read_bytes()
    assert first.with_suffix(".svg").read_bytes() == second.with_suffix(".svg").read_bytes()
