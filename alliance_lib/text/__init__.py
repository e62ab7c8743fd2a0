"""Stage 1 of the pipeline, text: an article file or string -> a parsed, traceable `Article`.

`pipeline.parse_article` runs the stages in order: read, decode, webpage (HTML), offsets
(normalised lines), boilerplate, dateline, layout (paragraphs, sentences), entities (with the
gazetteer), quotes and speakers, claims (with dates). `model` holds the records, `frames` their
pandas views, `lexicon` the word lists the extractors use.
"""
