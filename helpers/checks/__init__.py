"""Exercise checks with feedback for learners.

Each check_<function>(fn) runs the learner's `fn` on a few seeded cases, compares every
output with the course's reference, prints a short report and returns True or False. It
never raises because of the learner's function: exceptions, None, wrong types and wrong
shapes are reported in plain sentences. When an answer is wrong, the check also runs a
list of known mistakes (each a small wrong variant of the reference) and, when the
learner's output matches one, says which mistake it looks like.

    passed = helpers.checks.check_rnn_cell_forward(rnn_cell_forward)

One table, TABLE (one Exercise each, in exercises.py), drives the checks: the reference,
the cases, the names of outputs and arguments, the known mistakes, and for a loop the cell
it calls. Modules: cases (the seeded cases), mistakes, gru_mistakes, loop_mistakes and
measure_mistakes (the known wrong variants of the cells, of the GRU cell, of the loops,
and of the exercises of 04, 07, 08, 09 and 10), deep_mistakes (12), compare (the comparison and its
messages), traces (the values of the LSTM and GRU cells and of one Adam update in the
order they are made: a wrong answer is reported at the first value that differs, naming
the gate).
"""

import contextlib
import copy
import functools
import io
import sys
import traceback

import numpy as np

from .compare import Problem, compare, first_wrong_step, learner_line, matches
from .exercises import EXERCISES, TABLE, Exercise  # noqa: F401 (part of the API)


def _traced(steps, expected, got):
    """The first wrong value in the computation's order (traces.py), or None."""
    if steps is None:
        return None
    try:
        return first_wrong_step(steps(expected, got))
    except (IndexError, KeyError, TypeError, ValueError):  # another structure: say that
        return None


class _CourseCodeSpy:
    """While active, notes which of the given functions' code runs, if any (found by its
    code object, so `from helpers import ...` under another name is found too): seen is
    the first one's name (helpers.<module>.<function>), or None."""

    def __init__(self, functions):
        self.codes = {f.__code__: f"{f.__module__}.{f.__name__}" for f in functions}
        self.seen = None

    def _profile(self, frame, event, arg):
        if event == "call" and self.seen is None and frame.f_code in self.codes:
            self.seen = self.codes[frame.f_code]

    def __enter__(self):
        self._previous = sys.getprofile()
        sys.setprofile(self._profile)
        return self

    def __exit__(self, *exc):
        sys.setprofile(self._previous)


def _changed(before, after):
    """True when an argument (an array, or a dict of arrays) was changed in place."""
    if isinstance(before, np.ndarray):
        return not np.array_equal(before, after)
    if isinstance(before, dict):
        return any(
            isinstance(value, np.ndarray) and not np.array_equal(value, after.get(key))
            for key, value in before.items()
        )
    return False


def _run(exercise, fn):
    """Check fn against one exercise of TABLE: print a report, return True or False."""
    name, reference, cases = exercise.name, exercise.reference, exercise.cases()
    if not callable(fn):
        print(f"✗ check_{name} needs your function itself, e.g. check_{name}({name}), "
              f"but got a {type(fn).__name__}.")  # fmt: skip
        return False
    # The course's own versions of the exercise: calling one is not writing it.
    spy = _CourseCodeSpy([reference] + ([exercise.fast_twin] if exercise.fast_twin else []))
    for label, make_args in cases:
        args = make_args()
        expected = reference(*copy.deepcopy(args))
        given = copy.deepcopy(args)
        try:
            with spy:
                got = fn(*given)
        except NotImplementedError as error:
            stub = traceback.extract_tb(error.__traceback__)[-1].name  # where the stub is
            caller = f" ({name} calls it)" if stub not in (name, "<module>") else ""
            print(f"✗ {stub if caller else name} is not implemented yet{caller}: replace "
                  "the line `raise NotImplementedError(...)` with your code, run that cell, "
                  "then run this check again.")  # fmt: skip
            return False
        except Exception as error:  # the learner's code failed: report, don't raise
            print(f"✗ {name} raised {type(error).__name__}: {error}{learner_line(error)}")
            print(f"  (case: {label})")
            return False
        if got is None:
            print(f"✗ {name} returned None: is the `return` line missing?")
            return False
        # A changed input explains any wrong value computed from it: say that first.
        for arg_name, before, after in zip(exercise.arg_names, args, given):
            if _changed(before, after):
                print(f"✗ {name} changed its input {arg_name} in place: `+=` or `*=` on an "
                      "argument changes the caller's array. Write the result to a new name "
                      "(da_t = da[:, :, t] + da_prevt; c_next = ft * c_prev + ...).")  # fmt: skip
                return False
        try:
            compare(expected, got, "the result", exercise.outputs, exercise.cache_fields)
        except Problem as problem:
            print(f"✗ {name}: {_traced(exercise.steps, expected, got) or problem}.")
            print(f"  (case: {label})")
            for description, variant in exercise.mistakes:
                try:
                    if matches(variant(*copy.deepcopy(args)), got):
                        print(f"  This looks like a known slip: {description}.")
                        break
                except Exception:  # a variant that cannot run on this case says nothing
                    continue
            return False
    if spy.seen:
        loop = " Calling the course's cell inside your loop is fine." if exercise.cell else ""
        print(f"✗ {name} gives the right results, but by calling the course's own code "
              f"for it, {spy.seen}: the exercise is to write it yourself.{loop}")  # fmt: skip
        return False
    print(f"✓ {name}: all {len(cases)} cases match the reference.")
    return True


