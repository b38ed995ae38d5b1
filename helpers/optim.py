"""Gradient clipping and the Adam optimiser (introduced in 04 and 07): one update of one
array (adam_update), and Adam, which keeps the running averages of every parameter."""

import math

import numpy as np


def global_norm(grads):
    """sqrt of the sum of squares of every entry of every gradient in the dict."""
    return math.sqrt(sum(float(np.sum(np.square(g))) for g in grads.values()))


def clip_by_global_norm(grads, max_norm):
    """Scale all gradients together so that their global norm is at most max_norm.

    Clipping the global norm (Pascanu, Mikolov & Bengio 2013) keeps the direction of
    the update and only shortens a step that would be too long, as an exploding
    gradient makes it.

    Parameters
    ----------
    grads : dict name -> ndarray
    max_norm : float > 0

    Returns
    -------
    clipped : dict name -> ndarray, new arrays (the input is not changed)
    norm : float, the global norm before clipping
    """
    if not (isinstance(max_norm, (int, float)) and max_norm > 0 and math.isfinite(max_norm)):
        raise ValueError(
            f"clip_by_global_norm: max_norm should be a positive number, got {max_norm!r}."
        )
    norm = global_norm(grads)
    if not math.isfinite(norm):
        raise ValueError("clip_by_global_norm: the gradients contain NaN or infinite values.")
    scale = min(1.0, max_norm / norm) if norm > 0 else 1.0
    return {name: g * scale for name, g in grads.items()}, norm


def adam_update(w, g, m, v, k, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    """One Adam update of one parameter array (Kingma & Ba 2015), the exercise of 07.

        m_new = beta1 m + (1 - beta1) g          v_new = beta2 v + (1 - beta2) g^2
        m_hat = m_new / (1 - beta1^k)            v_hat = v_new / (1 - beta2^k)
        w_new = w - lr m_hat / (sqrt(v_hat) + eps)

    all entry by entry.

    Parameters
    ----------
    w, g, m, v : ndarrays of one shape: the parameter, its gradient, and Adam's running
        averages of the gradient and of its square (zeros before the first update)
    k : int >= 1, the number of this update
    lr, beta1, beta2, eps : floats, as in Adam

    Returns
    -------
    w_new, m_new, v_new : new arrays of the shape of w (the inputs are not changed)
    """
    m_new = beta1 * m + (1.0 - beta1) * g
    v_new = beta2 * v + (1.0 - beta2) * g * g
    m_hat = m_new / (1.0 - beta1**k)
    v_hat = v_new / (1.0 - beta2**k)
    return w - lr * m_hat / (np.sqrt(v_hat) + eps), m_new, v_new


class Adam:
    """Adam (Kingma & Ba 2015): per-entry step sizes from running moments of the gradient.

        m = beta1 m + (1 - beta1) g          v = beta2 v + (1 - beta2) g^2
        w -= lr * m_hat / (sqrt(v_hat) + eps), with m_hat, v_hat bias-corrected

    Parameters
    ----------
    lr : float > 0, learning rate
    beta1, beta2 : float in [0, 1), decay rates of the first and second moments
    eps : float > 0
    """

    def __init__(self, lr=1e-3, beta1=0.9, beta2=0.999, eps=1e-8):
        for name, value, low, high in [
            ("lr", lr, 0.0, math.inf),
            ("eps", eps, 0.0, math.inf),
        ]:
            if not (isinstance(value, (int, float)) and low < value < high):
                raise ValueError(f"Adam: {name} should be a positive number, got {value!r}.")
        for name, value in (("beta1", beta1), ("beta2", beta2)):
            if not (isinstance(value, (int, float)) and 0.0 <= value < 1.0):
                raise ValueError(f"Adam: {name} should lie in [0, 1), got {value!r}.")
        self.lr, self.beta1, self.beta2, self.eps = lr, beta1, beta2, eps
        self.t = 0
        self.moments = {}

    def step(self, parameters, grads):
        """Update every parameter in place from grads["d" + name] (adam_update on each)."""
        self.t += 1
        for name, w in parameters.items():
            m, v = self.moments.get(name, (np.zeros_like(w), np.zeros_like(w)))
            w[...], m, v = adam_update(w, grads["d" + name], m, v, self.t,
                                       self.lr, self.beta1, self.beta2, self.eps)  # fmt: skip
            self.moments[name] = (m, v)
