"""environment.yml gives conda users exactly the dependencies pyproject.toml declares."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import yaml

from alliance_lib.config import PROJECT_ROOT


def _pyproject_requirements() -> list[str]:
    project = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))[
        "project"
    ]
    extras = project.get("optional-dependencies", {})
    return project["dependencies"] + [req for name in sorted(extras) for req in extras[name]]


def test_environment_yml_matches_pyproject():
    env = yaml.safe_load((PROJECT_ROOT / "environment.yml").read_text(encoding="utf-8"))
    pip_section = next(d["pip"] for d in env["dependencies"] if isinstance(d, dict) and "pip" in d)
    assert "-e ." in pip_section
    assert sorted(r for r in pip_section if r != "-e .") == sorted(_pyproject_requirements())
    assert any(str(d).startswith("python>=3.11") for d in env["dependencies"])


def test_importing_the_library_loads_no_heavy_module():
    code = (
        "import sys, alliance_lib, alliance_lib.cli; "
        "heavy = {'pandas', 'matplotlib', 'trafilatura', 'ftfy', 'yaml', 'papermill', 'numpy', "
        "'jsonschema', 'dask', 'distributed', 'pyarrow', 'warcio', 'playwright'}; "
        "print(sorted(heavy & set(sys.modules)))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"
