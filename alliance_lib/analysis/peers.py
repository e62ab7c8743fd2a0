"""Notebook 02's peers when `peers` is `auto`: the rule documented in data/peers.yaml.

A country with a fixed set there gets it; any other gets up to `max_partners` partners from its
groups (nearest first to its own latest share of GDP), then the largest spenders, then further
partners, up to `max_peers`, only countries the chosen edition holds.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_lib.analysis.reference_data import countries_in, country_share, peer_rules


@dataclass(frozen=True)
class Peers:
    """The peers chosen for a focus country (sorted ISO3 codes) and the rule in words."""

    codes: tuple[str, ...]
    reason: str


def partners(focus: str, edition: str) -> tuple[list[str], list[str]]:
    """The focus country's group partners the edition holds, nearest first to its latest share
    of GDP (ties by code), and the names of the groups they come from."""
    rules = peer_rules()
    held = countries_in(edition)
    groups = [name for name, members in rules.groups.items() if focus in members]
    codes = sorted({c for name in groups for c in rules.groups[name] if c != focus and c in held})
    own = country_share(focus, edition)
    if own.empty:
        return codes, groups
    level = float(own.iloc[-1])

    def distance(code: str) -> float:
        series = country_share(code, edition)
        return abs(float(series.iloc[-1]) - level) if not series.empty else float("inf")

    return sorted(codes, key=lambda c: (distance(c), c)), groups


def auto_peers(focus: str, edition: str, names: dict[str, str]) -> Peers:
    """The peers of `focus` in `edition` by data/peers.yaml's rule, with the reason in words."""
    rules = peer_rules()
    held = countries_in(edition)
    if focus in rules.fixed:
        members, reason = rules.fixed[focus]
        codes = tuple(sorted(c for c in members if c in held and c != focus))
        return Peers(
            codes, f"the fixed set for {names.get(focus, focus)} in data/peers.yaml: {reason}"
        )
    near, groups = partners(focus, edition)
    chosen = near[: rules.max_partners]
    largest = [c for c in rules.largest if c in held and c != focus and c not in chosen]
    chosen += largest[: max(0, rules.max_peers - len(chosen))]
    chosen += [c for c in near if c not in chosen][: max(0, rules.max_peers - len(chosen))]
    name = names.get(focus, focus)
    if not groups:
        return Peers(
            tuple(sorted(chosen)),
            f"{name} is in no group in data/peers.yaml: the largest spenders the edition holds",
        )
    return Peers(
        tuple(sorted(chosen)),
        f"{name}'s partners in {' and '.join(groups)}, nearest to its share of GDP first (at most "
        f"{rules.max_partners}), then the largest spenders, at most {rules.max_peers} in all "
        "(data/peers.yaml)",
    )
