"""A character-level language model on names (introduced in 09_character_language_model).

Each name is read one character at a time. The input at step t is the previous character
(the end token "." stands for "start" at step 0); the target is the next character, and
after the last letter it is the end token, so the model also learns where names stop.
The loss counts every target, the end token included, as makemore does, in nats per
character. Padding after the end of a shorter name is masked out.

Training uses the fast forward and backward passes of helpers.fast.
"""

import numpy as np

from .cells import cell_spec
from .losses import softmax_cross_entropy
from .optim import Adam, clip_by_global_norm
from .threads import single_threaded_blas
from .train import init_classifier

END = "."
VOCAB = END + "abcdefghijklmnopqrstuvwxyz"
INDEX = {ch: k for k, ch in enumerate(VOCAB)}


def encode(names):
    """One-hot inputs, targets and mask for a batch of names.

    Parameters
    ----------
    names : list of m str

    Returns
    -------
    x : ndarray, shape (27, m, T_x), T_x = longest name + 1; x[:, i, t] is the one-hot
        of character t - 1 of name i (the end token at t = 0), zeros after the end
    targets : ndarray of int, shape (m, T_x), index of character t (the end token after
        the last letter, 0 in the padding)
    mask : ndarray of bool, shape (m, T_x), True where a target counts
    """
    if not names:
        raise ValueError("encode: names is empty.")
    m, T_x = len(names), max(len(n) for n in names) + 1
    x = np.zeros((len(VOCAB), m, T_x))
    targets = np.zeros((m, T_x), dtype=int)
    mask = np.zeros((m, T_x), dtype=bool)
    for i, name in enumerate(names):
        try:
            codes = [INDEX[ch] for ch in name]
        except KeyError as error:
            raise ValueError(f"encode: {name!r} has a character outside a-z: {error}") from None
        inputs = [INDEX[END], *codes]
        x[inputs, i, np.arange(len(inputs))] = 1.0
        targets[i, : len(codes) + 1] = [*codes, INDEX[END]]
        mask[i, : len(codes) + 1] = True
    return x, targets, mask


def init_language_model(cell, n_a, rng, forget_bias=1.0):
    """Parameters of an RNN, LSTM or GRU language model over the 27 symbols of VOCAB."""
    return init_classifier(cell, len(VOCAB), n_a, len(VOCAB), rng, forget_bias=forget_bias)


def _logits_and_caches(cell, x, parameters):
    spec = cell_spec(cell)
    W_out = parameters[spec["output"]]
    results = spec["forward"](x, np.zeros((W_out.shape[1], x.shape[1])), parameters)
    a, caches = results[0], results[-1]
    logits = np.einsum("ya,amt->ymt", W_out, a) + parameters["by"][:, :, None]
    return logits, a, caches


def language_model_loss_and_gradients(cell, x, targets, mask, parameters):
    """Mean cross-entropy per counted character and the gradient of every parameter.

    Returns
    -------
    loss : float, nats per character
    grads : dict "d" + name -> ndarray, same shapes as parameters
    """
    spec = cell_spec(cell)
    W_out = parameters[spec["output"]]
    logits, a, caches = _logits_and_caches(cell, x, parameters)
    loss, dlogits = softmax_cross_entropy(logits, targets, mask)  # dlogits (n_y, m, T_x)
    da = np.einsum("ya,ymt->amt", W_out, dlogits)
    grads = spec["backward"](da, caches)
    for unused in ("dx", "da0", "dc0"):  # inputs and zero initial states are not learnt
        grads.pop(unused, None)
    grads["d" + spec["output"]] = np.einsum("ymt,amt->ya", dlogits, a)
    grads["dby"] = dlogits.sum(axis=(1, 2))[:, None]
    return loss, grads


def evaluate(cell, parameters, names, batch_size=1000):
    """Loss in nats per character over all names (the end tokens included)."""
    total, count = 0.0, 0
    with single_threaded_blas():
        for start in range(0, len(names), batch_size):
            x, targets, mask = encode(names[start : start + batch_size])
            logits, _, _ = _logits_and_caches(cell, x, parameters)
            loss, _ = softmax_cross_entropy(logits, targets, mask)
            total += loss * mask.sum()
            count += mask.sum()
    return float(total / count)


