"""Exercise checks with feedback for learners.

Each check_<function>(fn) runs the learner's `fn` on a few seeded cases, compares every
output with the course's reference, prints a short report and returns True or False. It
never raises because of the learner's function: exceptions, None, wrong types and wrong
shapes are reported in plain sentences. When an answer is wrong, the check also runs a
list of known mistakes (each a small wrong variant of the reference) and, when the
learner's output matches one, says which mistake it looks like.

    passed = helpers.checks.check_rnn_cell_forward(rnn_cell_forward)
"""

import copy
import functools
import sys
import traceback

import numpy as np

from . import lstm as lstm_reference
from . import rnn as rnn_reference
from .activations import sigmoid, softmax
from .initialization import init_lstm_parameters, init_rnn_parameters

RTOL, ATOL = 1e-6, 1e-8

# ---------------------------------------------------------------------------------------
# Seeded cases


def _rnn_parameters(rng, n_x, n_a, n_y):
    p = init_rnn_parameters(n_x, n_a, n_y, rng)
    p["ba"] = rng.normal(0, 0.5, size=(n_a, 1))  # non-zero, so a missing bias shows
    p["by"] = rng.normal(0, 0.5, size=(n_y, 1))
    return p


def _lstm_parameters(rng, n_x, n_a, n_y):
    p = init_lstm_parameters(n_x, n_a, n_y, rng)
    for key in ("bf", "bi", "bc", "bo", "by"):
        p[key] = rng.normal(0, 0.5, size=p[key].shape)
    return p


# (label, sizes); the first case is the most telling one: m > 1, T_x > 1, n_x != n_a.
CELL_SIZES = [
    ("n_x = 3, m = 10, n_a = 5, n_y = 2", {"n_x": 3, "m": 10, "n_a": 5, "n_y": 2}),
    ("a single example (m = 1)", {"n_x": 2, "m": 1, "n_a": 4, "n_y": 3}),
    ("a single hidden unit (n_a = 1)", {"n_x": 4, "m": 3, "n_a": 1, "n_y": 2}),
    ("n_x = n_a = 3", {"n_x": 3, "m": 4, "n_a": 3, "n_y": 2}),
]
SEQUENCE_SIZES = [
    ("n_x = 3, m = 4, T_x = 5, n_a = 6", {"n_x": 3, "m": 4, "T_x": 5, "n_a": 6, "n_y": 2}),
    ("a single step (T_x = 1)", {"n_x": 2, "m": 3, "T_x": 1, "n_a": 4, "n_y": 2}),
    ("a single example (m = 1)", {"n_x": 2, "m": 1, "T_x": 4, "n_a": 3, "n_y": 3}),
    ("a single hidden unit (n_a = 1)", {"n_x": 3, "m": 2, "T_x": 3, "n_a": 1, "n_y": 2}),
]


def _rnn_cell_args(seed, s):
    rng = np.random.default_rng(seed)
    p = _rnn_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    return rng.normal(size=(s["n_x"], s["m"])), rng.normal(size=(s["n_a"], s["m"])), p


def _lstm_cell_args(seed, s):
    rng = np.random.default_rng(seed)
    p = _lstm_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    shape = (s["n_a"], s["m"])
    return rng.normal(size=(s["n_x"], s["m"])), rng.normal(size=shape), rng.normal(size=shape), p


def _sequence_args(seed, s, make_parameters):
    rng = np.random.default_rng(seed)
    p = make_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    return rng.normal(size=(s["n_x"], s["m"], s["T_x"])), rng.normal(size=(s["n_a"], s["m"])), p


def _cases(sizes, make_args):
    return [(label, lambda k=k, s=s: make_args(100 + k, s)) for k, (label, s) in enumerate(sizes)]


def _with_gradient(args_of_forward, forward, seed, extra_dc=False):
    """Arguments for a backward function: a random upstream gradient and the caches."""
    rng = np.random.default_rng(seed)
    outputs = forward(*args_of_forward)
    a = outputs[0]
    da = rng.normal(size=a.shape)
    if extra_dc:
        return da, rng.normal(size=a.shape), outputs[-1]
    return da, outputs[-1]


# ---------------------------------------------------------------------------------------
# Mistakes: wrong variants of the reference, to name what a learner probably did


