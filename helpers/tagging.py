"""A network that labels every step of a sequence, reading it in one direction or in both
(12_deep_and_bidirectional): trained on the look-ahead task (helpers.tasks.look_ahead), and,
in one direction, to predict the next symbol and then to write sequences by itself.

At step t the output layer sees the hidden state: a<t> of one cell reading forwards, or
[a_forward<t>; a_backward<t>] (2 n_a, m) of two cells, one per direction
(helpers.deep.bidirectional_forward). logits<t> = Wy a<t> + by, a softmax cross-entropy
per counted step, Adam and global-norm clipping as in helpers.train.

Parameters are a dict: "forward" (a cell's parameters), "backward" (the same, for two
directions only), and the output layer "Wy" (n_y, k n_a) and "by" (n_y, 1), k = 1 or 2.
The cells' own output weights are not used.
"""

import numpy as np

from .cells import cell_spec
from .deep import (
    bidirectional_backward,
    bidirectional_forward,
    run,
    stacked_backward,
    stacked_forward,
)
from .losses import softmax_cross_entropy
from .optim import Adam, clip_by_global_norm
from .tasks import LOOK_AHEAD_SYMBOLS, look_ahead, shifted_targets
from .threads import single_threaded_blas
from .train import SOLVED_ACCURACY, init_classifier

TEST_SEED = 30_000


def init_tagger(cell, n_x, n_a, n_y, rng, bidirectional):
    """Parameters of a tagger: one cell per direction and an output layer on their states."""
    parameters = {"forward": init_classifier(cell, n_x, n_a, n_y, rng)}
    if bidirectional:
        parameters["backward"] = init_classifier(cell, n_x, n_a, n_y, rng)
    width = len(parameters) * n_a
    parameters["Wy"] = rng.normal(0.0, 1.0 / np.sqrt(width), size=(n_y, width))
    parameters["by"] = np.zeros((n_y, 1))
    return parameters


def _states(cell, x, parameters):
    if "backward" in parameters:
        return bidirectional_forward(cell, x, parameters["forward"], parameters["backward"])
    a, caches = stacked_forward(cell, x, [parameters["forward"]])
    return a, caches


def tagger_logits(cell, x, parameters):
    """Scores of every class at every step: (n_y, m, T_x)."""
    a, _ = _states(cell, x, parameters)
    return np.einsum("ya,amt->ymt", parameters["Wy"], a) + parameters["by"][:, :, None]


def tagger_loss_and_gradients(cell, x, targets, mask, parameters):
    """Mean cross-entropy over the counted steps, and the gradients.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    x : ndarray, shape (n_x, m, T_x)
    targets : ndarray of int, shape (m, T_x)
    mask : ndarray of bool, shape (m, T_x), the steps that count
    parameters : dict, as from init_tagger

    Returns
    -------
    loss : float
    grads : dict with the keys of parameters: "forward" (and "backward") hold the
        cells' gradient dicts ("dWaa", ...), "Wy" and "by" the output layer's gradients
    """
    a, caches = _states(cell, x, parameters)
    logits = np.einsum("ya,amt->ymt", parameters["Wy"], a) + parameters["by"][:, :, None]
    loss, dlogits = softmax_cross_entropy(logits, targets, mask)  # dlogits (n_y, m, T_x)
    da = np.einsum("ya,ymt->amt", parameters["Wy"], dlogits)  # (k n_a, m, T_x)
    if "backward" in parameters:
        forward_grads, backward_grads, _ = bidirectional_backward(cell, da, caches)
        grads = {"forward": forward_grads, "backward": backward_grads}
    else:
        grads = {"forward": stacked_backward(cell, da, caches)[0]}
    output = cell_spec(cell)["output"]
    for part in grads.values():  # neither the inputs nor the zero initial states are learnt
        for unused in ("dx", "da0", "dc0", "d" + output, "dby"):
            part.pop(unused, None)
    grads["Wy"] = np.einsum("ymt,amt->ya", dlogits, a)
    grads["by"] = dlogits.sum(axis=(1, 2))[:, None]
    return loss, grads


def _flat(parameters, grads):
    """The learnt arrays under one name each ("forward.Waa", ..., "Wy"), and their
    gradients under "d" + that name, as Adam and clip_by_global_norm expect."""
    arrays, flat_grads = {}, {}
    for part in ("forward", "backward"):
        for key, g in grads.get(part, {}).items():
            arrays[f"{part}.{key[1:]}"] = parameters[part][key[1:]]
            flat_grads[f"d{part}.{key[1:]}"] = g
    for key in ("Wy", "by"):
        arrays[key], flat_grads["d" + key] = parameters[key], grads[key]
    return arrays, flat_grads


def tagger_accuracy(cell, x, targets, mask, parameters):
    """Share of the counted steps whose most probable class is the target."""
    predicted = tagger_logits(cell, x, parameters).argmax(axis=0)  # (m, T_x)
    return float(np.mean(predicted[mask] == targets[mask]))


