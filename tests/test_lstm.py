"""The reference LSTM cell: the source post's seeded test, shapes, gradients, input checks."""

import numpy as np
import pytest

from helpers import (
    MissingParameterError,
    gradient_check,
    init_lstm_parameters,
    lstm_backward,
    lstm_cell_backward,
    lstm_cell_forward,
    lstm_forward,
)
from helpers.lstm import GATES

GATE_WEIGHTS = ["Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo"]


def seed_inputs():
    """The source post's LSTM test inputs, in its draw order (Wo, bo before Wc, bc)."""
    np.random.seed(1)
    xt = np.random.randn(3, 10)
    a_prev = np.random.randn(5, 10)
    c_prev = np.random.randn(5, 10)
    parameters = {}
    for key, shape in [
        ("Wf", (5, 8)), ("bf", (5, 1)), ("Wi", (5, 8)), ("bi", (5, 1)), ("Wo", (5, 8)),
        ("bo", (5, 1)), ("Wc", (5, 8)), ("bc", (5, 1)), ("Wy", (2, 5)), ("by", (2, 1)),
    ]:  # fmt: skip
        parameters[key] = np.random.randn(*shape)
    return xt, a_prev, c_prev, parameters


# What the source post prints (8 significant digits).
# fmt: off
SEED_A_NEXT_4 = [-0.66408471, 0.0036921, 0.02088357, 0.22834167, -0.85575339,
                 0.00138482, 0.76566531, 0.34631421, -0.00215674, 0.43827275]
SEED_C_NEXT_2 = [0.63267805, 1.00570849, 0.35504474, 0.20690913, -1.64566718,
                 0.11832942, 0.76449811, -0.0981561, -0.74348425, -0.26810932]
SEED_YT_1 = [0.79913913, 0.15986619, 0.22412122, 0.15606108, 0.97057211,
             0.31146381, 0.00943007, 0.12666353, 0.39380172, 0.07828381]
SEED_CACHE_1_3 = [-0.16263996, 1.03729328, 0.72938082, -0.54101719, 0.02752074,
                  -0.30821874, 0.07651101, -1.03752894, 1.41219977, -0.37647422]
# fmt: on


def test_cell_reproduces_the_source_posts_seeded_test():
    a_next, c_next, yt, cache = lstm_cell_forward(*seed_inputs())
    np.testing.assert_allclose(a_next[4], SEED_A_NEXT_4, atol=5e-9)
    np.testing.assert_allclose(c_next[2], SEED_C_NEXT_2, atol=5e-9)
    np.testing.assert_allclose(yt[1], SEED_YT_1, atol=5e-9)
    np.testing.assert_allclose(cache[1][3], SEED_CACHE_1_3, atol=5e-9)
    assert a_next.shape == c_next.shape == (5, 10)
    assert yt.shape == (2, 10)
    assert len(cache) == 10


def test_cell_cache_is_the_source_posts_layout():
    xt, a_prev, c_prev, parameters = seed_inputs()
    a_next, c_next, _, cache = lstm_cell_forward(xt, a_prev, c_prev, parameters)
    a, c, ap, cp, ft, it, cct, ot, x_cached, p = cache
    assert a is a_next and c is c_next and p is parameters
    np.testing.assert_array_equal(ap, a_prev)
    np.testing.assert_array_equal(cp, c_prev)
    np.testing.assert_array_equal(x_cached, xt)
    np.testing.assert_allclose(c_next, ft * c_prev + it * cct)
    np.testing.assert_allclose(a_next, ot * np.tanh(c_next))
    assert all(np.all((g > 0) & (g < 1)) for g in (ft, it, ot))


def test_a_closed_forget_gate_and_an_open_update_gate_replace_the_memory():
    xt, a_prev, c_prev, parameters = seed_inputs()
    parameters.update(bf=np.full((5, 1), -1e3), bi=np.full((5, 1), 1e3))
    _, c_next, _, cache = lstm_cell_forward(xt, a_prev, c_prev, parameters)
    np.testing.assert_allclose(c_next, cache[6])  # c_next == candidate


