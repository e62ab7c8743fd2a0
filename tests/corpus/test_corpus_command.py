"""`alliance corpus` end to end (synchronous scheduler): every input kind, the errors table,
resume, atomic partitions, and usage errors."""

from __future__ import annotations

import datetime
import json
import shutil
import subprocess
import sys
import time

import pyarrow.parquet as pq
import pytest

from alliance_lib.cli import main
from alliance_lib.config import DEMO_CORPUS, PROJECT_ROOT
from alliance_lib.corpus import store
from alliance_lib.corpus.batch import process_batch
from alliance_lib.corpus.inputs import corpus_items
from alliance_lib.corpus.records import SCHEMAS, TABLES
from alliance_lib.corpus.run import batches

from .conftest import GOOD_PER_OUTLET, build_inputs


def run(*arguments: str) -> int:
    return main(["corpus", *arguments, "--scheduler", "synchronous", "--no-progress"])


def tables(folder) -> dict:
    return {name: store.read_table(folder, name) for name in TABLES}


def test_every_input_kind_is_written_and_every_bad_item_is_one_error_row(inputs, tmp_path, capsys):
    out = tmp_path / "corpus"
    status = run(str(inputs.folder), str(inputs.manifest), str(inputs.warc), "--output", str(out))
    assert status == 3  # some articles failed
    assert "articles written" in capsys.readouterr().out
    found = tables(out)
    articles, errors = found["articles"], found["errors"]
    assert len(articles) == inputs.good and articles["article_id"].is_unique
    for name, frame in found.items():
        files = sorted((out / name).glob("part-*.parquet"))  # the files as written, not as read
        assert files and all(pq.read_schema(f).equals(SCHEMAS[name]) for f in files), name
        if name not in ("articles", "errors"):
            assert set(frame["article_id"]) <= set(articles["article_id"]), name
    # one row per bad item, with its error class
    assert len(errors) == len(inputs.bad) and errors["input_path"].is_unique
    for suffix, error in inputs.bad.items():
        if suffix.endswith("@"):
            row = errors[errors["input_path"].str.contains(suffix)]
            assert row["message"].str.contains("truncated WARC record").all()
        else:
            row = errors[errors["input_path"].str.endswith(suffix)]
        assert row["error"].tolist() == [error], suffix
    # outlets: folder names, the manifest's outlet, the URL's registered domain
    outlets = articles.groupby("outlet").size().to_dict()
    assert outlets == {
        "harbor-times": 3,
        "capital-ledger": 3,
        "Pacific Wire": 1,
        "pacificwire.co.uk": 1,
        "inline-desk": 1,
        "example.com": 2,  # the manifest's html row and the first WARC page
        "harbor.co.jp": 1,
    }
    wire = articles[articles["outlet"] == "Pacific Wire"].iloc[0]
    assert wire["published"] == datetime.date(2023, 1, 13) and wire["input_kind"] == "file"
    assert set(articles["input_kind"]) == {"file", "inline", "warc"}
    # each article's child rows are traceable to its text
    quotes = found["quotes"]
    assert len(quotes) > 0 and (quotes["end"] > quotes["start"]).all()
    assert (
        found["claims"]["type"]
        .isin(
            [
                "multiplier",
                "share_of_gdp",
                "amount",
                "duration",
                "date",
                "fiscal_year",
                "historical_anchor",
                "percent",
            ]
        )
        .all()
    )
    assert {"mfc:Economic", "threat:CHN"} <= set(found["sentence_codes"]["code"])


def test_rerun_resumes_and_parses_only_new_inputs(inputs, tmp_path, capsys):
    out = tmp_path / "corpus"
    assert run(str(inputs.folder), "--output", str(out)) == 3
    before = tables(out)
    capsys.readouterr()
    assert run(str(inputs.folder), "--output", str(out)) == 3  # earlier failures still count
    assert "nothing to do" in capsys.readouterr().out
    shutil.copy(
        inputs.folder
        / "harbor-times"
        / sorted(p.name for p in (inputs.folder / "harbor-times").iterdir())[0],
        inputs.folder / "harbor-times" / "copy-of-first.html",
    )
    (inputs.folder / "junk").rename(tmp_path / "junk-away")  # bad files gone: only the new one runs
    assert run(str(inputs.folder), "--output", str(out)) == 0
    assert "1 articles written" in capsys.readouterr().out
    after = tables(out)
    assert len(after["articles"]) == len(before["articles"]) + 1
    # the copy has the same bytes, hence the same id: identical content, one more source
    assert after["articles"]["article_id"].nunique() == before["articles"]["article_id"].nunique()


