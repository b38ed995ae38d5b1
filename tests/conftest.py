"""Shared test set-up: a hermetic Jupyter environment and nbval's output timeout."""

import os
import shutil
import tempfile
from pathlib import Path

import numpy as np
import pytest

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))

# Jupyter, IPython and matplotlib read and write these folders; point them at a
# temporary folder so that a test run neither reads nor changes the user's set-up.
HERMETIC_DIRS = {
    "JUPYTER_CONFIG_DIR": "jupyter-config",
    "JUPYTER_DATA_DIR": "jupyter-data",
    "JUPYTER_RUNTIME_DIR": "jupyter-runtime",
    "IPYTHONDIR": "ipython",
    "MPLCONFIGDIR": "matplotlib",
}
# nbval waits this long for the next output of a cell (its own default is 5 s).
NBVAL_OUTPUT_TIMEOUT = 120

_scratch = None


def pytest_configure(config):
    global _scratch
    config.addinivalue_line("markers", "slow: starts a server or a kernel (not in make check)")
    _scratch = tempfile.mkdtemp(prefix="course-tests-")
    for variable, folder in HERMETIC_DIRS.items():
        path = Path(_scratch) / folder
        path.mkdir()
        os.environ[variable] = str(path)


def pytest_unconfigure(config):
    if _scratch:
        shutil.rmtree(_scratch, ignore_errors=True)


def training_runs(path):
    """How many progress bars a notebook's code shows: the notebooks that train for long
    (07 and 09 take 50 s and 30 s of the two minutes that the course takes) show one."""
    return path.read_text(encoding="utf-8").count("widgets.progress_bar(")


TRAINING_RUNS = {path: training_runs(path) for path in NOTEBOOKS}


def longest_first(item):
    """Where a test file goes in the run: with pytest-xdist's --dist loadfile (make test)
    whole files are handed to the workers in this order, so the longest known come first
    and the workers finish at about the same time: the notebooks that train (the most
    progress bars first) and the browser test that runs notebooks, then the other browser
    tests, the grading test (which waits for a time limit) and the handouts' test (which
    runs them), then the other notebooks from the last (later ones compute more), then
    the unit tests."""
    path = item.path
    if path.name == "test_jupyterlab_controls.py" or TRAINING_RUNS.get(path):
        return (0, 0, -TRAINING_RUNS.get(path, 0))
    if path.parent.name == "browser":
        return (0, 1)
    if path.name in ("test_grade.py", "test_student.py"):
        return (0, 2)
    if path in NOTEBOOKS:
        return (1, -NOTEBOOKS.index(path))
    return (2, 0)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if hasattr(item, "output_timeout"):  # an nbval cell
            item.output_timeout = NBVAL_OUTPUT_TIMEOUT
    items.sort(key=longest_first)  # stable: the tests in a file keep their order


@pytest.fixture
def rng():
    return np.random.default_rng(2024)


# The browser fixtures (a chromium, a JupyterLab, a page, a JupyterLab app page per test
# file), registered once for the session.
from browser.jupyterlab_app import lab_app  # noqa: E402, F401
from browser.lab import browser, lab, page, playwright_api  # noqa: E402, F401
