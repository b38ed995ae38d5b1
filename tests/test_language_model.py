"""The names data set and the character-level language model of 09."""

import hashlib
import math

import numpy as np
import pytest

from helpers import gradient_check
from helpers import language_model as lm
from helpers.corpus import NAMES_FILE, load_names, split_names


def test_the_names_file_ships_with_the_package():
    digest = hashlib.sha256(NAMES_FILE.read_bytes()).hexdigest()
    assert digest == "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d"
    names = load_names()
    assert len(names) == 32033 and names[:3] == ["emma", "olivia", "ava"]


def test_a_missing_file_gets_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no names file at"):
        load_names(tmp_path / "nowhere.txt")


@pytest.mark.parametrize("text, line", [("anna\n\nbob\n", 2), ("anna\nBob\n", 2), ("ann a\n", 1)])
def test_a_malformed_file_names_the_line(tmp_path, text, line):
    path = tmp_path / "names.txt"
    path.write_text(text)
    with pytest.raises(ValueError, match=f"line {line} of names.txt"):
        load_names(path)


def test_the_split_is_seeded_and_complete():
    names = load_names()
    first = split_names(names, np.random.default_rng(0))
    second = split_names(names, np.random.default_rng(0))
    assert first == second
    assert [len(part) for part in first] == [25626, 3203, 3204]
    assert sorted(sum(first, [])) == sorted(names)


def test_encode_shifts_the_targets_by_one_and_ends_with_the_end_token():
    x, targets, mask = lm.encode(["ab", "c"])
    assert x.shape == (27, 2, 3)
    assert [lm.VOCAB[k] for k in x[:, 0, :].argmax(axis=0)] == [".", "a", "b"]
    assert [lm.VOCAB[k] for k in targets[0]] == ["a", "b", "."]
    assert mask.tolist() == [[True, True, True], [True, True, False]]
    assert not x[:, 1, 2].any()  # padding is all zeros


def test_encode_rejects_other_characters():
    with pytest.raises(ValueError, match="outside a-z"):
        lm.encode(["anna-lena"])


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_gradients_match_finite_differences(rng, cell):
    parameters = lm.init_language_model(cell, 4, rng)
    parameters["by"] = rng.normal(size=(27, 1))
    x, targets, mask = lm.encode(["ava", "bo", "eve"])
    _, grads = lm.language_model_loss_and_gradients(cell, x, targets, mask, parameters)
    errors = gradient_check(
        lambda: lm.language_model_loss_and_gradients(cell, x, targets, mask, parameters)[0],
        parameters,
        grads,
    )
    assert max(errors.values()) < 1e-6, errors


def test_an_untrained_model_costs_about_log_27_nats():
    parameters = lm.init_language_model("lstm", 16, np.random.default_rng(0))
    assert lm.evaluate("lstm", parameters, load_names()[:500]) == pytest.approx(
        math.log(27), abs=0.1
    )


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_training_lowers_the_loss(cell):
    rng = np.random.default_rng(0)
    names = load_names()[:2000]
    parameters = lm.init_language_model(cell, 16, rng)
    before = lm.evaluate(cell, parameters, names)
    lm.train_language_model(cell, parameters, names, 60, rng, batch_size=32, learning_rate=0.02)
    assert lm.evaluate(cell, parameters, names) < before - 0.5


def test_sampling_is_seeded_and_yields_names():
    parameters = lm.init_language_model("lstm", 8, np.random.default_rng(0))
    first = lm.sample("lstm", parameters, 20, np.random.default_rng(5), max_length=12)
    second = lm.sample("lstm", parameters, 20, np.random.default_rng(5), max_length=12)
    assert first == second and len(first) == 20
    assert all(set(name) <= set("abcdefghijklmnopqrstuvwxyz") and len(name) <= 12 for name in first)


