"""Every project path, data file and tunable threshold, in one place.

Paths are absolute (from this file's location), so they hold whatever the working directory.
Thresholds are the package's judgement calls; each says what it guards and why it has its value.
"""

from __future__ import annotations

from datetime import date
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
THREAT_CODEBOOK = DATA_DIR / "threat_codebook.yaml"  # the threat coder's cues (issue 19)
# The threat coder's agreement with PolNeAR's threat annotation, written by `make eval`
# (PolNeAR itself is not shipped); notebook 04 reports it before the synthetic agreement.
THREAT_VALIDITY = DATA_DIR / "threat_validity.json"
ANNOTATIONS_DIR = DATA_DIR / "annotations"
SEED_ANNOTATION = ANNOTATIONS_DIR / "seed_frames.csv"
AGREEMENT_SET = ANNOTATIONS_DIR / "agreement_set.csv"  # annotated articles, in and out of sample
SIPRI_SHARE_FILE = DATA_DIR / "sipri_milex_share_gdp.csv"
SIPRI_YEN_FILE = DATA_DIR / "sipri_milex_local_currency_japan.csv"
# Other countries' spending in local currency (2024 edition): amounts an article states.
SIPRI_LOCAL_FILE = DATA_DIR / "sipri_milex_local_currency_others.csv"
CAPITALS_FILE = DATA_DIR / "capitals.csv"  # capitals read as their country ("Warsaw's budget")
PEERS_FILE = DATA_DIR / "peers.yaml"  # notebook 02's rule for `peers = auto`
NATIONAL_BUDGETS_FILE = DATA_DIR / "national_budgets.yaml"  # which countries have budget files

# --- parsing -----------------------------------------------------------------------------------
MAX_BYTES = 5_000_000  # far above any news article; protects notebooks from a wrong file
MIN_BODY_WORDS = 5  # fewer words of body prose than this is not an article
BINARY_SNIFF_CHARS = 65_536  # how much of a text is checked for binary control characters
CHARSET_SNIFF_BYTES = 262_144  # how much of a non-UTF-8 file charset detection reads
# Reference dates the parser accepts: the years its claim patterns read (19xx and 20xx), so that
# year inference never steps outside the calendar (a year 0 or 10000).
EARLIEST_REFERENCE = date(1900, 1, 1)
LATEST_REFERENCE = date(2099, 12, 31)
# Fewer bytes outside ASCII than this are too few for charset detection to tell legacy
# encodings apart (one 0xA0 was read as mac_iceland or cp775); they are read as cp1252.
MIN_CHARSET_GUESS_BYTES = 32
# HTML pages. libxml2 (lxml, trafilatura's parser) stops at 256 levels of nesting and drops
# everything deeper, so a page nested deeper would lose its text: such a page is parsed again
# with its excess nesting flattened to HTML_FLAT_DEPTH levels (`text/webpage.py`).
HTML_PARSER_MAX_DEPTH = 256
HTML_FLAT_DEPTH = 128
# Above this many elements trafilatura runs without its fallback extractors (readability and
# justext): justext's pass over runs of short paragraphs is quadratic (a page of 10,000
# paragraphs took 17 s). Below it, that pass costs at most about 2.5 s CPU (the worst shape,
# one short paragraph per div); news pages have a few thousand elements.
HTML_FALLBACK_MAX_ELEMENTS = 10_000
SUBHEADING_WORDS = 10  # a subheading has at most this many words
# A plain-text article's opening line ending like a sentence ("All eggs in two baskets.") is its
# headline only when it reads as one (text.headings.opening_headline); these bound it. Measured on
# PolNeAR's 840 training files (each opens with its title) and on the same files with the title
# cut, so that the lede opens them (docs/parsing.md has the figures).
HEADLINE_MAX_WORDS = 30  # a longer opening block is prose (as `is_title_like` has it)
HEADLINE_TITLE_CASE_WORDS = 20  # a Title Case opening line of at most this many words is a headline
HEADLINE_TITLE_CASE_SHARE = 0.9  # ... when this share of its words is capitalised
HEADLINE_STYLE_WORDS = 12  # a sentence-case line this short, without sentence words, is a headline
MIN_QUOTE_WORDS = 2  # a quotation of fewer words is a scare quote
MIN_UNATTRIBUTED_QUOTE_WORDS = 3  # two quoted words with nobody saying them: a title or scare quote
SAID_CLAUSE_WINDOW = 300  # characters searched beside a quotation for its said-clause
MAX_SPEAKER_WORDS = 22  # a longer phrase before a verb is narration, not a speaker
MAX_NEXT_SENTENCE_WORDS = 7  # speaker words of a said-clause that is a sentence of its own
PRONOUN_LOOK_BACK = 12  # candidates a pronoun looks back over (bounded: linear time)
# A report of a report of a report...: a chain of nested attributions is kept this deep and no
# deeper (news nests two or three; the bound keeps the contents' total length linear).
MAX_ATTRIBUTION_NESTING = 6
MAX_NAME_WORDS = 4  # "Joseph R. Biden Jr." is four; a longer capitalised run is a headline

