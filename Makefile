# RNN and LSTM cells, step by step: set-up, tests and notebook maintenance.
# `make lab` and `make test` are all a newcomer needs; both create .venv when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
BUILD  := build
LAB_ARGS ?=
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg

.PHONY: help lab test check nbval portability lint execute student html lock clean clean-venv

help:
	@echo "make lab      install (first time) and open JupyterLab on notebooks/"
	@echo "make test     everything: unit tests, notebook lints, nbval over every notebook"
	@echo "make check    unit tests and lints only (the fast inner loop)"
	@echo "make nbval    nbval over every notebook"
	@echo "make portability  nbval over every notebook under other floating-point set-ups"
	@echo "               (numpy's SIMD limited, another OpenBLAS kernel, one BLAS thread)"
	@echo "make lint     ruff over helpers, tests, scripts and notebooks"
	@echo "make execute  re-execute every notebook in place (after changing one)"
	@echo "make student  write student notebooks (solutions stubbed) to build/student"
	@echo "make html     render every notebook to an offline static site in build/site"
	@echo "make lock     regenerate requirements.lock from pyproject.toml"

# The virtual environment is created when missing and brought up to date whenever
# pyproject.toml or the lock changes (pip installs only what differs).
$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check \
		-c requirements.lock -e ".[test]"
	touch $(STAMP)

lab: $(STAMP)
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(LAB_ARGS)

test: $(STAMP)
	$(BIN)/python -m pytest tests $(NBVAL) $(NOTEBOOKS)

check: $(STAMP)
	$(BIN)/python -m pytest tests -m "not slow"

nbval: $(STAMP)
	$(BIN)/python -m pytest $(NBVAL) $(NOTEBOOKS)

# The compared outputs must not depend on the CPU: run nbval again as other machines would
# compute (scripts/portability.py prints the configurations it uses).
portability: $(STAMP)
	$(BIN)/python scripts/portability.py -- $(BIN)/python -m pytest -q $(NBVAL) $(NOTEBOOKS)

lint: $(STAMP)
	$(BIN)/ruff check helpers tests scripts benchmarks notebooks
	$(BIN)/ruff format --check helpers tests scripts benchmarks

execute: $(STAMP)
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

# Student handouts: solution blocks replaced by stubs; never overwrites a learner's
# changes unless FORCE=1.
student: $(STAMP)
	$(BIN)/python -m helpers.student notebooks $(BUILD)/student $(if $(FORCE),--force)

# The course as a static site that works offline (needs npm for the pinned page scripts).
html: $(STAMP)
	$(BIN)/python scripts/build_site.py --out $(BUILD)/site

# Resolve the newest versions allowed by pyproject.toml in a scratch environment
# and pin them all, so that every machine runs the notebooks with the same packages.
lock:
	rm -rf $(BUILD)/lock-venv
	$(PYTHON) -m venv $(BUILD)/lock-venv
	$(BUILD)/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check ".[test]"
	( echo "# Exact versions the committed notebook outputs were made with."; \
	  echo "# Regenerate with: make lock"; \
	  $(BUILD)/lock-venv/bin/python -m pip freeze --exclude-editable --exclude rnn-lstm-steps ) \
		> requirements.lock
	rm -rf $(BUILD)/lock-venv

clean:
	rm -rf $(BUILD) .pytest_cache .ruff_cache

# Start again from nothing: the next make command reinstalls everything.
clean-venv:
	rm -rf $(VENV)
