"""Variants of the LSTM and the RNN, one change each, for the ablation study of
13_what_makes_the_lstm_work. helpers.cells registers each under its name, so that the
training code builds and trains a variant like any cell.

Gate changes of the LSTM (all four gates keep their parameters; a removed gate's get no
gradient):

    no_forget   f = 1: the memory is never erased
    no_input    i = 1: every candidate is written in full
    no_output   o = 1: the hidden state shows all of tanh(c)
    coupled     f = 1 - i: what is written replaces as much of the old memory

Initialisations: the LSTM with forget-gate bias 0, and chrono (Tallec & Ollivier 2018:
b_f = log(u), u uniform in [1, T_max - 1], and b_i = -b_f); the tanh RNN with an
orthogonal W_aa; and the IRNN (Le, Jaitly & Hinton 2015): ReLU units (helpers.fast's RNN
with activation="relu"), W_aa the identity, zero biases, small input weights.

Layouts as in helpers.fast, time-major inside: arrays (T_x, m, features).
"""

from dataclasses import dataclass

import numpy as np

from .activations import sigmoid, softmax
from .initialization import init_lstm_parameters, init_rnn_parameters
from .lstm import LSTM_SHAPES, stack_gates
from .validation import ShapeChecker

GATE_CHANGES = {
    "no_forget": "f = 1: the memory is never erased",
    "no_input": "i = 1: every candidate is written in full",
    "no_output": "o = 1: the hidden state shows all of tanh(c)",
    "coupled": "f = 1 - i: what is written replaces as much of the old memory",
}
ORDER = ("f", "i", "o", "c")  # the three sigmoid gates side by side, then the candidate


@dataclass
class GateChangeCache:
    """What the backward pass of an LSTM with a gate change needs (time-major)."""

    AX: np.ndarray  # (T_x + 1, m, n_a + n_x): row t holds [a<t-1>, x<t>]
    C: np.ndarray  # (T_x + 1, m, n_a), C[0] = c0
    G: np.ndarray  # (T_x, m, 4 n_a) gate values in ORDER, after the change
    tanh_C: np.ndarray  # (T_x, m, n_a)
    W: np.ndarray  # (4 n_a, n_a + n_x) the gates' weights stacked in ORDER
    change: str
    x_shape: tuple


def _changed(change):
    if change not in GATE_CHANGES:
        raise ValueError(f"change should be one of {sorted(GATE_CHANGES)}, got {change!r}.")
    return change


def gate_change_forward(x, a0, parameters, c0=None, change="no_forget"):
    """LSTM forward pass with one gate changed (GATE_CHANGES); the arguments and results
    of helpers.fast.lstm_forward: a, y, c (n_a, m, T_x), (n_y, m, T_x), (n_a, m, T_x) and
    the cache for gate_change_backward."""
    change = _changed(change)
    check = ShapeChecker(f"variants.gate_change_forward ({change})")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    c0 = np.zeros_like(a0) if c0 is None else check.array("c0", c0, ("n_a", "m"))
    p = check.parameters(parameters, LSTM_SHAPES)
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    W, b = stack_gates(p, ORDER)  # (4 n_a, n_a + n_x), (4 n_a, 1)
    AX = np.zeros((T_x + 1, m, n_a + n_x))
    AX[:-1, :, n_a:] = x.transpose(2, 1, 0)
    A = AX[:, :, :n_a]  # a view: the states go straight into AX
    A[0] = a0.T
    G = AX[:-1, :, n_a:] @ W[:, n_a:].T + b.T  # (T_x, m, 4 n_a): the input parts
    C, tanh_C = np.empty((T_x + 1, m, n_a)), np.empty((T_x, m, n_a))
    C[0] = c0.T
    Wa_T = np.ascontiguousarray(W[:, :n_a].T)  # (n_a, 4 n_a)
    for t in range(T_x):
        g = G[t]
        g += A[t] @ Wa_T
        f, i, o, cc = (g[:, k * n_a : (k + 1) * n_a] for k in range(4))
        g[:, : 3 * n_a] = sigmoid(g[:, : 3 * n_a])
        np.tanh(cc, out=cc)
        if change == "no_forget":
            f[...] = 1.0
        elif change == "no_input":
            i[...] = 1.0
        elif change == "no_output":
            o[...] = 1.0
        else:  # coupled
            np.subtract(1.0, i, out=f)
        C[t + 1] = f * C[t] + i * cc
        np.tanh(C[t + 1], out=tanh_C[t])
        A[t + 1] = o * tanh_C[t]
    a, c = A[1:].transpose(2, 1, 0).copy(), C[1:].transpose(2, 1, 0).copy()
    y = softmax(np.einsum("ya,amt->ymt", p["Wy"], a) + p["by"][:, :, None])  # (n_y, m, T_x)
    cache = GateChangeCache(AX=AX, C=C, G=G, tanh_C=tanh_C, W=W, change=change, x_shape=x.shape)
    return a, y, c, cache


