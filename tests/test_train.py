"""Training a sequence classifier: exact gradients, falling loss, clear errors."""

import numpy as np
import pytest

from helpers import gradient_check, softmax_cross_entropy
from helpers.tasks import temporal_order
from helpers.train import (
    accuracy,
    classifier_loss_and_gradients,
    init_classifier,
    predict_proba,
    temporal_order_experiment,
    temporal_order_test_set,
    train_classifier,
)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_classifier_gradients_match_finite_differences(rng, cell):
    data = temporal_order(3, 10, rng)
    parameters = init_classifier(cell, 8, 4, 4, rng)
    parameters["by"] = rng.normal(size=(4, 1))
    _, grads = classifier_loss_and_gradients(cell, data.x, data.labels, parameters)
    assert set(grads) == {"d" + name for name in parameters}
    errors = gradient_check(
        lambda: classifier_loss_and_gradients(cell, data.x, data.labels, parameters)[0],
        parameters,
        grads,
    )
    assert max(errors.values()) < 1e-6, errors


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_loss_falls_on_a_tiny_problem(cell):
    rng = np.random.default_rng(0)
    data = temporal_order(16, 10, rng)  # one fixed batch: the network can memorise it
    parameters = init_classifier(cell, 8, 8, 4, rng)
    history = train_classifier(
        cell, parameters, lambda: (data.x, data.labels), steps=60, learning_rate=0.02
    )
    assert history["loss"][-1] < 0.5 * history["loss"][0]
    assert accuracy(cell, data.x, data.labels, parameters) > 0.9


def test_training_is_reproducible():
    def run():
        rng = np.random.default_rng(3)
        parameters = init_classifier("lstm", 8, 6, 4, rng)

        def batch():
            data = temporal_order(8, 12, rng)
            return data.x, data.labels

        train_classifier("lstm", parameters, batch, steps=5)
        return parameters

    first, second = run(), run()
    for key in first:
        np.testing.assert_array_equal(first[key], second[key])


def test_the_callback_sees_every_step():
    rng = np.random.default_rng(0)
    data = temporal_order(4, 10, rng)
    parameters = init_classifier("rnn", 8, 4, 4, rng)
    seen = []
    train_classifier(
        "rnn", parameters, lambda: (data.x, data.labels), steps=3,
        callback=lambda step, loss: seen.append((step, round(loss, 12))),
    )  # fmt: skip
    assert [s for s, _ in seen] == [0, 1, 2]


def test_probabilities_sum_to_one(rng):
    data = temporal_order(5, 10, rng)
    probs = predict_proba("lstm", data.x, init_classifier("lstm", 8, 4, 4, rng))
    assert probs.shape == (4, 5)
    np.testing.assert_allclose(probs.sum(axis=0), np.ones(5))


@pytest.mark.parametrize(
    "kwargs, message",
    [({"learning_rate": -0.01}, "lr should be a positive number"),
     ({"max_norm": 0.0}, "max_norm should be a positive number"),
     ({"steps": 0}, "steps should be a positive int")],
)  # fmt: skip
def test_bad_hyperparameters_get_a_clear_error(rng, kwargs, message):
    data = temporal_order(4, 10, rng)
    parameters = init_classifier("rnn", 8, 4, 4, rng)
    arguments = {"steps": 2, **kwargs}
    with pytest.raises(ValueError, match=message):
        train_classifier("rnn", parameters, lambda: (data.x, data.labels), **arguments)


def test_an_unknown_cell_is_named(rng):
    with pytest.raises(ValueError, match=r"cell should be one of \[.*'lstm'.*\], got 'lstmm'"):
        init_classifier("lstmm", 8, 4, 4, rng)


def test_a_gru_classifier_starts_from_its_update_bias(rng):
    parameters = init_classifier("gru", 8, 4, 4, rng, update_bias=-1.0)
    np.testing.assert_array_equal(parameters["bu"], np.full((4, 1), -1.0))
    np.testing.assert_array_equal(parameters["br"], np.zeros((4, 1)))


