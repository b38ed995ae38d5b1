"""How much gradient reaches each time step (introduced in 04, used in 05, 06 and 11).

A unit loss on the last hidden state, L = u . a<T_x - 1> with ||u|| = 1 for every example,
sends the gradient dL/da<t> back through the cells. Its size against T_x - 1 - t shows
whether a network can learn from what it saw long ago.
"""

import numpy as np

from .gru import gru_cell_backward, gru_forward
from .initialization import init_gru_parameters, init_lstm_parameters, init_rnn_parameters
from .lstm import lstm_cell_backward, lstm_forward
from .rnn import rnn_cell_backward, rnn_forward


def state_gradient_norms(cell, caches):
    """Norm of dL/da<t> at every step for a unit loss on the last hidden state.

    Each example's loss gradient is u = (1, ..., 1) / sqrt(n_a), so the norm at the last
    step is exactly 1.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru", the cell that made the caches
    caches : tuple (list of T_x cell caches, x) from rnn_forward, lstm_forward or
        gru_forward

    Returns
    -------
    norms : ndarray, shape (T_x,), norms[t] = mean over the batch of ||dL/da<t>||;
        norms[T_x - 1] == 1, and norms[t] lies T_x - 1 - t steps back
    """
    if cell not in ("rnn", "lstm", "gru"):
        raise ValueError(
            f"state_gradient_norms: cell should be 'rnn', 'lstm' or 'gru', got {cell!r}."
        )
    cell_caches, _ = caches
    n_a, m = cell_caches[-1][0].shape
    da = np.full((n_a, m), 1.0 / np.sqrt(n_a))
    dc = np.zeros((n_a, m))
    norms = np.zeros(len(cell_caches))
    for t in reversed(range(len(cell_caches))):
        norms[t] = np.mean(np.linalg.norm(da, axis=0))
        if t == 0:
            break
        if cell == "lstm":
            step = lstm_cell_backward(da, dc, cell_caches[t])
            da, dc = step["da_prev"], step["dc_prev"]
        elif cell == "gru":
            da = gru_cell_backward(da, cell_caches[t])["da_prev"]
        else:
            da = rnn_cell_backward(da, cell_caches[t])["da_prev"]
    return norms


def largest_singular_value(W):
    """sigma_max(W), the most W can stretch a vector: ||W v|| <= sigma_max ||v||."""
    return float(np.linalg.norm(np.asarray(W, dtype=float), ord=2))


def spectral_radius(W):
    """max |eigenvalue| of a square W: how fast W^k grows or shrinks for large k.
    Never larger than the largest singular value."""
    return float(np.max(np.abs(np.linalg.eigvals(np.asarray(W, dtype=float)))))


def with_largest_singular_value(W, sigma):
    """W rescaled so that its largest singular value is sigma (a new array).

    Parameters
    ----------
    W : ndarray, shape (n, k), not all zero
    sigma : float >= 0
    """
    current = largest_singular_value(W)
    if current == 0.0:
        raise ValueError("with_largest_singular_value: W is all zeros and cannot be rescaled.")
    if not (np.isfinite(sigma) and sigma >= 0):
        raise ValueError(f"with_largest_singular_value: sigma should be >= 0, got {sigma!r}.")
    return np.asarray(W, dtype=float) * (sigma / current)


def random_rnn(sigma, T_x, seed=0, n_a=32, n_x=4, m=16, input_scale=1.0):
    """A random RNN whose Waa has largest singular value sigma, run over random inputs.

    The same seed gives the same directions of the weights and the same inputs for
    every sigma and T_x, so runs differ only by what the arguments change.

    Parameters
    ----------
    sigma : float >= 0, largest singular value of Waa
    T_x : int >= 1, sequence length
    seed : int, for the weights and the inputs
    n_a, n_x, m : int, hidden size, input size, batch size
    input_scale : float, standard deviation of the inputs (larger saturates tanh more)

    Returns
    -------
    x : ndarray (n_x, m, T_x), the inputs
    parameters : dict, from init_rnn_parameters(n_x, n_a, 2, ...) with Waa rescaled
    a : ndarray (n_a, m, T_x), the hidden states
    caches : tuple (list of T_x cell caches, x), from rnn_forward
    """
    rng = np.random.default_rng(seed)
    parameters = init_rnn_parameters(n_x, n_a, 2, rng)
    parameters["Waa"] = with_largest_singular_value(parameters["Waa"], sigma)
    x = input_scale * np.random.default_rng(seed + 1).normal(size=(n_x, m, T_x))
    a, _, caches = rnn_forward(x, np.zeros((n_a, m)), parameters)
    return x, parameters, a, caches


def rnn_gradient_flow(sigma, T_x, seed=0, n_a=32, n_x=4, m=16, input_scale=1.0):
    """state_gradient_norms of random_rnn(sigma, T_x, ...), with the same arguments.

    Returns
    -------
    norms : ndarray, shape (T_x,), as state_gradient_norms
    """
    *_, caches = random_rnn(sigma, T_x, seed, n_a, n_x, m, input_scale)
    return state_gradient_norms("rnn", caches)


def lstm_gradient_flow(T_x, forget_bias=1.0, seed=0, n_a=32, n_x=4, m=16, input_scale=1.0):
    """state_gradient_norms of a random LSTM (same conventions as rnn_gradient_flow).

    Returns
    -------
    norms : ndarray, shape (T_x,)
    """
    rng = np.random.default_rng(seed)
    parameters = init_lstm_parameters(n_x, n_a, 2, rng, forget_bias=forget_bias)
    x = input_scale * np.random.default_rng(seed + 1).normal(size=(n_x, m, T_x))
    *_, caches = lstm_forward(x, np.zeros((n_a, m)), parameters)
    return state_gradient_norms("lstm", caches)


def gru_gradient_flow(T_x, update_bias=0.0, seed=0, n_a=32, n_x=4, m=16, input_scale=1.0):
    """state_gradient_norms of a random GRU (same conventions as rnn_gradient_flow), its
    update-gate bias bu set to update_bias (negative: the state is mostly kept).

    Returns
    -------
    norms : ndarray, shape (T_x,)
    """
    rng = np.random.default_rng(seed)
    parameters = init_gru_parameters(n_x, n_a, 2, rng, update_bias=update_bias)
    x = input_scale * np.random.default_rng(seed + 1).normal(size=(n_x, m, T_x))
    *_, caches = gru_forward(x, np.zeros((n_a, m)), parameters)
    return state_gradient_norms("gru", caches)


BOUND_LABEL = r"bound $\sigma_{\max}^{\,T_x-1-t}$ (Pascanu et al. 2013)"


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
