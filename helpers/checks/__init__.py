"""Exercise checks with feedback for learners.

Each check_<function>(fn) runs the learner's `fn` on a few seeded cases, compares every
output with the course's reference, prints a short report and returns True or False. It
never raises because of the learner's function: exceptions, None, wrong types and wrong
shapes are reported in plain sentences. When an answer is wrong, the check also runs a
list of known mistakes (each a small wrong variant of the reference) and, when the
learner's output matches one, says which mistake it looks like.

    passed = helpers.checks.check_rnn_cell_forward(rnn_cell_forward)

One table, TABLE (one Exercise each), drives the checks: the reference, the cases,
the names of outputs and arguments, the known mistakes, and for a loop the cell it calls.
Modules: cases (the seeded cases), mistakes, gru_mistakes, loop_mistakes and
measure_mistakes (the known wrong variants of the cells, of the GRU cell, of the loops,
and of the exercises of 04, 07, 08, 09 and 10), compare (the comparison and its
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
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import fast, gates, gru, losses, lstm, optim, rnn
from .cases import (
    ADAM_SIZES,
    CELL_SIZES,
    GATE_SIZES,
    GRADIENT_SIZES,
    LOSS_SIZES,
    SEQUENCE_SIZES,
    STACK_SIZES,
    adam_args,
    gate_args,
    gradients_args,
    gru_cell_args,
    lstm_cell_args,
    lstm_parameters,
    masked_loss_args,
    rnn_cell_args,
    rnn_parameters,
    seeded_cases,
    sequence_args,
    stack_args,
    with_gradient,
)
from .compare import Problem, compare, first_wrong_step, learner_line, matches
from .gru_mistakes import GRU_CELL_BACKWARD_MISTAKES, GRU_CELL_FORWARD_MISTAKES
from .loop_mistakes import (
    LSTM_BACKWARD_MISTAKES,
    LSTM_FORWARD_MISTAKES,
    RNN_BACKWARD_MISTAKES,
    RNN_FORWARD_MISTAKES,
)
from .measure_mistakes import (
    ADAM_MISTAKES,
    CLIP_MISTAKES,
    GATE_SATURATION_MISTAKES,
    MASKED_LOSS_MISTAKES,
    STACK_MISTAKES,
)
from .mistakes import (
    LSTM_CELL_BACKWARD_MISTAKES,
    LSTM_CELL_FORWARD_MISTAKES,
    RNN_CELL_BACKWARD_MISTAKES,
    RNN_CELL_FORWARD_MISTAKES,
)
from .traces import (
    adam_update_steps,
    gru_cell_backward_steps,
    gru_cell_forward_steps,
    lstm_cell_backward_steps,
    lstm_cell_forward_steps,
)


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


@dataclass(frozen=True)
class Exercise:
    """One exercise function and what its check needs."""

    name: str
    signature: str  # for the check's docstring
    reference: Callable  # the course's implementation
    cases: Callable  # () -> list of (label, () -> arguments)
    outputs: tuple | None  # the names of the items of a tuple result
    arg_names: tuple
    mistakes: list  # (description, variant) pairs, from mistakes.py
    cache_fields: tuple  # the fields of the cell's cache, for messages
    cell: Callable | None = None  # for a loop: the course's cell it calls
    fast_twin: Callable | None = None  # the course's fast version (or the same computation
    # from other inputs, as softmax_cross_entropy for masked_cross_entropy): no credit either
    steps: Callable | None = None  # the cell's values in order, from traces.py


def _backward_cases(sizes, make_args, forward, **kw):
    return lambda: seeded_cases(
        sizes, lambda k, s: with_gradient(make_args(k, s), forward, k, **kw)
    )


def _rnn_sequence(k, s):
    return sequence_args(k, s, rnn_parameters)


def _lstm_sequence(k, s):
    return sequence_args(k, s, lstm_parameters)


TABLE = [
    Exercise(
        "rnn_cell_forward", "rnn_cell_forward(xt, a_prev, parameters) -> a_next, yt_pred, cache",
        rnn.rnn_cell_forward, lambda: seeded_cases(CELL_SIZES, rnn_cell_args),
        ("a_next", "yt_pred", "cache"), ("xt", "a_prev", "parameters"),
        RNN_CELL_FORWARD_MISTAKES, rnn.CACHE_FIELDS,
    ),
    Exercise(
        "rnn_forward", "rnn_forward(x, a0, parameters) -> a, y_pred, caches",
        rnn.rnn_forward, lambda: seeded_cases(SEQUENCE_SIZES, _rnn_sequence),
        ("a", "y_pred", "caches"), ("x", "a0", "parameters"), RNN_FORWARD_MISTAKES,
        rnn.CACHE_FIELDS, cell=rnn.rnn_cell_forward, fast_twin=fast.rnn_forward,
    ),
    Exercise(
        "rnn_cell_backward", "rnn_cell_backward(da_next, cache) -> {dxt, da_prev, dWax, dWaa, dba}",
        rnn.rnn_cell_backward, _backward_cases(CELL_SIZES, rnn_cell_args, rnn.rnn_cell_forward),
        None, ("da_next", "cache"), RNN_CELL_BACKWARD_MISTAKES, rnn.CACHE_FIELDS,
    ),
    Exercise(
        "rnn_backward", "rnn_backward(da, caches) -> {dx, da0, dWax, dWaa, dba}",
        rnn.rnn_backward, _backward_cases(SEQUENCE_SIZES, _rnn_sequence, rnn.rnn_forward),
        None, ("da", "caches"), RNN_BACKWARD_MISTAKES, rnn.CACHE_FIELDS,
        cell=rnn.rnn_cell_backward, fast_twin=fast.rnn_backward,
    ),
    Exercise(
        "lstm_cell_forward",
        "lstm_cell_forward(xt, a_prev, c_prev, parameters) -> a_next, c_next, yt_pred, cache",
        lstm.lstm_cell_forward, lambda: seeded_cases(CELL_SIZES, lstm_cell_args),
        ("a_next", "c_next", "yt_pred", "cache"), ("xt", "a_prev", "c_prev", "parameters"),
        LSTM_CELL_FORWARD_MISTAKES, lstm.CACHE_FIELDS, steps=lstm_cell_forward_steps,
    ),
    Exercise(
        "lstm_forward", "lstm_forward(x, a0, parameters) -> a, y, c, caches",
        lstm.lstm_forward, lambda: seeded_cases(SEQUENCE_SIZES, _lstm_sequence),
        ("a", "y", "c", "caches"), ("x", "a0", "parameters"), LSTM_FORWARD_MISTAKES,
        lstm.CACHE_FIELDS, cell=lstm.lstm_cell_forward, fast_twin=fast.lstm_forward,
    ),
    Exercise(
        "lstm_cell_backward", "lstm_cell_backward(da_next, dc_next, cache) -> dict of 11 gradients",
        lstm.lstm_cell_backward,
        _backward_cases(CELL_SIZES, lstm_cell_args, lstm.lstm_cell_forward, extra_dc=True),
        None, ("da_next", "dc_next", "cache"), LSTM_CELL_BACKWARD_MISTAKES, lstm.CACHE_FIELDS,
        steps=lstm_cell_backward_steps,
    ),
    Exercise(
        "lstm_backward", "lstm_backward(da, caches) -> {dx, da0, dc0, dWf, dbf, ..., dWo, dbo}",
        lstm.lstm_backward, _backward_cases(SEQUENCE_SIZES, _lstm_sequence, lstm.lstm_forward),
        None, ("da", "caches"), LSTM_BACKWARD_MISTAKES, lstm.CACHE_FIELDS,
        cell=lstm.lstm_cell_backward, fast_twin=fast.lstm_backward,
    ),
    Exercise(
        "gru_cell_forward", "gru_cell_forward(xt, a_prev, parameters) -> a_next, yt_pred, cache",
        gru.gru_cell_forward, lambda: seeded_cases(CELL_SIZES, gru_cell_args),
        ("a_next", "yt_pred", "cache"), ("xt", "a_prev", "parameters"),
        GRU_CELL_FORWARD_MISTAKES, gru.GRU_CACHE_FIELDS, steps=gru_cell_forward_steps,
    ),
    Exercise(
        "gru_cell_backward", "gru_cell_backward(da_next, cache) -> dict of 8 gradients",
        gru.gru_cell_backward, _backward_cases(CELL_SIZES, gru_cell_args, gru.gru_cell_forward),
        None, ("da_next", "cache"), GRU_CELL_BACKWARD_MISTAKES, gru.GRU_CACHE_FIELDS,
        steps=gru_cell_backward_steps,
    ),
    Exercise(
        "clip_by_global_norm", "clip_by_global_norm(grads, max_norm) -> clipped, norm",
        optim.clip_by_global_norm, lambda: seeded_cases(GRADIENT_SIZES, gradients_args),
        ("clipped", "norm"), ("grads", "max_norm"), CLIP_MISTAKES, (),
    ),
    Exercise(
        "adam_update", "adam_update(w, g, m, v, k, lr, beta1, beta2, eps) -> w_new, m_new, v_new",
        optim.adam_update, lambda: seeded_cases(ADAM_SIZES, adam_args),
        ("w_new", "m_new", "v_new"), ("w", "g", "m", "v", "k", "lr", "beta1", "beta2", "eps"),
        ADAM_MISTAKES, (), steps=adam_update_steps,
    ),
    Exercise(
        "gate_saturation", "gate_saturation(gate, low=0.1, high=0.9) -> left, right",
        gates.gate_saturation, lambda: seeded_cases(GATE_SIZES, gate_args),
        ("left", "right"), ("gate",), GATE_SATURATION_MISTAKES, (),
    ),
    Exercise(
        "masked_cross_entropy", "masked_cross_entropy(y_hat, targets, mask) -> loss",
        losses.masked_cross_entropy, lambda: seeded_cases(LOSS_SIZES, masked_loss_args),
        None, ("y_hat", "targets", "mask"), MASKED_LOSS_MISTAKES, (),
        fast_twin=losses.softmax_cross_entropy,
    ),
    Exercise(
        "stack_gates", "stack_gates(parameters, order) -> W, b",
        lstm.stack_gates,
        lambda: seeded_cases(STACK_SIZES, lambda k, s: stack_args(
            k, s, {"course": lstm.GATES, "fused": fast.FUSED_ORDER})),
        ("W", "b"), ("parameters", "order"), STACK_MISTAKES, (),
    ),
]  # fmt: skip
EXERCISES = {exercise.name: exercise for exercise in TABLE}


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
check_stack_gates = CHECKS["stack_gates"]
