"""Student notebooks: solutions stubbed, outputs cleared, friendly checks, no lost work."""

import json
import re

import nbformat
import pytest
from nbclient import NotebookClient

from classroom.student import SolutionMarkerError, generate, strip_solutions
from conftest import NOTEBOOKS

WITH_EXERCISES = [p for p in NOTEBOOKS if "### BEGIN SOLUTION" in p.read_text(encoding="utf-8")]


def solution_lines(source):
    """The substantial lines inside the solution blocks of a cell's source."""
    lines, inside = [], False
    for line in source.splitlines():
        if "### BEGIN SOLUTION" in line:
            inside = True
        elif "### END SOLUTION" in line:
            inside = False
        elif inside and line.strip() and not line.strip().startswith("#"):
            lines.append(line.strip())
    return lines


@pytest.fixture(scope="module")
def handouts(tmp_path_factory):
    target = tmp_path_factory.mktemp("student")
    generate(ROOT_NOTEBOOKS, target, out=open("/dev/null", "w"))
    return target


ROOT_NOTEBOOKS = NOTEBOOKS[0].parent


def test_every_notebook_gets_a_handout(handouts):
    assert len(WITH_EXERCISES) >= 5
    assert sorted(p.name for p in handouts.glob("*.ipynb")) == [p.name for p in NOTEBOOKS]


def test_a_notebook_without_exercises_is_handed_out_as_it_is(handouts):
    for path in NOTEBOOKS:
        if path not in WITH_EXERCISES:
            assert (handouts / path.name).read_bytes() == path.read_bytes(), path.name


def test_links_between_handouts_resolve_among_the_handouts(handouts):
    for handout in handouts.glob("*.ipynb"):
        text = "".join(
            "".join(cell["source"])
            for cell in json.loads(handout.read_text(encoding="utf-8"))["cells"]
            if cell["cell_type"] == "markdown"
        )
        for target in re.findall(r"\]\((\d\d_[a-z0-9_]+\.ipynb|references\.md)", text):
            assert (handouts / target).exists(), f"{handout.name} links to {target}"


def test_make_clean_spares_the_handouts():
    makefile = (ROOT_NOTEBOOKS.parent / "Makefile").read_text()
    clean = makefile.split("\nclean:\n", 1)[1].split("\n\n", 1)[0]
    student = re.search(r"^STUDENT \?= (\S+)$", makefile, re.M).group(1)
    assert "rm -rf" in clean and student not in clean and "STUDENT" not in clean
    assert not student.startswith(("build", "$(BUILD)"))


@pytest.mark.parametrize("path", WITH_EXERCISES, ids=[p.stem for p in WITH_EXERCISES])
def test_a_handout_contains_no_solution_code(handouts, path):
    solution = nbformat.read(path, as_version=4)
    student = nbformat.read(handouts / path.name, as_version=4)
    for theirs, mine in zip(solution.cells, student.cells):
        if "### BEGIN SOLUTION" in theirs.source:
            assert "BEGIN SOLUTION" not in mine.source
            kept = mine.source.splitlines()
            leaked = [
                line for line in solution_lines(theirs.source) if line in map(str.strip, kept)
            ]
            assert not leaked, leaked[:3]


@pytest.mark.parametrize("path", WITH_EXERCISES, ids=[p.stem for p in WITH_EXERCISES])
def test_a_handout_keeps_everything_else_and_clears_outputs(handouts, path):
    solution = nbformat.read(path, as_version=4)
    student = nbformat.read(handouts / path.name, as_version=4)
    assert len(student.cells) == len(solution.cells)
    for mine, theirs in zip(student.cells, solution.cells):
        if mine.cell_type == "markdown" or "BEGIN SOLUTION" not in theirs.source:
            assert mine.source == theirs.source
        if mine.cell_type == "code":
            assert mine.outputs == [] and mine.execution_count is None


@pytest.mark.parametrize("path", WITH_EXERCISES, ids=[p.stem for p in WITH_EXERCISES])
def test_every_stub_raises_not_implemented_with_a_specific_hint(handouts, path):
    code = "\n".join(
        c.source for c in nbformat.read(handouts / path.name, as_version=4).cells
        if c.cell_type == "code"
    )  # fmt: skip
    hints = re.findall(r'raise NotImplementedError\("Exercise: (.*)"\)', code)
    assert hints and all(len(h) > 20 and "see the instructions" not in h for h in hints)


def test_strip_solutions_keeps_the_indentation_and_the_code_around():
    source = "def f(x):\n    y = 1\n    ### BEGIN SOLUTION: double x\n    y = 2 * x\n    ### END SOLUTION\n    return y"  # noqa: E501
    stripped, count = strip_solutions(source)
    assert count == 1
    assert stripped == (
        'def f(x):\n    y = 1\n    raise NotImplementedError("Exercise: double x")\n    return y'
    )


@pytest.mark.parametrize(
    "source",
    [
        "### BEGIN SOLUTION\nx = 1",
        "x = 1\n### END SOLUTION",
        "### BEGIN SOLUTION\n### BEGIN SOLUTION",
    ],  # noqa: E501
)
def test_unbalanced_markers_are_an_error(source):
    with pytest.raises(SolutionMarkerError):
        strip_solutions(source)


