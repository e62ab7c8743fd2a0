"""Notebook 02's peers when `peers` is `auto`: the rule documented in data/peers.yaml.

A country with a fixed set there gets it. Any other has its groups: its region and the
alliances listing it. Its peers, up to `max_peers` countries the chosen edition holds: the
largest spenders of its groups first (at most `max_partners`; for Germany the United Kingdom,
France, Italy and Poland), then its other partners nearest first to its own latest share of GDP,
then the world's largest spenders if room is left.
"""

from __future__ import annotations

from dataclasses import dataclass

from alliance_lib.analysis.reference_data import countries_in, country_share, peer_rules


@dataclass(frozen=True)
class Peers:
    """The peers chosen for a focus country (sorted ISO3 codes) and the rule in words."""

    codes: tuple[str, ...]
    reason: str


def groups_of(focus: str) -> list[str]:
    """The names of the focus country's groups: its region first, then its alliances."""
    rules = peer_rules()
    region = rules.region_of(focus)
    alliances = [name for name, members in rules.groups.items() if focus in members]
    return ([region] if region else []) + alliances


def partners(focus: str, edition: str) -> tuple[list[str], list[str]]:
    """The focus country's group partners the edition holds, largest spenders first (the
    order of `spending_rank`; countries missing from it last, by code), and its groups' names."""
    rules = peer_rules()
    held = countries_in(edition)
    names = groups_of(focus)
    members = {**rules.regions, **rules.groups}
    found = {c for name in names for c in members[name] if c != focus and c in held}
    rank = {code: k for k, code in enumerate(rules.rank)}
    return sorted(found, key=lambda c: (rank.get(c, len(rank)), c)), names


def _nearest(focus: str, edition: str, codes: list[str]) -> list[str]:
    """`codes` nearest first to the focus country's latest share of GDP (ties by code)."""
    own = country_share(focus, edition)
    if own.empty:
        return sorted(codes)
    level = float(own.iloc[-1])

    def distance(code: str) -> float:
        series = country_share(code, edition)
        return abs(float(series.iloc[-1]) - level) if not series.empty else float("inf")

    return sorted(codes, key=lambda c: (distance(c), c))


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
    ranked, groups = partners(focus, edition)
    chosen = ranked[: rules.max_partners]
    rest = [c for c in ranked if c not in chosen]
    chosen += _nearest(focus, edition, rest)[: max(0, rules.max_peers - len(chosen))]
    largest = [c for c in rules.largest if c in held and c != focus and c not in chosen]
    chosen += largest[: max(0, rules.max_peers - len(chosen))]
    name = names.get(focus, focus)
    if not groups:
        return Peers(
            tuple(sorted(chosen)),
            f"{name} is in no group in data/peers.yaml: the largest spenders the edition holds",
        )
    return Peers(
        tuple(sorted(chosen)),
        f"{name}'s groups ({', '.join(groups)}): their largest spenders first (at most "
        f"{rules.max_partners}), then the partners nearest to its share of GDP, then the "
        f"world's largest spenders, at most {rules.max_peers} in all (data/peers.yaml)",
    )
