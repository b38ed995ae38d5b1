"""Make student notebooks from the solution notebooks (`make student`).

    python -m classroom.student notebooks student [--force]

In every notebook, each block between a line `### BEGIN SOLUTION` and a line
`### END SOLUTION` is replaced by a stub that raises NotImplementedError with a one-line
hint; the hint is whatever follows `### BEGIN SOLUTION:` on the marker line. Outputs and
execution counts are cleared; everything else is kept. A notebook without exercises is
copied as it is, so that every link between notebooks resolves among the handouts.

A learner's work is never lost: the generator remembers a fingerprint of every notebook
it wrote (in .generated.json next to them). File by file, it writes the handouts that are
missing or unchanged since, and leaves alone (and names) one that has changed, or one it
did not write, unless asked with --force (`make student FORCE=1`).
"""

import argparse
import hashlib
import json
import re
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat

BEGIN = re.compile(r"^(?P<indent>[ \t]*)### BEGIN SOLUTION(?::\s*(?P<hint>.*?))?\s*$")
END = re.compile(r"^[ \t]*### END SOLUTION\s*$")
DEFAULT_HINT = "write your code here (see the instructions above)"
MANIFEST = ".generated.json"


class SolutionMarkerError(ValueError):
    """A BEGIN SOLUTION without its END, or the other way round."""


def strip_solutions(source):
    """Replace every solution block of a cell's source by a NotImplementedError stub.

    Returns
    -------
    (new_source, count) : str and the number of blocks replaced
    """
    lines, out, count, inside = source.splitlines(), [], 0, None
    for number, line in enumerate(lines, 1):
        begin, end = BEGIN.match(line), END.match(line)
        if begin:
            if inside is not None:
                raise SolutionMarkerError(f"line {number}: BEGIN SOLUTION inside a solution")
            inside = begin
        elif end:
            if inside is None:
                raise SolutionMarkerError(f"line {number}: END SOLUTION without a BEGIN")
            hint = (inside["hint"] or DEFAULT_HINT).replace('"', "'")
            out.append(f'{inside["indent"]}raise NotImplementedError("Exercise: {hint}")')
            inside, count = None, count + 1
        elif inside is None:
            out.append(line)
    if inside is not None:
        raise SolutionMarkerError("a BEGIN SOLUTION has no END SOLUTION")
    return "\n".join(out), count


def student_notebook(nb):
    """A copy of a notebook with solutions stubbed and outputs cleared; and the count."""
    nb = nbformat.from_dict(json.loads(json.dumps(nb)))
    total = 0
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.source, count = strip_solutions(cell.source)
            total += count
            cell.outputs, cell.execution_count = [], None
    return nb, total


def fingerprint(path):
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


@dataclass
class Handouts:
    """What generate did: the handouts it wrote and the changed ones it left alone."""

    written: list = field(default_factory=list)
    left_alone: list = field(default_factory=list)


# Files beside the notebooks that they link to, copied with the handouts (never edited by
# a learner, so always replaced).
COMPANIONS = ("references.md",)


def generate(source_dir, target_dir, force=False, out=sys.stdout):
    """Write a student version of every notebook, file by file: solutions stubbed where
    it has exercises, the notebook as it is otherwise (so links between handouts work).

    A handout that is missing, or unchanged since it was generated here, is (re)written. A
    handout that was changed after it was generated (or that this folder's manifest does
    not know) is a learner's work: it is left alone and named, unless force is True.

    Returns
    -------
    Handouts with the paths written and the paths left alone
    """
    source_dir, target_dir = Path(source_dir), Path(target_dir)
    manifest_path = target_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    target_dir.mkdir(parents=True, exist_ok=True)
    result = Handouts()
    for path in sorted(source_dir.glob("[0-9][0-9]_*.ipynb")):
        original = nbformat.read(path, as_version=4)
        nb, count = student_notebook(original)
        if not count:  # nothing to write: the notebook as it is, outputs and all
            nb = original
        target = target_dir / path.name
        changed = target.exists() and manifest.get(target.name) != fingerprint(target)
        if changed and not force:
            result.left_alone.append(target)
            continue
        nbformat.write(nb, target)
        manifest[target.name] = fingerprint(target)
        result.written.append(target)
        print(f"{target}: {count} exercise(s)" if count else f"{target}: to read", file=out)
    for name in COMPANIONS:  # files the notebooks link to, such as the references
        if (source_dir / name).exists():
            shutil.copyfile(source_dir / name, target_dir / name)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    if result.left_alone:
        names = ", ".join(path.name for path in result.left_alone)
        print(
            f"left alone, changed since they were generated (a learner's work): {names}. "
            "To replace them with fresh handouts, move them away or run "
            "`make student FORCE=1`.",
            file=out,
        )
    return result


def main(argv=None):
    parser = argparse.ArgumentParser(description="Make student notebooks from the solutions.")
    parser.add_argument("source", help="folder of solution notebooks, e.g. notebooks")
    parser.add_argument("target", help="folder for the student notebooks, e.g. student")
    parser.add_argument("--force", action="store_true", help="overwrite changed notebooks")
    args = parser.parse_args(argv)
    try:
        generate(args.source, args.target, force=args.force)
    except SolutionMarkerError as error:
        print(f"make student: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
