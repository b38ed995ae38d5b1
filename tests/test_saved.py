"""Trained parameters on disk: plain arrays, the shipped network of notebook 08."""

import numpy as np
import pytest

from helpers.saved import load_gate_network, load_parameters, save_parameters
from helpers.train import SOLVED_ACCURACY, accuracy, temporal_order_test_set

LSTM_SHAPES = {
    **{f"W{gate}": (32, 40) for gate in "fico"},
    **{f"b{gate}": (32, 1) for gate in "fico"},
    "Wy": (4, 32),
    "by": (4, 1),
}


def test_parameters_and_info_survive_a_round_trip(tmp_path, rng):
    parameters = {"W": rng.normal(size=(3, 2)), "b": np.zeros((3, 1))}
    save_parameters(tmp_path / "net.npz", parameters, seed=4, cell="rnn", lr=0.5)
    loaded, info = load_parameters(tmp_path / "net.npz")
    assert set(loaded) == {"W", "b"}
    np.testing.assert_array_equal(loaded["W"], parameters["W"])
    assert info == {"seed": 4, "cell": "rnn", "lr": 0.5}


def test_info_that_is_not_a_number_or_a_string_is_refused(tmp_path):
    with pytest.raises(TypeError, match="info settings"):
        save_parameters(tmp_path / "net.npz", {}, settings={"a": 1})


def test_a_missing_file_is_named(tmp_path):
    with pytest.raises(FileNotFoundError, match="no file at"):
        load_parameters(tmp_path / "absent.npz")


def test_the_shipped_network_holds_no_pickled_object():
    parameters, info = load_gate_network()  # np.load(..., allow_pickle=False) inside
    assert all(value.dtype == np.float64 for value in parameters.values())


def test_the_shipped_network_has_the_lstm_shapes_and_says_how_it_was_made():
    parameters, info = load_gate_network()
    assert {name: value.shape for name, value in parameters.items()} == LSTM_SHAPES
    assert (info["cell"], info["T"], info["n_a"]) == ("lstm", 50, 32)
    assert {"seed", "steps", "learning_rate", "max_norm", "forget_bias"} <= set(info)


def test_the_shipped_network_solves_the_fixed_test_set():
    parameters, _ = load_gate_network()
    test = temporal_order_test_set(50)
    assert accuracy("lstm", test.x, test.labels, parameters) >= SOLVED_ACCURACY


@pytest.mark.slow
def test_retraining_with_the_script_also_solves_the_task(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    script = Path(__file__).resolve().parent.parent / "scripts" / "train_gate_network.py"
    out = tmp_path / "retrained.npz"
    subprocess.run([sys.executable, str(script), "--out", str(out)], check=True)
    parameters, info = load_parameters(out)
    test = temporal_order_test_set(50)
    assert accuracy("lstm", test.x, test.labels, parameters) >= SOLVED_ACCURACY
    assert info["seed"] == load_gate_network()[1]["seed"]
