"""The browsable report: the findings page (index.html), one page per executed notebook (code
hidden), the data dictionary and the sources, all in the frame of `report.pages`.

- index.html: the article, each notebook's one-line finding (its `finding.json`) linked to its
  section, the key tables (those the data dictionary marks), the parameters each notebook ran
  with, the data files read, the version, the run time (UTC) and the command that reproduces
  the run (per notebook, when a partial run replaced some), and every page and file grouped per
  notebook. A notebook that wrote no
  `finding.json` is said to have none; its key tables still show.
- NN_name.html: the notebook's title and the article as <title>, a link back, a contents list
  of its sections, the parameters it ran with as a table, then its cells without code.
- data_dictionary.html (from `report.dictionary`, which reads dictionary.yaml) and sources.html
  (data/SOURCES.md).
- datapackage.json (`report.datapackage`): every CSV and JSON file as a Frictionless Data Package.
"""

from __future__ import annotations

import ast
import functools
import hashlib
import html
import re
import threading
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

import pandas as pd

from alliance_lib.analysis.reference_data import EDITIONS, citation, national_citations
from alliance_lib.config import DATA_DIR, resolve, shown_path
from alliance_lib.report import dictionary
from alliance_lib.report.datapackage import PACKAGE_FILE, write_datapackage
from alliance_lib.report.finding import FINDING_FILE, read_finding
from alliance_lib.report.output_folder import package_version
from alliance_lib.report.pages import DICTIONARY, INDEX, SOURCES, page
from alliance_lib.report.tables import html_table
from alliance_lib.text.model import Article

SOURCES_FILE = DATA_DIR / "SOURCES.md"
_HEADING = re.compile(r"^#\s+(.+)$", re.MULTILINE)


@dataclass(frozen=True)
class RunInfo:
    """What only the run knows: when it ran (UTC), the command that reproduces it and the
    package version; None for what a report written by an older version did not record."""

    started_utc: str | None
    command: str | None
    version: str = ""


def notebook_title(notebook) -> str:
    """The notebook's own title: the first level-1 heading of its first markdown cell."""
    for cell in notebook.cells:
        if cell.cell_type == "markdown":
            found = _HEADING.search(cell.source)
            if found:
                return found.group(1).strip()
    return str(notebook.metadata.get("papermill", {}).get("input_path", "notebook"))


def notebook_titles(paths: list[Path]) -> dict[str, str]:
    """Each notebook's title by its stem, from the notebook files (known before any runs)."""
    # lazy: nbformat is only needed when writing a report
    import nbformat

    return {path.stem: notebook_title(nbformat.read(path, as_version=4)) for path in paths}


def article_title(article: Article) -> str:
    """The article as page titles name it: its headline, else its file name."""
    return article.headline or Path(article.source).name


def parameters_used(notebook) -> dict[str, object]:
    """The values the notebook ran with: its `parameters` cell, overridden by what papermill
    injected (after `record_output_dir`, the report folder), in the cell's order."""
    values: dict[str, object] = {}
    for cell in notebook.cells:
        if "parameters" in cell.get("metadata", {}).get("tags", []):
            for node in ast.parse(cell.source).body:
                if isinstance(node, ast.AnnAssign | ast.Assign) and node.value is not None:
                    target = node.target if isinstance(node, ast.AnnAssign) else node.targets[0]
                    if isinstance(target, ast.Name):
                        try:
                            values[target.id] = ast.literal_eval(node.value)
                        except ValueError:
                            values[target.id] = ast.unparse(node.value)
            break
    injected = notebook.metadata.get("papermill", {}).get("parameters", {})
    return values | {k: v for k, v in injected.items()}