def _rnn_cell_variant(xt, a_prev, p, act=np.tanh, ba=True, by=True, y="softmax", y_from="next"):
    z = p["Wax"] @ xt + p["Waa"] @ a_prev + (p["ba"] if ba else 0.0)
    a_next = act(z)
    scores = p["Wya"] @ (a_next if y_from == "next" else a_prev) + (p["by"] if by else 0.0)
    if y == "softmax":
        yt = softmax(scores)
    elif y == "softmax_axis1":
        yt = softmax(scores.T).T
    else:
        yt = scores
    return a_next, yt, (a_next, a_prev, xt, p)


RNN_CELL_FORWARD_MISTAKES = [
    ("the bias ba is left out of a_next", lambda *a: _rnn_cell_variant(*a, ba=False)),
    ("the bias by is left out of yt_pred", lambda *a: _rnn_cell_variant(*a, by=False)),
    ("a_next uses sigmoid where tanh belongs", lambda *a: _rnn_cell_variant(*a, act=sigmoid)),
    ("a_next is missing its tanh", lambda *a: _rnn_cell_variant(*a, act=lambda z: z)),
    (
        "softmax is taken over axis 1 (the batch) instead of axis 0 (the classes)",
        lambda *a: _rnn_cell_variant(*a, y="softmax_axis1"),
    ),
    ("yt_pred is missing the softmax", lambda *a: _rnn_cell_variant(*a, y="scores")),
    (
        "yt_pred is computed from a_prev instead of a_next",
        lambda *a: _rnn_cell_variant(*a, y_from="prev"),
    ),
]


def _lstm_cell_variant(
    xt, a_prev, c_prev, p, order="a_first", cand=np.tanh, gate=sigmoid, forget=True,
    squash_c=True, swap_fi=False, biases=True, y="softmax",
):  # fmt: skip
    concat = np.concatenate((a_prev, xt) if order == "a_first" else (xt, a_prev), axis=0)

    def pre(g):
        return p[f"W{g}"] @ concat + (p[f"b{g}"] if biases else 0.0)

    ft, it, cct, ot = gate(pre("f")), gate(pre("i")), cand(pre("c")), gate(pre("o"))
    if swap_fi:
        ft, it = it, ft
    c_next = (ft * c_prev if forget else c_prev) + it * cct
    a_next = ot * (np.tanh(c_next) if squash_c else c_next)
    scores = p["Wy"] @ a_next + p["by"]
    yt = softmax(scores) if y == "softmax" else softmax(scores.T).T
    return a_next, c_next, yt, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p)


LSTM_CELL_FORWARD_MISTAKES = [
    (
        "concat has xt on top; the course stacks a_prev on top: concat = [a_prev; xt]",
        lambda *a: _lstm_cell_variant(*a, order="x_first"),
    ),
    (
        "the candidate cct uses sigmoid where tanh belongs (sigmoid and tanh swapped)",
        lambda *a: _lstm_cell_variant(*a, cand=sigmoid),
    ),
    (
        "the gates use tanh where sigmoid belongs (sigmoid and tanh swapped)",
        lambda *a: _lstm_cell_variant(*a, gate=np.tanh),
    ),
    (
        "c_prev is not multiplied by the forget gate: c_next = ft * c_prev + it * cct",
        lambda *a: _lstm_cell_variant(*a, forget=False),
    ),
    (
        "a_next is missing the tanh of the memory: a_next = ot * tanh(c_next)",
        lambda *a: _lstm_cell_variant(*a, squash_c=False),
    ),
    (
        "the forget and update gates are swapped: ft multiplies c_prev, it the candidate",
        lambda *a: _lstm_cell_variant(*a, swap_fi=True),
    ),
    ("the gate biases are left out", lambda *a: _lstm_cell_variant(*a, biases=False)),
    (
        "softmax is taken over axis 1 (the batch) instead of axis 0 (the classes)",
        lambda *a: _lstm_cell_variant(*a, y="axis1"),
    ),
]


def _rnn_forward_variant(x, a0, p, mistake):
    a_list, y_list, caches = [], [], []
    a_prev = a0
    for t in range(x.shape[2]):
        if mistake == "reset":
            a_prev = np.zeros_like(a0)
        a_next, yt, cache = rnn_reference.rnn_cell_forward(x[:, :, t], a_prev, p)
        a_list.append(a_prev if mistake == "store_prev" else a_next)
        y_list.append(yt)
        caches.append(cache)
        if mistake != "no_update":
            a_prev = a_next
    return np.stack(a_list, axis=-1), np.stack(y_list, axis=-1), (caches, x)


