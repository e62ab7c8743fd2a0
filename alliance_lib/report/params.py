"""Checks for notebook parameters: each failure is a ParameterError naming the parameter.

Every notebook's parameter cell is followed by calls into this module, so a bad `-p` value
stops the notebook at once with a one-line message, before anything is computed or written.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from alliance_lib.analysis.focus import Focus, choose_focus
from alliance_lib.analysis.peers import auto_peers
from alliance_lib.analysis.reference_data import (
    EDITIONS,
    countries_in,
    country_share,
    editions_holding,
)
from alliance_lib.analysis.spending import SpendingParameters
from alliance_lib.config import (
    DEFAULT_FOCUS_COUNTRY,
    resolve,
)
from alliance_lib.errors import ArticleError, DataError, ParameterError
from alliance_lib.report.output_folder import notebook_folder
from alliance_lib.text.dates import reference_day
from alliance_lib.text.model import Article
from alliance_lib.text.pipeline import load_article

T = TypeVar("T")


def integer(name: str, value: object, low: int | None = None, high: int | None = None) -> int:
    """A whole number within [low, high]."""
    if isinstance(value, bool) or not isinstance(value, int):
        raise ParameterError(name, f"expected a whole number, got {value!r}")
    if (low is not None and value < low) or (high is not None and value > high):
        raise ParameterError(name, f"{value} is out of range [{low}, {high}]")
    return value


def number(name: str, value: object, low: float, high: float, *, open_low: bool = False) -> float:
    """A number within [low, high] (or (low, high] when `open_low`); never NaN."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise ParameterError(name, f"expected a number, got {value!r}")
    if value < low or value > high or (open_low and value == low):
        bracket = "(" if open_low else "["
        raise ParameterError(name, f"{value} is out of range {bracket}{low}, {high}]")
    return float(value)


def existing_file(name: str, value: object) -> Path:
    """An existing file; relative paths start at the project root."""
    if not isinstance(value, str) or not value.strip():
        raise ParameterError(name, f"expected a file path, got {value!r}")
    path = resolve(value)
    if not path.exists():
        raise ParameterError(name, f"{path} does not exist")
    if not path.is_file():
        raise ParameterError(name, f"{path} is not a file")
    return path


def article(name: str, value: object, reference_date: str | None = None) -> Article:
    """Load the article named by parameter `name`; any article problem is reported against it."""
    path = existing_file(name, value)
    try:
        return load_article(path, reference_date=reference_date)
    except ArticleError as exc:
        raise ParameterError(name, exc.problem if exc.source == str(path) else str(exc)) from None


def iso_date(name: str, value: object) -> str | None:
    """An optional YYYY-MM-DD date in the supported range; the empty string means none."""
    if value in ("", None):
        return None
    if not isinstance(value, str):
        raise ParameterError(name, f"{value!r} is not a YYYY-MM-DD date")
    try:
        return reference_day(value).isoformat()
    except ValueError as exc:
        raise ParameterError(name, str(exc)) from None


def output_directory(value: object, name: str = "output_dir") -> Path:
    """The (created) output folder for parameter `name`, by the rules of `alliance run
    --output` (`output_folder.notebook_folder`); relative paths start at the project root."""
    return notebook_folder(value, name)


def data_file(name: str, value: object, loader: Callable[[Path], T]) -> T:
    """Load a codebook or annotation named by parameter `name`; its problems are reported against it."""
    path = existing_file(name, value)
    try:
        return loader(path)
    except DataError as exc:
        raise ParameterError(name, str(exc)) from None


def is_auto(value: object) -> bool:
    """Whether a parameter asks for the automatic choice: `auto`, any case, spaces around."""
    return isinstance(value, str) and value.strip().lower() == "auto"


def focus_choice(value: object, article: Article | None, edition: str) -> Focus:
    """The focus country: `auto` chooses it from the article (`analysis.focus`), an ISO3 code
    must be in the data and in the chosen edition; ParameterError naming `focus_country`."""
    names = countries_in()
    if not isinstance(value, str) or not value.strip():
        raise ParameterError("focus_country", f"expected an ISO3 code or 'auto', got {value!r}")
    if is_auto(value):
        if article is None:
            chosen = Focus(DEFAULT_FOCUS_COUNTRY, "default", "no article given; the default")
        else:
            chosen = choose_focus(article, set(countries_in(edition)), names)
        return chosen
    code = value.strip().upper()
    if code not in names:
        raise ParameterError(
            "focus_country",
            f"{code!r} is not in the data; the data cover {', '.join(sorted(names))}",
        )
    if code not in countries_in(edition):
        raise ParameterError(
            "focus_country",
            f"{code} ({names[code]}) has no figures in {edition}; "
            f"choose sipri_edition {' or '.join(editions_holding(code))}",
        )
    return Focus(code, "parameter", f"set by the focus_country parameter ({names[code]})")


