# alliance: `make run` and `make test` are the two commands; each builds .venv when missing
# or when pyproject.toml changed.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help run test lint bench bench-corpus eval lab checked-outputs docs-picture clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-16s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "alliance needs Python 3.11 or newer (set PYTHON=...)")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[notebooks,test]'
	@touch $(STAMP)

run: $(STAMP) ## Run the full analysis on the seed article and say where the report is
	$(BIN)/alliance run

test: $(STAMP) ## Run every test: lint, library, CLI, notebooks (nbval and papermill)
	$(BIN)/ruff check alliance_lib tests benchmarks notebooks
	$(BIN)/python -m pytest -q
	$(BIN)/python -m pytest -q --nbval-lax --nbval-current-env -p no:python --nbval-sanitize-with tests/nbval_sanitize.cfg notebooks

lint: $(STAMP) ## Lint the library, tests and notebooks with ruff
	$(BIN)/ruff check alliance_lib tests notebooks benchmarks
	$(BIN)/ruff format --check alliance_lib tests benchmarks

bench: $(STAMP) ## Print parser and notebook timings, and parse-time growth on hostile inputs (not part of make test)
	$(BIN)/python benchmarks/bench.py
	$(BIN)/python -m benchmarks.bench_threats
	$(BIN)/python -m benchmarks.growth

eval: $(STAMP) ## Score quotations, speakers, every attribution and threat framing on PolNeAR's training split (development and unseen parts), and policy shifts on tests/fixtures/policy (not part of make test)
	$(BIN)/python benchmarks/eval.py
	$(BIN)/python -m benchmarks.eval_policy
	$(BIN)/python -m benchmarks.eval_threats

bench-corpus: $(STAMP) ## Corpus mode: CPU per step, 5,040 PolNeAR articles on 1 and 2 workers, synthetic 10k and 100k articles (about an hour)
	$(BIN)/python -m benchmarks.bench_corpus stages
	$(BIN)/python -m benchmarks.bench_corpus polnear
	$(BIN)/python -m benchmarks.bench_corpus scale --articles 10000 100000

# The notebooks name the standard python3 kernel; Lab started from .venv finds ipykernel's
# python3 spec in .venv first (JUPYTER_PREFER_ENV_PATH) and starts it with .venv's Python.
# As root (a container, CI), Jupyter refuses to start without --allow-root.
lab: $(STAMP) ## Open JupyterLab at the project root, notebooks on .venv's python3 kernel (installs Lab into .venv on first use)
	@$(BIN)/python -c 'import jupyterlab' 2>/dev/null || $(BIN)/python -m pip install --quiet -e '.[notebooks,test,lab]'
	JUPYTER_PREFER_ENV_PATH=1 $(BIN)/jupyter lab --ServerApp.root_dir="$(CURDIR)" $(if $(filter 0,$(shell id -u)),--allow-root)

checked-outputs: $(STAMP) ## Re-execute the notebooks and store the outputs nbval checks (after a deliberate change)
	$(BIN)/python -m alliance_lib.report.nbstore

docs-picture: $(STAMP) ## Regenerate docs/findings.png from the browser test's screenshot of the seed's findings page (needs chromium)
	@test -x /usr/bin/chromium || test -n "$$ALLIANCE_CHROMIUM" || { echo "make docs-picture needs chromium (apt-get install chromium)" >&2; exit 2; }
	ALLIANCE_DOCS_PICTURE=docs/findings.png $(BIN)/python -m pytest -q -s tests/report/test_browser.py -k test_screenshots_are_saved

clean: ## Remove the environment and generated reports
	rm -rf $(VENV) reports build *.egg-info
