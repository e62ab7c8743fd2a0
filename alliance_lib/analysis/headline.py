"""The headline as a small article of its own, so a coder made for body sentences can read it.

The parser keeps the headline out of the article's text (it records its lines as removed, with
their offsets in the decoded input, rule "headline"). `headline_article` builds an `Article`
whose text is those lines, one sentence each, with the gazetteer's entities and offsets that map
back to the decoded input; its one attribution is the headline's own said-form ("Clinton Says
Russians Hacked DNC", or a person before a colon: "Lee: Plan Will Fail"; "Morning Email: ..." is
a label), whose subject voices the rest of the line. A headline the input does not hold (a
manifest's title) has no offsets and is not built.
"""

from __future__ import annotations

import re

from alliance_lib.text.entities import gazetteer_mentions
from alliance_lib.text.gazetteer import Gazetteer
from alliance_lib.text.model import Article, Attribution, Paragraph, Sentence, Span
from alliance_lib.text.offsets import OffsetMap

# A headline's said-form: its subject, then a reporting verb in title case or a colon.
_SAID = re.compile(
    r"^(?P<source>[A-Z][^:;,]{0,60}?)\s+(?P<cue>(?:Says|Said|Warns|Warned|Claims|Accuses|Blames"
    r"|Tells|Insists|Argues|Calls|Vows|Denies|Rejects|Dismisses))\b\s*(?P<content>.+)$"
    r"|^(?P<source2>[A-Z][^:;,]{0,40}):\s+(?P<content2>.+)$"
)


def headline_article(article: Article, gazetteer: Gazetteer) -> Article | None:
    """The headline's lines as an article (None when the input holds no headline line)."""
    lines = [r for r in article.removed if r.rule == "headline" and r.text.strip()]
    if not lines:
        return None
    offsets = OffsetMap()
    sentences = []
    parts = []
    at = 0
    for k, line in enumerate(lines):
        if k:
            parts.append(" ")
            offsets.extend(range(lines[k - 1].end - 1, lines[k - 1].end))
            at += 1
        text = line.text
        span = line.end - line.start
        # a line repaired to another length maps each character to the line's start
        offsets.extend(
            range(line.start, line.start + len(text))
            if len(text) == span
            else [line.start] * len(text)
        )
        sentences.append(Sentence(at, at + len(text), text, 0))
        parts.append(text)
        at += len(text)
    text = "".join(parts)
    paragraphs = (Paragraph(0, len(text), text, "body"),)
    entities = gazetteer_mentions(text, gazetteer, sentences)
    attributions = []
    for number, sentence in enumerate(sentences):
        said = _SAID.match(sentence.text)
        if said is None:
            continue
        source_group = "source" if said.group("source") else "source2"
        content_group = "content" if said.group("content") else "content2"
        base = sentence.start
        source = Span(
            base + said.start(source_group), base + said.end(source_group), said.group(source_group)
        )
        content = Span(
            base + said.start(content_group),
            base + said.end(content_group),
            said.group(content_group),
        )
        cue = (
            Span(base + said.start("cue"), base + said.end("cue"), said.group("cue"))
            if said.group("cue")
            else None
        )
        person = next(
            (
                e
                for e in entities
                if e.type == "person" and source.start <= e.start and e.end <= source.end
            ),
            None,
        )
        if cue is None and person is None:
            continue  # "Morning Email: ...", "Analysis: ...": a label, not a speaker
        attributions.append(
            Attribution(
                "indirect",
                content,
                source,
                cue,
                person.id if person is not None else None,
                "named" if person is not None else "descriptive",
                number,
            )
        )
    return Article(
        source=article.source,
        headline=None,
        section=None,
        truncated=False,
        text=text,
        paragraphs=paragraphs,
        sentences=tuple(sentences),
        quotes=(),
        entities=tuple(entities),
        claims=(),
        removed=(),
        source_text=article.source_text,
        reference_date=article.reference_date,
        attributions=tuple(attributions),
        _offsets=offsets,
    )
