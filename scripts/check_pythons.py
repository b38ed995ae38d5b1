"""Install the lock on the oldest and the newest supported Python, and run the fast tests.

    python3 scripts/check_pythons.py [3.10 3.13]
    python3 scripts/check_pythons.py --install-only     # only the installs (CI starts them early)

requirements.lock holds the versions for every supported Python (with markers where one
needs other versions); this checks that it installs and that `make check`'s tests pass on
each Python named (default: the oldest and the newest supported), each in its own scratch
environment under build/, leaving .venv alone. A Python that is not on this machine is
skipped with a message. Looks for pythonX.Y on PATH, then in pyenv's versions folder.

The Pythons are checked side by side (each install and each test run is one process). An
environment is installed from nothing, unless it was installed from the same lock,
pyproject.toml and Python before (a stamp in it records them): .ci/run installs them while
the other installs run, then checks them after the notebooks. Byte-code is compiled on
first import rather than at install time: these environments live for one run.
"""

import argparse
import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEFAULT = ("3.10", "3.13")
STAMP = ".installed-lock"


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


def fingerprint(python):
    """What an environment was installed from: the lock, pyproject.toml and the Python."""
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "requirements.lock"):
        digest.update((ROOT / name).read_bytes())
    digest.update(str(Path(python).resolve()).encode())
    return digest.hexdigest()


def run_steps(version, steps, log):
    """Run the steps in order, their output to log; the first failing step's status."""
    for step in steps:
        status = subprocess.call(step, cwd=ROOT, stdout=log, stderr=subprocess.STDOUT)
        if status:
            print(f"check-pythons: Python {version} FAILED at: {' '.join(map(str, step[1:4]))}",
                  file=log)  # fmt: skip
            return status
    return 0


def install(version, python, log):
    env = ROOT / "build" / f"python{version}"
    stamp = env / STAMP
    if stamp.exists() and stamp.read_text(encoding="utf-8").strip() == fingerprint(python):
        print(f"check-pythons: Python {version}: the lock is installed already", file=log)
        return 0
    shutil.rmtree(env, ignore_errors=True)
    print(f"check-pythons: Python {version} ({python}): installing the lock", file=log)
    status = run_steps(version, [
        [python, "-m", "venv", str(env)],
        [str(env / "bin" / "python"), "-m", "pip", "install", "--quiet", "--no-compile",
         "--disable-pip-version-check", "-c", "requirements.lock", "-e", ".[test]"],
    ], log)  # fmt: skip
    if status == 0:
        stamp.write_text(fingerprint(python) + "\n", encoding="utf-8")
    return status


def check(version, install_only=False):
    """Install (when needed) and test one Python; return (exit status, what it printed)."""
    log = _Log()
    python = find_python(version)
    if python is None:
        print(f"check-pythons: Python {version} is not on this machine: skipped", file=log)
        return 0, log.text()
    status = install(version, python, log)
    if status or install_only:
        return status, log.text()
    env_python = ROOT / "build" / f"python{version}" / "bin" / "python"
    tests = [str(env_python), "-m", "pytest", "tests", "-m", "not slow", "-q",
             "-p", "no:cacheprovider"]  # fmt: skip
    status = run_steps(version, [tests], log)
    if status == 0:
        print(f"check-pythons: Python {version} passed", file=log)
    return status, log.text()


class _Log:
    """A temporary file that collects a check's output (subprocesses write to it too)."""

    def __init__(self):
        self._file = tempfile.TemporaryFile("w+", encoding="utf-8")

    def fileno(self):
        return self._file.fileno()

    def write(self, text):
        self._file.write(text)
        self._file.flush()

    def flush(self):
        self._file.flush()

    def text(self):
        self._file.seek(0)
        return self._file.read()


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("versions", nargs="*", default=list(DEFAULT))
    parser.add_argument("--install-only", action="store_true",
                        help="install the scratch environments, run no tests")  # fmt: skip
    args = parser.parse_args(argv)
    with ThreadPoolExecutor(len(args.versions)) as pool:
        futures = [pool.submit(check, version, args.install_only) for version in args.versions]
        results = [future.result() for future in futures]
    for _, text in results:  # each Python's output in one piece, in the order named
        print(text.rstrip(), flush=True)
    return next((status for status, _ in results if status), 0)


if __name__ == "__main__":
    sys.exit(main())
