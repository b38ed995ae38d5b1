"""helpers.deep: stacked and bidirectional networks and truncated BPTT, against the
reference cells and finite differences."""

import numpy as np
import pytest

import helpers
from helpers import deep
from helpers.train import init_classifier

CELLS = ["rnn", "lstm", "gru"]


def layer(cell, n_x, n_a, seed):
    return init_classifier(cell, n_x, n_a, 2, np.random.default_rng(seed))


@pytest.mark.parametrize("cell", CELLS)
def test_a_stack_feeds_each_layer_the_states_of_the_one_below(rng, cell):
    x = rng.normal(size=(3, 4, 6))
    layers = [layer(cell, 3, 5, 1), layer(cell, 5, 4, 2)]
    a, _ = deep.stacked_forward(cell, x, layers)
    below, _ = deep.stacked_forward(cell, x, layers[:1])
    top, _ = deep.stacked_forward(cell, np.array(below), layers[1:])
    assert a.shape == (4, 4, 6)
    np.testing.assert_allclose(a, top, rtol=0, atol=1e-14)


@pytest.mark.parametrize("cell", CELLS)
def test_the_stacks_backward_pass_matches_finite_differences(rng, cell):
    x = rng.normal(size=(2, 3, 4))
    layers = [layer(cell, 2, 3, 1), layer(cell, 3, 3, 2)]
    weights = rng.normal(size=(3, 3, 4))
    a, caches = deep.stacked_forward(cell, x, layers)
    grads = deep.stacked_backward(cell, weights, caches)

    def loss():
        return float(np.sum(weights * deep.stacked_forward(cell, x, layers)[0]))

    weight = {"rnn": "Wax", "lstm": "Wc", "gru": "Wu"}[cell]
    arrays = {"x": x, "bottom": layers[0][weight], "top": layers[1][weight]}
    analytic = {"dx": grads[0]["dx"], "dbottom": grads[0]["d" + weight],
                "dtop": grads[1]["d" + weight]}  # fmt: skip
    errors = helpers.gradient_check(loss, arrays, analytic)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize("cell", CELLS)
def test_the_backward_direction_has_read_the_later_inputs(rng, cell):
    x = rng.normal(size=(3, 2, 6))
    a, _ = deep.bidirectional_forward(cell, x, layer(cell, 3, 4, 1), layer(cell, 3, 4, 2))
    changed = x.copy()
    changed[:, :, 4] += 1.0  # a later input
    b, _ = deep.bidirectional_forward(cell, changed, layer(cell, 3, 4, 1), layer(cell, 3, 4, 2))
    assert a.shape == (8, 2, 6)
    np.testing.assert_array_equal(a[:4, :, :4], b[:4, :, :4])  # forward: not yet seen
    assert np.all(np.abs(a[4:, :, :5] - b[4:, :, :5]).max(axis=(0, 1)) > 0)  # backward: seen
    np.testing.assert_array_equal(a[4:, :, 5], b[4:, :, 5])


@pytest.mark.parametrize("cell", CELLS)
def test_the_bidirectional_backward_pass_matches_finite_differences(rng, cell):
    x = rng.normal(size=(2, 3, 4))
    pf, pb = layer(cell, 2, 3, 1), layer(cell, 2, 3, 2)
    weights = rng.normal(size=(6, 3, 4))
    _, caches = deep.bidirectional_forward(cell, x, pf, pb)
    grads_f, grads_b, dx = deep.bidirectional_backward(cell, weights, caches)

    def loss():
        return float(np.sum(weights * deep.bidirectional_forward(cell, x, pf, pb)[0]))

    bias = {"rnn": "ba", "lstm": "bf", "gru": "bu"}[cell]
    errors = helpers.gradient_check(
        loss, {"x": x, "forward": pf[bias], "backward": pb[bias]},
        {"dx": dx, "dforward": grads_f["d" + bias], "dbackward": grads_b["d" + bias]},
    )  # fmt: skip
    assert max(errors.values()) < 1e-7, errors


def test_the_reference_bidirectional_rnn_agrees_with_the_fast_one(rng):
    x = rng.normal(size=(3, 4, 5))
    pf, pb = layer("rnn", 3, 6, 1), layer("rnn", 3, 6, 2)
    expected, _ = deep.bidirectional_forward("rnn", x, pf, pb)
    np.testing.assert_allclose(deep.bidirectional_rnn_states(x, pf, pb), expected, atol=1e-12)


@pytest.mark.parametrize("cell", CELLS)
def test_truncation_keeps_the_forward_states_exact(rng, cell):
    x, da = rng.normal(size=(3, 2, 10)), rng.normal(size=(4, 2, 10))
    parameters = layer(cell, 3, 4, 1)
    full, _ = deep.stacked_forward(cell, x, [parameters])
    for window in (1, 3, 10):
        a, _ = deep.truncated_forward_backward(cell, x, da, parameters, window)
        np.testing.assert_allclose(a, full, rtol=0, atol=1e-13)


@pytest.mark.parametrize("cell", CELLS)
def test_a_window_as_long_as_the_sequence_is_full_backpropagation(rng, cell):
    x, da = rng.normal(size=(3, 2, 7)), rng.normal(size=(4, 2, 7))
    parameters = layer(cell, 3, 4, 1)
    _, caches = deep.stacked_forward(cell, x, [parameters])
    (full,) = deep.stacked_backward(cell, da, caches)
    _, grads = deep.truncated_forward_backward(cell, x, da, parameters, 7)
    assert set(grads) == set(full) - {"da0", "dc0"}
    for key in grads:
        np.testing.assert_allclose(grads[key], full[key], rtol=0, atol=1e-12, err_msg=key)


def test_a_loss_at_the_last_step_reaches_only_the_last_window(rng):
    x, da = rng.normal(size=(3, 2, 9)), np.zeros((4, 2, 9))
    da[:, :, -1] = 1.0
    _, grads = deep.truncated_forward_backward("lstm", x, da, layer("lstm", 3, 4, 1), 4)
    assert np.all(grads["dx"][:, :, :8] == 0.0)  # windows [0, 4) and [4, 8): nothing
    assert np.all(np.abs(grads["dx"][:, :, 8]).sum() > 0)


def test_a_window_that_is_not_a_positive_int_is_named(rng):
    with pytest.raises(ValueError, match="window should be an int >= 1, got 0"):
        deep.truncated_forward_backward(
            "rnn", np.ones((3, 2, 4)), np.ones((4, 2, 4)), layer("rnn", 3, 4, 1), 0
        )