def _failing_cell(name, fn):
    """(cell name, the learner's cell) when fn calls a cell of the learner's own (a global
    of their notebook) that fails its own check; otherwise None."""
    course_cell = EXERCISES[name].cell
    cell_name = course_cell.__name__
    namespace, code = getattr(fn, "__globals__", None), getattr(fn, "__code__", None)
    if namespace is None or code is None or cell_name not in code.co_names:
        return None
    cell = namespace.get(cell_name)
    if not callable(cell) or cell is course_cell:
        return None
    with contextlib.redirect_stdout(io.StringIO()):
        passes = CHECKS[cell_name](cell)
    return None if passes else (cell_name, cell)


def _loop_check(exercise, fn):
    """_run(exercise, fn), unless fn's cell fails its own check: then say so first, and
    check the loop alone, with the course's cell in the place of the learner's (put back
    after)."""
    name = exercise.name
    failing = _failing_cell(name, fn)
    if failing is None:
        return _run(exercise, fn)
    cell_name, cell = failing
    print(f"✗ {name} calls your {cell_name}, which does not pass its own check yet: "
          f"run check_{cell_name}({cell_name}) to see why.")  # fmt: skip
    report = io.StringIO()
    fn.__globals__[cell_name] = exercise.cell
    try:
        with contextlib.redirect_stdout(report):
            _run(exercise, fn)
    finally:
        fn.__globals__[cell_name] = cell
    lines = report.getvalue().strip().splitlines()
    print(f"  Your {name} itself, with the course's {cell_name} in its place:")
    print("\n".join("    " + line for line in lines))
    return False


def _safely(check):
    """Run a check; if the check itself fails (a bug of the course), say so in one line."""

    @functools.wraps(check)
    def wrapped(fn):
        try:
            return check(fn)
        except Exception as error:  # never a wall of traceback from the course's code
            print(f"✗ the check could not finish ({type(error).__name__}: {error}). "
                  "Please report this to the course maintainers.", file=sys.stdout)  # fmt: skip
            return False

    return wrapped


def _check_for(exercise):
    """The check function of one exercise: check_<name>(fn) -> bool."""

    def check(fn):
        return _run(exercise, fn) if exercise.cell is None else _loop_check(exercise, fn)

    check.__name__ = check.__qualname__ = f"check_{exercise.name}"
    check.__doc__ = f"Check {exercise.signature}; print a short report, return True or False."
    return _safely(check)


CHECKS = {name: _check_for(exercise) for name, exercise in EXERCISES.items()}
check_rnn_cell_forward = CHECKS["rnn_cell_forward"]
check_rnn_forward = CHECKS["rnn_forward"]
check_rnn_cell_backward = CHECKS["rnn_cell_backward"]
check_rnn_backward = CHECKS["rnn_backward"]
check_lstm_cell_forward = CHECKS["lstm_cell_forward"]
check_lstm_forward = CHECKS["lstm_forward"]
check_lstm_cell_backward = CHECKS["lstm_cell_backward"]
check_lstm_backward = CHECKS["lstm_backward"]
check_gru_cell_forward = CHECKS["gru_cell_forward"]
check_gru_cell_backward = CHECKS["gru_cell_backward"]
check_clip_by_global_norm = CHECKS["clip_by_global_norm"]
check_adam_update = CHECKS["adam_update"]
check_gate_saturation = CHECKS["gate_saturation"]
check_masked_cross_entropy = CHECKS["masked_cross_entropy"]
check_bidirectional_rnn_states = CHECKS["bidirectional_rnn_states"]
check_stack_gates = CHECKS["stack_gates"]
