"""The gate explorers of 05_lstm_cell (LSTM) and 11_gru: their values, figures and sliders."""

import matplotlib

matplotlib.use("Agg")

import ipywidgets  # noqa: E402
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
import pytest  # noqa: E402

import helpers  # noqa: E402
from helpers.gates import one_unit_gru_step, one_unit_lstm_step  # noqa: E402
from helpers.widgets import gate_explorer, gru_gate_explorer  # noqa: E402


@pytest.fixture(autouse=True)
def close_figures():
    yield
    plt.close("all")


def sigmoid(z):
    return 1 / (1 + np.exp(-z))


def test_gates_are_the_activations_of_their_pre_activations():
    v = one_unit_lstm_step(z_f=2.0, z_i=-1.0, z_c=0.5, z_o=3.0, c_prev=1.5)
    assert v["ft"] == pytest.approx(sigmoid(2.0))
    assert v["it"] == pytest.approx(sigmoid(-1.0))
    assert v["cct"] == pytest.approx(np.tanh(0.5))
    assert v["ot"] == pytest.approx(sigmoid(3.0))


def test_memory_and_hidden_state_follow_the_lstm_equations():
    v = one_unit_lstm_step(z_f=0.3, z_i=0.7, z_c=-1.2, z_o=0.1, c_prev=-0.8)
    assert v["c_prev"] == -0.8
    assert v["c_next"] == pytest.approx(v["ft"] * v["c_prev"] + v["it"] * v["cct"])
    assert v["a_next"] == pytest.approx(v["ot"] * np.tanh(v["c_next"]))


def test_open_forget_gate_and_closed_update_gate_keep_the_memory():
    v = one_unit_lstm_step(z_f=6.0, z_i=-6.0, z_c=1.0, z_o=0.0, c_prev=1.0)
    assert v["c_next"] == pytest.approx(1.0, abs=0.01)


def test_closed_forget_gate_and_open_update_gate_write_the_candidate():
    v = one_unit_lstm_step(z_f=-6.0, z_i=6.0, z_c=1.0, z_o=0.0, c_prev=2.0)
    assert v["c_next"] == pytest.approx(np.tanh(1.0), abs=0.01)


@pytest.mark.parametrize("extreme", [-6.0, 6.0])
def test_values_stay_in_range_at_the_sliders_extremes(extreme):
    v = one_unit_lstm_step(extreme, extreme, extreme, extreme, c_prev=2.0 * np.sign(extreme))
    assert all(0 < v[k] < 1 for k in ("ft", "it", "ot"))
    assert -1 < v["cct"] < 1 and -1 < v["a_next"] < 1
    assert abs(v["c_next"]) < 3.3  # inside the chart's y-limits


def test_the_figure_draws_seven_labelled_bars():
    fig = helpers.plot_gate_values(one_unit_lstm_step(1.0, 1.0, 1.0, 1.0, 1.0))
    bars = fig.axes[0].containers[0]
    assert len(bars) == 7
    assert [round(b.get_height(), 6) for b in bars][:3] == [round(sigmoid(1.0), 6)] * 3


def test_the_widget_has_five_sliders_covering_their_ranges():
    box = gate_explorer()
    sliders = [w for w in box.children[0].children if isinstance(w, ipywidgets.FloatSlider)]
    assert len(sliders) == 5
    assert [(s.min, s.max) for s in sliders] == [(-6.0, 6.0)] * 4 + [(-2.0, 2.0)]


def test_moving_a_slider_redraws_the_figure():
    box = gate_explorer()
    output = box.children[1]
    sliders = box.children[0].children
    drawn = []
    original = helpers.widgets.plot_gate_values
    helpers.widgets.plot_gate_values = lambda values: drawn.append(values) or original(values)
    try:
        sliders[0].value = sliders[0].max
        sliders[0].value = sliders[0].min
    finally:
        helpers.widgets.plot_gate_values = original
    assert [round(v["ft"], 4) for v in drawn] == [round(sigmoid(6.0), 4), round(sigmoid(-6.0), 4)]
    assert isinstance(output, ipywidgets.Output)


# The GRU's explorer (11_gru).
def test_gru_gates_and_candidate_follow_their_pre_activations():
    v = one_unit_gru_step(z_r=1.5, z_u=-0.5, z_x=0.3, a_prev=-1.2)
    assert v["rt"] == pytest.approx(sigmoid(1.5))
    assert v["ut"] == pytest.approx(sigmoid(-0.5))
    assert v["cct"] == pytest.approx(np.tanh(v["rt"] * -1.2 + 0.3))  # w_c = 1
    assert v["a_next"] == pytest.approx(v["ut"] * v["cct"] + (1 - v["ut"]) * -1.2)


def test_a_shut_gru_update_gate_keeps_the_state_and_a_shut_reset_hides_it():
    assert one_unit_gru_step(z_r=0.0, z_u=-6.0, z_x=1.0, a_prev=1.5)["a_next"] == (
        pytest.approx(1.5, abs=0.01)
    )
    assert one_unit_gru_step(z_r=-6.0, z_u=0.0, z_x=0.4, a_prev=2.0)["cct"] == (
        pytest.approx(np.tanh(0.4), abs=0.01)
    )


@pytest.mark.parametrize("extreme", [-6.0, 6.0])
def test_gru_values_stay_inside_the_chart_at_the_sliders_extremes(extreme):
    v = one_unit_gru_step(extreme, extreme, extreme, a_prev=2.0 * np.sign(extreme))
    assert 0 < v["rt"] < 1 and 0 < v["ut"] < 1 and -1 < v["cct"] < 1
    assert abs(v["a_next"]) <= 2.0  # between the candidate and a_prev: inside the y-limits
    fig = helpers.plot_gru_gate_values(v)
    assert len(fig.axes[0].containers[0]) == 5


def test_moving_a_gru_slider_redraws_the_figure():
    box = gru_gate_explorer()
    sliders = [w for w in box.children[0].children if isinstance(w, ipywidgets.FloatSlider)]
    assert [(s.min, s.max) for s in sliders] == [(-6.0, 6.0)] * 3 + [(-2.0, 2.0)]
    drawn = []
    original = helpers.widgets.plot_gru_gate_values
    helpers.widgets.plot_gru_gate_values = lambda values: drawn.append(values) or original(values)
    try:
        sliders[1].value = sliders[1].max  # the update gate
    finally:
        helpers.widgets.plot_gru_gate_values = original
    assert [round(v["ut"], 4) for v in drawn] == [round(sigmoid(6.0), 4)]
