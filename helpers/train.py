"""Training a recurrent network to classify whole sequences (07_training_rnn_vs_lstm).

The network reads the whole sequence; its last hidden state a<T> goes through an output
layer, logits = W_out a<T> + by (W_out is Wya for the RNN, Wy for the LSTM and the GRU),
and a softmax cross-entropy against the label. Training uses the fast forward and backward
passes (helpers.fast, helpers.fast_gru), global-norm clipping and Adam.
"""

import numpy as np

from .cells import CELLS, cell_spec
from .deep import run
from .initialization import init_gru_parameters, init_lstm_parameters, init_rnn_parameters
from .losses import softmax_cross_entropy
from .optim import Adam, clip_by_global_norm
from .tasks import CLASSES, SYMBOLS, temporal_order
from .threads import single_threaded_blas


def init_classifier(cell, n_x, n_a, n_y, rng, forget_bias=1.0, update_bias=0.0, T_max=None):
    """Parameters of a classifier of any cell of helpers.cells (forget_bias applies to the
    LSTM only, update_bias to the GRU only, T_max, the task's length, to the variants of 13
    that need it)."""
    spec = cell_spec(cell)
    if "init" in spec:  # a variant of 13, with its own initialisation
        return spec["init"](n_x, n_a, n_y, rng, T_max)
    if spec is CELLS["lstm"]:
        return init_lstm_parameters(n_x, n_a, n_y, rng, forget_bias=forget_bias)
    if spec is CELLS["gru"]:
        return init_gru_parameters(n_x, n_a, n_y, rng, update_bias=update_bias)
    return init_rnn_parameters(n_x, n_a, n_y, rng)


def last_hidden_state(cell, x, parameters):
    """Run the network over x (n_x, m, T_x) from a zero state.

    Returns
    -------
    a_last : ndarray, shape (n_a, m), the hidden state after the last step
    a : ndarray, shape (n_a, m, T_x), every hidden state
    caches : the fast caches, for the backward pass
    """
    spec = cell_spec(cell)
    n_a = parameters[spec["output"]].shape[1]
    results = spec["forward"](x, np.zeros((n_a, x.shape[1])), parameters)
    a, caches = results[0], results[-1]
    return a[:, :, -1], a, caches


def predict_proba(cell, x, parameters):
    """Class probabilities (n_y, m) from the last hidden state."""
    spec = cell_spec(cell)
    a_last, _, _ = last_hidden_state(cell, x, parameters)
    logits = parameters[spec["output"]] @ a_last + parameters["by"]
    logits -= logits.max(axis=0, keepdims=True)
    probs = np.exp(logits)
    return probs / probs.sum(axis=0, keepdims=True)


def accuracy(cell, x, labels, parameters):
    """Fraction of sequences whose most probable class is the label (a float in [0, 1])."""
    return float(np.mean(predict_proba(cell, x, parameters).argmax(axis=0) == labels))


def classifier_loss_and_gradients(cell, x, labels, parameters, return_dx=False, window=None):
    """Cross-entropy of the classifier on one batch and its gradient for every parameter.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    x : ndarray, shape (n_x, m, T_x)
    labels : ndarray of int, shape (m,)
    parameters : dict of the cell's parameters, with its output layer
    return_dx : bool, also return dL/dx (n_x, m, T_x) under "dx", to see how much
        each input step matters
    window : int, optional, truncated backpropagation: the gradient goes back through
        the last `window` steps only; the state before them is carried forward, not
        backpropagated through (dx is 0 there). None: through every step

    Returns
    -------
    loss : float, mean cross-entropy in nats
    grads : dict "d" + name -> gradient of the loss, same shape as parameters[name]
        (and "dx" if asked)
    """
    spec = cell_spec(cell)
    W_out = parameters[spec["output"]]
    T_x = x.shape[2]
    cut = 0 if window is None else max(0, T_x - window)  # steps before the window
    a0, c0 = None, None
    if cut:  # the state the window starts from, read without keeping a cache
        before, c_before, _ = run(cell, x[:, :, :cut], parameters)
        a0, c0 = before[:, :, -1], None if c_before is None else c_before[:, :, -1]
    a, _, caches = run(cell, x[:, :, cut:], parameters, a0, c0)
    a_last = a[:, :, -1]
    logits = W_out @ a_last + parameters["by"]  # (n_y, m)
    loss, dlogits = softmax_cross_entropy(logits, labels)
    da = np.zeros_like(a)
    da[:, :, -1] = W_out.T @ dlogits  # only the last state feeds the output layer
    grads = spec["backward"](da, caches)
    for initial_state in ("da0", "dc0"):  # not learnt (zeros), or cut off (the window)
        grads.pop(initial_state, None)
    if return_dx:
        grads["dx"] = np.concatenate((np.zeros_like(x[:, :, :cut]), grads["dx"]), axis=2)
    else:
        del grads["dx"]
    grads["d" + spec["output"]] = dlogits @ a_last.T
    grads["dby"] = dlogits.sum(axis=1, keepdims=True)
    return loss, grads


