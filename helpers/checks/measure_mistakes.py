"""Known mistakes in the exercises beside the cells: clipping the global norm (04), one
Adam update (07), a gate's saturation (08), the masked loss (09) and stacking the gates
(10). Each is a small wrong variant of the reference, as in mistakes.py."""

import numpy as np

from .. import lstm
from .mistakes import variant


def _clip_variant(grads, max_norm, mistake):
    norms = {name: float(np.sqrt(np.sum(g**2))) for name, g in grads.items()}
    norm = float(np.sqrt(sum(n**2 for n in norms.values())))
    if mistake == "each_array":
        return {n: g * min(1.0, max_norm / norms[n]) for n, g in grads.items()}, norm
    if mistake == "entrywise":
        return {n: np.clip(g, -max_norm, max_norm) for n, g in grads.items()}, norm
    scale = max_norm / norm if mistake == "always" else min(1.0, max_norm / norm)
    clipped = {n: g * scale for n, g in grads.items()}
    after = float(np.sqrt(sum(np.sum(g**2) for g in clipped.values())))
    return clipped, after if mistake == "norm_after" else norm


CLIP_MISTAKES = [
    variant(
        "each gradient is clipped to max_norm on its own; the global norm takes all of them "
        "together: sqrt of the sum of the squares of every entry of every gradient",
        _clip_variant,
        "each_array",
    ),
    variant(
        "each entry is clipped to [-max_norm, max_norm], which changes the direction; scale "
        "every gradient by the same max_norm / norm instead",
        _clip_variant,
        "entrywise",
    ),
    variant(
        "a gradient shorter than max_norm is scaled up; it should come back unchanged "
        "(scale = min(1, max_norm / norm))",
        _clip_variant,
        "always",
    ),
    variant(
        "the norm returned is the one after clipping; return the global norm before it",
        _clip_variant,
        "norm_after",
    ),
]


def _saturation_variant(gate, mistake):
    low, high = (gate < 0.1), (gate > 0.9)
    if mistake == "counts":
        return low.sum(axis=(1, 2)).astype(float), high.sum(axis=(1, 2)).astype(float)
    if mistake == "swapped":
        return high.mean(axis=(1, 2)), low.mean(axis=(1, 2))
    return (gate < 0.9).mean(axis=(1, 2)), (gate > 0.1).mean(axis=(1, 2))  # thresholds swapped


GATE_SATURATION_MISTAKES = [
    variant(
        "these are counts; the fractions divide by the number of (example, step) pairs, "
        "m * T_x (np.mean over axes 1 and 2)",
        _saturation_variant,
        "counts",
    ),
    variant(
        "left and right are swapped: left is the fraction below low (gate < 0.1), right the "
        "fraction above high (gate > 0.9)",
        _saturation_variant,
        "swapped",
    ),
    variant(
        "the thresholds are swapped: left saturation is gate < low = 0.1, right is "
        "gate > high = 0.9",
        _saturation_variant,
        "thresholds",
    ),
]


def _stack_variant(parameters, order, mistake):
    if mistake == "columns":  # side by side instead of on top of each other
        return (np.concatenate([parameters[f"W{g}"] for g in order], axis=1),
                np.concatenate([parameters[f"b{g}"] for g in order], axis=1))  # fmt: skip
    return lstm.stack_gates(parameters)  # the order argument ignored


STACK_MISTAKES = [
    variant(
        "the gates are stacked side by side (axis 1); stack them on top of each other, "
        "np.concatenate along axis 0, so that W is (4 n_a, n_a + n_x)",
        _stack_variant,
        "columns",
    ),
    variant(
        "the order argument is ignored: stack W{g} and b{g} for g in order",
        _stack_variant,
        "ignore_order",
    ),
]


def _adam_variant(w, g, m, v, k, lr, beta1, beta2, eps, mistake):
    if mistake == "betas_swapped":
        beta1, beta2 = beta2, beta1
    m_new = beta1 * m + (1.0 - beta1) * g
    v_new = beta2 * v + (1.0 - beta2) * g * g
    m_step, v_step = (m, v) if mistake == "old_moments" else (m_new, v_new)
    if mistake != "no_correction":
        m_step, v_step = m_step / (1.0 - beta1**k), v_step / (1.0 - beta2**k)
    if mistake == "eps_inside":
        step = lr * m_step / np.sqrt(v_step + eps)
    else:
        step = lr * m_step / (np.sqrt(v_step) + eps)
    return (w + step if mistake == "uphill" else w - step), m_new, v_new


ADAM_MISTAKES = [
    variant(
        "the bias correction is missing: divide m_new by (1 - beta1**k) and v_new by "
        "(1 - beta2**k) before the step (early on, m and v are still close to their "
        "starting zeros)",
        _adam_variant,
        "no_correction",
    ),
    variant(
        "eps is inside the square root; it is added after it: sqrt(v_hat) + eps",
        _adam_variant,
        "eps_inside",
    ),
    variant(
        "the step goes up the gradient; w moves against it: w_new = w - lr * m_hat / "
        "(sqrt(v_hat) + eps)",
        _adam_variant,
        "uphill",
    ),
    variant(
        "the step uses m and v from before this update; update them first, then step with "
        "m_new and v_new",
        _adam_variant,
        "old_moments",
    ),
    variant(
        "beta1 and beta2 are swapped: beta1 (0.9) averages the gradient, beta2 (0.999) its square",
        _adam_variant,
        "betas_swapped",
    ),
]


def _masked_loss_variant(y_hat, targets, mask, mistake):
    picked = np.take_along_axis(y_hat, targets[None, ...], axis=0)[0]  # (m, T_x)
    log_p = np.log(picked)
    if mistake == "padding_counted":
        return -float(log_p.sum()) / mask.sum()
    if mistake == "every_position":
        return -float(log_p[mask].sum()) / mask.size
    if mistake == "per_name":
        return -float(np.mean((log_p * mask).sum(axis=1) / mask.sum(axis=1)))
    if mistake == "sum":
        return -float(log_p[mask].sum())
    return float(log_p[mask].sum()) / mask.sum()  # the sign


MASKED_LOSS_MISTAKES = [
    variant(
        "the padding is counted: take log y_hat only where mask is True (picked[mask])",
        _masked_loss_variant,
        "padding_counted",
    ),
    variant(
        "the sum is divided by every position, m * T_x; divide by N = mask.sum(), the "
        "counted targets",
        _masked_loss_variant,
        "every_position",
    ),
    variant(
        "this is the mean over names of each name's mean, which weighs the letters of a "
        "short name more; divide the sum over all counted targets by N = mask.sum()",
        _masked_loss_variant,
        "per_name",
    ),
    variant(
        "this is the sum; the loss is its mean: divide by N = mask.sum()",
        _masked_loss_variant,
        "sum",
    ),
    variant(
        "the sign is missing: L = -(1 / N) * sum of log y_hat (a loss is positive)",
        _masked_loss_variant,
        "sign",
    ),
]
