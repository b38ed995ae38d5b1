"""The reference RNN cell: the source post's seeded test, shapes, and gradients."""

import numpy as np
import pytest

from helpers import (
    gradient_check,
    init_rnn_parameters,
    rnn_backward,
    rnn_cell_backward,
    rnn_cell_forward,
    rnn_forward,
)


def seed_inputs():
    """The source post's test inputs, drawn in its order (Waa before Wax)."""
    np.random.seed(1)
    xt = np.random.randn(3, 10)
    a_prev = np.random.randn(5, 10)
    parameters = {}
    parameters["Waa"] = np.random.randn(5, 5)
    parameters["Wax"] = np.random.randn(5, 3)
    parameters["Wya"] = np.random.randn(2, 5)
    parameters["ba"] = np.random.randn(5, 1)
    parameters["by"] = np.random.randn(2, 1)
    return xt, a_prev, parameters


# What the source post prints for a_next[4] and yt_pred[1] (8 significant digits).
# fmt: off
SEED_A_NEXT_4 = [0.59584544, 0.18141802, 0.61311866, 0.99808218, 0.85016201,
                 0.99980978, -0.18887155, 0.99815551, 0.6531151, 0.82872037]
SEED_YT_PRED_1 = [0.9888161, 0.01682021, 0.21140899, 0.36817467, 0.98988387,
                  0.88945212, 0.36920224, 0.9966312, 0.9982559, 0.17746526]
# fmt: on


def test_cell_reproduces_the_source_posts_seeded_test():
    a_next, yt_pred, _ = rnn_cell_forward(*seed_inputs())
    np.testing.assert_allclose(a_next[4], SEED_A_NEXT_4, atol=5e-9)
    np.testing.assert_allclose(yt_pred[1], SEED_YT_PRED_1, atol=5e-9)
    assert a_next.shape == (5, 10)
    assert yt_pred.shape == (2, 10)


def test_cell_cache_is_the_source_posts_layout():
    xt, a_prev, parameters = seed_inputs()
    a_next, _, cache = rnn_cell_forward(xt, a_prev, parameters)
    assert len(cache) == 4
    assert cache[0] is a_next
    np.testing.assert_array_equal(cache[1], a_prev)
    np.testing.assert_array_equal(cache[2], xt)
    assert cache[3] is parameters


def test_cell_predictions_are_probabilities():
    _, yt_pred, _ = rnn_cell_forward(*seed_inputs())
    np.testing.assert_allclose(yt_pred.sum(axis=0), np.ones(10))


def random_problem(rng, n_x, m, T_x, n_a, n_y=2):
    parameters = init_rnn_parameters(n_x, n_a, n_y, rng)
    parameters["ba"] = rng.normal(0, 0.1, size=(n_a, 1))
    x = rng.normal(size=(n_x, m, T_x))
    a0 = rng.normal(size=(n_a, m))
    return x, a0, parameters


def test_forward_equals_the_cell_applied_step_by_step(rng):
    x, a0, parameters = random_problem(rng, n_x=3, m=4, T_x=6, n_a=5)
    a, y_pred, caches = rnn_forward(x, a0, parameters)
    a_next = a0
    for t in range(6):
        a_next, yt_pred, _ = rnn_cell_forward(x[:, :, t], a_next, parameters)
        np.testing.assert_array_equal(a[:, :, t], a_next)
        np.testing.assert_array_equal(y_pred[:, :, t], yt_pred)
    assert len(caches[0]) == 6
    assert caches[1] is not None and caches[1].shape == x.shape


@pytest.mark.parametrize(
    "n_x, m, T_x, n_a",
    [(3, 4, 5, 6), (1, 1, 1, 1), (2, 1, 7, 3), (4, 3, 1, 2), (2, 5, 4, 1)],
)
def test_forward_shapes(rng, n_x, m, T_x, n_a):
    x, a0, parameters = random_problem(rng, n_x, m, T_x, n_a, n_y=3)
    a, y_pred, (cell_caches, x_cached) = rnn_forward(x, a0, parameters)
    assert a.shape == (n_a, m, T_x)
    assert y_pred.shape == (3, m, T_x)
    assert len(cell_caches) == T_x


