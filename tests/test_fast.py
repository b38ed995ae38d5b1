"""helpers.fast: the framework-style LSTM and RNN agree with the reference to 1e-10."""

import warnings

import numpy as np
import pytest

import helpers
from helpers import fast
from helpers.threads import blas_controller, single_threaded_blas

SIZES = [(3, 4, 5, 6), (1, 1, 1, 1), (2, 1, 7, 3), (4, 3, 1, 2), (8, 16, 30, 12)]


def lstm_problem(rng, n_x, m, T_x, n_a):
    parameters = helpers.init_lstm_parameters(n_x, n_a, 3, rng)
    for key in ("bi", "bc", "bo", "by"):
        parameters[key] = rng.normal(size=parameters[key].shape)
    return rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters


def rnn_problem(rng, n_x, m, T_x, n_a):
    parameters = helpers.init_rnn_parameters(n_x, n_a, 3, rng)
    parameters["ba"] = rng.normal(size=(n_a, 1))
    return rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters


@pytest.mark.parametrize("n_x, m, T_x, n_a", SIZES)
def test_lstm_forward_equals_the_reference(rng, n_x, m, T_x, n_a):
    x, a0, parameters = lstm_problem(rng, n_x, m, T_x, n_a)
    c0 = rng.normal(size=(n_a, m))
    reference = helpers.lstm_forward(x, a0, parameters, c0)
    result = fast.lstm_forward(x, a0, parameters, c0)
    for ref, got in zip(reference[:3], result[:3]):
        assert got.shape == ref.shape
        np.testing.assert_allclose(got, ref, rtol=0, atol=1e-10)


@pytest.mark.parametrize("n_x, m, T_x, n_a", SIZES)
def test_lstm_backward_equals_the_reference(rng, n_x, m, T_x, n_a):
    x, a0, parameters = lstm_problem(rng, n_x, m, T_x, n_a)
    da = rng.normal(size=(n_a, m, T_x))
    reference = helpers.lstm_backward(da, helpers.lstm_forward(x, a0, parameters)[3])
    result = fast.lstm_backward(da, fast.lstm_forward(x, a0, parameters)[3])
    assert set(result) == set(reference)
    for key in reference:
        assert result[key].shape == reference[key].shape, key
        np.testing.assert_allclose(result[key], reference[key], rtol=0, atol=1e-10, err_msg=key)


@pytest.mark.parametrize("n_x, m, T_x, n_a", SIZES)
def test_rnn_forward_and_backward_equal_the_reference(rng, n_x, m, T_x, n_a):
    x, a0, parameters = rnn_problem(rng, n_x, m, T_x, n_a)
    da = rng.normal(size=(n_a, m, T_x))
    a_ref, y_ref, caches = helpers.rnn_forward(x, a0, parameters)
    a, y, fast_caches = fast.rnn_forward(x, a0, parameters)
    np.testing.assert_allclose(a, a_ref, rtol=0, atol=1e-10)
    np.testing.assert_allclose(y, y_ref, rtol=0, atol=1e-10)
    reference = helpers.rnn_backward(da, caches)
    result = fast.rnn_backward(da, fast_caches)
    assert set(result) == set(reference)
    for key in reference:
        np.testing.assert_allclose(result[key], reference[key], rtol=0, atol=1e-10, err_msg=key)


