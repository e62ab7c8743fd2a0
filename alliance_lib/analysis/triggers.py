"""Trigger words: the literal text every match of a regular expression must contain, indexed in
one Aho-Corasick automaton so that a sentence runs only the patterns whose triggers it holds.

`required_literals` reads a pattern's syntax tree (the standard library's own parser, which
`re.compile` uses) and returns a set of literal strings one of which every match contains:
the longest run of literal characters the pattern requires, or for an alternative the union of
each branch's. A pattern with none (`\\d+`, `[A-Z]\\w+`) cannot be gated; `TriggerIndex` refuses
it. Case-insensitive patterns are matched against lower-cased text, so literals are lower-cased.
One pass of the automaton per sentence: linear in the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

# the parser `re` itself uses: Python 3.11+ (which the project requires) names it re._parser
from re import _constants as _c  # type: ignore[attr-defined]
from re import _parser as _sre  # type: ignore[attr-defined]
from typing import Any

import ahocorasick

_REPEATS = tuple(
    getattr(_c, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_c, name)
)


def _best(first: frozenset[str] | None, second: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two trigger sets: the one whose shortest literal is longer."""
    if not second:
        return first
    if not first:
        return second
    return second if min(map(len, second)) > min(map(len, first)) else first


def _required(items: Iterable[tuple[Any, Any]]) -> frozenset[str] | None:
    """Literals one of which every match of the sequence `items` contains, or None."""
    best: frozenset[str] | None = None
    run: list[str] = []
    for op, value in items:
        if op is _c.LITERAL:
            run.append(chr(value).lower())
            continue
        if run:
            best = _best(best, frozenset({"".join(run)}))
            run = []
        if op is _c.SUBPATTERN:
            best = _best(best, _required(value[-1]))
        elif op is getattr(_c, "ATOMIC_GROUP", None):
            best = _best(best, _required(value))
        elif op is _c.BRANCH:
            branches = [_required(branch) for branch in value[1]]
            if branches and all(branches):
                best = _best(best, frozenset().union(*branches))  # type: ignore[arg-type]
        elif op in _REPEATS and value[0] >= 1:
            best = _best(best, _required(value[2]))
    if run:
        best = _best(best, frozenset({"".join(run)}))
    return best


def required_literals(pattern: str, flags: int = re.IGNORECASE) -> frozenset[str] | None:
    """Lower-cased literals one of which every match of `pattern` contains (None if it has none).

    >>> sorted(required_literals(r"defen[cs]e (?:spending|budgets?)"))
    ['budget', 'spending']
    """
    return _required(_sre.parse(pattern, flags))


class TriggerIndex:
    """Keys (any hashable: a pattern's name) gated by their patterns' trigger literals."""

    def __init__(self, patterns: Iterable[tuple[object, str]]) -> None:
        """`patterns`: (key, pattern) pairs; ValueError names the first pattern with no literal."""
        gates: dict[str, set[object]] = {}
        for key, pattern in patterns:
            literals = required_literals(pattern)
            if not literals:
                raise ValueError(f"pattern {pattern!r} holds no literal word to index")
            for literal in literals:
                gates.setdefault(literal, set()).add(key)
        self._automaton = ahocorasick.Automaton()
        for literal, keys in gates.items():
            self._automaton.add_word(literal, frozenset(keys))
        if gates:
            self._automaton.make_automaton()
        self._empty = not gates

    def keys(self, text: str) -> set[object]:
        """The keys whose triggers the (lower-cased) `text` holds."""
        found: set[object] = set()
        if self._empty:
            return found
        for _, keys in self._automaton.iter(text.lower()):
            found |= keys
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._automaton.keys()) if not self._empty else iter(())
