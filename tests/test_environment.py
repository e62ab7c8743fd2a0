"""environment.yml gives conda users exactly the dependencies pyproject.toml declares."""

from __future__ import annotations

import subprocess
import sys
import tomllib

import yaml
from packaging.licenses import canonicalize_license_expression
from packaging.requirements import Requirement

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


def test_the_licence_is_an_spdx_string_with_a_setuptools_that_reads_it():
    # a `{ text = ... }` table makes setuptools warn that it stops building on 2027-02-18;
    # setuptools reads the SPDX string from version 77
    pyproject = tomllib.loads((PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    licence = pyproject["project"]["license"]
    assert isinstance(licence, str) and canonicalize_license_expression(licence) == licence
    setuptools = next(
        Requirement(r) for r in pyproject["build-system"]["requires"] if r.startswith("setuptools")
    )
    assert "77.0" in setuptools.specifier and "76.9" not in setuptools.specifier