def test_a_learners_changes_are_never_overwritten(tmp_path):
    target = tmp_path / "student"
    quiet = open("/dev/null", "w")
    first = generate(ROOT_NOTEBOOKS, target, out=quiet)
    edited = first.written[0]
    work = json.loads(edited.read_text())
    work["cells"][0]["source"] = "my notes"
    edited.write_text(json.dumps(work))
    before = edited.read_bytes()

    again = generate(ROOT_NOTEBOOKS, target, out=quiet)
    assert again.left_alone == [edited] and edited not in again.written
    assert edited.read_bytes() == before

    generate(ROOT_NOTEBOOKS, target, force=True, out=quiet)
    assert edited.read_bytes() != before


def test_a_changed_handout_does_not_stop_a_missing_one_from_being_written(tmp_path):
    target = tmp_path / "student"
    quiet = open("/dev/null", "w")
    first, second = generate(ROOT_NOTEBOOKS, target, out=quiet).written[:2]
    first.write_text(first.read_text().replace("Exercise", "My answer", 1))
    second.unlink()
    result = generate(ROOT_NOTEBOOKS, target, out=quiet)
    assert result.left_alone == [first] and second in result.written and second.exists()


def test_the_message_names_the_changed_handout_and_the_make_form(tmp_path):
    import io

    target = tmp_path / "student"
    first = generate(ROOT_NOTEBOOKS, target, out=open("/dev/null", "w")).written[0]
    first.write_text(first.read_text() + " ")
    message = io.StringIO()
    generate(ROOT_NOTEBOOKS, target, out=message)
    assert first.name in message.getvalue() and "make student FORCE=1" in message.getvalue()


def test_unchanged_handouts_are_regenerated_and_unknown_files_are_protected(tmp_path):
    target = tmp_path / "student"
    quiet = open("/dev/null", "w")
    generate(ROOT_NOTEBOOKS, target, out=quiet)
    generate(ROOT_NOTEBOOKS, target, out=quiet)  # nothing changed: fine
    (target / ".generated.json").unlink()
    unknown = generate(ROOT_NOTEBOOKS, target, out=quiet)  # files it cannot vouch for
    assert unknown.left_alone and not unknown.written


@pytest.mark.slow
@pytest.mark.parametrize("path", WITH_EXERCISES, ids=[p.stem for p in WITH_EXERCISES])
def test_a_handout_runs_and_its_checks_say_not_implemented_yet(handouts, path):
    nb = nbformat.read(handouts / path.name, as_version=4)
    last_check = max(i for i, c in enumerate(nb.cells) if "checks.check_" in c.source)
    # Past its last check a handout differs from the course's notebook only where a cell
    # calls a stub, which fails at once with its hint (tested above); nbval runs the rest.
    nb.cells = nb.cells[: last_check + 1]
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(ROOT_NOTEBOOKS)}}).execute()  # fmt: skip
    check_cells = [c for c in nb.cells if c.cell_type == "code" and "checks.check_" in c.source]
    assert check_cells
    for cell in check_cells:
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        assert "not implemented yet" in text
        assert not [o for o in cell.outputs if o.output_type == "error"]
        assert "Traceback" not in text
    # A cell that calls a stub itself stops at it (and later cells may miss its results);
    # the first failure, if any, is the stub's.
    errors = [o for c in nb.cells for o in c.get("outputs", []) if o.output_type == "error"]
    assert not errors or errors[0].ename == "NotImplementedError", errors[0].ename


def exercise_cells(nb):
    return [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and "### BEGIN SOLUTION" in c.source
    ]  # noqa: E501


# Every exercise after the first, in the notebooks that have several: solved alone, with
# the exercises before it skipped (stubbed), as a learner who skips one would have it.
LATER_EXERCISES = [
    pytest.param(path, k, id=f"{path.stem}-cell{k}")
    for path in WITH_EXERCISES
    for k in exercise_cells(nbformat.read(path, as_version=4))[1:]
]


@pytest.mark.slow
@pytest.mark.parametrize("path, solved", LATER_EXERCISES)
def test_an_exercise_stands_alone_when_earlier_ones_are_skipped(path, solved):
    nb = nbformat.read(path, as_version=4)
    exercises = exercise_cells(nb)
    for index in exercises:
        if index != solved:
            nb.cells[index].source = strip_solutions(nb.cells[index].source)[0]
    following = [i for i in exercises if i > solved] + [len(nb.cells)]
    checks_at = [
        i for i in range(solved, following[0])
        if nb.cells[i].cell_type == "code" and "checks.check_" in nb.cells[i].source
    ]  # fmt: skip
    assert checks_at, "the exercise has no check cell after it"
    nb.cells = nb.cells[: checks_at[-1] + 1]  # what comes after its checks is not at stake
    NotebookClient(nb, timeout=300, kernel_name="python3", allow_errors=True,
                   resources={"metadata": {"path": str(ROOT_NOTEBOOKS)}}).execute()  # fmt: skip
    checks_run = [nb.cells[i] for i in checks_at]
    for cell in checks_run:
        # A loop over a skipped cell is told so, and checked with the course's cell.
        text = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
        errors = [o.ename for o in cell.outputs if o.output_type == "error"]
        assert not errors and (text.startswith("✓") or "\n    ✓ " in text), text or errors
