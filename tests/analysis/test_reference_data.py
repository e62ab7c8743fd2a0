"""Reference data: citations and SIPRI's fair-use margin."""

from __future__ import annotations

import pandas as pd

from alliance_lib.analysis import reference_data
from alliance_lib.config import SIPRI_LOCAL_FILE, SIPRI_SHARE_FILE, SIPRI_YEN_FILE


def test_every_sipri_chart_has_a_citation():
    for edition in reference_data.EDITIONS:
        assert "SIPRI" in reference_data.citation(edition)
    assert "Our World in Data" in reference_data.citation("OWID_SIPRI_SHARE_2025")


def test_sipri_values_stay_well_under_the_fair_use_limit():
    held = sum(len(pd.read_csv(f)) for f in (SIPRI_SHARE_FILE, SIPRI_YEN_FILE, SIPRI_LOCAL_FILE))
    assert held < 3500 / 2
