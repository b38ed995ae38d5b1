"""Reference RNN cell: forward and backward, one step and a whole sequence.

Shapes follow the course (and the source post): the batch is the second axis and time
the third. xt is (n_x, m), a_prev is (n_a, m), a sequence x is (n_x, m, T_x).
Parameters are a dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a),
ba (n_a, 1) and by (n_y, 1).

Introduced in 01_rnn_cell (one step), 02_rnn_sequence (a sequence) and
03_rnn_backprop (the backward pass).
"""

from typing import NamedTuple

import numpy as np

from .activations import softmax
from .validation import ShapeChecker, checked_sequence_backward


class CellCache(NamedTuple):
    """What one RNN step keeps for its backward pass, in the source post's order.

    A tuple (learners build a plain one in the exercises), whose items also have names:
    cache.a_prev is cache[1]. The one definition of the layout; helpers reads it here.
    """

    a_next: np.ndarray  # (n_a, m)
    a_prev: np.ndarray  # (n_a, m)
    xt: np.ndarray  # (n_x, m)
    parameters: dict


CACHE_FIELDS = CellCache._fields
RNN_SHAPES = {
    "Wax": ("n_a", "n_x"),
    "Waa": ("n_a", "n_a"),
    "Wya": ("n_y", "n_a"),
    "ba": ("n_a", 1),
    "by": ("n_y", 1),
}


def _check_step(function, xt, a_prev, parameters):
    check = ShapeChecker(function)
    xt = check.array("xt", xt, ("n_x", "m"))
    a_prev = check.array("a_prev", a_prev, ("n_a", "m"))
    return xt, a_prev, check.parameters(parameters, RNN_SHAPES)


def _cell_forward(xt, a_prev, p):
    a_next = np.tanh(p["Wax"] @ xt + p["Waa"] @ a_prev + p["ba"])
    yt_pred = softmax(p["Wya"] @ a_next + p["by"])
    return a_next, yt_pred


def rnn_cell_forward(xt, a_prev, parameters):
    """One forward step of the RNN cell.

        a_next  = tanh(Wax xt + Waa a_prev + ba)
        yt_pred = softmax(Wya a_next + by)

    Parameters
    ----------
    xt : ndarray, shape (n_x, m), input at step t
    a_prev : ndarray, shape (n_a, m), hidden state at step t-1
    parameters : dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a),
        ba (n_a, 1), by (n_y, 1)

    Returns
    -------
    a_next : ndarray, shape (n_a, m), hidden state at step t
    yt_pred : ndarray, shape (n_y, m), predicted class probabilities at step t
    cache : CellCache, the tuple (a_next, a_prev, xt, parameters), for the backward pass
    """
    xt, a_prev, p = _check_step("rnn_cell_forward", xt, a_prev, parameters)
    a_next, yt_pred = _cell_forward(xt, a_prev, p)
    return a_next, yt_pred, CellCache(a_next, a_prev, xt, parameters)


def rnn_forward(x, a0, parameters):
    """Run the RNN cell over every time step of a sequence, sharing one set of weights.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x), the input at every step
    a0 : ndarray, shape (n_a, m), initial hidden state
    parameters : dict, as for rnn_cell_forward

    Returns
    -------
    a : ndarray, shape (n_a, m, T_x), hidden state at every step
    y_pred : ndarray, shape (n_y, m, T_x), predictions at every step
    caches : tuple (list of T_x CellCache, x)
    """
    check = ShapeChecker("rnn_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    p = check.parameters(parameters, RNN_SHAPES)
    (n_a, m), n_y, T_x = a0.shape, p["Wya"].shape[0], x.shape[2]
    a = np.zeros((n_a, m, T_x))
    y_pred = np.zeros((n_y, m, T_x))
    cell_caches = []
    a_next = a0
    for t in range(T_x):
        a_prev = a_next
        a_next, y_pred[:, :, t] = _cell_forward(x[:, :, t], a_prev, p)
        a[:, :, t] = a_next
        cell_caches.append(CellCache(a_next, a_prev, x[:, :, t], parameters))
    return a, y_pred, (cell_caches, x)


def _check_cell_cache(check, cache, name="cache"):
    """The cache's fields checked (a ShapeChecker `check`): a_next, a_prev, xt, p."""
    v = dict(zip(CACHE_FIELDS, check.sequence(name, cache, len(CACHE_FIELDS))))
    label = {field: f"{name}[{k}] ({field})" for k, field in enumerate(CACHE_FIELDS)}
    xt = check.array(label["xt"], v["xt"], ("n_x", "m"))
    a_prev = check.array(label["a_prev"], v["a_prev"], ("n_a", "m"))
    p = check.parameters(v["parameters"], RNN_SHAPES)
    a_next = check.array(label["a_next"], v["a_next"], ("n_a", "m"))
    return a_next, a_prev, xt, p


def _cell_backward(da_next, a_next, a_prev, xt, p):
    # d tanh(u) / du = 1 - tanh(u)^2, and a_next is tanh(u) already.
    dtanh = (1.0 - a_next**2) * da_next
    return {
        "dxt": p["Wax"].T @ dtanh,
        "da_prev": p["Waa"].T @ dtanh,
        "dWax": dtanh @ xt.T,
        "dWaa": dtanh @ a_prev.T,
        "dba": np.sum(dtanh, axis=1, keepdims=True),
    }


def rnn_cell_backward(da_next, cache):
    """Backward pass of one RNN step, from the gradient of the loss w.r.t. a_next.

    Parameters
    ----------
    da_next : ndarray, shape (n_a, m), dL/da_next
    cache : tuple (a_next, a_prev, xt, parameters) from rnn_cell_forward

    Returns
    -------
    gradients : dict with
        dxt (n_x, m), da_prev (n_a, m), dWax (n_a, n_x), dWaa (n_a, n_a), dba (n_a, 1)
    """
    check = ShapeChecker("rnn_cell_backward")
    a_next, a_prev, xt, p = _check_cell_cache(check, cache)
    da_next = check.array("da_next", da_next, ("n_a", "m"))
    return _cell_backward(da_next, a_next, a_prev, xt, p)


def rnn_backward(da, caches):
    """Backpropagation through time over a whole sequence.

    At every step the gradient arriving from step t+1 (through a<t>) is added to
    da[:, :, t], the gradient that the loss sends to a<t> directly.

    Parameters
    ----------
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    caches : tuple (list of T_x cell caches, x) from rnn_forward

    Returns
    -------
    gradients : dict with
        dx (n_x, m, T_x), da0 (n_a, m), dWax (n_a, n_x), dWaa (n_a, n_a), dba (n_a, 1)
    """
    da, x, steps = checked_sequence_backward("rnn_backward", da, caches, _check_cell_cache)
    p = steps[0][3]
    grads = {
        "dx": np.zeros_like(x),
        "dWax": np.zeros_like(p["Wax"]),
        "dWaa": np.zeros_like(p["Waa"]),
        "dba": np.zeros_like(p["ba"]),
    }
    da_prevt = np.zeros_like(da[:, :, 0])
    for t in reversed(range(x.shape[2])):
        a_next, a_prev, xt, _ = steps[t]
        step = _cell_backward(da[:, :, t] + da_prevt, a_next, a_prev, xt, p)
        grads["dx"][:, :, t] = step["dxt"]
        for name in ("dWax", "dWaa", "dba"):
            grads[name] += step[name]
        da_prevt = step["da_prev"]
    grads["da0"] = da_prevt
    return grads
