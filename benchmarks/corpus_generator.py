"""Synthetic news articles about the Jan 2023 summit, in four outlet styles, for corpus mode.

    python benchmarks/corpus_generator.py demo data/demo_corpus        # notebook 05's demo corpus
    python benchmarks/corpus_generator.py bench DIR --articles 100000  # the scale benchmark's corpus

Everything is written from the templates below with a seeded random generator, so the same
command always writes the same bytes. The articles are synthetic: the officials' lines are
invented in the register of the coverage, the analysts are fictional, and the only figures
are those `data/` sources (43 trillion yen: MOD_DBP_XIII; 2 percent of GDP: the NSS target;
doubling over five years: the FY2023-27 plan). `bench` adds a share of bad files (empty,
binary, undecodable, not an article, oversized) and varies lengths from 3 to 60 paragraphs.
"""

from __future__ import annotations

import argparse
import html
import random
from datetime import date, timedelta
from pathlib import Path

SEED = 20230113
FIRST_DAY = date(2023, 1, 10)

# Paragraph pools. Each outlet draws most of its body from its focus pool, so the outlets differ
# (as coverage does) in whom they quote, which threats they name and which frames they use.
SHARED = [
    "The two leaders met at the White House and agreed to modernize an alliance that has anchored security in the Indo-Pacific for decades.",
    "Japan plans to double its defense spending over five years, raising it to 2 percent of GDP.",
    "The plan would spend about 43 trillion yen on defense in the five years through fiscal 2027.",
    "“We are modernizing our military alliance,” Biden said.",
    "“Japan will fundamentally reinforce its defense capabilities,” Kishida told reporters.",
    "The leaders also agreed to extend their mutual defense treaty to attacks in outer space.",
]
FOCUS = {
    "china": [
        "Officials in both capitals pointed to China's growing military pressure around Taiwan.",
        "“China poses the greatest strategic challenge to our shared security,” said Defense Secretary Lloyd Austin.",
        "Chinese coercion in the East China Sea was a central concern of the talks.",
        "Beijing has expanded its navy faster than any other power, analysts say.",
        "“The threat from China is no longer theoretical,” analyst Mary Okafor said.",
        "The Senkaku Islands, claimed by China, remain a flashpoint.",
    ],
    "north_korea": [
        "North Korea fired another ballistic missile toward the Sea of Japan this week.",
        "“North Korean missile launches are a direct threat to the region,” analyst Kenji Sato said.",
        "Pyongyang has tested more missiles in the past year than ever before.",
        "“We will not accept North Korea's provocations,” said Secretary of State Antony Blinken.",
        "South Korea's government welcomed the agreement as a step toward deterrence.",
    ],
    "economy": [
        "The plan will require new taxes, and the government has not said how it will cover the costs.",
        "Economists warned that the budget increase would strain public finances.",
        "“Someone has to pay for deterrence, and it will be taxpayers,” economist Ana Lindqvist said.",
        "The spending increase is the largest in the country's post-war history.",
        "Polls show voters divided over how to pay for the new budget.",
        "Defense contractors in both countries expect new orders for missiles and radar.",
    ],
    "alliance": [
        "“This is a historic moment for our alliance,” said Defense Secretary Lloyd Austin.",
        "“The alliance has never been stronger,” Hamada Yasukazu said.",
        "The agreement marks Japan's biggest shift in security policy since World War II.",
        "US Marines on Okinawa will be restructured into a more mobile force.",
        "Russia's invasion of Ukraine sharpened Tokyo's sense of danger, officials said.",
        "“Our partnership is built on shared values of democracy and the rule of law,” analyst Daniel Reyes said.",
    ],
}
HEADLINES = [
    "Biden and Kishida agree to modernize alliance",
    "Japan and US deepen security ties at White House summit",
    "Kishida pledges stronger defense in talks with Biden",
    "Allies extend defense treaty to space",
    "Japan's defense build-up takes center stage in Washington",
]
# outlet -> (layout, weights of the focus pools)
OUTLETS = {
    "pacific-wire": ("wire", {"alliance": 3, "china": 1, "north_korea": 1, "economy": 1}),
    "harbor-times": ("html", {"china": 8, "alliance": 2, "north_korea": 1, "economy": 1}),
    "capital-ledger": ("dated", {"economy": 8, "alliance": 2, "china": 1, "north_korea": 1}),
    "eastern-post": ("breadcrumb", {"north_korea": 8, "alliance": 2, "china": 1, "economy": 1}),
}
EXTENSIONS = {"wire": "txt", "html": "html", "dated": "txt", "breadcrumb": "txt"}


def _body(rng: random.Random, weights: dict[str, int], paragraphs: int) -> list[str]:
    """`paragraphs` paragraphs: shared lines first, then focus lines (no repeats until all are used)."""
    shared = SHARED[:]
    rng.shuffle(shared)
    body = shared[: rng.randint(2, len(SHARED))]
    left = {pool: FOCUS[pool][:] for pool in weights}
    while len(body) < paragraphs:
        pools = [p for p in weights if left[p]] or list(weights)
        pool = rng.choices(pools, weights=[weights[p] for p in pools])[0]
        if not left[pool]:
            left[pool] = FOCUS[pool][:]  # long articles: every line used, start again
        body.append(left[pool].pop(rng.randrange(len(left[pool]))))
    return body


