"""Interactive widgets (ipywidgets). Each widget is a thin wrapper: the values it shows
come from a plain function that the tests and the notebooks' checked cells call directly,
and the figure from a function in helpers.plots that also draws the static figure.

Import it explicitly: `import helpers.widgets` (importing helpers alone does not load
ipywidgets).
"""

import ipywidgets as widgets
import matplotlib.pyplot as plt
import numpy as np
from IPython.display import display

from .gradient_flow import lstm_gradient_flow, rnn_gradient_flow
from .lstm import lstm_cell_forward
from .plots import plot_gate_heatmap, plot_gate_values, plot_gradient_flow

STYLE = {"description_width": "initial"}

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
    style = STYLE
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


def vanishing_curves(sigma, T_x, input_scale=1.0, seed=0):
    """What the vanishing-gradient explorer draws (04_vanishing_gradients).

    Parameters
    ----------
    sigma : float, largest singular value of the RNN's Waa
    T_x : int, sequence length
    input_scale : float, standard deviation of the inputs
    seed : int

    Returns
    -------
    curves : dict label -> ndarray (T_x,): the RNN, an LSTM with forget bias 1 on the
        same inputs, and the bound sigma^(T_x - 1 - t) of Pascanu et al. (2013) for tanh
    """
    rnn = rnn_gradient_flow(sigma, T_x, seed=seed, input_scale=input_scale)
    lstm = lstm_gradient_flow(T_x, forget_bias=1.0, seed=seed, input_scale=input_scale)
    bound = float(sigma) ** np.arange(T_x)[::-1]
    return {
        rf"RNN, $\sigma_{{\max}}(W_{{aa}})$ = {sigma:.2f}": rnn,
        "LSTM, forget bias 1": lstm,
        BOUND_LABEL: bound,
    }


BOUND_LABEL = r"bound $\sigma_{\max}^{\,T_x-1-t}$ (Pascanu et al. 2013)"
BOUND_STYLE = {"linestyle": "--", "color": "0.45", "linewidth": 1.2}


def plot_vanishing(sigma, T_x, input_scale=1.0, ax=None):
    """The explorer's figure for one setting (also the static figure after the widget)."""
    curves = vanishing_curves(sigma, T_x, input_scale)
    fig = plot_gradient_flow(curves, ax=ax, styles={BOUND_LABEL: BOUND_STYLE}, floor=1e-30)
    axis = fig.axes[0]
    axis.set_ylim(1e-30, 1e6)
    axis.set_title(f"$T_x$ = {T_x}, inputs of scale {input_scale:g}")
    return fig


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


def gate_values_at(traces, name, example, step):
    """The values one gate takes at one step for one example: ndarray (n_a,) (08)."""
    return np.asarray(traces[name])[:, example, step]


def plot_gate_view(traces, name, example, step, marks=()):
    """Heatmap of a gate for one example, and its values at one step (08)."""
    fig, (left, right) = plt.subplots(
        1, 2, figsize=(9.5, 3.8), gridspec_kw={"width_ratios": [4, 1.2]}
    )
    plot_gate_heatmap(traces[name][:, example, :], name, marks=marks, step=step, ax=left)
    values = gate_values_at(traces, name, example, step)
    units = np.arange(values.size)
    right.barh(units, values, color="#D55E00")
    right.set_ylim(values.size - 0.5, -0.5)
    low, high = (0.0, 1.0) if name in ("forget", "update", "output") else (-1.05, 1.05)
    right.set_xlim(min(low, values.min()), max(high, values.max()))
    right.set_title(f"at t = {step}")
    right.set_yticks([])
    return fig


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


def sample_table(cell, parameters, training_names, temperature, n=12, seed=0):
    """What the name sampler shows (09): n names sampled at a temperature, and the share
    of them that are new (not in the training names).

    Returns
    -------
    names : list of n str
    novel : float in [0, 1]
    """
    from .language_model import novel_share, sample

    names = sample(cell, parameters, n, np.random.default_rng(seed), temperature=temperature)
    return names, novel_share(names, training_names)


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
