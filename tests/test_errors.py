"""Errors carry structured fields and print as one line."""

from __future__ import annotations

from alliance_lib import AllianceError, ArticleError, ParameterError, RunError


def test_run_error_fields_and_one_line_message():
    error = RunError("02_defence_spending.ipynb", "ParameterError", "bad\n  value", 3, 2)
    assert isinstance(error, AllianceError)
    assert (error.notebook, error.cell, error.execution_count) == (
        "02_defence_spending.ipynb",
        3,
        2,
    )
    assert (error.error_name, error.error_value) == ("ParameterError", "bad\n  value")
    assert (
        str(error)
        == "02_defence_spending.ipynb failed in cell 3 (In [2]): ParameterError: bad value"
    )
    assert (
        str(RunError("x.ipynb", "DeadKernelError", "died"))
        == "x.ipynb failed: DeadKernelError: died"
    )


def test_article_and_parameter_errors_name_what_is_wrong():
    assert str(ArticleError("story.txt", "is empty")) == "story.txt: is empty"
    error = ParameterError("peers", "unknown code")
    assert (error.name, str(error)) == ("peers", "parameter 'peers': unknown code")
