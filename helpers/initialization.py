"""Random parameter initialisation (introduced in 02_rnn_sequence and 05_lstm_cell; the GRU's
for 11_gru)."""

import numpy as np

from .gru import GRU_GATES
from .lstm import GATES


def _check(function, rng, **sizes):
    for name, size in sizes.items():
        if not isinstance(size, (int, np.integer)) or size < 1:
            raise ValueError(f"{function}: {name} should be a positive int, got {size!r}.")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            f"{function}: rng should be a numpy Generator, such as np.random.default_rng(0)."
        )


def _weights(rng, rows, cols, scale):
    # Standard deviation 1 / sqrt(fan_in) keeps pre-activations of order one.
    std = 1.0 / np.sqrt(cols) if scale is None else scale
    return rng.normal(0.0, std, size=(rows, cols))


def _gated_cell(gates, n_x, n_a, n_y, rng, scale):
    """W{g} (n_a, n_a + n_x) drawn and b{g} (n_a, 1) zero for each gate g in order, then
    Wy (n_y, n_a) drawn and by (n_y, 1) zero: the draws in this order, for every seed."""
    parameters = {}
    for gate in gates:
        parameters[f"W{gate}"] = _weights(rng, n_a, n_a + n_x, scale)
        parameters[f"b{gate}"] = np.zeros((n_a, 1))
    parameters["Wy"] = _weights(rng, n_y, n_a, scale)
    parameters["by"] = np.zeros((n_y, 1))
    return parameters


def init_rnn_parameters(n_x, n_a, n_y, rng, scale=None):
    """Draw RNN parameters: weights from a normal distribution, biases at zero.

    Each weight matrix is drawn with standard deviation 1 / sqrt(fan_in) (the number
    of inputs it multiplies), unless `scale` gives the standard deviation explicitly.

    Parameters
    ----------
    n_x, n_a, n_y : int, sizes of the input, hidden state and output
    rng : numpy.random.Generator, e.g. np.random.default_rng(0)
    scale : float, optional, standard deviation of every weight

    Returns
    -------
    parameters : dict with Wax (n_a, n_x), Waa (n_a, n_a), Wya (n_y, n_a),
        ba (n_a, 1), by (n_y, 1)
    """
    _check("init_rnn_parameters", rng, n_x=n_x, n_a=n_a, n_y=n_y)
    return {
        "Wax": _weights(rng, n_a, n_x, scale),
        "Waa": _weights(rng, n_a, n_a, scale),
        "Wya": _weights(rng, n_y, n_a, scale),
        "ba": np.zeros((n_a, 1)),
        "by": np.zeros((n_y, 1)),
    }


def init_lstm_parameters(n_x, n_a, n_y, rng, forget_bias=1.0, scale=None):
    """Draw LSTM parameters: normal weights, zero biases except the forget gate's.

    The forget-gate bias starts at `forget_bias` (1.0 by default, as Gers et al. 2000
    and Jozefowicz et al. 2015 recommend) so that sigmoid(bf) is about 0.73 and the
    memory cell keeps most of its content from the start of training.

    Parameters
    ----------
    n_x, n_a, n_y : int, sizes of the input, hidden state and output
    rng : numpy.random.Generator
    forget_bias : float, initial value of every entry of bf
    scale : float, optional, standard deviation of every weight
        (default 1 / sqrt(fan_in))

    Returns
    -------
    parameters : dict with Wf, Wi, Wc, Wo (n_a, n_a + n_x), bf, bi, bc, bo (n_a, 1),
        Wy (n_y, n_a), by (n_y, 1)
    """
    _check("init_lstm_parameters", rng, n_x=n_x, n_a=n_a, n_y=n_y)
    parameters = _gated_cell(GATES, n_x, n_a, n_y, rng, scale)
    parameters["bf"] += forget_bias
    return parameters


def init_gru_parameters(n_x, n_a, n_y, rng, update_bias=0.0, scale=None):
    """Draw GRU parameters: normal weights, zero biases but bu = update_bias.

    With zero biases both gates start at sigmoid(0) = 0.5 on average: half the old state
    is kept at every step (a_next = ut * cct + (1 - ut) * a_prev). A negative update_bias
    keeps more of it, as a positive forget-gate bias does for the LSTM (11).

    Parameters
    ----------
    n_x, n_a, n_y : int, sizes of the input, hidden state and output
    rng : numpy.random.Generator
    update_bias : float, the initial value of every entry of bu
    scale : float, optional, standard deviation of every weight
        (default 1 / sqrt(fan_in))

    Returns
    -------
    parameters : dict with Wr, Wu, Wc (n_a, n_a + n_x), br, bu, bc (n_a, 1),
        Wy (n_y, n_a), by (n_y, 1)
    """
    _check("init_gru_parameters", rng, n_x=n_x, n_a=n_a, n_y=n_y)
    parameters = _gated_cell(GRU_GATES, n_x, n_a, n_y, rng, scale)
    parameters["bu"] += update_bias
    return parameters
