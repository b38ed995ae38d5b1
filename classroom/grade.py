"""Grade a class: every learner's handouts executed in a fresh kernel, each exercise graded
by what its check returns (`make grade SUBMISSIONS=<folder>`).

    python -m classroom.grade SUBMISSIONS [--timeout 300] [--jobs N] [--out build/grades]

SUBMISSIONS holds one folder per learner, each with the handouts named as `make student`
names them (NN_name.ipynb). For every notebook of the course that has exercises:

1. The learner's code cells are read for tampering: defining or replacing a check, or
   printing a check's pass mark. Such a notebook earns nothing, and the message says why.
2. A copy of it runs in a fresh kernel, in a child process with a time limit for the whole
   notebook; runaway code is stopped with the process group. Where `unshare` can give the
   child a network namespace of its own, the notebook has no network (the kernel then
   talks over IPC, not TCP); the summary says when it could not. --jobs notebooks run at
   once (default: one per core), so a runaway one holds up only its own slot.
3. After the learner's last cell, one more cell calls the course's check of each exercise
   on the learner's function of that name, and reports what the check *returns* (not
   what anything prints), on lines marked with a random token the learner's code never
   saw.

It writes <out>/grades.csv (learner, notebook, exercise, passed, message: one row per
learner and exercise) and <out>/summary.txt, a readable summary per learner.

A deterrent against tampering, not a sandbox: the learner's code runs with the rights of
whoever runs the grader (files, processes). Grade in a container or as a user of its own.
"""

import argparse
import csv
import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat

from helpers.budget import cpu_limit

NOTEBOOKS = Path(__file__).resolve().parent.parent / "notebooks"
CHECK_CALL = re.compile(r"checks\.check_(\w+)\(")
DEFAULT_TIMEOUT = 300  # s per notebook: the slowest takes under 50 s on a 2-core machine

# Code that changes or imitates the checks, and how the message names it.
TAMPERING = [
    (re.compile(r"^\s*(def|class)\s+check_\w+|^\s*check_\w+\s*=", re.M), "defines a check"),
    (re.compile(r"\bchecks\s*=[^=]|\bchecks\.\w+\s*=[^=]|setattr\(\s*checks"), "replaces a check"),
    (re.compile(r"sys\.set(profile|trace)|\bbuiltins\b"), "changes what the checks rely on"),
    (re.compile(r"✓"), "prints a check's pass mark (✓)"),
]

# Run in the learner's kernel after their last cell; {token} and {names} are filled in.
GRADER_CELL = """\
def _grade_exercises(token, names):
    import contextlib, io, json
    from helpers import checks as course_checks
    for name in names:
        fn, report = globals().get(name), io.StringIO()
        if fn is None:
            passed, message = False, f"{{name}} is not defined: its cell did not run"
        else:
            with contextlib.redirect_stdout(report):
                passed = course_checks.CHECKS[name](fn) is True
            message = report.getvalue().strip()
        print(token + json.dumps({{"exercise": name, "passed": passed, "message": message}}))


_grade_exercises({token!r}, {names!r})
"""


@dataclass
class Grade:
    learner: str
    notebook: str
    exercise: str
    passed: bool
    message: str


def exercises_by_notebook(source=NOTEBOOKS):
    """{notebook file name: [exercise names, in order]}, read from the course's notebooks
    (so that a check cell a learner deleted still counts)."""
    found = {}
    for path in sorted(Path(source).glob("[0-9][0-9]_*.ipynb")):
        text = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells)
        names = list(dict.fromkeys(CHECK_CALL.findall(text)))
        if names:
            found[path.name] = names
    return found


def tampering(nb):
    """The first sign of tampering in a notebook's code cells, as a phrase, or None."""
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code":
            continue
        for pattern, what in TAMPERING:
            if pattern.search(cell.source):
                return f"code cell {index} {what}"
    return None


def network_isolation():
    """The command prefix that runs a child without network, or [] where it cannot."""
    if shutil.which("unshare") is None:
        return []
    probe = subprocess.run(["unshare", "-rn", "true"], capture_output=True)
    return ["unshare", "-rn"] if probe.returncode == 0 else []


def run_one(path, token, names, cell_timeout):
    """In the child: execute the notebook and the grader's cell; print the results as JSON."""
    from jupyter_client.manager import KernelManager
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(GRADER_CELL.format(token=token, names=names)))
    km = KernelManager(kernel_name="python3", transport="ipc")  # works without a network
    client = NotebookClient(nb, km=km, timeout=cell_timeout, allow_errors=True,
                            resources={"metadata": {"path": str(Path(path).parent)}})  # fmt: skip
    client.execute()
    results = {}
    for output in nb.cells[-1].outputs:
        for line in output.get("text", "").splitlines():
            if line.startswith(token):
                result = json.loads(line[len(token) :])
                results[result["exercise"]] = result
    errors = [
        f"code cell {index} raised {output.ename}"
        for index, cell in enumerate(nb.cells[:-1])
        if cell.cell_type == "code"
        for output in cell.outputs
        if output.output_type == "error"
    ]
    print(json.dumps({"results": results, "errors": errors}))


