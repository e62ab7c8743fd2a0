"""Notebook 05 given corpus inputs parses them into `output_dir/corpus`: it replaces only a
corpus it built there itself and nobody changed, never a user's corpus or notes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from alliance_lib.corpus import run as corpus_run
from alliance_lib.corpus.run import SCRATCH_MARKER, corpus_folder, run_corpus
from alliance_lib.errors import ParameterError
from tests.corpus.conftest import demo_files


def _tree(folder: Path) -> dict[str, bytes]:
    return {
        p.relative_to(folder).as_posix(): p.read_bytes()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


@pytest.fixture
def articles(tmp_path) -> Path:
    folder = tmp_path / "articles" / "harbor-times"
    folder.mkdir(parents=True)
    for file in demo_files("harbor-times", 2):
        shutil.copy(file, folder / file.name)
    return folder.parent


def _outputs(tmp_path) -> Path:
    out = tmp_path / "out"
    out.mkdir()
    return out


def test_inputs_are_parsed_into_a_marked_corpus_that_a_rerun_rebuilds(tmp_path, articles):
    out = _outputs(tmp_path)
    scratch = corpus_folder(str(articles), out / "corpus")
    assert scratch == out / "corpus" and (scratch / "_corpus.json").is_file()
    assert (scratch / SCRATCH_MARKER).is_file()
    assert corpus_folder(str(articles), out / "corpus") == scratch  # its own: rebuilt
    assert sorted(p.name for p in out.iterdir()) == ["corpus"]  # no build folder left


def test_a_users_corpus_and_notes_in_the_way_are_refused_and_kept(tmp_path, articles):
    out = _outputs(tmp_path)
    theirs = out / "corpus"  # a corpus the user built with `alliance corpus`, and their notes
    run_corpus(
        [str(articles)], theirs, scheduler="synchronous", progress=False, echo=lambda _: None
    )
    (theirs / "notes.md").write_text("my reading notes", encoding="utf-8")
    before = _tree(theirs)
    with pytest.raises(ParameterError, match="notebook 05 did not put there") as caught:
        corpus_folder(str(articles), theirs)
    assert caught.value.name == "output_dir"
    assert _tree(theirs) == before and sorted(p.name for p in out.iterdir()) == ["corpus"]


@pytest.mark.parametrize(
    "change",
    [
        lambda c: (c / "notes.md").write_text("mine", encoding="utf-8"),
        lambda c: (c / "mine").mkdir(),
        lambda c: next(c.glob("articles/*.parquet")).write_bytes(b"edited"),
        lambda c: (c / SCRATCH_MARKER).write_text("{}", encoding="utf-8"),
    ],
    ids=["added file", "added folder", "changed file", "spoiled marker"],
)
def test_a_built_corpus_changed_since_is_not_deleted(tmp_path, articles, change):
    out = _outputs(tmp_path)
    scratch = corpus_folder(str(articles), out / "corpus")
    change(scratch)
    before = _tree(scratch)
    with pytest.raises(ParameterError, match="or changed since"):
        corpus_folder(str(articles), scratch)
    assert _tree(scratch) == before


def test_a_failed_parse_leaves_the_earlier_corpus_and_nothing_else(tmp_path, articles, monkeypatch):
    out = _outputs(tmp_path)
    scratch = corpus_folder(str(articles), out / "corpus")
    before = _tree(scratch)

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(corpus_run, "run_corpus", interrupted)
    with pytest.raises(KeyboardInterrupt):
        corpus_folder(str(articles), scratch)
    assert _tree(scratch) == before and sorted(p.name for p in out.iterdir()) == ["corpus"]
