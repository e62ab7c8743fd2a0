"""Notebook 02 on articles about other countries (synthetic German and Polish pledges) and on the
seed: the focus country, its peers, no Japan-specific table, the verdict rows; and, for each, the
files written (named by country) described by the data dictionary, tables headed in words, and
the data files read recorded in finding.json."""

from __future__ import annotations

import json
import re

import nbformat
import pandas as pd
import pytest

from alliance_lib.analysis import peers, reference_data, spending
from alliance_lib.config import (
    NOTEBOOKS_DIR,
    PEERS_FILE,
    SIPRI_LOCAL_FILE,
    SIPRI_SHARE_FILE,
    SIPRI_YEN_FILE,
    resolve,
)
from alliance_lib.report import dictionary
from alliance_lib.report.datapackage import write_datapackage
from alliance_lib.report.runner import execute_notebook
from tests.conftest import FIXTURES
from tests.report.package_checks import check_package

NAMES = reference_data.countries_in()
JAPAN_ONLY = ("yen", "SACO", "Ministry of Defense", "MOD_", "NSS", "Japan")


def _run(tmp_path, **parameters):
    output = tmp_path / "report" / "02_defence_spending"  # as in a report, for its data package
    notebook = tmp_path / "02.ipynb"
    execute_notebook(
        NOTEBOOKS_DIR / "02_defence_spending.ipynb",
        notebook,
        {"output_dir": str(output), **parameters},
        timeout=300,
    )
    outputs = [
        output
        for cell in nbformat.read(notebook, as_version=4).cells
        for output in cell.get("outputs", [])
    ]
    printed = "\n".join(
        o.get("text", "") + o.get("data", {}).get("text/plain", "") for o in outputs
    )
    _check_presentation(output, outputs)
    return output, printed


def _check_presentation(folder, outputs) -> None:
    """Every file written is in the data dictionary, column by column (a file named by country
    too); every table is headed in words, never by a raw id; finding.json names data files."""
    written = sorted(p for p in folder.iterdir() if p.suffix in (".csv", ".json"))
    assert len(written) >= 8
    assert [line for p in written for line in dictionary.undocumented(p)] == []
    pages = [o.get("data", {}).get("text/html", "") for o in outputs]
    headers = [h for page in pages for h in re.findall(r"<th[^>]*>([^<]*)</th>", page)]
    assert len(headers) > 30
    raw = [h for h in headers if "_" in h or any(e in h for e in reference_data.EDITIONS)]
    assert raw == [], raw
    found = json.loads((folder / "finding.json").read_text(encoding="utf-8"))
    assert found["section"] == "Result" and found["finding"].startswith("The article's claim")
    assert all(resolve(path).is_file() for path in found["data"])
    assert SIPRI_SHARE_FILE.relative_to(resolve(".")).as_posix() in found["data"]


def _read(folder) -> list[str]:
    """The data files finding.json says the notebook read, by file name."""
    found = json.loads((folder / "finding.json").read_text(encoding="utf-8"))
    return [path.rsplit("/", 1)[-1] for path in found["data"]]


def _sipri_multiple(iso3: str, year: int, target: float) -> float:
    return target / float(reference_data.country_share(iso3, "SIPRI_MILEX_2024REL")[year])