RNN_FORWARD_MISTAKES = [
    (
        "a[:, :, t] holds a_prev; it should hold the new state a_next",
        lambda *a: _rnn_forward_variant(*a, "store_prev"),
    ),
    (
        "a_prev is never updated: every step starts again from a0",
        lambda *a: _rnn_forward_variant(*a, "no_update"),
    ),
    (
        "the hidden state is reset to zeros at every step instead of carried over",
        lambda *a: _rnn_forward_variant(*a, "reset"),
    ),
]


def _lstm_forward_variant(x, a0, p, mistake):
    a_list, y_list, c_list, caches = [], [], [], []
    a_prev, c_prev = a0, (a0 if mistake == "c0_is_a0" else np.zeros_like(a0))
    for t in range(x.shape[2]):
        if mistake == "reset_c":
            c_prev = np.zeros_like(a0)
        a_next, c_next, yt, cache = lstm_reference.lstm_cell_forward(x[:, :, t], a_prev, c_prev, p)
        a_list.append(a_next)
        c_list.append(c_prev if mistake == "store_c_prev" else c_next)
        y_list.append(yt)
        caches.append(cache)
        if mistake != "no_update":
            a_prev, c_prev = a_next, c_next
    stack = lambda items: np.stack(items, axis=-1)  # noqa: E731
    return stack(a_list), stack(y_list), stack(c_list), (caches, x)


LSTM_FORWARD_MISTAKES = [
    (
        "the memory cell must start at zeros, not at a0",
        lambda *a: _lstm_forward_variant(*a, "c0_is_a0"),
    ),
    (
        "the memory cell is reset to zeros at every step instead of carried over",
        lambda *a: _lstm_forward_variant(*a, "reset_c"),
    ),
    (
        "c[:, :, t] holds c_prev; it should hold the new memory c_next",
        lambda *a: _lstm_forward_variant(*a, "store_c_prev"),
    ),
    (
        "a_prev and c_prev are never updated: every step starts again from a0 and zeros",
        lambda *a: _lstm_forward_variant(*a, "no_update"),
    ),
]


def _rnn_cell_backward_variant(da_next, cache, mistake=None):
    a_next, a_prev, xt, p = cache
    if mistake == "no_derivative":
        dtanh = da_next
    elif mistake == "tanh_again":
        dtanh = (1 - np.tanh(a_next) ** 2) * da_next
    else:
        dtanh = (1 - a_next**2) * da_next
    return {
        "dxt": p["Wax"].T @ dtanh,
        "da_prev": (p["Waa"] if mistake == "no_transpose" else p["Waa"].T) @ dtanh,
        "dWax": dtanh @ xt.T,
        "dWaa": dtanh @ (a_next if mistake == "a_next_for_dWaa" else a_prev).T,
        "dba": np.sum(dtanh, axis=1, keepdims=True),
    }


RNN_CELL_BACKWARD_MISTAKES = [
    (
        "the tanh derivative is missing: dtanh = (1 - a_next**2) * da_next",
        lambda *a: _rnn_cell_backward_variant(*a, "no_derivative"),
    ),
    (
        "the tanh derivative is 1 - a_next**2, since a_next is already tanh(z); "
        "taking tanh(a_next) again is wrong",
        lambda *a: _rnn_cell_backward_variant(*a, "tanh_again"),
    ),
    (
        "da_prev needs the transpose: da_prev = Waa.T @ dtanh",
        lambda *a: _rnn_cell_backward_variant(*a, "no_transpose"),
    ),
    (
        "dWaa multiplies by a_prev, the state that Waa acted on: dWaa = dtanh @ a_prev.T",
        lambda *a: _rnn_cell_backward_variant(*a, "a_next_for_dWaa"),
    ),
]


