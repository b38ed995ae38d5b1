"""Cross-entropy losses for sequence models: from scores, with its gradient, for training
(introduced in 07_training_rnn_vs_lstm), and from probabilities, the exercise of 09."""

import numpy as np


def _validated(function, scores_name, scores, labels_name, labels, mask):
    """The arguments as arrays, and N, the number of counted positions; a ValueError or
    TypeError that names the argument and the expected shape when they do not fit."""
    scores = np.asarray(scores, dtype=float)
    labels = np.asarray(labels)
    if scores.ndim not in (2, 3) or labels.shape != scores.shape[1:]:
        raise ValueError(
            f"{function}: {scores_name} should be (n_y, m) or (n_y, m, T_x) and "
            f"{labels_name} (m,) or (m, T_x) to match, but got {scores.shape} and "
            f"{labels.shape}."
        )
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError(f"{function}: {labels_name} should be integer class indices.")
    n_y = scores.shape[0]
    if labels.size and (labels.min() < 0 or labels.max() >= n_y):
        raise ValueError(f"{function}: {labels_name} should lie in [0, {n_y}).")
    mask = np.ones(labels.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    if mask.shape != labels.shape:
        raise ValueError(
            f"{function}: mask should have the shape of {labels_name} {labels.shape}, "
            f"but got {mask.shape}."
        )
    count = int(mask.sum())
    if count == 0:
        raise ValueError(f"{function}: the mask counts no position.")
    return scores, labels, mask, count


def softmax_cross_entropy(logits, labels, mask=None):
    """Mean cross-entropy of softmax(logits) against integer labels, and its gradient.

        L = -(1 / N) * sum over counted positions of log softmax(logits)[label]

    where N is the number of counted positions (all, or those where mask is true:
    padding after the end of a shorter sequence is not counted).

    Parameters
    ----------
    logits : ndarray, shape (n_y, m) or (n_y, m, T_x), unnormalised scores
    labels : ndarray of int, shape (m,) or (m, T_x), class indices in [0, n_y)
    mask : ndarray of bool or 0/1, same shape as labels, optional

    Returns
    -------
    loss : float, in nats per counted position
    dlogits : ndarray, same shape as logits, dL/dlogits = (softmax - one_hot) / N
        at counted positions, 0 elsewhere
    """
    logits, labels, mask, count = _validated(
        "softmax_cross_entropy", "logits", logits, "labels", labels, mask
    )
    shifted = logits - logits.max(axis=0, keepdims=True)
    log_probs = shifted - np.log(np.exp(shifted).sum(axis=0, keepdims=True))
    picked = np.take_along_axis(log_probs, labels[None, ...], axis=0)[0]
    loss = -float(picked[mask].sum()) / count
    dlogits = np.exp(log_probs)
    np.put_along_axis(
        dlogits, labels[None, ...], np.take_along_axis(dlogits, labels[None, ...], 0) - 1.0, 0
    )
    dlogits *= mask[None, ...] / count
    return loss, dlogits


def masked_cross_entropy(y_hat, targets, mask):
    """Mean cross-entropy of predicted probabilities over the counted targets (09):

        L = -(1 / N) * sum over (i, t) with mask[i, t] of log y_hat[targets[i, t], i, t]

    with N = mask.sum(), the number of counted targets (padding is not counted).

    Parameters
    ----------
    y_hat : ndarray, shape (n_y, m, T_x), probabilities (each y_hat[:, i, t] sums to 1)
    targets : ndarray of int, shape (m, T_x), indices in [0, n_y) of the next symbols
    mask : ndarray of bool, shape (m, T_x), True where a target counts

    Returns
    -------
    loss : float, in nats per counted target
    """
    y_hat, targets, mask, count = _validated(
        "masked_cross_entropy", "y_hat", y_hat, "targets", targets, mask
    )
    picked = np.take_along_axis(y_hat, targets[None, ...], axis=0)[0]  # (m, T_x)
    return -float(np.log(picked[mask]).sum()) / count
