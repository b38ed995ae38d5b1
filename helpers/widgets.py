"""Interactive widgets (ipywidgets). Each widget is a thin wrapper: the values it shows
come from a plain function that the tests and the notebooks' checked cells call directly,
and the figure from a function in helpers.plots that also draws the static figure.

Import it explicitly: `import helpers.widgets` (importing helpers alone does not load
ipywidgets).
"""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np

from .lstm import lstm_cell_forward
from .plots import plot_gate_values

PRE_ACTIVATION_RANGE = (-6.0, 6.0)
C_PREV_RANGE = (-2.0, 2.0)


def one_unit_lstm_step(z_f, z_i, z_c, z_o, c_prev):
    """One step of a single-unit LSTM whose gate pre-activations are given (05_lstm_cell).

    The step runs the reference lstm_cell_forward with n_a = n_x = 1, zero weights and
    zero inputs, so each gate's pre-activation is its bias: ft = sigmoid(z_f),
    it = sigmoid(z_i), cct = tanh(z_c), ot = sigmoid(z_o).

    Parameters
    ----------
    z_f, z_i, z_c, z_o : float, pre-activations of the forget gate, update gate,
        candidate and output gate
    c_prev : float, the memory cell before the step

    Returns
    -------
    values : dict of floats ft, it, cct, ot, c_prev, c_next, a_next
    """
    parameters = {"Wy": np.ones((1, 1)), "by": np.zeros((1, 1))}
    for gate, z in zip("fico", (z_f, z_i, z_c, z_o)):
        parameters[f"W{gate}"] = np.zeros((1, 2))
        parameters[f"b{gate}"] = np.array([[z]], dtype=float)
    zero = np.zeros((1, 1))
    a_next, c_next, _, cache = lstm_cell_forward(zero, zero, np.array([[c_prev]]), parameters)
    _, _, _, _, ft, it, cct, ot, _, _ = cache
    values = {"ft": ft, "it": it, "cct": cct, "ot": ot, "c_prev": np.array(c_prev)}
    values.update(c_next=c_next, a_next=a_next)
    return {key: float(np.asarray(value).reshape(())) for key, value in values.items()}


def gate_explorer(z_f=2.0, z_i=-1.0, z_c=1.0, z_o=1.0, c_prev=1.0):
    """Sliders for one LSTM unit's gate pre-activations and c_prev, redrawing its bar chart.

    Returns
    -------
    ipywidgets.VBox : the sliders above the figure; display it as a cell's last value.
    """
    low, high = PRE_ACTIVATION_RANGE
    style = {"description_width": "initial"}
    sliders = {
        name: widgets.FloatSlider(
            value=value,
            min=low,
            max=high,
            step=0.5,
            description=label,
            continuous_update=False,
            style=style,
        )
        for name, value, label in [
            ("z_f", z_f, "forget gate z_f"),
            ("z_i", z_i, "update gate z_i"),
            ("z_c", z_c, "candidate z_c"),
            ("z_o", z_o, "output gate z_o"),
        ]
    }
    sliders["c_prev"] = widgets.FloatSlider(
        value=c_prev,
        min=C_PREV_RANGE[0],
        max=C_PREV_RANGE[1],
        step=0.25,
        description="memory c_prev",
        continuous_update=False,
        style=style,
    )

    def redraw(**inputs):
        plot_gate_values(one_unit_lstm_step(**inputs))
        plt.show()

    figure = widgets.interactive_output(redraw, sliders)
    controls = widgets.GridBox(
        list(sliders.values()),
        layout=widgets.Layout(grid_template_columns="repeat(3, 320px)"),
    )
    return widgets.VBox([controls, figure])