def train_language_model(
    cell, parameters, names, steps, rng, batch_size=64, learning_rate=1e-2, max_norm=1.0,
    callback=None, optimizer=None,
):  # fmt: skip
    """Train in place on random batches of names, with Adam and global-norm clipping.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    parameters : dict, changed in place
    names : list of str, the training names
    steps : int, number of updates
    rng : numpy.random.Generator, draws the batches
    batch_size : int
    learning_rate, max_norm : float
    callback : callable (step, loss) -> None, optional
    optimizer : Adam, optional, to continue an earlier run with its moments
        (a new Adam(lr=learning_rate) by default)

    Returns
    -------
    losses : ndarray, shape (steps,), the training loss of each batch
    """
    if not isinstance(steps, (int, np.integer)) or steps < 1:
        raise ValueError(f"train_language_model: steps should be a positive int, got {steps!r}.")
    optimizer = Adam(lr=learning_rate) if optimizer is None else optimizer
    losses = np.zeros(steps)
    with single_threaded_blas():
        for step in range(steps):
            batch = [names[k] for k in rng.integers(0, len(names), size=batch_size)]
            loss, grads = language_model_loss_and_gradients(cell, *encode(batch), parameters)
            grads, _ = clip_by_global_norm(grads, max_norm)
            optimizer.step(parameters, grads)
            losses[step] = loss
            if callback is not None:
                callback(step, loss)
    return losses


def sample(cell, parameters, n, rng, temperature=1.0, max_length=30):
    """Sample n names, one character at a time, from softmax(logits / temperature).

    Temperature below 1 sharpens the distribution (safer, more common names), above 1
    flattens it (more surprising ones).

    Returns
    -------
    names : list of n str (a name stops at the end token or at max_length letters;
        it can be empty when the end token comes first)
    """
    if not temperature > 0:
        raise ValueError(f"sample: temperature should be > 0, got {temperature!r}.")
    W_out = parameters[cell_spec(cell)["output"]]
    forward = cell_spec(cell)["forward"]
    n_a = W_out.shape[1]
    x = np.zeros((len(VOCAB), n, 1))  # the one-hot input of the next step
    x[INDEX[END], :, 0] = 1.0
    a, c = np.zeros((n_a, n)), np.zeros((n_a, n))
    letters = np.full((n, max_length), INDEX[END])
    alive = np.ones(n, dtype=bool)
    with single_threaded_blas():
        for t in range(max_length):
            if cell_spec(cell)["memory"]:
                out = forward(x, a, parameters, c)
                a, c = out[0][:, :, 0], out[2][:, :, 0]
            else:
                a = forward(x, a, parameters)[0][:, :, 0]
            logits = (W_out @ a + parameters["by"]) / temperature  # (27, n)
            probs = np.exp(logits - logits.max(axis=0))
            cumulative = (probs / probs.sum(axis=0)).cumsum(axis=0)
            draws = (rng.random(n)[None, :] > cumulative).sum(axis=0).clip(0, len(VOCAB) - 1)
            letters[:, t] = np.where(alive, draws, INDEX[END])
            alive &= draws != INDEX[END]
            if not alive.any():
                break
            x = np.zeros((len(VOCAB), n, 1))
            x[draws, np.arange(n), 0] = 1.0
    return ["".join(VOCAB[k] for k in row).split(END)[0] for row in letters]


def novel_share(samples, training_names):
    """Fraction of samples that are not in the training names (a float in [0, 1])."""
    if not samples:
        raise ValueError("novel_share: no samples.")
    known = set(training_names)
    return sum(name not in known for name in samples) / len(samples)