def gate_change_backward(da, caches):
    """Backward pass of gate_change_forward; the results of helpers.fast.lstm_backward
    (dx, da0, dc0, dWf, ..., dbo), a removed gate's gradients zero."""
    if not isinstance(caches, GateChangeCache):
        raise TypeError("variants.gate_change_backward: caches should come from "
                        "variants.gate_change_forward.")  # fmt: skip
    cache = caches
    n_x, m, T_x = cache.x_shape
    n_a = cache.C.shape[2]
    da = ShapeChecker("variants.gate_change_backward").array("da", da, (n_a, m, T_x))
    dA = da.transpose(2, 1, 0)  # (T_x, m, n_a), a view
    Wa = cache.W[:, :n_a]  # (4 n_a, n_a)
    dZ = np.empty((T_x, m, 4 * n_a))  # gradients of the pre-activations, in ORDER
    da_next, dc_next = np.zeros((m, n_a)), np.zeros((m, n_a))
    for t in reversed(range(T_x)):
        f, i, o, cc = (cache.G[t][:, k * n_a : (k + 1) * n_a] for k in range(4))
        tc, dz = cache.tanh_C[t], dZ[t]
        da_t = dA[t] + da_next
        dc = dc_next + da_t * o * (1.0 - tc**2)
        d_f, d_i = dc * cache.C[t], dc * cc  # dL/df, dL/di (gate values)
        if cache.change == "coupled":  # f = 1 - i: f's gradient goes to i, with a minus
            d_i = d_i - d_f
        dz[:, :n_a] = d_f * f * (1.0 - f)  # 0 where f = 1
        dz[:, n_a : 2 * n_a] = d_i * i * (1.0 - i)
        dz[:, 2 * n_a : 3 * n_a] = da_t * tc * o * (1.0 - o)
        dz[:, 3 * n_a :] = dc * i * (1.0 - cc**2)
        if cache.change == "coupled":
            dz[:, :n_a] = 0.0  # f has no pre-activation of its own
        da_next = dz @ Wa
        dc_next = dc * f
    dZ_rows = dZ.reshape(T_x * m, 4 * n_a)
    dW = dZ_rows.T @ cache.AX[:-1].reshape(T_x * m, n_a + n_x)  # (4 n_a, n_a + n_x)
    db = dZ_rows.sum(axis=0)[:, None]
    dx = (dZ_rows @ cache.W[:, n_a:]).reshape(T_x, m, n_x).transpose(2, 1, 0)
    grads = {"dx": dx, "da0": da_next.T.copy(), "dc0": dc_next.T.copy()}
    for k, gate in enumerate(ORDER):
        grads[f"dW{gate}"] = dW[k * n_a : (k + 1) * n_a]
        grads[f"db{gate}"] = db[k * n_a : (k + 1) * n_a]
    return grads


def init_chrono_lstm(n_x, n_a, n_y, rng, T_max):
    """LSTM parameters with chrono initialisation (Tallec & Ollivier 2018): b_f = log(u),
    u drawn uniformly in [1, T_max - 1] for each unit, and b_i = -b_f; T_max >= 3 is the
    longest dependency expected (the task's length)."""
    if not T_max >= 3:
        raise ValueError(f"init_chrono_lstm: T_max should be at least 3, got {T_max!r}.")
    parameters = init_lstm_parameters(n_x, n_a, n_y, rng, forget_bias=0.0)
    parameters["bf"] = np.log(rng.uniform(1.0, T_max - 1.0, size=(n_a, 1)))
    parameters["bi"] = -parameters["bf"]
    return parameters


def init_gate_change_lstm(n_x, n_a, n_y, rng, T_max=None):
    """The course's LSTM parameters (forget-gate bias 1), for the gate changes."""
    return init_lstm_parameters(n_x, n_a, n_y, rng)


def init_lstm_forget_bias_0(n_x, n_a, n_y, rng, T_max=None):
    """LSTM parameters with forget-gate bias 0 instead of the course's 1."""
    return init_lstm_parameters(n_x, n_a, n_y, rng, forget_bias=0.0)


def init_orthogonal_rnn(n_x, n_a, n_y, rng, T_max=None):
    """RNN parameters with W_aa a random orthogonal matrix (every singular value 1)."""
    parameters = init_rnn_parameters(n_x, n_a, n_y, rng)
    q, r = np.linalg.qr(rng.normal(size=(n_a, n_a)))
    parameters["Waa"] = q * np.sign(np.diag(r))  # signs fixed: uniform over orthogonal
    return parameters


IRNN_INPUT_SCALE = 0.001


def init_irnn(n_x, n_a, n_y, rng, T_max=None):
    """IRNN parameters (Le, Jaitly & Hinton 2015): W_aa the identity, zero biases, input
    weights drawn with standard deviation IRNN_INPUT_SCALE; for ReLU units."""
    parameters = init_rnn_parameters(n_x, n_a, n_y, rng)
    parameters["Waa"] = np.eye(n_a)
    parameters["Wax"] = rng.normal(0.0, IRNN_INPUT_SCALE, size=(n_a, n_x))
    return parameters
