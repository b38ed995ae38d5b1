"""Known mistakes of the GRU cell (11), as in mistakes.py: the slips of the other GRU
conventions (where the reset gate acts, which side the update gate weights), the
concatenation's order, and derivatives left out of the backward pass."""

import numpy as np

from .. import gru
from ..activations import sigmoid, softmax
from .mistakes import variant


def _gru_cell_variant(xt, a_prev, p, order="a_first", reset="before", update="candidate",
                      cand=np.tanh):  # fmt: skip
    n_a = a_prev.shape[0]
    first, second = (a_prev, xt) if order == "a_first" else (xt, a_prev)
    concat = np.concatenate((first, second), axis=0)
    rt = sigmoid(p["Wr"] @ concat + p["br"])
    ut = sigmoid(p["Wu"] @ concat + p["bu"])
    if reset == "after":  # PyTorch's nn.GRU: the reset gate scales the recurrent product
        pre_c = rt * (p["Wc"][:, :n_a] @ a_prev) + p["Wc"][:, n_a:] @ xt + p["bc"]
    else:
        kept = a_prev if reset == "none" else rt * a_prev
        pair = (kept, xt) if order == "a_first" else (xt, kept)
        pre_c = p["Wc"] @ np.concatenate(pair, axis=0) + p["bc"]
    cct = cand(pre_c)
    if update == "old_state":  # the update gate weights a_prev (PyTorch, d2l)
        a_next = (1.0 - ut) * cct + ut * a_prev
    else:
        a_next = ut * cct + (1.0 - ut) * a_prev
    yt = softmax(p["Wy"] @ a_next + p["by"])
    return a_next, yt, gru.GRUCellCache(a_next, a_prev, rt, ut, cct, xt, p)


GRU_CELL_FORWARD_MISTAKES = [
    variant(
        "the reset gate scales the recurrent product, rt * (Wc[:, :n_a] @ a_prev), as "
        "PyTorch's nn.GRU does; the course resets a_prev before it: Wc @ [rt * a_prev; xt]",
        _gru_cell_variant,
        reset="after",
    ),
    variant(
        "the update gate weights the old state; in the course's convention it weights the "
        "candidate: a_next = ut * cct + (1 - ut) * a_prev",
        _gru_cell_variant,
        update="old_state",
    ),
    variant(
        "the candidate ignores the reset gate: it sees [rt * a_prev; xt], not [a_prev; xt]",
        _gru_cell_variant,
        reset="none",
    ),
    variant(
        "concat has xt on top; the course stacks a_prev on top: concat = [a_prev; xt]",
        _gru_cell_variant,
        order="x_first",
    ),
    variant(
        "the candidate cct uses sigmoid where tanh belongs",
        _gru_cell_variant,
        cand=sigmoid,
    ),
]


def _gru_cell_backward_variant(da_next, cache, leave_out):
    """The reference's backward pass with one term left out (named by leave_out)."""
    a_next, a_prev, rt, ut, cct, xt, p = cache
    n_a = a_prev.shape[0]
    tanh_prime = 1.0 if leave_out == "tanh_prime" else 1.0 - cct**2
    dpre_c = da_next * ut * tanh_prime
    du_prime = 1.0 if leave_out == "u_prime" else ut * (1.0 - ut)
    dpre_u = da_next * (cct - a_prev) * du_prime
    da_prev = 0.0 if leave_out == "direct" else da_next * (1.0 - ut)
    dconcat_r = p["Wc"].T @ dpre_c
    dreset_a = dconcat_r[:n_a]
    dr_prime = 1.0 if leave_out == "r_prime" else rt * (1.0 - rt)
    dpre_r = dreset_a * a_prev * dr_prime
    dconcat = p["Wr"].T @ dpre_r + p["Wu"].T @ dpre_u
    through_reset = 0.0 if leave_out == "reset_path" else dreset_a * rt
    concat = np.concatenate((a_prev, xt), axis=0)
    concat_r = np.concatenate((rt * a_prev, xt), axis=0)
    grads = {"dxt": dconcat_r[n_a:] + dconcat[n_a:],
             "da_prev": da_prev + through_reset + dconcat[:n_a]}  # fmt: skip
    for g, dpre, seen in (("r", dpre_r, concat), ("u", dpre_u, concat), ("c", dpre_c, concat_r)):
        grads[f"dW{g}"] = dpre @ seen.T
        grads[f"db{g}"] = np.sum(dpre, axis=1, keepdims=True)
    return grads


GRU_CELL_BACKWARD_MISTAKES = [
    variant(
        "the update gate's sigmoid derivative ut * (1 - ut) is missing: "
        "dpre_u = da_next * (cct - a_prev) * ut * (1 - ut)",
        _gru_cell_backward_variant,
        leave_out="u_prime",
    ),
    variant(
        "the reset gate's sigmoid derivative rt * (1 - rt) is missing: "
        "dpre_r = (dL/d(rt * a_prev)) * a_prev * rt * (1 - rt)",
        _gru_cell_backward_variant,
        leave_out="r_prime",
    ),
    variant(
        "the candidate's tanh derivative 1 - cct**2 is missing: "
        "dpre_c = da_next * ut * (1 - cct**2)",
        _gru_cell_backward_variant,
        leave_out="tanh_prime",
    ),
    variant(
        "da_prev misses the direct path of a_next = ... + (1 - ut) * a_prev: "
        "add da_next * (1 - ut)",
        _gru_cell_backward_variant,
        leave_out="direct",
    ),
    variant(
        "da_prev misses the path through the candidate's input rt * a_prev: add "
        "(dL/d(rt * a_prev)) * rt, the first n_a rows of Wc.T @ dpre_c times rt",
        _gru_cell_backward_variant,
        leave_out="reset_path",
    ),
]