def _render(layout: str, outlet: str, headline: str, day: date, body: list[str]) -> str:
    """The article as its outlet lays it out (see the layouts of `tests/fixtures/`)."""
    name = outlet.replace("-", " ").title()
    if layout == "wire":
        lead = f"WASHINGTON ({name}) - {body[0]}"
        return "\n\n".join([headline, f"{day:%B} {day.day}, {day.year}", lead, *body[1:]]) + "\n"
    if layout == "dated":
        tail = ["Share this article", "Advertisement"]
        return (
            "\n\n".join([headline, "By Staff Writer", f"{day.day} {day:%B %Y}", *body, *tail])
            + "\n"
        )
    if layout == "breadcrumb":
        return (
            "\n".join(["Home > World > Asia", headline, day.isoformat(), ""])
            + "\n\n".join(body)
            + "\n"
        )
    paragraphs = "\n".join(f"<p>{html.escape(p, quote=False)}</p>" for p in body)
    title = html.escape(headline)
    return (
        f'<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{title} | {name}</title>\n"
        f'<meta property="article:published_time" content="{day.isoformat()}T09:00:00Z">\n'
        f'</head>\n<body>\n<nav><a href="/">Home</a> &gt; <a href="/world">World</a></nav>\n'
        f"<article>\n<h1>{title}</h1>\n{paragraphs}\n</article>\n"
        f"<footer><p>Copyright {day.year} {name}. All rights reserved.</p></footer>\n"
        f"</body>\n</html>\n"
    )


def article(rng: random.Random, outlet: str, paragraphs: int) -> tuple[date, str, str]:
    """(publication day, file extension, text) of one synthetic article from `outlet`."""
    layout, weights = OUTLETS[outlet]
    day = FIRST_DAY + timedelta(days=rng.randint(0, 9))
    text = _render(layout, outlet, rng.choice(HEADLINES), day, _body(rng, weights, paragraphs))
    return day, EXTENSIONS[layout], text


GALLERY = "<html><head><title>Photos</title></head><body><nav>Home</nav><div class='gallery'><img src='1.jpg'><img src='2.jpg'></div></body></html>\n"


def write_demo(folder: Path, per_outlet: int = 12) -> int:
    """The demo corpus: `per_outlet` articles in each outlet's folder, and one photo page."""
    rng = random.Random(SEED)
    count = 0
    for outlet in OUTLETS:
        for index in range(per_outlet):
            day, extension, text = article(rng, outlet, rng.randint(5, 12))
            path = folder / outlet / f"{day.isoformat()}-{index:02d}.{extension}"
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            count += 1
    (folder / "eastern-post" / "2023-01-14-photos.html").write_text(GALLERY, encoding="utf-8")
    return count + 1


BAD_KINDS = ("empty", "binary", "undecodable", "not_article")


def _bad_file(rng: random.Random, kind: str) -> tuple[str, bytes]:
    if kind == "empty":
        return "txt", b""
    if kind == "binary":
        return "txt", bytes(rng.randrange(256) for _ in range(2048))
    if kind == "undecodable":
        return "txt", b"\xff\xfe" + b"\x00\xd8" * 64 + b"\x41"  # a UTF-16 BOM, then broken text
    return "html", GALLERY.encode("utf-8")


def write_bench(folder: Path, articles: int, bad_share: float = 0.03, oversized: int = 2) -> int:
    """`articles` files (a `bad_share` of them bad, `oversized` over the size cap) in 1,000s per folder."""
    rng = random.Random(SEED + articles)
    outlets = list(OUTLETS)
    for index in range(articles):
        outlet = outlets[index % len(outlets)]
        path = folder / outlet / f"{index // 1000:03d}"
        path.mkdir(parents=True, exist_ok=True)
        if index < oversized:
            (path / f"{index:06d}.txt").write_bytes(b"word " * 1_100_000)
        elif rng.random() < bad_share:
            extension, data = _bad_file(rng, rng.choice(BAD_KINDS))
            (path / f"{index:06d}.{extension}").write_bytes(data)
        else:
            paragraphs = int(min(60, 3 + rng.expovariate(1 / 9)))  # mostly short, some long
            _, extension, text = article(rng, outlet, paragraphs)
            (path / f"{index:06d}.{extension}").write_text(text, encoding="utf-8")
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("mode", choices=["demo", "bench"])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--articles", type=int, default=100_000)
    parser.add_argument("--bad-share", type=float, default=0.03)
    args = parser.parse_args()
    if args.mode == "demo":
        count = write_demo(args.folder)
    else:
        count = write_bench(args.folder, args.articles, args.bad_share)
    print(f"wrote {count:,} files under {args.folder}")


if __name__ == "__main__":
    main()