def _sequence_backward_variant(da, caches, cell_backward, weights, mistake, lstm):
    cell_caches, x = caches
    T_x = x.shape[2]
    grads = {"dx": np.zeros_like(x)}
    steps = range(T_x) if mistake == "forward_loop" else reversed(range(T_x))
    da_prevt = np.zeros_like(da[:, :, 0])
    dc_prevt = np.zeros_like(da[:, :, 0])
    for t in steps:
        da_t = da[:, :, t] if mistake == "no_carry" else da[:, :, t] + da_prevt
        if lstm:
            dc_t = np.zeros_like(dc_prevt) if mistake == "no_c_carry" else dc_prevt
            step = cell_backward(da_t, dc_t, cell_caches[t])
        else:
            step = cell_backward(da_t, cell_caches[t])
        grads["dx"][:, :, t] = step["dxt"]
        for name in weights:
            if mistake == "overwrite" or name not in grads:
                grads[name] = step[name].copy()
            else:
                grads[name] += step[name]
        da_prevt = step["da_prev"]
        dc_prevt = step.get("dc_prev")
    grads["da0"] = da[:, :, 0] if mistake == "da0_input" else da_prevt
    return grads


def _sequence_backward_mistakes(cell_backward, weights, lstm):
    def variant(mistake):
        return lambda da, caches: _sequence_backward_variant(
            da, caches, cell_backward, weights, mistake, lstm
        )

    mistakes = [
        (
            "the gradient from step t+1 is not added: the cell at step t needs "
            "da[:, :, t] + da_prevt",
            variant("no_carry"),
        ),
        (
            "the weight gradients are overwritten at each step; they must be summed "
            "over time (+=), since every step uses the same weights",
            variant("overwrite"),
        ),
        (
            "da0 is the gradient that flows out of the first step (da_prevt after the "
            "loop), not da[:, :, 0]",
            variant("da0_input"),
        ),
        (
            "the loop runs forward in time; backpropagation goes from the last step "
            "back to the first",
            variant("forward_loop"),
        ),
    ]
    if lstm:
        mistakes.append(
            (
                "the memory's gradient is not carried back: pass dc_prevt from step t+1 "
                "to the cell at step t",
                variant("no_c_carry"),
            )
        )
    return mistakes


def _lstm_cell_backward_variant(da_next, dc_next, cache, mistake=None):
    a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p = cache
    n_a = a_prev.shape[0]
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c**2)
    if mistake == "no_a_path":
        dc = dc_next
    elif mistake == "no_dc_next":
        dc = da_next * ot * (1 - tanh_c**2)
    gate_deriv = (lambda s: 1.0) if mistake == "no_sigmoid_derivative" else (lambda s: s * (1 - s))
    dpre = {
        "f": dc * c_prev * gate_deriv(ft),
        "i": dc * cct * gate_deriv(it),
        "c": dc * it * (1.0 if mistake == "no_tanh_derivative" else 1 - cct**2),
        "o": da_next * (c_next if mistake == "c_not_tanh" else tanh_c) * gate_deriv(ot),
    }
    concat = np.concatenate((a_prev, xt), axis=0)
    dconcat = sum(p[f"W{g}"].T @ dpre[g] for g in "fico")
    if mistake == "split_reversed":
        n_x = xt.shape[0]
        dxt, da_prev = dconcat[:n_x], dconcat[n_x:]
    else:
        dxt, da_prev = dconcat[n_a:], dconcat[:n_a]
    grads = {"dxt": dxt, "da_prev": da_prev, "dc_prev": dc if mistake == "no_forget" else dc * ft}
    for g in "fico":
        grads[f"dW{g}"] = dpre[g] @ concat.T
        grads[f"db{g}"] = np.sum(dpre[g], axis=1, keepdims=True)
    return grads


def _lstm_cell_backward_mistake(description, mistake):
    return (description, lambda *a: _lstm_cell_backward_variant(*a, mistake))


LSTM_CELL_BACKWARD_MISTAKES = [
    _lstm_cell_backward_mistake(
        "dc misses the path through a_next: dc = dc_next + da_next * ot * (1 - tanh(c_next)**2)",
        "no_a_path",
    ),
    _lstm_cell_backward_mistake(
        "dc misses dc_next, the memory's gradient arriving from step t+1", "no_dc_next"
    ),
    _lstm_cell_backward_mistake(
        "dc_prev is dc times the forget gate: dc_prev = dc * ft", "no_forget"
    ),
    _lstm_cell_backward_mistake(
        "the sigmoid derivative s * (1 - s) is missing from the gates' gradients",
        "no_sigmoid_derivative",
    ),
    _lstm_cell_backward_mistake(
        "the candidate's tanh derivative (1 - cct**2) is missing", "no_tanh_derivative"
    ),
    _lstm_cell_backward_mistake(
        "the output gate's gradient needs tanh(c_next), not c_next", "c_not_tanh"
    ),
    _lstm_cell_backward_mistake(
        "da_prev and dxt come from the wrong ends of dconcat: a_prev is on top, so "
        "da_prev = dconcat[:n_a] and dxt = dconcat[n_a:]",
        "split_reversed",
    ),
]

