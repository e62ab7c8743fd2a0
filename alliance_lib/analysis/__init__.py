"""Stage 2 of the pipeline, analysis: what a parsed article says about spending, policy and threats.

`reference_data` loads the spending series in data/ with their citations; `spending`, `policy`,
`timeline`, `framing` and `agreement` compute the tables the notebooks show; `codebook` reads
the editable YAML codebooks and matches their patterns against sentences.
"""
