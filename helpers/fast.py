"""Fast LSTM and RNN over a sequence, built the way deep-learning frameworks build them
(introduced in 10_fast_lstm; used for training in 07, 08 and 09).

Same signatures and same outputs as helpers.lstm_forward / lstm_backward and
helpers.rnn_forward / rnn_backward; only the caches differ. What makes them fast:

* one stacked gate matrix: the four gates come from one matrix product per step;
* the input projection of all T_x steps in one matrix product, before the time loop;
* batch-major buffers allocated once, with the gates computed in place;
* weight gradients accumulated with one matrix product after the time loop.

Inside, arrays are laid out (T_x, m, features) so that each step's slice is contiguous.
"""

from dataclasses import dataclass

import numpy as np

from .lstm import LSTM_SHAPES
from .rnn import RNN_SHAPES
from .validation import ShapeChecker

# Stacking order of the gates in the fused matrix: the three sigmoid gates first and the
# candidate last. Its rows are doubled, so that one sigmoid over all four gates gives
# sigmoid(2 z_c), and tanh(z_c) = 2 sigmoid(2 z_c) - 1 follows with two cheap operations.
FUSED_ORDER = ("f", "i", "o", "c")


def _sigmoid_(z):
    """In place: z <- 1 / (1 + exp(-z)). One exp per entry, cheaper than tanh; the
    caller silences the harmless overflow of exp(-z) for z < -709 (the result is 0)."""
    np.negative(z, out=z)
    np.exp(z, out=z)
    z += 1.0
    np.reciprocal(z, out=z)
    return z


def _tanh_from_sigmoid_(s):
    """In place: s = sigmoid(2 z) <- tanh(z) = 2 sigmoid(2 z) - 1."""
    s *= 2.0
    s -= 1.0
    return s


def _softmax_rows(z):
    z = z - z.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


def _time_major(x):
    """(n, m, T_x) -> contiguous (T_x, m, n)."""
    return np.ascontiguousarray(x.transpose(2, 1, 0))


def _feature_major(x):
    """(T_x, m, n) -> (n, m, T_x)."""
    return np.ascontiguousarray(x.transpose(2, 1, 0))


def _outputs(A, W_out, b_out):
    """Predictions for every step with one matrix product: A (T_x, m, n_a) -> (n_y, m, T_x)."""
    T_x, m, n_a = A.shape
    logits = A.reshape(T_x * m, n_a) @ W_out.T + b_out.T
    return _feature_major(_softmax_rows(logits).reshape(T_x, m, -1))


@dataclass
class LSTMCache:
    """What the fast backward pass needs (time-major buffers)."""

    X: np.ndarray  # (T_x * m, n_x) inputs, rows ordered (t, example)
    A: np.ndarray  # (T_x + 1, m, n_a) hidden states, A[0] = a0
    C: np.ndarray  # (T_x + 1, m, n_a) memory cells, C[0] = c0
    G: np.ndarray  # (T_x, m, 4 n_a) gate activations in FUSED_ORDER
    tanh_C: np.ndarray  # (T_x, m, n_a)
    Wa: np.ndarray  # (4 n_a, n_a) fused recurrent weights
    Wx: np.ndarray  # (4 n_a, n_x) fused input weights
    x_shape: tuple


