"""The reference GRU cell: its equations, shapes, gradients and input checks."""

import numpy as np
import pytest

from helpers import (
    MissingParameterError,
    gradient_check,
    gru_backward,
    gru_cell_backward,
    gru_cell_forward,
    gru_forward,
    init_gru_parameters,
    sigmoid,
    softmax,
)
from helpers.gru import GRU_CACHE_FIELDS, GRU_GATES

GATE_WEIGHTS = [f"{kind}{g}" for g in GRU_GATES for kind in ("W", "b")]


def random_problem(rng, n_x, m, T_x, n_a, n_y=2):
    parameters = init_gru_parameters(n_x, n_a, n_y, rng)
    for key in ("br", "bu", "bc", "by"):  # non-zero, so that a lost bias shows
        parameters[key] = rng.normal(0, 0.5, size=parameters[key].shape)
    return rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters


def test_cell_follows_the_courses_equations_written_out(rng):
    x, a_prev, p = random_problem(rng, 3, 4, 1, 5)
    xt = x[:, :, 0]
    Wr_a, Wr_x = p["Wr"][:, :5], p["Wr"][:, 5:]  # a_prev on top of the concatenation
    Wu_a, Wu_x = p["Wu"][:, :5], p["Wu"][:, 5:]
    Wc_a, Wc_x = p["Wc"][:, :5], p["Wc"][:, 5:]
    r = sigmoid(Wr_a @ a_prev + Wr_x @ xt + p["br"])
    u = sigmoid(Wu_a @ a_prev + Wu_x @ xt + p["bu"])
    cc = np.tanh(Wc_a @ (r * a_prev) + Wc_x @ xt + p["bc"])  # reset before the product
    a_next = u * cc + (1 - u) * a_prev  # the update gate weights the candidate
    got_a, got_y, cache = gru_cell_forward(xt, a_prev, p)
    np.testing.assert_allclose(got_a, a_next, rtol=1e-13, atol=1e-15)
    np.testing.assert_allclose(got_y, softmax(p["Wy"] @ a_next + p["by"]), rtol=1e-13)
    np.testing.assert_allclose(cache.rt, r, rtol=1e-13)
    np.testing.assert_allclose(cache.ut, u, rtol=1e-13)
    assert cache._fields == GRU_CACHE_FIELDS == (
        "a_next", "a_prev", "rt", "ut", "cct", "xt", "parameters",
    )  # fmt: skip


def test_a_shut_update_gate_keeps_the_state_and_an_open_one_replaces_it(rng):
    x, a_prev, p = random_problem(rng, 2, 3, 1, 4)
    p["bu"] = np.full((4, 1), -50.0)  # ut = 0: a_next = a_prev
    np.testing.assert_allclose(gru_cell_forward(x[:, :, 0], a_prev, p)[0], a_prev, atol=1e-15)
    p["bu"] = np.full((4, 1), 50.0)  # ut = 1: a_next = cct
    a_next, _, cache = gru_cell_forward(x[:, :, 0], a_prev, p)
    np.testing.assert_allclose(a_next, cache.cct, atol=1e-15)


def test_a_shut_reset_gate_hides_the_old_state_from_the_candidate(rng):
    x, a_prev, p = random_problem(rng, 2, 3, 1, 4)
    p["br"] = np.full((4, 1), -50.0)  # rt = 0: the candidate sees the input alone
    cct = gru_cell_forward(x[:, :, 0], a_prev, p)[2].cct
    alone = np.tanh(p["Wc"][:, 4:] @ x[:, :, 0] + p["bc"])
    np.testing.assert_allclose(cct, alone, atol=1e-15)


def test_forward_equals_the_cell_applied_step_by_step(rng):
    x, a0, p = random_problem(rng, 3, 4, 6, 5)
    a, y, (cell_caches, x_kept) = gru_forward(x, a0, p)
    a_next = a0
    for t in range(6):
        a_next, yt, _ = gru_cell_forward(x[:, :, t], a_next, p)
        np.testing.assert_array_equal(a[:, :, t], a_next)
        np.testing.assert_array_equal(y[:, :, t], yt)
    assert len(cell_caches) == 6 and x_kept is x


