"""The temporal order task: seeded, well-formed, and only solvable by remembering."""

import numpy as np
import pytest

from helpers.tasks import CLASSES, SYMBOLS, relevant_windows, temporal_order


def test_same_seed_same_data():
    first = temporal_order(20, 30, np.random.default_rng(5))
    second = temporal_order(20, 30, np.random.default_rng(5))
    np.testing.assert_array_equal(first.x, second.x)
    np.testing.assert_array_equal(first.labels, second.labels)


def test_shapes_and_one_hot():
    data = temporal_order(16, 25, np.random.default_rng(0))
    assert data.x.shape == (len(SYMBOLS), 16, 25)
    assert data.labels.shape == (16,) and data.positions.shape == (16, 2)
    np.testing.assert_array_equal(data.x.sum(axis=0), np.ones((16, 25)))


def test_sequences_start_with_B_end_with_E_and_hold_two_relevant_symbols():
    data = temporal_order(50, 40, np.random.default_rng(1))
    for example in range(50):
        text = data.decode(example)
        assert text[0] == "B" and text[-1] == "E"
        assert sum(ch in "XY" for ch in text) == 2
        assert set(text[1:-1]) <= set("abcdXY")


def test_labels_name_the_two_relevant_symbols_in_order():
    data = temporal_order(50, 40, np.random.default_rng(2))
    for example in range(50):
        text = data.decode(example)
        first, second = data.positions[example]
        assert CLASSES[data.labels[example]] == text[first] + text[second]


def test_relevant_symbols_lie_in_their_windows():
    T = 50
    (lo1, hi1), (lo2, hi2) = relevant_windows(T)
    data = temporal_order(500, T, np.random.default_rng(3))
    assert data.positions[:, 0].min() >= lo1 and data.positions[:, 0].max() <= hi1
    assert data.positions[:, 1].min() >= lo2 and data.positions[:, 1].max() <= hi2
    assert (lo1, hi1, lo2, hi2) == (5, 10, 25, 30)


def test_classes_are_balanced():
    counts = np.bincount(temporal_order(4000, 20, np.random.default_rng(4)).labels, minlength=4)
    assert counts.min() > 900


@pytest.mark.parametrize("m, T", [(0, 20), (5, 9), (5, 20.0)])
def test_bad_sizes_are_rejected(m, T):
    with pytest.raises(ValueError, match="should be"):
        temporal_order(m, T, np.random.default_rng(0))


def test_a_seed_instead_of_a_generator_is_rejected():
    with pytest.raises(TypeError, match="Generator"):
        temporal_order(5, 20, 0)
