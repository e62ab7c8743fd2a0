"""Clauses of a sentence: moved to `alliance_lib.text.clauses` (issue 20: the parser reads each
spending claim's owner in its clause); this name stays so that the analyses importing it keep
working. New code imports `alliance_lib.text.clauses`."""

from alliance_lib.text.clauses import Clause, ClauseIndex, split_clauses

__all__ = ["Clause", "ClauseIndex", "split_clauses"]
