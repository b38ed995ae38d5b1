"""The set-up of every pytest run of the course (make test, check, nbval, portability):
a hermetic Jupyter environment, each pytest-xdist worker's share of the cores, nbval's
output timeout, and the order in which files are handed to the workers.

The repository's top-level conftest.py loads it, so that it applies also when pytest is
given only notebooks (make nbval, make portability); tests/conftest.py adds the fixtures.
"""

import os
import shutil
import tempfile
from pathlib import Path

from helpers import budget

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


def share_the_cores(environ=os.environ):
    """Give each pytest-xdist worker its share of the cores, as CPU_LIMIT.

    Under `make test` each worker runs its own notebooks, servers and kernels, which
    inherit this environment: setup_notebook() then keeps BLAS to the share, and a
    training sweep (07, 11, 13) or the grader runs that many processes
    (helpers.budget.cpu_limit), instead of one per core in every worker at once.
    Returns the share (None outside pytest-xdist or with one worker)."""
    workers = int(environ.get("PYTEST_XDIST_WORKER_COUNT", "1") or 1)
    if workers <= 1:
        return None
    share = budget.cpu_limit(environ) / workers
    environ["CPU_LIMIT"] = f"{share:.3g}"
    return share


def pytest_xdist_auto_num_workers(config):
    """`pytest -n auto`: one worker per core the course may use (helpers.budget.cpu_limit:
    CPU_LIMIT, the cgroup's quota, the affinity mask), not one per core of the machine."""
    return budget.cpu_limit()


def pytest_configure(config):
    global _scratch
    config.addinivalue_line("markers", "slow: starts a server or a kernel (not in make check)")
    share_the_cores()
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
    (07, 09, 11, 12, 13) show at least one."""
    return path.read_text(encoding="utf-8").count("widgets.progress_bar(")


TRAINING_RUNS = {path: training_runs(path) for path in NOTEBOOKS}

# Seconds of one worker per file in `make test` on a 2-core machine (three workers, each
# kernel on one core), measured with --durations=0; only the order matters: it is the
# order in which pytest-xdist (--dist loadfile) hands out whole files, so the longest go
# first and the workers finish together. Files not listed follow, by longest_first.
MEASURED_SECONDS = {
    "13_what_makes_the_lstm_work.ipynb": 130,
    "test_site.py": 86,
    "07_training_rnn_vs_lstm.ipynb": 76,
    "11_gru.ipynb": 73,
    "test_student.py": 70,
    "test_jupyterlab_controls.py": 70,
    "test_jupyterlab.py": 57,
    "09_character_language_model.ipynb": 39,
    "test_grade.py": 33,
    "12_deep_and_bidirectional.ipynb": 26,
    "10_fast_lstm.ipynb": 22,
}


def longest_first(item):
    """Where a test file goes in the run: the files of MEASURED_SECONDS, longest first;
    then any other notebook that trains or browser test (new ones, not measured yet),
    then the other notebooks from the last (later ones compute more), then the unit
    tests."""
    path = item.path
    if path.name in MEASURED_SECONDS:
        return (0, -MEASURED_SECONDS[path.name])
    if TRAINING_RUNS.get(path) or path.parent.name == "browser":
        return (1, 0)
    if path in NOTEBOOKS:
        return (2, -NOTEBOOKS.index(path))
    return (3, 0)


def pytest_collection_modifyitems(config, items):
    for item in items:
        if hasattr(item, "output_timeout"):  # an nbval cell
            item.output_timeout = NBVAL_OUTPUT_TIMEOUT
    items.sort(key=longest_first)  # stable: the tests in a file keep their order
