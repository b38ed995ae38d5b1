"""Seeded cases for the exercise checks: sizes that catch the usual slips, and the
arguments of each function for a case."""

import numpy as np

from ..initialization import init_gru_parameters, init_lstm_parameters, init_rnn_parameters


def rnn_parameters(rng, n_x, n_a, n_y):
    p = init_rnn_parameters(n_x, n_a, n_y, rng)
    p["ba"] = rng.normal(0, 0.5, size=(n_a, 1))  # non-zero, so a missing bias shows
    p["by"] = rng.normal(0, 0.5, size=(n_y, 1))
    return p


def lstm_parameters(rng, n_x, n_a, n_y):
    p = init_lstm_parameters(n_x, n_a, n_y, rng)
    for key in ("bf", "bi", "bc", "bo", "by"):
        p[key] = rng.normal(0, 0.5, size=p[key].shape)
    return p


def gru_parameters(rng, n_x, n_a, n_y):
    p = init_gru_parameters(n_x, n_a, n_y, rng)
    for key in ("br", "bu", "bc", "by"):
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


def rnn_cell_args(seed, s):
    rng = np.random.default_rng(seed)
    p = rnn_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    return rng.normal(size=(s["n_x"], s["m"])), rng.normal(size=(s["n_a"], s["m"])), p


def lstm_cell_args(seed, s):
    rng = np.random.default_rng(seed)
    p = lstm_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    shape = (s["n_a"], s["m"])
    return rng.normal(size=(s["n_x"], s["m"])), rng.normal(size=shape), rng.normal(size=shape), p


def gru_cell_args(seed, s):
    rng = np.random.default_rng(seed)
    p = gru_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    return rng.normal(size=(s["n_x"], s["m"])), rng.normal(size=(s["n_a"], s["m"])), p


def sequence_args(seed, s, make_parameters):
    rng = np.random.default_rng(seed)
    p = make_parameters(rng, s["n_x"], s["n_a"], s["n_y"])
    return rng.normal(size=(s["n_x"], s["m"], s["T_x"])), rng.normal(size=(s["n_a"], s["m"])), p


def seeded_cases(sizes, make_args):
    return [(label, lambda k=k, s=s: make_args(100 + k, s)) for k, (label, s) in enumerate(sizes)]


def with_gradient(args_of_forward, forward, seed, extra_dc=False):
    """Arguments for a backward function: a random upstream gradient and the caches."""
    rng = np.random.default_rng(seed)
    outputs = forward(*args_of_forward)
    a = outputs[0]
    da = rng.normal(size=a.shape)
    if extra_dc:
        return da, rng.normal(size=a.shape), outputs[-1]
    return da, outputs[-1]


# Gradients to clip (04): one far too long, one shorter than max_norm (left unchanged).
GRADIENT_SIZES = [
    ("a long gradient, global norm far above max_norm", {"n_a": 5, "n_x": 3, "scale": 10.0,
                                                         "max_norm": 1.0}),
    ("a short gradient, global norm below max_norm", {"n_a": 4, "n_x": 2, "scale": 0.1,
                                                      "max_norm": 5.0}),
    ("a single hidden unit (n_a = 1)", {"n_a": 1, "n_x": 3, "scale": 3.0, "max_norm": 0.5}),
]  # fmt: skip


def gradients_args(seed, s):
    rng = np.random.default_rng(seed)
    n_a, n_x, scale = s["n_a"], s["n_x"], s["scale"]
    grads = {
        "dWax": scale * rng.normal(size=(n_a, n_x)),
        "dWaa": scale * rng.normal(size=(n_a, n_a)),
        "dba": scale * rng.normal(size=(n_a, 1)),
    }
    return grads, s["max_norm"]


# Gate values over a sequence (08): many near 0 or 1, as in a trained network.
GATE_SIZES = [
    ("n_a = 4, m = 6, T_x = 7", {"n_a": 4, "m": 6, "T_x": 7}),
    ("a single example (m = 1)", {"n_a": 3, "m": 1, "T_x": 5}),
    ("a single unit and step (n_a = T_x = 1)", {"n_a": 1, "m": 8, "T_x": 1}),
]