class _Headings(HTMLParser):
    """The h2/h3 headings of an exported body, with the ids nbconvert gave them."""

    def __init__(self) -> None:
        super().__init__()
        self.found: list[tuple[int, str, str]] = []
        self._open: tuple[int, str] | None = None
        self._text: list[str] = []
        self._skip = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("h2", "h3"):
            self._open, self._text = (int(tag[1]), dict(attrs).get("id") or ""), []
        elif tag == "a" and self._open and ("class", "anchor-link") in attrs:
            self._skip += 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a" and self._skip:
            self._skip -= 1
        elif tag in ("h2", "h3") and self._open:
            level, ident = self._open
            self.found.append((level, ident, "".join(self._text).strip()))
            self._open = None

    def handle_data(self, data: str) -> None:
        if self._open and not self._skip:
            self._text.append(data)


_HEADING_START = re.compile(r"<h([23])[\s>]")  # where an h2 or h3 opens (the parser reads the tag)


def sections(body: str) -> list[tuple[int, str, str]]:
    """(level, id, text) of every h2 and h3 in an exported notebook body (or a whole page).

    Only the headings are parsed: a page is mostly tables and base64 images, which cost most of
    the time when the whole body went through the parser. Each search starts where the last
    heading ended, so the body is read once."""
    parser = _Headings()
    position = 0
    while found := _HEADING_START.search(body, position):
        close = f"</h{found[1]}>"
        end = body.find(close, found.end())
        if end < 0:
            break
        position = end + len(close)
        parser.feed(body[found.start() : position])
    parser.close()
    return parser.found


def _facts(rows: list[tuple[str, str]]) -> str:
    """A two-column table of labelled facts (labels and values already HTML)."""
    body = "".join(f'<tr><th scope="row">{k}</th><td>{v}</td></tr>' for k, v in rows)
    return f'<table class="facts"><tbody>{body}</tbody></table>'


def _value(value: object) -> str:
    return "<i>empty</i>" if value == "" else f"<code>{html.escape(str(value))}</code>"


def _parameters_table(values: dict[str, object]) -> str:
    return _facts([(html.escape(k), _value(v)) for k, v in values.items()])


_EXPORT_LOCK = threading.Lock()  # `alliance run` exports two notebooks at a time


@functools.cache
def _exporter():
    """One HTML exporter per process: building one compiles nbconvert's Jinja templates, which
    cost more than exporting a notebook (about 0.2 s CPU each time)."""
    # lazy: nbconvert is heavy, and only writing a report needs it
    from nbconvert import HTMLExporter

    return HTMLExporter(
        template_name="basic",
        exclude_input=True,
        exclude_input_prompt=True,
        exclude_output_prompt=True,
        # the notebook is validated once, after all preprocessors, not after each of them (a
        # dozen validations of a notebook holding its charts: a fifth of a page's time)
        optimistic_validation=True,
    )


def _export_body(notebook) -> str:
    """The notebook's cells as HTML, without code or prompts."""
    with _EXPORT_LOCK:  # an exporter is not documented as thread-safe; the work holds the GIL
        body, _ = _exporter().from_notebook_node(notebook)
    return body


def _split_opening(notebook) -> tuple[object, object]:
    """The notebook's opening markdown (title, question, method) and the rest."""
    # lazy: nbformat is only needed when writing a report
    import nbformat

    first_code = next(
        (i for i, c in enumerate(notebook.cells) if c.cell_type == "code"), len(notebook.cells)
    )
    # each part copies only its own cells: the rest holds the charts, large base64 images
    opening = nbformat.from_dict({**notebook, "cells": notebook.cells[:first_code]})
    rest = nbformat.from_dict({**notebook, "cells": notebook.cells[first_code:]})
    return opening, rest


def site_pages(notebook_titles: dict[str, str]) -> list[tuple[str, str]]:
    """The navigation bar: findings, each notebook page, the dictionary and the sources."""
    return [
        (INDEX, "Findings"),
        *((f"{stem}.html", title) for stem, title in notebook_titles.items()),
        (DICTIONARY, "Data dictionary"),
        (SOURCES, "Sources and licences"),
    ]


