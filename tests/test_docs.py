"""README.md and docs/: every relative link and image resolves to a file of the repository, and
every `#anchor` to a heading of its page, slugged as GitHub slugs headings; README stays a front
page of at most 200 lines."""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

import pytest

from alliance_lib.config import PROJECT_ROOT

PAGES = [PROJECT_ROOT / "README.md", *sorted((PROJECT_ROOT / "docs").glob("*.md"))]
README_MAX_LINES = 200

_FENCE = re.compile(r"^ {0,3}(```|~~~).*?^ {0,3}\1[^\n]*$", re.MULTILINE | re.DOTALL)
_CODE_SPAN = re.compile(r"(`+)(?:(?!\1).)+?\1", re.DOTALL)
# [text](target "title") and ![alt](target); the text may hold `code` but no brackets
_LINK = re.compile(r"!?\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*<?([^)\s>]*)>?(?:\s+\"[^\"]*\")?\s*\)")
_HEADING = re.compile(r"^ {0,3}(#{1,6})\s+(.+?)\s*#*\s*$", re.MULTILINE)
_HTML_ID = re.compile(r"<a\s+(?:name|id)=\"([^\"]+)\"", re.IGNORECASE)


def _prose(text: str) -> str:
    """The Markdown without fenced code blocks (links there are examples, not links)."""
    return _FENCE.sub("", text)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: its text (inline code, links and emphasis reduced to
    their words), lower case, with every character that is not a letter, a digit, a space, a
    hyphen or an underscore dropped, and spaces made hyphens (github-slugger's rule)."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", heading)  # [words](url) -> words
    text = re.sub(r"<[^>]+>", "", text)  # inline HTML tags
    text = text.replace("`", "").replace("*", "")
    text = re.sub(r"(?<!\w)_+|_+(?!\w)", "", text)  # _emphasis_, not snake_case
    kept = "".join(
        ch
        for ch in text.lower()
        if ch in " -_" or unicodedata.category(ch)[0] in "LN" or unicodedata.category(ch) == "Mn"
    )
    return kept.replace(" ", "-")


def anchors(text: str) -> set[str]:
    """Every anchor a page offers: its headings' slugs (a repeated slug gets -1, -2...) and
    explicit <a id> / <a name> targets."""
    found: set[str] = set()
    counts: dict[str, int] = {}
    for _, heading in _HEADING.findall(_prose(text)):
        base = slug(heading)
        count = counts.get(base, 0)
        counts[base] = count + 1
        found.add(base if count == 0 else f"{base}-{count}")
    return found | set(_HTML_ID.findall(text))


def links(text: str) -> list[str]:
    """The targets of the page's Markdown links and images, outside code."""
    return _LINK.findall(_CODE_SPAN.sub("", _prose(text)))


def broken_links(page: Path, root: Path = PROJECT_ROOT) -> list[str]:
    """Each relative link or `#anchor` of `page` that resolves to nothing, as "page: target
    (why)"; links to other sites are not followed."""
    text = page.read_text(encoding="utf-8")
    broken = []
    for target in links(text):
        if re.match(r"[a-z][a-z0-9+.-]*:", target, re.IGNORECASE):  # https:, mailto:...
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        name = f"{page.relative_to(root).as_posix()}: {target}"
        if not path and not anchor:
            broken.append(f"{name} (empty link)")
        elif not file.is_relative_to(root.resolve()):
            broken.append(f"{name} (outside the repository)")
        elif not file.exists():
            broken.append(f"{name} (no such file)")
        elif anchor and file.suffix == ".md":
            if anchor not in anchors(file.read_text(encoding="utf-8")):
                broken.append(f"{name} (no such heading in {file.name})")
    return broken


def test_every_relative_link_and_anchor_in_readme_and_docs_resolves():
    assert len(PAGES) >= 9
    checked = sum(len(links(p.read_text(encoding="utf-8"))) for p in PAGES)
    assert checked >= 20  # the test reads links, not nothing
    assert [line for page in PAGES for line in broken_links(page)] == []


def test_readme_is_a_front_page():
    lines = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    assert len(lines) <= README_MAX_LINES
    docs = {p.name for p in (PROJECT_ROOT / "docs").glob("*.md")}
    linked = {Path(t).name for t in links("\n".join(lines)) if t.startswith("docs/")}
    assert docs <= linked, f"README links no page {sorted(docs - linked)}"


@pytest.mark.parametrize(
    ("heading", "anchor"),
    [
        ("Corpus mode", "corpus-mode"),
        ("JSON schema (`alliance parse PATH --json`)", "json-schema-alliance-parse-path---json"),
        ("Speed (`make bench`, `make bench-corpus`)", "speed-make-bench-make-bench-corpus"),
        ("Evaluation on real news (`make eval`)", "evaluation-on-real-news-make-eval"),
        ("What's in `data/` & why", "whats-in-data--why"),
        ("The [report](report.md), *briefly*", "the-report-briefly"),
        ("Outlets: Nikkei Asia, 日本経済新聞", "outlets-nikkei-asia-日本経済新聞"),
        ("snake_case_names stay", "snake_case_names-stay"),
    ],
)
def test_anchors_are_slugged_as_github_slugs_headings(heading, anchor):
    assert slug(heading) == anchor


def test_a_broken_file_anchor_or_repeated_heading_is_found(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "a.md").write_text(
        '# A\n\n## Notes\n\n## Notes\n\n<a id="kept"></a>\n', encoding="utf-8"
    )
    page = tmp_path / "README.md"
    page.write_text(
        "[ok](docs/a.md#notes) [second](docs/a.md#notes-1) [html](docs/a.md#kept)\n"
        "[gone](docs/b.md) [bad anchor](docs/a.md#notes-2) ![img](docs/a.png)\n"
        "[self](#nowhere) [up](../x.md) [web](https://example.org/#x)\n"
        "`[code](not/a/link.md)`\n\n```sh\n[fenced](not/a/link.md)\n```\n",
        encoding="utf-8",
    )
    assert broken_links(page, tmp_path) == [
        "README.md: docs/b.md (no such file)",
        "README.md: docs/a.md#notes-2 (no such heading in a.md)",
        "README.md: docs/a.png (no such file)",
        "README.md: #nowhere (no such heading in README.md)",
        "README.md: ../x.md (outside the repository)",
    ]