def test_a_low_temperature_makes_samples_more_alike():
    rng = np.random.default_rng(0)
    parameters = lm.init_language_model("rnn", 16, rng)
    lm.train_language_model("rnn", parameters, load_names()[:2000], 50, rng, learning_rate=0.02)
    cold = lm.sample("rnn", parameters, 200, np.random.default_rng(1), temperature=0.2)
    hot = lm.sample("rnn", parameters, 200, np.random.default_rng(1), temperature=2.0)
    assert len(set(cold)) < len(set(hot))


def test_sampling_rejects_a_zero_temperature():
    parameters = lm.init_language_model("rnn", 4, np.random.default_rng(0))
    with pytest.raises(ValueError, match="temperature should be > 0"):
        lm.sample("rnn", parameters, 2, np.random.default_rng(0), temperature=0.0)


def test_novel_share_counts_names_outside_the_training_set():
    assert lm.novel_share(["ava", "zed", "emma", "qix"], ["ava", "emma"]) == 0.5
    with pytest.raises(ValueError, match="no samples"):
        lm.novel_share([], ["ava"])


@pytest.mark.parametrize("temperature", [0.1, 2.5])
def test_the_sampler_survives_its_sliders_extremes(temperature):
    from helpers.language_model import sample_table
    from helpers.widgets import name_sampler

    parameters = lm.init_language_model("lstm", 8, np.random.default_rng(0))
    names, novel = sample_table("lstm", parameters, ["ava"], temperature, n=5, seed=99)
    assert len(names) == 5 and 0.0 <= novel <= 1.0
    box = name_sampler("lstm", parameters, ["ava"], temperature=temperature)
    temperature_slider, seed_slider = box.children[0].children
    assert (temperature_slider.min, temperature_slider.max) == (0.1, 2.5)
    assert seed_slider.max == 99


def test_the_bigram_baseline_is_about_2_45_nats_on_the_test_split():
    train, _, test = split_names(load_names(), np.random.default_rng(0))
    counts = lm.bigram_counts(train)
    assert counts.shape == (27, 27) and counts.min() >= 1.0
    assert lm.bigram_loss(counts, test) == pytest.approx(2.45, abs=0.01)


def test_bigram_counts_follow_the_names():
    counts = lm.bigram_counts(["ab"], smoothing=0.0)
    pairs = {(lm.VOCAB[j], lm.VOCAB[k]) for j, k in zip(*np.nonzero(counts))}
    assert pairs == {(".", "a"), ("a", "b"), ("b", ".")}


def test_each_target_is_a_first_letter_a_later_letter_or_the_end():
    _, targets, mask = lm.encode(["ava", "bo"])
    kinds = lm.target_kinds(targets)
    assert kinds[0].tolist() == [0, 1, 1, 2]  # a, v, a, end
    assert kinds[1][mask[1]].tolist() == [0, 1, 2]  # b, o, end


@pytest.mark.parametrize("cell", ["rnn", "lstm"])
def test_the_loss_by_kind_adds_up_to_the_overall_loss(cell):
    names = load_names()[:300]
    parameters = lm.init_language_model(cell, 8, np.random.default_rng(1))
    losses, numbers = lm.loss_by_kind(cell, parameters, names, batch_size=128)
    assert numbers.sum() == sum(len(name) + 1 for name in names)
    assert numbers[0] == numbers[2] == len(names)  # one first letter and one end per name
    overall = (losses * numbers).sum() / numbers.sum()
    assert overall == pytest.approx(lm.evaluate(cell, parameters, names), rel=1e-12)


def test_the_bigrams_loss_by_kind_adds_up_to_its_overall_loss():
    names = load_names()
    counts = lm.bigram_counts(names[:2000])
    losses, numbers = lm.bigram_loss_by_kind(counts, names[2000:2500])
    overall = (losses * numbers).sum() / numbers.sum()
    assert overall == pytest.approx(lm.bigram_loss(counts, names[2000:2500]), rel=1e-12)


def test_entropy_is_log_27_for_a_uniform_choice_and_ignores_zeros():
    assert lm.entropy(np.full(27, 1 / 27)) == pytest.approx(math.log(27))
    assert lm.entropy([0.5, 0.5, 0.0]) == pytest.approx(math.log(2))
