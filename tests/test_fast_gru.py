"""helpers.fast_gru: the framework-style GRU agrees with the reference to 1e-10."""

import warnings

import numpy as np
import pytest

import helpers
from helpers import fast_gru

SIZES = [(3, 4, 5, 6), (1, 1, 1, 1), (2, 1, 7, 3), (4, 3, 1, 2), (8, 16, 30, 12)]


def gru_problem(rng, n_x, m, T_x, n_a):
    parameters = helpers.init_gru_parameters(n_x, n_a, 3, rng)
    for key in ("br", "bu", "bc", "by"):
        parameters[key] = rng.normal(size=parameters[key].shape)
    return rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters


@pytest.mark.parametrize("n_x, m, T_x, n_a", SIZES)
def test_gru_forward_equals_the_reference(rng, n_x, m, T_x, n_a):
    x, a0, parameters = gru_problem(rng, n_x, m, T_x, n_a)
    reference = helpers.gru_forward(x, a0, parameters)
    result = fast_gru.gru_forward(x, a0, parameters)
    for ref, got in zip(reference[:2], result[:2]):
        assert got.shape == ref.shape
        np.testing.assert_allclose(got, ref, rtol=0, atol=1e-10)


@pytest.mark.parametrize("n_x, m, T_x, n_a", SIZES)
def test_gru_backward_equals_the_reference(rng, n_x, m, T_x, n_a):
    x, a0, parameters = gru_problem(rng, n_x, m, T_x, n_a)
    da = rng.normal(size=(n_a, m, T_x))
    reference = helpers.gru_backward(da, helpers.gru_forward(x, a0, parameters)[2])
    result = fast_gru.gru_backward(da, fast_gru.gru_forward(x, a0, parameters)[2])
    assert set(result) == set(reference)
    for key in reference:
        assert result[key].shape == reference[key].shape, key
        np.testing.assert_allclose(result[key], reference[key], rtol=0, atol=1e-10, err_msg=key)


def test_gru_backward_matches_finite_differences(rng):
    x, a0, parameters = gru_problem(rng, 3, 2, 4, 3)
    weights = rng.normal(size=(3, 2, 4))
    grads = fast_gru.gru_backward(weights, fast_gru.gru_forward(x, a0, parameters)[2])

    def loss():
        return float(np.sum(weights * fast_gru.gru_forward(x, a0, parameters)[0]))

    names = ["Wr", "br", "Wu", "bu", "Wc", "bc"]
    arrays = {"x": x, "a0": a0, **{k: parameters[k] for k in names}}
    errors = helpers.gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_saturated_gates_give_finite_values_without_warnings(rng):
    x, a0, parameters = gru_problem(rng, 3, 2, 5, 4)
    parameters["br"][:] = -1e4
    parameters["bu"][:] = 1e4
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a, y, _ = fast_gru.gru_forward(1e3 * x, a0, parameters)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(y))


def test_the_parameters_are_not_changed(rng):
    x, a0, parameters = gru_problem(rng, 3, 2, 5, 4)
    before = {k: v.copy() for k, v in parameters.items()}
    fast_gru.gru_backward(np.ones((4, 2, 5)), fast_gru.gru_forward(x, a0, parameters)[2])
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], before[key])


def test_reference_caches_get_a_clear_error(rng):
    x, a0, parameters = gru_problem(rng, 3, 2, 5, 4)
    caches = helpers.gru_forward(x, a0, parameters)[2]
    with pytest.raises(TypeError, match="helpers.fast_gru.gru_forward"):
        fast_gru.gru_backward(np.ones((4, 2, 5)), caches)


def test_inputs_are_checked_like_the_reference(rng):
    x, a0, parameters = gru_problem(rng, 3, 2, 5, 4)
    parameters["Wu"] = parameters["Wu"][:, :-1]
    with pytest.raises(ValueError, match=r"parameters\['Wu'\] should have shape"):
        fast_gru.gru_forward(x, a0, parameters)


def test_da_of_the_wrong_shape_is_named(rng):
    x, a0, parameters = gru_problem(rng, 3, 2, 5, 4)
    caches = fast_gru.gru_forward(x, a0, parameters)[2]
    with pytest.raises(ValueError, match=r"da should have shape \(4, 2, 5\)"):
        fast_gru.gru_backward(np.ones((4, 2, 4)), caches)