def bigram_counts(names, smoothing=1.0):
    """Counts of (previous symbol, next symbol) pairs over names framed by end tokens.

    Returns
    -------
    counts : ndarray, shape (27, 27), counts[j, k] = smoothing + how often VOCAB[k]
        follows VOCAB[j] (row 0: the first letter after the start; column 0: the end)
    """
    counts = np.full((len(VOCAB), len(VOCAB)), float(smoothing))
    for name in names:
        codes = [INDEX[ch] for ch in END + name + END]
        np.add.at(counts, (codes[:-1], codes[1:]), 1.0)
    return counts


def bigram_loss(counts, names):
    """Cross-entropy in nats per character of the bigram model counts on names
    (every next symbol counts, the end token included, as for the networks)."""
    log_probs = np.log(counts / counts.sum(axis=1, keepdims=True))
    total, count = 0.0, 0
    for name in names:
        codes = [INDEX[ch] for ch in END + name + END]
        total -= log_probs[codes[:-1], codes[1:]].sum()
        count += len(codes) - 1
    return total / count


# Where each target sits in its name: what the next symbol is to be predicted from.
TARGET_KINDS = ("first letter", "later letters", "end token")


def target_kinds(targets):
    """The kind of every target, an index into TARGET_KINDS.

    Parameters
    ----------
    targets : ndarray of int, shape (m, T_x), from encode

    Returns
    -------
    ndarray of int, shape (m, T_x): 0 for the first target of a name (read from the start
    token alone), 2 for the end token, 1 otherwise (padding is 1 too: mask it out)
    """
    kind = np.where(targets == INDEX[END], 2, 1)
    kind[:, 0] = 0  # no name is empty, so the first target is always a letter
    return kind


def loss_by_kind(cell, parameters, names, batch_size=1000):
    """The loss of a network split by the kind of target (TARGET_KINDS): the same
    computation as evaluate, keeping each target's log-probability.

    Returns
    -------
    losses : ndarray, shape (3,), mean loss in nats on each kind of target
    numbers : ndarray, shape (3,), how many targets of each kind
    """
    totals, numbers = np.zeros(3), np.zeros(3)
    with single_threaded_blas():
        for start in range(0, len(names), batch_size):
            x, targets, mask = encode(names[start : start + batch_size])  # (27, m, T_x), ...
            z, _, _ = _logits_and_caches(cell, x, parameters)  # (27, m, T_x)
            z = z - z.max(axis=0)
            log_p = z - np.log(np.exp(z).sum(axis=0))  # log softmax over the 27 symbols
            picked = np.take_along_axis(log_p, targets[None], axis=0)[0]  # (m, T_x)
            kind = target_kinds(targets)
            for k in range(len(TARGET_KINDS)):
                counted = mask & (kind == k)
                totals[k] -= picked[counted].sum()
                numbers[k] += counted.sum()
    return totals / numbers, numbers


def bigram_loss_by_kind(counts, names):
    """The same split for the bigram model of `counts` (from bigram_counts).

    Returns
    -------
    losses, numbers : ndarrays of shape (3,), as loss_by_kind
    """
    log_probs = np.log(counts / counts.sum(axis=1, keepdims=True))  # (27, 27)
    totals, numbers = np.zeros(3), np.zeros(3)
    for name in names:
        codes = [INDEX[ch] for ch in END + name + END]
        for t, (j, k) in enumerate(zip(codes[:-1], codes[1:])):
            kind = 0 if t == 0 else 2 if k == INDEX[END] else 1
            totals[kind] -= log_probs[j, k]
            numbers[kind] += 1
    return totals / numbers, numbers


def entropy(p):
    """Entropy in nats of a probability vector p, shape (27,): the least loss any model
    can reach on symbols drawn from p."""
    p = np.asarray(p, dtype=float)
    p = p[p > 0]
    return float(-(p * np.log(p)).sum())


def sample_table(cell, parameters, training_names, temperature, n=12, seed=0):
    """What the name sampler shows (09): n names sampled at a temperature, and the share
    of them that are new (not in the training names).

    Returns
    -------
    names : list of n str
    novel : float in [0, 1]
    """
    names = sample(cell, parameters, n, np.random.default_rng(seed), temperature=temperature)
    return names, novel_share(names, training_names)
