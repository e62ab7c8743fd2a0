"""The browsable report: each executed notebook exported to HTML, and an index linking them all."""

from __future__ import annotations

import html
from pathlib import Path


def export_html(notebook: Path, target: Path) -> None:
    """Write an HTML export of the executed `notebook` to `target`, code cells hidden."""
    # lazy: nbconvert and nbformat are heavy, and only writing a report needs them
    import nbformat
    from nbconvert import HTMLExporter

    exporter = HTMLExporter(
        exclude_input=True, exclude_input_prompt=True, exclude_output_prompt=True
    )
    body, _ = exporter.from_notebook_node(nbformat.read(notebook, as_version=4))
    target.write_text(body, encoding="utf-8")  # inside the build folder, swapped in whole


def index_page(report: Path, article: Path, notebooks: list[Path]) -> str:
    """The report's index.html: each notebook's page, its notebook file and its output files."""
    items = []
    for nb in notebooks:
        files = (
            sorted(p.name for p in (report / nb.stem).iterdir())
            if (report / nb.stem).is_dir()
            else []
        )
        links = " · ".join(
            f'<a href="{nb.stem}/{html.escape(f)}">{html.escape(f)}</a>' for f in files
        )
        items.append(
            f'<li><a href="{nb.stem}.html"><b>{html.escape(nb.stem)}</b></a> '
            f'(<a href="{nb.name}">notebook</a>)<br><small>{links}</small></li>'
        )
    return (
        "<!DOCTYPE html>\n<html><head><meta charset='utf-8'><title>alliance report</title></head><body>\n"
        f"<h1>alliance report</h1>\n<p>Article: <code>{html.escape(article.name)}</code></p>\n"
        "<ol>\n" + "\n".join(items) + "\n</ol>\n"
        "<p><small>Spending figures: SIPRI Military Expenditure Database (© SIPRI) and Our World in Data; "
        "Japan Ministry of Defense white papers and plans. See data/SOURCES.md.</small></p>\n</body></html>\n"
    )


def write_index(report: Path, article: Path, notebooks: list[Path]) -> Path:
    """Write the report's index.html (inside the build folder, which is swapped in whole)."""
    path = report / "index.html"
    path.write_text(index_page(report, article, notebooks), encoding="utf-8")
    return path
