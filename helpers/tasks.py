"""Sequence tasks: the temporal order problem, with long time lags (introduced in
07_training_rnn_vs_lstm), and the look-ahead task, whose answers lie in the future (12).

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


LOOK_AHEAD_SYMBOLS = ("a", "b", "c", "d")


def shifted_targets(symbols, shift):
    """One-hot inputs and the targets `shift` steps ahead, for a tagger (12).

    Parameters
    ----------
    symbols : ndarray of int, shape (m, T), indices into LOOK_AHEAD_SYMBOLS
    shift : int, 1 <= shift < T

    Returns
    -------
    x : ndarray, shape (4, m, T), one-hot symbols
    targets : ndarray of int, shape (m, T), the symbol at t + shift (0 where t + shift >= T)
    mask : ndarray of bool, shape (m, T), True at the steps that have a target
    """
    m, T = symbols.shape
    if not isinstance(shift, (int, np.integer)) or not 1 <= shift < T:
        raise ValueError(f"shift should be an int in [1, T), got shift={shift!r}, T={T}.")
    x = np.zeros((len(LOOK_AHEAD_SYMBOLS), m, T))
    x[symbols.T, np.arange(m)[None, :], np.arange(T)[:, None]] = 1.0
    targets = np.zeros((m, T), dtype=int)
    targets[:, : T - shift] = symbols[:, shift:]
    mask = np.zeros((m, T), dtype=bool)
    mask[:, : T - shift] = True
    return x, targets, mask


def look_ahead(m, T, shift, rng):
    """Draw m sequences of the look-ahead task: random symbols, and at each step t the
    target is the symbol `shift` steps later, x<t + shift>. A network that reads forwards
    has not seen it yet (guessing gives 1 / 4); one that also reads backwards has.

    Returns x (4, m, T), targets (m, T), mask (m, T), as shifted_targets does.
    """
    return shifted_targets(rng.integers(0, len(LOOK_AHEAD_SYMBOLS), size=(m, T)), shift)


def sum_sequences(m, T, rng):
    """m sequences in which each symbol is the sum of the two before it, mod 4 (the first
    two at random): the whole sequence follows from its first two symbols.

    Returns
    -------
    symbols : ndarray of int, shape (m, T), T >= 3
    """
    if not isinstance(T, (int, np.integer)) or T < 3:
        raise ValueError(f"sum_sequences: T should be an int of at least 3, got {T!r}.")
    symbols = np.zeros((m, T), dtype=int)
    symbols[:, :2] = rng.integers(0, len(LOOK_AHEAD_SYMBOLS), size=(m, 2))
    for t in range(2, T):
        symbols[:, t] = (symbols[:, t - 1] + symbols[:, t - 2]) % len(LOOK_AHEAD_SYMBOLS)
    return symbols
