"""Notebook parameter checks: each failure names the parameter."""

from __future__ import annotations

import pytest

from alliance_lib import ParameterError, parse_article
from alliance_lib.analysis import reference_data
from alliance_lib.report import params
from tests.conftest import spending_parameters as _params


@pytest.mark.parametrize(
    ("changes", "name", "words"),
    [
        ({"sipri_edition": "SIPRI_2019"}, "sipri_edition", "unknown edition"),
        ({"peers": "USA,MEX"}, "peers", "unknown country code 'MEX'"),
        ({"peers": 5}, "peers", "comma-separated"),
        ({"peers": "JPN"}, "peers", "JPN is the country the notebook compares"),
        ({"peers": "JPN,USA"}, "peers", "JPN is the country the notebook compares"),
        ({"base_year": 1850}, "base_year", "out of range"),
        ({"base_year": "2022"}, "base_year", "whole number"),
        ({"target_year": 2022}, "target_year", "not after base_year"),
        ({"target_year": 2100}, "target_year", "more than 50 years"),
        ({"target_share": 0}, "target_share", "out of range"),
        ({"target_share": 150.0}, "target_share", "out of range"),
        ({"target_share": float("nan")}, "target_share", "expected a number"),
        ({"nominal_gdp_growth_pct": 80.0}, "nominal_gdp_growth_pct", "out of range"),
    ],
)
def test_bad_parameters_name_the_parameter(changes, name, words):
    with pytest.raises(ParameterError) as caught:
        _params(**changes)
    assert caught.value.name == name and words in str(caught.value)


def test_base_year_must_exist_in_the_chosen_edition():
    last = int(reference_data.japan_share("SIPRI_MILEX_2023REL").index.max())
    with pytest.raises(ParameterError, match="base_year"):
        _params(sipri_edition="SIPRI_MILEX_2023REL", base_year=last + 1, target_year=last + 5)


def test_output_directory_parameter(tmp_path):
    (tmp_path / "file").write_text("x", encoding="utf-8")
    with pytest.raises(ParameterError, match="output_dir"):
        params.output_directory(str(tmp_path / "file"))
    assert params.output_directory(str(tmp_path / "new" / "dir")).is_dir()


def test_runner_converts_parameters_by_their_declared_type():
    assert params.convert("base_year", "2030", "int") == 2030
    assert params.convert("target_share", "2.5", "float") == 2.5
    assert params.convert("peers", "007", "str") == "007"  # never '7', unlike papermill -p
    with pytest.raises(ParameterError, match="expected int"):
        params.convert("base_year", "2030.5", "int")


@pytest.mark.parametrize(
    ("changes", "words"),
    [
        ({"focus_country": "XYZ"}, "'XYZ' is not in the data"),
        ({"focus_country": 7}, "expected an ISO3 code"),
        ({"focus_country": "POL", "sipri_edition": "SIPRI_MILEX_2023REL"}, "no figures in"),
    ],
)
def test_a_focus_country_outside_the_data_names_the_parameter(changes, words):
    with pytest.raises(ParameterError) as caught:
        _params(peers="USA", **changes)
    assert caught.value.name == "focus_country" and words in str(caught.value)


def test_the_focus_country_cannot_be_its_own_peer():
    with pytest.raises(ParameterError, match="POL is the country the notebook compares") as caught:
        _params(focus_country="POL", peers="USA,POL")
    assert caught.value.name == "peers"


def test_auto_focus_and_peers_come_from_the_article():
    article = parse_article("Warsaw plans to spend 4 percent of GDP on defence by 2026.")
    settings = _params(focus_country="auto", peers="auto", article=article)
    assert settings.focus == "POL" and "claim_owner" in settings.focus_reason
    assert "POL" not in settings.peers and "data/peers.yaml" in settings.peers_reason


def test_a_focus_country_by_parameter_says_so():
    settings = _params(focus_country="deu", peers="auto")
    assert settings.focus == "DEU" and "focus_country parameter" in settings.focus_reason
