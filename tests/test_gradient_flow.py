"""state_gradient_norms: the gradient a unit loss on a<T> sends back to every a<t>."""

import numpy as np
import pytest

from helpers import (
    gradient_flow,
    gru_backward,
    gru_forward,
    init_gru_parameters,
    init_lstm_parameters,
    init_rnn_parameters,
    lstm_backward,
    lstm_forward,
    rnn_backward,
    rnn_forward,
    state_gradient_norms,
)


def problem(rng, cell, n_a=6, m=3, T_x=8, **init):
    x = rng.normal(size=(2, m, T_x))
    if cell == "rnn":
        parameters = init_rnn_parameters(2, n_a, 2, rng, **init)
        return rnn_forward(x, np.zeros((n_a, m)), parameters)[-1], rnn_backward
    if cell == "gru":
        parameters = init_gru_parameters(2, n_a, 2, rng, **init)
        return gru_forward(x, np.zeros((n_a, m)), parameters)[-1], gru_backward
    parameters = init_lstm_parameters(2, n_a, 2, rng, **init)
    return lstm_forward(x, np.zeros((n_a, m)), parameters)[-1], lstm_backward


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_the_last_step_receives_a_unit_gradient(rng, cell):
    caches, _ = problem(rng, cell)
    norms = state_gradient_norms(cell, caches)
    assert norms.shape == (8,)
    assert norms[-1] == pytest.approx(1.0)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_norms_agree_with_a_full_backward_pass_from_each_step(rng, cell):
    caches, backward = problem(rng, cell)
    cell_caches, x = caches
    n_a, m, T_x = 6, 3, 8
    norms = state_gradient_norms(cell, caches)
    for t in range(T_x - 1):
        # The steps after t form a sequence whose initial state is a<t>: its da0 is dL/da<t>.
        da = np.zeros((n_a, m, T_x - 1 - t))
        da[:, :, -1] = 1 / np.sqrt(n_a)
        da0 = backward(da, (cell_caches[t + 1 :], x[:, :, t + 1 :]))["da0"]
        assert norms[t] == pytest.approx(np.mean(np.linalg.norm(da0, axis=0)), rel=1e-12)


def test_a_small_recurrent_weight_makes_the_rnn_gradient_vanish(rng):
    caches, _ = problem(rng, "rnn", T_x=30, scale=0.05)
    norms = state_gradient_norms("rnn", caches)
    assert norms[0] < 1e-20
    assert np.all(np.diff(norms) > 0)  # shrinks at every step back


def test_a_larger_forget_bias_carries_more_gradient_back(rng):
    seed = rng.integers(1 << 30)
    flows = []
    for forget_bias in (0.0, 3.0):
        caches, _ = problem(np.random.default_rng(seed), "lstm", T_x=30, forget_bias=forget_bias)
        flows.append(state_gradient_norms("lstm", caches)[0])
    assert flows[1] > 100 * flows[0]


def test_a_negative_update_bias_carries_more_gradient_back_through_the_gru():
    kept, replaced = (
        gradient_flow.gru_gradient_flow(30, update_bias=-3.0),
        (gradient_flow.gru_gradient_flow(30, update_bias=0.0)),
    )
    assert kept[0] > 100 * replaced[0]


def test_the_cell_is_named_not_guessed(rng):
    caches, _ = problem(rng, "lstm")
    with pytest.raises(ValueError, match="cell should be 'rnn', 'lstm' or 'gru'"):
        state_gradient_norms("GRU", caches)
    with pytest.raises(ValueError, match="tuple of 4 items"):  # LSTM caches, called an RNN's
        state_gradient_norms("rnn", caches)
