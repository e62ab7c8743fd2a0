"""The terminal progress bar of a corpus run: articles done / total, rate, errors so far (tqdm)."""

from __future__ import annotations

import sys
from typing import TextIO

from tqdm import tqdm


class Progress:
    """A bar on stderr, drawn only when stderr is a terminal unless `enabled` says otherwise."""

    def __init__(self, total: int, enabled: bool | None = None, stream: TextIO | None = None):
        self.errors = 0
        self._bar = tqdm(
            total=total,
            unit="article",
            desc="parsing",
            file=stream or sys.stderr,
            disable=None if enabled is None else not enabled,
            mininterval=0.5,
            dynamic_ncols=True,
            postfix={"errors": 0},
        )

    def update(self, articles: int, errors: int) -> None:
        """Count a finished batch of `articles` items, `errors` of which failed."""
        self.errors += errors
        if errors:
            self._bar.set_postfix(errors=self.errors, refresh=False)
        self._bar.update(articles)

    def close(self) -> None:
        self._bar.close()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc) -> None:
        self.close()
