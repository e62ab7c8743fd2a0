"""The frame every report page shares: its own <title>, a navigation bar to every page, one
style sheet (no script, nothing fetched from the network), and a footer with the sources,
licence and citation lines linked to the sources page.
"""

from __future__ import annotations

import html
from collections.abc import Sequence

from alliance_lib.analysis.reference_data import citation, national_citations

INDEX = "index.html"
DICTIONARY = "data_dictionary.html"
SOURCES = "sources.html"

CSS = """
:root { --ink: #1f2328; --muted: #57606a; --line: #d0d7de; --soft: #f6f8fa; --accent: #0b5cad; }
* { box-sizing: border-box; }
html { font-size: 15px; }
body { margin: 0; color: var(--ink); background: #fff; line-height: 1.5;
  font-family: -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif; }
a { color: var(--accent); }
nav.site { background: #24292f; padding: .5rem 1.5rem; display: flex; flex-wrap: wrap; gap: .2rem 1.1rem; }
nav.site a { color: #f0f3f6; text-decoration: none; font-size: .93rem; white-space: nowrap; }
nav.site a:hover { text-decoration: underline; }
nav.site a[aria-current] { font-weight: 700; border-bottom: 2px solid #f0f3f6; }
main { max-width: 1180px; margin: 0 auto; padding: 1rem 1.5rem 2rem; }
h1 { font-size: 1.6rem; line-height: 1.25; margin: .8rem 0 .4rem; }
h2 { font-size: 1.3rem; margin: 1.8rem 0 .5rem; padding-bottom: .2rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.08rem; margin: 1.3rem 0 .4rem; }
h3 code { font-size: .98rem; }
p.lead { font-size: 1.05rem; color: var(--muted); margin-top: 0; }
p.finding { font-size: 1.02rem; background: var(--soft); border-left: 4px solid var(--accent);
  padding: .6rem .9rem; margin: .4rem 0 .8rem; }
p.missing, p.empty { color: var(--muted); font-style: italic; }
.flag { display: inline-block; font-weight: 700; padding: .05rem .45rem; border-radius: 3px; }
.flag.excerpt { background: #fff1d6; color: #7a4b00; border: 1px solid #e6b453; }
.flag.whole { background: #e6f4ea; color: #1a5e2a; border: 1px solid #8cc79b; }
table { border-collapse: collapse; margin: .4rem 0 1rem; font-size: .87rem; max-width: 100%; }
caption { caption-side: top; text-align: left; font-weight: 600; padding: .2rem 0; }
th, td { border: 1px solid var(--line); padding: .3rem .5rem; vertical-align: top; text-align: left;
  overflow-wrap: break-word; }
thead th { background: var(--soft); font-weight: 600; }
th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.num, td.date { white-space: nowrap; }
table.dataframe { table-layout: auto; }
table.dataframe td, table.dataframe th { max-width: 38rem; overflow-wrap: anywhere; }
table.facts th { width: 13rem; background: var(--soft); }
code, pre { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: .85rem; }
pre { background: var(--soft); border: 1px solid var(--line); padding: .6rem .8rem;
  white-space: pre-wrap; overflow-wrap: anywhere; }
img { max-width: 100%; height: auto; }
ul.files { columns: 2; padding-left: 1.2rem; }
ul.contents { padding-left: 1.2rem; }
.box { border: 1px solid var(--line); border-radius: 6px; padding: .3rem 1rem .6rem; margin: 1rem 0; }
footer { max-width: 1180px; margin: 1rem auto 2rem; padding: .8rem 1.5rem 0; border-top: 1px solid var(--line);
  color: var(--muted); font-size: .82rem; }
footer p { margin: .25rem 0; }
/* notebook pages (nbconvert's basic template) */
.cell { margin: 0; }
.output_area { margin: .3rem 0 .8rem; }
.output_text pre { background: none; border: none; border-left: 3px solid var(--line); padding: .1rem .7rem;
  font-size: .84rem; line-height: 1.45; }
.output_stderr pre { color: #8a1f11; }
a.anchor-link { display: none; }
"""


def navigation(pages: Sequence[tuple[str, str]], current: str) -> str:
    """The bar linking every page of the report (the current one marked)."""
    links = [
        f'<a href="{html.escape(href)}"{" aria-current=page" if href == current else ""}>'
        f"{html.escape(label)}</a>"
        for href, label in pages
    ]
    return f'<nav class="site" aria-label="report">{"".join(links)}</nav>'


def footer(version: str) -> str:
    """Sources, licences and citation, on every page, linked to the sources page."""
    return (
        "<footer>"
        f"<p><b>Data.</b> {html.escape(' '.join([citation(), *national_citations()]))}</p>"
        f"<p>Every file's provenance, SIPRI's fair-use terms and the citations: "
        f'<a href="{SOURCES}">Sources and licences</a>. Every column of every file: '
        f'<a href="{DICTIONARY}">Data dictionary</a>.</p>'
        f"<p><b>Code.</b> alliance {html.escape(version)} (MIT licence). "
        f'Cite the data sources above, not this report, for any figure. <a href="{INDEX}">Findings</a>.</p>'
        "</footer>"
    )


def page(
    title: str,
    body: str,
    *,
    pages: Sequence[tuple[str, str]],
    current: str,
    version: str,
) -> str:
    """A whole HTML page: title, navigation, body inside <main>, footer."""
    return (
        '<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{html.escape(title)}</title>\n<style>{CSS}</style>\n</head>\n<body>\n"
        f"{navigation(pages, current)}\n<main>\n{body}\n</main>\n{footer(version)}\n</body>\n</html>\n"
    )