# --- analysis ----------------------------------------------------------------------------------
# A sentence is voiced by a quoted speaker when the quotation covers more than this share of it.
QUOTE_VOICE_SHARE = 0.5
MAX_REPORTING_SUBJECT_WORDS = 6  # a longer phrase before (or after) a reporting verb is no subject
# Characters before a threat cue (framing) or a novelty marker (policy) searched for a negation
# of the codebook that cancels it ("poses no threat", "not historic").
NEGATION_REACH = 24
OWNED_WITHIN = 3  # focus country: a possessive owns a spending word within this many words after it
# Spending verdict: a multiple within MULTIPLE_BAND (relative) of the article's claimed multiple
# is "about" it ("about doubles": 1.9 to 2.1 for "double"); below, it "falls short"; above, it is
# "more than". Why 5%: the plan's figures the multiples are built from are given to two
# significant figures ("11 trillion yen", "8.9 trillion yen", "about 560 trillion yen"), so
# rounding alone moves a ratio of them by up to about 5% (half a unit in 11 is 4.5%): a multiple
# inside the band cannot be told apart from the claim, one outside it can.
MULTIPLE_BAND = 0.05
# Notebook 02's focus country when `focus_country = auto` and the article names no country the
# data cover: the country of the project's seed article.
DEFAULT_FOCUS_COUNTRY = "JPN"
EDITIONS_FIRST_YEAR = 2014  # first year of the editions comparison in notebook 02
# Coder agreement: bootstrap resamples of sentences for the 95% intervals of kappa, and the seed
# of the generator (fixed, so the intervals are the same on every run).
BOOTSTRAP_RESAMPLES = 2000
BOOTSTRAP_SEED = 20230113

# --- running notebooks -------------------------------------------------------------------------
EXECUTION_TIMEOUT = 600  # seconds per cell: a hung kernel fails instead of blocking CI
PARALLEL_NOTEBOOKS = 2  # kernels are separate processes; the machines have two cores
KERNEL_NAME = "python3"
# Kernel log noise: ipykernel 7 warns on every start that TCP is unencrypted (the kernels are
# local), and graceful shutdown (SIGINT first) can log a KeyboardInterrupt.
# A kernel's own start-up objects (IPython, zmq, tornado) leave the cyclic garbage collector's
# sight, and its thresholds rise: importing pandas, matplotlib and the package then runs no full
# collection over everything imported so far (three per kernel at the defaults, about 0.2 s of
# CPU in all). A notebook kernel lives for one notebook, whose cyclic garbage is small. Only the
# standard library: the line runs in every kernel `execute_notebook` starts, floor included.
KERNEL_GC_THRESHOLDS = (10_000, 50, 100)  # CPython's defaults: (700, 10, 10)
KERNEL_START = (
    f'__import__("gc").freeze(); __import__("gc").set_threshold(*{KERNEL_GC_THRESHOLDS!r})'
)
KERNEL_ARGUMENTS = (  # pass a fresh list: nbclient extends it
    "--IPKernelApp.log_level=CRITICAL",
    f"--IPKernelApp.exec_lines={KERNEL_START}",
)
DISPLAY_MAX_COLWIDTH = 110  # pandas column width in notebook tables

