"""sigmoid and softmax: values, shapes and numerical stability."""

import warnings

import numpy as np
import pytest

from helpers import sigmoid, softmax


def test_sigmoid_known_values():
    z = np.array([-2.0, 0.0, 2.0])
    np.testing.assert_allclose(sigmoid(z), 1 / (1 + np.exp(-z)), rtol=1e-15)
    assert sigmoid(0.0) == 0.5


def test_sigmoid_is_symmetric():
    z = np.linspace(-30, 30, 61)
    np.testing.assert_allclose(sigmoid(-z), 1 - sigmoid(z), atol=1e-15)


@pytest.mark.parametrize("z", [1e4, -1e4, 1e300, -1e300])
def test_sigmoid_is_stable_at_extreme_inputs(z):
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        s = sigmoid(np.array([z]))
    assert np.all(np.isfinite(s))
    assert s[0] == (1.0 if z > 0 else 0.0)


def test_softmax_columns_are_probability_vectors(rng):
    p = softmax(rng.normal(size=(4, 7)))
    assert p.shape == (4, 7)
    assert np.all(p >= 0)
    np.testing.assert_allclose(p.sum(axis=0), np.ones(7), rtol=1e-14)


def test_softmax_is_over_axis_0():
    z = np.array([[0.0, 0.0], [np.log(3.0), 0.0]])
    np.testing.assert_allclose(softmax(z), [[0.25, 0.5], [0.75, 0.5]], rtol=1e-14)


def test_softmax_ignores_a_shift_of_each_column(rng):
    z = rng.normal(size=(5, 3))
    np.testing.assert_allclose(softmax(z), softmax(z + np.array([100.0, -50.0, 7.0])), rtol=1e-12)


@pytest.mark.parametrize("scale", [1e4, -1e4])
def test_softmax_is_stable_at_extreme_inputs(scale):
    z = scale * np.array([[1.0, 0.5], [0.0, 1.0], [-1.0, 0.2]])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        p = softmax(z)
    assert np.all(np.isfinite(p))
    np.testing.assert_allclose(p.sum(axis=0), [1.0, 1.0])


def test_softmax_keeps_the_shape_of_a_sequence(rng):
    p = softmax(rng.normal(size=(3, 4, 5)))
    assert p.shape == (3, 4, 5)
    np.testing.assert_allclose(p.sum(axis=0), np.ones((4, 5)))