def test_lstm_backward_matches_finite_differences(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 4, 3)
    weights = rng.normal(size=(3, 2, 4))
    grads = fast.lstm_backward(weights, fast.lstm_forward(x, a0, parameters)[3])

    def loss():
        return float(np.sum(weights * fast.lstm_forward(x, a0, parameters)[0]))

    names = ["Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo"]
    arrays = {"x": x, "a0": a0, **{k: parameters[k] for k in names}}
    errors = helpers.gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_rnn_backward_matches_finite_differences(rng):
    x, a0, parameters = rnn_problem(rng, 3, 2, 4, 3)
    weights = rng.normal(size=(3, 2, 4))
    grads = fast.rnn_backward(weights, fast.rnn_forward(x, a0, parameters)[2])

    def loss():
        return float(np.sum(weights * fast.rnn_forward(x, a0, parameters)[0]))

    arrays = {"x": x, "a0": a0, **{k: parameters[k] for k in ("Wax", "Waa", "ba")}}
    errors = helpers.gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_saturated_gates_stay_finite_and_silent(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    parameters["bf"][:] = 1e4
    parameters["bi"][:] = -1e4
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        a, y, c, _ = fast.lstm_forward(1e3 * x, a0, parameters)
    assert np.all(np.isfinite(a)) and np.all(np.isfinite(c)) and np.all(np.isfinite(y))


def test_the_parameters_are_not_changed(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    before = {k: v.copy() for k, v in parameters.items()}
    fast.lstm_backward(np.ones((4, 2, 5)), fast.lstm_forward(x, a0, parameters)[3])
    for key in parameters:
        np.testing.assert_array_equal(parameters[key], before[key])


def test_reference_caches_get_a_clear_error(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    caches = helpers.lstm_forward(x, a0, parameters)[3]
    with pytest.raises(TypeError, match="helpers.fast.lstm_forward"):
        fast.lstm_backward(np.ones((4, 2, 5)), caches)


def test_a_second_backward_pass_on_one_cache_is_refused(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    caches = fast.lstm_forward(x, a0, parameters)[3]
    fast.lstm_backward(np.ones((4, 2, 5)), caches)
    with pytest.raises(RuntimeError, match="Run fast.lstm_forward again"):
        fast.lstm_backward(np.ones((4, 2, 5)), caches)


def test_a_backward_pass_refused_for_its_shape_leaves_the_cache_usable(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    caches = fast.lstm_forward(x, a0, parameters)[3]
    with pytest.raises(ValueError):
        fast.lstm_backward(np.ones((4, 2, 4)), caches)
    expected = helpers.lstm_backward(np.ones((4, 2, 5)), helpers.lstm_forward(x, a0, parameters)[3])
    grads = fast.lstm_backward(np.ones((4, 2, 5)), caches)
    np.testing.assert_allclose(grads["dWf"], expected["dWf"], rtol=1e-10, atol=1e-12)


def test_inputs_are_checked_like_the_reference(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    parameters["bf"] = parameters["bf"].ravel()
    with pytest.raises(ValueError, match=r"parameters\['bf'\] should have shape \(n_a, 1\)"):
        fast.lstm_forward(x, a0, parameters)


def test_da_of_the_wrong_shape_is_named(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    caches = fast.lstm_forward(x, a0, parameters)[3]
    with pytest.raises(ValueError, match=r"da should have shape \(4, 2, 5\)"):
        fast.lstm_backward(np.ones((4, 2, 4)), caches)


@pytest.fixture
def split_in_three(monkeypatch):
    """Make the LSTM split even tiny batches across three threads."""
    monkeypatch.setattr(fast, "blas_threads", lambda: 3)
    monkeypatch.setattr(fast, "MIN_ENTRIES_PER_THREAD", 1)


@pytest.mark.parametrize("m", [3, 5, 8])
def test_lstm_split_across_threads_equals_the_reference(rng, split_in_three, m):
    x, a0, parameters = lstm_problem(rng, 3, m, 4, 5)
    c0, da = rng.normal(size=(5, m)), rng.normal(size=(5, m, 4))
    assert fast.threads_for(m, 5) == 3
    reference = helpers.lstm_forward(x, a0, parameters, c0)
    result = fast.lstm_forward(x, a0, parameters, c0)
    for ref, got in zip(reference[:3], result[:3]):
        np.testing.assert_allclose(got, ref, rtol=0, atol=1e-10)
    ref_grads = helpers.lstm_backward(da, reference[3])
    grads = fast.lstm_backward(da, result[3])
    for key in ref_grads:
        np.testing.assert_allclose(grads[key], ref_grads[key], rtol=0, atol=1e-10, err_msg=key)


def test_lstm_uses_one_thread_per_enough_work(monkeypatch):
    monkeypatch.setattr(fast, "blas_threads", lambda: 2)
    assert fast.threads_for(32, 64) == 1  # 32 x 256 gate entries per step: too few to split
    assert fast.threads_for(64, 128) == 2  # 2 x 16384
    assert fast.threads_for(1024, 128) == 2  # never more threads than BLAS may use


def test_lstm_stays_on_one_thread_inside_single_threaded_blas():
    with single_threaded_blas():
        assert fast.blas_threads() == 1
        assert fast.threads_for(1024, 128) == 1


def test_lstm_leaves_the_blas_thread_count_as_it_was(rng, split_in_three):
    before = blas_controller().info()
    x, a0, parameters = lstm_problem(rng, 3, 6, 4, 5)
    fast.lstm_backward(rng.normal(size=(5, 6, 4)), fast.lstm_forward(x, a0, parameters)[3])
    assert blas_controller().info() == before


def test_lstm_states_are_read_only_views_that_protect_the_cache(rng):
    x, a0, parameters = lstm_problem(rng, 3, 2, 5, 4)
    a, _, c, caches = fast.lstm_forward(x, a0, parameters)
    for state in (a, c):
        assert state.shape == (4, 2, 5)
        with pytest.raises(ValueError, match="read-only"):
            state[0, 0, 0] = 1.0
    a_copy = a.copy()
    a_copy[0, 0, 0] = 1.0  # a copy can be changed freely
    np.testing.assert_allclose(a, helpers.lstm_forward(x, a0, parameters)[0], rtol=0, atol=1e-10)