def spending_parameters(
    *,
    sipri_edition: object,
    peers: object,
    base_year: object,
    target_share: object,
    target_year: object,
    nominal_gdp_growth_pct: object,
    focus_country: object = DEFAULT_FOCUS_COUNTRY,
    article: Article | None = None,
) -> SpendingParameters:
    """Check notebook 02's parameters against each other and the data; ParameterError otherwise."""
    if sipri_edition not in EDITIONS:
        raise ParameterError(
            "sipri_edition",
            f"unknown edition {sipri_edition!r}; choose one of {', '.join(EDITIONS)}",
        )
    edition = str(sipri_edition)
    focus = focus_choice(focus_country, article, edition)
    names = countries_in()
    if not isinstance(peers, str):
        raise ParameterError(
            "peers", f"expected comma-separated ISO 3166-1 alpha-3 codes or 'auto', got {peers!r}"
        )
    if is_auto(peers):
        chosen = auto_peers(focus.iso3, edition, names)
        codes, peers_reason = chosen.codes, chosen.reason
    else:
        codes = tuple(code.strip().upper() for code in peers.split(",") if code.strip())
        peers_reason = "set by the peers parameter"
    if focus.iso3 in codes:
        raise ParameterError(
            "peers",
            f"{focus.iso3} is the country the notebook compares; list only the other countries",
        )
    available = set(countries_in(edition))
    for code in codes:
        if code not in available:
            raise ParameterError(
                "peers",
                f"unknown country code {code!r}; the data cover {', '.join(sorted(available))}",
            )
    series = country_share(focus.iso3, edition)
    first, last = int(series.index.min()), int(series.index.max())
    base = integer("base_year", base_year, first, last)
    target = integer("target_year", target_year)
    if target <= base:
        raise ParameterError("target_year", f"{target} is not after base_year {base}")
    if target > base + 50:
        raise ParameterError(
            "target_year", f"{target} is more than 50 years after base_year {base}"
        )
    share = number("target_share", target_share, 0.0, 20.0, open_low=True)
    growth = number("nominal_gdp_growth_pct", nominal_gdp_growth_pct, -20.0, 50.0)
    return SpendingParameters(
        edition,
        tuple(sorted(set(codes))),
        base,
        share,
        target,
        growth,
        focus.iso3,
        f"{names[focus.iso3]} ({focus.iso3}), by rule {focus.rule}: {focus.reason}",
        peers_reason,
    )


# --- `alliance run -p NAME VALUE`: command-line strings as the types the notebooks declare ---
# Set by `alliance run`'s own options, never by -p.
RESERVED = {"article_path": "--article", "output_dir": "--output", "corpus_path": "--corpus"}


def declared_parameters(notebook: Path) -> dict[str, dict]:
    """The parameters a notebook declares (papermill's reading of its `parameters` cell)."""
    import papermill  # lazy: heavy, and only `alliance run` needs it

    return dict(papermill.inspect_notebook(str(notebook)))


def convert(name: str, raw: str, declared: str | None) -> object:
    """A command-line string as the type the notebook declares for the parameter."""
    kind = (declared or "str").strip().lower()
    try:
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
        if kind == "bool":
            if raw.lower() in ("true", "1", "yes"):
                return True
            if raw.lower() in ("false", "0", "no"):
                return False
            raise ValueError(raw)
    except ValueError:
        raise ParameterError(name, f"expected {kind}, got {raw!r}") from None
    return raw


def typed_parameters(notebooks: list[Path], raw: dict[str, str]) -> dict[Path, dict[str, object]]:
    """Per notebook, the parameters it declares, converted; unknown names are refused up front."""
    declared = {nb: declared_parameters(nb) for nb in notebooks}
    known = set().union(*(set(d) for d in declared.values())) if declared else set()
    for name in raw:
        if name in RESERVED:
            raise ParameterError(name, f"set it with {RESERVED[name]}, not -p")
        if name not in known:
            raise ParameterError(
                name,
                f"no selected notebook declares it; known: {', '.join(sorted(known - set(RESERVED)))}",
            )
    return {
        nb: {
            n: convert(n, v, declared[nb][n].get("inferred_type_name"))
            for n, v in raw.items()
            if n in declared[nb]
        }
        for nb in notebooks
    }
