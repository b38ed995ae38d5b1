"""Fast LSTM and RNN over a sequence, built the way deep-learning frameworks build them
(introduced in 10_fast_lstm; used for training in 07 to 13). Same signatures and outputs
as helpers.lstm_forward / lstm_backward and helpers.rnn_forward / rnn_backward; only the
caches differ. What makes them fast:

* one stacked gate matrix: the four gates come from one matrix product per step;
* the input projection of all T_x steps in one matrix product, before the time loop;
* time-major buffers allocated once, with the gates computed in place;
* (LSTM) each step's [a<t-1>, x<t>] kept side by side, so that the weight gradients of
  all steps and gates are one matrix product after the time loop;
* (LSTM) the backward pass writes the gradients over the gate activations of its cache,
  which it consumes: as in PyTorch, a second backward pass needs a new forward pass;
* (LSTM) each call's large buffers carved out of one allocation, which malloc can keep;
* (LSTM) a batch large enough is split across the cores that BLAS may use: each thread
  runs the time loop on its share of the examples, and the large products are split too.

Inside, arrays are laid out (T_x, m, features) so that each step's slice is contiguous.
The LSTM's a and c are returned as read-only views of these buffers, in the course's
(n_a, m, T_x) shape: no time is spent copying them into another layout.
"""

from dataclasses import dataclass

import numpy as np

from .lstm import LSTM_SHAPES, stack_gates
from .rnn import RNN_SHAPES
from .threads import Workers, blas_threads, chunks
from .validation import ShapeChecker

# Stacking order of the gates in the fused matrix: the three sigmoid gates first and the
# candidate last. Its rows are doubled, so that one sigmoid over all four gates gives
# sigmoid(2 z_c), and tanh(z_c) = 2 sigmoid(2 z_c) - 1 follows with two cheap operations.
# All rows are also negated, so that the products give -z, which the sigmoid needs
# (1 / (1 + exp(-z))) without a pass to negate: negation is exact, the results identical.
FUSED_ORDER = ("f", "i", "o", "c")

# The batch is split across threads only if each thread gets at least this many gate
# entries per step, (m / threads) x 4 n_a: below that, the threads mostly wait for each
# other (for Python's global interpreter lock). Measured on 2 cores: splitting made
# (m, n_a) = (32, 64) slower; at (64, 128) it saves a little on a quiet machine, and half
# the time when another process keeps a core busy (BLAS's own threads then wait for it).
MIN_ENTRIES_PER_THREAD = 16384


