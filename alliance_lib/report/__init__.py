"""Stage 3 of the pipeline, report: notebooks run with papermill into a browsable report folder.

`notebook.setup` is each notebook's first call; `params` checks notebook parameters; `outputs`
writes files atomically; `charts_spending`, `charts_text` and `prose` turn analysis tables
into charts and sentences, `tables` and `dictionary` into readable tables;
`runner` executes notebooks (one function for the CLI, tests and benchmarks); `site` exports
HTML and writes the index; `nbstore` keeps stored notebooks clean.
"""
