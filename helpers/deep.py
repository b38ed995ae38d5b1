"""Recurrent networks built from the course's cells: stacked layers, two directions, and
truncated backpropagation through time (12_deep_and_bidirectional).

* A stack: layer 1 reads x (n_x, m, T_x), layer l reads the hidden states of layer l - 1,
  each with parameters of its own; the backward pass runs the layers in reverse, and the
  dx of layer l is the da of layer l - 1.
* Two directions: one cell reads x from the first step to the last, another from the last
  to the first (x[:, :, ::-1]); the second one's states are reversed back, so that both
  describe step t, and stacked: a = [a_forward; a_backward] (2 n_a, m, T_x).
* Truncated BPTT: the sequence in windows of a few steps; the forward pass carries the
  state from window to window (so it is exact), the backward pass stops at each window's
  first step.

The functions take a cell's name, "rnn", "lstm" or "gru", and use its fast passes
(helpers.cells), but bidirectional_rnn_states, the reference of notebook 12's exercise,
which uses helpers.rnn_forward.
"""

import numpy as np

from .cells import cell_spec
from .rnn import rnn_forward


def _zero_state(cell, parameters, m):
    return np.zeros((parameters[cell_spec(cell)["output"]].shape[1], m))


def run(cell, x, parameters, a0=None, c0=None):
    """One layer over x (n_x, m, T_x) from a0 and, for the LSTM, c0 (zeros by default).

    Returns
    -------
    a : ndarray, shape (n_a, m, T_x), the hidden states
    c : ndarray, shape (n_a, m, T_x), the memory cells (LSTM), or None
    caches : for the cell's fast backward pass
    """
    spec = cell_spec(cell)
    a0 = _zero_state(cell, parameters, x.shape[1]) if a0 is None else a0
    if spec["memory"]:
        a, _, c, caches = spec["forward"](x, a0, parameters, c0)
        return a, c, caches
    a, _, caches = spec["forward"](x, a0, parameters)
    return a, None, caches


def stacked_forward(cell, x, layers):
    """Run a stack of layers of one cell, from zero states.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    x : ndarray, shape (n_x, m, T_x)
    layers : list of parameter dicts, the bottom layer first; layer l reads n_a of layer
        l - 1 as its input (only the top layer's output weights are used, by the caller)

    Returns
    -------
    a : ndarray, shape (n_a, m, T_x), the hidden states of the top layer
    caches : list of the layers' caches, the bottom layer first
    """
    caches = []
    for parameters in layers:
        x, _, layer_caches = run(cell, x, parameters)
        caches.append(layer_caches)
    return x, caches


def stacked_backward(cell, da, caches):
    """Backward pass through a stack, from dL/da of the top layer (n_a, m, T_x).

    Returns
    -------
    grads : list of gradient dicts, the bottom layer first, each as the cell's backward
        pass returns it (its "dx" is dL/dx of that layer's input)
    """
    backward = cell_spec(cell)["backward"]
    grads = []
    for layer_caches in reversed(caches):
        layer_grads = backward(da, layer_caches)
        grads.append(layer_grads)
        da = layer_grads["dx"]
    return grads[::-1]


def bidirectional_forward(cell, x, forward_parameters, backward_parameters):
    """Both directions over x, from zero states.

    Returns
    -------
    a : ndarray, shape (2 n_a, m, T_x), [a_forward; a_backward]: row block 1 has read
        x<0> ... x<t>, row block 2 has read x<T_x - 1> ... x<t>
    caches : (forward caches, backward caches)
    """
    a_forward, _, forward_caches = run(cell, x, forward_parameters)
    a_reversed, _, backward_caches = run(cell, x[:, :, ::-1], backward_parameters)
    a = np.concatenate((a_forward, a_reversed[:, :, ::-1]), axis=0)
    return a, (forward_caches, backward_caches)


def bidirectional_backward(cell, da, caches):
    """Backward pass of bidirectional_forward from dL/da (2 n_a, m, T_x).

    Returns
    -------
    forward_grads, backward_grads : the two cells' gradient dicts
    dx : ndarray, shape (n_x, m, T_x), the sum of both directions' dL/dx
    """
    n_a = da.shape[0] // 2
    backward = cell_spec(cell)["backward"]
    forward_grads = backward(np.ascontiguousarray(da[:n_a]), caches[0])
    backward_grads = backward(np.ascontiguousarray(da[n_a:, :, ::-1]), caches[1])
    return forward_grads, backward_grads, forward_grads["dx"] + backward_grads["dx"][:, :, ::-1]


def bidirectional_rnn_states(x, parameters_forward, parameters_backward):
    """The hidden states of a bidirectional RNN, from zero states, with helpers.rnn_forward.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    parameters_forward, parameters_backward : dicts as for helpers.rnn_cell_forward, with
        the same n_a

    Returns
    -------
    a : ndarray, shape (2 n_a, m, T_x): a[:n_a, :, t] has read x<0> ... x<t>, and
        a[n_a:, :, t] has read x<T_x - 1> ... x<t>
    """
    m = x.shape[1]
    a0 = np.zeros((parameters_forward["Waa"].shape[0], m))
    a_forward = rnn_forward(x, a0, parameters_forward)[0]
    a0 = np.zeros((parameters_backward["Waa"].shape[0], m))
    a_reversed = rnn_forward(x[:, :, ::-1], a0, parameters_backward)[0]  # read backwards
    return np.concatenate((a_forward, a_reversed[:, :, ::-1]), axis=0)


def truncated_forward_backward(cell, x, da, parameters, window):
    """Forward over the whole sequence, backward within windows of `window` steps.

    The forward pass runs window by window and carries the state (a, and c for the LSTM)
    from each window to the next, so its states are those of one pass. The backward pass
    of each window starts from dL/da of its own steps only: what would flow into the
    previous window is dropped. With window >= T_x this is full backpropagation.

    Parameters
    ----------
    cell : "rnn", "lstm" or "gru"
    x : ndarray, shape (n_x, m, T_x)
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    parameters : dict of the cell's parameters
    window : int >= 1, steps per window

    Returns
    -------
    a : ndarray, shape (n_a, m, T_x), every hidden state
    grads : dict, the cell's weight and bias gradients summed over the windows, and dx
        (n_x, m, T_x)
    """
    if not isinstance(window, (int, np.integer)) or window < 1:
        raise ValueError(
            f"truncated_forward_backward: window should be an int >= 1, got {window!r}."
        )
    backward = cell_spec(cell)["backward"]
    T_x = x.shape[2]
    a_state, c_state = None, None
    states, dx_windows, grads = [], [], {}
    for start in range(0, T_x, window):
        steps = slice(start, min(start + window, T_x))
        a, c, caches = run(cell, x[:, :, steps], parameters, a_state, c_state)
        a_state, c_state = a[:, :, -1].copy(), None if c is None else c[:, :, -1].copy()
        states.append(np.array(a))
        window_grads = backward(np.ascontiguousarray(da[:, :, steps]), caches)
        dx_windows.append(window_grads.pop("dx"))
        for into_the_previous_window in ("da0", "dc0"):  # dropped: the truncation
            window_grads.pop(into_the_previous_window, None)
        for key, value in window_grads.items():
            grads[key] = grads.get(key, 0.0) + value
    grads["dx"] = np.concatenate(dx_windows, axis=2)
    return np.concatenate(states, axis=2), grads
