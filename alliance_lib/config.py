"""Every project path, data file and tunable threshold, in one place.

Paths are absolute (from this file's location), so they hold whatever the working directory.
Thresholds are the package's judgement calls; each says what it guards and why it has its value.
"""

from __future__ import annotations

from pathlib import Path

# --- where the project's files are -------------------------------------------------------------
PROJECT_ROOT = Path(__file__).resolve().parent.parent
DATA_DIR = PROJECT_ROOT / "data"
SEEDS_DIR = PROJECT_ROOT / "seeds"
NOTEBOOKS_DIR = PROJECT_ROOT / "notebooks"
REPORTS_DIR = PROJECT_ROOT / "reports"
SEED_ARTICLE = SEEDS_DIR / "000_eb6496a230f35a9b.txt"

# --- data files (provenance of each in data/SOURCES.md) -----------------------------------------
GAZETTEER = DATA_DIR / "gazetteer.yaml"
POLICY_CODEBOOK = DATA_DIR / "policy_codebook.yaml"
FRAMING_CODEBOOK = DATA_DIR / "framing_codebook.yaml"
ANNOTATIONS_DIR = DATA_DIR / "annotations"
SEED_ANNOTATION = ANNOTATIONS_DIR / "seed_frames.csv"
SIPRI_SHARE_FILE = DATA_DIR / "sipri_milex_share_gdp.csv"
SIPRI_YEN_FILE = DATA_DIR / "sipri_milex_local_currency_japan.csv"
MOD_BUDGET_FILE = DATA_DIR / "japan_mod_defense_budget.csv"
PLAN_TARGETS_FILE = DATA_DIR / "japan_defense_plan_targets.csv"

# --- parsing -----------------------------------------------------------------------------------
MAX_BYTES = 5_000_000  # far above any news article; protects notebooks from a wrong file
MIN_BODY_WORDS = 5  # fewer words of body prose than this is not an article
BINARY_SNIFF_CHARS = 65_536  # how much of a text is checked for binary control characters
CHARSET_SNIFF_BYTES = 262_144  # how much of a non-UTF-8 file charset detection reads
MIN_QUOTE_WORDS = 2  # a quotation of fewer words is a scare quote
MIN_UNATTRIBUTED_QUOTE_WORDS = 3  # two quoted words with nobody saying them: a title or scare quote

# --- analysis ----------------------------------------------------------------------------------
# A sentence is voiced by a quoted speaker when the quotation covers more than this share of it.
QUOTE_VOICE_SHARE = 0.5
# Spending multiples: at or above DOUBLES a spending path "doubles", at or above NEARLY_DOUBLES
# it "nearly doubles", below it "falls short of doubling".
DOUBLES = 1.95
NEARLY_DOUBLES = 1.8
EDITIONS_FIRST_YEAR = 2014  # first year of the editions comparison in notebook 02

# --- running notebooks -------------------------------------------------------------------------
EXECUTION_TIMEOUT = 600  # seconds per cell: a hung kernel fails instead of blocking CI
PARALLEL_NOTEBOOKS = 2  # kernels are separate processes; the machines have two cores
KERNEL_NAME = "python3"
# Kernel log noise: ipykernel 7 warns on every start that TCP is unencrypted (the kernels are
# local), and graceful shutdown (SIGINT first) can log a KeyboardInterrupt.
KERNEL_ARGUMENTS = ("--IPKernelApp.log_level=CRITICAL",)  # pass a fresh list: nbclient extends it
DISPLAY_MAX_COLWIDTH = 110  # pandas column width in notebook tables

# --- corpus mode (`alliance corpus`, notebook 05) -----------------------------------------------
DEMO_CORPUS = DATA_DIR / "demo_corpus"  # synthetic articles, four outlet styles (notebook 05)
CORPUS_MARKER = "_corpus.json"  # the file that makes a folder a corpus written by `alliance corpus`
CORPUS_TARGET_BATCHES = 64  # a corpus is cut into about this many tasks: enough to balance workers
CORPUS_MAX_BATCH = 200  # articles per task at most: bounds worker memory and work lost in a crash
CORPUS_DASHBOARD_ADDRESS = ":8787"  # Dask's usual dashboard port; a free one is taken if it is busy
CORPUS_PERMUTATIONS = 2000  # outlet-label permutations in notebook 05's test (p >= 1/2001)
CORPUS_PERMUTATION_SEED = 20230113  # fixed, so the p-values and the stored outputs are reproducible
CORPUS_ALPHA = 0.05  # family-wise error rate for flagging outlet differences (Holm's correction)


def resolve(path: str | Path) -> Path:
    """An absolute path: relative paths are taken from the project root, not the working directory."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path
