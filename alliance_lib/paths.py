"""Where the project's own files are, whatever the working directory."""

from __future__ import annotations

from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
SEED_ARTICLE = SEEDS_DIR / "000_eb6496a230f35a9b.txt"
GAZETTEER = DATA_DIR / "gazetteer.yaml"


def resolve(path: str | Path) -> Path:
    """An absolute path: relative paths are taken from the project root, not the working directory."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path
