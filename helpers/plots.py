"""Figures of the course. Each takes its data and an optional matplotlib axis and
returns the figure, so that a widget and the static figure after it share one function.

STYLES (defined in helpers.style, and importable from here) is the course's one table of
how each model is drawn: a colour, a marker and a line style, so that the same model looks
the same in every notebook and no two models differ by colour alone. Every figure takes
its lines from it (style(name)); a setting swept for one model (04's sigma_max, 11's
update bias) takes the model's colour family through sweep_styles.
"""

import matplotlib.pyplot as plt
import numpy as np

from .activations import sigmoid, softmax
from .gates import SIGMOID_GATES, gate_values_at
from .gradient_flow import BOUND_LABEL, vanishing_curves
from .style import REFERENCE, STYLES, style, sweep_styles  # noqa: F401  (the style table)


def _axis(ax, **figure_kw):
    if ax is None:
        fig, ax = plt.subplots(**figure_kw)
    return ax.figure, ax


def plot_activations(z=None, ax=None):
    """sigmoid and tanh against their input (01_rnn_cell).

    Parameters
    ----------
    z : ndarray, shape (k,), inputs to draw; -6..6 by default
    ax : matplotlib Axes, optional
    """
    z = np.linspace(-6, 6, 241) if z is None else np.asarray(z, dtype=float)
    fig, ax = _axis(ax)
    ax.plot(z, sigmoid(z), label=r"$\sigma(z) = 1 / (1 + e^{-z})$")
    ax.plot(z, np.tanh(z), label=r"$\tanh(z)$")
    ax.axhline(0, color="0.5", linewidth=0.8)
    ax.set_xlabel("$z$")
    ax.set_ylim(-1.1, 1.1)
    ax.legend(loc="upper left")
    ax.set_title("sigmoid squashes into (0, 1), tanh into (-1, 1)")
    return fig


def plot_softmax(scores, labels=None, ax=None):
    """Bar chart of softmax(scores) for one example (01_rnn_cell).

    Parameters
    ----------
    scores : ndarray, shape (n_y,), the scores of one example
    labels : list of n_y str, optional
    ax : matplotlib Axes, optional
    """
    scores = np.asarray(scores, dtype=float).reshape(-1)
    probs = softmax(scores)
    labels = labels or [str(k) for k in range(scores.size)]
    fig, ax = _axis(ax)
    bars = ax.bar(labels, probs)
    ax.bar_label(bars, fmt="%.2f")
    ax.set_ylim(0, 1.1)
    ax.set_ylabel("probability")
    ax.set_title("softmax turns scores into probabilities that sum to 1")
    return fig


