"""Comparing a learner's result with the reference, and saying in words where they differ."""

import traceback
from pathlib import Path

import numpy as np

from .. import gru, lstm

RTOL, ATOL = 1e-6, 1e-8

SHAPE_NAMES = {
    "a_next": "(n_a, m)", "c_next": "(n_a, m)", "a_prev": "(n_a, m)", "c_prev": "(n_a, m)",
    "ft": "(n_a, m)", "it": "(n_a, m)", "cct": "(n_a, m)", "ot": "(n_a, m)", "xt": "(n_x, m)",
    "yt_pred": "(n_y, m)", "a": "(n_a, m, T_x)", "c": "(n_a, m, T_x)", "y": "(n_y, m, T_x)",
    "y_pred": "(n_y, m, T_x)", "x": "(n_x, m, T_x)", "dxt": "(n_x, m)", "da_prev": "(n_a, m)",
    "dc_prev": "(n_a, m)", "dx": "(n_x, m, T_x)", "da0": "(n_a, m)", "dc0": "(n_a, m)",
    "dWax": "(n_a, n_x)", "dWaa": "(n_a, n_a)", "dba": "(n_a, 1)",
    "rt": "(n_a, m)", "ut": "(n_a, m)",
    **{f"dW{g}": "(n_a, n_a + n_x)" for g in (*lstm.GATES, *gru.GRU_GATES)},
    **{f"db{g}": "(n_a, 1)" for g in (*lstm.GATES, *gru.GRU_GATES)},
}  # fmt: skip


# What a missing gradient is, for the message.
MISSING_HINTS = {
    "da0": " (the last da_prevt, after the loop)",
    "dc0": " (the last dc_prevt, after the loop: the gradient of the initial memory c0)",
}


def shown(got, expected):
    """The two numbers as text, with as many digits as it takes to tell them apart."""
    for digits in (6, 9, 12, 17):
        a, b = f"{got:.{digits}g}", f"{expected:.{digits}g}"
        if a != b:
            break
    return a, b


class Problem(Exception):
    """A difference between the learner's result and the reference, in words."""


def _short(name):
    """'cache[1] (a_prev)' -> 'a_prev'; 'a_next' -> 'a_next'."""
    return name.split("(")[-1].rstrip(")") if "(" in name else name


def _compare_array(expected, got, name):
    if got is None:
        raise Problem(f"{name} is None")
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise Problem(f"{name} should be a numpy array, but it is a {type(got).__name__}") from None
    if arr.shape != expected.shape:
        symbolic = SHAPE_NAMES.get(_short(name))
        message = f"{name} has shape {arr.shape} but should have shape {expected.shape}"
        message += f", that is {symbolic}" if symbolic else ""
        if expected.ndim == 2 and expected.shape[1] == 1 and arr.shape == expected.shape[:1]:
            message += ". Keep the column: sum with keepdims=True, or use .reshape(-1, 1)"
        raise Problem(message)
    if not np.allclose(arr, expected, rtol=RTOL, atol=ATOL):
        bad = np.argwhere(~np.isclose(arr, expected, rtol=RTOL, atol=ATOL))[0]
        where = ", ".join(str(i) for i in bad)
        have, want = shown(arr[tuple(bad)], expected[tuple(bad)])
        raise Problem(
            f"{name} has the right shape but wrong values: {_short(name)}[{where}] is "
            f"{have} where {want} is expected"
        )


def _fields(name, cache_fields):
    if name == "cache" or name.startswith("caches[0]["):
        return cache_fields
    if name == "caches":
        return ("list of cell caches", "x")
    return None