LSTM_WEIGHTS = [f"{kind}{g}" for g in "fico" for kind in ("dW", "db")]
RNN_BACKWARD_MISTAKES = _sequence_backward_mistakes(
    rnn_reference.rnn_cell_backward, ["dWax", "dWaa", "dba"], lstm=False
)
LSTM_BACKWARD_MISTAKES = _sequence_backward_mistakes(
    lstm_reference.lstm_cell_backward, LSTM_WEIGHTS, lstm=True
)


# ---------------------------------------------------------------------------------------
# Comparing a learner's result with the reference

RNN_CACHE_FIELDS = ("a_next", "a_prev", "xt", "parameters")
LSTM_CACHE_FIELDS = ("a_next", "c_next", "a_prev", "c_prev", "ft", "it", "cct", "ot", "xt",
                     "parameters")  # fmt: skip
SHAPE_NAMES = {
    "a_next": "(n_a, m)", "c_next": "(n_a, m)", "a_prev": "(n_a, m)", "c_prev": "(n_a, m)",
    "ft": "(n_a, m)", "it": "(n_a, m)", "cct": "(n_a, m)", "ot": "(n_a, m)", "xt": "(n_x, m)",
    "yt_pred": "(n_y, m)", "a": "(n_a, m, T_x)", "c": "(n_a, m, T_x)", "y": "(n_y, m, T_x)",
    "y_pred": "(n_y, m, T_x)", "x": "(n_x, m, T_x)", "dxt": "(n_x, m)", "da_prev": "(n_a, m)",
    "dc_prev": "(n_a, m)", "dx": "(n_x, m, T_x)", "da0": "(n_a, m)", "dWax": "(n_a, n_x)",
    "dWaa": "(n_a, n_a)", "dba": "(n_a, 1)",
    **{f"dW{g}": "(n_a, n_a + n_x)" for g in "fico"}, **{f"db{g}": "(n_a, 1)" for g in "fico"},
}  # fmt: skip


class _Problem(Exception):
    """A difference between the learner's result and the reference, in words."""


def _short(name):
    """'cache[1] (a_prev)' -> 'a_prev'; 'a_next' -> 'a_next'."""
    return name.split("(")[-1].rstrip(")") if "(" in name else name


def _compare_array(expected, got, name):
    if got is None:
        raise _Problem(f"{name} is None")
    try:
        arr = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise _Problem(
            f"{name} should be a numpy array, but it is a {type(got).__name__}"
        ) from None
    if arr.shape != expected.shape:
        symbolic = SHAPE_NAMES.get(_short(name))
        message = f"{name} has shape {arr.shape} but should have shape {expected.shape}"
        message += f", that is {symbolic}" if symbolic else ""
        if expected.ndim == 2 and expected.shape[1] == 1 and arr.shape == expected.shape[:1]:
            message += ". Keep the column: sum with keepdims=True, or use .reshape(-1, 1)"
        raise _Problem(message)
    if not np.allclose(arr, expected, rtol=RTOL, atol=ATOL):
        bad = np.argwhere(~np.isclose(arr, expected, rtol=RTOL, atol=ATOL))[0]
        where = ", ".join(str(i) for i in bad)
        raise _Problem(
            f"{name} has the right shape but wrong values: {_short(name)}[{where}] is "
            f"{arr[tuple(bad)]:.6g} where {expected[tuple(bad)]:.6g} is expected"
        )


def _fields(name, size):
    if name == "cache" or name.startswith("caches[0]["):
        return RNN_CACHE_FIELDS if size == 4 else LSTM_CACHE_FIELDS
    if name == "caches":
        return ("list of cell caches", "x")
    return None