def linear_loss(a, weights):
    """A loss whose gradient w.r.t. every hidden state is `weights`: sum(weights * a)."""
    return float(np.sum(weights * a))


def test_cell_backward_matches_finite_differences(rng):
    n_x, m, n_a = 3, 4, 5
    _, a_prev, parameters = random_problem(rng, n_x, m, 1, n_a)
    xt = rng.normal(size=(n_x, m))
    weights = rng.normal(size=(n_a, m))
    a_next, _, cache = rnn_cell_forward(xt, a_prev, parameters)
    grads = rnn_cell_backward(weights, cache)

    def loss():
        return linear_loss(rnn_cell_forward(xt, a_prev, parameters)[0], weights)

    arrays = {"xt": xt, "a_prev": a_prev, **{k: parameters[k] for k in ("Wax", "Waa", "ba")}}
    errors = gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_cell_backward_shapes(rng):
    _, a_prev, parameters = random_problem(rng, 3, 4, 1, 5)
    _, _, cache = rnn_cell_forward(rng.normal(size=(3, 4)), a_prev, parameters)
    grads = rnn_cell_backward(rng.normal(size=(5, 4)), cache)
    shapes = {k: v.shape for k, v in grads.items()}
    assert shapes == {
        "dxt": (3, 4),
        "da_prev": (5, 4),
        "dWax": (5, 3),
        "dWaa": (5, 5),
        "dba": (5, 1),
    }


@pytest.mark.parametrize(
    "n_x, m, T_x, n_a",
    [(3, 4, 5, 6), (1, 1, 1, 1), (2, 1, 6, 3), (3, 3, 1, 2), (2, 3, 4, 1)],
)
def test_backward_matches_finite_differences(rng, n_x, m, T_x, n_a):
    x, a0, parameters = random_problem(rng, n_x, m, T_x, n_a)
    weights = rng.normal(size=(n_a, m, T_x))
    _, _, caches = rnn_forward(x, a0, parameters)
    grads = rnn_backward(weights, caches)

    def loss():
        return linear_loss(rnn_forward(x, a0, parameters)[0], weights)

    arrays = {"x": x, "a0": a0, **{k: parameters[k] for k in ("Wax", "Waa", "ba")}}
    errors = gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_backward_of_a_loss_on_the_last_state_only_reaches_every_step(rng):
    x, a0, parameters = random_problem(rng, 2, 3, 5, 4)
    da = np.zeros((4, 3, 5))
    da[:, :, -1] = 1.0
    _, _, caches = rnn_forward(x, a0, parameters)
    grads = rnn_backward(da, caches)
    # The gradient flows back from step T_x through a<t> to every input x<t>.
    assert all(np.linalg.norm(grads["dx"][:, :, t]) > 0 for t in range(5))


def test_backward_returns_every_gradient_with_its_shape(rng):
    x, a0, parameters = random_problem(rng, 3, 2, 4, 5)
    _, _, caches = rnn_forward(x, a0, parameters)
    grads = rnn_backward(rng.normal(size=(5, 2, 4)), caches)
    shapes = {k: v.shape for k, v in grads.items()}
    assert shapes == {"dx": (3, 2, 4), "da0": (5, 2), "dWax": (5, 3), "dWaa": (5, 5), "dba": (5, 1)}


def test_init_is_reproducible_and_scaled():
    p1 = init_rnn_parameters(50, 200, 3, np.random.default_rng(7))
    p2 = init_rnn_parameters(50, 200, 3, np.random.default_rng(7))
    for key in p1:
        np.testing.assert_array_equal(p1[key], p2[key])
    assert abs(p1["Waa"].std() - 1 / np.sqrt(200)) < 0.005
    assert abs(p1["Wax"].std() - 1 / np.sqrt(50)) < 0.01
    assert not p1["ba"].any() and not p1["by"].any()


def test_init_rejects_a_legacy_seed_instead_of_a_generator():
    with pytest.raises(TypeError, match="default_rng"):
        init_rnn_parameters(2, 3, 2, rng=0)
