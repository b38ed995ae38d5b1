"""Known mistakes in combining the two directions of a bidirectional RNN (12), as in
mistakes.py: each is a small wrong variant of deep.bidirectional_rnn_states."""

import numpy as np

from ..rnn import rnn_forward
from .mistakes import variant


def _bidirectional_variant(x, pf, pb, read="reversed", back=True, order="fb", shared=False):
    m = x.shape[1]
    pb = pf if shared else pb
    a_forward = rnn_forward(x, np.zeros((pf["Waa"].shape[0], m)), pf)[0]
    seen = {"reversed": x[:, :, ::-1], "in order": x, "batch reversed": x[:, ::-1, :]}[read]
    a_backward = rnn_forward(seen, np.zeros((pb["Waa"].shape[0], m)), pb)[0]
    if back:
        a_backward = a_backward[:, :, ::-1]
    pair = (a_forward, a_backward) if order == "fb" else (a_backward, a_forward)
    return np.concatenate(pair, axis=0)


BIDIRECTIONAL_MISTAKES = [
    variant(
        "the backward direction's states are not reversed back: its run reads x<T_x - 1> "
        "first, so its state for step t is a_reversed[:, :, T_x - 1 - t] (a_reversed[:, :, "
        "::-1] lines them up)",
        _bidirectional_variant,
        back=False,
    ),
    variant(
        "the backward direction reads x in its original order: give it x[:, :, ::-1] (and "
        "reverse its states back)",
        _bidirectional_variant,
        read="in order",
        back=False,
    ),
    variant(
        "the backward direction reads x[:, :, ::-1] but its states are then reversed twice "
        "or not at all: reverse the input, run, reverse the states once",
        _bidirectional_variant,
        read="in order",
    ),
    variant(
        "the batch axis is reversed, not the time axis: time is the third axis, x[:, :, ::-1]",
        _bidirectional_variant,
        read="batch reversed",
    ),
    variant(
        "the two directions are stacked in the other order: a = [a_forward; a_backward], "
        "the forward direction in the first n_a rows",
        _bidirectional_variant,
        order="bf",
    ),
    variant(
        "both directions use parameters_forward: the backward direction has weights of its "
        "own, parameters_backward",
        _bidirectional_variant,
        shared=True,
    ),
]
