"""Reference LSTM cell: forward and backward, one step and a whole sequence.

Shapes follow the course: xt is (n_x, m), a_prev and c_prev are (n_a, m), a sequence x is
(n_x, m, T_x). Every gate acts on concat = [a_prev; xt], shape (n_a + n_x, m), a_prev on
top. Parameters: Wf, Wi, Wc, Wo (n_a, n_a + n_x); bf, bi, bc, bo (n_a, 1); Wy (n_y, n_a);
by (n_y, 1). `i` is the update gate, `cct` the candidate (c tilde).

Introduced in 05_lstm_cell (one step) and 06_lstm_sequence_backprop (sequence, backward).
"""

from typing import NamedTuple

import numpy as np

from .activations import sigmoid, softmax
from .validation import ShapeChecker, checked_gated_cache, checked_sequence_backward

# The one definition of the LSTM's layouts; everything else in helpers reads them here.
# The four gates in the course's order, by the suffix of their parameters (Wf, bf, ...),
# with the name of their value in a cache and what the course calls them.
GATES = ("f", "i", "c", "o")
GATE_VALUES = {"f": "ft", "i": "it", "c": "cct", "o": "ot"}
GATE_NAMES = {"f": "forget", "i": "update", "c": "candidate", "o": "output"}


class CellCache(NamedTuple):
    """What one LSTM step keeps for its backward pass, in the source post's order.

    A tuple (learners build a plain one in the exercises), whose items also have names:
    cache.ft is cache[4]. Every array is (n_a, m) but xt, which is (n_x, m).
    """

    a_next: np.ndarray
    c_next: np.ndarray
    a_prev: np.ndarray
    c_prev: np.ndarray
    ft: np.ndarray  # forget gate
    it: np.ndarray  # update gate
    cct: np.ndarray  # candidate
    ot: np.ndarray  # output gate
    xt: np.ndarray
    parameters: dict


CACHE_FIELDS = CellCache._fields
LSTM_SHAPES = {
    **{f"W{g}": ("n_a", "n_a + n_x") for g in GATES},
    **{f"b{g}": ("n_a", 1) for g in GATES},
    "Wy": ("n_y", "n_a"),
    "by": ("n_y", 1),
}


def stack_gates(parameters, order=GATES):
    """The four gates' weights and biases stacked in `order` (10_fast_lstm, helpers.fast).

    Returns
    -------
    W : ndarray (4 n_a, n_a + n_x), the blocks of rows W{g} in order
    b : ndarray (4 n_a, 1), the blocks b{g} in the same order
    """
    W = np.concatenate([parameters[f"W{g}"] for g in order])
    b = np.concatenate([parameters[f"b{g}"] for g in order])
    return W, b


def _cell_forward(xt, a_prev, c_prev, p):
    concat = np.concatenate((a_prev, xt), axis=0)  # (n_a + n_x, m)
    ft = sigmoid(p["Wf"] @ concat + p["bf"])  # forget gate
    it = sigmoid(p["Wi"] @ concat + p["bi"])  # update gate
    cct = np.tanh(p["Wc"] @ concat + p["bc"])  # candidate
    ot = sigmoid(p["Wo"] @ concat + p["bo"])  # output gate
    c_next = ft * c_prev + it * cct
    a_next = ot * np.tanh(c_next)
    yt_pred = softmax(p["Wy"] @ a_next + p["by"])
    return a_next, c_next, yt_pred, (ft, it, cct, ot)


def lstm_cell_forward(xt, a_prev, c_prev, parameters):
    """One forward step of the LSTM cell.

        concat = [a_prev; xt]
        ft  = sigmoid(Wf concat + bf)      forget gate
        it  = sigmoid(Wi concat + bi)      update gate
        cct = tanh(Wc concat + bc)         candidate
        ot  = sigmoid(Wo concat + bo)      output gate
        c_next  = ft * c_prev + it * cct
        a_next  = ot * tanh(c_next)
        yt_pred = softmax(Wy a_next + by)

    Parameters
    ----------
    xt : ndarray, shape (n_x, m), input at step t
    a_prev : ndarray, shape (n_a, m), hidden state at step t-1
    c_prev : ndarray, shape (n_a, m), memory cell at step t-1
    parameters : dict with Wf, Wi, Wc, Wo (n_a, n_a + n_x), bf, bi, bc, bo (n_a, 1),
        Wy (n_y, n_a), by (n_y, 1)

    Returns
    -------
    a_next : ndarray, shape (n_a, m), hidden state at step t
    c_next : ndarray, shape (n_a, m), memory cell at step t
    yt_pred : ndarray, shape (n_y, m), predicted class probabilities at step t
    cache : CellCache, the tuple (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt,
        parameters), each gate (n_a, m)
    """
    check = ShapeChecker("lstm_cell_forward")
    xt = check.array("xt", xt, ("n_x", "m"))
    a_prev = check.array("a_prev", a_prev, ("n_a", "m"))
    c_prev = check.array("c_prev", c_prev, ("n_a", "m"))
    p = check.parameters(parameters, LSTM_SHAPES)
    a_next, c_next, yt_pred, gates = _cell_forward(xt, a_prev, c_prev, p)
    cache = CellCache(a_next, c_next, a_prev, c_prev, *gates, xt, parameters)
    return a_next, c_next, yt_pred, cache