# --- corpus mode (`alliance corpus`, notebook 05) -----------------------------------------------
DEMO_CORPUS = DATA_DIR / "demo_corpus"  # synthetic articles, four outlet styles (notebook 05)
CORPUS_MARKER = "_corpus.json"  # the file that makes a folder a corpus written by `alliance corpus`
# The corpus format its marker records: 2 named each meaning once and typed dates (docs/corpus.md)
CORPUS_FORMAT_VERSION = 2
CORPUS_TARGET_BATCHES = 64  # a corpus is cut into about this many tasks: enough to balance workers
CORPUS_MAX_BATCH = 200  # articles per task at most: bounds worker memory and work lost in a crash
# When a run ends its partitions (one per task) are merged into partitions of up to this many
# inputs: a few files per table for a large corpus, one for a corpus of thousands of articles
CORPUS_PARTITION_INPUTS = 50_000
# Notebook 05: a speaker named by surname alone (in an article that never gives the full name)
# is the corpus's person of that surname when that person holds at least this share of the
# attributions to people of the surname ("Trump" in 2016 news); else it is counted apart
CORPUS_SURNAME_SHARE = 0.9
# Notebook 05 ranks the reference article's claims across the outlets only when at least half the
# dated compared articles are published within this many days of its date (and at least half
# name the owners of its claims); otherwise its Result says why not
CORPUS_REFERENCE_WINDOW_DAYS = 30
CORPUS_DASHBOARD_ADDRESS = ":8787"  # Dask's usual dashboard port; a free one is taken if it is busy
CORPUS_PERMUTATIONS = 2000  # outlet-label permutations in notebook 05's test (p >= 1/2001)
CORPUS_PERMUTATION_SEED = 20230113  # fixed, so the p-values and the stored outputs are reproducible
CORPUS_ALPHA = 0.05  # family-wise error rate for flagging outlet differences (Holm's correction)
# A corpus worker's peak memory on the worst article it can be given (one at the 5 MB size cap),
# measured by `python -m benchmarks.bench_corpus worker-peak` (docs/speed.md): 984 MiB at most
# (distinct speakers, which finishes since issue 18's rounds; claims in one sentence 972 MiB),
# rounded up to 1.1 GB. `--workers` is capped so that this much per worker fits
# in the memory available.
CORPUS_WORKER_PEAK_BYTES = 1_100_000_000
# A WARC record's header lines (WARC and HTTP) and the blank lines after it, in bytes: real ones
# take a few kilobytes; past this the archive is taken as damaged from there on, so that a record
# lying about its length cannot make a reader hold an unbounded "line" in memory.
WARC_HEADER_MAX_BYTES = 1_048_576
# A JSONL manifest line, in bytes: an article inline at the size cap, JSON-escaped (a control
# character's one byte takes six as a \u escape). A longer line is an error row.
MANIFEST_LINE_MAX_BYTES = 6 * MAX_BYTES
# Notebook 05's tests of difference: the code families tested (threat actors); the framing
# functions (entman) and frame dimensions (mfc) are dictionary matches never validated against
# human coding, so they are shown as keyword indicators and never tested.
CORPUS_TESTED_FAMILIES = ("threat",)
# Effect sizes of Cramer's V in words: below 0.1 negligible, below 0.3 small, below 0.5 medium,
# else large. Cohen's conventions for w (Cohen 1988, Statistical Power Analysis for the
# Behavioral Sciences, 2nd ed., ch. 7: w = 0.1 small, 0.3 medium, 0.5 large); on notebook 05's
# outlets x (coded, not coded) tables min(rows, columns) - 1 = 1, so V equals w.
EFFECT_SIZES = ((0.1, "negligible"), (0.3, "small"), (0.5, "medium"), (float("inf"), "large"))
# Wire copies (analysis/copies.py): articles sharing at least COPY_JACCARD of their 5-word
# shingles (Jaccard) are one story. On PolNeAR's 840 training articles pairs share either at most
# 0.2 or at least 0.5 (six pairs: one story republished or updated), nothing in between.
COPY_SHINGLE_WORDS = 5
COPY_JACCARD = 0.5
COPY_CANDIDATE_JACCARD = 0.4  # MinHash LSH looks this low, so a copy near 0.5 is not missed
COPY_PERMUTATIONS = 128  # MinHash permutations (estimates within about 0.05 of the Jaccard)
COPY_SEED = 1  # fixed: the same candidates on every run


def resolve(path: str | Path) -> Path:
    """An absolute path: relative paths are taken from the project root, not the working directory."""
    path = Path(path).expanduser()
    return path if path.is_absolute() else PROJECT_ROOT / path


def shown_path(path: str | Path) -> str:
    """A path as the report names it (source lines, finding.json, the findings page): from the
    project root when it lies inside the project (data/demo_corpus), else in full."""
    path = resolve(path).resolve()
    try:
        return path.relative_to(PROJECT_ROOT).as_posix()
    except ValueError:
        return str(path)
