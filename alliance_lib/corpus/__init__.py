"""Corpus mode: many articles parsed in parallel on Dask into a Parquet dataset (`alliance corpus`).

`inputs` turns command-line inputs into items (`manifest` and `warc` read those two kinds of
input, `outlet` names each item's outlet), `batch` is the task a Dask worker runs on a batch of
items (`records` turns a parsed article into table rows), `store` writes and reads the dataset
with an atomic commit per partition, `run` drives a cluster, `progress` draws the terminal bar
and `command` is the `alliance corpus` subcommand. It imports `text`, `analysis` and
`report.outputs` (atomic writes); only the CLI and notebook 05 import it.
"""
