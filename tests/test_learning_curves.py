"""Learning curves (07, 09): moving averages, and the figure of raw and smoothed curves."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

from helpers import learning_curves, plots  # noqa: E402


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
    assert [line.get_color() for line in lines[:2]] == [plots.STYLES["rnn"]["color"]] * 2
    assert lines[1].get_xdata().size == 30 - 10 + 1
    assert fig.axes[0].get_xlim() == (0.0, 40.0)
    assert [t.get_text() for t in fig.axes[0].legend().get_texts()] == ["RNN", "LSTM"]


def test_a_log_curve_is_smoothed_by_its_geometric_mean():
    values = np.array([1.0, 100.0] * 10)
    fig = learning_curves.plot({"lstm": values}, {"lstm": "LSTM"}, width=2, log=True)
    np.testing.assert_allclose(fig.axes[0].get_lines()[1].get_ydata(), 10.0)


def test_the_seed_figure_draws_one_dot_per_run_and_counts_the_solved_ones():
    from helpers import comparisons

    accuracies = {
        "rnn": np.array([[1.0, 0.995, 0.5], [0.3, 0.25, 0.6]]),  # (settings, seeds)
        "lstm": np.array([[1.0, 1.0, 1.0], [0.99, 0.98, 1.0]]),
    }
    names = {"rnn": "RNN", "lstm": "LSTM"}
    fig = comparisons.plot_seed_accuracies(accuracies, ["10", "50"], names, "title")
    axis = fig.axes[0]
    assert sum(len(c.get_offsets()) for c in axis.collections) == 12
    counts = [t.get_text() for t in axis.texts if "/" in t.get_text()]
    assert counts == ["2/3", "0/3", "3/3", "2/3"]  # accuracy >= 0.99 counts as solved
    assert [t.get_text() for t in axis.get_legend().get_texts()] == ["RNN", "LSTM"]


def test_the_temperature_figure_has_a_curve_per_cell_and_the_real_names_dashed():
    from helpers import comparisons

    taus = np.array([0.5, 1.0, 1.5])
    fig = comparisons.plot_temperature_sweep(
        taus,
        {"rnn": [0.1, 0.4, 0.8], "lstm": [0.2, 0.5, 0.9]},
        {"rnn": [5.0, 6.0, 7.0], "lstm": [5.5, 6.0, 6.5]},
        {"rnn": "RNN", "lstm": "LSTM"},
        {"new share": (0.6, "test names, 60%"), "mean length": (6.1, "training names")},
    )
    for axis, reference in zip(fig.axes, (0.6, 6.1)):
        lines = axis.get_lines()
        assert [line.get_color() for line in lines[:2]] == [
            plots.STYLES["rnn"]["color"], plots.STYLES["lstm"]["color"]
        ]  # fmt: skip
        assert lines[2].get_linestyle() == "--" and lines[2].get_ydata()[0] == reference