def lstm_forward(x, a0, parameters, c0=None):
    """Run the LSTM cell over every step of a sequence, sharing one set of weights.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    a0 : ndarray, shape (n_a, m), initial hidden state
    parameters : dict, as for lstm_cell_forward
    c0 : ndarray, shape (n_a, m), optional initial memory cell (zeros by default)

    Returns
    -------
    a : ndarray, shape (n_a, m, T_x), hidden states
    y : ndarray, shape (n_y, m, T_x), predictions
    c : ndarray, shape (n_a, m, T_x), memory cells
    caches : tuple (list of T_x CellCache, x)
    """
    check = ShapeChecker("lstm_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    c0 = np.zeros_like(a0) if c0 is None else check.array("c0", c0, ("n_a", "m"))
    p = check.parameters(parameters, LSTM_SHAPES)
    (n_a, m), n_y, T_x = a0.shape, p["Wy"].shape[0], x.shape[2]
    a, c, y = np.zeros((n_a, m, T_x)), np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    cell_caches = []
    a_next, c_next = a0, c0
    for t in range(T_x):
        a_prev, c_prev, xt = a_next, c_next, x[:, :, t]
        a_next, c_next, y[:, :, t], gates = _cell_forward(xt, a_prev, c_prev, p)
        a[:, :, t], c[:, :, t] = a_next, c_next
        cell_caches.append(CellCache(a_next, c_next, a_prev, c_prev, *gates, xt, parameters))
    return a, y, c, (cell_caches, x)


def _check_cell_cache(check, cache, name="cache"):
    """The cache's arrays (a dict by field) and parameters, checked (a ShapeChecker)."""
    return checked_gated_cache(check, cache, name, CACHE_FIELDS, LSTM_SHAPES)


def _cell_backward(da_next, dc_next, v, p):
    n_a = v["a_prev"].shape[0]
    ft, it, cct, ot = v["ft"], v["it"], v["cct"], v["ot"]
    tanh_c = np.tanh(v["c_next"])
    # Gradient reaching c_next: directly from step t+1, and through a_next = ot * tanh(c_next).
    dc = dc_next + da_next * ot * (1.0 - tanh_c**2)
    # Gradients of the gates' pre-activations (sigmoid' = s(1-s), tanh' = 1-tanh^2).
    dpre = {
        "f": dc * v["c_prev"] * ft * (1.0 - ft),
        "i": dc * cct * it * (1.0 - it),
        "c": dc * it * (1.0 - cct**2),
        "o": da_next * tanh_c * ot * (1.0 - ot),
    }
    concat = np.concatenate((v["a_prev"], v["xt"]), axis=0)  # (n_a + n_x, m)
    dconcat = sum(p[f"W{g}"].T @ dpre[g] for g in GATES)  # (n_a + n_x, m)
    grads = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a], "dc_prev": dc * ft}
    for g in GATES:
        grads[f"dW{g}"] = dpre[g] @ concat.T
        grads[f"db{g}"] = np.sum(dpre[g], axis=1, keepdims=True)
    return grads


def lstm_cell_backward(da_next, dc_next, cache):
    """Backward pass of one LSTM step.

    Parameters
    ----------
    da_next : ndarray, shape (n_a, m), dL/da_next
    dc_next : ndarray, shape (n_a, m), dL/dc_next arriving from step t+1
    cache : tuple of 10 items from lstm_cell_forward

    Returns
    -------
    gradients : dict with dxt (n_x, m), da_prev (n_a, m), dc_prev (n_a, m),
        dWf, dWi, dWc, dWo (n_a, n_a + n_x) and dbf, dbi, dbc, dbo (n_a, 1)
    """
    check = ShapeChecker("lstm_cell_backward")
    values, p = _check_cell_cache(check, cache)
    da_next = check.array("da_next", da_next, ("n_a", "m"))
    dc_next = check.array("dc_next", dc_next, ("n_a", "m"))
    return _cell_backward(da_next, dc_next, values, p)


def lstm_backward(da, caches):
    """Backpropagation through time for the LSTM.

    The gradient from step t+1 is added to da[:, :, t]; the memory cell's gradient
    flows back through dc_prev = dc * ft.

    Parameters
    ----------
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    caches : tuple (list of T_x cell caches, x) from lstm_forward

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dc0 (n_a, m) (the gradient of
        the initial memory c0, for a sequence cut into pieces that carry their state),
        dWf, dWi, dWc, dWo (n_a, n_a + n_x) and dbf, dbi, dbc, dbo (n_a, 1)
    """
    da, x, steps = checked_sequence_backward("lstm_backward", da, caches, _check_cell_cache)
    p = steps[0][1]
    weight_names = [f"{kind}{g}" for g in GATES for kind in ("W", "b")]
    grads = {"dx": np.zeros_like(x), **{f"d{k}": np.zeros_like(p[k]) for k in weight_names}}
    da_prevt = np.zeros_like(da[:, :, 0])
    dc_prevt = np.zeros_like(da[:, :, 0])
    for t in reversed(range(x.shape[2])):
        values, _ = steps[t]
        step = _cell_backward(da[:, :, t] + da_prevt, dc_prevt, values, p)
        grads["dx"][:, :, t] = step["dxt"]
        for k in weight_names:
            grads[f"d{k}"] += step[f"d{k}"]
        da_prevt, dc_prevt = step["da_prev"], step["dc_prev"]
    grads["da0"], grads["dc0"] = da_prevt, dc_prevt
    return grads
