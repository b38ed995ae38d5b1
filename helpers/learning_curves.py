"""Learning curves: numbers recorded at every update step, smoothed and drawn (07, 09).

A batch's loss is noisy from step to step, so each curve is drawn faintly and its moving
average on top.
"""

import matplotlib.pyplot as plt
import numpy as np

from .style import style


def moving_average(values, width=20):
    """Mean over a sliding window of `width` steps.

    Parameters
    ----------
    values : ndarray, shape (steps,)
    width : int, window length

    Returns
    -------
    ndarray, shape (steps - width + 1,): entry k is the mean of values[k : k + width]
    """
    return np.convolve(np.asarray(values, dtype=float), np.ones(width) / width, mode="valid")


def plot(curves, labels, width=20, log=False, ax=None):
    """Each cell's curve, faint, and its moving average over `width` steps, solid.

    Parameters
    ----------
    curves : dict cell ("rnn", "lstm" or "gru") -> ndarray of shape (steps,), one value per
        update step (steps may differ between cells); each drawn in its style of
        helpers.plots.STYLES
    labels : dict cell -> str, the legend's entry for the moving average
    width : int, the moving average's window
    log : bool, average the logarithms (a geometric mean), for a quantity drawn on a log
        scale such as a gradient norm, so that one spike does not dominate
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Figure; the x axis runs over the update steps 1 .. the longest curve (the
    caller labels it)
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8.0, 3.8))
    for cell, values in curves.items():
        values = np.asarray(values, dtype=float)
        steps = np.arange(1, values.size + 1)
        if log:
            smooth = np.exp(moving_average(np.log(values), width))
        else:
            smooth = moving_average(values, width)
        line = style(cell)
        ax.plot(steps, values, color=line["color"], alpha=0.25, linewidth=0.8)
        ax.plot(steps[width - 1 :], smooth, **line, label=labels[cell])
    ax.set_xlim(0, max(np.size(values) for values in curves.values()))
    return ax.figure
