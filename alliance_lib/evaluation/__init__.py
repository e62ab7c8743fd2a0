"""Evaluation of the parser against annotated corpora (PolNeAR's brat attributions); not a stage."""
