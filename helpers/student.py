"""Make student notebooks from the solution notebooks (`make student`).

    python -m helpers.student notebooks build/student [--force]

In every notebook, each block between a line `### BEGIN SOLUTION` and a line
`### END SOLUTION` is replaced by a stub that raises NotImplementedError with a one-line
hint; the hint is whatever follows `### BEGIN SOLUTION:` on the marker line. Outputs and
execution counts are cleared; everything else is kept.

A learner's work is never lost: the generator remembers a fingerprint of every notebook
it wrote (in .generated.json next to them) and refuses to overwrite one that has changed
since, or one it did not write, unless asked with --force.
"""

import argparse
import hashlib
import json
import re
import sys
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


def generate(source_dir, target_dir, force=False, out=sys.stdout):
    """Write a student version of every notebook with exercises; return the paths written.

    Raises
    ------
    FileExistsError
        If a student notebook was changed since it was generated (or was not generated
        here) and force is False. Nothing is written in that case.
    """
    source_dir, target_dir = Path(source_dir), Path(target_dir)
    manifest_path = target_dir / MANIFEST
    manifest = json.loads(manifest_path.read_text()) if manifest_path.exists() else {}
    planned = []
    for path in sorted(source_dir.glob("[0-9][0-9]_*.ipynb")):
        nb, count = student_notebook(nbformat.read(path, as_version=4))
        if count:
            planned.append((target_dir / path.name, nb, count))
    changed = [
        target.name for target, _, _ in planned
        if target.exists() and manifest.get(target.name) != fingerprint(target)
    ]  # fmt: skip
    if changed and not force:
        raise FileExistsError(
            "these student notebooks were changed after they were generated, so they were "
            f"left alone: {', '.join(changed)}. Move them away, or run again with --force "
            "to overwrite them."
        )
    target_dir.mkdir(parents=True, exist_ok=True)
    for target, nb, count in planned:
        nbformat.write(nb, target)
        manifest[target.name] = fingerprint(target)
        print(f"{target}: {count} exercise(s)", file=out)
    manifest_path.write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
    return [target for target, _, _ in planned]


def main(argv=None):
    parser = argparse.ArgumentParser(description="Make student notebooks from the solutions.")
    parser.add_argument("source", help="folder of solution notebooks, e.g. notebooks")
    parser.add_argument("target", help="folder for the student notebooks, e.g. build/student")
    parser.add_argument("--force", action="store_true", help="overwrite changed notebooks")
    args = parser.parse_args(argv)
    try:
        generate(args.source, args.target, force=args.force)
    except (FileExistsError, SolutionMarkerError) as error:
        print(f"make student: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
