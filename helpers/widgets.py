"""Interactive widgets (ipywidgets), and nothing else. Each widget is a thin wrapper: the
values it shows come from a plain function in another module (gates, gradient_flow,
language_model) that the tests and the notebooks' checked cells call directly, and the
figure from a function in helpers.plots that also draws the static figure.

Import it explicitly: `from helpers import widgets` (importing helpers alone does not
load ipywidgets).
"""

import ipywidgets as widgets
import matplotlib.pyplot as plt
from IPython.display import display

from .gates import one_unit_gru_step, one_unit_lstm_step
from .language_model import sample_table
from .plots import plot_gate_values, plot_gate_view, plot_gru_gate_values, plot_vanishing

STYLE = {"description_width": "initial"}

PRE_ACTIVATION_RANGE = (-6.0, 6.0)
C_PREV_RANGE = (-2.0, 2.0)


def _slider(value, low, high, step, label):
    return widgets.FloatSlider(value=value, min=low, max=high, step=step, description=label,
                               continuous_update=False, style=STYLE)  # fmt: skip


def _explorer(sliders, draw, columns):
    """The sliders in a grid above an output that draw(**slider values) redraws."""

    def redraw(**inputs):
        draw(**inputs)
        plt.show()

    figure = widgets.interactive_output(redraw, sliders)
    layout = widgets.Layout(grid_template_columns=f"repeat({columns}, 320px)")
    return widgets.VBox([widgets.GridBox(list(sliders.values()), layout=layout), figure])


def gate_explorer(z_f=2.0, z_i=-1.0, z_c=1.0, z_o=1.0, c_prev=1.0):
    """Sliders for one LSTM unit's gate pre-activations and c_prev, redrawing its bar chart.

    Returns
    -------
    ipywidgets.VBox : the sliders above the figure; display it as a cell's last value.
    """
    low, high = PRE_ACTIVATION_RANGE
    sliders = {
        "z_f": _slider(z_f, low, high, 0.5, "forget gate z_f"),
        "z_i": _slider(z_i, low, high, 0.5, "update gate z_i"),
        "z_c": _slider(z_c, low, high, 0.5, "candidate z_c"),
        "z_o": _slider(z_o, low, high, 0.5, "output gate z_o"),
        "c_prev": _slider(c_prev, *C_PREV_RANGE, 0.25, "memory c_prev"),
    }
    return _explorer(sliders, lambda **v: plot_gate_values(one_unit_lstm_step(**v)), columns=3)


def gru_gate_explorer(z_r=2.0, z_u=-1.0, z_x=0.5, a_prev=1.0):
    """Sliders for one GRU unit's gate pre-activations, the input's share of its candidate
    and a_prev, redrawing its bar chart (11_gru).

    Returns
    -------
    ipywidgets.VBox : the sliders above the figure; display it as a cell's last value.
    """
    low, high = PRE_ACTIVATION_RANGE
    sliders = {
        "z_r": _slider(z_r, low, high, 0.5, "reset gate z_r"),
        "z_u": _slider(z_u, low, high, 0.5, "update gate z_u"),
        "z_x": _slider(z_x, low, high, 0.5, "candidate, input z_x"),
        "a_prev": _slider(a_prev, *C_PREV_RANGE, 0.25, "old state a_prev"),
    }
    return _explorer(sliders, lambda **v: plot_gru_gate_values(one_unit_gru_step(**v)), columns=2)


def vanishing_explorer(sigma=1.0, T_x=60, input_scale=1.0):
    """Sliders for sigma_max(Waa), the sequence length and the input scale (04)."""
    controls = {
        "sigma": widgets.FloatSlider(
            value=sigma, min=0.1, max=3.0, step=0.1, description="sigma_max(Waa)",
            continuous_update=False, style=STYLE,
        ),
        "T_x": widgets.IntSlider(
            value=T_x, min=2, max=200, step=2, description="length T_x",
            continuous_update=False, style=STYLE,
        ),
        "input_scale": widgets.FloatSlider(
            value=input_scale, min=0.0, max=3.0, step=0.1, description="input scale",
            continuous_update=False, style=STYLE,
        ),
    }  # fmt: skip

    def redraw(sigma, T_x, input_scale):
        plot_vanishing(sigma, T_x, input_scale)
        plt.show()

    figure = widgets.interactive_output(redraw, controls)
    return widgets.VBox([widgets.HBox(list(controls.values())), figure])


def progress_bar(total, description="training", every=10):
    """Show a progress bar and return a callback(step, loss) that moves it.

    Parameters
    ----------
    total : int, number of steps
    description : str, shown left of the bar
    every : int, the bar moves every `every` steps (and at the last one)

    Returns
    -------
    callback : callable (step, loss=None) -> None, for helpers.train functions (step
        counts from 0; without a loss the label shows the count alone); its attribute
        `widget` is the displayed box (the bar and a label)
    """
    bar = widgets.IntProgress(value=0, min=0, max=total, description=description, style=STYLE)
    label = widgets.Label(value="")
    box = widgets.HBox([bar, label])
    display(box)

    def callback(step, loss=None):
        if (step + 1) % every == 0 or step + 1 == total:
            bar.value = step + 1
            label.value = f"{step + 1} / {total}" + ("" if loss is None else f", loss {loss:.3f}")
            if step + 1 == total:
                bar.bar_style = "success"

    callback.widget = box
    return callback


def gate_viewer(traces, marks, name="forget", example=0, step=None):
    """Choose a gate, an example and a time step; see the heatmap and the values (08).

    Parameters
    ----------
    traces : dict name -> ndarray (n_a, m, T_x), from helpers.gates.lstm_gate_traces
    marks : ndarray of int, shape (m, k), the steps to mark for each example
    """
    n_a, m, T_x = traces[name].shape
    controls = {
        "name": widgets.Dropdown(options=list(traces), value=name, description="gate"),
        "example": widgets.IntSlider(
            value=example, min=0, max=m - 1, description="example", continuous_update=False
        ),
        "step": widgets.IntSlider(
            value=T_x - 1 if step is None else step, min=0, max=T_x - 1,
            description="time step", continuous_update=False,
        ),
    }  # fmt: skip

    def redraw(name, example, step):
        plot_gate_view(traces, name, example, step, marks=marks[example])
        plt.show()

    figure = widgets.interactive_output(redraw, controls)
    return widgets.VBox([widgets.HBox(list(controls.values())), figure])


def name_sampler(cell, parameters, training_names, temperature=1.0, n=12):
    """A temperature slider and a seed slider; prints freshly sampled names (09)."""
    controls = {
        "temperature": widgets.FloatSlider(
            value=temperature, min=0.1, max=2.5, step=0.1, description="temperature",
            continuous_update=False, style=STYLE,
        ),
        "seed": widgets.IntSlider(value=0, min=0, max=99, description="seed",
                                  continuous_update=False, style=STYLE),
    }  # fmt: skip

    known = set(training_names)

    def show(temperature, seed):
        names, novel = sample_table(cell, parameters, training_names, temperature, n, seed)
        marked = [(name or "(empty)") + ("" if name in known else " *") for name in names]
        print("\n".join(marked))
        print(f"\n* not in the training set: {novel:.0%} of these {n}")

    output = widgets.interactive_output(show, controls)
    return widgets.VBox([widgets.HBox(list(controls.values())), output])
