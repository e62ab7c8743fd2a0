"""Hostile or careless corpus inputs (issue 16): symlink loops, huge CSV cells, deeply nested and
overlong JSONL lines are error rows, not tracebacks (case 9); input walks skip corpus folders
and the output (case 10); manifest paths stay inside the manifest's folder unless the run says
`--allow-outside-manifest` (case 13)."""

from __future__ import annotations

import csv
import json
import os
import shutil
from pathlib import Path

import pytest

from alliance_lib.cli import main
from alliance_lib.config import DEMO_CORPUS, MANIFEST_LINE_MAX_BYTES, MAX_BYTES
from alliance_lib.corpus import store
from alliance_lib.corpus.inputs import corpus_items

from .conftest import demo_files, html_page


def run(*arguments: str) -> int:
    return main(["corpus", *arguments, "--scheduler", "synchronous", "--no-progress"])


def errors(output: Path) -> dict[str, str]:
    """source -> 'ErrorClass: message' of the corpus's errors table."""
    table = store.read_table(output, "errors")
    return {row.input_path: f"{row.error}: {row.message}" for row in table.itertuples()}


def usage_error(capsys, *arguments: str) -> str:
    with pytest.raises(SystemExit) as stopped:
        run(*arguments)
    assert stopped.value.code == 2
    message = capsys.readouterr().err
    assert message.startswith("alliance: error:") and message.count("\n") == 1
    return message


# --- case 9: no tracebacks ------------------------------------------------------------------


def test_a_symlink_loop_in_a_folder_or_a_manifest_is_an_error_row(tmp_path, capsys):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(demo_files("pacific-wire", 1)[0], pages / "a.txt")
    (pages / "loop").symlink_to("loop")
    (tmp_path / "m.jsonl").write_text(json.dumps({"path": "pages/loop"}) + "\n", "utf-8")
    output = tmp_path / "corpus"
    assert run(str(pages), str(tmp_path / "m.jsonl"), "--output", str(output)) == 3
    found = errors(output)
    assert found == {
        str(pages / "loop"): "CorpusInputError: cannot resolve the path (a symlink loop)",
        f"{tmp_path / 'm.jsonl'}:1": "CorpusInputError: cannot resolve the path (a symlink loop)",
    }
    assert len(store.read_table(output, "articles")) == 1
    message = usage_error(capsys, str(pages / "loop"), "--output", str(tmp_path / "other"))
    assert f"{pages / 'loop'} is a broken link or a symlink loop" in message


