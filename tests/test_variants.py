"""helpers.variants: the LSTM and RNN variants of the ablation study (13), each checked
against finite differences, and each trainable by name."""

import numpy as np
import pytest

import helpers
from helpers import fast, variants
from helpers.cells import CELLS
from helpers.train import init_classifier, temporal_order_experiment

CHANGES = sorted(variants.GATE_CHANGES)


def lstm_problem(rng, n_x=3, m=2, T_x=4, n_a=3):
    parameters = helpers.init_lstm_parameters(n_x, n_a, 2, rng)
    for key in ("bf", "bi", "bc", "bo"):
        parameters[key] = rng.normal(0, 0.5, size=(n_a, 1))
    return rng.normal(size=(n_x, m, T_x)), rng.normal(size=(n_a, m)), parameters


@pytest.mark.parametrize("change", CHANGES)
def test_a_gate_change_matches_finite_differences(rng, change):
    x, a0, parameters = lstm_problem(rng)
    c0, weights = rng.normal(size=a0.shape), rng.normal(size=(3, 2, 4))
    caches = variants.gate_change_forward(x, a0, parameters, c0, change=change)[3]
    grads = variants.gate_change_backward(weights, caches)

    def loss():
        a = variants.gate_change_forward(x, a0, parameters, c0, change=change)[0]
        return float(np.sum(weights * a))

    names = ["Wf", "bf", "Wi", "bi", "Wc", "bc", "Wo", "bo"]
    arrays = {"x": x, "a0": a0, "c0": c0, **{k: parameters[k] for k in names}}
    errors = helpers.gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


@pytest.mark.parametrize(
    "change, gate", [("no_forget", "f"), ("no_input", "i"), ("no_output", "o"), ("coupled", "f")]
)
def test_the_removed_gates_weights_change_nothing(rng, change, gate):
    x, a0, parameters = lstm_problem(rng)
    before = variants.gate_change_forward(x, a0, parameters, change=change)[0]
    parameters[f"W{gate}"] = parameters[f"W{gate}"] + 1.0
    after = variants.gate_change_forward(x, a0, parameters, change=change)[0]
    np.testing.assert_array_equal(after, before)


def test_the_coupled_forget_gate_is_one_minus_the_input_gate(rng):
    x, a0, parameters = lstm_problem(rng)
    cache = variants.gate_change_forward(x, a0, parameters, change="coupled")[3]
    n_a = 3
    np.testing.assert_allclose(cache.G[:, :, :n_a], 1.0 - cache.G[:, :, n_a : 2 * n_a])


def test_with_no_change_the_forward_pass_would_be_the_lstms(rng):
    x, a0, parameters = lstm_problem(rng)
    parameters["Wo"] = np.zeros_like(parameters["Wo"])
    parameters["bo"] = np.full_like(parameters["bo"], 40.0)  # o = sigmoid(40) = 1 - 4e-18
    expected = helpers.lstm_forward(x, a0, parameters)[0]
    got = variants.gate_change_forward(x, a0, parameters, change="no_output")[0]
    np.testing.assert_allclose(got, expected, rtol=0, atol=1e-15)


def test_an_unknown_change_is_named(rng):
    x, a0, parameters = lstm_problem(rng)
    with pytest.raises(ValueError, match="change should be one of"):
        variants.gate_change_forward(x, a0, parameters, change="no_candidate")


def test_the_relu_rnn_of_the_irnn_matches_finite_differences(rng):
    parameters = helpers.init_rnn_parameters(3, 4, 2, rng)
    parameters["ba"] = rng.normal(0, 0.5, size=(4, 1))
    x, a0, weights = rng.normal(size=(3, 2, 5)), rng.normal(size=(4, 2)), rng.normal(size=(4, 2, 5))
    a, _, caches = fast.rnn_forward(x, a0, parameters, activation="relu")
    assert np.all(a >= 0.0)
    grads = fast.rnn_backward(weights, caches)

    def loss():
        return float(np.sum(weights * fast.rnn_forward(x, a0, parameters, "relu")[0]))

    arrays = {"x": x, "a0": a0, **{k: parameters[k] for k in ("Wax", "Waa", "ba")}}
    errors = helpers.gradient_check(loss, arrays, grads)
    assert max(errors.values()) < 1e-7, errors


def test_chrono_draws_forget_biases_from_log_1_to_log_T_max_minus_1(rng):
    parameters = variants.init_chrono_lstm(3, 200, 2, rng, T_max=50)
    assert np.all(parameters["bf"] >= 0.0) and np.all(parameters["bf"] <= np.log(49.0))
    np.testing.assert_array_equal(parameters["bi"], -parameters["bf"])


def test_the_orthogonal_rnn_keeps_every_singular_value_at_one(rng):
    Waa = variants.init_orthogonal_rnn(3, 6, 2, rng)["Waa"]
    np.testing.assert_allclose(Waa.T @ Waa, np.eye(6), atol=1e-12)


def test_the_irnn_starts_from_the_identity(rng):
    parameters = variants.init_irnn(3, 5, 2, rng)
    np.testing.assert_array_equal(parameters["Waa"], np.eye(5))
    assert not parameters["ba"].any() and np.abs(parameters["Wax"]).max() < 0.01


@pytest.mark.parametrize("cell", sorted(CELLS))
def test_every_cell_and_variant_builds_and_trains_by_name(cell):
    _, history, accuracy = temporal_order_experiment(cell, 10, 5, seed=0, test_size=50)
    assert history["loss"].shape == (5,) and np.all(np.isfinite(history["loss"]))
    assert 0.0 <= accuracy <= 1.0


@pytest.mark.parametrize("cell", sorted(CELLS))
def test_every_classifier_matches_finite_differences(rng, cell):
    from helpers.tasks import temporal_order
    from helpers.train import classifier_loss_and_gradients

    data = temporal_order(2, 10, rng)
    parameters = init_classifier(cell, 8, 3, 4, rng, T_max=10)
    _, grads = classifier_loss_and_gradients(cell, data.x, data.labels, parameters)

    def loss():
        return classifier_loss_and_gradients(cell, data.x, data.labels, parameters)[0]

    errors = helpers.gradient_check(loss, parameters, grads)
    assert max(errors.values()) < 1e-6, errors
