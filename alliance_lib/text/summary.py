"""A readable plain-text summary of an Article (what `alliance parse` prints)."""

from __future__ import annotations

from collections import Counter

from alliance_lib.text.model import Article


def structure_summary(article: Article) -> str:
    """Headline, section, truncation and counts: the article's shape in a few lines."""
    body = sum(p.kind == "body" for p in article.paragraphs)
    subheadings = [p.text for p in article.paragraphs if p.kind == "subheading"]
    lines = [
        f"headline:   {article.headline or '(none found)'}",
        f"section:    {article.section or '(none)'}",
        f"truncated:  {'yes (ends in a continue-reading stub)' if article.truncated else 'no'}",
        f"structure:  {body} body paragraphs, {len(subheadings)} subheadings, "
        f"{len(article.sentences)} sentences, {len(article.text)} characters",
    ]
    if subheadings:
        lines.append("subheadings: " + "; ".join(subheadings))
    lines.append(
        f"found:      {len(article.quotes)} quotations, {len(article.entities)} entity mentions, "
        f"{len(article.claims)} claims"
    )
    return "\n".join(lines)


def summarize(article: Article) -> str:
    """Headline, structure, removed boilerplate, quotes by speaker, entities and claims."""
    names = article.entity_names()
    lines = [f"source:     {article.source}", structure_summary(article)]
    lines.append(f"removed:    {len(article.removed)} items")
    for rule, count in sorted(Counter(r.rule for r in article.removed).items()):
        lines.append(f"  {rule:<24} {count}")
    lines.append(f"quotes:     {len(article.quotes)}")
    for quote in article.quotes:
        speaker = names.get(quote.speaker, quote.speaker) if quote.speaker else "(unattributed)"
        flag = ", partial" if quote.partial else ""
        snippet = quote.text if len(quote.text) <= 70 else quote.text[:67] + "..."
        lines.append(f"  [{speaker}; {quote.attribution}{flag}] {snippet}")
    counts = Counter((e.type, e.id) for e in article.entities)
    lines.append(f"entities:   {len(article.entities)} mentions of {len(counts)} entities")
    for (kind, entity_id), count in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])):
        lines.append(f"  {kind:<12} {entity_id:<16} {names.get(entity_id, ''):<28} {count}")
    lines.append(f"claims:     {len(article.claims)}")
    for claim in article.claims:
        unit = f" {claim.unit}" if claim.unit else ""
        lines.append(f"  {claim.type:<18} {claim.value!s:<12}{unit:<16} <- {claim.text!r}")
    return "\n".join(lines)
