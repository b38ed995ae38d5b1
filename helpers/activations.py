"""Activation functions used by the RNN and LSTM cells (introduced in 01_rnn_cell).

Both functions are numerically stable: they never overflow, warn or return NaN for
inputs as large as |z| = 1e4 (or larger).
"""

import numpy as np


def sigmoid(z):
    """Logistic function 1 / (1 + exp(-z)), element-wise.

    Parameters
    ----------
    z : array_like, any shape

    Returns
    -------
    s : ndarray, same shape as z, values in [0, 1]
    """
    z = np.asarray(z, dtype=float)
    # exp(-|z|) lies in (0, 1]: it cannot overflow, whatever the sign of z.
    e = np.exp(-np.abs(z))
    return np.where(z >= 0, 1.0 / (1.0 + e), e / (1.0 + e))


def softmax(z):
    """Softmax over axis 0 (the class axis of an (n_y, m) array of scores).

    Each column is shifted by its maximum before exponentiating, which leaves
    the result unchanged and keeps exp() from overflowing.

    Parameters
    ----------
    z : array_like, shape (n_y, ...), scores for n_y classes

    Returns
    -------
    p : ndarray, same shape as z; every column is a probability vector
        (non-negative, sums to 1 over axis 0)
    """
    z = np.asarray(z, dtype=float)
    e = np.exp(z - np.max(z, axis=0, keepdims=True))
    return e / np.sum(e, axis=0, keepdims=True)
