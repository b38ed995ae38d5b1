"""Looking inside a trained LSTM: every gate at every step (introduced in 08_gate_activations)."""

import numpy as np

from .lstm import lstm_forward

# Display name -> index of the array in a cell cache
# (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, parameters).
TRACES = {"forget": 4, "update": 5, "output": 7, "candidate": 6, "cell": 1, "hidden": 0}
SIGMOID_GATES = ("forget", "update", "output")


def lstm_gate_traces(x, parameters, a0=None):
    """Run the reference LSTM over x and collect every gate, the memory and the state.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    parameters : dict of LSTM parameters
    a0 : ndarray, shape (n_a, m), optional (zeros by default)

    Returns
    -------
    traces : dict name -> ndarray of shape (n_a, m, T_x), for the names of TRACES:
        forget, update, output (in (0, 1)), candidate (in (-1, 1)), cell (c), hidden (a)
    """
    n_a = parameters["Wf"].shape[0]
    a0 = np.zeros((n_a, x.shape[1])) if a0 is None else a0
    *_, (cell_caches, _) = lstm_forward(x, a0, parameters)
    return {
        name: np.stack([cache[index] for cache in cell_caches], axis=-1)
        for name, index in TRACES.items()
    }


def gate_saturation(gate, low=0.1, high=0.9):
    """Per unit, the fraction of (example, step) pairs where a gate is below low / above high.

    As in Karpathy, Johnson & Fei-Fei (2015): a unit whose gate sits mostly below 0.1 or
    mostly above 0.9 acts like a switch that is off or on; one in between is "analog".

    Parameters
    ----------
    gate : ndarray, shape (n_a, m, T_x), values in (0, 1)

    Returns
    -------
    left, right : ndarrays of shape (n_a,), fractions in [0, 1]
    """
    gate = np.asarray(gate, dtype=float)
    if gate.ndim != 3:
        raise ValueError(f"gate_saturation: gate should be (n_a, m, T_x), got {gate.shape}.")
    return (gate < low).mean(axis=(1, 2)), (gate > high).mean(axis=(1, 2))