def notebook_page(notebook, stem: str, article: str, titles: dict[str, str]) -> str:
    """A notebook's page: title, back link, contents, parameters used, then its cells (no code)."""
    title = notebook_title(notebook)
    opening, rest = _split_opening(notebook)
    head_html, body = _export_body(opening), _export_body(rest)
    contents = "".join(
        f'<li{" class=sub" if level == 3 else ""}><a href="#{html.escape(ident)}">'
        f"{html.escape(text)}</a></li>"
        for level, ident, text in sections(body)
    )
    box = (
        f'<p><a href="{INDEX}">&larr; Back to the findings</a> &middot; '
        f'<a href="{html.escape(stem)}.ipynb">the executed notebook</a> &middot; '
        f'<a href="{INDEX}#files-{html.escape(stem)}">its output files</a></p>'
        f'<p class="lead">Article: {html.escape(article)}</p>'
        f"{head_html}"
        '<div class="box"><h2 id="contents">Contents</h2>'
        f'<ul class="contents">{contents}</ul>'
        '<h2 id="parameters">Parameters used</h2>'
        f"{_parameters_table(parameters_used(notebook))}</div>"
    )
    return page(
        f"{title} · {article}",
        box + body,
        pages=site_pages(titles),
        current=f"{stem}.html",
        version=package_version(),
    )


def export_html(executed: Path, target: Path, article: str, titles: dict[str, str]) -> None:
    """Write the page of the executed notebook `executed` to `target` (inside the build folder,
    which is swapped in whole)."""
    # lazy: nbformat is only needed when writing a report
    import nbformat

    notebook = nbformat.read(executed, as_version=4)
    target.write_text(notebook_page(notebook, executed.stem, article, titles), encoding="utf-8")


# --- the findings page ---------------------------------------------------------------------


