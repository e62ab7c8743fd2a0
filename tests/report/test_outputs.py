"""Outputs are written atomically and deterministically."""

from __future__ import annotations

import os
import stat

import pytest

from alliance_lib.report import outputs


def test_outputs_are_written_atomically_and_deterministically(tmp_path):
    outputs.write_json(tmp_path / "a.json", {"b": 1, "a": [2, 1]})
    assert (tmp_path / "a.json").read_text(
        encoding="utf-8"
    ) == '{\n  "a": [\n    2,\n    1\n  ],\n  "b": 1\n}\n'

    class Boom:
        def to_csv(self, **_):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        outputs.write_csv(tmp_path / "b.csv", Boom())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.json"]


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_outputs_follow_the_users_umask(tmp_path, umask, mode):
    previous = os.umask(umask)
    try:
        outputs.write_text(tmp_path / "a.txt", "x")
    finally:
        os.umask(previous)
    assert stat.S_IMODE((tmp_path / "a.txt").stat().st_mode) == mode
