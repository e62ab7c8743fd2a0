"""Boilerplate removal for plain-text copies of news pages: every drop recorded with its rule.

Aggregator copies keep their navigation and widgets as lines of text inside the article, where
HTML extractors cannot see them. Each rule below names what it drops. This is the only stage
that removes text: what survives is the article's headline, body lines and subheadings.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from alliance_lib.text.dateline import publication_date
from alliance_lib.text.headings import (
    ends_like_a_sentence,
    is_subheading,
    is_title_like,
    opening_headline,
)
from alliance_lib.text.model import Removed
from alliance_lib.text.offsets import Line

_MARKDOWN_HEADING = re.compile(r"#{1,6}\s+")
_BREADCRUMB = re.compile(r"(?i)home\b(?=.*?(?:[>›»|/—–]|$))")
# Lines are normalised (single spaces), so one optional space each side is all a separator has;
# `\s*` there would rescan a run of spaces from each of its positions.
_TRAIL_SEPARATOR = re.compile(r" ?[>›»|/—–] ?")
_SHARE = re.compile(
    r"(?i)\d[\d,.]*\s*[km]?|(?:share|shares|tweet|email|e-mail|print|comments?|facebook|twitter|x"
    r"|linkedin|whatsapp|reddit|copy link|save)(?: this(?: article| story)?)?"
)
_ARTIFACT = re.compile(r"(?i)array|undefined|null|nan|none|\[object object\]|object|function")
_ADVERT = re.compile(r"(?i)advertisement|sponsored(?: content)?|ad|story continues below")
_FOOTER = re.compile(
    r"(?i)(?:follow us on|sign up for|subscribe (?:to|now)|copyright\b|©|all rights reserved)"
)
_RELATED = re.compile(r"(?i)(?:related|read also|see also|more|recommended|most read)\s*:")
_BYLINE = re.compile(
    r"(?:By|BY|Written by|Reporting by)\s+[A-Z][\w.’'-]*(?:\s+(?:[A-Z][\w.’'-]*|and|in|of|de|van|von))*"
)
# A stub and whatever punctuation follows it. `\W*` is what `(?:\.\.\.|…|\W)*` said, without
# the nested quantifier that made a failing match backtrack exponentially (`Read more………x`).
_CONTINUE = re.compile(
    r"(?i)(?:continue reading|read more|read the full (?:story|article)|keep reading"
    r"|click here to (?:continue|read more))\W*"
)
# The spaces before the stub are left out of the pattern (Line.slice trims them): a leading `\s*`
# would rescan every run of spaces from each of its positions.
_TRAILING_CONTINUE = re.compile(r"(?i)(?:continue reading|read more)\s*(?:\.\.\.|…)\s*$")
# A subheading glued to the end of a quotation: ...greater.”‘A Steadfast Ally’
# A full stop closing a line, before any closing quotation marks or brackets.
_FINAL_STOP = re.compile(r"\.(?=[\"”’')\]]*$)")
_GLUED_SUBHEADING = re.compile(r"(?<=[.!?][”\"])\s*([‘'\"“]?)([A-Z][^.!?“”\"]{1,80}?)([’'\"”]?)$")


@dataclass
class Cleaned:
    """Lines that survive the rules, and what the rules found."""

    lines: list[Line]
    headings: set[int] = field(default_factory=set)  # indexes into `lines` marked as headings
    removed: list[Removed] = field(default_factory=list)
    headline: str | None = None
    section: str | None = None
    published: date | None = None  # the day a standalone date line near the top names
    truncated: bool = False


def _drop(removed: list[Removed], raw: str, start: int, end: int, rule: str) -> None:
    """Record raw[start:end] as dropped by `rule`."""
    removed.append(Removed(start, end, raw[start:end], rule))


def remove_boilerplate(lines: list[Line], raw: str, title: str | None = None) -> Cleaned:
    """Apply the rules to `lines` (normalised lines of `raw`); `title` is a known headline, if any."""
    removed: list[Removed] = []
    pending: list[tuple[Line, bool]] = []  # (line, was a markdown heading)
    for line in lines:
        heading = _MARKDOWN_HEADING.match(line.text)
        if heading:
            _drop(
                removed, raw, line.raw_start, line.offsets[heading.end()], "markdown_heading_mark"
            )
            line = line.slice(heading.end(), len(line.text))
        pending.append((line, bool(heading)))

    cleaned = Cleaned(lines=[], removed=removed)
    headline = title
    # Breadcrumb: a "Home ..." trail among the first lines, often ending with the headline.
    for index, (line, _) in enumerate(pending[:3]):
        if _BREADCRUMB.match(line.text) and len(line.text.split()) <= 40:
            trail = line.text[4:].strip()
            for later, _ in pending[index + 1 : index + 4]:
                if len(later.text) > 10 and trail.endswith(later.text):
                    headline = headline or later.text
                    trail = trail[: -len(later.text)]
                    break
            parts = [p for p in _TRAIL_SEPARATOR.split(trail.strip()) if p]
            cleaned.section = parts[0] if parts else None
            _drop(removed, raw, line.raw_start, line.raw_end, "breadcrumb")
            del pending[index]
            break

    opening = 0  # lines of `pending` that open the article as its headline
    if headline is None and pending:
        opening = _opening_headline(pending)
        headline = " ".join(line.text for line, _ in pending[:opening]) or None
    elif headline:
        opening = _opening_match(pending, headline)
    cleaned.headline = headline

    body: list[tuple[Line, bool]] = []
    seen_headline = False
    headline_key = _headline_key(headline) if headline else None
    for index, (line, was_heading) in enumerate(pending):
        text = line.text
        if index < opening or (headline and _headline_key(text) == headline_key):
            rule = "repeated_headline" if seen_headline and index >= opening else "headline"
            _drop(removed, raw, line.raw_start, line.raw_end, rule)
            seen_headline = True
            continue
        rule = None
        if _SHARE.fullmatch(text):
            rule = "share_counter"
        elif _ARTIFACT.fullmatch(text):
            rule = "artifact"
        elif _ADVERT.fullmatch(text):
            rule = "advertisement"
        elif _FOOTER.match(text) and len(text.split()) <= 15:
            rule = "footer"
        elif _RELATED.match(text) and len(text.split()) <= 20:
            rule = "related_link"
        elif not body and _BYLINE.fullmatch(text) and len(text.split()) <= 10:
            rule = "byline"
        elif not body and (day := publication_date(text)) is not None:
            rule = "publication_date"
            cleaned.published = cleaned.published or day
        if rule:
            _drop(removed, raw, line.raw_start, line.raw_end, rule)
            continue
        body.append((line, was_heading))

    # A "Continue reading..." stub ends a truncated copy, as its own line or glued to the last one.
    while body and _CONTINUE.fullmatch(body[-1][0].text):
        stub_line = body.pop()[0]
        _drop(removed, raw, stub_line.raw_start, stub_line.raw_end, "continue_reading")
        cleaned.truncated = True
    if body:
        last, was_heading = body[-1]
        stub = _TRAILING_CONTINUE.search(last.text)
        if stub and stub.start() > 0:
            fragment = last.slice(stub.start(), len(last.text))
            _drop(removed, raw, fragment.raw_start, fragment.raw_end, "continue_reading")
            body[-1] = (last.slice(0, stub.start()), was_heading)
            cleaned.truncated = True

    for line, was_heading in body:
        for part, is_heading in [(line, True)] if was_heading else _split_glued(line, raw, removed):
            if is_heading:
                cleaned.headings.add(len(cleaned.lines))
            cleaned.lines.append(part)
    cleaned.removed.sort(key=lambda r: (r.start, r.end))
    return cleaned


def _headline_key(text: str) -> str:
    """A headline as compared with a line: any case, without a final full stop (archives add one
    to the title line: `Allies meet.` is the headline `Allies meet`)."""
    return _FINAL_STOP.sub("", text.casefold()).strip()


def _opening_block(pending: list[tuple[Line, bool]]) -> list[Line]:
    """The first line, with the next one when it carries on a `Headline;` as its deck."""
    first = pending[0][0]
    if len(pending) > 2 and first.text.endswith(";") and not pending[1][0].blank_before:
        return [first, pending[1][0]]
    return [first]


def _opening_match(pending: list[tuple[Line, bool]], headline: str) -> int:
    """How many opening lines are the known `headline` (a manifest's title, a page's): 0 to 2."""
    block = _opening_block(pending) if pending else []
    key = _headline_key(headline)
    for size in range(len(block), 0, -1):
        if _headline_key(" ".join(line.text for line in block[:size])) == key:
            return size
    return 0


def _opening_headline(pending: list[tuple[Line, bool]]) -> int:
    """How many opening lines are the article's headline, when no page or manifest gave one: a
    markdown heading; a line (not a byline or a date line) that does not end like prose (`text.headings.is_title_like`) nor
    like a sentence, and is not the first of a hard-wrapped sentence; or one that ends like a
    sentence and reads as a headline (`text.headings.opening_headline`)."""
    first, was_heading = pending[0]
    if was_heading:
        return 1
    if len(pending) < 2 or _byline_or_date(first.text):
        return 0
    following = pending[1][0]
    wrapped = not following.blank_before and following.text[:1].islower()
    if is_title_like(first.text) and not ends_like_a_sentence(first.text):
        return 0 if wrapped else 1
    block = _opening_block(pending)
    after = pending[len(block)][0] if len(pending) > len(block) else None
    if after is None:
        return 0
    texts = [line.text for line in block]
    byline = _byline_or_date(after.text)
    return len(block) if opening_headline(texts, after.blank_before, byline) else 0


def _byline_or_date(text: str) -> bool:
    """A byline or a date line (what the rules drop under a headline), never a headline itself."""
    return _BYLINE.fullmatch(text) is not None or publication_date(text) is not None


def _split_glued(line: Line, raw: str, removed: list[Removed]) -> list[tuple[Line, bool]]:
    """A line ending in a subheading glued to a quotation, as (body, False), (heading, True).

    The subheading's own quotation marks are dropped (rule `glued_subheading_marks`).
    """
    match = _glued_subheading(line.text)
    if not match or not is_subheading(match.group(2).strip()):
        return [(line, False)]
    for group in (1, 3):
        if match.group(group):
            mark = line.slice(match.start(group), match.end(group))
            _drop(removed, raw, mark.raw_start, mark.raw_end, "glued_subheading_marks")
    return [(line.slice(0, match.start()), False), (line.slice(match.start(2), match.end(2)), True)]


def _glued_subheading(text: str) -> re.Match[str] | None:
    """`_GLUED_SUBHEADING.search(text)`, tried only where a match can start.

    Nothing it matches after its lookbehind holds `.`, `!` or `?`, so a match starts two
    characters after the last of them, behind a closing mark: one attempt, not a scan of the line.
    """
    last = max(text.rfind("."), text.rfind("!"), text.rfind("?"))
    if last < 0 or text[last + 1 : last + 2] not in ("”", '"'):
        return None
    return _GLUED_SUBHEADING.search(text, last + 2)
