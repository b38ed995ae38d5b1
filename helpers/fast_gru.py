"""Fast GRU over a sequence, built like helpers.fast's LSTM (used for training in 11).

Same signatures and same outputs as helpers.gru_forward / gru_backward; only the caches
differ. The tricks are those notebook 10 teaches, in their plainest form: the reset and
update gates stacked into one matrix (one product per step for both), the input
projection of all T_x steps in one product before the time loop, time-major buffers
written in place, and the weight gradients as products after the loop. The candidate
keeps a product of its own at every step, because its input r * a_prev needs the reset
gate of the same step. One thread: the GRU trains inside single_threaded_blas().

Inside, arrays are laid out (T_x, m, features), so that each step's slice is contiguous.
"""

from dataclasses import dataclass

import numpy as np

from .activations import softmax
from .gru import GRU_GATES, GRU_SHAPES
from .validation import ShapeChecker


@dataclass
class GRUCache:
    """What the fast backward pass needs (time-major buffers)."""

    X: np.ndarray  # (T_x * m, n_x) inputs, rows ordered (t, example)
    A: np.ndarray  # (T_x + 1, m, n_a) hidden states, A[0] = a0
    G: np.ndarray  # (T_x, m, 3 n_a) reset gate, update gate, candidate
    RA: np.ndarray  # (T_x, m, n_a) r * a_prev, the candidate's recurrent input
    W: dict  # Wr, Wu, Wc split into their recurrent (n_a, n_a) and input (n_a, n_x) parts
    x_shape: tuple


def _split(p, n_a):
    """The recurrent and input parts of the three gates' weights, stacked in the order
    r, u, c: Wa (3 n_a, n_a), Wx (3 n_a, n_x), b (3 n_a, 1)."""
    W = np.concatenate([p[f"W{g}"] for g in GRU_GATES])  # (3 n_a, n_a + n_x)
    b = np.concatenate([p[f"b{g}"] for g in GRU_GATES])
    return {"Wa": W[:, :n_a], "Wx": W[:, n_a:], "b": b}