def lstm_forward(x, a0, parameters, c0=None):
    """Fast LSTM forward pass; same arguments and results as helpers.lstm_forward.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    a0 : ndarray, shape (n_a, m)
    parameters : dict, as for helpers.lstm_cell_forward
    c0 : ndarray, shape (n_a, m), optional (zeros by default)

    Returns
    -------
    a, y, c : ndarrays of shape (n_a, m, T_x), (n_y, m, T_x), (n_a, m, T_x)
    caches : LSTMCache, for helpers.fast.lstm_backward only
    """
    check = ShapeChecker("fast.lstm_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    c0 = np.zeros_like(a0) if c0 is None else check.array("c0", c0, ("n_a", "m"))
    p = check.parameters(parameters, LSTM_SHAPES)
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]

    W = np.concatenate([p[f"W{g}"] for g in FUSED_ORDER])  # (4 n_a, n_a + n_x)
    b = np.concatenate([p[f"b{g}"] for g in FUSED_ORDER])  # (4 n_a, 1)
    Wa, Wx = np.ascontiguousarray(W[:, :n_a]), np.ascontiguousarray(W[:, n_a:])
    doubled = np.ones((4 * n_a, 1))
    doubled[3 * n_a :] = 2.0  # the candidate's rows: see FUSED_ORDER
    WaT = np.ascontiguousarray((doubled * Wa).T)  # (n_a, 4 n_a)

    X = _time_major(x).reshape(T_x * m, n_x)
    G = (X @ (doubled * Wx).T + (doubled * b).T).reshape(T_x, m, 4 * n_a)  # every step's input
    A = np.empty((T_x + 1, m, n_a))
    C = np.empty((T_x + 1, m, n_a))
    tanh_C = np.empty((T_x, m, n_a))
    A[0], C[0] = a0.T, c0.T
    scratch = np.empty((m, 4 * n_a))
    with np.errstate(over="ignore"):
        for t in range(T_x):
            g, tc = G[t], tanh_C[t]
            np.matmul(A[t], WaT, out=scratch)
            g += scratch
            _sigmoid_(g)
            f, i, o, cc = g[:, :n_a], g[:, n_a : 2 * n_a], g[:, 2 * n_a : 3 * n_a], g[:, 3 * n_a :]
            _tanh_from_sigmoid_(cc)
            np.multiply(f, C[t], out=C[t + 1])
            np.multiply(i, cc, out=tc)
            C[t + 1] += tc
            np.multiply(C[t + 1], 2.0, out=tc)
            _tanh_from_sigmoid_(_sigmoid_(tc))
            np.multiply(o, tc, out=A[t + 1])

    y = _outputs(A[1:], p["Wy"], p["by"])
    cache = LSTMCache(X=X, A=A, C=C, G=G, tanh_C=tanh_C, Wa=Wa, Wx=Wx, x_shape=x.shape)
    return _feature_major(A[1:]), y, _feature_major(C[1:]), cache


def lstm_backward(da, caches):
    """Fast LSTM backward pass; same results as helpers.lstm_backward.

    Parameters
    ----------
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    caches : LSTMCache from helpers.fast.lstm_forward

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dWf, dWi, dWc, dWo
        (n_a, n_a + n_x) and dbf, dbi, dbc, dbo (n_a, 1)
    """
    if not isinstance(caches, LSTMCache):
        raise TypeError(
            "fast.lstm_backward: caches should come from helpers.fast.lstm_forward "
            "(the reference caches go to helpers.lstm_backward)."
        )
    cache = caches
    n_x, m, T_x = cache.x_shape
    n_a = cache.A.shape[2]
    dA = _time_major(ShapeChecker("fast.lstm_backward").array("da", da, (n_a, m, T_x)))

    dG = np.empty_like(cache.G)  # gradients of the gates' pre-activations
    da_next = np.zeros((m, n_a))
    dc_next = np.zeros((m, n_a))
    for t in reversed(range(T_x)):
        g, tc = cache.G[t], cache.tanh_C[t]
        f, i, o, cc = g[:, :n_a], g[:, n_a : 2 * n_a], g[:, 2 * n_a : 3 * n_a], g[:, 3 * n_a :]
        d = dG[t]
        da_t = dA[t] + da_next
        dc = dc_next + da_t * o * (1.0 - tc * tc)
        d[:, :n_a] = dc * cache.C[t] * f * (1.0 - f)
        d[:, n_a : 2 * n_a] = dc * cc * i * (1.0 - i)
        d[:, 2 * n_a : 3 * n_a] = da_t * tc * o * (1.0 - o)
        d[:, 3 * n_a :] = dc * i * (1.0 - cc * cc)
        np.matmul(d, cache.Wa, out=da_next)
        np.multiply(dc, f, out=dc_next)

    dG_rows = dG.reshape(T_x * m, 4 * n_a)
    dWa = dG_rows.T @ cache.A[:-1].reshape(T_x * m, n_a)  # (4 n_a, n_a)
    dWx = dG_rows.T @ cache.X  # (4 n_a, n_x)
    db = dG_rows.sum(axis=0)[:, None]  # (4 n_a, 1)
    dx = _feature_major((dG_rows @ cache.Wx).reshape(T_x, m, n_x))

    grads = {"dx": dx, "da0": np.ascontiguousarray(da_next.T)}
    for k, g in enumerate(FUSED_ORDER):
        rows = slice(k * n_a, (k + 1) * n_a)
        grads[f"dW{g}"] = np.concatenate((dWa[rows], dWx[rows]), axis=1)
        grads[f"db{g}"] = db[rows]
    return grads


