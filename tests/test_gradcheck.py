"""The gradient-check utility itself."""

import numpy as np
import pytest

import helpers
from helpers import gradient_check, numerical_gradient, relative_error


def test_numerical_gradient_of_a_quadratic(rng):
    w = rng.normal(size=(3, 4))
    grad = numerical_gradient(lambda: float(np.sum(w**2)), w)
    np.testing.assert_allclose(grad, 2 * w, rtol=1e-8)


def test_numerical_gradient_restores_the_array(rng):
    w = rng.normal(size=(2, 3))
    before = w.copy()
    numerical_gradient(lambda: float(np.sum(np.sin(w))), w)
    np.testing.assert_array_equal(w, before)


def test_relative_error_is_zero_for_equal_and_for_zero_arrays():
    assert relative_error(np.ones(3), np.ones(3)) == 0.0
    assert relative_error(np.zeros(3), np.zeros(3)) == 0.0


def test_relative_error_of_opposite_gradients_is_one():
    assert relative_error(np.ones(3), -np.ones(3)) == pytest.approx(1.0)


def test_relative_error_rejects_different_shapes():
    with pytest.raises(ValueError, match="shapes differ"):
        relative_error(np.ones(3), np.ones((3, 1)))


def test_gradient_check_flags_a_wrong_gradient(rng):
    w = rng.normal(size=(4,))
    errors = gradient_check(lambda: float(np.sum(w**3)), {"w": w}, {"dw": 2 * w**2})
    assert errors["dw"] > 0.1


def test_gradient_check_passes_a_right_gradient(rng):
    w = rng.normal(size=(4,))
    errors = gradient_check(lambda: float(np.sum(w**3)), {"w": w}, {"dw": 3 * w**2})
    assert errors["dw"] < 1e-8


def test_gradient_check_names_a_missing_gradient(rng):
    w = rng.normal(size=(2,))
    with pytest.raises(KeyError, match="'dw'"):
        gradient_check(lambda: 0.0, {"w": w}, {})


def test_numerical_gradient_needs_a_float_array():
    with pytest.raises(TypeError, match="float64"):
        numerical_gradient(lambda: 0.0, np.ones(3, dtype=int))


def test_numerical_gradient_works_on_a_view(rng):
    x = rng.normal(size=(2, 3, 4))
    step = x[:, :, 1]  # not contiguous
    grad = numerical_gradient(lambda: float(np.sum(x[:, :, 1] ** 2)), step)
    np.testing.assert_allclose(grad, 2 * step, rtol=1e-8)


def test_the_verdict_is_one_line_naming_what_disagrees(capsys):
    helpers.gradient_verdict({"dx": 1e-10, "dW": 2e-9})
    assert capsys.readouterr().out == (
        "all 2 gradients agree with finite differences (relative error < 1e-7)\n"
    )
    helpers.gradient_verdict({"dx": 1e-3, "dW": 2e-9, "db": float("nan")})
    assert capsys.readouterr().out == (
        "2 of 3 gradients disagree with finite differences: dx, db\n"
    )


def test_errors_are_described_in_words_that_every_machine_prints_alike():
    words = helpers.describe_errors({"dxt": 0.3114, "dWo": 3e-10, "dbo": 2e-4})
    assert words == "dxt 0.31, dWo ok, dbo small"
