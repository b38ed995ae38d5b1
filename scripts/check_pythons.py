"""Install the lock on the oldest and the newest supported Python, and run the fast tests.

    python3 scripts/check_pythons.py [3.10 3.13]

requirements.lock holds the versions for every supported Python (with markers where one
needs other versions); this checks that it installs and that `make check`'s tests pass on
each Python named (default: the oldest and the newest supported), each in its own scratch
environment under build/, leaving .venv alone. A Python that is not on this machine is
skipped with a message. Looks for pythonX.Y on PATH, then in pyenv's versions folder.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("3.10", "3.13")


def find_python(version):
    """A working interpreter of this minor version, or None."""
    candidates = [shutil.which(f"python{version}")]
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
    candidates += sorted(pyenv.glob(f"{version}.*/bin/python{version}"), reverse=True)
    for candidate in filter(None, candidates):
        probe = subprocess.run(
            [str(candidate), "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
            capture_output=True, text=True,
        )  # fmt: skip
        if probe.returncode == 0 and probe.stdout.strip() == version:
            return str(candidate)
    return None


def check(version):
    python = find_python(version)
    if python is None:
        print(f"check-pythons: Python {version} is not on this machine: skipped", flush=True)
        return 0
    env = ROOT / "build" / f"python{version}"
    shutil.rmtree(env, ignore_errors=True)
    print(f"check-pythons: Python {version} ({python}): installing the lock", flush=True)
    steps = [
        [python, "-m", "venv", str(env)],
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet",
         "--disable-pip-version-check", "-c", "requirements.lock", "-e", ".[test]"],
        [str(env / "bin" / "python"), "-m", "pytest", "tests", "-m", "not slow", "-q",
         "-p", "no:cacheprovider"],
    ]  # fmt: skip
    for step in steps:
        status = subprocess.call(step, cwd=ROOT)
        if status:
            print(f"check-pythons: Python {version} FAILED at: {' '.join(step[1:4])}")
            return status
    print(f"check-pythons: Python {version} passed", flush=True)
    return 0


def main(argv=None):
    versions = (sys.argv[1:] if argv is None else argv) or DEFAULT
    statuses = [check(version) for version in versions]
    return next((status for status in statuses if status), 0)


if __name__ == "__main__":
    sys.exit(main())