@dataclass
class RNNCache:
    """What the fast RNN backward pass needs (time-major buffers)."""

    X: np.ndarray  # (T_x * m, n_x)
    A: np.ndarray  # (T_x + 1, m, n_a), A[0] = a0
    Wax: np.ndarray
    Waa: np.ndarray
    x_shape: tuple


def rnn_forward(x, a0, parameters):
    """Fast RNN forward pass; same arguments and results as helpers.rnn_forward.

    Returns
    -------
    a : ndarray (n_a, m, T_x); y_pred : ndarray (n_y, m, T_x); caches : RNNCache
    """
    check = ShapeChecker("fast.rnn_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    p = check.parameters(parameters, RNN_SHAPES)
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    X = _time_major(x).reshape(T_x * m, n_x)
    A = np.empty((T_x + 1, m, n_a))
    A[0] = a0.T
    A[1:] = (X @ p["Wax"].T + p["ba"].T).reshape(T_x, m, n_a)
    WaaT = np.ascontiguousarray(p["Waa"].T)
    for t in range(T_x):
        A[t + 1] += A[t] @ WaaT
        np.tanh(A[t + 1], out=A[t + 1])
    y = _outputs(A[1:], p["Wya"], p["by"])
    cache = RNNCache(X=X, A=A, Wax=p["Wax"], Waa=p["Waa"], x_shape=x.shape)
    return _feature_major(A[1:]), y, cache


def rnn_backward(da, caches):
    """Fast RNN backward pass; same results as helpers.rnn_backward.

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dWax (n_a, n_x),
        dWaa (n_a, n_a), dba (n_a, 1)
    """
    if not isinstance(caches, RNNCache):
        raise TypeError(
            "fast.rnn_backward: caches should come from helpers.fast.rnn_forward "
            "(the reference caches go to helpers.rnn_backward)."
        )
    cache = caches
    n_x, m, T_x = cache.x_shape
    n_a = cache.A.shape[2]
    dA = _time_major(ShapeChecker("fast.rnn_backward").array("da", da, (n_a, m, T_x)))
    dZ = np.empty((T_x, m, n_a))  # gradients of the pre-activations
    da_next = np.zeros((m, n_a))
    for t in reversed(range(T_x)):
        a = cache.A[t + 1]
        np.multiply(dA[t] + da_next, 1.0 - a * a, out=dZ[t])
        np.matmul(dZ[t], cache.Waa, out=da_next)
    dZ_rows = dZ.reshape(T_x * m, n_a)
    return {
        "dx": _feature_major((dZ_rows @ cache.Wax).reshape(T_x, m, n_x)),
        "da0": np.ascontiguousarray(da_next.T),
        "dWax": dZ_rows.T @ cache.X,
        "dWaa": dZ_rows.T @ cache.A[:-1].reshape(T_x * m, n_a),
        "dba": dZ_rows.sum(axis=0)[:, None],
    }