def compare(expected, got, name, fields=None, cache_fields=None):
    """Raise Problem at the first difference between got and expected.

    fields names the items of a tuple result; cache_fields those of a cell's cache
    (rnn.CACHE_FIELDS or lstm.CACHE_FIELDS), for messages that name what is wrong.
    """
    if isinstance(expected, np.ndarray):
        _compare_array(expected, got, name)
    elif isinstance(expected, (float, int, np.floating)):
        if isinstance(got, (bool, np.bool_)) or not isinstance(got, (float, int, np.number)):
            raise Problem(f"{name} should be a number, but it is a {type(got).__name__}")
        if not np.isclose(float(got), float(expected), rtol=RTOL, atol=ATOL):
            have, want = shown(float(got), float(expected))
            raise Problem(f"{name} is {have} where {want} is expected")
    elif isinstance(expected, dict) and ("Wax" in expected or "Wf" in expected):
        if not isinstance(got, dict) or set(got) < set(expected):
            raise Problem(f"{name} should be the parameters dict")
    elif isinstance(expected, dict):
        if not isinstance(got, dict):
            raise Problem(
                f"{name} should be a dict with the keys {', '.join(expected)}, but it is a "
                f"{type(got).__name__}"
            )
        missing = [key for key in expected if key not in got]
        if missing:
            hint = MISSING_HINTS.get(missing[0], "")
            raise Problem(f"the gradients dict has no '{missing[0]}'{hint}")
        for key in expected:
            compare(expected[key], got[key], key, cache_fields=cache_fields)
    elif isinstance(expected, (tuple, list)):
        kind = "tuple" if isinstance(expected, tuple) else "list"
        fields = fields or _fields(name, cache_fields)
        listed = f" ({', '.join(fields)})" if fields else ""
        if not isinstance(got, (tuple, list)):
            raise Problem(
                f"{name} should be a {kind} of {len(expected)} items{listed}, but it is a "
                f"{type(got).__name__}"
            )
        if len(got) != len(expected):
            raise Problem(
                f"{name} should have {len(expected)} items{listed}, but it has {len(got)}"
            )
        for i, (want, have) in enumerate(zip(expected, got)):
            if name == "the result" and fields:
                item = fields[i]
            else:
                item = f"{name}[{i}]" + (f" ({fields[i]})" if fields else "")
            try:
                compare(want, have, item, cache_fields=cache_fields)
            except Problem as problem:
                raise Problem(str(problem) + _order_hint(expected, have, i, fields)) from None


def _order_hint(expected, have, index, fields):
    """If a wrong item equals another expected item, the order is probably mixed up."""
    if not fields or not isinstance(have, np.ndarray):
        return ""
    for j, want in enumerate(expected):
        if j != index and isinstance(want, np.ndarray) and want.shape == have.shape:
            if np.allclose(have, want, rtol=RTOL, atol=ATOL):
                return (
                    f". It holds what belongs at position {j} ({fields[j]}): keep the order "
                    f"({', '.join(fields)})"
                )
    return ""


def matches(expected, got):
    """True when got equals expected (within the checks' tolerance)."""
    try:
        compare(expected, got, "the result")
    except Problem:
        return False
    return True


HELPERS = Path(__file__).resolve().parent.parent  # the course's own code


def learner_line(error):
    """The last line of the learner's own code in a traceback, or ''."""

    def ours(filename):
        path = Path(filename).resolve()
        return path.is_relative_to(HELPERS) or "site-packages" in path.parts

    frames = [f for f in traceback.extract_tb(error.__traceback__) if not ours(f.filename)]
    if not frames:
        return ""
    frame = frames[-1]
    return f" (in your line {frame.lineno}: {frame.line.strip()})" if frame.line else ""


def first_wrong_step(steps):
    """The message for the first of the steps whose learner value has the right shape but
    wrong values, or None when a value has another shape (the structure is reported
    instead) or all agree.

    steps : list of (label, expected array, learner's value, equation), in the order the
        computation makes them (see traces.py)
    """
    for label, expected, got, equation in steps:
        try:
            arr = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            return None
        if arr.shape != expected.shape:
            return None
        if not np.allclose(arr, expected, rtol=RTOL, atol=ATOL):
            bad = tuple(np.argwhere(~np.isclose(arr, expected, rtol=RTOL, atol=ATOL))[0])
            where = ", ".join(str(i) for i in bad)
            have, want = shown(arr[bad], expected[bad])
            return (
                f"the first wrong value is {label}: {label.split()[0]}[{where}] is "
                f"{have} where {want} is expected (everything computed "
                f"before it is right). It comes from {equation}"
            )
    return None
