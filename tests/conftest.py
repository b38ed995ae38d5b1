"""Fixtures shared by the tests; the set-up of every run lives in session.py (loaded by
the top-level conftest.py)."""

import numpy as np
import pytest
from session import NOTEBOOKS, ROOT, TRAINING_RUNS  # noqa: F401  (test files import them from here)


@pytest.fixture
def rng():
    return np.random.default_rng(2024)


# The browser fixtures (a chromium, a JupyterLab, a page, a JupyterLab app page per test
# file), registered once for the session.
from browser.jupyterlab_app import lab_app  # noqa: E402, F401
from browser.lab import browser, lab, page, playwright_api  # noqa: E402, F401