def gru_forward(x, a0, parameters):
    """Fast GRU forward pass; same arguments and results as helpers.gru_forward.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    a0 : ndarray, shape (n_a, m)
    parameters : dict, as for helpers.gru_cell_forward

    Returns
    -------
    a : ndarray (n_a, m, T_x); y : ndarray (n_y, m, T_x)
    caches : GRUCache, for helpers.fast_gru.gru_backward only
    """
    check = ShapeChecker("fast_gru.gru_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    p = check.parameters(parameters, GRU_SHAPES)
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    W = _split(p, n_a)
    W_ru_T = np.ascontiguousarray(W["Wa"][: 2 * n_a].T)  # (n_a, 2 n_a)
    W_c_T = np.ascontiguousarray(W["Wa"][2 * n_a :].T)  # (n_a, n_a)

    X = np.ascontiguousarray(x.transpose(2, 1, 0)).reshape(T_x * m, n_x)
    G = (X @ W["Wx"].T + W["b"].T).reshape(T_x, m, 3 * n_a)  # every step's input part
    A = np.empty((T_x + 1, m, n_a))
    RA = np.empty((T_x, m, n_a))
    A[0] = a0.T
    scratch = np.empty((m, 2 * n_a))
    with np.errstate(over="ignore"):  # exp(-z) = inf for z < -709 gives sigmoid 0: fine
        for t in range(T_x):
            g, a_prev = G[t], A[t]
            ru, cc = g[:, : 2 * n_a], g[:, 2 * n_a :]
            np.matmul(a_prev, W_ru_T, out=scratch)
            ru += scratch  # pre-activations of r and u
            np.negative(ru, out=ru)
            np.exp(ru, out=ru)
            ru += 1.0
            np.reciprocal(ru, out=ru)  # sigmoid
            r, u = ru[:, :n_a], ru[:, n_a:]
            np.multiply(r, a_prev, out=RA[t])
            cc += RA[t] @ W_c_T
            np.tanh(cc, out=cc)
            # a_next = u * cc + (1 - u) * a_prev = a_prev + u * (cc - a_prev)
            np.subtract(cc, a_prev, out=A[t + 1])
            A[t + 1] *= u
            A[t + 1] += a_prev

    logits = A[1:].reshape(T_x * m, n_a) @ p["Wy"].T + p["by"].T  # (T_x m, n_y)
    y = softmax(logits.T).reshape(-1, T_x, m).transpose(0, 2, 1)  # (n_y, m, T_x)
    cache = GRUCache(X=X, A=A, G=G, RA=RA, W=W, x_shape=x.shape)
    return np.ascontiguousarray(A[1:].transpose(2, 1, 0)), y, cache


def gru_backward(da, caches):
    """Fast GRU backward pass; same results as helpers.gru_backward.

    Parameters
    ----------
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    caches : GRUCache from helpers.fast_gru.gru_forward

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dWr, dWu, dWc (n_a, n_a + n_x)
        and dbr, dbu, dbc (n_a, 1)
    """
    if not isinstance(caches, GRUCache):
        raise TypeError(
            "fast_gru.gru_backward: caches should come from helpers.fast_gru.gru_forward "
            "(the reference caches go to helpers.gru_backward)."
        )
    cache = caches
    n_x, m, T_x = cache.x_shape
    n_a = cache.A.shape[2]
    da = ShapeChecker("fast_gru.gru_backward").array("da", da, (n_a, m, T_x))
    dA = np.ascontiguousarray(da.transpose(2, 1, 0))  # (T_x, m, n_a)
    Wa = cache.W["Wa"]
    W_ru, W_c = np.ascontiguousarray(Wa[: 2 * n_a]), np.ascontiguousarray(Wa[2 * n_a :])
    dZ = np.empty((T_x, m, 3 * n_a))  # gradients of the pre-activations of r, u, c
    da_next = np.zeros((m, n_a))
    d_ra = np.empty((m, n_a))
    for t in reversed(range(T_x)):
        g, a_prev, dz = cache.G[t], cache.A[t], dZ[t]
        r, u, cc = g[:, :n_a], g[:, n_a : 2 * n_a], g[:, 2 * n_a :]
        dr, du, dc = dz[:, :n_a], dz[:, n_a : 2 * n_a], dz[:, 2 * n_a :]
        da_t = dA[t]
        da_t += da_next
        # through the candidate: dz_c = da * u * (1 - cc^2)
        np.multiply(cc, cc, out=dc)
        np.subtract(1.0, dc, out=dc)
        dc *= u
        dc *= da_t
        np.matmul(dc, W_c, out=d_ra)  # dL/d(r * a_prev)
        # through the update gate: dz_u = da * (cc - a_prev) * u (1 - u)
        np.subtract(cc, a_prev, out=du)
        du *= da_t
        du *= u
        du -= du * u
        # through the reset gate: dz_r = d_ra * a_prev * r (1 - r)
        np.multiply(d_ra, a_prev, out=dr)
        dr *= r
        dr -= dr * r
        # da_prev: the direct path (1 - u), the reset input r, and the gates' products
        np.matmul(dz[:, : 2 * n_a], W_ru, out=da_next)
        da_next += d_ra * r
        da_next += da_t
        da_next -= da_t * u

    dZ_rows = dZ.reshape(T_x * m, 3 * n_a)
    A_prev = cache.A[:-1].reshape(T_x * m, n_a)
    RA = cache.RA.reshape(T_x * m, n_a)
    dWa = np.concatenate((dZ_rows[:, : 2 * n_a].T @ A_prev, dZ_rows[:, 2 * n_a :].T @ RA))
    dWx = dZ_rows.T @ cache.X  # (3 n_a, n_x)
    db = dZ_rows.sum(axis=0)[:, None]  # (3 n_a, 1)
    dx = (dZ_rows @ cache.W["Wx"]).reshape(T_x, m, n_x)
    grads = {"dx": np.ascontiguousarray(dx.transpose(2, 1, 0)), "da0": da_next.T.copy()}
    for k, gate in enumerate(GRU_GATES):
        rows = slice(k * n_a, (k + 1) * n_a)
        grads[f"dW{gate}"] = np.concatenate((dWa[rows], dWx[rows]), axis=1)
        grads[f"db{gate}"] = db[rows]
    return grads
