"""How much gradient reaches each time step (introduced in 03/04, used in 06).

A unit loss on the last hidden state, L = u . a<T> with ||u|| = 1 for every example,
sends the gradient dL/da<t> back through the cells. Its size against T - t shows
whether a network can learn from what it saw long ago.
"""

import numpy as np

from .lstm import lstm_cell_backward
from .rnn import rnn_cell_backward


def state_gradient_norms(caches):
    """Norm of dL/da<t> at every step for a unit loss on the last hidden state.

    Works for both cells: the cache layout tells an RNN (4 items a step) from an LSTM
    (10 items a step). Each example's loss gradient is u = (1, ..., 1) / sqrt(n_a),
    so the norm at the last step is exactly 1.

    Parameters
    ----------
    caches : tuple (list of T_x cell caches, x) from rnn_forward or lstm_forward

    Returns
    -------
    norms : ndarray, shape (T_x,), norms[t] = mean over the batch of ||dL/da<t>||;
        norms[T_x - 1] == 1, and norms[t] lies T_x - 1 - t steps back
    """
    cell_caches, _ = caches
    n_a, m = cell_caches[-1][0].shape
    lstm = len(cell_caches[-1]) == 10
    da = np.full((n_a, m), 1.0 / np.sqrt(n_a))
    dc = np.zeros((n_a, m))
    norms = np.zeros(len(cell_caches))
    for t in reversed(range(len(cell_caches))):
        norms[t] = np.mean(np.linalg.norm(da, axis=0))
        if t == 0:
            break
        if lstm:
            step = lstm_cell_backward(da, dc, cell_caches[t])
            da, dc = step["da_prev"], step["dc_prev"]
        else:
            da = rnn_cell_backward(da, cell_caches[t])["da_prev"]
    return norms
