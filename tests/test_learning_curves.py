"""Learning curves (07, 09): moving averages, and the figure of raw and smoothed curves."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import learning_curves  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_the_moving_average_is_the_mean_of_each_window():
    smooth = learning_curves.moving_average([1.0, 2.0, 3.0, 4.0, 5.0], width=2)
    np.testing.assert_allclose(smooth, [1.5, 2.5, 3.5, 4.5])


def test_each_cell_gets_its_raw_curve_and_its_average_in_its_colour():
    curves = {"rnn": np.linspace(2.0, 1.0, 30), "lstm": np.linspace(2.0, 0.1, 40)}
    labels = {"rnn": "RNN", "lstm": "LSTM"}
    fig = learning_curves.plot(curves, labels, width=10)
    lines = fig.axes[0].get_lines()
    assert len(lines) == 4
    assert [line.get_color() for line in lines[:2]] == [learning_curves.CELL_COLORS["rnn"]] * 2
    assert lines[1].get_xdata().size == 30 - 10 + 1
    assert fig.axes[0].get_xlim() == (0.0, 40.0)
    assert [t.get_text() for t in fig.axes[0].legend().get_texts()] == ["RNN", "LSTM"]


def test_a_log_curve_is_smoothed_by_its_geometric_mean():
    values = np.array([1.0, 100.0] * 10)
    fig = learning_curves.plot({"lstm": values}, {"lstm": "LSTM"}, width=2, log=True)
    np.testing.assert_allclose(fig.axes[0].get_lines()[1].get_ydata(), 10.0)
