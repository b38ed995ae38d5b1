"""The order in which an LSTM cell, a GRU cell and one Adam update make their values, with the
equation of each.

A slip in one gate spreads to everything computed after it: a missing bf makes ft wrong,
then c_next, then a_next. Comparing the learner's values in the order the cell makes
them, and stopping at the first that differs, names the gate where the computation went
wrong instead of a later value that only inherits the error.

Each function takes the reference's result and the learner's and returns a list of
(label, expected array, learner's value, equation). It may raise (IndexError, KeyError,
TypeError) when the learner's result does not have the expected structure; the check
then reports the structure instead.
"""

from .. import lstm

ACTIVATION = {g: "tanh" if g == "c" else "sigmoid" for g in lstm.GATES}  # candidate: tanh
CONCAT = "concat = [a_prev; xt]"


def _gate_equation(g):
    value = lstm.GATE_VALUES[g]
    return f"{value} = {ACTIVATION[g]}(W{g} @ concat + b{g}), with {CONCAT}"


def _gate_label(g):
    value = lstm.GATE_VALUES[g]
    return f"{value} (cache[{lstm.CACHE_FIELDS.index(value)}], the {lstm.GATE_NAMES[g]} gate)"


def lstm_cell_forward_steps(expected, got):
    """ft, it, cct, c_next, ot, a_next, yt_pred: the order of lstm_cell_forward."""
    a_next, c_next, yt_pred, cache = expected
    got_a, got_c, got_y, got_cache = got

    def gate(g):
        index = lstm.CACHE_FIELDS.index(lstm.GATE_VALUES[g])
        return _gate_label(g), cache[index], got_cache[index], _gate_equation(g)

    before_memory = [g for g in lstm.GATES if g != "o"]  # the output gate comes after it
    return [
        *(gate(g) for g in before_memory),
        ("c_next", c_next, got_c, "c_next = ft * c_prev + it * cct"),
        gate("o"),
        ("a_next", a_next, got_a, "a_next = ot * tanh(c_next)"),
        ("yt_pred", yt_pred, got_y, "yt_pred = softmax(Wy @ a_next + by)"),
    ]


# The gradient of each gate's pre-activation, as lstm_cell_backward computes it. The
# output gate's needs only da_next; the others need dc, the memory's gradient.
DC = "dc = dc_next + da_next * ot * (1 - tanh(c_next)**2)"
PRE_ACTIVATION_GRADIENTS = {
    "o": "dot = da_next * tanh(c_next) * ot * (1 - ot)",
    "c": f"dcct = dc * it * (1 - cct**2), with {DC}",
    "i": f"dit = dc * cct * it * (1 - it), with {DC}",
    "f": f"dft = dc * c_prev * ft * (1 - ft), with {DC}",
}
BACKWARD_GATE_ORDER = ("o", *(g for g in reversed(lstm.GATES) if g != "o"))


def lstm_cell_backward_steps(expected, got):
    """Gate by gate (output, candidate, update, forget), each gate's bias gradient, then
    its weight gradient; then dc_prev, and last da_prev and dxt, which mix all four."""
    steps = []
    for g in BACKWARD_GATE_ORDER:
        gradient = PRE_ACTIVATION_GRADIENTS[g]
        name = gradient.split(" = ")[0]  # dot, dcct, ...
        steps.append((f"db{g}", expected[f"db{g}"], got[f"db{g}"],
                      f"db{g} = the sum of {name} over the batch, where {gradient}"))  # fmt: skip
        steps.append((f"dW{g}", expected[f"dW{g}"], got[f"dW{g}"],
                      f"dW{g} = {name} @ concat.T, where {gradient}"))  # fmt: skip
    dconcat = " + ".join(
        f"W{g}.T @ {PRE_ACTIVATION_GRADIENTS[g].split(' = ')[0]}" for g in lstm.GATES
    )
    steps += [
        ("dc_prev", expected["dc_prev"], got["dc_prev"], f"dc_prev = dc * ft, where {DC}"),
        ("da_prev", expected["da_prev"], got["da_prev"],
         f"da_prev = dconcat[:n_a], where dconcat = {dconcat}"),
        ("dxt", expected["dxt"], got["dxt"], f"dxt = dconcat[n_a:], where dconcat = {dconcat}"),
    ]  # fmt: skip
    return steps


