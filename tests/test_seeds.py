"""The seed is a byte-identical, hash-checked copy; the code never writes under seeds/ or data/."""

from __future__ import annotations

import hashlib
import re

from alliance_lib.config import PROJECT_ROOT, SEEDS_DIR


def test_seed_hashes_match_the_manifest():
    manifest = (SEEDS_DIR / "MANIFEST.md").read_text(encoding="utf-8")
    rows = re.findall(r"\| `([^`]+)` \| `([0-9a-f]{64})` \|", manifest)
    assert rows, "the manifest lists no seed"
    for name, digest in rows:
        assert hashlib.sha256((SEEDS_DIR / name).read_bytes()).hexdigest() == digest, name


def test_seed_is_identical_to_the_shared_copy_when_present():
    shared = PROJECT_ROOT.parent / "shared" / "seeds" / "000_eb6496a230f35a9b.txt"
    if shared.exists():
        assert shared.read_bytes() == (SEEDS_DIR / shared.name).read_bytes()
