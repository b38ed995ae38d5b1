"""Softmax cross-entropy for sequence models (introduced in 07_training_rnn_vs_lstm)."""

import numpy as np


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
    logits = np.asarray(logits, dtype=float)
    labels = np.asarray(labels)
    if logits.ndim not in (2, 3) or labels.shape != logits.shape[1:]:
        raise ValueError(
            "softmax_cross_entropy: logits should be (n_y, m) or (n_y, m, T_x) and labels "
            f"(m,) or (m, T_x) to match, but got {logits.shape} and {labels.shape}."
        )
    if not np.issubdtype(labels.dtype, np.integer):
        raise TypeError("softmax_cross_entropy: labels should be integer class indices.")
    n_y = logits.shape[0]
    if labels.size and (labels.min() < 0 or labels.max() >= n_y):
        raise ValueError(f"softmax_cross_entropy: labels should lie in [0, {n_y}).")
    mask = np.ones(labels.shape, dtype=bool) if mask is None else np.asarray(mask, dtype=bool)
    if mask.shape != labels.shape:
        raise ValueError(
            f"softmax_cross_entropy: mask should have the shape of labels {labels.shape}, "
            f"but got {mask.shape}."
        )
    count = int(mask.sum())
    if count == 0:
        raise ValueError("softmax_cross_entropy: the mask counts no position.")
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