@pytest.fixture(scope="module")
def german(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("german")
    return _run(tmp, article_path=str(FIXTURES / "german_pledge.txt"))


@pytest.fixture(scope="module")
def polish(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("polish")
    return _run(tmp, article_path=str(FIXTURES / "polish_pledge.txt"))


def _no_japan_table(output, printed):
    assert not list(output.glob("japan*")), "a Japan-specific file was written"
    for word in JAPAN_ONLY:
        assert word not in printed, word
    verdict = pd.read_csv(output / "verdict.csv")
    assert not verdict["scope_id"].str.contains("defence|saco|plan_totals|article_comparison").any()
    assert "No national budget series for" in printed


def test_a_german_pledge_is_about_germany(german):
    output, printed = german
    chosen = json.loads((output / "focus.json").read_text(encoding="utf-8"))
    assert chosen["focus_country"] == "DEU" and "claim_owner" in chosen["why"]
    expected = reference_data.peer_rules()
    assert len(chosen["peers"]) == expected.max_peers and "DEU" not in chosen["peers"]
    assert tuple(chosen["peers"]) == peers.auto_peers("DEU", "SIPRI_MILEX_2024REL", NAMES).codes
    assert "NATO" in chosen["peers_rule"]
    _no_japan_table(output, printed)
    verdict = pd.read_csv(output / "verdict.csv").set_index("scope_id")
    editions = reference_data.editions_holding("DEU")
    assert [f"sipri_{e}" for e in editions] == [i for i in verdict.index if i.startswith("sipri_")]
    latest = reference_data.country_share("DEU", "SIPRI_MILEX_2024REL")
    row = verdict.loc["sipri_SIPRI_MILEX_2024REL"]
    assert row["base"].startswith(str(latest.index.max()))
    assert row["multiple"] == pytest.approx(2.0 / latest.iloc[-1], abs=0.005)
    amount = verdict.loc[[i for i in verdict.index if i.startswith("amount_")][0]]
    spent = reference_data.latest_spending("DEU")
    assert amount["unit"] == "bn EUR" and amount["like_for_like"]
    assert amount["multiple"] == pytest.approx(100e9 / spent.value, abs=0.005)
    assert (output / "germany_vs_peers.png").exists()
    assert "The article's claim about Germany" in printed
    assert (output / "germany_share_by_edition.csv").exists()  # described as <country>_...
    assert SIPRI_LOCAL_FILE.name in _read(output) and SIPRI_YEN_FILE.name not in _read(output)
    path = pd.read_csv(output / "scenario_path.csv")
    assert path["spending_trillion_eur"].notna().all()  # described as spending_trillion_<currency>


def test_a_polish_pledge_is_about_poland(polish):
    output, printed = polish
    chosen = json.loads((output / "focus.json").read_text(encoding="utf-8"))
    assert chosen["focus_country"] == "POL" and "Warsaw" in chosen["why"]
    assert tuple(chosen["peers"]) == peers.auto_peers("POL", "SIPRI_MILEX_2024REL", NAMES).codes
    assert {"GBR", "DEU", "FRA", "ITA"} <= set(chosen["peers"])  # its groups' largest spenders
    _no_japan_table(output, printed)
    verdict = pd.read_csv(output / "verdict.csv").set_index("scope_id")
    row = verdict.loc["sipri_SIPRI_MILEX_2024REL"]
    multiple = _sipri_multiple("POL", 2022, 4.0)
    assert row["multiple"] == pytest.approx(multiple, abs=0.005)
    assert row["verdict"] == f"4% of GDP = x{multiple:.2f} on SIPRI's 2022 share"
    assert spending.judge(multiple, 2.0) == "falls short of doubling" and row["note"].endswith(
        "against the claimed x2: falls short of doubling"
    )
    assert len([i for i in verdict.index if i.startswith("sipri_")]) == 1  # one edition holds it
    amount = verdict.loc[[i for i in verdict.index if i.startswith("amount_")][0]]
    assert amount["verdict"].startswith("not compared") and pd.isna(amount["multiple"])
    assert "there is no second edition to compare" in printed
    assert "it falls short of doubling" in printed
    assert not {SIPRI_LOCAL_FILE.name, SIPRI_YEN_FILE.name} & set(_read(output))  # no series


def test_the_seed_is_about_japan_as_before(tmp_path):
    output, printed = _run(tmp_path)
    chosen = json.loads((output / "focus.json").read_text(encoding="utf-8"))
    assert chosen["focus_country"] == "JPN" and "claim_owner" in chosen["why"]
    assert chosen["peers"] == ["AUS", "CHN", "DEU", "GBR", "IND", "KOR", "RUS", "USA"]
    verdict = pd.read_csv(output / "verdict.csv")
    assert list(verdict["scope_id"][:5]) == [
        "defence_excl_saco",
        "defence_incl_saco",
        "plan_totals",
        "security_related",
        "article_comparison",
    ]
    for name in ("japan_vs_peers.png", "japan_share_by_edition.csv", "scenario.png"):
        assert (output / name).exists(), name
    assert "Ministry of Defense" in printed and "No national budget series" not in printed
    national = reference_data.national_budget("JPN")
    assert {SIPRI_YEN_FILE.name, national.budget_file.name, national.plan_file.name} <= set(
        _read(output)
    )


@pytest.mark.parametrize(("run", "country"), [("german", "germany"), ("polish", "poland")])
def test_the_data_package_names_the_countrys_files_and_validates(run, country, request):
    output, _ = request.getfixturevalue(run)
    write_datapackage(output.parent, [output.name], f"{country} pledge")
    package = check_package(output.parent)
    resources = {r["path"]: r for r in package["resources"]}
    assert f"02_defence_spending/{country}_share_by_edition.csv" in resources
    assert not [path for path in resources if "japan" in path]
    fields = resources["02_defence_spending/scenario_path.csv"]["schema"]["fields"]
    spending = [f for f in fields if f["name"].startswith("spending_trillion_")]
    assert len(spending) == 1 and spending[0]["name"] != "spending_trillion_yen"
    assert spending[0]["unit"].startswith("tn ") and "<currency>" not in spending[0]["unit"]


@pytest.fixture(scope="module")
def summit(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("summit")
    return _run(tmp, article_path=str(FIXTURES / "alliance_summit.txt"))


def test_a_summit_story_is_judged_owner_by_owner(summit):
    output, printed = summit
    chosen = json.loads((output / "focus.json").read_text(encoding="utf-8"))
    assert chosen["focus_country"] == "POL"
    claims = pd.read_csv(output / "spending_claims.csv", keep_default_na=False)
    assert {"bound", "owner", "owner_cue"} <= set(claims.columns)
    assert set(claims["owner"]) == {"POL", "NATO", "DEU", "CAN", "EU", ""}
    verdict = pd.read_csv(output / "verdict.csv")
    assert list(dict.fromkeys(verdict["owner"])) == ["POL", "CAN", "DEU", "NATO", "EU"]
    nato = verdict[verdict["owner"] == "NATO"].iloc[0]
    assert nato["scope_id"].startswith("collective_") and "member countries" in nato["verdict"]
    reported = verdict[verdict["scope_id"].str.startswith("reported_")].iloc[0]
    assert reported["owner"] == "POL" and reported["end_value"] == 3.9
    assert "Canada: its own claims, judged on its own data" in printed
    found = json.loads((output / "finding.json").read_text(encoding="utf-8"))["finding"]
    assert "NATO (on its own claims): NATO's at least 2% of GDP: 4 of 6" in found
    assert PEERS_FILE.name in _read(output)  # NATO's members are read from it


def test_a_focus_country_owning_no_claim_is_told_whose_claims_they_are(tmp_path):
    output, printed = _run(tmp_path, focus_country="DEU")
    found = json.loads((output / "finding.json").read_text(encoding="utf-8"))["finding"]
    assert found.startswith("The article's claims belong to Japan, not Germany")
    verdict = pd.read_csv(output / "verdict.csv")
    germany = verdict[verdict["owner"] == "DEU"]
    assert set(germany["verdict"]) == {"no target share or multiple claimed"}  # not Japan's 2%
    assert "defence_excl_saco" in set(verdict.loc[verdict["owner"] == "JPN", "scope_id"])
    chosen = json.loads((output / "focus.json").read_text(encoding="utf-8"))
    assert tuple(chosen["peers"]) == peers.auto_peers("DEU", "SIPRI_MILEX_2024REL", NAMES).codes
    path = pd.read_csv(output / "scenario_path.csv")
    assert path["spending_trillion_eur"].notna().all()  # the scenario runs for Germany
    assert (output / "germany_vs_peers.png").exists()
