"""Known mistakes of the cells: small wrong variants of the reference functions. When a
learner's wrong answer equals one of them on a case, the check names the mistake in plain
words. The loops' mistakes are in loop_mistakes.py, the other exercises' in
measure_mistakes.py; all are built with `variant`."""

import numpy as np

from .. import lstm, rnn
from ..activations import sigmoid, softmax


def variant(description, wrong, *options, **settings):
    """A known mistake: its description, and the reference's wrong variant `wrong` called
    with the check's arguments followed by `options` and `settings` (which mistake)."""
    return description, lambda *args: wrong(*args, *options, **settings)


def _rnn_cell_variant(xt, a_prev, p, act=np.tanh, ba=True, by=True, y="softmax", y_from="next"):
    z = p["Wax"] @ xt + p["Waa"] @ a_prev + (p["ba"] if ba else 0.0)
    a_next = act(z)
    scores = p["Wya"] @ (a_next if y_from == "next" else a_prev) + (p["by"] if by else 0.0)
    if y == "softmax":
        yt = softmax(scores)
    elif y == "softmax_axis1":
        yt = softmax(scores.T).T
    else:
        yt = scores
    return a_next, yt, rnn.CellCache(a_next=a_next, a_prev=a_prev, xt=xt, parameters=p)


RNN_CELL_FORWARD_MISTAKES = [
    variant("the bias ba is left out of a_next", _rnn_cell_variant, ba=False),
    variant("the bias by is left out of yt_pred", _rnn_cell_variant, by=False),
    variant("a_next uses sigmoid where tanh belongs", _rnn_cell_variant, act=sigmoid),
    variant("a_next is missing its tanh", _rnn_cell_variant, act=lambda z: z),
    variant(
        "softmax is taken over axis 1 (the batch) instead of axis 0 (the classes)",
        _rnn_cell_variant,
        y="softmax_axis1",
    ),
    variant("yt_pred is missing the softmax", _rnn_cell_variant, y="scores"),
    variant(
        "yt_pred is computed from a_prev instead of a_next",
        _rnn_cell_variant,
        y_from="prev",
    ),
]


def _lstm_cell_variant(
    xt, a_prev, c_prev, p, order="a_first", cand=np.tanh, gate=sigmoid, forget=True,
    squash_c=True, swap_fi=False, biases=True, y="softmax", no_bias=(), tanh_gate=None,
    swap_in_memory=False,
):  # fmt: skip
    concat = np.concatenate((a_prev, xt) if order == "a_first" else (xt, a_prev), axis=0)

    def pre(g):
        return p[f"W{g}"] @ concat + (p[f"b{g}"] if biases and g not in no_bias else 0.0)

    def act(g):
        return cand if g == "c" else np.tanh if g == tanh_gate else gate

    ft, it, cct, ot = (act(g)(pre(g)) for g in lstm.GATES)
    if swap_fi:
        ft, it = it, ft
    if swap_in_memory:
        c_next = it * c_prev + ft * cct
    else:
        c_next = (ft * c_prev if forget else c_prev) + it * cct
    a_next = ot * (np.tanh(c_next) if squash_c else c_next)
    scores = p["Wy"] @ a_next + p["by"]
    yt = softmax(scores) if y == "softmax" else softmax(scores.T).T
    cache = lstm.CellCache(
        a_next=a_next, c_next=c_next, a_prev=a_prev, c_prev=c_prev,
        ft=ft, it=it, cct=cct, ot=ot, xt=xt, parameters=p,
    )  # fmt: skip
    return a_next, c_next, yt, cache


LSTM_CELL_FORWARD_MISTAKES = [
    variant(
        "concat has xt on top; the course stacks a_prev on top: concat = [a_prev; xt]",
        _lstm_cell_variant,
        order="x_first",
    ),
    variant(
        "the candidate cct uses sigmoid where tanh belongs (sigmoid and tanh swapped)",
        _lstm_cell_variant,
        cand=sigmoid,
    ),
    variant(
        "the gates use tanh where sigmoid belongs (sigmoid and tanh swapped)",
        _lstm_cell_variant,
        gate=np.tanh,
    ),
    variant(
        "c_prev is not multiplied by the forget gate: c_next = ft * c_prev + it * cct",
        _lstm_cell_variant,
        forget=False,
    ),
    variant(
        "a_next is missing the tanh of the memory: a_next = ot * tanh(c_next)",
        _lstm_cell_variant,
        squash_c=False,
    ),
    variant(
        "the forget and update gates are swapped: ft multiplies c_prev, it the candidate",
        _lstm_cell_variant,
        swap_fi=True,
    ),
    variant("the gate biases are left out", _lstm_cell_variant, biases=False),
    variant(
        "the forget and update gates are swapped in the memory update: "
        "c_next = ft * c_prev + it * cct",
        _lstm_cell_variant,
        swap_in_memory=True,
    ),
    *(
        variant(
            f"the bias b{g} is left out of {lstm.GATE_VALUES[g]}, the {lstm.GATE_NAMES[g]} gate",
            _lstm_cell_variant,
            no_bias=(g,),
        )
        for g in lstm.GATES
    ),
    *(
        variant(
            f"{lstm.GATE_VALUES[g]}, the {lstm.GATE_NAMES[g]} gate, uses tanh where sigmoid "
            "belongs",
            _lstm_cell_variant,
            tanh_gate=g,
        )
        for g in lstm.GATES
        if g != "c"
    ),
    variant(
        "softmax is taken over axis 1 (the batch) instead of axis 0 (the classes)",
        _lstm_cell_variant,
        y="axis1",
    ),
]


