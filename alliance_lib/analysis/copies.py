"""Wire copies: one story run by several outlets (or twice by one, updated), found as near-identical
texts, so that notebook 05's tests of difference count each story once.

An article's text is cut into shingles, every run of `COPY_SHINGLE_WORDS` words (any case);
two articles are copies when the Jaccard similarity of their shingle sets, |A & B| / |A | B|,
is at least `COPY_JACCARD`. Candidates come from MinHash locality-sensitive hashing
(datasketch) and are confirmed on the exact sets (of 32-bit shingle hashes). Articles are taken
in the order given and only the first of each group is indexed: each later article is one
look-up, so the work stays linear in the corpus, even for a thousand copies of one story.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from alliance_lib.config import (
    COPY_CANDIDATE_JACCARD,
    COPY_JACCARD,
    COPY_PERMUTATIONS,
    COPY_SEED,
    COPY_SHINGLE_WORDS,
)

_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Copy:
    """An article found to be a copy of an earlier one (`kept`: the first of its group)."""

    article: str
    kept: str
    jaccard: float  # with the kept article, on the exact shingle sets


def shingle_hashes(text: str, width: int = COPY_SHINGLE_WORDS) -> np.ndarray:
    """The distinct 32-bit hashes (SHA-1 based, the same on every machine) of the text's runs of
    `width` words, lower case; a text shorter than that is one shingle; no words, none."""
    # every notebook kernel imports this module (through report.prose), and datasketch
    # imports scipy, half a second; only notebook 05 and corpus mode look for copies
    from datasketch.hashfunc import sha1_hash32  # lazy: see above

    words = _WORD.findall(text.casefold())
    runs = max(1, len(words) - width + 1) if words else 0
    hashes = [sha1_hash32(" ".join(words[i : i + width]).encode("utf-8")) for i in range(runs)]
    return np.unique(np.array(hashes, dtype=np.uint32))


def _jaccard(a: np.ndarray, b: np.ndarray) -> float:
    common = np.intersect1d(a, b, assume_unique=True).size
    return common / (a.size + b.size - common)


def find_copies(texts: Iterable[tuple[str, str]], threshold: float = COPY_JACCARD) -> list[Copy]:
    """The articles of `texts` ((id, text) pairs, the one to keep of each group first) that copy
    an earlier one: each names the earliest kept article it shares at least `threshold` of its
    shingles with (the most similar when several)."""
    from datasketch import MinHash, MinHashLSH  # lazy: datasketch imports scipy (shingle_hashes)

    index = MinHashLSH(threshold=COPY_CANDIDATE_JACCARD, num_perm=COPY_PERMUTATIONS)
    kept: dict[str, np.ndarray] = {}
    order: dict[str, int] = {}
    copies = []
    for key, text in texts:
        hashes = shingle_hashes(text)
        if hashes.size == 0:
            continue
        sketch = MinHash(num_perm=COPY_PERMUTATIONS, seed=COPY_SEED, hashfunc=int)
        sketch.update_batch(hashes.tolist())
        scored = [(_jaccard(hashes, kept[other]), other) for other in index.query(sketch)]
        matches = [(score, other) for score, other in scored if score >= threshold]
        if matches:
            score, other = max(matches, key=lambda m: (m[0], -order[m[1]]))
            copies.append(Copy(key, other, score))
            continue
        order[key] = len(order)
        kept[key] = hashes
        index.insert(key, sketch)
    return copies
