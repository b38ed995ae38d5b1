"""Gate traces, saturation, the 08 gate viewer, the progress bar and the 07/08 experiment."""

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers import gates  # noqa: E402
from helpers.gates import (  # noqa: E402
    gate_saturation,
    gate_values_at,
    lstm_gate_traces,
)
from helpers.plots import plot_gate_view  # noqa: E402
from helpers.tasks import temporal_order  # noqa: E402
from helpers.train import temporal_order_experiment  # noqa: E402
from helpers.widgets import gate_viewer, progress_bar  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


@pytest.fixture
def traces(rng):
    parameters = helpers.init_lstm_parameters(8, 5, 4, rng)
    data = temporal_order(3, 12, rng)
    return lstm_gate_traces(data.x, parameters), data


def test_traces_hold_every_gate_for_every_unit_example_and_step(traces):
    traces, _ = traces
    assert set(traces) == {"forget", "update", "output", "candidate", "cell", "hidden"}
    assert all(v.shape == (5, 3, 12) for v in traces.values())


def test_traces_are_the_cells_own_values(traces, rng):
    traces, _ = traces
    np.testing.assert_allclose(
        traces["hidden"], traces["output"] * np.tanh(traces["cell"]), atol=1e-15
    )
    c, f, i, cc = (traces[k] for k in ("cell", "forget", "update", "candidate"))
    np.testing.assert_allclose(c[:, :, 1:], f[:, :, 1:] * c[:, :, :-1] + (i * cc)[:, :, 1:])


def test_saturation_counts_fractions_per_unit():
    gate = np.array([[[0.05, 0.5, 0.95, 0.99]], [[0.5, 0.5, 0.5, 0.5]]])  # (2, 1, 4)
    left, right = gate_saturation(gate)
    np.testing.assert_allclose(left, [0.25, 0.0])
    np.testing.assert_allclose(right, [0.5, 0.0])


def test_gate_view_marks_the_relevant_steps_and_shows_the_chosen_step(traces):
    traces, data = traces
    values = gate_values_at(traces, "forget", 2, 7)
    np.testing.assert_array_equal(values, traces["forget"][:, 2, 7])
    fig = plot_gate_view(traces, "forget", 2, 7, marks=data.positions[2])
    heatmap, bars = fig.axes[0], fig.axes[1]
    assert heatmap.images[0].get_array().shape == (5, 12)
    np.testing.assert_allclose([b.get_width() for b in bars.patches], values)


@pytest.mark.parametrize("name", ["forget", "update", "output", "candidate", "cell", "hidden"])
@pytest.mark.parametrize("example, step", [(0, 0), (2, 11)])
def test_gate_view_survives_every_gate_and_the_sliders_extremes(traces, name, example, step):
    traces, data = traces
    fig = plot_gate_view(traces, name, example, step, marks=data.positions[example])
    assert len(fig.axes) == 3


def test_gate_viewer_offers_every_gate_example_and_step(traces):
    traces, data = traces
    box = gate_viewer(traces, data.positions)
    gate, example, step = box.children[0].children
    assert list(gate.options) == list(traces)
    assert (example.max, step.max) == (2, 11)


def test_progress_bar_moves_to_the_end():
    callback = progress_bar(25, every=10)
    for step in range(25):
        callback(step, 0.5)
    bar, label = callback.widget.children
    assert bar.value == 25 and bar.bar_style == "success"
    assert label.value == "25 / 25, loss 0.500"


def test_progress_bar_counts_without_a_loss():
    callback = progress_bar(3, every=1)
    for done in range(3):
        callback(done)
    bar, label = callback.widget.children
    assert bar.value == 3 and label.value == "3 / 3"


def test_the_experiment_is_reproducible_and_returns_a_test_accuracy():
    first = temporal_order_experiment("lstm", 12, steps=3, n_a=4, test_size=50)
    second = temporal_order_experiment("lstm", 12, steps=3, n_a=4, test_size=50)
    for key in first[0]:
        np.testing.assert_array_equal(first[0][key], second[0][key])
    assert first[1]["loss"].shape == (3,)
    assert 0.0 <= first[2] <= 1.0 and first[2] == second[2]


def test_selectivity_is_the_difference_of_means_in_units_of_spread():
    values = np.array([[1.0, 3.0, 5.0, 7.0], [2.0, 2.0, 2.0, 2.0]])  # (n_a = 2, m = 4)
    is_y = np.array([False, False, True, True])
    d = gates.selectivity(values, is_y)
    assert d[0] == pytest.approx((2.0 - 6.0) / 1.0)  # spread: the root of the mean variance
    assert d[1] == 0.0  # a unit that never changes tells nothing apart
    assert gates.selectivity(values[:, :, None], is_y).shape == (2, 1)


def test_the_gate_histogram_draws_one_outline_per_set_and_the_thresholds():
    rng = np.random.default_rng(0)
    fig = helpers.plots.plot_gate_histogram(
        {"before": (rng.uniform(size=(4, 5, 6)), "0.55"), "after": (rng.uniform(size=50), "C0")}
    )
    axis = fig.axes[0]
    assert len(axis.patches) == 2
    assert sorted(line.get_xdata()[0] for line in axis.get_lines()) == [0.1, 0.9]