@pytest.mark.parametrize("characters", [200_000, 1_000_000])
def test_a_csv_cell_over_the_csv_modules_default_limit_is_read(tmp_path, characters):
    """Inline HTML is often over the csv module's 131,072-character default (two sizes)."""
    paragraph = "The leaders agreed on Friday to deepen the alliance further. "
    page = html_page("Allies meet", paragraph * (characters // len(paragraph))).decode()
    manifest = tmp_path / "m.csv"
    with manifest.open("w", encoding="utf-8", newline="") as stream:
        csv.writer(stream).writerows([["html", "outlet"], [page, "desk"], ["", "empty"]])
    items = list(corpus_items([str(manifest)]))
    assert len(items[0].content) == len(page) > characters and items[0].problem is None
    assert items[1].problem == "line 3 has no path, html or text"
    assert csv.field_size_limit() == 131_072  # put back


def test_a_csv_cell_over_the_article_cap_is_an_error_row_and_ends_the_manifest(tmp_path):
    manifest = tmp_path / "m.csv"
    with manifest.open("w", encoding="utf-8", newline="") as stream:
        rows = [["text"], ["A first article of some words."], ["x" * (MAX_BYTES + 1)], ["after"]]
        csv.writer(stream).writerows(rows)
    items = list(corpus_items([str(manifest)]))
    assert items[0].content == "A first article of some words."
    assert len(items) == 2 and "field larger than field limit" in items[1].problem
    assert items[1].problem.endswith("the rest of the manifest is not read")


def test_a_deeply_nested_or_overlong_jsonl_line_is_an_error_row(tmp_path):
    manifest = tmp_path / "m.jsonl"
    lines = [
        '{"text": "x", "a": ' + "[" * 100_000 + "]" * 100_000 + "}",
        '{"text": "' + "y" * MANIFEST_LINE_MAX_BYTES + '"}',
        json.dumps({"text": "A last article of some words."}),
    ]
    manifest.write_text("\n".join(lines) + "\n", encoding="utf-8")
    items = list(corpus_items([str(manifest)]))
    assert [item.problem for item in items] == [
        "line 1 is nested too deeply to read",
        f"line 2 is over {MANIFEST_LINE_MAX_BYTES:,} bytes long",
        None,
    ]
    assert items[2].content == "A last article of some words." and items[2].source.endswith(":3")


# --- case 10: a corpus is never read back as input ------------------------------------------


def test_a_corpus_written_inside_its_input_folder_is_not_read_back(tmp_path):
    pages = tmp_path / "pages"
    shutil.copytree(DEMO_CORPUS / "pacific-wire", pages)
    count = len(list(pages.iterdir()))
    output = pages / "corpus"
    for _ in range(3):  # before: 13, then 26 articles and 104 errors, then 85 and 576
        assert run(str(pages), "--output", str(output)) == 0
        assert len(store.read_table(output, "articles")) == count
        assert len(store.read_table(output, "errors")) == 0


def test_another_corpus_inside_an_input_folder_is_skipped_and_naming_one_is_refused(
    tmp_path, capsys
):
    pages = tmp_path / "pages"
    shutil.copytree(DEMO_CORPUS / "pacific-wire", pages)
    older = pages / "nested" / "older-corpus"
    assert run(str(DEMO_CORPUS / "capital-ledger"), "--output", str(older)) == 0
    count = len([p for p in pages.iterdir() if p.is_file()])
    sources = {item.source for item in corpus_items([str(pages)])}
    assert len(sources) == count and not any("older-corpus" in s for s in sources)
    pattern = str(pages / "**" / "*")
    globbed = {item.source for item in corpus_items([pattern])}
    assert globbed == sources  # a glob's matches inside a corpus are skipped too
    message = usage_error(capsys, str(older), "--output", str(tmp_path / "c"))
    assert f"{older} is a corpus written by alliance corpus, not articles" in message
    part = next((older / "articles").glob("part-*.parquet"))
    message = usage_error(capsys, str(part), "--output", str(tmp_path / "c"))
    assert "is in a corpus written by alliance corpus" in message


# --- case 13: the manifest trust model ------------------------------------------------------


@pytest.fixture
def manifest_outside(tmp_path) -> tuple[Path, Path]:
    """A manifest in `desk/` naming a file beside it, one above it by `../`, one by absolute
    path elsewhere, and a link beside it that leads out."""
    desk, elsewhere = tmp_path / "desk", tmp_path / "elsewhere"
    desk.mkdir()
    elsewhere.mkdir()
    inside, secret = demo_files("pacific-wire", 2)
    shutil.copy(inside, desk / "inside.txt")
    shutil.copy(secret, elsewhere / "secret.txt")
    (desk / "link.txt").symlink_to(elsewhere / "secret.txt")
    rows = [
        {"path": "inside.txt"},
        {"path": "../elsewhere/secret.txt"},
        {"path": str(elsewhere / "secret.txt")},
        {"path": "link.txt"},
    ]
    manifest = desk / "m.jsonl"
    manifest.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return manifest, elsewhere / "secret.txt"


def test_manifest_paths_outside_its_folder_are_refused_without_the_flag(manifest_outside, tmp_path):
    manifest, secret = manifest_outside
    output = tmp_path / "corpus"
    assert run(str(manifest), "--output", str(output)) == 3
    articles = store.read_table(output, "articles")
    assert articles["input_path"].tolist() == [str(manifest.parent / "inside.txt")]
    found = errors(output)
    assert set(found) == {f"{manifest}:{line}" for line in (2, 3, 4)}
    named = {2: f"../elsewhere/secret.txt (that is {secret})", 3: str(secret)}
    named[4] = f"link.txt (that is {secret})"
    for line, path in named.items():
        assert found[f"{manifest}:{line}"] == (
            f"CorpusInputError: line {line}: {path} is outside the manifest's folder "
            f"{manifest.parent}; pass --allow-outside-manifest if you trust this manifest"
        )


def test_the_flag_lets_a_trusted_manifest_name_files_anywhere(manifest_outside, tmp_path):
    manifest, secret = manifest_outside
    output = tmp_path / "corpus"
    assert run(str(manifest), "--output", str(output), "--allow-outside-manifest") == 0
    sources = store.read_table(output, "articles")["input_path"].tolist()
    assert sorted(sources) == sorted([str(manifest.parent / "inside.txt"), str(secret)])


def test_relative_paths_start_at_the_manifests_folder_whatever_the_working_directory(
    manifest_outside, tmp_path, monkeypatch
):
    manifest, _ = manifest_outside
    monkeypatch.chdir(tmp_path / "elsewhere")
    (first,) = [i for i in corpus_items([os.path.relpath(manifest)]) if i.problem is None]
    assert first.path == str(manifest.parent / "inside.txt")
