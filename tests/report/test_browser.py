"""The report of a real `alliance run`, opened in headless Chromium at 1280 px, as a colleague
would open it: every page loads without console errors and fetches nothing from the network,
every local link and image resolves, every page has its own title, the findings page shows the
verdict, shifts and voices tables as <table> elements, and no table is clipped. The same checks
run on the report of `alliance run --notebook 05 --corpus data/demo_corpus` (the coverage
comparison), whose findings page shows its finding and its table of outlets compared.

Needs Debian's `chromium` (`.ci/run` installs it when missing); without it the test is skipped
with a one-line reason. Playwright drives the system browser: nothing is downloaded.

`make docs-picture` runs the screenshot test with ALLIANCE_DOCS_PICTURE=docs/findings.png: the
seed's findings page, cut to its first screen, becomes the picture in README and docs/report.md.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

import pytest

from alliance_lib.config import DEMO_CORPUS, PROJECT_ROOT

CHROMIUM = Path(os.environ.get("ALLIANCE_CHROMIUM", "/usr/bin/chromium"))
WIDTH = 1280
FIRST_SCREEN = 900  # the viewport's height: what a reader sees on opening the page
DOCS_PICTURE = os.environ.get("ALLIANCE_DOCS_PICTURE")  # set by `make docs-picture`
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

if not CHROMIUM.is_file():
    pytest.skip(
        f"no browser at {CHROMIUM}: install Debian's chromium package (apt-get install chromium)",
        allow_module_level=True,
    )
sync_api = pytest.importorskip(
    "playwright.sync_api", reason="playwright is not installed (pip install -e '.[test]')"
)

# Each table, and each box around one that scrolls or hides overflow, must hold its content.
_CLIPPED = """() => {
  const found = [];
  const page = document.documentElement;
  if (page.scrollWidth > window.innerWidth) found.push(`page is ${page.scrollWidth}px wide`);
  for (const table of document.querySelectorAll('table')) {
    const box = table.getBoundingClientRect();
    const name = table.id || (table.caption ? table.caption.textContent : '') || table.className;
    if (box.right > window.innerWidth + 1) found.push(`table ${name} ends at ${Math.round(box.right)}px`);
    for (let up = table.parentElement; up && up !== document.body; up = up.parentElement) {
      const style = getComputedStyle(up);
      if (style.overflowX !== 'visible' && up.scrollWidth > up.clientWidth + 1)
        found.push(`table ${name} overflows its ${up.tagName.toLowerCase()}.${up.className}`);
    }
    for (const cell of table.querySelectorAll('td, th')) {
      if (cell.scrollWidth > cell.clientWidth + 1)
        found.push(`a cell of table ${name} is clipped: ${cell.textContent.slice(0, 40)}`);
    }
  }
  return found;
}"""
_LINKS = """() => [
  ...Array.from(document.querySelectorAll('a[href]'), a => a.getAttribute('href')),
]"""
_IMAGES = """() => Array.from(document.images, i => ({src: i.getAttribute('src').slice(0, 60), ok: i.complete && i.naturalWidth > 0}))"""
_IDS = "() => Array.from(document.querySelectorAll('[id]'), e => e.id)"


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            yield launched
        finally:
            launched.close()


def _visit(browser, report: Path, shots: tuple[str, ...]):
    """Every page of `report` opened once: its title, console errors, links, images, ids,
    clipped tables, and the tables of the findings page; pages whose names start with one of
    `shots` get a full-page screenshot beside the report."""
    pages = {}
    context = browser.new_context(viewport={"width": WIDTH, "height": FIRST_SCREEN})
    outside: list[str] = []

    def route(request_route):
        if request_route.request.url.startswith("file://"):
            request_route.continue_()
        else:  # a report must not fetch anything: the request is refused and recorded
            outside.append(request_route.request.url)
            request_route.abort()

    context.route("**/*", route)
    for path in sorted(report.glob("*.html")):
        tab = context.new_page()
        errors: list[str] = []
        tab.on("console", lambda m, e=errors: e.append(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda exc, e=errors: e.append(str(exc)))
        tab.on("requestfailed", lambda r, e=errors: e.append(f"failed to load {r.url}"))
        tab.goto(path.as_uri(), wait_until="load")
        pages[path.name] = {
            "title": tab.title(),
            "errors": errors,
            "links": tab.evaluate(_LINKS),
            "images": tab.evaluate(_IMAGES),
            "ids": set(tab.evaluate(_IDS)),
            "clipped": tab.evaluate(_CLIPPED),
            "tables": tab.evaluate(
                "() => Array.from(document.querySelectorAll('table[id]'), t => t.id)"
            ),
            "findings": tab.evaluate(
                "() => Array.from(document.querySelectorAll('p.finding'), p => p.textContent)"
            ),
        }
        if path.name.startswith(shots):
            shot = report.parent / f"screenshot-{path.stem}.png"
            tab.screenshot(path=str(shot), full_page=True)
            print(f"screenshot: {shot}")
            pages[path.name]["screenshot"] = shot
        tab.close()
    context.close()
    return pages, outside, report


@pytest.fixture(scope="module")
def visited(browser, seed_report):
    """Every page of the seed's report (screenshots: the findings and policy-shifts pages)."""
    return _visit(browser, seed_report, ("index.html", "03_"))


