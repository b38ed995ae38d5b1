"""Trained parameters on disk, as plain .npz files (08_gate_activations).

A trained network is a dict of arrays; np.savez stores each array under its name, and
np.load(..., allow_pickle=False) reads them back without running any code from the file.
A few facts about how the network was made (cell, task length, seed, steps, test
accuracy) travel with it as small arrays whose names start with "info_".

The course ships one network: the LSTM that notebook 08 opens, trained on the temporal
order task by scripts/train_gate_network.py. Training on another CPU would give a network
that differs in its last bits and, after hundreds of updates, in everything it shows; the
shipped file is the same everywhere.
"""

from importlib import resources
from pathlib import Path

import numpy as np

INFO = "info_"
GATE_NETWORK = "temporal_order_lstm.npz"


def save_parameters(path, parameters, **info):
    """Write parameters (dict name -> ndarray) and info (numbers or strings) to path.

    Parameters
    ----------
    path : str or Path, the .npz file to write
    parameters : dict name -> ndarray, e.g. the first item returned by
        helpers.train.temporal_order_experiment
    **info : int, float or str each, stored with the prefix "info_"
    """
    arrays = {name: np.asarray(value) for name, value in parameters.items()}
    for key, value in info.items():
        if not isinstance(value, (int, float, str, np.integer, np.floating)):
            raise TypeError(f"save_parameters: info {key}={value!r} should be a number or a str.")
        arrays[INFO + key] = np.asarray(value)
    np.savez(Path(path), **arrays)


def load_parameters(path):
    """Read a file written by save_parameters.

    Returns
    -------
    parameters : dict name -> ndarray
    info : dict name -> int, float or str
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(f"load_parameters: no file at {path}.")
    with np.load(path, allow_pickle=False) as stored:
        parameters = {name: stored[name] for name in stored.files if not name.startswith(INFO)}
        info = {
            name[len(INFO) :]: stored[name].item() for name in stored.files if name.startswith(INFO)
        }
    return parameters, info


def load_gate_network():
    """The LSTM that notebook 08 opens: trained on the temporal order task at T = 50.

    Returns
    -------
    parameters : dict of the LSTM's parameters, Wf, Wi, Wc, Wo (32, 40), bf, bi, bc, bo
        (32, 1), Wy (4, 32), by (4, 1)
    info : dict, how it was trained (cell, T, seed, steps, n_a, batch_size,
        learning_rate, max_norm, forget_bias, test_accuracy, numpy)
    """
    with resources.as_file(resources.files("helpers") / "data" / GATE_NETWORK) as path:
        return load_parameters(path)