def train_tagger(cell, parameters, next_batch, steps, learning_rate=1e-2, max_norm=1.0):
    """Train in place with Adam and global-norm clipping (BLAS on one thread).

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    parameters : dict, as from init_tagger, changed in place
    next_batch : callable () -> (x, targets, mask), a fresh batch each call
    steps : int, number of updates
    learning_rate, max_norm : float

    Returns
    -------
    losses : ndarray, shape (steps,)
    """
    optimizer = Adam(lr=learning_rate)
    losses = np.zeros(steps)
    with single_threaded_blas():
        for step in range(steps):
            losses[step], grads = tagger_loss_and_gradients(cell, *next_batch(), parameters)
            arrays, flat_grads = _flat(parameters, grads)
            flat_grads, _ = clip_by_global_norm(flat_grads, max_norm)
            optimizer.step(arrays, flat_grads)
    return losses


def look_ahead_experiment(cell, bidirectional, T, shift, steps, seed=0, n_a=16, batch_size=32,
                          learning_rate=1e-2, max_norm=1.0, test_size=500):  # fmt: skip
    """Train a tagger on the look-ahead task and test it on a fixed test set.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    bidirectional : bool, two directions or one (forwards)
    T, shift : int, the sequences' length and how far ahead the target lies
    steps : int, Adam updates (fresh batches from default_rng(seed))
    seed, n_a, batch_size : int
    learning_rate, max_norm : float
    test_size : int, sequences of the fixed test set (seed TEST_SEED + T)

    Returns
    -------
    parameters : dict, the trained tagger
    losses : ndarray, shape (steps,)
    test_accuracy : float in [0, 1]
    """
    rng = np.random.default_rng(seed)
    n_symbols = len(LOOK_AHEAD_SYMBOLS)
    parameters = init_tagger(cell, n_symbols, n_a, n_symbols, rng, bidirectional)
    losses = train_tagger(
        cell, parameters, lambda: look_ahead(batch_size, T, shift, rng), steps, learning_rate,
        max_norm,
    )  # fmt: skip
    test = look_ahead(test_size, T, shift, np.random.default_rng(TEST_SEED + T))
    return parameters, losses, tagger_accuracy(cell, *test, parameters)


def free_running(cell, parameters, start, T):
    """Let a one-direction tagger trained to predict the next symbol write a sequence:
    from the symbols of `start`, each next input is its own most probable prediction.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    parameters : dict, as from init_tagger(..., bidirectional=False)
    start : ndarray of int, shape (m, k), the first k symbols, given
    T : int, the length of the sequences written, T > k

    Returns
    -------
    symbols : ndarray of int, shape (m, T), start followed by the predictions
    """
    if "backward" in parameters:
        raise ValueError("free_running: a network that reads backwards cannot write forwards.")
    m, k = start.shape
    symbols = np.zeros((m, T), dtype=int)
    symbols[:, :k] = start
    a, c = None, None
    with single_threaded_blas():
        for t in range(T - 1):
            x = np.zeros((len(LOOK_AHEAD_SYMBOLS), m, 1))
            x[symbols[:, t], np.arange(m), 0] = 1.0
            states, cells, _ = run(cell, x, parameters["forward"], a, c)
            a, c = states[:, :, 0], None if cells is None else cells[:, :, 0]
            if t + 1 >= k:
                symbols[:, t + 1] = (parameters["Wy"] @ a + parameters["by"]).argmax(axis=0)
    return symbols


def forced_and_written(cell, parameters, sequences, first):
    """Score a next-symbol predictor two ways: with the true history at every step
    (teacher forcing), and as a writer given the first symbols (free_running).

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    parameters : dict, a one-direction tagger trained on shifted_targets(..., 1)
    sequences : ndarray of int, shape (m, T), the true sequences
    first : int, the symbols given to the writer, 1 <= first < T

    Returns
    -------
    forced : ndarray, shape (T - first,), the share of right predictions of the symbol at
        each step first ... T - 1, given the true history
    written : ndarray, shape (T - first,), the share of written symbols equal to the true
        ones at the same steps
    whole : float, the share of sequences written right to the end
    """
    T = sequences.shape[1]
    x, next_symbols, _ = shifted_targets(sequences, 1)
    predicted = tagger_logits(cell, x, parameters).argmax(axis=0)  # (m, T): for step t + 1
    forced = (predicted == next_symbols)[:, first - 1 : T - 1].mean(axis=0)
    own = free_running(cell, parameters, sequences[:, :first], T)
    right = own[:, first:] == sequences[:, first:]  # (m, T - first)
    return forced, right.mean(axis=0), float(right.all(axis=1).mean())


def solved(accuracy):
    """True at SOLVED_ACCURACY (0.99) or above, as for the temporal order task."""
    return accuracy >= SOLVED_ACCURACY
