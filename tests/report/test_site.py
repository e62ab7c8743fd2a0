"""The report's pages, read as files: the findings page, the notebook pages, the dictionary and
the sources, and what only the run knows (its time and command) kept out of everything else."""

from __future__ import annotations

import html
import json
import re
import shutil

import nbformat

from alliance_lib.config import SEED_ARTICLE
from alliance_lib.report import site
from alliance_lib.report.finding import FINDING_FILE, read_finding, record_finding
from alliance_lib.report.output_folder import MARKER
from alliance_lib.report.runner import reproducing_command, select_notebooks
from alliance_lib.text.pipeline import load_article

STEMS = [p.stem for p in select_notebooks(None)]  # the single-article report
_RUN_TIME = re.compile(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC")


def test_the_findings_page_shows_the_article_findings_run_and_files(seed_report):
    index = (seed_report / "index.html").read_text(encoding="utf-8")
    assert "<title>Findings · US and Japan Sign Historic Defense Agreements" in index
    assert "EXCERPT" in index and "seeds/000_eb6496a230f35a9b.txt" in index
    for stem in ("01_article_overview", "03_policy_shifts", "04_threat_framing"):
        finding = read_finding(seed_report / stem)["finding"]
        assert finding and html.escape(finding) in index
        assert f'href="{stem}.html#Result"' in index
    for table in ("table-verdict", "table-policy-shifts", "table-threat-voices"):
        assert f'<table class="data" id="{table}">' in index
    assert len(_RUN_TIME.findall(index)) == 1
    assert f"alliance run --output {seed_report}" in index
    assert "data/policy_codebook.yaml" in index and "SIPRI_MILEX_2024REL" in index
    for stem in STEMS:
        assert f'href="{stem}.html"' in index and f'href="{stem}.ipynb"' in index
    assert 'href="02_defence_spending/verdict.csv"' in index
    assert 'href="03_policy_shifts/timeline.svg"' in index


def test_only_the_findings_page_holds_the_run_time(seed_report):
    # and the report's marker, which records each notebook's run for a later partial run
    for path in sorted(seed_report.rglob("*")):
        if path.is_file() and path.name not in ("index.html", MARKER) and path.suffix != ".png":
            assert not _RUN_TIME.search(path.read_text(encoding="utf-8", errors="replace")), path


def test_executed_notebooks_record_the_report_folder_not_the_build_folder(seed_report):
    for stem in STEMS:
        executed = nbformat.read(seed_report / f"{stem}.ipynb", as_version=4)
        recorded = executed.metadata.papermill
        assert recorded["parameters"]["output_dir"] == str(seed_report / stem)
        assert recorded["output_path"] == str(seed_report / f"{stem}.ipynb")
        injected = next(
            c for c in executed.cells if "injected-parameters" in c.metadata.get("tags", [])
        )
        assert f'output_dir = "{seed_report / stem}"' in injected.source
        page = (seed_report / f"{stem}.html").read_text(encoding="utf-8")
        assert ".building-" not in page and f"<code>{seed_report / stem}</code>" in page


def test_a_notebook_page_has_title_back_link_contents_and_parameters(seed_report):
    page = (seed_report / "03_policy_shifts.html").read_text(encoding="utf-8")
    assert "<title>03 · Policy shifts · US and Japan Sign Historic" in page
    assert '<a href="index.html">&larr; Back to the findings</a>' in page
    assert '<a href="#Distinct-policy-shifts">Distinct policy shifts</a>' in page
    assert '<a href="#Result">Result</a>' in page
    assert '<th scope="row">codebook_path</th><td><code>data/policy_codebook.yaml</code>' in page
    assert "policy.policy_shifts(article" not in page  # code hidden
    assert '<table class="data">' in page  # tables as HTML, not printed text
    assert "<script" not in page and "cdnjs" not in page  # nothing fetched
    assert 'href="sources.html"' in page and "© SIPRI" in page  # sources on every page


def test_dictionary_and_sources_pages(seed_report):
    words = (seed_report / "data_dictionary.html").read_text(encoding="utf-8")
    assert '<h3 id="verdict.csv">' in words and "like_for_like" in words
    assert '<p id="formulas">In every CSV file, a text cell' in words  # CSV injection, said once
    sources = (seed_report / "sources.html").read_text(encoding="utf-8")
    assert "<h2>Terms of use (read before copying into the project)</h2>" in sources
    assert "<table>" in sources and "SIPRI_MILEX_2023REL" in sources


def test_a_notebook_without_finding_json_is_said_to_have_none(seed_report, tmp_path):
    report = tmp_path / "report"
    shutil.copytree(seed_report, report)
    (report / "03_policy_shifts" / FINDING_FILE).unlink()
    titles = site.notebook_titles(select_notebooks(None))
    runs = dict.fromkeys(titles, site.RunInfo("now", "cmd", "0.1.0"))
    page = site.index_page(report, load_article(SEED_ARTICLE), SEED_ARTICLE, titles, runs)
    section = page[page.index('id="finding-03_policy_shifts"') :]
    section = section[: section.index("</section>")]
    assert "recorded no one-line finding" in section
    assert 'id="table-policy-shifts"' in section  # the key table still shows


def test_finding_json_round_trip_and_a_broken_one(tmp_path):
    out = tmp_path / "03_policy_shifts"
    out.mkdir()
    record_finding(out, "Six shifts.", data=["data/policy_codebook.yaml"])
    assert json.loads((out / FINDING_FILE).read_text(encoding="utf-8")) == {
        "data": ["data/policy_codebook.yaml"],
        "finding": "Six shifts.",
        "section": "Result",
    }
    (out / FINDING_FILE).write_text("[1, 2]", encoding="utf-8")
    assert read_finding(out) is None and read_finding(tmp_path) is None


def test_the_command_reproduces_the_run():
    assert reproducing_command(None, None, None, None) == "alliance run"
    assert (
        reproducing_command("my story.html", "reports/x", ["02"], {"target_share": "-inf"})
        == "alliance run --article 'my story.html' --output reports/x --notebook 02 -p target_share -inf"
    )


def _full_parse(body: str) -> list[tuple[int, str, str]]:
    parser = site._Headings()
    parser.feed(body)
    return parser.found


def test_the_contents_come_from_the_headings_alone():
    """`sections` parses only the h2/h3 elements of a page (most of it is tables and base64
    charts) and finds what parsing it all finds; an unclosed heading ends the search."""
    image = '<img src="data:image/png;base64,' + "iVBORw0KGgo" * 20_000 + '">'
    table = "<table>" + "<tr><td>1</td><td>&lt;h2&gt;</td></tr>" * 2_000 + "</table>"
    body = (
        '<h2 id="spending">Spending<a class="anchor-link" href="#spending">¶</a></h2>'
        f"<p>text</p>{image}{table}"
        '<h3 id="the-peers">The <em>peers</em></h3><h4 id="x">not listed</h4>'
        f'<h2 id="what-if">What if<a class="anchor-link" href="#what-if">¶</a></h2>{table}'
    )
    expected = [
        (2, "spending", "Spending"),
        (3, "the-peers", "The peers"),
        (2, "what-if", "What if"),
    ]
    assert site.sections(body) == _full_parse(body) == expected
    assert site.sections(body + '<h2 id="open">never closed') == expected


def test_a_notebook_page_validates_the_notebook_once(monkeypatch):
    """nbconvert validated the notebook after each of its preprocessors, a dozen times per page
    part; once, after all of them, gives the same page."""
    notebook = nbformat.v4.new_notebook(
        cells=[nbformat.v4.new_markdown_cell("## A section"), nbformat.v4.new_code_cell("1")]
    )
    validations = []
    validate = nbformat.validate
    monkeypatch.setattr(
        nbformat, "validate", lambda *a, **k: validations.append(1) or validate(*a, **k)
    )
    site._export_body(notebook)
    assert len(validations) == 1
