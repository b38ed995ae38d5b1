"""ruff keeps helpers, tests, scripts, benchmarks and the notebooks tidy."""

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def test_ruff_finds_nothing():
    ruff = shutil.which("ruff", path=str(Path(sys.executable).parent)) or "ruff"
    result = subprocess.run(
        [
            ruff,
            "check",
            "--no-cache",
            "conftest.py",
            "helpers",
            "classroom",
            "tests",
            "scripts",
            "benchmarks",
            "notebooks",
        ],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