def gate_args(seed, s):
    rng = np.random.default_rng(seed)
    z = 3.0 * rng.normal(size=(s["n_a"], s["m"], s["T_x"]))
    return (1.0 / (1.0 + np.exp(-z)),)


# Parameters to stack (10), in the course's gate order and in the fast path's.
STACK_SIZES = [
    ("n_x = 3, n_a = 4, the course's order", {"n_x": 3, "n_a": 4, "order": "course"}),
    ("n_x = 2, n_a = 3, the fast path's order", {"n_x": 2, "n_a": 3, "order": "fused"}),
    ("a single hidden unit (n_a = 1)", {"n_x": 4, "n_a": 1, "order": "course"}),
]


def stack_args(seed, s, orders):
    """orders: {"course": ..., "fused": ...}, the two gate orders (from lstm and fast)."""
    return lstm_parameters(np.random.default_rng(seed), s["n_x"], s["n_a"], 2), orders[s["order"]]


# One Adam update (07): gradients whose entries differ by orders of magnitude, the first
# update (m = v = 0) and a later one, and settings other than the defaults.
ADAM_SIZES = [
    ("the first update (k = 1, m = v = 0), W of shape (3, 4)",
     {"shape": (3, 4), "k": 1, "settings": (0.01, 0.9, 0.999, 1e-8)}),
    ("a later update (k = 5), m and v from earlier steps",
     {"shape": (4, 3), "k": 5, "settings": (0.01, 0.9, 0.999, 1e-8)}),
    ("other settings (lr = 0.1, beta1 = 0.5, beta2 = 0.9, eps = 1e-6), k = 3",
     {"shape": (2, 5), "k": 3, "settings": (0.1, 0.5, 0.9, 1e-6)}),
    ("a bias of shape (4, 1), k = 2", {"shape": (4, 1), "k": 2,
                                       "settings": (0.01, 0.9, 0.999, 1e-8)}),
]  # fmt: skip


def adam_args(seed, s):
    """(w, g, m, v, k, lr, beta1, beta2, eps)."""
    rng = np.random.default_rng(seed)
    shape, k = s["shape"], s["k"]
    w = rng.normal(size=shape)
    g = rng.normal(size=shape) * 10.0 ** rng.uniform(-4, 2, size=shape)  # 1e-4 to 100
    if k == 1:
        m, v = np.zeros(shape), np.zeros(shape)
    else:
        m, v = 0.1 * rng.normal(size=shape), 0.01 * rng.normal(size=shape) ** 2
    return (w, g, m, v, k, *s["settings"])


# Predicted probabilities over padded sequences (09): names of different lengths.
LOSS_SIZES = [
    ("n_y = 27, m = 4 names of different lengths, T_x = 6",
     {"n_y": 27, "m": 4, "T_x": 6, "padded": True}),
    ("no padding: every sequence is T_x = 5 long", {"n_y": 6, "m": 3, "T_x": 5,
                                                    "padded": False}),
    ("a single name (m = 1)", {"n_y": 27, "m": 1, "T_x": 4, "padded": True}),
]  # fmt: skip


def masked_loss_args(seed, s):
    """(y_hat, targets, mask), as language_model.encode makes targets and mask."""
    rng = np.random.default_rng(seed)
    n_y, m, T_x = s["n_y"], s["m"], s["T_x"]
    z = 2.0 * rng.normal(size=(n_y, m, T_x))
    y_hat = np.exp(z) / np.exp(z).sum(axis=0, keepdims=True)
    lengths = rng.permutation(np.linspace(1, T_x, m).round().astype(int))
    if not s["padded"]:
        lengths = np.full(m, T_x)
    lengths[0] = T_x  # the longest sequence sets T_x
    mask = np.arange(T_x)[None, :] < lengths[:, None]  # (m, T_x)
    targets = np.where(mask, rng.integers(0, n_y, size=(m, T_x)), 0)  # 0 in the padding
    return y_hat, targets, mask
