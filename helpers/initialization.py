"""Random parameter initialisation (introduced in 02_rnn_sequence)."""

import numpy as np


def init_rnn_parameters(n_x, n_a, n_y, rng, scale=None):
    """Draw RNN parameters: weights from a normal distribution, biases at zero.

    Each weight matrix is drawn with standard deviation 1 / sqrt(fan_in) (the number
    of inputs it multiplies), which keeps pre-activations of order one, unless
    `scale` gives the standard deviation explicitly.

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
    for name, size in (("n_x", n_x), ("n_a", n_a), ("n_y", n_y)):
        if not isinstance(size, (int, np.integer)) or size < 1:
            raise ValueError(f"init_rnn_parameters: {name} should be a positive int, got {size!r}.")
    if not isinstance(rng, np.random.Generator):
        raise TypeError(
            "init_rnn_parameters: rng should be a numpy Generator, "
            "such as np.random.default_rng(0)."
        )

    def weights(rows, cols):
        std = 1.0 / np.sqrt(cols) if scale is None else scale
        return rng.normal(0.0, std, size=(rows, cols))

    return {
        "Wax": weights(n_a, n_x),
        "Waa": weights(n_a, n_a),
        "Wya": weights(n_y, n_a),
        "ba": np.zeros((n_a, 1)),
        "by": np.zeros((n_y, 1)),
    }
