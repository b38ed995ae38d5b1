"""Figures that set the trained RNN beside the trained LSTM: accuracy over many seeds (07)
and samples over a range of temperatures (09). Each cell keeps its colour and marker from
helpers.plots.STYLES."""

import matplotlib.pyplot as plt
import numpy as np

from .style import REFERENCE, style
from .train import SOLVED_ACCURACY

# Where each cell's dots sit beside a tick, so that two cells never overlap.
CELL_OFFSETS = {"rnn": -0.17, "lstm": 0.17, "gru": 0.0}
SEED_SPREAD = 0.07  # a setting's seeds side by side, seed 0 leftmost, over +-0.07


def plot_seed_accuracies(accuracies, tick_labels, names, title, chance=0.25, ax=None):
    """One dot per seed: each run's test accuracy, per cell and per setting, with the
    count of solved runs (accuracy >= SOLVED_ACCURACY) above each group. A group's dots
    are spread sideways by seed (seed 0 leftmost) so that equal accuracies stay visible;
    the x position within a group means nothing else.

    Parameters
    ----------
    accuracies : dict cell ("rnn", "lstm" or "gru") -> ndarray (n_settings, n_seeds)
    tick_labels : list of n_settings str, one per setting (e.g. each sequence length)
    names : dict cell -> str, the legend's entries
    title : str
    chance : float, the accuracy of guessing, drawn dashed
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Figure (the caller labels the x axis)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, 4.2))
    for cell, runs in accuracies.items():
        offset, line = CELL_OFFSETS[cell], style(cell)
        marker, color = line["marker"], line["color"]
        runs = np.asarray(runs, dtype=float)
        spread = np.linspace(-SEED_SPREAD, SEED_SPREAD, runs.shape[1])
        for k, setting in enumerate(runs):
            label = names[cell] if k == 0 else None
            ax.scatter(k + offset + spread, setting, marker=marker, s=36, alpha=0.8,
                       color=color, label=label)  # fmt: skip
            solved = int(np.sum(setting >= SOLVED_ACCURACY))
            ax.text(k + offset, 1.04, f"{solved}/{setting.size}", ha="center", color=color,
                    fontsize=9)  # fmt: skip
    ax.axhline(chance, **REFERENCE)
    ax.text(-0.45, chance + 0.02, f"chance, {chance:g}", color=REFERENCE["color"], va="bottom")
    ax.set_xticks(range(len(tick_labels)), tick_labels)
    ax.set_xlim(-0.5, len(tick_labels) - 0.5)
    ax.set_ylim(0, 1.12)
    ax.set_ylabel("test accuracy")
    ax.set_title(title)
    ax.legend(loc="lower left")
    return ax.figure


def plot_temperature_sweep(temperatures, new_share, mean_length, names, references):
    """What sampling at each temperature gives: the share of new names (left) and their
    mean length (right), per cell, with the real names' values dashed.

    Parameters
    ----------
    temperatures : ndarray (n_temperatures,)
    new_share : dict cell -> sequence (n_temperatures,), share of samples not in training
    mean_length : dict cell -> sequence (n_temperatures,), mean letters per sample
    names : dict cell -> str, the legend's entries
    references : dict with "new share" and "mean length" -> (value, label), drawn dashed

    Returns
    -------
    matplotlib Figure with two axes
    """
    fig, (left, right) = plt.subplots(1, 2, figsize=(10.0, 3.5))
    panels = (
        (left, new_share, "new share", "share not in the training list", "new names", 0.03),
        (right, mean_length, "mean length", "mean length (letters)", "length of the sampled "
         "names", 0.08),
    )  # fmt: skip
    for ax, values, key, ylabel, title, gap in panels:
        for cell, curve in values.items():
            ax.plot(temperatures, curve, **style(cell, markevery=1), label=names[cell])
        value, label = references[key]
        ax.axhline(value, **REFERENCE)
        ax.text(temperatures[-1], value - gap, label, color=REFERENCE["color"], ha="right",
                va="top")  # fmt: skip
        ax.set_xlabel(r"temperature $\tau$")
        ax.set_ylabel(ylabel)
        ax.set_title(title)
    left.set_ylim(0, 1.02)
    left.legend(loc="lower right")
    right.legend(loc="upper left")
    return fig
