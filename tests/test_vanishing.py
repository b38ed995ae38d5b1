"""Singular values, the RNN/LSTM gradient-flow curves, and the 04 explorer's logic."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import largest_singular_value, spectral_radius, with_largest_singular_value  # noqa: E402
from helpers.gradient_flow import (  # noqa: E402
    BOUND_LABEL,
    lstm_gradient_flow,
    rnn_gradient_flow,
    vanishing_curves,
)
from helpers.plots import plot_vanishing  # noqa: E402
from helpers.widgets import vanishing_explorer  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_rescaling_sets_the_largest_singular_value(rng):
    W = rng.normal(size=(6, 6))
    scaled = with_largest_singular_value(W, 0.9)
    assert largest_singular_value(scaled) == pytest.approx(0.9)
    assert spectral_radius(scaled) <= 0.9 + 1e-12  # the radius never exceeds sigma_max


def test_rescaling_rejects_a_zero_matrix():
    with pytest.raises(ValueError, match="all zeros"):
        with_largest_singular_value(np.zeros((3, 3)), 1.0)


@pytest.mark.parametrize("sigma", [0.5, 0.9, 1.0])
def test_rnn_gradient_stays_under_the_pascanu_bound(sigma):
    # With tanh (derivative at most 1) each step back shrinks the norm by at most sigma_max.
    norms = rnn_gradient_flow(sigma, 40)
    steps_back = np.arange(40)[::-1]
    assert np.all(norms <= sigma**steps_back * (1 + 1e-9))


def test_a_smaller_singular_value_vanishes_faster():
    far = [rnn_gradient_flow(sigma, 40)[0] for sigma in (0.5, 0.9, 1.5)]
    assert far[0] < far[1] < far[2]


def test_small_inputs_and_a_large_singular_value_explode():
    norms = rnn_gradient_flow(3.0, 60, input_scale=0.1)
    assert norms[0] > 1.0


def test_saturating_inputs_shrink_the_gradient():
    assert rnn_gradient_flow(1.5, 40, input_scale=3.0)[0] < rnn_gradient_flow(1.5, 40)[0]


def test_the_lstm_keeps_more_gradient_than_a_contracting_rnn():
    assert lstm_gradient_flow(60)[0] > 1e6 * rnn_gradient_flow(0.9, 60)[0]


def test_explorer_curves_include_the_rnn_the_lstm_and_the_bound():
    curves = vanishing_curves(0.8, 30)
    assert len(curves) == 3
    assert all(c.shape == (30,) for c in curves.values())
    np.testing.assert_allclose(curves[BOUND_LABEL], 0.8 ** np.arange(30)[::-1])


@pytest.mark.parametrize("sigma, T_x, scale", [(0.1, 2, 0.0), (3.0, 200, 3.0), (3.0, 200, 0.0)])
def test_explorer_survives_its_sliders_extremes(sigma, T_x, scale):
    fig = plot_vanishing(sigma, T_x, scale)
    assert len(fig.axes[0].lines) == 3
    assert all(np.all(np.isfinite(c)) for c in vanishing_curves(sigma, T_x, scale).values())


def test_explorer_has_three_sliders():
    box = vanishing_explorer()
    sliders = box.children[0].children
    assert [type(s) for s in sliders] == [
        ipywidgets.FloatSlider, ipywidgets.IntSlider, ipywidgets.FloatSlider
    ]  # fmt: skip
    assert (sliders[1].min, sliders[1].max) == (2, 200)


def test_the_random_rnn_is_the_network_behind_rnn_gradient_flow():
    from helpers.gradient_flow import random_rnn

    x, parameters, a, caches = random_rnn(1.5, 30, input_scale=0.1)
    assert x.shape == (4, 16, 30) and a.shape == (32, 16, 30)
    assert largest_singular_value(parameters["Waa"]) == pytest.approx(1.5)
    from helpers import state_gradient_norms

    np.testing.assert_array_equal(
        state_gradient_norms("rnn", caches), rnn_gradient_flow(1.5, 30, input_scale=0.1)
    )
