"""`make grade`: a class graded by what each check returns, within a time limit.

The synthetic class hands in notebook 01 (one exercise, rnn_cell_forward) in five ways:
solved, a wrong answer, an infinite loop, a syntax error, and the course's own function.
Grading waits for the runaway notebook until the time limit, two notebooks at once, so
the others are graded meanwhile: tests/conftest.py runs this file early, beside the
browser tests. Each learner hands in only the cells the exercise needs (set-up, exercise,
check), which keeps the test short.
"""

import csv

import nbformat
import pytest

from classroom.grade import exercises_by_notebook, grade_class, tampering, write_reports
from conftest import NOTEBOOKS

FIRST = NOTEBOOKS[0]  # 01_rnn_cell.ipynb
SOLVED_LINE = "a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba)  # (n_a, m)"
TIMEOUT = 20  # s: each learner's notebook runs in about 2 s here, 10 s when the machine is busy


def handed_in(folder, learner, replace=None):
    """Write learner's 01 into folder/learner: the set-up, the solved exercise (one line
    replaced) and its check; the rest of the notebook is left out to keep the test short."""
    course = nbformat.read(FIRST, as_version=4)
    exercise = next(c for c in course.cells if SOLVED_LINE in c.source)
    if replace:
        exercise.source = exercise.source.replace(SOLVED_LINE, replace)
    check = next(c for c in course.cells if "checks.check_rnn_cell_forward(" in c.source)
    setup = nbformat.v4.new_code_cell(
        "import numpy as np\n\nimport helpers\nfrom helpers import checks"
    )
    nb = nbformat.v4.new_notebook(cells=[setup, exercise, check], metadata=course.metadata)
    (folder / learner).mkdir(parents=True)
    nbformat.write(nb, folder / learner / FIRST.name)


CLASS = {
    "ada": None,
    "ben": "a_next = helpers.sigmoid(Waa @ a_prev + Wax @ xt + ba)",
    "cy": "import time\n    while True:  # runaway: never ends (asleep: the machine stays free)\n"
    "        time.sleep(1)",
    "dee": "a_next = np.tanh(Waa @ a_prev + Wax @ xt + ba",
    "eve": "return helpers.rnn_cell_forward(xt, a_prev, parameters)",
}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    folder = tmp_path_factory.mktemp("class")
    for learner, replace in CLASS.items():
        handed_in(folder, learner, replace)
    grades, isolated = grade_class(folder, timeout=TIMEOUT, jobs=2)
    out = tmp_path_factory.mktemp("grades")
    write_reports(grades, out, isolated)
    with open(out / "grades.csv", newline="", encoding="utf-8") as file:
        rows = list(csv.DictReader(file))
    return rows, (out / "summary.txt").read_text(encoding="utf-8")


def row(rows, learner, exercise="rnn_cell_forward"):
    return next(r for r in rows if r["learner"] == learner and r["exercise"] == exercise)


@pytest.mark.slow
def test_one_row_per_learner_and_exercise_with_the_promised_columns(graded):
    rows, _ = graded
    exercises = sum(len(names) for names in exercises_by_notebook().values())
    assert len(rows) == len(CLASS) * exercises
    assert list(rows[0]) == ["learner", "notebook", "exercise", "passed", "message"]
    assert {r["passed"] for r in rows} <= {"true", "false"}


@pytest.mark.slow
def test_rows_follow_the_learners_in_order_though_notebooks_run_at_once(graded):
    learners = [r["learner"] for r in graded[0]]
    assert list(dict.fromkeys(learners)) == sorted(CLASS)
    assert learners == sorted(learners)


@pytest.mark.slow
def test_a_solved_exercise_passes(graded):
    assert row(graded[0], "ada")["passed"] == "true"


@pytest.mark.slow
def test_a_wrong_answer_fails_with_the_checks_message(graded):
    ben = row(graded[0], "ben")
    assert ben["passed"] == "false" and "sigmoid where tanh belongs" in ben["message"]


@pytest.mark.slow
def test_runaway_code_is_stopped_at_the_time_limit(graded):
    cy = row(graded[0], "cy")
    assert cy["passed"] == "false" and f"did not finish within {TIMEOUT} s" in cy["message"]


@pytest.mark.slow
def test_a_syntax_error_earns_nothing_and_says_so(graded):
    dee = row(graded[0], "dee")
    assert dee["passed"] == "false" and "SyntaxError" in dee["message"]


@pytest.mark.slow
def test_the_courses_own_function_earns_nothing(graded):
    eve = row(graded[0], "eve")
    assert eve["passed"] == "false" and "course's own" in eve["message"]


@pytest.mark.slow
def test_a_notebook_not_handed_in_earns_nothing(graded):
    assert row(graded[0], "ada", "rnn_forward")["message"] == "not handed in"


@pytest.mark.slow
def test_the_summary_counts_each_learners_passes(graded):
    summary, exercises = graded[1], sum(map(len, exercises_by_notebook().values()))
    assert f"ada: 1 of {exercises} exercises passed" in summary
    assert f"ben: 0 of {exercises}" in summary


@pytest.mark.parametrize(
    "code",
    [
        'print("✓ rnn_cell_forward: all 4 cases match the reference.")',
        "checks.check_rnn_cell_forward = lambda fn: True",
        "def check_rnn_cell_forward(fn):\n    return True",
        "from helpers import checks as c\nchecks = c",
    ],
)
def test_code_that_changes_or_imitates_the_checks_is_found(code):
    nb = nbformat.read(FIRST, as_version=4)
    assert tampering(nb) is None  # the course's own cells are clean
    nb.cells.append(nbformat.v4.new_code_cell(code))
    assert tampering(nb).startswith(f"code cell {len(nb.cells) - 1} ")
