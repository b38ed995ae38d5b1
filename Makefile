# RNN and LSTM cells, step by step: set-up, tests and notebook maintenance.
# `make lab` and `make test` are all a newcomer needs; both create .venv when needed.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
BUILD  := build
LAB_ARGS ?=
# Learners' handouts: outside build/, so that `make clean` never removes a learner's work.
STUDENT ?= student
NOTEBOOKS := $(sort $(wildcard notebooks/[0-9][0-9]_*.ipynb))
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg
# Every core: pytest-xdist gives each worker whole files (--dist loadfile), so a notebook's
# cells run in order in one kernel, and the browser and site tests share one server each.
# Files are handed out in the order tests/session.py gives them (longest first, by measured
# seconds), not by their number of tests. Each worker passes its share of the cores to
# what it starts, as CPU_LIMIT (tests/session.py). `make test` runs one worker more than
# there are cores: the browser tests and the grading test spend much of their time waiting
# (for pages, servers and a time limit), and the extra worker fills those gaps (on 2 cores,
# measured back to back: 306 s with three workers, 478 s with four).
# The cores the course may use (helpers/budget.py: CPU_LIMIT, a cgroup's quota, the affinity
# mask); -n auto follows the same rule (tests/session.py).
CORES := $(shell $(PYTHON) -c "import runpy; print(runpy.run_path('helpers/budget.py')['cpu_limit']())" 2>/dev/null || nproc 2>/dev/null || echo 1)
PARALLEL := -n auto --dist loadfile --no-loadscope-reorder
TEST_PARALLEL := -n $(shell echo $$(( $(CORES) + 1 ))) --dist loadfile --no-loadscope-reorder
# JupyterLab refuses to run as root unless told; containers often run as root.
ROOT_ARGS := $(if $(filter 0,$(shell id -u 2>/dev/null)),--allow-root)

.PHONY: help lab student-lab test check check-pythons nbval portability lint execute ablations \
	recheck-results \
	student grade html \
	lock clean clean-venv \
	lab-env test-env

help:
	@echo "make lab      install the course (first time) and open JupyterLab on notebooks/"
	@echo "              (the course with its solutions, to read)"
	@echo "make student-lab  the learner's door: JupyterLab on the handouts in student/"
	@echo "              (exercises to do; written when missing, a learner's changes kept)"
	@echo "make test     everything: unit tests, notebook lints, nbval over every notebook,"
	@echo "              browser tests (installs the test tools the first time)"
	@echo "make check    unit tests and lints only (the fast inner loop)"
	@echo "make check-pythons  install the lock and run make check's tests on the oldest and"
	@echo "              the newest supported Python (3.10, 3.13), each in build/pythonX.Y"
	@echo "make nbval    nbval over every notebook"
	@echo "make portability  nbval over every notebook under other floating-point set-ups"
	@echo "              (numpy's SIMD limited, another OpenBLAS kernel, one BLAS thread),"
	@echo "              side by side"
	@echo "make lint     ruff over helpers, tests, scripts and notebooks"
	@echo "make execute  re-execute every notebook in place (after changing one)"
	@echo "make ablations  train the ablation study's whole grid (notebook 13) on every core"
	@echo "              and write build/ablations.json (REPLACE=1: the shipped file)"
	@echo "make recheck-results  retrain a subset of the shipped results and compare; renews"
	@echo "              helpers/data/provenance.json only when they hold"
	@echo "make student  write the handouts (solutions stubbed) to student/, file by file"
	@echo "make grade SUBMISSIONS=dir  grade a class: one folder of handouts per learner;"
	@echo "              writes build/grades/grades.csv and summary.txt (TIMEOUT=s per notebook,"
	@echo "              JOBS=notebooks at once, default one per core)"
	@echo "make html     render every notebook to an offline static site in build/site (needs npm)"
	@echo "make lock     regenerate requirements.lock from pyproject.toml (every supported Python)"
	@echo "make clean    remove build/ and caches (never student/); make clean-venv removes .venv"
	@echo ""
	@echo "Variables: PYTHON=python3.12 picks the interpreter for .venv (Python 3.10 to 3.13;"
	@echo "          .venv is rebuilt when it changes), LAB_ARGS=\"--no-browser --port 8899\""
	@echo "          passes options to JupyterLab, FORCE=1 lets make student overwrite handouts,"
	@echo "          STUDENT=dir puts the handouts elsewhere."

