"""Sequence tasks with long time lags (introduced in 07_training_rnn_vs_lstm).

The temporal order problem (Hochreiter & Schmidhuber 1997, experiment 6a), shortened to a
length T of your choice: a sequence of random distractor symbols a, b, c, d between a start
marker B and an end marker E holds two relevant symbols, each X or Y, one early (at a step
in [0.1 T, 0.2 T]) and one in the middle (in [0.5 T, 0.6 T]). The class is the ordered
pair: XX, XY, YX or YY. Nothing after the middle of the sequence tells them apart, so a
network must carry the two symbols across at least 0.4 T steps; guessing gives 25 %.
"""

from dataclasses import dataclass

import numpy as np

SYMBOLS = ("a", "b", "c", "d", "X", "Y", "B", "E")
CLASSES = ("XX", "XY", "YX", "YY")
MIN_LENGTH = 10


@dataclass(frozen=True)
class SequenceData:
    """A labelled batch of one-hot sequences.

    Attributes
    ----------
    x : ndarray, shape (n_x, m, T_x), one-hot symbols (n_x = len(SYMBOLS))
    labels : ndarray of int, shape (m,), class index into CLASSES
    positions : ndarray of int, shape (m, 2), the steps of the two relevant symbols
    """

    x: np.ndarray
    labels: np.ndarray
    positions: np.ndarray

    def decode(self, example):
        """The symbols of one example as a string, e.g. 'BacXdb...E'."""
        return "".join(SYMBOLS[k] for k in self.x[:, example, :].argmax(axis=0))


def relevant_windows(T):
    """The two ranges of steps, (first, last) inclusive, that hold the relevant symbols."""
    return (round(0.1 * T), round(0.2 * T)), (round(0.5 * T), round(0.6 * T))


def temporal_order(m, T, rng):
    """Draw m sequences of the temporal order problem of length T.

    Parameters
    ----------
    m : int, number of sequences
    T : int, sequence length, at least 10
    rng : numpy.random.Generator

    Returns
    -------
    SequenceData with x (8, m, T), labels (m,), positions (m, 2)
    """
    if not isinstance(m, (int, np.integer)) or m < 1:
        raise ValueError(f"temporal_order: m should be a positive int, got {m!r}.")
    if not isinstance(T, (int, np.integer)) or T < MIN_LENGTH:
        raise ValueError(f"temporal_order: T should be an int of at least {MIN_LENGTH}, got {T!r}.")
    if not isinstance(rng, np.random.Generator):
        raise TypeError("temporal_order: rng should be a numpy Generator (np.random.default_rng).")
    (lo1, hi1), (lo2, hi2) = relevant_windows(T)
    symbols = rng.integers(0, 4, size=(m, T))  # distractors a, b, c, d
    symbols[:, 0] = SYMBOLS.index("B")
    symbols[:, -1] = SYMBOLS.index("E")
    positions = np.stack(
        [rng.integers(lo1, hi1 + 1, size=m), rng.integers(lo2, hi2 + 1, size=m)], axis=1
    )
    is_y = rng.integers(0, 2, size=(m, 2))  # 0 -> X, 1 -> Y
    rows = np.arange(m)
    for k in range(2):
        symbols[rows, positions[:, k]] = SYMBOLS.index("X") + is_y[:, k]
    x = np.zeros((len(SYMBOLS), m, T))
    x[symbols.T, rows[None, :], np.arange(T)[:, None]] = 1.0
    return SequenceData(x=x, labels=2 * is_y[:, 0] + is_y[:, 1], positions=positions)