def _compare(expected, got, name, fields=None):
    """Raise _Problem at the first difference between got and expected."""
    if isinstance(expected, np.ndarray):
        _compare_array(expected, got, name)
    elif isinstance(expected, dict) and ("Wax" in expected or "Wf" in expected):
        if not isinstance(got, dict) or set(got) < set(expected):
            raise _Problem(f"{name} should be the parameters dict")
    elif isinstance(expected, dict):
        if not isinstance(got, dict):
            raise _Problem(
                f"{name} should be a dict with the keys {', '.join(expected)}, but it is a "
                f"{type(got).__name__}"
            )
        missing = [key for key in expected if key not in got]
        if missing:
            raise _Problem(f"the gradients dict has no '{missing[0]}'")
        for key in expected:
            _compare(expected[key], got[key], key)
    elif isinstance(expected, (tuple, list)):
        kind = "tuple" if isinstance(expected, tuple) else "list"
        fields = fields or _fields(name, len(expected))
        listed = f" ({', '.join(fields)})" if fields else ""
        if not isinstance(got, (tuple, list)):
            raise _Problem(
                f"{name} should be a {kind} of {len(expected)} items{listed}, but it is a "
                f"{type(got).__name__}"
            )
        if len(got) != len(expected):
            raise _Problem(
                f"{name} should have {len(expected)} items{listed}, but it has {len(got)}"
            )
        for i, (want, have) in enumerate(zip(expected, got)):
            if name == "the result" and fields:
                item = fields[i]
            else:
                item = f"{name}[{i}]" + (f" ({fields[i]})" if fields else "")
            try:
                _compare(want, have, item)
            except _Problem as problem:
                raise _Problem(str(problem) + _order_hint(expected, have, i, fields)) from None


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


def _matches(expected, got):
    try:
        _compare(expected, got, "the result")
    except _Problem:
        return False
    return True


def _learner_line(error):
    """The last line of the learner's own code in a traceback, or ''."""
    here = __file__.rsplit("/", 1)[0]
    frames = [
        f for f in traceback.extract_tb(error.__traceback__)
        if not f.filename.startswith(here) and "site-packages" not in f.filename
        and f.filename != __file__
    ]  # fmt: skip
    if not frames:
        return ""
    frame = frames[-1]
    return f" (in your line {frame.lineno}: {frame.line.strip()})" if frame.line else ""


# ---------------------------------------------------------------------------------------
# The checks


def _run(name, fn, reference, cases, outputs, arg_names, mistakes):
    if not callable(fn):
        print(f"✗ check_{name} needs your function itself, e.g. check_{name}({name}), "
              f"but got a {type(fn).__name__}.")  # fmt: skip
        return False
    for label, make_args in cases:
        args = make_args()
        expected = reference(*copy.deepcopy(args))
        given = copy.deepcopy(args)
        try:
            got = fn(*given)
        except NotImplementedError:
            print(f"✗ {name} is not implemented yet: replace the line "
                  "`raise NotImplementedError(...)` with your code, run that cell, "
                  "then run this check again.")  # fmt: skip
            return False
        except Exception as error:  # the learner's code failed: report, don't raise
            print(f"✗ {name} raised {type(error).__name__}: {error}{_learner_line(error)}")
            print(f"  (case: {label})")
            return False
        if got is None:
            print(f"✗ {name} returned None: is the `return` line missing?")
            return False
        try:
            _compare(expected, got, "the result", outputs)
        except _Problem as problem:
            print(f"✗ {name}: {problem}.")
            print(f"  (case: {label})")
            for description, variant in mistakes:
                try:
                    if _matches(variant(*copy.deepcopy(args)), got):
                        print(f"  This looks like a known slip: {description}.")
                        break
                except Exception:  # a variant that cannot run on this case says nothing
                    continue
            return False
        for arg_name, before, after in zip(arg_names, args, given):
            if isinstance(before, np.ndarray) and not np.array_equal(before, after):
                print(f"✗ {name} changed its input {arg_name} in place; work on a copy "
                      "(e.g. write da_t = da[:, :, t] + da_prevt instead of +=).")  # fmt: skip
                return False
    print(f"✓ {name}: all {len(cases)} cases match the reference.")
    return True


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


