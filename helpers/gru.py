"""Reference GRU cell: forward and backward, one step and a whole sequence.

The course's convention, the Coursera course's: the reset gate acts on a_prev before the
candidate's product (as in Cho et al. 2014 and d2l), and the update gate weights the
candidate (Cho et al., d2l and PyTorch let it weight the old state instead).

    concat   = [a_prev; xt]                      (n_a + n_x, m), a_prev on top
    rt       = sigmoid(Wr concat + br)           reset gate
    ut       = sigmoid(Wu concat + bu)           update gate
    concat_r = [rt * a_prev; xt]                 (n_a + n_x, m)
    cct      = tanh(Wc concat_r + bc)            candidate
    a_next   = ut * cct + (1 - ut) * a_prev
    yt_pred  = softmax(Wy a_next + by)

Shapes as for the LSTM: xt (n_x, m), a_prev (n_a, m), a sequence x (n_x, m, T_x).
Parameters: Wr, Wu, Wc (n_a, n_a + n_x); br, bu, bc (n_a, 1); Wy (n_y, n_a); by (n_y, 1).
With the update gate on the other side, z = 1 - ut: negating Wu and bu turns one into the
other (sigmoid(-s) = 1 - sigmoid(s)). PyTorch's nn.GRU also resets after the recurrent
product, r * (W_hn a_prev + b_hn), which no change of weights turns into the course's cell.
"""

from typing import NamedTuple

import numpy as np

from .activations import sigmoid, softmax
from .validation import ShapeChecker, checked_gated_cache, checked_sequence_backward

# The three gates in the course's order, by the suffix of their parameters (Wr, br, ...),
# with the name of their value in a cache and what the course calls them.
GRU_GATES = ("r", "u", "c")
GRU_GATE_VALUES = {"r": "rt", "u": "ut", "c": "cct"}
GRU_GATE_NAMES = {"r": "reset", "u": "update", "c": "candidate"}


class GRUCellCache(NamedTuple):
    """What one GRU step keeps for its backward pass. Every array is (n_a, m) but xt,
    which is (n_x, m)."""

    a_next: np.ndarray
    a_prev: np.ndarray
    rt: np.ndarray  # reset gate
    ut: np.ndarray  # update gate
    cct: np.ndarray  # candidate
    xt: np.ndarray
    parameters: dict


GRU_CACHE_FIELDS = GRUCellCache._fields
GRU_SHAPES = {
    **{f"W{g}": ("n_a", "n_a + n_x") for g in GRU_GATES},
    **{f"b{g}": ("n_a", 1) for g in GRU_GATES},
    "Wy": ("n_y", "n_a"),
    "by": ("n_y", 1),
}


def _cell_forward(xt, a_prev, p):
    concat = np.concatenate((a_prev, xt), axis=0)  # (n_a + n_x, m)
    rt = sigmoid(p["Wr"] @ concat + p["br"])  # reset gate
    ut = sigmoid(p["Wu"] @ concat + p["bu"])  # update gate
    concat_r = np.concatenate((rt * a_prev, xt), axis=0)  # (n_a + n_x, m)
    cct = np.tanh(p["Wc"] @ concat_r + p["bc"])  # candidate
    a_next = ut * cct + (1.0 - ut) * a_prev
    yt_pred = softmax(p["Wy"] @ a_next + p["by"])
    return a_next, yt_pred, (rt, ut, cct)


def gru_cell_forward(xt, a_prev, parameters):
    """One forward step of the GRU cell (equations in the module's docstring).

    Parameters
    ----------
    xt : ndarray, shape (n_x, m), input at step t
    a_prev : ndarray, shape (n_a, m), hidden state at step t-1
    parameters : dict with Wr, Wu, Wc (n_a, n_a + n_x), br, bu, bc (n_a, 1),
        Wy (n_y, n_a), by (n_y, 1)

    Returns
    -------
    a_next : ndarray, shape (n_a, m), hidden state at step t
    yt_pred : ndarray, shape (n_y, m), predicted class probabilities at step t
    cache : GRUCellCache, the tuple (a_next, a_prev, rt, ut, cct, xt, parameters)
    """
    check = ShapeChecker("gru_cell_forward")
    xt = check.array("xt", xt, ("n_x", "m"))
    a_prev = check.array("a_prev", a_prev, ("n_a", "m"))
    p = check.parameters(parameters, GRU_SHAPES)
    a_next, yt_pred, gates = _cell_forward(xt, a_prev, p)
    return a_next, yt_pred, GRUCellCache(a_next, a_prev, *gates, xt, parameters)


