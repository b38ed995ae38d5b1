"""Create or update the course's virtual environment (called by make before every target).

    python3 scripts/make_venv.py lab     # the course and what running it needs
    python3 scripts/make_venv.py test    # ... and the test tools (pytest, nbval, ruff, playwright)

Run with the interpreter you want the course to use (make passes $(PYTHON)). It

* stops with one line naming the Python when that Python is not supported;
* rebuilds .venv when it was made with another Python (after a failed install with the
  wrong one, say), instead of reusing it;
* installs with requirements.lock as a constraint, only when pyproject.toml, the lock,
  the Python or the wanted extras changed since the last install (a stamp file records
  them), and says what to do in one line when the install fails.
"""

import hashlib
import shutil
import subprocess
import sys
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENV = ROOT / ".venv"
SUPPORTED = ((3, 10), (3, 13))  # oldest and newest supported Python, inclusive
KINDS = {"lab": ".", "test": ".[test]"}  # what each kind installs
PYTHON_HINT = "make PYTHON=python3.11 ..."


def supported_range():
    (a, b), (c, d) = SUPPORTED
    return f"{a}.{b} to {c}.{d}"


def venv_python():
    windows = VENV / "Scripts" / "python.exe"
    return windows if windows.exists() else VENV / "bin" / "python"


def venv_version():
    """The full version of .venv's Python, or None when there is no working one."""
    python = venv_python()
    if not python.exists():
        return None
    try:
        out = subprocess.run(
            [str(python), "-c", "import platform; print(platform.python_version())"],
            capture_output=True, text=True, timeout=60, check=True,
        )  # fmt: skip
    except (OSError, subprocess.SubprocessError):
        return None
    return out.stdout.strip()


def fingerprint(kind):
    digest = hashlib.sha256()
    for name in ("pyproject.toml", "requirements.lock"):
        digest.update((ROOT / name).read_bytes())
    digest.update(f"{sys.version} {KINDS[kind]}".encode())
    return digest.hexdigest()


def stamp(kind):
    return VENV / f".installed-{kind}"


def up_to_date(kind):
    kinds = ("test",) if kind == "test" else ("lab", "test")  # test includes lab
    for k in kinds:
        path = stamp(k)
        if path.exists() and path.read_text(encoding="utf-8").strip() == fingerprint(k):
            return True
    return False


def main(argv=None):
    argv = sys.argv[1:] if argv is None else argv
    if len(argv) != 1 or argv[0] not in KINDS:
        print(f"usage: python3 scripts/make_venv.py {{{'|'.join(KINDS)}}}", file=sys.stderr)
        return 2
    kind = argv[0]
    here = ".".join(map(str, sys.version_info[:3]))
    if not SUPPORTED[0] <= sys.version_info[:2] <= SUPPORTED[1]:
        print(
            f"make: this is Python {here} ({sys.executable}); the course supports Python "
            f"{supported_range()}: choose one with {PYTHON_HINT}",
            file=sys.stderr,
        )
        return 1
    made_with = venv_version()
    if VENV.exists() and made_with != here:
        why = f"it was made with Python {made_with}" if made_with else "it has no working Python"
        print(f"make: rebuilding .venv for Python {here}: {why}")
        shutil.rmtree(VENV)
    if not VENV.exists():
        print(f"make: creating .venv with Python {here} ({sys.executable})")
        venv.create(VENV, with_pip=True)
    if up_to_date(kind):
        return 0
    print(f"make: installing the course ({KINDS[kind]}) into .venv with requirements.lock")
    pip = [str(venv_python()), "-m", "pip", "install", "--quiet", "--disable-pip-version-check"]
    command = pip + ["-c", "requirements.lock", "-e", KINDS[kind]]
    if subprocess.call(command, cwd=ROOT) != 0:
        print(
            f"make: installing into .venv with Python {here} failed (see above). The course "
            f"supports Python {supported_range()}; to start again from nothing run "
            f"`make clean-venv`, or pick another Python with {PYTHON_HINT}",
            file=sys.stderr,
        )
        return 1
    for k in KINDS:
        stamp(k).unlink(missing_ok=True)
    stamp(kind).write_text(fingerprint(kind) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
