"""Write notebook results atomically: a reader never sees a half-written file.

Files get the permissions any new file of the user would (0666 less the umask), not the 0600
of the temporary file they are written through, so others can read a shared report. Text cells
of a CSV that a spreadsheet would run as a formula get a leading apostrophe (`FORMULA_START`).
"""

from __future__ import annotations

import io
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any


def current_umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def write_bytes(path: Path, data: bytes) -> Path:
    """Write via a temporary file in the same folder, then rename over the target."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    try:
        os.fchmod(handle, 0o666 & ~current_umask())  # mkstemp makes 0600: use the user's umask
        with os.fdopen(handle, "wb") as stream:
            stream.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


def write_text(path: Path, text: str) -> Path:
    return write_bytes(path, text.encode("utf-8"))


def write_json(path: Path, data: Any) -> Path:
    """Sorted keys, fixed indentation, trailing newline: byte-stable for the same data."""
    return write_text(path, json.dumps(data, indent=2, sort_keys=True, ensure_ascii=False) + "\n")


# CSV formula injection (OWASP "CSV Injection"): a spreadsheet runs a cell beginning with one
# of these as a formula; a leading apostrophe makes it text. A text cell that is a plain number
# ("-3", "+1.5") is a number to a spreadsheet, never a formula, and is left as it is.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def neutralise_formula(value: object) -> object:
    """`value` with a leading apostrophe when it is text a spreadsheet would run as a formula,
    and its carriage returns as line feeds: the csv module quotes a field holding the line
    terminator ("\n") but not a bare "\r", which a spreadsheet takes as a new row, whose next
    cell would start unneutralised."""
    if not isinstance(value, str):
        return value
    if value.startswith(FORMULA_START) and not _PLAIN_NUMBER.fullmatch(value):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n") if "\r" in value else value


def neutralise_formulas(frame):
    """A copy of DataFrame `frame` whose text cells and headers cannot run as formulas; numeric,
    boolean and date columns are left untouched (numbers stay numbers)."""
    import pandas as pd  # lazy: keeps `import alliance_lib` light

    safe = frame.copy()
    safe.columns = [neutralise_formula(c) for c in safe.columns]
    for position in range(safe.shape[1]):
        column = safe.iloc[:, position]
        # object and string columns, and categoricals of strings (is_string_dtype says so)
        if pd.api.types.is_object_dtype(column) or pd.api.types.is_string_dtype(column):
            safe.isetitem(position, column.map(neutralise_formula))
    return safe


def write_csv(path: Path, frame) -> Path:
    """A DataFrame as CSV, without the index, text that could run as a formula neutralised
    (`neutralise_formulas`); callers sort rows first."""
    return write_text(path, neutralise_formulas(frame).to_csv(index=False, lineterminator="\n"))


PNG_DPI = 200  # sharp on a high-density screen and in print
SVG_RC = {"svg.hashsalt": "alliance", "svg.fonttype": "none"}  # stable ids; text stays text
_NO_DEFAULT_LAYOUT = {"figure.autolayout": False, "figure.constrained_layout.use": False}


def save_figure(path: Path, figure) -> Path:
    """A matplotlib Figure as a 200 dpi PNG at `path` and an SVG beside it (same name, `.svg`,
    for slides), both without software or time metadata, so the same chart gives the same bytes.

    The layout and the tight bounding box are computed once, as `savefig(bbox_inches="tight")`
    computes them for the PNG (the PNG is byte-identical to that), and the SVG reuses them:
    drawing the figure is most of a chart's cost, and "tight" on each format drew it three
    times per format (layout, bounding box, output). The figure is then drawn once per format:
    with no layout engine set while saving, `savefig` does not lay it out again first (as it
    does for any engine, even "none"). The SVG's size can differ from its own "tight" box by
    under a point (its text is measured by another renderer)."""
    # lazy: matplotlib is heavy, and only notebooks that draw need it
    from matplotlib import rc_context, rcParams
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    canvas = FigureCanvasAgg(figure)
    engine = figure.get_layout_engine()
    dpi = figure.dpi
    figure.dpi = PNG_DPI
    try:
        figure.draw_without_rendering()  # runs the layout engine at the PNG's resolution
        box = figure.get_tightbbox(canvas.get_renderer()).padded(rcParams["savefig.pad_inches"])
    finally:
        figure.dpi = dpi
    png, svg = io.BytesIO(), io.BytesIO()
    # laid out above: the formats draw that layout, each in one pass (None, unlike "none",
    # leaves no placeholder engine that makes `savefig` draw once more to lay out; these rc
    # settings keep None from meaning "the default engine", here and when it is put back)
    with rc_context(_NO_DEFAULT_LAYOUT):
        figure.set_layout_engine(None)
    try:
        figure.savefig(png, format="png", dpi=PNG_DPI, metadata={"Software": None}, bbox_inches=box)
        with rc_context(SVG_RC):
            figure.savefig(svg, format="svg", metadata={"Date": None}, bbox_inches=box)
    finally:
        with rc_context(_NO_DEFAULT_LAYOUT):
            figure.set_layout_engine(engine)
    write_bytes(path.with_suffix(".svg"), svg.getvalue())
    return write_bytes(path, png.getvalue())


def stack(tables: dict[str, Any], key: str):
    """Several DataFrames with the same columns as one, each row tagged with its name in `key`."""
    import pandas as pd  # lazy: keeps `import alliance_lib` light

    frames = [table.assign(**{key: name}) for name, table in tables.items() if not table.empty]
    if not frames:
        return pd.DataFrame(columns=[key])
    joined = pd.concat(frames, ignore_index=True)
    return joined[[key, *[c for c in joined.columns if c != key]]]


def write_results(folder: Path, results: dict[str, Any]) -> list[str]:
    """Write each named result (DataFrame -> .csv, anything else -> .json); return the file names."""
    for name, value in sorted(results.items()):
        if name.endswith(".csv"):
            write_csv(folder / name, value)
        elif name.endswith(".json"):
            write_json(folder / name, value)
        else:
            raise ValueError(f"result {name!r} must end in .csv or .json")
    return sorted(results)
