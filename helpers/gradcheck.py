"""Gradient checking with central finite differences (introduced in 03_rnn_backprop)."""

import numpy as np


def relative_error(analytic, numeric):
    """Relative error ||analytic - numeric|| / (||analytic|| + ||numeric||).

    Returns 0.0 when both are zero. Below about 1e-7 the two agree as well as
    float64 finite differences can tell.
    """
    analytic = np.asarray(analytic, dtype=float)
    numeric = np.asarray(numeric, dtype=float)
    if analytic.shape != numeric.shape:
        raise ValueError(
            f"relative_error: the shapes differ, {analytic.shape} and {numeric.shape}."
        )
    scale = np.linalg.norm(analytic) + np.linalg.norm(numeric)
    if scale == 0.0:
        return 0.0
    return float(np.linalg.norm(analytic - numeric) / scale)


def numerical_gradient(loss, array, eps=1e-6):
    """Estimate d loss / d array by central differences, one entry at a time.

        dL/dw  ~  (L(w + eps) - L(w - eps)) / (2 eps)

    `array` is perturbed in place, one entry at a time, and restored, so `loss` (a
    function of no arguments returning a float) must read it each time it is called.
    A view into a larger array (such as x[:, :, 0]) works: the larger array is perturbed.

    Parameters
    ----------
    loss : callable () -> float
    array : ndarray of floats, any shape, one of the inputs `loss` reads
    eps : float, step size

    Returns
    -------
    grad : ndarray, same shape as array
    """
    if not isinstance(array, np.ndarray) or array.dtype != np.float64:
        raise TypeError("numerical_gradient: array should be a float64 numpy array.")
    grad = np.zeros(array.shape)
    for index in np.ndindex(array.shape):  # works on views too, e.g. x[:, :, 0]
        original = array[index]
        array[index] = original + eps
        plus = loss()
        array[index] = original - eps
        minus = loss()
        array[index] = original
        grad[index] = (plus - minus) / (2 * eps)
    return grad


def gradient_check(loss, arrays, gradients, eps=1e-6):
    """Compare analytic gradients with finite differences, array by array.

    Parameters
    ----------
    loss : callable () -> float, reads the arrays in `arrays`
    arrays : dict name -> ndarray, the inputs to perturb
    gradients : dict, analytic gradient of each, under the key "d" + name
        (e.g. gradients["dWax"] for arrays["Wax"])
    eps : float, step size of the central differences

    Returns
    -------
    errors : dict "d" + name -> relative error (float)
    """
    errors = {}
    for name, array in arrays.items():
        key = "d" + name
        if key not in gradients:
            raise KeyError(f"gradient_check: gradients has no '{key}' for '{name}'.")
        numeric = numerical_gradient(loss, array, eps)
        errors[key] = relative_error(gradients[key], numeric)
    return errors


AGREE = 1e-7  # a correct gradient's relative error is rounding noise, far below this


def gradient_verdict(errors, tolerance=AGREE):
    """Print one line: do all gradients agree with finite differences? (03, 06)

    It prints and returns nothing, so that a notebook cell can end with it.

    Parameters
    ----------
    errors : dict name -> relative error, from gradient_check
    tolerance : float, the largest relative error of a gradient that agrees
    """
    wrong = [name for name, error in errors.items() if not error < tolerance]
    if wrong:
        print(
            f"{len(wrong)} of {len(errors)} gradients disagree with finite differences: "
            + ", ".join(wrong)
        )
    else:
        bound = f"{tolerance:.0e}".replace("e-0", "e-")  # 1e-7, not 1e-07
        agree = f"all {len(errors)} gradients agree with finite differences"
        print(f"{agree} (relative error < {bound})")


def describe_errors(errors, tolerance=AGREE):
    """The relative errors of a wrong backward pass in words, the same on every machine:
    those far above rounding noise (>= 0.01) with 2 decimals, "ok" below `tolerance`,
    "small" in between (03, 06).

    Returns
    -------
    str, e.g. "dxt 0.31, da_prev 0.26, dWo ok"
    """

    def word(error):
        if error >= 0.01:
            return f"{error:.2f}"
        return "ok" if error < tolerance else "small"

    return ", ".join(f"{name} {word(error)}" for name, error in errors.items())