def test_cell_backward_matches_finite_differences(rng):
    x, a_prev, p = random_problem(rng, 3, 4, 1, 5)
    xt, weights = x[:, :, 0], rng.normal(size=(5, 4))
    grads = gru_cell_backward(weights, gru_cell_forward(xt, a_prev, p)[2])

    def loss():
        return float(np.sum(weights * gru_cell_forward(xt, a_prev, p)[0]))

    arrays = {"xt": xt, "a_prev": a_prev, **{k: p[k] for k in GATE_WEIGHTS}}
    errors = gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize(
    "n_x, m, T_x, n_a", [(3, 4, 5, 6), (1, 1, 1, 1), (2, 1, 6, 3), (3, 3, 1, 2), (2, 3, 4, 1)]
)
def test_backward_matches_finite_differences(rng, n_x, m, T_x, n_a):
    x, a0, p = random_problem(rng, n_x, m, T_x, n_a)
    weights = rng.normal(size=(n_a, m, T_x))
    grads = gru_backward(weights, gru_forward(x, a0, p)[2])

    def loss():
        return float(np.sum(weights * gru_forward(x, a0, p)[0]))

    arrays = {"x": x, "a0": a0, **{k: p[k] for k in GATE_WEIGHTS}}
    errors = gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_backward_returns_every_gradient_with_its_shape(rng):
    x, a0, p = random_problem(rng, 3, 2, 4, 5)
    grads = gru_backward(rng.normal(size=(5, 2, 4)), gru_forward(x, a0, p)[2])
    expected = {"dx": (3, 2, 4), "da0": (5, 2)}
    expected.update({f"dW{g}": (5, 8) for g in GRU_GATES})
    expected.update({f"db{g}": (5, 1) for g in GRU_GATES})
    assert {k: v.shape for k, v in grads.items()} == expected


def test_init_draws_every_gate_with_zero_biases():
    p = init_gru_parameters(3, 5, 2, np.random.default_rng(0))
    assert sorted(p) == ["Wc", "Wr", "Wu", "Wy", "bc", "br", "bu", "by"]
    assert all(p[f"W{g}"].shape == (5, 8) and not p[f"b{g}"].any() for g in GRU_GATES)
    assert p["Wy"].shape == (2, 5)


def test_a_gate_weight_that_ignores_a_prev_is_rejected(rng):
    x, a_prev, p = random_problem(rng, 3, 4, 1, 5)
    p["Wu"] = p["Wu"][:, 5:]  # (n_a, n_x): forgot the concatenation
    with pytest.raises(ValueError) as error:
        gru_cell_forward(x[:, :, 0], a_prev, p)
    assert "parameters['Wu'] should have shape (n_a, n_a + n_x) with n_a = 5" in str(error.value)


def test_lstm_parameters_are_refused_with_the_missing_gates_named(rng):
    x, a_prev, p = random_problem(rng, 3, 4, 1, 5)
    del p["Wr"]
    with pytest.raises(MissingParameterError, match=r"missing 'Wr' \(n_a, n_a \+ n_x\)"):
        gru_cell_forward(x[:, :, 0], a_prev, p)


def test_cell_backward_checks_the_cache_layout(rng):
    x, a_prev, p = random_problem(rng, 3, 4, 1, 5)
    cache = gru_cell_forward(x[:, :, 0], a_prev, p)[2]
    with pytest.raises(ValueError, match="cache should be a tuple of 7 items"):
        gru_cell_backward(np.ones((5, 4)), cache[:5])


def test_backward_checks_da_against_the_caches(rng):
    x, a0, p = random_problem(rng, 3, 4, 5, 6)
    with pytest.raises(ValueError, match=r"da should have shape \(n_a, m, T_x\)"):
        gru_backward(np.ones((6, 4, 2)), gru_forward(x, a0, p)[2])
