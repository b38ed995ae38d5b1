"""The course's CI, stage by stage, with each stage's wall time (run by .ci/run).

    python3 scripts/ci.py            # every stage, in order; stops at the first failure
    python3 scripts/ci.py --list     # the stages and what each runs

Every stage is a command a maintainer can run alone (a make target, mostly). Stages in one
group run at the same time: the installs wait on downloads and disks more than on the
cores, so they share the start. The stages that execute notebooks run one after the other,
each using every core (see tests/conftest.py for how the cores are shared within one).

At the end it prints a table: each stage's wall time, its result, and the total, which the
README's maintainer section budgets (15 minutes on a 2-core machine).
"""

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BUDGET_SECONDS = 15 * 60


def chromium_command():
    """Debian's chromium for the browser tests, when it is missing (None: present)."""
    if shutil.which("chromium"):
        return None
    apt = "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium"
    return ["bash", "-c", apt + " >/dev/null"]


def stages():
    """Groups of (name, what it checks, command); the stages of a group run at once."""
    make = ["make", "--no-print-directory", f"PYTHON={PYTHON}"]
    browser = chromium_command()
    installs = [
        ("install", "the course and its test tools into .venv", make + ["test-env"]),
        ("install-pythons", "the lock into a scratch environment per Python (3.10, 3.13)",
         [PYTHON, "scripts/check_pythons.py", "--install-only"]),
    ]  # fmt: skip
    if browser:
        installs.insert(0, ("chromium", "Debian's chromium for the browser tests", browser))
    return [
        installs,
        [("test", "make test: unit tests, lints, nbval, browser tests", make + ["test"])],
        [("portability", "make portability: nbval under two other floating-point set-ups",
          make + ["portability"])],
        [("pythons", "make check-pythons: make check's tests on Python 3.10 and 3.13",
          make + ["check-pythons"])],
    ]  # fmt: skip


def run(name, command, log=None):
    """Run one stage; return (name, seconds, exit status). With log, its output goes there."""
    start = time.perf_counter()
    if log is None:
        print(f"ci: --- {name}: {' '.join(command)}", flush=True)
        status = subprocess.call(command, cwd=ROOT)
    else:
        with open(log, "w", encoding="utf-8") as out:
            status = subprocess.call(command, cwd=ROOT, stdout=out, stderr=subprocess.STDOUT)
    return name, time.perf_counter() - start, status


def run_group(group, logs):
    """Run a group's stages at once (one alone: its output straight to the terminal)."""
    if len(group) == 1:
        name, _, command = group[0]
        return [run(name, command)]
    with ThreadPoolExecutor(len(group)) as pool:
        futures = [
            pool.submit(run, name, command, logs / f"{name}.log") for name, _, command in group
        ]
        print(f"ci: --- {', '.join(name for name, _, _ in group)} at once", flush=True)
        results = [future.result() for future in futures]
    for name, _, _ in results:  # their output, one stage after the other
        text = (logs / f"{name}.log").read_text(encoding="utf-8", errors="replace").strip()
        if text:
            print(f"ci: output of {name}:\n{text}", flush=True)
    return results


def table(results, total):
    lines = [f"{'stage':<16}{'seconds':>8}  result"]
    for name, seconds, status in results:
        lines.append(f"{name:<16}{seconds:>8.0f}  {'passed' if status == 0 else 'FAILED'}")
    lines.append(f"{'total':<16}{total:>8.0f}  (budget {BUDGET_SECONDS} s on 2 cores)")
    return "\n".join(f"ci: {line}" for line in lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="print the stages and stop")
    args = parser.parse_args(argv)
    groups = stages()
    if args.list:
        for group in groups:
            for name, what, command in group:
                together = (
                    " (at the same time as the others of its group)" if len(group) > 1 else ""
                )
                print(f"{name:<16}{what}{together}\n{'':<16}$ {' '.join(command)}")
        return 0
    os.environ["COURSE_BROWSER_REQUIRED"] = "1"  # a skipped browser test is a failure here
    start, results = time.perf_counter(), []
    with tempfile.TemporaryDirectory(prefix="course-ci-") as logs:
        for group in groups:
            results += run_group(group, Path(logs))
            if any(status for _, _, status in results):
                break
    total = time.perf_counter() - start
    print(table(results, total), flush=True)
    return next((status for _, _, status in results if status), 0)


if __name__ == "__main__":
    sys.exit(main())
