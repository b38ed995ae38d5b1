"""helpers.tagging and the tasks of notebook 12: a network that labels every step, in one
direction or two, and one that writes sequences by itself."""

import numpy as np
import pytest

import helpers
from helpers import tagging, tasks


def test_the_look_ahead_target_is_the_symbol_shift_steps_later(rng):
    x, targets, mask = tasks.look_ahead(5, 8, 3, rng)
    symbols = x.argmax(axis=0)  # (m, T)
    assert x.shape == (4, 5, 8) and targets.shape == mask.shape == (5, 8)
    np.testing.assert_array_equal(targets[:, :5], symbols[:, 3:])
    assert mask[:, :5].all() and not mask[:, 5:].any()


def test_a_shift_outside_the_sequence_is_named(rng):
    with pytest.raises(ValueError, match=r"shift should be an int in \[1, T\)"):
        tasks.look_ahead(2, 5, 5, rng)


def test_each_symbol_of_a_sum_sequence_is_the_sum_of_the_two_before(rng):
    s = tasks.sum_sequences(6, 10, rng)
    np.testing.assert_array_equal(s[:, 2:], (s[:, 1:-1] + s[:, :-2]) % 4)
    with pytest.raises(ValueError, match="T should be an int of at least 3"):
        tasks.sum_sequences(2, 2, rng)


@pytest.mark.parametrize("cell", ["rnn", "lstm", "gru"])
@pytest.mark.parametrize("both", [False, True])
def test_the_taggers_gradients_match_finite_differences(rng, cell, both):
    parameters = tagging.init_tagger(cell, 4, 3, 4, rng, both)
    x, targets, mask = tasks.look_ahead(3, 5, 1, rng)
    _, grads = tagging.tagger_loss_and_gradients(cell, x, targets, mask, parameters)
    weight = {"rnn": "Waa", "lstm": "Wf", "gru": "Wc"}[cell]
    arrays = {"Wy": parameters["Wy"], "first": parameters["forward"][weight]}
    analytic = {"dWy": grads["Wy"], "dfirst": grads["forward"]["d" + weight]}
    if both:
        arrays["second"] = parameters["backward"][weight]
        analytic["dsecond"] = grads["backward"]["d" + weight]

    def loss():
        return tagging.tagger_loss_and_gradients(cell, x, targets, mask, parameters)[0]

    errors = helpers.gradient_check(loss, arrays, analytic)
    assert max(errors.values()) < 1e-7, errors


def test_the_taggers_gradients_cover_exactly_what_is_learnt(rng):
    parameters = tagging.init_tagger("rnn", 4, 3, 4, rng, True)
    _, grads = tagging.tagger_loss_and_gradients("rnn", *tasks.look_ahead(2, 5, 1, rng), parameters)
    assert set(grads) == {"forward", "backward", "Wy", "by"}
    assert set(grads["forward"]) == {"dWax", "dWaa", "dba"}


def test_two_directions_learn_the_look_ahead_task_and_one_does_not():
    _, _, two = tagging.look_ahead_experiment("rnn", True, 6, 1, 150, seed=0, test_size=200)
    _, _, one = tagging.look_ahead_experiment("rnn", False, 6, 1, 150, seed=0, test_size=200)
    assert two >= 0.99 and one <= 0.4


def test_a_writer_keeps_its_start_and_writes_symbols(rng):
    parameters = tagging.init_tagger("lstm", 4, 5, 4, rng, False)
    start = np.array([[0, 1], [2, 3]])
    written = tagging.free_running("lstm", parameters, start, 7)
    assert written.shape == (2, 7) and written.dtype.kind == "i"
    np.testing.assert_array_equal(written[:, :2], start)
    assert written.min() >= 0 and written.max() < 4


def test_a_network_that_reads_backwards_cannot_write(rng):
    parameters = tagging.init_tagger("rnn", 4, 3, 4, rng, True)
    with pytest.raises(ValueError, match="cannot write forwards"):
        tagging.free_running("rnn", parameters, np.zeros((1, 2), dtype=int), 5)


def test_a_sequence_written_right_to_the_end_is_right_at_every_step(rng):
    parameters = tagging.init_tagger("rnn", 4, 8, 4, rng, False)
    tagging.train_tagger("rnn", parameters, lambda: tasks.shifted_targets(
        tasks.sum_sequences(32, 8, rng), 1), 60)  # fmt: skip
    forced, written, whole = tagging.forced_and_written(
        "rnn", parameters, tasks.sum_sequences(100, 8, np.random.default_rng(1)), 2
    )
    assert forced.shape == written.shape == (6,)
    assert 0.0 <= whole <= written.min() <= 1.0