def _rnn_cell_backward_variant(da_next, cache, mistake=None):
    cache = rnn.CellCache(*cache)
    a_next, a_prev, xt, p = cache.a_next, cache.a_prev, cache.xt, cache.parameters
    if mistake == "no_derivative":
        dtanh = da_next
    elif mistake == "tanh_again":
        dtanh = (1 - np.tanh(a_next) ** 2) * da_next
    else:
        dtanh = (1 - a_next**2) * da_next
    return {
        "dxt": p["Wax"].T @ dtanh,
        "da_prev": (p["Waa"] if mistake == "no_transpose" else p["Waa"].T) @ dtanh,
        "dWax": dtanh @ xt.T,
        "dWaa": dtanh @ (a_next if mistake == "a_next_for_dWaa" else a_prev).T,
        "dba": np.sum(dtanh, axis=1, keepdims=True),
    }


RNN_CELL_BACKWARD_MISTAKES = [
    variant(
        "the tanh derivative is missing: dtanh = (1 - a_next**2) * da_next",
        _rnn_cell_backward_variant,
        "no_derivative",
    ),
    variant(
        "the tanh derivative is 1 - a_next**2, since a_next is already tanh(z); "
        "taking tanh(a_next) again is wrong",
        _rnn_cell_backward_variant,
        "tanh_again",
    ),
    variant(
        "da_prev needs the transpose: da_prev = Waa.T @ dtanh",
        _rnn_cell_backward_variant,
        "no_transpose",
    ),
    variant(
        "dWaa multiplies by a_prev, the state that Waa acted on: dWaa = dtanh @ a_prev.T",
        _rnn_cell_backward_variant,
        "a_next_for_dWaa",
    ),
]


def _lstm_cell_backward_variant(da_next, dc_next, cache, mistake=None):
    v = lstm.CellCache(*cache)
    c_next, a_prev, c_prev, xt, p = v.c_next, v.a_prev, v.c_prev, v.xt, v.parameters
    ft, it, cct, ot = v.ft, v.it, v.cct, v.ot
    n_a = a_prev.shape[0]
    tanh_c = np.tanh(c_next)
    dc = dc_next + da_next * ot * (1 - tanh_c**2)
    if mistake == "no_a_path":
        dc = dc_next
    elif mistake == "no_dc_next":
        dc = da_next * ot * (1 - tanh_c**2)

    def gate_deriv(s, g):  # all three sigmoid derivatives missing, or gate g's only
        missing = mistake in ("no_sigmoid_derivative", f"no_sigmoid_derivative_{g}")
        return 1.0 if missing else s * (1 - s)

    dpre = {
        "f": dc * c_prev * gate_deriv(ft, "f"),
        "i": dc * cct * gate_deriv(it, "i"),
        "c": dc * it * (1.0 if mistake == "no_tanh_derivative" else 1 - cct**2),
        "o": da_next * (c_next if mistake == "c_not_tanh" else tanh_c) * gate_deriv(ot, "o"),
    }
    concat = np.concatenate((a_prev, xt), axis=0)
    dconcat = sum(p[f"W{g}"].T @ dpre[g] for g in lstm.GATES)
    if mistake == "split_reversed":
        n_x = xt.shape[0]
        dxt, da_prev = dconcat[:n_x], dconcat[n_x:]
    else:
        dxt, da_prev = dconcat[n_a:], dconcat[:n_a]
    grads = {"dxt": dxt, "da_prev": da_prev, "dc_prev": dc if mistake == "no_forget" else dc * ft}
    for g in lstm.GATES:
        grads[f"dW{g}"] = dpre[g] @ concat.T
        grads[f"db{g}"] = np.sum(dpre[g], axis=1, keepdims=True)
    return grads


def _lstm_cell_backward_mistake(description, mistake):
    return variant(description, _lstm_cell_backward_variant, mistake)


LSTM_CELL_BACKWARD_MISTAKES = [
    _lstm_cell_backward_mistake(
        "dc misses the path through a_next: dc = dc_next + da_next * ot * (1 - tanh(c_next)**2)",
        "no_a_path",
    ),
    _lstm_cell_backward_mistake(
        "dc misses dc_next, the memory's gradient arriving from step t+1", "no_dc_next"
    ),
    _lstm_cell_backward_mistake(
        "dc_prev is dc times the forget gate: dc_prev = dc * ft", "no_forget"
    ),
    _lstm_cell_backward_mistake(
        "the sigmoid derivative s * (1 - s) is missing from the gates' gradients",
        "no_sigmoid_derivative",
    ),
    *(
        _lstm_cell_backward_mistake(
            f"the sigmoid derivative {v} * (1 - {v}) is missing from d{v}, the gradient of "
            f"the {lstm.GATE_NAMES[g]} gate",
            f"no_sigmoid_derivative_{g}",
        )
        for g, v in lstm.GATE_VALUES.items()
        if g != "c"
    ),
    _lstm_cell_backward_mistake(
        "the candidate's tanh derivative (1 - cct**2) is missing", "no_tanh_derivative"
    ),
    _lstm_cell_backward_mistake(
        "the output gate's gradient needs tanh(c_next), not c_next", "c_not_tanh"
    ),
    _lstm_cell_backward_mistake(
        "da_prev and dxt come from the wrong ends of dconcat: a_prev is on top, so "
        "da_prev = dconcat[:n_a] and dxt = dconcat[n_a:]",
        "split_reversed",
    ),
]