def threads_for(m, n_a):
    """How many threads the LSTM uses for a batch of m sequences and n_a units: at most
    blas_threads(), and each with at least MIN_ENTRIES_PER_THREAD gate entries per step."""
    return max(1, min(blas_threads(), m * 4 * n_a // MIN_ENTRIES_PER_THREAD))


# The largest block that glibc's malloc (Linux) may keep for reuse: it hands larger ones
# to the operating system and back on every call (its mmap threshold rises to at most
# 32 MiB on 64-bit machines).
KEPT_BLOCK_BYTES = 32 * 2**20


def _buffers(*shapes):
    """Uninitialised float64 arrays of the given shapes, carved out of a few allocations:
    the arrays in order, packed into blocks of at most KEPT_BLOCK_BYTES (a larger array
    gets a block of its own).

    Few large blocks instead of many arrays: besides saving calls to the allocator, this
    lets glibc's malloc keep each block for the next call rather than hand it back to the
    operating system, whose fresh pages cost a page fault each on first use. Measured at
    (m, T_x, n_x, n_a) = (32, 50, 27, 64), forward and backward pass: 1,500 to 2,600 page
    faults with separate arrays, none with one block, and 15 to 30 % less time. At
    (64, 100, 64, 128) one block for all would be 49 MB, above what malloc keeps: about
    300 to 800 faults per pass with one block, 4 with blocks of at most 32 MiB, and 4,000
    with separate arrays.
    """
    groups, size = [[]], 0
    for shape in shapes:
        nbytes = 8 * int(np.prod(shape))
        if groups[-1] and size + nbytes > KEPT_BLOCK_BYTES:
            groups.append([])
            size = 0
        groups[-1].append(shape)
        size += nbytes
    return [array for group in groups for array in _carved(group)]


def _carved(shapes):
    """Arrays of the given shapes, views into one new block."""
    sizes = [int(np.prod(shape)) for shape in shapes]
    block = np.empty(sum(sizes))
    bounds = np.cumsum([0] + sizes)
    return [block[lo:hi].reshape(shape) for lo, hi, shape in zip(bounds, bounds[1:], shapes)]


def _sigmoid_of_negated_(minus_z):
    """In place: -z <- sigmoid(z) = 1 / (1 + exp(-z)). One exp per entry, cheaper than
    tanh; the caller silences the harmless overflow of exp(-z) for z < -709 (result 0)."""
    np.exp(minus_z, out=minus_z)
    minus_z += 1.0
    np.reciprocal(minus_z, out=minus_z)
    return minus_z


def _tanh_from_sigmoid_(s):
    """In place: s = sigmoid(2 z) <- tanh(z) = 2 sigmoid(2 z) - 1."""
    return np.subtract(np.multiply(s, 2.0, out=s), 1.0, out=s)


def _softmax_rows(z):
    z = z - z.max(axis=-1, keepdims=True)
    np.exp(z, out=z)
    z /= z.sum(axis=-1, keepdims=True)
    return z


def _swap_time_and_features(x):
    """(n, m, T_x) -> contiguous (T_x, m, n), and back: the same transpose both ways."""
    return np.ascontiguousarray(x.transpose(2, 1, 0))


def _read_only_view(x):
    """(T_x, m, n) -> a read-only (n, m, T_x) view: the caller cannot change a cache."""
    view = x.transpose(2, 1, 0)
    view.flags.writeable = False
    return view


def _fast_cache(caches, kind, cell):
    """caches, if it is what fast.<cell>_forward returns; else a TypeError that says so."""
    if not isinstance(caches, kind):
        raise TypeError(
            f"fast.{cell}_backward: caches should come from helpers.fast.{cell}_forward "
            f"(the reference caches go to helpers.{cell}_backward)."
        )
    return caches


def _outputs(A, W_out, b_out):
    """Predictions for every step with one matrix product: A (T_x, m, n_a) -> (n_y, m, T_x)."""
    T_x, m, n_a = A.shape
    logits = A.reshape(T_x * m, n_a) @ W_out.T + b_out.T
    return _softmax_rows(logits).reshape(T_x, m, -1).transpose(2, 1, 0)


@dataclass
class LSTMCache:
    """What the fast backward pass needs (time-major buffers); it uses them up."""

    AX: np.ndarray  # (T_x + 1, m, n_a + n_x): row t holds [a<t-1>, x<t>], row T_x a<T_x>
    C: np.ndarray  # (T_x + 1, m, n_a) memory cells, C[0] = c0
    G: np.ndarray  # (T_x, m, 4 n_a) gate activations in FUSED_ORDER
    tanh_C: np.ndarray  # (T_x, m, n_a)
    Wa: np.ndarray  # (4 n_a, n_a) fused recurrent weights
    Wx: np.ndarray  # (4 n_a, n_x) fused input weights
    x_shape: tuple
    used: bool = False  # set by the backward pass, which overwrites G


def _lstm_steps_forward(G, A, C, tanh_C, WaT):
    """The forward time loop for one block of examples, in place.

    G (T_x, m, 4 n_a) holds each step's input projection on entry and the gate
    activations on exit; A, C (T_x + 1, m, n_a) hold a0, c0 in row 0 on entry;
    tanh_C (T_x, m, n_a) is filled; WaT (n_a, 4 n_a) are the recurrent weights. The
    projections and the weights are negated and the candidate's doubled (FUSED_ORDER).
    """
    T_x, m, n_a = tanh_C.shape
    scratch = np.empty((m, 4 * n_a))
    with np.errstate(over="ignore"):
        for t in range(T_x):
            g, tc = G[t], tanh_C[t]
            np.matmul(A[t], WaT, out=scratch)
            g += scratch  # -z of every gate (-2 z for the candidate)
            _sigmoid_of_negated_(g)
            f, i, o, cc = g[:, :n_a], g[:, n_a : 2 * n_a], g[:, 2 * n_a : 3 * n_a], g[:, 3 * n_a :]
            _tanh_from_sigmoid_(cc)
            np.multiply(f, C[t], out=C[t + 1])
            np.multiply(i, cc, out=tc)
            C[t + 1] += tc
            np.tanh(C[t + 1], out=tc)  # no sigmoid to share here: one tanh call is cheaper
            np.multiply(o, tc, out=A[t + 1])


def lstm_forward(x, a0, parameters, c0=None):
    """Fast LSTM forward pass; same arguments and results as helpers.lstm_forward.

    Parameters
    ----------
    x : ndarray, shape (n_x, m, T_x)
    a0 : ndarray, shape (n_a, m)
    parameters : dict, as for helpers.lstm_cell_forward
    c0 : ndarray, shape (n_a, m), optional (zeros by default)

    Returns
    -------
    a, y, c : ndarrays of shape (n_a, m, T_x), (n_y, m, T_x), (n_a, m, T_x);
        a and c are read-only views of the cache (use .copy() for arrays you can change)
    caches : LSTMCache, for helpers.fast.lstm_backward only
    """
    check = ShapeChecker("fast.lstm_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    c0 = np.zeros_like(a0) if c0 is None else check.array("c0", c0, ("n_a", "m"))
    p = check.parameters(parameters, LSTM_SHAPES)
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]

    W, b = stack_gates(p, FUSED_ORDER)  # (4 n_a, n_a + n_x), (4 n_a, 1)
    Wa, Wx = np.ascontiguousarray(W[:, :n_a]), np.ascontiguousarray(W[:, n_a:])
    row_scale = np.full((4 * n_a, 1), -1.0)  # every row negated (see FUSED_ORDER) ...
    row_scale[3 * n_a :] = -2.0  # ... and the candidate's doubled
    WaT = np.ascontiguousarray((row_scale * Wa).T)  # (n_a, 4 n_a)

    AX, G, C, tanh_C = _buffers(
        (T_x + 1, m, n_a + n_x), (T_x, m, 4 * n_a), (T_x + 1, m, n_a), (T_x, m, n_a)
    )
    A, X = AX[:, :, :n_a], AX[:-1, :, n_a:].reshape(T_x * m, n_x)  # views into AX
    np.copyto(AX[:-1, :, n_a:], x.transpose(2, 1, 0))  # X's rows ordered (t, example)
    A[0], C[0] = a0.T, c0.T
    with Workers(threads_for(m, n_a)) as team:
        G_rows = G.reshape(T_x * m, 4 * n_a)
        WxT = (row_scale * Wx).T  # (n_x, 4 n_a)
        team.map(lambda s: np.matmul(X[s], WxT, out=G_rows[s]), chunks(T_x * m, team.count))
        G_rows += (row_scale * b).T  # now every step's input projection (negated)
        team.map(  # the examples are independent: each thread takes a block of them
            lambda s: _lstm_steps_forward(G[:, s], A[:, s], C[:, s], tanh_C[:, s], WaT),
            chunks(m, team.count),
        )
        y = _outputs(A[1:], p["Wy"], p["by"])  # in the block: BLAS stays on one thread

    cache = LSTMCache(AX=AX, C=C, G=G, tanh_C=tanh_C, Wa=Wa, Wx=Wx, x_shape=x.shape)
    return _read_only_view(A[1:]), y, _read_only_view(C[1:]), cache


def _lstm_steps_backward(dA, G, C, tanh_C, Wa):
    """The backward time loop for one block of examples.

    dA (T_x, m, n_a) holds dL/da<t> from the loss (overwritten); C, tanh_C as left by
    _lstm_steps_forward. G (T_x, m, 4 n_a) holds the gate activations on entry and the
    gradients of the gates' pre-activations on exit: each step's gates are read, then
    overwritten by their gradients. Returns da0 and dc0, each of shape (m, n_a).
    """
    T_x, m, n_a = tanh_C.shape
    da_next = np.zeros((m, n_a))  # dL/da<t> through the recurrence
    dc = np.empty((m, n_a))
    dc_next = np.zeros((m, n_a))
    upstream = np.empty((m, 4 * n_a))  # dL/df, dL/di, dL/do, dL/dcc
    scratch = np.empty((m, 3 * n_a))
    local = scratch[:, :n_a]
    sigmoid_gates = slice(0, 3 * n_a)  # f, i, o
    for t in reversed(range(T_x)):
        g, tc = G[t], tanh_C[t]
        f, i, o, cc = g[:, :n_a], g[:, n_a : 2 * n_a], g[:, 2 * n_a : 3 * n_a], g[:, 3 * n_a :]
        da_t = dA[t]
        da_t += da_next
        # dc = dc_next + da_t * o * (1 - tanh(c)^2)
        np.multiply(tc, tc, out=local)
        np.subtract(1.0, local, out=local)
        np.multiply(da_t, o, out=dc)
        dc *= local
        dc += dc_next
        np.multiply(dc, C[t], out=upstream[:, :n_a])
        np.multiply(dc, cc, out=upstream[:, n_a : 2 * n_a])
        np.multiply(da_t, tc, out=upstream[:, 2 * n_a : 3 * n_a])
        np.multiply(dc, i, out=upstream[:, 3 * n_a :])
        np.multiply(dc, f, out=dc_next)
        # The gates are read: g becomes each gate's derivative, s (1 - s) for the sigmoid
        # gates f, i, o and 1 - cc^2 for the candidate, then the gradient at its input.
        np.multiply(cc, cc, out=local)
        np.subtract(1.0, local, out=cc)
        np.subtract(1.0, g[:, sigmoid_gates], out=scratch)
        g[:, sigmoid_gates] *= scratch
        g *= upstream
        np.matmul(g, Wa, out=da_next)
    return da_next, dc_next


def lstm_backward(da, caches):
    """Fast LSTM backward pass; same results as helpers.lstm_backward.

    Parameters
    ----------
    da : ndarray, shape (n_a, m, T_x), dL/da<t> from the loss at every step
    caches : LSTMCache from helpers.fast.lstm_forward

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dc0 (n_a, m), dWf, dWi, dWc,
        dWo (n_a, n_a + n_x) and dbf, dbi, dbc, dbo (n_a, 1)
    """
    cache = _fast_cache(caches, LSTMCache, "lstm")
    if cache.used:
        raise RuntimeError(
            "fast.lstm_backward: this cache has been used by a backward pass already, which "
            "overwrote its gates with their gradients. Run fast.lstm_forward again for a "
            "second backward pass (PyTorch asks the same)."
        )
    n_x, m, T_x = cache.x_shape
    n_a = cache.C.shape[2]
    da = ShapeChecker("fast.lstm_backward").array("da", da, (n_a, m, T_x))
    cache.used = True
    dA = np.empty((T_x, m, n_a))
    np.copyto(dA, da.transpose(2, 1, 0))
    dG_rows = cache.G.reshape(T_x * m, 4 * n_a)  # gates now, their gradients after the loop
    AX_rows = cache.AX[:-1].reshape(T_x * m, n_a + n_x)
    # dW = dG^T [A_prev X], computed transposed: BLAS was about a third faster that way here
    dW_T = np.empty((n_a + n_x, 4 * n_a))
    dx = np.empty((T_x * m, n_x))
    with Workers(threads_for(m, n_a)) as team:
        first_state_blocks = team.map(
            lambda s: _lstm_steps_backward(
                dA[:, s], cache.G[:, s], cache.C[:, s], cache.tanh_C[:, s], cache.Wa
            ),
            chunks(m, team.count),
        )
        da0 = np.concatenate([da0 for da0, _ in first_state_blocks])  # (m, n_a)
        dc0 = np.concatenate([dc0 for _, dc0 in first_state_blocks])
        # The two products after the loop, each split into one piece per thread.
        gate_cols, step_rows = chunks(4 * n_a, team.count), chunks(T_x * m, team.count)

        def products(k):
            cols, steps = gate_cols[k], step_rows[k]
            np.matmul(AX_rows.T, dG_rows[:, cols], out=dW_T[:, cols])
            np.matmul(dG_rows[steps], cache.Wx, out=dx[steps])

        team.map(products, range(team.count))
    db = dG_rows.sum(axis=0)[:, None]  # (4 n_a, 1)

    dx = dx.reshape(T_x, m, n_x).transpose(2, 1, 0)  # (n_x, m, T_x)
    grads = {"dx": dx, "da0": da0.T.copy(), "dc0": dc0.T.copy()}
    for k, g in enumerate(FUSED_ORDER):
        rows = slice(k * n_a, (k + 1) * n_a)
        grads[f"dW{g}"] = np.ascontiguousarray(dW_T[:, rows].T)
        grads[f"db{g}"] = db[rows]
    return grads


@dataclass
class RNNCache:
    """What the fast RNN backward pass needs (time-major buffers)."""

    X: np.ndarray  # (T_x * m, n_x)
    A: np.ndarray  # (T_x + 1, m, n_a), A[0] = a0
    Wax: np.ndarray
    Waa: np.ndarray
    x_shape: tuple
    activation: str = "tanh"


def rnn_forward(x, a0, parameters, activation="tanh"):
    """Fast RNN forward pass; same arguments and results as helpers.rnn_forward, with
    activation "tanh" (the course's RNN) or "relu" (the IRNN of 13: a = max(0, z)).

    Returns
    -------
    a : ndarray (n_a, m, T_x); y_pred : ndarray (n_y, m, T_x); caches : RNNCache
    """
    check = ShapeChecker("fast.rnn_forward")
    x = check.array("x", x, ("n_x", "m", "T_x"))
    a0 = check.array("a0", a0, ("n_a", "m"))
    p = check.parameters(parameters, RNN_SHAPES)
    n_x, m, T_x = x.shape
    n_a = a0.shape[0]
    X = _swap_time_and_features(x).reshape(T_x * m, n_x)
    A = np.empty((T_x + 1, m, n_a))
    A[0] = a0.T
    A[1:] = (X @ p["Wax"].T + p["ba"].T).reshape(T_x, m, n_a)
    WaaT = np.ascontiguousarray(p["Waa"].T)
    act = {"tanh": np.tanh, "relu": lambda z, out: np.maximum(z, 0.0, out=out)}[activation]
    for t in range(T_x):
        A[t + 1] += A[t] @ WaaT
        act(A[t + 1], out=A[t + 1])
    y = _outputs(A[1:], p["Wya"], p["by"])
    cache = RNNCache(X=X, A=A, Wax=p["Wax"], Waa=p["Waa"], x_shape=x.shape, activation=activation)
    return _swap_time_and_features(A[1:]), y, cache


def rnn_backward(da, caches):
    """Fast RNN backward pass; same results as helpers.rnn_backward.

    Returns
    -------
    gradients : dict with dx (n_x, m, T_x), da0 (n_a, m), dWax (n_a, n_x),
        dWaa (n_a, n_a), dba (n_a, 1)
    """
    cache = _fast_cache(caches, RNNCache, "rnn")
    n_x, m, T_x = cache.x_shape
    n_a = cache.A.shape[2]
    dA = _swap_time_and_features(ShapeChecker("fast.rnn_backward").array("da", da, (n_a, m, T_x)))
    dZ = np.empty((T_x, m, n_a))  # gradients of the pre-activations
    da_next = np.zeros((m, n_a))
    for t in reversed(range(T_x)):
        a = cache.A[t + 1]  # the activation's derivative from its value: 1 - a^2, or 0 / 1
        slope = 1.0 - a * a if cache.activation == "tanh" else a > 0.0
        np.multiply(dA[t] + da_next, slope, out=dZ[t])
        np.matmul(dZ[t], cache.Waa, out=da_next)
    dZ_rows = dZ.reshape(T_x * m, n_a)
    return {
        "dx": _swap_time_and_features((dZ_rows @ cache.Wax).reshape(T_x, m, n_x)),
        "da0": np.ascontiguousarray(da_next.T),
        "dWax": dZ_rows.T @ cache.X,
        "dWaa": dZ_rows.T @ cache.A[:-1].reshape(T_x * m, n_a),
        "dba": dZ_rows.sum(axis=0)[:, None],
    }
