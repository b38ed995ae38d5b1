"""Numbers recorded over training steps, made readable (07, 09)."""

import numpy as np


def moving_average(values, width=20):
    """Mean over a sliding window of `width` steps, for readable learning curves (07, 09).

    Parameters
    ----------
    values : ndarray, shape (steps,)
    width : int, window length

    Returns
    -------
    ndarray, shape (steps - width + 1,): entry k is the mean of values[k : k + width]
    """
    return np.convolve(np.asarray(values, dtype=float), np.ones(width) / width, mode="valid")
