"""The exercises the checks know, TABLE: for each, the course's reference, the seeded
cases, the names of its outputs and arguments, the known mistakes, and for a loop the cell
it calls. Adding an exercise is adding an Exercise here (and its check_<name> alias in
__init__.py)."""

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from .. import deep, fast, gates, gru, losses, lstm, optim, rnn
from .cases import (
    ADAM_SIZES,
    CELL_SIZES,
    GATE_SIZES,
    GRADIENT_SIZES,
    LOSS_SIZES,
    SEQUENCE_SIZES,
    STACK_SIZES,
    adam_args,
    gate_args,
    gradients_args,
    gru_cell_args,
    lstm_cell_args,
    lstm_parameters,
    masked_loss_args,
    rnn_cell_args,
    rnn_parameters,
    seeded_cases,
    sequence_args,
    stack_args,
    with_gradient,
)
from .deep_mistakes import BIDIRECTIONAL_MISTAKES
from .gru_mistakes import GRU_CELL_BACKWARD_MISTAKES, GRU_CELL_FORWARD_MISTAKES
from .loop_mistakes import (
    LSTM_BACKWARD_MISTAKES,
    LSTM_FORWARD_MISTAKES,
    RNN_BACKWARD_MISTAKES,
    RNN_FORWARD_MISTAKES,
)
from .measure_mistakes import (
    ADAM_MISTAKES,
    CLIP_MISTAKES,
    GATE_SATURATION_MISTAKES,
    MASKED_LOSS_MISTAKES,
    STACK_MISTAKES,
)
from .mistakes import (
    LSTM_CELL_BACKWARD_MISTAKES,
    LSTM_CELL_FORWARD_MISTAKES,
    RNN_CELL_BACKWARD_MISTAKES,
    RNN_CELL_FORWARD_MISTAKES,
)
from .traces import (
    adam_update_steps,
    gru_cell_backward_steps,
    gru_cell_forward_steps,
    lstm_cell_backward_steps,
    lstm_cell_forward_steps,
)


@dataclass(frozen=True)
class Exercise:
    """One exercise function and what its check needs."""

    name: str
    signature: str  # for the check's docstring
    reference: Callable  # the course's implementation
    cases: Callable  # () -> list of (label, () -> arguments)
    outputs: tuple | None  # the names of the items of a tuple result
    arg_names: tuple
    mistakes: list  # (description, variant) pairs, from mistakes.py
    cache_fields: tuple  # the fields of the cell's cache, for messages
    cell: Callable | None = None  # for a loop: the course's cell it calls
    fast_twin: Callable | None = None  # the course's fast version (or the same computation
    # from other inputs, as softmax_cross_entropy for masked_cross_entropy): no credit either
    steps: Callable | None = None  # the cell's values in order, from traces.py


def _backward_cases(sizes, make_args, forward, **kw):
    return lambda: seeded_cases(
        sizes, lambda k, s: with_gradient(make_args(k, s), forward, k, **kw)
    )


def _rnn_sequence(k, s):
    return sequence_args(k, s, rnn_parameters)


def _two_rnns(k, s):
    """x and two RNNs' parameters, one per direction."""
    x, _, forward = sequence_args(k, s, rnn_parameters)
    return x, forward, rnn_parameters(np.random.default_rng(k + 50), s["n_x"], s["n_a"], 2)


def _lstm_sequence(k, s):
    return sequence_args(k, s, lstm_parameters)