@_safely
def check_rnn_cell_forward(fn):
    """Check rnn_cell_forward(xt, a_prev, parameters) -> a_next, yt_pred, cache."""
    return _run(
        "rnn_cell_forward", fn, rnn_reference.rnn_cell_forward,
        _cases(CELL_SIZES, _rnn_cell_args), ("a_next", "yt_pred", "cache"),
        ("xt", "a_prev", "parameters"), RNN_CELL_FORWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_rnn_forward(fn):
    """Check rnn_forward(x, a0, parameters) -> a, y_pred, caches."""
    return _run(
        "rnn_forward", fn, rnn_reference.rnn_forward,
        _cases(SEQUENCE_SIZES, lambda k, s: _sequence_args(k, s, _rnn_parameters)),
        ("a", "y_pred", "caches"), ("x", "a0", "parameters"), RNN_FORWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_rnn_cell_backward(fn):
    """Check rnn_cell_backward(da_next, cache) -> {dxt, da_prev, dWax, dWaa, dba}."""
    cases = _cases(
        CELL_SIZES,
        lambda k, s: _with_gradient(_rnn_cell_args(k, s), rnn_reference.rnn_cell_forward, k),
    )
    return _run(
        "rnn_cell_backward", fn, rnn_reference.rnn_cell_backward, cases, None,
        ("da_next", "cache"), RNN_CELL_BACKWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_rnn_backward(fn):
    """Check rnn_backward(da, caches) -> {dx, da0, dWax, dWaa, dba}."""
    cases = _cases(
        SEQUENCE_SIZES,
        lambda k, s: _with_gradient(
            _sequence_args(k, s, _rnn_parameters), rnn_reference.rnn_forward, k
        ),
    )
    return _run(
        "rnn_backward", fn, rnn_reference.rnn_backward, cases, None, ("da", "caches"),
        RNN_BACKWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_lstm_cell_forward(fn):
    """Check lstm_cell_forward(xt, a_prev, c_prev, parameters) -> a_next, c_next, yt_pred, cache."""
    return _run(
        "lstm_cell_forward", fn, lstm_reference.lstm_cell_forward,
        _cases(CELL_SIZES, _lstm_cell_args), ("a_next", "c_next", "yt_pred", "cache"),
        ("xt", "a_prev", "c_prev", "parameters"), LSTM_CELL_FORWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_lstm_forward(fn):
    """Check lstm_forward(x, a0, parameters) -> a, y, c, caches."""
    return _run(
        "lstm_forward", fn, lstm_reference.lstm_forward,
        _cases(SEQUENCE_SIZES, lambda k, s: _sequence_args(k, s, _lstm_parameters)),
        ("a", "y", "c", "caches"), ("x", "a0", "parameters"), LSTM_FORWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_lstm_cell_backward(fn):
    """Check lstm_cell_backward(da_next, dc_next, cache) -> dict of 11 gradients."""
    cases = _cases(
        CELL_SIZES,
        lambda k, s: _with_gradient(
            _lstm_cell_args(k, s), lstm_reference.lstm_cell_forward, k, extra_dc=True
        ),
    )
    return _run(
        "lstm_cell_backward", fn, lstm_reference.lstm_cell_backward, cases, None,
        ("da_next", "dc_next", "cache"), LSTM_CELL_BACKWARD_MISTAKES,
    )  # fmt: skip


@_safely
def check_lstm_backward(fn):
    """Check lstm_backward(da, caches) -> {dx, da0, dWf, dbf, dWi, dbi, dWc, dbc, dWo, dbo}."""
    cases = _cases(
        SEQUENCE_SIZES,
        lambda k, s: _with_gradient(
            _sequence_args(k, s, _lstm_parameters), lstm_reference.lstm_forward, k
        ),
    )
    return _run(
        "lstm_backward", fn, lstm_reference.lstm_backward, cases, None, ("da", "caches"),
        LSTM_BACKWARD_MISTAKES,
    )  # fmt: skip


CHECKS = {
    "rnn_cell_forward": check_rnn_cell_forward,
    "rnn_forward": check_rnn_forward,
    "rnn_cell_backward": check_rnn_cell_backward,
    "rnn_backward": check_rnn_backward,
    "lstm_cell_forward": check_lstm_cell_forward,
    "lstm_forward": check_lstm_forward,
    "lstm_cell_backward": check_lstm_cell_backward,
    "lstm_backward": check_lstm_backward,
}
