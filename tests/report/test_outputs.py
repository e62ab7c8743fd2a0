"""Outputs are written atomically and deterministically."""

from __future__ import annotations

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