def adam_update_steps(expected, got):
    """m_new, v_new, then w_new: the order of adam_update (results: w_new, m_new, v_new)."""
    (w, m, v), (got_w, got_m, got_v) = expected, got
    return [
        ("m_new", m, got_m, "m_new = beta1 * m + (1 - beta1) * g"),
        ("v_new", v, got_v, "v_new = beta2 * v + (1 - beta2) * g**2"),
        ("w_new", w, got_w, "w_new = w - lr * m_hat / (sqrt(v_hat) + eps), with "
         "m_hat = m_new / (1 - beta1**k) and v_hat = v_new / (1 - beta2**k)"),
    ]  # fmt: skip


def gru_cell_forward_steps(expected, got):
    """rt, ut, cct, a_next, yt_pred: the order of gru_cell_forward."""
    (a_next, yt_pred, cache), (got_a, got_y, got_cache) = expected, got
    concat = "concat = [a_prev; xt]"
    return [
        ("rt (cache[2], the reset gate)", cache[2], got_cache[2],
         f"rt = sigmoid(Wr @ concat + br), with {concat}"),
        ("ut (cache[3], the update gate)", cache[3], got_cache[3],
         f"ut = sigmoid(Wu @ concat + bu), with {concat}"),
        ("cct (cache[4], the candidate)", cache[4], got_cache[4],
         "cct = tanh(Wc @ [rt * a_prev; xt] + bc)"),
        ("a_next", a_next, got_a, "a_next = ut * cct + (1 - ut) * a_prev"),
        ("yt_pred", yt_pred, got_y, "yt_pred = softmax(Wy @ a_next + by)"),
    ]  # fmt: skip


GRU_PRE_ACTIVATION_GRADIENTS = {
    "c": "dpre_c = da_next * ut * (1 - cct**2)",
    "u": "dpre_u = da_next * (cct - a_prev) * ut * (1 - ut)",
    "r": "dpre_r = (dL/d(rt * a_prev)) * a_prev * rt * (1 - rt), where dL/d(rt * a_prev) "
    "is the first n_a rows of Wc.T @ dpre_c",
}


def gru_cell_backward_steps(expected, got):
    """Gate by gate (candidate, update, reset: the order the gradient reaches them), each
    gate's bias gradient, then its weight gradient; then da_prev and dxt."""
    steps = []
    for g in ("c", "u", "r"):
        gradient = GRU_PRE_ACTIVATION_GRADIENTS[g]
        seen = "[rt * a_prev; xt]" if g == "c" else "concat"
        steps.append((f"db{g}", expected[f"db{g}"], got[f"db{g}"],
                      f"db{g} = the sum of dpre_{g} over the batch, where {gradient}"))  # fmt: skip
        steps.append((f"dW{g}", expected[f"dW{g}"], got[f"dW{g}"],
                      f"dW{g} = dpre_{g} @ {seen}.T, where {gradient}"))  # fmt: skip
    steps += [
        ("da_prev", expected["da_prev"], got["da_prev"],
         "da_prev = da_next * (1 - ut) + (dL/d(rt * a_prev)) * rt + the first n_a rows of "
         "Wr.T @ dpre_r + Wu.T @ dpre_u"),
        ("dxt", expected["dxt"], got["dxt"],
         "dxt = the last n_x rows of Wc.T @ dpre_c + Wr.T @ dpre_r + Wu.T @ dpre_u"),
    ]  # fmt: skip
    return steps
