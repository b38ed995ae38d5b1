"""Figures return a figure and accept an axis; the notebook setup and the import are tidy."""

import os
import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def test_plot_activations_draws_two_curves():
    fig = helpers.plot_activations()
    labels = [text.get_text() for text in fig.axes[0].get_legend().get_texts()]
    assert len(labels) == 2 and "tanh" in labels[1]


def test_plot_softmax_draws_one_bar_per_class():
    fig = helpers.plot_softmax(np.array([1.0, 2.0, 0.5]), labels=["a", "b", "c"])
    assert len(fig.axes[0].patches) == 3


def test_plot_hidden_states_draws_on_a_given_axis(rng):
    fig, ax = plt.subplots()
    returned = helpers.plot_hidden_states(np.tanh(rng.normal(size=(4, 2, 6))), example=1, ax=ax)
    assert returned is fig
    assert ax.images[0].get_array().shape == (4, 6)


def test_plot_hidden_states_rejects_a_single_step(rng):
    with pytest.raises(ValueError, match=r"\(n_a, m, T_x\)"):
        helpers.plot_hidden_states(rng.normal(size=(4, 2)))


def test_plot_unit_traces_draws_one_line_per_unit(rng):
    fig = helpers.plot_unit_traces(np.tanh(rng.normal(size=(4, 2, 6))), units=[0, 3])
    assert len(fig.axes[0].lines) == 2


def test_setup_notebook_restores_numpys_default_print_options():
    np.set_printoptions(precision=3, linewidth=200)
    try:
        helpers.setup_notebook()
        options = np.get_printoptions()
        assert options["precision"] == 8
        assert options["linewidth"] == 75
    finally:
        np.set_printoptions(precision=8, linewidth=75)


def test_setup_notebook_sets_the_course_style():
    helpers.setup_notebook()
    try:
        assert matplotlib.rcParams["axes.spines.top"] is False
        assert tuple(matplotlib.rcParams["figure.figsize"]) == (7.0, 3.6)
    finally:
        matplotlib.rcdefaults()


def test_importing_helpers_changes_no_global_state():
    code = (
        "import matplotlib, numpy as np, threadpoolctl\n"
        "rc, po = dict(matplotlib.rcParams), np.get_printoptions()\n"
        "threads = threadpoolctl.threadpool_info()\n"
        "import helpers\n"
        "assert dict(matplotlib.rcParams) == rc\n"
        "assert np.get_printoptions() == po\n"
        "assert threadpoolctl.threadpool_info() == threads\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, env={**os.environ, "CPU_LIMIT": "1"})


def test_the_unrolled_rnn_has_one_box_per_step():
    from helpers import diagrams

    fig = diagrams.draw_unrolled_rnn(T_x=5)
    boxes = [t for t in fig.axes[0].texts if t.get_text() == "RNN cell"]
    assert len(boxes) == 5


@pytest.mark.parametrize("backward", [False, True])
def test_the_unrolled_lstm_has_one_box_per_step_and_names_its_end_states(backward):
    from helpers import diagrams

    fig = diagrams.draw_unrolled_lstm(T_x=3, backward=backward)
    axis = fig.axes[0]
    assert len(axis.patches) == 3
    labels = {t.get_text() for t in axis.texts}
    assert {"da0", "dc0"} <= labels if backward else {"a0", "c0 = 0"} <= labels


def test_the_memory_layouts_outline_the_same_step_in_both_orders():
    from helpers import diagrams

    n, m, T, step = 3, 2, 4, 1
    fig = diagrams.draw_memory_layouts(n, m, T, step)
    course, time_major = fig.axes
    outlined = [
        [k for k, patch in enumerate(axis.patches) if patch.get_linewidth() > 0 and
         patch.get_edgecolor()[3] > 0]
        for axis in (course, time_major)
    ]  # fmt: skip
    # (n, m, T_x): every T-th address, strided; (T_x, m, n): one contiguous run of n m
    assert outlined[0] == list(range(step, n * m * T, T))
    assert outlined[1] == list(range(step * n * m, (step + 1) * n * m))
