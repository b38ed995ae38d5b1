"""Figures of the course. Each takes its data and an optional matplotlib axis and
returns the figure, so that a widget and the static figure after it share one function."""

import matplotlib.pyplot as plt
import numpy as np

from .activations import sigmoid, softmax


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