def random_problem(rng, n_x, m, T_x, n_a, n_y=2, forget_bias=1.0):
    parameters = init_lstm_parameters(n_x, n_a, n_y, rng, forget_bias=forget_bias)
    for key in ("bi", "bc", "bo"):
        parameters[key] = rng.normal(0, 0.2, size=(n_a, 1))
    return rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters


def test_forward_equals_the_cell_applied_step_by_step(rng):
    x, a0, parameters = random_problem(rng, 3, 4, 6, 5)
    a, y, c, caches = lstm_forward(x, a0, parameters)
    a_next, c_next = a0, np.zeros_like(a0)
    for t in range(6):
        a_next, c_next, yt, _ = lstm_cell_forward(x[:, :, t], a_next, c_next, parameters)
        np.testing.assert_array_equal(a[:, :, t], a_next)
        np.testing.assert_array_equal(c[:, :, t], c_next)
        np.testing.assert_array_equal(y[:, :, t], yt)
    assert len(caches[0]) == 6


def test_forward_starts_the_memory_at_zero_unless_given_c0(rng):
    x, a0, parameters = random_problem(rng, 2, 3, 4, 5)
    _, _, c_default, _ = lstm_forward(x, a0, parameters)
    _, _, c_zero, _ = lstm_forward(x, a0, parameters, c0=np.zeros((5, 3)))
    _, _, c_ones, _ = lstm_forward(x, a0, parameters, c0=np.ones((5, 3)))
    np.testing.assert_array_equal(c_default, c_zero)
    assert not np.allclose(c_default, c_ones)


@pytest.mark.parametrize(
    "n_x, m, T_x, n_a", [(3, 4, 5, 6), (1, 1, 1, 1), (2, 1, 7, 3), (4, 3, 1, 2), (2, 5, 4, 1)]
)
def test_forward_shapes(rng, n_x, m, T_x, n_a):
    x, a0, parameters = random_problem(rng, n_x, m, T_x, n_a, n_y=3)
    a, y, c, (cell_caches, _) = lstm_forward(x, a0, parameters)
    assert a.shape == c.shape == (n_a, m, T_x)
    assert y.shape == (3, m, T_x)
    assert len(cell_caches) == T_x


def test_cell_backward_matches_finite_differences(rng):
    n_x, m, n_a = 3, 4, 5
    _, a_prev, parameters = random_problem(rng, n_x, m, 1, n_a)
    xt, c_prev = rng.normal(size=(n_x, m)), rng.normal(size=(n_a, m))
    weights_a, weights_c = rng.normal(size=(n_a, m)), rng.normal(size=(n_a, m))
    *_, cache = lstm_cell_forward(xt, a_prev, c_prev, parameters)
    grads = lstm_cell_backward(weights_a, weights_c, cache)

    def loss():
        a_next, c_next, _, _ = lstm_cell_forward(xt, a_prev, c_prev, parameters)
        return float(np.sum(weights_a * a_next) + np.sum(weights_c * c_next))

    arrays = {"xt": xt, "a_prev": a_prev, "c_prev": c_prev}
    arrays.update({k: parameters[k] for k in GATE_WEIGHTS})
    errors = gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize(
    "n_x, m, T_x, n_a, forget_bias",
    [(3, 4, 5, 6, 1.0), (1, 1, 1, 1, 1.0), (2, 1, 6, 3, 0.0), (3, 3, 1, 2, 1.0), (2, 3, 4, 1, 0.0)],
)
def test_backward_matches_finite_differences(rng, n_x, m, T_x, n_a, forget_bias):
    x, a0, parameters = random_problem(rng, n_x, m, T_x, n_a, forget_bias=forget_bias)
    c0 = rng.normal(size=(n_a, m))  # a carried memory, as when a long sequence is cut
    weights = rng.normal(size=(n_a, m, T_x))
    *_, caches = lstm_forward(x, a0, parameters, c0=c0)
    grads = lstm_backward(weights, caches)

    def loss():
        return float(np.sum(weights * lstm_forward(x, a0, parameters, c0=c0)[0]))

    arrays = {"x": x, "a0": a0, "c0": c0, **{k: parameters[k] for k in GATE_WEIGHTS}}
    errors = gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_backward_returns_every_gradient_with_its_shape(rng):
    x, a0, parameters = random_problem(rng, 3, 2, 4, 5)
    *_, caches = lstm_forward(x, a0, parameters)
    grads = lstm_backward(rng.normal(size=(5, 2, 4)), caches)
    expected = {"dx": (3, 2, 4), "da0": (5, 2), "dc0": (5, 2)}
    expected.update({f"dW{g}": (5, 8) for g in GATES})
    expected.update({f"db{g}": (5, 1) for g in GATES})
    assert {k: v.shape for k, v in grads.items()} == expected


