"""HTML pages: recognise one, and extract its main content with trafilatura.

Two kinds of page would defeat the extraction, and are read another way (both linear in the
page's size): a page nested deeper than the HTML parser goes (libxml2 stops at 256 levels and
drops the rest, text and all) is parsed again with its excess nesting flattened (`flatten`);
a page of more than `HTML_FALLBACK_MAX_ELEMENTS` elements is extracted without trafilatura's
fallback extractors, whose justext pass is quadratic on runs of short paragraphs.
"""

from __future__ import annotations

import html as html_escaping
import re
from collections import Counter
from dataclasses import dataclass
from html.parser import HTMLParser

from alliance_lib.config import HTML_FALLBACK_MAX_ELEMENTS, HTML_FLAT_DEPTH, HTML_PARSER_MAX_DEPTH
from alliance_lib.errors import NoArticleBodyError

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
# `[^<>]*`, not `[^>]*`: a tag never holds "<", and each failed attempt stops at the next one
# (with `[^>]*`, 10,000 unclosed "<p" rescanned to the end of the sniffed text each: n^2).
_HTML_TAGS = re.compile(r"<(?:p|div|body|article|h[1-6]|span|br|section)\b[^<>]*>", re.IGNORECASE)
# Elements without content or end tag (never open a level).
_VOID = frozenset(
    "area base br col embed hr img input keygen link meta param source track wbr".split()
)
# Blocks that separate text: at the depth limit one of these ends the deepest open element and
# takes its place, so paragraphs stay paragraphs; any other element there is dropped (its text kept).
_BLOCKS = frozenset(
    "address article aside blockquote dd div dl dt figcaption figure footer form h1 h2 h3 h4 "
    "h5 h6 header li main nav ol p pre section table td th tr ul".split()
)


@dataclass(frozen=True)
class Extracted:
    text: str  # markdown-ish text: "# title" and "## subheading" lines, paragraphs between blank lines
    title: str | None
    date: str | None  # publication date (YYYY-MM-DD) from the page's metadata


def looks_like_html(text: str) -> bool:
    """An HTML document, or text with several block-level tags."""
    return bool(_HTML_START.match(text[:1024])) or len(_HTML_TAGS.findall(text[:20000])) >= 3


class _Flattener(HTMLParser):
    """Rewrites a page with at most `limit` open elements at any point (see `flatten`)."""

    def __init__(self, limit: int) -> None:
        super().__init__(convert_charrefs=True)
        self.limit = limit
        self.parts: list[str] = []
        self.open: list[str] = []  # the elements written and not yet closed, outermost first
        self.skipped: Counter[str] = Counter()  # end tags still to come of elements not written

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID and len(self.open) >= self.limit:
            if tag not in _BLOCKS:
                self.skipped[tag] += 1
                return
            deepest = self.open.pop()  # closed early: its own end tag, when it comes, is skipped
            self.parts.append(f"</{deepest}>")
            self.skipped[deepest] += 1
        self.parts.append(f"<{tag}{_attributes(attrs)}>")
        if tag not in _VOID:
            self.open.append(tag)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _VOID:
            self.parts.append(f"<{tag}{_attributes(attrs)}>")

    def handle_endtag(self, tag: str) -> None:
        if self.skipped[tag]:
            self.skipped[tag] -= 1
        elif tag in self.open:
            while self.open:
                name = self.open.pop()
                self.parts.append(f"</{name}>")
                if name == tag:
                    break

    def handle_data(self, data: str) -> None:
        self.parts.append(html_escaping.escape(data, quote=False))

    def handle_decl(self, decl: str) -> None:
        self.parts.append(f"<!{decl}>")


def _attributes(attrs: list[tuple[str, str | None]]) -> str:
    return "".join(
        f" {name}" if value is None else f' {name}="{html_escaping.escape(value)}"'
        for name, value in attrs
    )


def flatten(page: str, limit: int = HTML_FLAT_DEPTH) -> str:
    """`page` rewritten so that no more than `limit` elements are ever open: past that depth an
    inline or unknown element is dropped (its text kept) and a block (`<p>`, `<div>`, ...) ends
    the deepest open element and opens in its place. Comments and processing instructions are
    dropped. Linear in the page's size (Python's event-based HTML parser keeps no tree)."""
    flattener = _Flattener(limit)
    flattener.feed(page)
    flattener.close()
    return "".join(flattener.parts)


def _depth(tree) -> int:
    """How deeply the elements of an lxml tree nest (one pass, no recursion)."""
    from lxml import etree  # lazy: only HTML pages need lxml

    deepest = level = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest


def page_tree(page: str):
    """The page parsed as trafilatura parses it; parsed again flattened when the parser stopped
    at its depth limit (what lay deeper, the article's text too, would be lost). None when it
    is not HTML at all."""
    import trafilatura  # lazy: heavy (lxml and its models), and only HTML pages need it

    tree = trafilatura.load_html(page)
    if tree is not None and _depth(tree) >= HTML_PARSER_MAX_DEPTH - 1:
        tree = trafilatura.load_html(flatten(page))
    return tree


def extract_html(html: str, source: str) -> Extracted:
    """The page's main content; boilerplate in its own DOM blocks is dropped by trafilatura."""
    import trafilatura  # lazy: heavy (lxml and its models), and only HTML pages need it

    tree = page_tree(html)
    document = None
    if tree is not None:
        elements = sum(1 for _ in tree.iter())
        document = trafilatura.bare_extraction(
            tree,
            fast=elements > HTML_FALLBACK_MAX_ELEMENTS,  # no quadratic fallback on huge pages
            include_comments=False,
            include_formatting=True,
            include_tables=False,
            with_metadata=True,
            output_format="python",
        )
    text = getattr(document, "text", None) if document is not None else None
    if not text or not text.strip():
        raise NoArticleBodyError(source, "an HTML page with no extractable article body")
    return Extracted(text, getattr(document, "title", None), getattr(document, "date", None))