TABLE = [
    Exercise(
        "rnn_cell_forward", "rnn_cell_forward(xt, a_prev, parameters) -> a_next, yt_pred, cache",
        rnn.rnn_cell_forward, lambda: seeded_cases(CELL_SIZES, rnn_cell_args),
        ("a_next", "yt_pred", "cache"), ("xt", "a_prev", "parameters"),
        RNN_CELL_FORWARD_MISTAKES, rnn.CACHE_FIELDS,
    ),
    Exercise(
        "rnn_forward", "rnn_forward(x, a0, parameters) -> a, y_pred, caches",
        rnn.rnn_forward, lambda: seeded_cases(SEQUENCE_SIZES, _rnn_sequence),
        ("a", "y_pred", "caches"), ("x", "a0", "parameters"), RNN_FORWARD_MISTAKES,
        rnn.CACHE_FIELDS, cell=rnn.rnn_cell_forward, fast_twin=fast.rnn_forward,
    ),
    Exercise(
        "rnn_cell_backward", "rnn_cell_backward(da_next, cache) -> {dxt, da_prev, dWax, dWaa, dba}",
        rnn.rnn_cell_backward, _backward_cases(CELL_SIZES, rnn_cell_args, rnn.rnn_cell_forward),
        None, ("da_next", "cache"), RNN_CELL_BACKWARD_MISTAKES, rnn.CACHE_FIELDS,
    ),
    Exercise(
        "rnn_backward", "rnn_backward(da, caches) -> {dx, da0, dWax, dWaa, dba}",
        rnn.rnn_backward, _backward_cases(SEQUENCE_SIZES, _rnn_sequence, rnn.rnn_forward),
        None, ("da", "caches"), RNN_BACKWARD_MISTAKES, rnn.CACHE_FIELDS,
        cell=rnn.rnn_cell_backward, fast_twin=fast.rnn_backward,
    ),
    Exercise(
        "lstm_cell_forward",
        "lstm_cell_forward(xt, a_prev, c_prev, parameters) -> a_next, c_next, yt_pred, cache",
        lstm.lstm_cell_forward, lambda: seeded_cases(CELL_SIZES, lstm_cell_args),
        ("a_next", "c_next", "yt_pred", "cache"), ("xt", "a_prev", "c_prev", "parameters"),
        LSTM_CELL_FORWARD_MISTAKES, lstm.CACHE_FIELDS, steps=lstm_cell_forward_steps,
    ),
    Exercise(
        "lstm_forward", "lstm_forward(x, a0, parameters) -> a, y, c, caches",
        lstm.lstm_forward, lambda: seeded_cases(SEQUENCE_SIZES, _lstm_sequence),
        ("a", "y", "c", "caches"), ("x", "a0", "parameters"), LSTM_FORWARD_MISTAKES,
        lstm.CACHE_FIELDS, cell=lstm.lstm_cell_forward, fast_twin=fast.lstm_forward,
    ),
    Exercise(
        "lstm_cell_backward", "lstm_cell_backward(da_next, dc_next, cache) -> dict of 11 gradients",
        lstm.lstm_cell_backward,
        _backward_cases(CELL_SIZES, lstm_cell_args, lstm.lstm_cell_forward, extra_dc=True),
        None, ("da_next", "dc_next", "cache"), LSTM_CELL_BACKWARD_MISTAKES, lstm.CACHE_FIELDS,
        steps=lstm_cell_backward_steps,
    ),
    Exercise(
        "lstm_backward", "lstm_backward(da, caches) -> {dx, da0, dc0, dWf, dbf, ..., dWo, dbo}",
        lstm.lstm_backward, _backward_cases(SEQUENCE_SIZES, _lstm_sequence, lstm.lstm_forward),
        None, ("da", "caches"), LSTM_BACKWARD_MISTAKES, lstm.CACHE_FIELDS,
        cell=lstm.lstm_cell_backward, fast_twin=fast.lstm_backward,
    ),
    Exercise(
        "gru_cell_forward", "gru_cell_forward(xt, a_prev, parameters) -> a_next, yt_pred, cache",
        gru.gru_cell_forward, lambda: seeded_cases(CELL_SIZES, gru_cell_args),
        ("a_next", "yt_pred", "cache"), ("xt", "a_prev", "parameters"),
        GRU_CELL_FORWARD_MISTAKES, gru.GRU_CACHE_FIELDS, steps=gru_cell_forward_steps,
    ),
    Exercise(
        "gru_cell_backward", "gru_cell_backward(da_next, cache) -> dict of 8 gradients",
        gru.gru_cell_backward, _backward_cases(CELL_SIZES, gru_cell_args, gru.gru_cell_forward),
        None, ("da_next", "cache"), GRU_CELL_BACKWARD_MISTAKES, gru.GRU_CACHE_FIELDS,
        steps=gru_cell_backward_steps,
    ),
    Exercise(
        "clip_by_global_norm", "clip_by_global_norm(grads, max_norm) -> clipped, norm",
        optim.clip_by_global_norm, lambda: seeded_cases(GRADIENT_SIZES, gradients_args),
        ("clipped", "norm"), ("grads", "max_norm"), CLIP_MISTAKES, (),
    ),
    Exercise(
        "adam_update", "adam_update(w, g, m, v, k, lr, beta1, beta2, eps) -> w_new, m_new, v_new",
        optim.adam_update, lambda: seeded_cases(ADAM_SIZES, adam_args),
        ("w_new", "m_new", "v_new"), ("w", "g", "m", "v", "k", "lr", "beta1", "beta2", "eps"),
        ADAM_MISTAKES, (), steps=adam_update_steps,
    ),
    Exercise(
        "gate_saturation", "gate_saturation(gate, low=0.1, high=0.9) -> left, right",
        gates.gate_saturation, lambda: seeded_cases(GATE_SIZES, gate_args),
        ("left", "right"), ("gate",), GATE_SATURATION_MISTAKES, (),
    ),
    Exercise(
        "masked_cross_entropy", "masked_cross_entropy(y_hat, targets, mask) -> loss",
        losses.masked_cross_entropy, lambda: seeded_cases(LOSS_SIZES, masked_loss_args),
        None, ("y_hat", "targets", "mask"), MASKED_LOSS_MISTAKES, (),
        fast_twin=losses.softmax_cross_entropy,
    ),
    Exercise(
        "bidirectional_rnn_states",
        "bidirectional_rnn_states(x, parameters_forward, parameters_backward) -> a",
        deep.bidirectional_rnn_states, lambda: seeded_cases(SEQUENCE_SIZES, _two_rnns),
        None, ("x", "parameters_forward", "parameters_backward"), BIDIRECTIONAL_MISTAKES, (),
        fast_twin=deep.bidirectional_forward,
    ),
    Exercise(
        "stack_gates", "stack_gates(parameters, order) -> W, b",
        lstm.stack_gates,
        lambda: seeded_cases(STACK_SIZES, lambda k, s: stack_args(
            k, s, {"course": lstm.GATES, "fused": fast.FUSED_ORDER})),
        ("W", "b"), ("parameters", "order"), STACK_MISTAKES, (),
    ),
]  # fmt: skip
EXERCISES = {exercise.name: exercise for exercise in TABLE}