def grade_notebook(learner, path, names, timeout, isolation):
    """Grades of one learner's notebook, one per exercise."""
    nb = nbformat.read(path, as_version=4)

    def everyone(passed, message):
        return [Grade(learner, path.name, name, passed, message) for name in names]

    sign = tampering(nb)
    if sign:
        return everyone(False, f"no credit: {sign}")
    token = secrets.token_hex(16)
    with tempfile.TemporaryDirectory(prefix="grade-") as work:
        copy = Path(work) / path.name
        shutil.copyfile(path, copy)
        command = [*isolation, sys.executable, "-m", "classroom.grade", "--run-one", str(copy),
                   "--token", token, "--exercises", ",".join(names),
                   "--timeout", str(timeout)]  # fmt: skip
        child = subprocess.Popen(
            command,
            cwd=work,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            start_new_session=True,  # one process group with the kernel, stopped together
        )
        try:
            out, _ = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)  # the kernel goes with it
            child.communicate()
            return everyone(False, f"the notebook did not finish within {timeout} s")
    try:
        report = json.loads(out.strip().splitlines()[-1])
    except (IndexError, json.JSONDecodeError):
        return everyone(False, "the notebook could not be run")
    grades = []
    for name in names:
        result = report["results"].get(name)
        if result is None:
            why = report["errors"][0] if report["errors"] else "the grading cell did not run"
            grades.append(Grade(learner, path.name, name, False, f"not graded: {why}"))
        else:
            message = result["message"]
            if not result["passed"] and report["errors"]:
                message += f" ({', '.join(report['errors'][:2])})"
            grades.append(Grade(learner, path.name, name, result["passed"], message))
    return grades


def default_jobs():
    """One notebook at a time per core the course may use (helpers.budget.cpu_limit:
    the CPU limit, the cgroup's quota and the affinity mask)."""
    return cpu_limit()


def grade_class(submissions, timeout=DEFAULT_TIMEOUT, source=NOTEBOOKS, jobs=None):
    """Grades of every learner (each subfolder of submissions) and exercise, in the order
    of learners and notebooks; jobs notebooks are run at once (default: one per core)."""
    expected = exercises_by_notebook(source)
    isolation = network_isolation()

    def grade(folder, notebook, names):
        path = folder / notebook
        if path.exists():
            return grade_notebook(folder.name, path, names, timeout, isolation)
        return [Grade(folder.name, notebook, name, False, "not handed in") for name in names]

    work = [
        (folder, notebook, names)
        for folder in sorted(p for p in Path(submissions).iterdir() if p.is_dir())
        for notebook, names in expected.items()
    ]
    # Threads only wait: each notebook runs in a child process of its own.
    with ThreadPoolExecutor(max_workers=max(1, jobs or default_jobs())) as pool:
        graded = list(pool.map(lambda job: grade(*job), work))
    return [g for grades in graded for g in grades], bool(isolation)


def write_reports(grades, out, isolated):
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    with open(out / "grades.csv", "w", newline="", encoding="utf-8") as file:
        writer = csv.writer(file)
        writer.writerow(["learner", "notebook", "exercise", "passed", "message"])
        for g in grades:
            writer.writerow([g.learner, g.notebook, g.exercise, str(g.passed).lower(), g.message])
    lines = [] if isolated else ["(the notebooks ran with the network: unshare was not usable)"]
    for learner in dict.fromkeys(g.learner for g in grades):
        mine = [g for g in grades if g.learner == learner]
        lines.append(f"{learner}: {sum(g.passed for g in mine)} of {len(mine)} exercises passed")
        for g in mine:
            if not g.passed:
                first = g.message.splitlines()[0] if g.message else ""
                lines.append(f"  {g.notebook} {g.exercise}: {first}")
    (out / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("submissions", nargs="?", help="one folder per learner")
    parser.add_argument("--timeout", type=int, default=DEFAULT_TIMEOUT,
                        help=f"seconds per notebook (default {DEFAULT_TIMEOUT})")  # fmt: skip
    parser.add_argument("--jobs", type=int, default=None,
                        help="notebooks run at once (default: one per core)")  # fmt: skip
    parser.add_argument("--out", default=str(NOTEBOOKS.parent / "build" / "grades"))
    parser.add_argument("--run-one", help=argparse.SUPPRESS)
    parser.add_argument("--token", help=argparse.SUPPRESS)
    parser.add_argument("--exercises", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.run_one:
        run_one(args.run_one, args.token, args.exercises.split(","), args.timeout)
        return 0
    if not args.submissions or not Path(args.submissions).is_dir():
        print("make grade: give the folder of submissions, e.g. make grade SUBMISSIONS=class",
              file=sys.stderr)  # fmt: skip
        return 2
    if args.jobs is not None and args.jobs < 1:
        parser.error(f"--jobs must be 1 or more, got {args.jobs}")
    grades, isolated = grade_class(args.submissions, args.timeout, jobs=args.jobs)
    print(write_reports(grades, args.out, isolated))
    print(f"wrote {Path(args.out) / 'grades.csv'} and {Path(args.out) / 'summary.txt'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