def test_init_sets_the_forget_bias_and_shapes():
    p = init_lstm_parameters(3, 5, 2, np.random.default_rng(0))
    assert np.all(p["bf"] == 1.0)
    assert not p["bi"].any() and not p["bc"].any() and not p["bo"].any()
    assert p["Wf"].shape == (5, 8) and p["Wy"].shape == (2, 5)
    assert np.all(init_lstm_parameters(3, 5, 2, np.random.default_rng(0), 0.0)["bf"] == 0.0)


def test_a_flat_gate_bias_is_rejected_with_a_hint():
    xt, a_prev, c_prev, parameters = seed_inputs()
    parameters["bi"] = parameters["bi"].ravel()
    with pytest.raises(ValueError) as error:
        lstm_cell_forward(xt, a_prev, c_prev, parameters)
    assert "parameters['bi'] should have shape (n_a, 1) with n_a = 5" in str(error.value)
    assert "reshape(-1, 1)" in str(error.value)


def test_a_gate_weight_that_ignores_a_prev_is_rejected():
    xt, a_prev, c_prev, parameters = seed_inputs()
    parameters["Wf"] = parameters["Wf"][:, 5:]  # (n_a, n_x): forgot the concat
    with pytest.raises(ValueError) as error:
        lstm_cell_forward(xt, a_prev, c_prev, parameters)
    assert "parameters['Wf'] should have shape (n_a, n_a + n_x) with n_a = 5" in str(error.value)
    assert "n_x = 3 (from xt)" in str(error.value)


def test_c_prev_of_another_size_is_named():
    xt, a_prev, _, parameters = seed_inputs()
    with pytest.raises(ValueError, match=r"c_prev should have shape \(n_a, m\)"):
        lstm_cell_forward(xt, a_prev, np.zeros((4, 10)), parameters)


def test_missing_gate_keys_are_listed():
    xt, a_prev, c_prev, parameters = seed_inputs()
    del parameters["Wo"]
    with pytest.raises(MissingParameterError, match=r"missing 'Wo' \(n_a, n_a \+ n_x\)"):
        lstm_cell_forward(xt, a_prev, c_prev, parameters)


def test_non_finite_memory_is_rejected():
    xt, a_prev, c_prev, parameters = seed_inputs()
    c_prev[0, 0] = np.inf
    with pytest.raises(ValueError, match="c_prev contains NaN or infinite values"):
        lstm_cell_forward(xt, a_prev, c_prev, parameters)


def test_cell_backward_checks_the_cache_layout():
    *_, cache = lstm_cell_forward(*seed_inputs())
    with pytest.raises(ValueError, match="cache should be a tuple of 10 items"):
        lstm_cell_backward(np.ones((5, 10)), np.ones((5, 10)), cache[:6])


def test_backward_checks_da_against_the_caches(rng):
    x, a0, parameters = random_problem(rng, 3, 4, 5, 6)
    *_, caches = lstm_forward(x, a0, parameters)
    with pytest.raises(ValueError, match=r"da should have shape \(n_a, m, T_x\)"):
        lstm_backward(np.ones((6, 4, 2)), caches)