def _sha(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            return hashlib.file_digest(handle, "sha256").hexdigest()[:12]
    except OSError:
        return "missing"


def _article_facts(article: Article, path: Path) -> str:
    flag = (
        '<span class="flag excerpt">EXCERPT</span> the text ends in a "Continue reading..." stub: '
        "every finding covers only the text shown"
        if article.truncated
        else '<span class="flag whole">whole text</span> not marked as an excerpt'
    )
    rows = [
        ("Headline", html.escape(article.headline or "(none found)")),
        ("Outlet / site", "not recorded in the article file"),
        (
            "Section",
            html.escape(article.section) + " (from the page's breadcrumb)"
            if article.section
            else "none given",
        ),
        (
            "Date",
            html.escape(article.reference_date)
            if article.reference_date
            else "not stated in the article file (years it leaves out are inferred from its own dates)",
        ),
        ("Source", f"<code>{html.escape(shown_path(path))}</code> (sha256 {_sha(path)})"),
        ("Excerpt", flag),
        (
            "Parsed",
            f"{len(article.paragraphs)} paragraphs, {len(article.sentences)} sentences, "
            f"{len(article.quotes)} quotations, {len(article.claims)} claims",
        ),
    ]
    return _facts(rows)


def _key_tables(folder: Path) -> str:
    """The key tables (the dictionary's `key_title` files) the notebook wrote, as HTML."""
    parts = []
    for schema in dictionary.FILES.values():
        path = folder / schema.name
        if not schema.key_title or not path.is_file():
            continue
        frame = pd.read_csv(path, keep_default_na=True)
        shown = [c for c in schema.summary if c in frame.columns]
        ident = "table-" + path.stem.replace("_", "-")
        if frame.empty:
            parts.append(f'<h4>{html.escape(schema.key_title)}</h4><p class="empty">No rows.</p>')
            continue
        parts.append(
            html_table(frame[shown], schema.name, caption=schema.key_title, table_id=ident)
            + f'<p><small>All columns: <a href="{folder.name}/{schema.name}">{schema.name}</a>, '
            f'described in the <a href="{DICTIONARY}#{schema.name}">data dictionary</a>.</small></p>'
        )
    return "".join(parts)


def _page_sections(report: Path, stem: str) -> list[tuple[int, str, str]]:
    """The sections of a notebook page already written into `report` (none when it is missing)."""
    try:
        return sections((report / f"{stem}.html").read_text(encoding="utf-8"))
    except OSError:
        return []


def _findings(report: Path, findings: dict[str, dict | None], titles: dict[str, str]) -> str:
    parts = []
    for stem, found in findings.items():
        folder = report / stem
        link = f"{stem}.html"
        if found is None:
            line = (
                f'<p class="missing">This notebook recorded no one-line finding (no finding.json); '
                f'read its <a href="{link}">page</a>.</p>'
            )
        else:
            anchor = next(
                (
                    ident
                    for _, ident, text in _page_sections(report, stem)
                    if text == found.get("section")
                ),
                "",
            )
            target = f"{link}#{anchor}" if anchor else link
            line = (
                f'<p class="finding">{html.escape(found["finding"])} '
                f'<a href="{html.escape(target)}">(in the notebook)</a></p>'
            )
        parts.append(
            f'<section id="finding-{stem}"><h3><a href="{link}">{html.escape(titles[stem])}</a></h3>'
            f"{line}{_key_tables(folder)}</section>"
        )
    return "".join(parts)


def _data_used(findings: dict[str, dict | None], parameters: dict[str, dict]) -> str:
    """The data files each notebook says it read (finding.json), with their sha256, and the
    SIPRI edition where one was chosen."""
    rows = []
    for stem, found in findings.items():
        files = found.get("data", []) if found else []
        listed = (
            ", ".join(f"<code>{html.escape(f)}</code> ({_sha(resolve(f))})" for f in files)
            or '<span class="missing">not recorded (no finding.json)</span>'
        )
        edition = parameters.get(stem, {}).get("sipri_edition")
        if isinstance(edition, str):
            listed += f"; SIPRI edition <code>{html.escape(edition)}</code>: {html.escape(EDITIONS.get(edition, edition))}"
        rows.append((html.escape(stem), listed))
    return _facts(rows)


def _parameters_by_notebook(parameters: dict[str, dict]) -> str:
    """One row per notebook: each parameter it ran with and its value."""
    return _facts(
        [
            (
                html.escape(stem),
                "<br>".join(
                    f"{html.escape(name)} = {_value(value)}" for name, value in values.items()
                ),
            )
            for stem, values in parameters.items()
        ]
    )


_CHARTS = {".png": "PNG, 200 dpi", ".svg": "SVG, for slides"}


def _files(report: Path, stems: list[str], titles: dict[str, str]) -> str:
    """Every output file, per notebook, with what it holds; a chart's PNG and SVG together."""
    parts = []
    for stem in stems:
        folder = report / stem
        names = sorted(p.name for p in folder.iterdir() if p.is_file()) if folder.is_dir() else []
        charts: dict[str, list[str]] = {}
        items = []
        for name in names:
            suffix = Path(name).suffix
            if suffix in _CHARTS:
                charts.setdefault(Path(name).stem, []).append(name)
                continue
            schema = dictionary.schema(name)
            meaning = f" <small>{html.escape(schema.meaning)}</small>" if schema else ""
            items.append(
                f'<li><a href="{stem}/{html.escape(name)}">{html.escape(name)}</a>{meaning}</li>'
            )
        for chart, files in charts.items():
            links = " &middot; ".join(
                f'<a href="{stem}/{html.escape(f)}">{_CHARTS[Path(f).suffix]}</a>' for f in files
            )
            items.append(f"<li>chart <b>{html.escape(chart)}</b>: {links}</li>")
        parts.append(
            f'<h3 id="files-{stem}">{html.escape(titles[stem])}</h3><p><a href="{stem}.html">page</a> &middot; '
            f'<a href="{stem}.ipynb">executed notebook</a></p>'
            f'<ul class="files">{"".join(items)}</ul>'
        )
    return "".join(parts)


def _runs(runs: dict[str, RunInfo], titles: dict[str, str]) -> str:
    """How the report was made: each run (time, command, package) and, when a partial run
    (`--notebook`) replaced some notebooks, which notebooks each run made."""
    groups: dict[RunInfo, list[str]] = {}
    for stem in titles:
        groups.setdefault(runs[stem], []).append(stem)
    parts = []
    missing = '<span class="missing">not recorded</span>'
    for run, stems in groups.items():
        rows = [
            ("Run (UTC)", html.escape(run.started_utc) if run.started_utc else missing),
            ("Command", f"<code>{html.escape(run.command)}</code>" if run.command else missing),
            ("Package", f"alliance {html.escape(run.version)}" if run.version else missing),
        ]
        if len(groups) > 1:
            made = ", ".join(f'<a href="{s}.html">{html.escape(titles[s])}</a>' for s in stems)
            rows.insert(0, ("Notebooks", made))
        parts.append(_facts(rows))
    return "".join(parts)


def index_page(
    report: Path,
    article: Article,
    article_path: Path,
    titles: dict[str, str],
    runs: dict[str, RunInfo],
) -> str:
    """The findings page (after every notebook ran and its page was written); `runs`: the
    run that made each notebook (one for all, unless a partial run replaced some)."""
    # lazy: nbformat is only needed when writing a report
    import nbformat

    stems = list(titles)
    parameters = {
        stem: parameters_used(nbformat.read(report / f"{stem}.ipynb", as_version=4))
        for stem in stems
    }
    findings = {stem: read_finding(report / stem) for stem in stems}
    version = package_version()
    body = (
        f"<h1>Findings: {html.escape(article_title(article))}</h1>"
        '<p class="lead">What the notebooks found in the article, each finding computed from the '
        "data files beside it; the notebook pages show how.</p>"
        f'<h2 id="article">The article</h2>{_article_facts(article, article_path)}'
        f'<h2 id="findings">Findings</h2>{_findings(report, findings, titles)}'
        '<h2 id="run">How this report was made</h2>'
        f"{_runs(runs, titles)}"
        f'<h3 id="parameters">Parameters, per notebook</h3>{_parameters_by_notebook(parameters)}'
        f'<h3 id="data">Data used, per notebook</h3>{_data_used(findings, parameters)}'
        f'<h2 id="files">Every page and file</h2>'
        f'<p><a href="{DICTIONARY}">Data dictionary</a> (every column of every file) &middot; '
        f'<a href="{PACKAGE_FILE}">{PACKAGE_FILE}</a> (every CSV and JSON file as a '
        "Frictionless Data Package: <code>frictionless validate</code> checks the tables) &middot; "
        f'<a href="{SOURCES}">Sources and licences</a></p>'
        f"{_files(report, stems, titles)}"
    )
    return page(
        f"Findings · {article_title(article)}",
        body,
        pages=site_pages(titles),
        current=INDEX,
        version=version,
    )


def _columns_table(schema: dictionary.FileSchema) -> str:
    frame = pd.DataFrame(
        [(c.name, c.type, c.unit, c.meaning) for c in schema.columns],
        columns=["column", "type", "unit", "meaning"],
    )
    return html_table(frame)


def dictionary_page(stems: list[str], titles: dict[str, str]) -> str:
    """Every file the report writes and every column of it, grouped per notebook."""
    parts = [
        "<h1>Data dictionary</h1>"
        '<p class="lead">Every CSV and JSON file the report writes, and every column (or key) of '
        "each: its type, unit and meaning. One schema in the package "
        "(<code>alliance_lib/report/dictionary.yaml</code>) gives these, the headers of the "
        f'report\'s tables and the Table Schemas of <a href="{PACKAGE_FILE}">{PACKAGE_FILE}</a> '
        "(a Frictionless Data Package); a test fails when a notebook writes a column it "
        "lacks.</p>"
        f'<p id="formulas">{html.escape(dictionary.FORMULA_CELLS)}</p>'
    ]
    # each notebook's own files; finding.json, which every notebook writes, is listed once at the end
    own = {
        stem: [f for f in dictionary.for_notebook(stem) if f.name != FINDING_FILE] for stem in stems
    }
    listed = [
        f"<li><b>{html.escape(titles.get(stem, stem))}</b>: "
        + ", ".join(
            f'<a href="#{html.escape(f.name)}">{html.escape(f.name)}</a>' for f in own[stem]
        )
        + "</li>"
        for stem in stems
    ]
    parts.append(
        f'<ul class="contents">{"".join(listed)}<li><b>Every notebook</b>: '
        f'<a href="#{FINDING_FILE}">{FINDING_FILE}</a></li></ul>'
    )
    for stem in stems:
        parts.append(f"<h2>{html.escape(titles.get(stem, stem))}</h2>")
        for schema in own[stem]:
            parts.append(
                f'<h3 id="{html.escape(schema.name)}"><code>{stem}/{html.escape(schema.name)}</code></h3>'
                f"<p>{html.escape(schema.meaning)}</p>{_columns_table(schema)}"
            )
    finding = dictionary.FILES[FINDING_FILE]
    parts.append(
        f'<h2>Every notebook</h2><h3 id="{FINDING_FILE}"><code>NN_name/{FINDING_FILE}</code></h3>'
        f"<p>{html.escape(finding.meaning)}</p>{_columns_table(finding)}"
    )
    parts.append(
        "<h2>Charts</h2><p>Each chart is written twice: a PNG at 200 dpi and an SVG of the same "
        "name (for slides). Every chart carries its source line.</p>"
    )
    return page(
        "Data dictionary · alliance report",
        "".join(parts),
        pages=site_pages(titles),
        current=DICTIONARY,
        version=package_version(),
    )


def sources_page(titles: dict[str, str], source: Path = SOURCES_FILE) -> str:
    """data/SOURCES.md rendered, after the citation lines the charts and tables carry."""
    # lazy: mistune is only needed when writing a report
    import mistune

    markdown = mistune.create_markdown(escape=True, plugins=["table", "url"])
    lines = [citation(edition) for edition in EDITIONS] + [citation(), *national_citations()]
    intro = (
        "<h1>Sources and licences</h1>"
        '<p class="lead">The citation lines the report\'s charts and tables carry, then the '
        "provenance of every data file (<code>data/SOURCES.md</code>, as shipped with the package), "
        "including SIPRI's terms of use.</p>"
        "<ul>" + "".join(f"<li>{html.escape(line)}</li>" for line in lines) + "</ul>"
        "<p>The package's code is under the MIT licence. The article analysed is quoted only as far "
        "as the analysis needs (sentences in tables), with its source named on the findings page.</p>"
    )
    return page(
        "Sources and licences · alliance report",
        intro + '<div class="box">' + str(markdown(source.read_text(encoding="utf-8"))) + "</div>",
        pages=site_pages(titles),
        current=SOURCES,
        version=package_version(),
    )


def write_site(
    report: Path,
    article: Article,
    article_path: Path,
    titles: dict[str, str],
    runs: dict[str, RunInfo],
) -> Path:
    """Write datapackage.json, index.html, data_dictionary.html and sources.html into `report`
    (the build folder, swapped in whole); return the findings page."""
    write_datapackage(report, list(titles), article_title(article))
    (report / DICTIONARY).write_text(dictionary_page(list(titles), titles), encoding="utf-8")
    (report / SOURCES).write_text(sources_page(titles), encoding="utf-8")
    path = report / INDEX
    path.write_text(index_page(report, article, article_path, titles, runs), encoding="utf-8")
    return path
