"""Known mistakes in the loops over a sequence (rnn_forward, rnn_backward, lstm_forward,
lstm_backward): each a small wrong variant of the reference loop, which calls the course's
cell. The cells' own mistakes are in mistakes.py."""

import numpy as np

from .. import lstm, rnn
from .mistakes import variant


def _rnn_forward_variant(x, a0, p, mistake):
    a_list, y_list, caches = [], [], []
    a_prev = a0
    for t in range(x.shape[2]):
        if mistake == "reset":
            a_prev = np.zeros_like(a0)
        a_next, yt, cache = rnn.rnn_cell_forward(x[:, :, t], a_prev, p)
        a_list.append(a_prev if mistake == "store_prev" else a_next)
        y_list.append(yt)
        caches.append(cache)
        if mistake != "no_update":
            a_prev = a_next
    return np.stack(a_list, axis=-1), np.stack(y_list, axis=-1), (caches, x)


RNN_FORWARD_MISTAKES = [
    variant(
        "a[:, :, t] holds a_prev; it should hold the new state a_next",
        _rnn_forward_variant,
        "store_prev",
    ),
    variant(
        "a_prev is never updated: every step starts again from a0",
        _rnn_forward_variant,
        "no_update",
    ),
    variant(
        "the hidden state is reset to zeros at every step instead of carried over",
        _rnn_forward_variant,
        "reset",
    ),
]


def _lstm_forward_variant(x, a0, p, mistake):
    a_list, y_list, c_list, caches = [], [], [], []
    a_prev, c_prev = a0, (a0 if mistake == "c0_is_a0" else np.zeros_like(a0))
    for t in range(x.shape[2]):
        if mistake == "reset_c":
            c_prev = np.zeros_like(a0)
        a_next, c_next, yt, cache = lstm.lstm_cell_forward(x[:, :, t], a_prev, c_prev, p)
        a_list.append(a_next)
        c_list.append(c_prev if mistake == "store_c_prev" else c_next)
        y_list.append(yt)
        caches.append(cache)
        if mistake != "no_update":
            a_prev, c_prev = a_next, c_next
    stack = lambda items: np.stack(items, axis=-1)  # noqa: E731
    return stack(a_list), stack(y_list), stack(c_list), (caches, x)


LSTM_FORWARD_MISTAKES = [
    variant(
        "the memory cell must start at zeros, not at a0",
        _lstm_forward_variant,
        "c0_is_a0",
    ),
    variant(
        "the memory cell is reset to zeros at every step instead of carried over",
        _lstm_forward_variant,
        "reset_c",
    ),
    variant(
        "c[:, :, t] holds c_prev; it should hold the new memory c_next",
        _lstm_forward_variant,
        "store_c_prev",
    ),
    variant(
        "a_prev and c_prev are never updated: every step starts again from a0 and zeros",
        _lstm_forward_variant,
        "no_update",
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
    if lstm:
        grads["dc0"] = dc_prevt
    return grads


def _sequence_backward_mistakes(cell_backward, weights, lstm):
    mistakes = [
        variant(
            "the gradient from step t+1 is not added: the cell at step t needs "
            "da[:, :, t] + da_prevt",
            _sequence_backward_variant,
            cell_backward,
            weights,
            "no_carry",
            lstm,
        ),
        variant(
            "the weight gradients are overwritten at each step; they must be summed "
            "over time (+=), since every step uses the same weights",
            _sequence_backward_variant,
            cell_backward,
            weights,
            "overwrite",
            lstm,
        ),
        variant(
            "da0 is the gradient that flows out of the first step (da_prevt after the "
            "loop), not da[:, :, 0]",
            _sequence_backward_variant,
            cell_backward,
            weights,
            "da0_input",
            lstm,
        ),
        variant(
            "the loop runs forward in time; backpropagation goes from the last step "
            "back to the first",
            _sequence_backward_variant,
            cell_backward,
            weights,
            "forward_loop",
            lstm,
        ),
    ]
    if lstm:
        mistakes.append(
            variant(
                "the memory's gradient is not carried back: pass dc_prevt from step t+1 "
                "to the cell at step t",
                _sequence_backward_variant,
                cell_backward,
                weights,
                "no_c_carry",
                lstm,
            )
        )
    return mistakes


LSTM_WEIGHTS = [f"{kind}{g}" for g in lstm.GATES for kind in ("dW", "db")]
RNN_BACKWARD_MISTAKES = _sequence_backward_mistakes(
    rnn.rnn_cell_backward, ["dWax", "dWaa", "dba"], lstm=False
)
LSTM_BACKWARD_MISTAKES = _sequence_backward_mistakes(
    lstm.lstm_cell_backward, LSTM_WEIGHTS, lstm=True
)
