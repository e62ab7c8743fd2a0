"""HTML pages: recognise one, and extract its main content with trafilatura."""

from __future__ import annotations

import re
from dataclasses import dataclass

from alliance_lib.errors import NoArticleBodyError

_HTML_START = re.compile(r"\s*(?:<!doctype\s+html|<html\b|<\?xml[^>]*>\s*<html\b)", re.IGNORECASE)
# `[^<>]*`, not `[^>]*`: a tag never holds "<", and each failed attempt stops at the next one
# (with `[^>]*`, 10,000 unclosed "<p" rescanned to the end of the sniffed text each: n^2).
_HTML_TAGS = re.compile(r"<(?:p|div|body|article|h[1-6]|span|br|section)\b[^<>]*>", re.IGNORECASE)


@dataclass(frozen=True)
class Extracted:
    text: str  # markdown-ish text: "# title" and "## subheading" lines, paragraphs between blank lines
    title: str | None
    date: str | None  # publication date (YYYY-MM-DD) from the page's metadata


def looks_like_html(text: str) -> bool:
    """An HTML document, or text with several block-level tags."""
    return bool(_HTML_START.match(text[:1024])) or len(_HTML_TAGS.findall(text[:20000])) >= 3


def extract_html(html: str, source: str) -> Extracted:
    """The page's main content; boilerplate in its own DOM blocks is dropped by trafilatura."""
    import trafilatura  # lazy: heavy (lxml and its models), and only HTML pages need it

    document = trafilatura.bare_extraction(
        html,
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
