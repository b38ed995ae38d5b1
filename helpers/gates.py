"""Looking inside the gates: one LSTM unit's step (05_lstm_cell), one GRU unit's step
(11_gru), and every gate of a trained LSTM at every step (08_gate_activations)."""

import numpy as np

from .gru import gru_cell_forward
from .lstm import (
    CACHE_FIELDS,
    GATE_NAMES,
    GATE_VALUES,
    GATES,
    lstm_cell_forward,
    lstm_forward,
)

# Display name -> the field of a cell cache that holds it, for every step.
TRACES = {
    **{GATE_NAMES[g]: GATE_VALUES[g] for g in ("f", "i", "o", "c")},
    "cell": "c_next",
    "hidden": "a_next",
}
SIGMOID_GATES = tuple(GATE_NAMES[g] for g in ("f", "i", "o"))


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
        name: np.stack([cache[CACHE_FIELDS.index(field)] for cache in cell_caches], axis=-1)
        for name, field in TRACES.items()
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


def one_unit_lstm_step(z_f, z_i, z_c, z_o, c_prev):
    """One step of a single-unit LSTM whose gate pre-activations are given (05_lstm_cell).

    The step runs the reference lstm_cell_forward with n_a = n_x = 1, zero weights and
    zero inputs, so each gate's pre-activation is its bias: ft = sigmoid(z_f),
    it = sigmoid(z_i), cct = tanh(z_c), ot = sigmoid(z_o).

    Parameters
    ----------
    z_f, z_i, z_c, z_o : float, pre-activations of the forget gate, update gate,
        candidate and output gate
    c_prev : float, the memory cell before the step

    Returns
    -------
    values : dict of floats ft, it, cct, ot, c_prev, c_next, a_next
    """
    parameters = {"Wy": np.ones((1, 1)), "by": np.zeros((1, 1))}
    for gate, z in zip(GATES, (z_f, z_i, z_c, z_o)):
        parameters[f"W{gate}"] = np.zeros((1, 2))
        parameters[f"b{gate}"] = np.array([[z]], dtype=float)
    zero = np.zeros((1, 1))
    a_next, c_next, _, cache = lstm_cell_forward(zero, zero, np.array([[c_prev]]), parameters)
    values = {GATE_VALUES[g]: getattr(cache, GATE_VALUES[g]) for g in GATES}  # a CellCache
    values["c_prev"] = np.array(c_prev)
    values.update(c_next=c_next, a_next=a_next)
    return {key: float(np.asarray(value).reshape(())) for key, value in values.items()}


def one_unit_gru_step(z_r, z_u, z_x, a_prev, w_c=1.0):
    """One step of a single-unit GRU whose gate pre-activations are given (11_gru).

    The step runs the reference gru_cell_forward with n_a = n_x = 1 and a zero input:
    the gates' weights are zero, so rt = sigmoid(z_r) and ut = sigmoid(z_u), and the
    candidate sees the reset state through the weight w_c, cct = tanh(w_c rt a_prev + z_x),
    where z_x stands for what the input adds.

    Parameters
    ----------
    z_r, z_u : float, pre-activations of the reset and update gates
    z_x : float, the candidate's pre-activation from the input (its bias here)
    a_prev : float, the state before the step
    w_c : float, the candidate's weight on the reset state

    Returns
    -------
    values : dict of floats rt, ut, cct, a_prev, a_next
    """
    parameters = {
        "Wr": np.zeros((1, 2)), "br": np.array([[z_r]], dtype=float),
        "Wu": np.zeros((1, 2)), "bu": np.array([[z_u]], dtype=float),
        "Wc": np.array([[w_c, 0.0]]), "bc": np.array([[z_x]], dtype=float),
        "Wy": np.ones((1, 1)), "by": np.zeros((1, 1)),
    }  # fmt: skip
    a_next, _, cache = gru_cell_forward(np.zeros((1, 1)), np.array([[a_prev]]), parameters)
    values = {"rt": cache.rt, "ut": cache.ut, "cct": cache.cct, "a_prev": a_prev}
    values["a_next"] = a_next
    return {key: float(np.asarray(value).reshape(())) for key, value in values.items()}


def gate_values_at(traces, name, example, step):
    """The values one gate takes at one step for one example: ndarray (n_a,) (08)."""
    return np.asarray(traces[name])[:, example, step]


def selectivity(values, is_y):
    """d' of every unit between two groups of examples: how well a unit's value alone
    tells them apart (08). d' = (mean over the X group - mean over the Y group) divided
    by the root of the mean of the two groups' variances.

    Parameters
    ----------
    values : ndarray, shape (n_a, m, ...), e.g. the memory at one step (n_a, m) or at
        every step (n_a, m, T_x)
    is_y : ndarray of bool, shape (m,), True for the examples of the Y group

    Returns
    -------
    ndarray, shape (n_a, ...): positive where the X group is higher
    """
    values, is_y = np.asarray(values, dtype=float), np.asarray(is_y, dtype=bool)
    x_group, y_group = values[:, ~is_y], values[:, is_y]
    spread = np.sqrt(0.5 * (x_group.var(axis=1) + y_group.var(axis=1)))
    return (x_group.mean(axis=1) - y_group.mean(axis=1)) / np.maximum(spread, 1e-12)
