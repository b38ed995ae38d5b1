"""Loaded by pytest for every run in this repository, whatever paths it is given (make
test, make check, make nbval, make portability): the session's set-up, in
tests/session.py."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "tests"))

from session import (  # noqa: E402, F401  (pytest finds the hooks by their names)
    pytest_collection_modifyitems,
    pytest_configure,
    pytest_unconfigure,
    pytest_xdist_auto_num_workers,
)