def plot_hidden_states(a, example=0, ax=None):
    """Heatmap of one example's hidden states, units x time (02_rnn_sequence).

    Parameters
    ----------
    a : ndarray, shape (n_a, m, T_x), hidden states from rnn_forward
    example : int, which of the m examples to draw
    ax : matplotlib Axes, optional
    """
    a = np.asarray(a, dtype=float)
    if a.ndim != 3:
        raise ValueError(f"plot_hidden_states: a should have shape (n_a, m, T_x), got {a.shape}.")
    n_a, _, T_x = a.shape
    fig, ax = _axis(ax)
    image = ax.imshow(a[:, example, :], vmin=-1, vmax=1, aspect="auto", interpolation="nearest")
    ax.grid(False)
    ax.set_xlabel("time step $t$")
    ax.set_ylabel("hidden unit")
    ax.set_xticks(range(0, T_x, max(1, T_x // 10)))
    ax.set_yticks(range(0, n_a, max(1, n_a // 8)))
    fig.colorbar(image, ax=ax, label=r"$a^{\langle t \rangle}$")
    ax.set_title(f"hidden states of example {example}")
    return fig


def plot_unit_traces(a, units, example=0, ax=None):
    """Line plot of a few hidden units over time for one example (02_rnn_sequence).

    Parameters
    ----------
    a : ndarray, shape (n_a, m, T_x)
    units : list of int, the units to draw
    example : int
    ax : matplotlib Axes, optional
    """
    a = np.asarray(a, dtype=float)
    fig, ax = _axis(ax)
    steps = np.arange(a.shape[2])
    for unit in units:
        ax.plot(steps, a[unit, example, :], marker="o", markersize=3, label=f"unit {unit}")
    ax.set_ylim(-1.05, 1.05)
    ax.set_xlabel("time step $t$")
    ax.set_ylabel(r"$a^{\langle t \rangle}$")
    ax.legend(loc="upper right", ncol=len(units))
    return fig


def plot_gradient_flow(curves, ax=None, title=None, styles=None, floor=1e-300):
    """Gradient norm against how many steps back it travelled, on a log scale (04, 05, 06).

    Parameters
    ----------
    curves : dict label -> ndarray of shape (T_x,), e.g. from state_gradient_norms;
        entry t is drawn at T_x - 1 - t steps back
    ax : matplotlib Axes, optional
    title : str, optional
    styles : dict label -> dict of matplotlib line options, optional
        (e.g. {"bound": {"linestyle": "--", "color": "0.4"}})
    floor : float, values below it (zero included) are drawn at it, since a log
        axis cannot show zero
    """
    fig, ax = _axis(ax)
    styles = styles or {}
    for label, norms in curves.items():
        norms = np.asarray(norms, dtype=float)
        steps_back = np.arange(norms.size)[::-1]
        ax.semilogy(steps_back, np.maximum(norms, floor), label=label, **styles.get(label, {}))
    ax.set_xlabel("steps back from the loss, $T_x - 1 - t$")
    ax.set_ylabel(r"$\Vert \partial L / \partial a^{\langle t \rangle} \Vert$")
    ax.legend(loc="lower left")
    if title:
        ax.set_title(title)
    return fig


GATE_LABELS = {
    "ft": "forget\n$f$",
    "it": "update\n$i$",
    "ot": "output\n$o$",
    "cct": "candidate\n$\\tilde c$",
    "c_prev": "old memory\n$c^{\\langle t-1 \\rangle}$",
    "c_next": "new memory\n$c^{\\langle t \\rangle}$",
    "a_next": "hidden\n$a^{\\langle t \\rangle}$",
}


GATE_EQUATIONS = (
    r"$c^{\langle t \rangle} = f\, c^{\langle t-1 \rangle} + i\, \tilde c$,   "
    r"$a^{\langle t \rangle} = o \, \tanh(c^{\langle t \rangle})$"
)


def _gate_bars(values, labels, gates, rest, colors, y_limit, ax, figsize, title):
    """One unit's step as labelled bars: the first `gates` bars (shaded) are gates in
    (0, 1), the others (`rest` says what they are) use the colours `colors`."""
    fig, ax = _axis(ax, figsize=figsize)
    keys = list(labels)
    bars = ax.bar([labels[k] for k in keys], [float(values[k]) for k in keys],
                  color=["#0072B2"] * gates + colors)  # fmt: skip
    ax.bar_label(bars, fmt="%.2f", padding=2)
    ax.axhline(0, color="0.3", linewidth=0.8)
    ax.axvspan(-0.5, gates - 0.5, color="#0072B2", alpha=0.07, linewidth=0)
    ax.text((gates - 1) / 2, y_limit - 0.4, "gates, in (0, 1)", ha="center", color="#0072B2")
    ax.text((gates + len(keys) - 1) / 2, y_limit - 0.4, rest, ha="center", color="0.3")
    ax.set_ylim(-y_limit, y_limit)
    ax.grid(axis="x", visible=False)
    ax.set_title(title)
    return fig


def plot_gate_values(values, ax=None, title=GATE_EQUATIONS):
    """Bar chart of one LSTM unit's step: gates, candidate, memory before/after, output.

    Parameters
    ----------
    values : dict with float entries ft, it, ot, cct, c_prev, c_next, a_next
        (as returned by helpers.widgets.one_unit_lstm_step); |c_prev| <= 2 fits the axis
    ax : matplotlib Axes, optional
    title : str, optional, the axis title (the cell's equations by default)
    """
    rest, colors = (
        "candidate in (-1, 1), memory, output",
        ["#E69F00", "#999999", "#009E73", "#CC79A7"],
    )
    return _gate_bars(values, GATE_LABELS, 3, rest, colors, 3.3, ax, (8.0, 3.8), title)


GRU_GATE_LABELS = {
    "rt": "reset\n$r$",
    "ut": "update\n$u$",
    "cct": "candidate\n$\\tilde a$",
    "a_prev": "old state\n$a^{\\langle t-1 \\rangle}$",
    "a_next": "new state\n$a^{\\langle t \\rangle}$",
}
GRU_GATE_EQUATIONS = (
    r"$\tilde a = \tanh(w_c\, r\, a^{\langle t-1 \rangle} + z_x)$,   "
    r"$a^{\langle t \rangle} = u\, \tilde a + (1 - u)\, a^{\langle t-1 \rangle}$"
)


def plot_gru_gate_values(values, ax=None, title=GRU_GATE_EQUATIONS):
    """Bar chart of one GRU unit's step: the two gates, the candidate, the old and new state.

    Parameters
    ----------
    values : dict with float entries rt, ut, cct, a_prev, a_next (as returned by
        helpers.gates.one_unit_gru_step); |a_prev| <= 2 fits the axis
    ax : matplotlib Axes, optional
    title : str, optional, the axis title (the step's equations by default)
    """
    rest, colors = "candidate in (-1, 1), states", ["#E69F00", "#999999", "#009E73"]
    return _gate_bars(values, GRU_GATE_LABELS, 2, rest, colors, 2.9, ax, (7.0, 3.8), title)


GATE_RANGES = {
    "forget": (0.0, 1.0, "viridis"),
    "update": (0.0, 1.0, "viridis"),
    "output": (0.0, 1.0, "viridis"),
    "candidate": (-1.0, 1.0, "RdBu_r"),
    "hidden": (-1.0, 1.0, "RdBu_r"),
}


def plot_gate_heatmap(trace, name, marks=(), step=None, ax=None):
    """Units x time heatmap of one example's gate (or memory, or state) (08).

    Parameters
    ----------
    trace : ndarray, shape (n_a, T_x), one example's values of the gate called `name`
    name : str, forget, update, output, candidate, cell or hidden
    marks : sequence of int, time steps to mark (e.g. the relevant symbols)
    step : int, optional, a time step to highlight
    ax : matplotlib Axes, optional
    """
    trace = np.asarray(trace, dtype=float)
    if trace.ndim != 2:
        raise ValueError(f"plot_gate_heatmap: trace should be (n_a, T_x), got {trace.shape}.")
    n_a, T_x = trace.shape
    limit = max(1.0, float(np.abs(trace).max()))
    vmin, vmax, cmap = GATE_RANGES.get(name, (-limit, limit, "RdBu_r"))
    fig, ax = _axis(ax)
    image = ax.imshow(trace, vmin=vmin, vmax=vmax, cmap=cmap, aspect="auto",
                      interpolation="nearest")  # fmt: skip
    ax.grid(False)
    for t in marks:
        ax.axvline(t, color="white", linewidth=1.5, linestyle="--")
        ax.axvline(t, color="black", linewidth=0.6, linestyle="--")
    if step is not None:
        ax.axvspan(step - 0.5, step + 0.5, facecolor="none", edgecolor="#D55E00", linewidth=2)
    ax.set_xlabel("time step $t$")
    ax.set_ylabel("unit")
    ax.set_xlim(-0.5, T_x - 0.5)
    ax.set_ylim(n_a - 0.5, -0.5)
    fig.colorbar(image, ax=ax, label=name)
    ax.set_title(f"{name}: units x time (dashed: relevant symbols)")
    return fig


def plot_saturation(fractions, ax=None):
    """Saturation plot after Karpathy, Johnson & Fei-Fei 2015 (08).

    Parameters
    ----------
    fractions : dict gate name -> (left, right), each an ndarray (n_a,): per unit, the
        fraction of steps the gate is below 0.1 (left) and above 0.9 (right)
    ax : matplotlib Axes, optional
    """
    fig, ax = _axis(ax, figsize=(4.8, 4.4))
    ax.plot([0, 1], [1, 0], color="0.6", linewidth=0.8)
    for name, (left, right) in fractions.items():
        ax.scatter(left, right, s=22, alpha=0.75, label=name)
    ax.set_xlim(-0.02, 1.02)
    ax.set_ylim(-0.02, 1.02)
    ax.set_aspect("equal")
    ax.set_xlabel("fraction of steps with gate < 0.1")
    ax.set_ylabel("fraction of steps with gate > 0.9")
    ax.legend(loc="upper right")
    ax.set_title("gate saturation, one dot per unit")
    return fig


BOUND_STYLE = REFERENCE


def plot_vanishing(sigma, T_x, input_scale=1.0, ax=None):
    """The explorer's figure for one setting (also the static figure after the widget)."""
    curves = vanishing_curves(sigma, T_x, input_scale)
    rnn_label, lstm_label = list(curves)[:2]  # the RNN's label carries sigma
    styles = {rnn_label: style("rnn"), lstm_label: style("lstm"), BOUND_LABEL: BOUND_STYLE}
    fig = plot_gradient_flow(curves, ax=ax, styles=styles, floor=1e-30)
    axis = fig.axes[0]
    axis.set_ylim(1e-30, 1e6)
    axis.set_title(f"$T_x$ = {T_x}, inputs of scale {input_scale:g}")
    return fig


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
    low, high = (0.0, 1.0) if name in SIGMOID_GATES else (-1.05, 1.05)
    right.set_xlim(min(low, values.min()), max(high, values.max()))
    right.set_title(f"at t = {step}")
    right.set_yticks([])
    return fig


def plot_gate_histogram(values, ax=None, low=0.1, high=0.9):
    """The distribution of a gate's values, one outline per set (08): every unit, example
    and step together, with the saturation thresholds dashed.

    Parameters
    ----------
    values : dict label -> (ndarray of values in [0, 1], any shape; colour)
    ax : matplotlib Axes, optional
    low, high : float, the thresholds of left and right saturation
    """
    fig, ax = _axis(ax, figsize=(5.0, 4.0))
    bins = np.linspace(0, 1, 51)
    for label, (gate, color) in values.items():
        options = {"histtype": "step", "linewidth": 1.8, "color": color, "label": label}
        ax.hist(np.ravel(gate), bins=bins, density=True, **options)
    for edge in (low, high):
        ax.axvline(edge, color="0.3", linestyle="--", linewidth=0.8)
    ax.set_ylabel("density (all units, examples, steps)")
    ax.legend(loc="upper left")
    return fig


def plot_solved_counts(counts, variants, lengths, n_seeds, ax=None):
    """A grid of how many seeds each variant solved at each length, the count written in
    every cell and the cell shaded by it (darker: more solved), so that the figure reads
    like the table it comes from (13).

    Parameters
    ----------
    counts : dict (variant, T) -> int, seeds solved
    variants : sequence of str, the rows, top to bottom
    lengths : sequence of int, the columns
    n_seeds : int, seeds per cell
    ax : matplotlib Axes, optional
    """
    fig, ax = _axis(ax, figsize=(6.4, 0.42 * len(variants) + 1.2))
    grid = np.array([[counts[v, T] / n_seeds for T in lengths] for v in variants])
    ax.imshow(grid, cmap="Blues", vmin=0, vmax=1.25, aspect="auto")
    for row, variant in enumerate(variants):
        for col, T in enumerate(lengths):
            dark = grid[row, col] > 0.6
            ax.text(col, row, f"{counts[variant, T]} of {n_seeds}", ha="center",
                    va="center", color="white" if dark else "black")  # fmt: skip
    ax.set_xticks(range(len(lengths)), [f"T = {T}" for T in lengths])
    ax.set_yticks(range(len(variants)), variants)
    ax.tick_params(length=0)
    ax.grid(False)
    ax.set_xlabel("sequence length")
    return fig
