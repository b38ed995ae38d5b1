"""Bad input to the reference RNN functions gets a clear error, never a wrong answer."""

import numpy as np
import pytest

from helpers import (
    MissingParameterError,
    rnn_backward,
    rnn_cell_backward,
    rnn_cell_forward,
    rnn_forward,
)
from helpers.initialization import init_rnn_parameters


@pytest.fixture
def step(rng):
    parameters = init_rnn_parameters(3, 5, 2, rng)
    return rng.normal(size=(3, 10)), rng.normal(size=(5, 10)), parameters


def test_a_bias_of_shape_n_a_is_rejected_with_a_hint(step):
    xt, a_prev, parameters = step
    parameters["ba"] = parameters["ba"].reshape(-1)
    with pytest.raises(ValueError) as error:
        rnn_cell_forward(xt, a_prev, parameters)
    message = str(error.value)
    assert "parameters['ba']" in message
    assert "(n_a, 1) with n_a = 5" in message
    assert "(5,)" in message
    assert "reshape(-1, 1)" in message


def test_a_batch_size_that_does_not_match_names_both_arguments(step):
    xt, a_prev, parameters = step
    with pytest.raises(ValueError) as error:
        rnn_cell_forward(xt, a_prev[:, :7], parameters)
    message = str(error.value)
    assert message.startswith("rnn_cell_forward: a_prev should have shape (n_a, m)")
    assert "m = 10 (from xt)" in message
    assert "(5, 7)" in message


def test_a_weight_of_the_wrong_shape_is_named(step):
    xt, a_prev, parameters = step
    parameters["Wax"] = parameters["Wax"].T
    with pytest.raises(ValueError, match=r"parameters\['Wax'\] should have shape \(n_a, n_x\)"):
        rnn_cell_forward(xt, a_prev, parameters)


def test_missing_keys_are_listed_with_their_shapes(step):
    xt, a_prev, parameters = step
    del parameters["Waa"], parameters["by"]
    with pytest.raises(MissingParameterError) as error:
        rnn_cell_forward(xt, a_prev, parameters)
    assert str(error.value) == (
        "rnn_cell_forward: parameters is missing 'Waa' (n_a, n_a), 'by' (n_y, 1)."
    )
    assert isinstance(error.value, KeyError)


@pytest.mark.parametrize("bad", [np.nan, np.inf, -np.inf])
def test_non_finite_inputs_are_rejected(step, bad):
    xt, a_prev, parameters = step
    xt = xt.copy()
    xt[1, 2] = bad
    with pytest.raises(ValueError, match="xt contains NaN or infinite values"):
        rnn_cell_forward(xt, a_prev, parameters)


def test_non_finite_parameters_are_rejected(step):
    xt, a_prev, parameters = step
    parameters["Waa"][0, 0] = np.nan
    with pytest.raises(ValueError, match=r"parameters\['Waa'\] contains NaN"):
        rnn_cell_forward(xt, a_prev, parameters)


@pytest.mark.parametrize("value", [None, "abc", 3.0])
def test_a_non_array_input_is_a_type_error(step, value):
    _, a_prev, parameters = step
    with pytest.raises(TypeError, match="xt should be a numpy array of shape"):
        rnn_cell_forward(value, a_prev, parameters)


def test_parameters_must_be_a_dict(step):
    xt, a_prev, _ = step
    with pytest.raises(TypeError, match="parameters should be a dict"):
        rnn_cell_forward(xt, a_prev, [1, 2])


def test_a_sequence_without_a_time_axis_is_rejected(step):
    xt, a_prev, parameters = step
    with pytest.raises(ValueError, match=r"x should have shape \(n_x, m, T_x\)"):
        rnn_forward(xt, a_prev, parameters)


def test_cell_backward_checks_da_next(step):
    xt, a_prev, parameters = step
    _, _, cache = rnn_cell_forward(xt, a_prev, parameters)
    with pytest.raises(ValueError, match=r"da_next should have shape \(n_a, m\) with n_a = 5"):
        rnn_cell_backward(np.ones((5, 9)), cache)


def test_cell_backward_checks_the_cache_layout(step):
    xt, a_prev, parameters = step
    _, _, cache = rnn_cell_forward(xt, a_prev, parameters)
    with pytest.raises(ValueError, match="cache should be a tuple of 4 items"):
        rnn_cell_backward(np.ones((5, 10)), cache[:3])


def test_backward_checks_da_against_the_caches(rng, step):
    _, a0, parameters = step
    x = rng.normal(size=(3, 10, 4))
    _, _, caches = rnn_forward(x, a0, parameters)
    with pytest.raises(ValueError, match=r"da should have shape \(n_a, m, T_x\)"):
        rnn_backward(np.ones((5, 10, 3)), caches)
    with pytest.raises(ValueError, match="n_a = 5"):
        rnn_backward(np.ones((4, 10, 4)), caches)


def test_integer_inputs_are_accepted_as_floats(step):
    _, a_prev, parameters = step
    a_next, _, _ = rnn_cell_forward(np.ones((3, 10), dtype=int), a_prev, parameters)
    assert a_next.dtype == np.float64