def gru_forward(x, a0, parameters):
    """Run the GRU cell over every step of a sequence, sharing one set of weights.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    a0 : ndarray, shape (n_a, m), initial hidden state
    parameters : dict, as for gru_cell_forward

    Returns
    -------
    a : ndarray, shape (n_a, m, T_x), hidden states
    y : ndarray, shape (n_y, m, T_x), predictions
    caches : tuple (list of T_x GRUCellCache, x)
    """
    check = ShapeChecker("gru_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    p = check.parameters(parameters, GRU_SHAPES)
    (n_a, m), n_y, T_x = a0.shape, p["Wy"].shape[0], x.shape[2]
    a, y = np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x))
    cell_caches = []
    a_next = a0
    for t in range(T_x):
        a_prev, xt = a_next, x[:, :, t]
        a_next, y[:, :, t], gates = _cell_forward(xt, a_prev, p)
        a[:, :, t] = a_next
        cell_caches.append(GRUCellCache(a_next, a_prev, *gates, xt, parameters))
    return a, y, (cell_caches, x)


def _check_cell_cache(check, cache, name="cache"):
    """The cache's arrays (a dict by field) and parameters, checked (a ShapeChecker)."""
    return checked_gated_cache(check, cache, name, GRU_CACHE_FIELDS, GRU_SHAPES)


def _cell_backward(da_next, v, p):
    n_a = v["a_prev"].shape[0]
    a_prev, rt, ut, cct, xt = v["a_prev"], v["rt"], v["ut"], v["cct"], v["xt"]
    # a_next = ut * cct + (1 - ut) * a_prev: three ways back.
    dpre_c = da_next * ut * (1.0 - cct**2)  # through the candidate's tanh
    dpre_u = da_next * (cct - a_prev) * ut * (1.0 - ut)  # through the update gate
    da_prev = da_next * (1.0 - ut)  # straight through, where the update gate is shut
    # The candidate saw [rt * a_prev; xt]: its gradient splits at the reset gate.
    dconcat_r = p["Wc"].T @ dpre_c  # (n_a + n_x, m)
    dreset_a = dconcat_r[:n_a]  # dL/d(rt * a_prev)
    dpre_r = dreset_a * a_prev * rt * (1.0 - rt)
    # Both gates saw concat = [a_prev; xt].
    dconcat = p["Wr"].T @ dpre_r + p["Wu"].T @ dpre_u  # (n_a + n_x, m)
    concat = np.concatenate((a_prev, xt), axis=0)
    concat_r = np.concatenate((rt * a_prev, xt), axis=0)
    grads = {
        "dxt": dconcat_r[n_a:] + dconcat[n_a:],
        "da_prev": da_prev + dreset_a * rt + dconcat[:n_a],
    }
    for g, dpre, seen in (("r", dpre_r, concat), ("u", dpre_u, concat), ("c", dpre_c, concat_r)):
        grads[f"dW{g}"] = dpre @ seen.T
        grads[f"db{g}"] = np.sum(dpre, axis=1, keepdims=True)
    return grads


def gru_cell_backward(da_next, cache):
    """Backward pass of one GRU step.

    Parameters
    ----------
    da_next : ndarray, shape (n_a, m), dL/da_next
    cache : tuple of 7 items from gru_cell_forward

    Returns
    -------
    gradients : dict with dxt (n_x, m), da_prev (n_a, m), dWr, dWu, dWc (n_a, n_a + n_x)
        and dbr, dbu, dbc (n_a, 1)
    """
    check = ShapeChecker("gru_cell_backward")
    values, p = _check_cell_cache(check, cache)
    da_next = check.array("da_next", da_next, ("n_a", "m"))
    return _cell_backward(da_next, values, p)


def gru_backward(da, caches):
    """Backpropagation through time for the GRU: the gradient from step t+1 is added to
    da[:, :, t] before the cell's backward pass.

    Parameters
    ----------
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    caches : tuple (list of T_x cell caches, x) from gru_forward

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dWr, dWu, dWc (n_a, n_a + n_x)
        and dbr, dbu, dbc (n_a, 1)
    """
    da, x, steps = checked_sequence_backward("gru_backward", da, caches, _check_cell_cache)
    p = steps[0][1]
    weight_names = [f"{kind}{g}" for g in GRU_GATES for kind in ("W", "b")]
    grads = {"dx": np.zeros_like(x), **{f"d{k}": np.zeros_like(p[k]) for k in weight_names}}
    da_prevt = np.zeros_like(da[:, :, 0])
    for t in reversed(range(x.shape[2])):
        values, _ = steps[t]
        step = _cell_backward(da[:, :, t] + da_prevt, values, p)
        grads["dx"][:, :, t] = step["dxt"]
        for k in weight_names:
            grads[f"d{k}"] += step[f"d{k}"]
        da_prevt = step["da_prev"]
    grads["da0"] = da_prevt
    return grads