def test_a_gru_learns_the_temporal_order_task_at_a_short_lag():
    _, history, test_accuracy = temporal_order_experiment(
        "gru", 10, 300, seed=0, test_size=200, stop_when_solved=True
    )
    assert test_accuracy >= 0.99
    assert history["loss"].size < 300


def test_the_input_gradient_is_returned_on_request(rng):
    data = temporal_order(3, 10, rng)
    parameters = init_classifier("lstm", 8, 4, 4, rng)
    _, grads = classifier_loss_and_gradients(
        "lstm", data.x, data.labels, parameters, return_dx=True
    )
    assert grads["dx"].shape == (8, 3, 10)
    _, plain = classifier_loss_and_gradients("lstm", data.x, data.labels, parameters)
    assert "dx" not in plain and "da0" not in plain


def test_the_test_set_is_fixed_for_each_length():
    first, second = temporal_order_test_set(30), temporal_order_test_set(30)
    np.testing.assert_array_equal(first.x, second.x)
    assert first.x.shape == (8, 1000, 30)
    assert not np.array_equal(temporal_order_test_set(20, 50).labels, first.labels[:50])


def test_training_stops_when_asked_and_keeps_the_history_it_made():
    rng = np.random.default_rng(0)
    data = temporal_order(4, 10, rng)
    parameters = init_classifier("rnn", 8, 4, 4, rng)
    history = train_classifier(
        "rnn",
        parameters,
        lambda: (data.x, data.labels),
        steps=50,
        should_stop=lambda step: step == 6,
    )
    assert history["loss"].shape == history["grad_norm"].shape == (7,)
    assert np.all(history["loss"] > 0)


def test_a_run_that_stops_when_solved_stops_on_a_multiple_of_the_check_interval():
    from helpers.train import CHECK_EVERY

    _, history, test_accuracy = temporal_order_experiment(
        "lstm", 10, 400, seed=0, test_size=200, stop_when_solved=True
    )
    made = history["loss"].size
    assert made < 400 and made % CHECK_EVERY == 0
    assert test_accuracy >= 0.99


def test_the_validation_set_is_fixed_and_not_the_test_set():
    from helpers.train import temporal_order_validation_set

    first, again = temporal_order_validation_set(20), temporal_order_validation_set(20)
    np.testing.assert_array_equal(first.x, again.x)
    assert first.x.shape == (8, 500, 20)
    assert not np.array_equal(first.x, temporal_order_test_set(20, size=500).x)


def test_a_window_as_long_as_the_sequence_changes_nothing(rng):
    data = temporal_order(4, 12, rng)
    parameters = init_classifier("lstm", 8, 5, 4, rng)
    full = classifier_loss_and_gradients("lstm", data.x, data.labels, parameters, True)[1]
    same = classifier_loss_and_gradients("lstm", data.x, data.labels, parameters, True, 12)[1]
    for key in full:
        np.testing.assert_allclose(same[key], full[key], rtol=0, atol=1e-13, err_msg=key)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
def test_a_window_agrees_with_truncated_bptt_over_windows(rng, cell):
    from helpers import deep

    data = temporal_order(3, 12, rng)
    parameters = init_classifier(cell, 8, 5, 4, rng)
    loss, grads = classifier_loss_and_gradients(
        cell, data.x, data.labels, parameters, return_dx=True, window=4
    )
    # The same loss at the last step, through helpers.deep's windows of 4 steps.
    a, _ = deep.stacked_forward(cell, data.x, [parameters])
    output = "Wya" if cell == "rnn" else "Wy"
    dlogits = softmax_cross_entropy(parameters[output] @ a[:, :, -1] + parameters["by"],
                                    data.labels)[1]  # fmt: skip
    da = np.zeros_like(a)
    da[:, :, -1] = parameters[output].T @ dlogits
    _, expected = deep.truncated_forward_backward(cell, data.x, da, parameters, 4)
    assert np.all(grads["dx"][:, :, :8] == 0.0)
    for key in expected:
        np.testing.assert_allclose(grads[key], expected[key], rtol=0, atol=1e-13, err_msg=key)