@pytest.fixture(scope="module")
def corpus_report(tmp_path_factory) -> Path:
    """The report of `alliance run --notebook 05 --corpus data/demo_corpus` (about 10 s)."""
    report = tmp_path_factory.mktemp("corpus-run") / "report"
    command = [sys.executable, "-m", "alliance_lib.cli", "run", "--notebook", "05"]
    command += ["--corpus", str(DEMO_CORPUS), "--output", str(report)]
    result = subprocess.run(command, capture_output=True, text=True, check=False, cwd=PROJECT_ROOT)
    assert result.returncode == 0, result.stderr
    return report


@pytest.fixture(scope="module")
def visited_corpus(browser, corpus_report):
    """Every page of the coverage comparison's report (screenshots: findings and notebook 05)."""
    return _visit(browser, corpus_report, ("index.html", "05_"))


def _broken(pages: dict, report: Path) -> list[str]:
    """Local links (and #sections) and images of the visited pages that do not resolve."""
    broken = []
    for name, info in pages.items():
        broken += [f"{name}: image {i['src']}" for i in info["images"] if not i["ok"]]
        for href in info["links"]:
            parts = urlsplit(href)
            if parts.scheme in ("http", "https", "mailto"):
                continue
            target = (report / unquote(parts.path)) if parts.path else report / name
            if not target.exists():
                broken.append(f"{name}: {href} (no such file)")
            elif parts.fragment and target.suffix == ".html":
                ids = pages[target.name]["ids"]
                if not {parts.fragment, unquote(parts.fragment)} & ids:
                    broken.append(f"{name}: {href} (no such section)")
    return broken


def test_every_page_loads_without_console_errors_or_network(visited):
    pages, outside, _ = visited
    assert {"index.html", "data_dictionary.html", "sources.html"} <= set(pages)
    assert len(pages) >= 7  # and one page per notebook
    assert {name: info["errors"] for name, info in pages.items() if info["errors"]} == {}
    assert outside == []


def test_every_page_has_its_own_title(visited):
    pages, _, _ = visited
    titles = [info["title"] for info in pages.values()]
    assert all(title.strip() for title in titles)
    assert len(set(titles)) == len(titles), titles
    assert not any(title.strip().lower() == "notebook" for title in titles)
    assert pages["index.html"]["title"].startswith("Findings")
    assert pages["03_policy_shifts.html"]["title"].startswith("03 · Policy shifts")


def test_every_local_link_and_image_resolves(visited):
    pages, _, report = visited
    assert _broken(pages, report) == []


def test_findings_page_shows_the_key_tables_as_tables(visited):
    pages, _, _ = visited
    tables = pages["index.html"]["tables"]
    assert {"table-verdict", "table-policy-shifts", "table-threat-voices"} <= set(tables)


def test_no_table_is_clipped_at_1280_px(visited):
    pages, _, _ = visited
    assert {name: info["clipped"] for name, info in pages.items() if info["clipped"]} == {}


def docs_picture(screenshot: Path, target: Path) -> Path:
    """The findings page's first screen from its screenshot, as a 256-colour PNG (a page of
    text and tables keeps its look; the file stays small enough for the repository)."""
    from PIL import Image  # matplotlib's dependency

    with Image.open(screenshot) as shot:
        first = shot.convert("RGB").crop((0, 0, WIDTH, min(FIRST_SCREEN, shot.height)))
    picture = first.quantize(colors=256, method=Image.Quantize.MEDIANCUT)
    target.parent.mkdir(parents=True, exist_ok=True)
    picture.save(target, format="PNG", optimize=True)
    return target


def test_screenshots_are_saved(visited):
    pages, _, _ = visited
    shots = [info["screenshot"] for info in pages.values() if "screenshot" in info]
    assert len(shots) == 2 and all(shot.stat().st_size > 10_000 for shot in shots)
    if DOCS_PICTURE:  # `make docs-picture`
        picture = docs_picture(pages["index.html"]["screenshot"], PROJECT_ROOT / DOCS_PICTURE)
        print(f"docs picture: {picture}")


def test_the_docs_picture_is_the_first_screen_of_a_findings_page(visited, tmp_path):
    from PIL import Image

    pages, _, _ = visited
    made = docs_picture(pages["index.html"]["screenshot"], tmp_path / "findings.png")
    for picture in (made, PROJECT_ROOT / "docs" / "findings.png"):
        with Image.open(picture) as image:
            assert image.size == (WIDTH, FIRST_SCREEN) and image.mode == "P", picture
        assert picture.stat().st_size < 400_000, picture  # under the large-file hook's limit


def test_the_coverage_comparison_report_loads_resolves_and_fits(visited_corpus):
    pages, outside, report = visited_corpus
    assert set(pages) == {
        "index.html",
        "05_coverage_comparison.html",
        "data_dictionary.html",
        "sources.html",
    }
    assert {name: info["errors"] for name, info in pages.items() if info["errors"]} == {}
    assert outside == [] and _broken(pages, report) == []
    assert {name: info["clipped"] for name, info in pages.items() if info["clipped"]} == {}
    assert pages["05_coverage_comparison.html"]["title"].startswith(
        "05 · Coverage of one event across outlets · "
    )
    # one chart per question; the demo's speakers' countries are known for 46% of its
    # attributions, under min_country_coverage (50%): no chart of them
    assert len(pages["05_coverage_comparison.html"]["images"]) == 4
    findings = pages["index.html"]
    assert "table-selection" in findings["tables"]
    assert len(findings["findings"]) == 1 and "outlets compared" in findings["findings"][0]
    shots = [info["screenshot"] for info in pages.values() if "screenshot" in info]
    assert len(shots) == 2 and all(shot.stat().st_size > 10_000 for shot in shots)