def train_classifier(
    cell, parameters, next_batch, steps, learning_rate=1e-2, max_norm=1.0, callback=None,
    should_stop=None, window=None,
):  # fmt: skip
    """Train in place with Adam and global-norm clipping (BLAS on one thread, see
    single_threaded_blas).

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    parameters : dict, changed in place
    next_batch : callable () -> (x, labels), a fresh training batch each call
    steps : int, number of updates
    learning_rate : float > 0, Adam's step size
    max_norm : float > 0, the global gradient norm is clipped to this
    callback : callable (step, loss) -> None, optional, e.g. to move a progress bar
    should_stop : callable (step) -> bool, optional, asked after each update; training
        ends early when it returns True
    window : int, optional, truncated backpropagation through the last `window` steps
        (see classifier_loss_and_gradients)

    Returns
    -------
    history : dict with "loss" and "grad_norm", arrays of shape (steps made,): (steps,)
        unless should_stop ended training early
    """
    if not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"train_classifier: steps should be a positive int, got {steps!r}.")
    optimizer = Adam(lr=learning_rate)
    history = {"loss": np.zeros(steps), "grad_norm": np.zeros(steps)}
    with single_threaded_blas():
        for step in range(steps):
            x, labels = next_batch()
            loss, grads = classifier_loss_and_gradients(cell, x, labels, parameters, window=window)
            grads, norm = clip_by_global_norm(grads, max_norm)
            optimizer.step(parameters, grads)
            history["loss"][step], history["grad_norm"][step] = loss, norm
            if callback is not None:
                callback(step, loss)
            if should_stop is not None and should_stop(step):
                return {key: values[: step + 1] for key, values in history.items()}
    return history


TEST_SEED = 10_000
VALIDATION_SEED = 20_000
SOLVED_ACCURACY = 0.99  # a run "solves" the task at this test accuracy or above
# Early stopping asks for more than "solved" (at most 1 mistake in the 500 validation
# sequences), so that a stopped run is solved with a margin, not at the edge.
STOP_ACCURACY = 0.998
CHECK_EVERY = 25  # updates between two looks at the validation set when stopping early


def temporal_order_test_set(T, size=1000):
    """The fixed test set of the temporal order task at length T (seed 10_000 + T)."""
    return temporal_order(size, T, np.random.default_rng(TEST_SEED + T))


def temporal_order_validation_set(T, size=500):
    """The fixed validation set at length T (seed 20_000 + T), disjoint in its draws from
    the test set; early stopping looks at it, never at the test set."""
    return temporal_order(size, T, np.random.default_rng(VALIDATION_SEED + T))


def temporal_order_experiment(
    cell, T, steps, seed=0, n_a=32, batch_size=32, learning_rate=1e-2, max_norm=1.0,
    forget_bias=1.0, update_bias=0.0, test_size=1000, callback=None, stop_when_solved=False,
    window=None,
):  # fmt: skip
    """Train an RNN, LSTM or GRU classifier on the temporal order task and test it.

    The configuration of 07 (one run, and every run of helpers.sweep), of
    scripts/train_gate_network.py (the network 08 opens) and of
    benchmarks/temporal_order.py, so that all of them train the same way. Training
    batches are fresh draws from default_rng(seed); the test set is
    temporal_order_test_set(T, test_size).

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    T : int, sequence length (the lag between the symbols grows with it)
    steps : int, number of Adam updates
    seed : int, for the weights and the training batches
    n_a, batch_size : int
    learning_rate, max_norm : float, Adam's step size and the clipping threshold
    forget_bias : float, the LSTM's initial forget-gate bias
    update_bias : float, the GRU's initial update-gate bias
    test_size : int, number of test sequences
    callback : callable (step, loss) -> None, optional
    stop_when_solved : bool, stop as soon as the accuracy on the fixed validation set
        (temporal_order_validation_set, checked every CHECK_EVERY updates) reaches
        STOP_ACCURACY; steps is then a cap
    window : int, optional, truncated backpropagation through the last `window` steps

    Returns
    -------
    parameters : dict, the trained parameters
    history : dict with "loss" and "grad_norm", arrays of shape (steps made,), at most
        (steps,)
    test_accuracy : float in [0, 1]
    """
    rng = np.random.default_rng(seed)
    parameters = init_classifier(
        cell, len(SYMBOLS), n_a, len(CLASSES), rng, forget_bias=forget_bias,
        update_bias=update_bias, T_max=T,
    )  # fmt: skip

    def next_batch():
        data = temporal_order(batch_size, T, rng)
        return data.x, data.labels

    should_stop = None
    if stop_when_solved:
        validation = temporal_order_validation_set(T)

        def should_stop(step):
            if (step + 1) % CHECK_EVERY:
                return False
            return accuracy(cell, validation.x, validation.labels, parameters) >= STOP_ACCURACY

    history = train_classifier(
        cell, parameters, next_batch, steps, learning_rate, max_norm, callback, should_stop,
        window,
    )  # fmt: skip
    test = temporal_order_test_set(T, test_size)
    return parameters, history, accuracy(cell, test.x, test.labels, parameters)