def test_synchronous_and_batched_runs_write_the_same_rows(tmp_path):
    inputs = build_inputs(tmp_path / "in")
    one, many = tmp_path / "one", tmp_path / "many"
    run(str(inputs.folder), "--output", str(one), "--batch-size", "1")
    run(str(inputs.folder), "--output", str(many), "--batch-size", "50")
    for name in TABLES:
        a = (
            store.read_table(one, name)
            .sort_values(list(SCHEMAS[name].names[:3]))
            .reset_index(drop=True)
        )
        b = (
            store.read_table(many, name)
            .sort_values(list(SCHEMAS[name].names[:3]))
            .reset_index(drop=True)
        )
        assert a.equals(b), name
    for folder in (one, many):  # one partition per batch, merged when the run ends
        assert len(list((folder / "articles").glob("part-*.parquet"))) == 1


def test_an_interrupted_partition_is_rolled_back_or_completed(inputs, tmp_path):
    out = store.open_output(tmp_path / "corpus")
    for batch in batches(list(corpus_items([str(inputs.folder)], output=out)), 1):
        process_batch(batch, str(out))  # one partition per batch, as a run writes them
    committed = [
        json.loads(p.read_text()) for p in sorted((out / store.PARTITIONS).glob("part-*.json"))
    ]
    # a batch that died before its commit record: hidden files only, invisible to readers
    (out / "articles" / ".part-deadbeef.1234.parquet").write_bytes(b"half a file")
    # a batch that died after its commit record, before renaming its files into place
    record = next(r for r in committed if not r["failed"])  # a partition holding an article
    key = record["partition"]
    hidden_rows = pq.read_metadata(out / "articles" / f"part-{key}.parquet").num_rows
    for table, hidden in record["files"].items():
        (out / table / f"part-{key}.parquet").rename(out / table / hidden)
    written = 2 * GOOD_PER_OUTLET  # the folder's good articles
    assert hidden_rows > 0
    assert len(store.read_table(out, "articles")) == written - hidden_rows  # hidden files skipped
    store.recover(out)
    assert not list((out / "articles").glob(".part-*"))
    assert all((out / table / f"part-{key}.parquet").exists() for table in TABLES)


@pytest.mark.parametrize(
    ("arguments", "words"),
    [
        (["missing-folder"], "does not exist"),
        (["no-match-*.html"], "matches no file"),
        (["{inputs}", "--workers", "0"], "--workers"),
        (["{inputs}", "--output", "{occupied}"], "not a corpus folder"),
    ],
    ids=["missing", "glob", "workers", "occupied-output"],
)
def test_usage_errors_exit_2_with_one_line(inputs, tmp_path, capsys, arguments, words):
    occupied = tmp_path / "occupied"
    occupied.mkdir()
    (occupied / "notes.txt").write_text("mine", encoding="utf-8")
    arguments = [a.format(inputs=inputs.folder, occupied=occupied) for a in arguments]
    if "--output" not in arguments:
        arguments += ["--output", str(tmp_path / "out")]
    with pytest.raises(SystemExit) as stopped:
        main(["corpus", *arguments, "--scheduler", "synchronous"])
    assert stopped.value.code == 2
    message = capsys.readouterr().err.strip()
    assert message.startswith("alliance: error:") and words in message and "\n" not in message
    assert (occupied / "notes.txt").read_text(encoding="utf-8") == "mine"


def test_a_run_killed_mid_write_leaves_whole_partitions_and_the_rerun_completes(tmp_path):
    out, source = tmp_path / "corpus", tmp_path / "pages"
    for outlet in ("capital-ledger", "pacific-wire"):  # 24 text articles
        shutil.copytree(DEMO_CORPUS / outlet, source / outlet)
    command = [
        sys.executable,
        "-m",
        "alliance_lib.cli",
        "corpus",
        str(source),
        "--output",
        str(out),
    ]
    command += ["--scheduler", "synchronous", "--batch-size", "1", "--no-progress"]
    process = subprocess.Popen(
        command, cwd=PROJECT_ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 120
    while (
        len(list((out / store.PARTITIONS).glob("part-*.json"))) < 3 and time.monotonic() < deadline
    ):
        time.sleep(0.01)
    process.kill()  # SIGKILL: no clean-up code runs
    process.wait()
    committed = len(list((out / store.PARTITIONS).glob("part-*.json")))
    assert 3 <= committed < 24
    # readers see whole partitions only: every visible file has its commit record
    for table in TABLES:
        visible = {p.name for p in (out / table).glob("part-*.parquet")}
        assert len(visible) <= committed
        store.read_table(out, table)  # and every visible file reads
    assert run(str(source), "--output", str(out)) == 0
    assert len(store.read_table(out, "articles")) == 24
    assert not [p for table in TABLES for p in (out / table).glob(".part-*")]