# scripts/make_venv.py creates .venv with $(PYTHON) when needed (rebuilding it when it was made
# with another Python) and installs with requirements.lock as a constraint when
# pyproject.toml or the lock changed. Learners get the course; `test` adds the test tools.
lab-env:
	@$(PYTHON) scripts/make_venv.py lab

test-env:
	@$(PYTHON) scripts/make_venv.py test

lab: lab-env
	$(BIN)/jupyter lab --ServerApp.root_dir=notebooks $(ROOT_ARGS) $(LAB_ARGS)

test: test-env
	$(BIN)/python -m pytest $(TEST_PARALLEL) $(NBVAL) tests $(NOTEBOOKS)

check: test-env
	$(BIN)/python -m pytest tests -m "not slow"

check-pythons:
	$(PYTHON) scripts/check_pythons.py

nbval: test-env
	$(BIN)/python -m pytest $(PARALLEL) $(NBVAL) $(NOTEBOOKS)

# The compared outputs must not depend on the CPU: run nbval again as other machines would
# compute (scripts/portability.py prints the configurations it uses), both configurations
# at once, each on its share of the cores.
portability: test-env
	$(BIN)/python scripts/portability.py --side-by-side -- \
		$(BIN)/python -m pytest -q $(PARALLEL) $(NBVAL) $(NOTEBOOKS)

lint: test-env
	$(BIN)/ruff check conftest.py helpers classroom tests scripts benchmarks notebooks
	$(BIN)/ruff format --check conftest.py helpers classroom tests scripts benchmarks

execute: test-env
	$(BIN)/python scripts/execute_notebooks.py $(NOTEBOOKS)

# REPLACE=1 writes the shipped helpers/data/ablations.json (default: build/ablations.json).
ablations: test-env
	$(BIN)/python scripts/ablations.py $(if $(REPLACE),--replace)

# Train again a subset of what helpers/data ships and compare; renews
# helpers/data/provenance.json only when the files still hold (scripts/recheck_results.py).
recheck-results: test-env
	$(BIN)/python scripts/recheck_results.py

# Student handouts: solution blocks replaced by stubs; never overwrites a learner's
# changes unless FORCE=1.
student: lab-env
	$(BIN)/python -m classroom.student notebooks $(STUDENT) $(if $(FORCE),--force)

# The learner's door: the handouts in JupyterLab (written first where missing or
# unchanged; a handout a learner changed is kept as it is).
student-lab: student
	$(BIN)/jupyter lab --ServerApp.root_dir=$(STUDENT) $(ROOT_ARGS) $(LAB_ARGS)

# Grade a class: SUBMISSIONS=<folder> holds one folder of handouts per learner; every
# notebook runs in a fresh kernel within TIMEOUT seconds, JOBS notebooks at once (default
# one per core; see classroom/grade.py).
TIMEOUT ?= 300
JOBS ?=
grade: test-env
	$(BIN)/python -m classroom.grade "$(SUBMISSIONS)" --timeout $(TIMEOUT) \
		$(if $(JOBS),--jobs $(JOBS)) --out $(BUILD)/grades

# The course as a static site that works offline (needs npm for the pinned page scripts).
html: test-env
	$(BIN)/python scripts/build_site.py --out $(BUILD)/site

# Resolve the newest versions allowed by pyproject.toml for every supported Python at once
# (uv's universal resolution: one file, with environment markers where a Python needs other
# versions) and pin them all, so that every machine runs the notebooks with the same packages.
lock:
	rm -rf $(BUILD)/lock-venv
	$(PYTHON) -m venv $(BUILD)/lock-venv
	$(BUILD)/lock-venv/bin/python -m pip install --quiet --disable-pip-version-check "uv>=0.13,<0.14"
	( echo "# Exact versions the committed notebook outputs were made with, for Python 3.10 to 3.13"; \
	  echo "# (markers pick the versions of each Python). Regenerate with: make lock"; \
	  $(BUILD)/lock-venv/bin/uv pip compile --quiet pyproject.toml --extra test --universal \
		--python-version 3.10 --no-annotate --no-header ) > requirements.lock.new
	mv requirements.lock.new requirements.lock
	rm -rf $(BUILD)/lock-venv

clean:
	rm -rf $(BUILD) .pytest_cache .ruff_cache

# Start again from nothing: the next make command reinstalls everything.
clean-venv:
	rm -rf $(VENV)
