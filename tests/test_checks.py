"""helpers.checks: right answers pass, wrong ones are rejected with a helpful message.

The mutation suite below holds wrong implementations written the way a learner would
write them (each with one bug). Every one must be rejected; most must get a message that
names the mistake itself, not only the first wrong output.
"""

import inspect

import numpy as np
import pytest

import helpers
from helpers import checks, lstm, sigmoid, softmax

# ------------------------------------------------------------------ correct answers pass


def written_by_a_learner(name):
    """The course's own function, as a learner who wrote the same code would have it: the
    same source, executed again in their notebook (a new function, not the course's)."""
    reference = checks.EXERCISES[name].reference
    namespace = dict(vars(inspect.getmodule(reference)))  # its module's names (np, ...)
    exec(inspect.getsource(reference), namespace)
    return namespace[name]


@pytest.mark.parametrize("name", sorted(checks.CHECKS))
def test_the_reference_passes_with_one_short_line(name, capsys):
    assert checks.CHECKS[name](written_by_a_learner(name)) is True
    out = capsys.readouterr().out
    assert out.startswith("✓") and out.count("\n") == 1


@pytest.mark.parametrize("name", sorted(checks.CHECKS))
def test_the_courses_own_function_earns_no_pass(name, capsys):
    assert checks.CHECKS[name](checks.EXERCISES[name].reference) is False
    assert "by calling the course's own" in capsys.readouterr().out


def test_a_wrapper_around_the_courses_function_earns_no_pass_under_any_name(capsys):
    from helpers import lstm_forward as my_lstm_forward

    def lstm_forward(x, a0, parameters):
        return my_lstm_forward(x, a0, parameters)

    assert checks.check_lstm_forward(lstm_forward) is False
    assert "by calling the course's own code for it, helpers.lstm.lstm_forward" in (
        capsys.readouterr().out
    )


def test_the_same_loss_from_the_courses_training_loss_earns_no_pass(capsys):
    def masked_cross_entropy(y_hat, targets, mask):
        return helpers.softmax_cross_entropy(np.log(y_hat), targets, mask)[0]

    assert checks.check_masked_cross_entropy(masked_cross_entropy) is False
    assert "helpers.losses.softmax_cross_entropy" in capsys.readouterr().out


def test_a_loop_may_call_the_courses_cell(capsys):
    def lstm_forward(x, a0, parameters):
        T_x = x.shape[2]
        a, c, y, caches = [], [], [], []
        a_prev, c_prev = a0, np.zeros_like(a0)
        for t in range(T_x):
            a_prev, c_prev, yt, cache = helpers.lstm_cell_forward(
                x[:, :, t], a_prev, c_prev, parameters
            )
            a.append(a_prev), c.append(c_prev), y.append(yt), caches.append(cache)
        return np.stack(a, 2), np.stack(y, 2), np.stack(c, 2), (caches, x)

    assert checks.check_lstm_forward(lstm_forward) is True


# ------------------------------------------------------------------ robust feedback


def not_implemented(*args):
    raise NotImplementedError("Exercise: write this function.")


@pytest.mark.parametrize("name", sorted(checks.CHECKS))
def test_a_stub_gets_friendly_not_implemented_feedback(name, capsys):
    assert checks.CHECKS[name](not_implemented) is False
    out = capsys.readouterr().out
    assert "not implemented yet" in out and "Traceback" not in out


@pytest.mark.parametrize(
    "fn, expected",
    [
        (lambda *a: None, "returned None: is the `return` line missing?"),
        (lambda *a: 3, "should be a tuple of 3 items"),
        (lambda *a: (1, 2), "should have 3 items (a_next, yt_pred, cache), but it has 2"),
        (lambda xt, a_prev, p: 1 / 0, "raised ZeroDivisionError: division by zero"),
        ("rnn_cell_forward", "needs your function itself"),
    ],
)
def test_broken_answers_are_described_in_one_or_two_sentences(fn, expected, capsys):
    assert checks.check_rnn_cell_forward(fn) is False
    out = capsys.readouterr().out
    assert expected in out
    assert "Traceback" not in out and len(out.splitlines()) <= 3


def test_an_exception_names_the_learners_line(capsys):
    def rnn_cell_forward(xt, a_prev, parameters):
        a_next = np.tanh(parameters["Wax"] @ a_prev)  # wrong operand: shapes do not fit
        return a_next, None, None

    checks.check_rnn_cell_forward(rnn_cell_forward)
    out = capsys.readouterr().out
    assert "raised ValueError" in out
    assert "in your line" in out and 'parameters["Wax"] @ a_prev' in out


def test_an_input_changed_in_place_is_reported(capsys):
    def rnn_backward(da, caches):
        grads = helpers.rnn_backward(da, caches)
        da *= 0  # clobbers the caller's array
        return grads

    assert checks.check_rnn_backward(rnn_backward) is False
    assert "changed its input da in place" in capsys.readouterr().out


def test_a_wrong_shape_names_the_symbolic_shape_and_keepdims(capsys):
    def rnn_cell_backward(da_next, cache):
        grads = helpers.rnn_cell_backward(da_next, cache)
        grads["dba"] = grads["dba"].ravel()
        return grads

    checks.check_rnn_cell_backward(rnn_cell_backward)
    out = capsys.readouterr().out
    assert "dba has shape (5,) but should have shape (5, 1), that is (n_a, 1)" in out
    assert "keepdims=True" in out


def test_a_cache_in_the_wrong_order_is_explained(capsys):
    def rnn_cell_forward(xt, a_prev, parameters):
        a_next, yt_pred, _ = helpers.rnn_cell_forward(xt, a_prev, parameters)
        return a_next, yt_pred, (a_prev, a_next, xt, parameters)

    checks.check_rnn_cell_forward(rnn_cell_forward)
    out = capsys.readouterr().out
    assert "cache[0] (a_next)" in out and "keep the order (a_next, a_prev, xt, parameters)" in out


def test_a_missing_gradient_is_named(capsys):
    def rnn_cell_backward(da_next, cache):
        grads = helpers.rnn_cell_backward(da_next, cache)
        del grads["dWaa"]
        return grads

    checks.check_rnn_cell_backward(rnn_cell_backward)
    assert "the gradients dict has no 'dWaa'" in capsys.readouterr().out


# ------------------------------------------------------------------ the mutation suite
# Each entry: (exercise, wrong implementation, words the message should contain, or None
# when only the wrong output can be named).

MUTANTS = []


def mutant(exercise, names=None):
    def register(fn):
        MUTANTS.append(pytest.param(exercise, fn, names, id=f"{exercise}-{fn.__name__}"))
        return fn

    return register


@mutant("rnn_cell_forward", "bias ba is left out")
def rnn_cell_no_bias(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt)
    return a_next, softmax(p["Wya"] @ a_next + p["by"]), (a_next, a_prev, xt, p)


@mutant("rnn_cell_forward", "sigmoid where tanh belongs")
def rnn_cell_sigmoid(xt, a_prev, p):
    a_next = sigmoid(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, softmax(p["Wya"] @ a_next + p["by"]), (a_next, a_prev, xt, p)


@mutant("rnn_cell_forward", "softmax is taken over axis 1")
def rnn_cell_softmax_axis(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    z = p["Wya"] @ a_next + p["by"]
    yt = np.exp(z) / np.exp(z).sum(axis=1, keepdims=True)
    return a_next, yt, (a_next, a_prev, xt, p)


@mutant("rnn_cell_forward", "missing the softmax")
def rnn_cell_no_softmax(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, p["Wya"] @ a_next + p["by"], (a_next, a_prev, xt, p)


@mutant("rnn_cell_forward", "computed from a_prev instead of a_next")
def rnn_cell_predicts_from_a_prev(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, softmax(p["Wya"] @ a_prev + p["by"]), (a_next, a_prev, xt, p)


@mutant("rnn_cell_forward", "bias by is left out")
def rnn_cell_no_output_bias(xt, a_prev, p):
    a_next = np.tanh(p["Waa"] @ a_prev + p["Wax"] @ xt + p["ba"])
    return a_next, softmax(p["Wya"] @ a_next), (a_next, a_prev, xt, p)


@mutant("rnn_forward", "should hold the new state a_next")
def rnn_forward_stores_a_prev(x, a0, p):
    n_a, m, T_x = a0.shape[0], x.shape[1], x.shape[2]
    n_y = p["Wya"].shape[0]
    a, y, caches, a_prev = np.zeros((n_a, m, T_x)), np.zeros((n_y, m, T_x)), [], a0
    for t in range(T_x):
        a_next, yt, cache = helpers.rnn_cell_forward(x[:, :, t], a_prev, p)
        a[:, :, t], y[:, :, t] = a_prev, yt
        caches.append(cache)
        a_prev = a_next
    return a, y, (caches, x)


@mutant("rnn_forward", "never updated")
def rnn_forward_no_update(x, a0, p):
    out = [helpers.rnn_cell_forward(x[:, :, t], a0, p) for t in range(x.shape[2])]
    a = np.stack([o[0] for o in out], axis=2)
    return a, np.stack([o[1] for o in out], axis=2), ([o[2] for o in out], x)


@mutant("rnn_forward", "reset to zeros at every step")
def rnn_forward_reset(x, a0, p):
    out = [helpers.rnn_cell_forward(x[:, :, t], np.zeros_like(a0), p) for t in range(x.shape[2])]
    a = np.stack([o[0] for o in out], axis=2)
    return a, np.stack([o[1] for o in out], axis=2), ([o[2] for o in out], x)


@mutant("rnn_forward")
def rnn_forward_caches_without_x(x, a0, p):
    a, y, (caches, _) = helpers.rnn_forward(x, a0, p)
    return a, y, caches


@mutant("rnn_cell_backward", "tanh derivative is missing")
def rnn_cell_backward_no_derivative(da_next, cache):
    a_next, a_prev, xt, p = cache
    d = da_next
    return {"dxt": p["Wax"].T @ d, "da_prev": p["Waa"].T @ d, "dWax": d @ xt.T,
            "dWaa": d @ a_prev.T, "dba": d.sum(axis=1, keepdims=True)}  # fmt: skip


@mutant("rnn_cell_backward", "taking tanh(a_next) again")
def rnn_cell_backward_tanh_again(da_next, cache):
    a_next, a_prev, xt, p = cache
    d = (1 - np.tanh(a_next) ** 2) * da_next
    return {"dxt": p["Wax"].T @ d, "da_prev": p["Waa"].T @ d, "dWax": d @ xt.T,
            "dWaa": d @ a_prev.T, "dba": d.sum(axis=1, keepdims=True)}  # fmt: skip


@mutant("rnn_cell_backward", "needs the transpose")
def rnn_cell_backward_no_transpose(da_next, cache):
    a_next, a_prev, xt, p = cache
    d = (1 - a_next**2) * da_next
    return {"dxt": p["Wax"].T @ d, "da_prev": p["Waa"] @ d, "dWax": d @ xt.T,
            "dWaa": d @ a_prev.T, "dba": d.sum(axis=1, keepdims=True)}  # fmt: skip


@mutant("rnn_cell_backward", "keepdims=True")
def rnn_cell_backward_flat_bias(da_next, cache):
    a_next, a_prev, xt, p = cache
    d = (1 - a_next**2) * da_next
    return {"dxt": p["Wax"].T @ d, "da_prev": p["Waa"].T @ d, "dWax": d @ xt.T,
            "dWaa": d @ a_prev.T, "dba": d.sum(axis=1)}  # fmt: skip


@mutant("rnn_cell_backward", "multiplies by a_prev")
def rnn_cell_backward_a_next_in_dWaa(da_next, cache):
    a_next, a_prev, xt, p = cache
    d = (1 - a_next**2) * da_next
    return {"dxt": p["Wax"].T @ d, "da_prev": p["Waa"].T @ d, "dWax": d @ xt.T,
            "dWaa": d @ a_next.T, "dba": d.sum(axis=1, keepdims=True)}  # fmt: skip


def rnn_backward_with(mistake):
    def rnn_backward(da, caches):
        cell_caches, x = caches
        T_x = x.shape[2]
        grads = {"dx": np.zeros_like(x)}
        da_prevt = np.zeros_like(da[:, :, 0])
        order = range(T_x) if mistake == "forward" else reversed(range(T_x))
        for t in order:
            da_t = da[:, :, t] if mistake == "no_carry" else da[:, :, t] + da_prevt
            step = helpers.rnn_cell_backward(da_t, cell_caches[t])
            grads["dx"][:, :, t] = step["dxt"]
            for k in ("dWax", "dWaa", "dba"):
                grads[k] = (
                    step[k] if (mistake == "overwrite" or k not in grads) else grads[k] + step[k]
                )
            da_prevt = step["da_prev"]
        grads["da0"] = da[:, :, 0] if mistake == "da0" else da_prevt
        return grads

    rnn_backward.__name__ = f"rnn_backward_{mistake}"
    return rnn_backward


mutant("rnn_backward", "gradient from step t+1 is not added")(rnn_backward_with("no_carry"))
mutant("rnn_backward", "summed over time")(rnn_backward_with("overwrite"))
mutant("rnn_backward", "da0 is the gradient that flows out")(rnn_backward_with("da0"))
mutant("rnn_backward", "loop runs forward in time")(rnn_backward_with("forward"))


def lstm_cell(xt, a_prev, c_prev, p, order="a_first", cand=np.tanh, forget=True, squash=True,
              swap=False, gate=sigmoid):  # fmt: skip
    concat = np.vstack([a_prev, xt] if order == "a_first" else [xt, a_prev])
    f = gate(p["Wf"] @ concat + p["bf"])
    i = gate(p["Wi"] @ concat + p["bi"])
    cc = cand(p["Wc"] @ concat + p["bc"])
    o = gate(p["Wo"] @ concat + p["bo"])
    if swap:
        f, i = i, f
    c = (f * c_prev if forget else c_prev) + i * cc
    a = o * (np.tanh(c) if squash else c)
    return a, c, softmax(p["Wy"] @ a + p["by"]), (a, c, a_prev, c_prev, f, i, cc, o, xt, p)


for _name, _kwargs, _words in [
    ("concat_reversed", {"order": "x_first"}, "a_prev on top"),
    ("sigmoid_candidate", {"cand": sigmoid}, "sigmoid and tanh swapped"),
    ("tanh_gates", {"gate": np.tanh}, "sigmoid and tanh swapped"),
    ("no_forget_gate", {"forget": False}, "not multiplied by the forget gate"),
    ("no_tanh_on_memory", {"squash": False}, "missing the tanh of the memory"),
    ("gates_swapped", {"swap": True}, "forget and update gates are swapped"),
]:

    def _mutant(xt, a_prev, c_prev, p, _kwargs=_kwargs):
        return lstm_cell(xt, a_prev, c_prev, p, **_kwargs)

    _mutant.__name__ = f"lstm_cell_{_name}"
    mutant("lstm_cell_forward", _words)(_mutant)


@mutant("lstm_cell_forward", "should have 10 items")
def lstm_cell_short_cache(xt, a_prev, c_prev, p):
    a, c, y, cache = lstm_cell(xt, a_prev, c_prev, p)
    return a, c, y, (a, c, a_prev, c_prev, xt, p)  # the 6-item cache of the post's docstring


def lstm_forward_with(mistake):
    def lstm_forward(x, a0, p):
        a_prev, c_prev = a0, (a0 if mistake == "c0_a0" else np.zeros_like(a0))
        outs = []
        for t in range(x.shape[2]):
            if mistake == "reset_c":
                c_prev = np.zeros_like(a0)
            out = helpers.lstm_cell_forward(x[:, :, t], a_prev, c_prev, p)
            outs.append(out if mistake != "store_c_prev" else (out[0], c_prev, out[2], out[3]))
            a_prev, c_prev = out[0], out[1]
        stack = [np.stack([o[k] for o in outs], axis=2) for k in range(3)]
        return stack[0], stack[2], stack[1], ([o[3] for o in outs], x)

    lstm_forward.__name__ = f"lstm_forward_{mistake}"
    return lstm_forward


mutant("lstm_forward", "start at zeros, not at a0")(lstm_forward_with("c0_a0"))
mutant("lstm_forward", "reset to zeros at every step")(lstm_forward_with("reset_c"))
mutant("lstm_forward", "should hold the new memory c_next")(lstm_forward_with("store_c_prev"))


def lstm_cell_backward_with(mistake):
    def lstm_cell_backward(da_next, dc_next, cache):
        a_next, c_next, a_prev, c_prev, f, i, cc, o, xt, p = cache
        n_a = a_prev.shape[0]
        tc = np.tanh(c_next)
        dc = dc_next + da_next * o * (1 - tc**2)
        if mistake == "no_a_path":
            dc = dc_next
        if mistake == "no_dc_next":
            dc = da_next * o * (1 - tc**2)
        s = (lambda g: 1) if mistake == "no_sigmoid" else (lambda g: g * (1 - g))
        d = {"f": dc * c_prev * s(f), "i": dc * cc * s(i), "c": dc * i * (1 - cc**2),
             "o": da_next * tc * s(o)}  # fmt: skip
        concat = np.vstack([a_prev, xt])
        dconcat = sum(p["W" + g].T @ d[g] for g in "fico")
        grads = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a],
                 "dc_prev": dc if mistake == "no_forget" else dc * f}  # fmt: skip
        for g in "fico":
            grads["dW" + g] = d[g] @ concat.T
            grads["db" + g] = d[g].sum(axis=1, keepdims=True)
        return grads

    lstm_cell_backward.__name__ = f"lstm_cell_backward_{mistake}"
    return lstm_cell_backward


mutant("lstm_cell_backward", "path through a_next")(lstm_cell_backward_with("no_a_path"))
mutant("lstm_cell_backward", "misses dc_next")(lstm_cell_backward_with("no_dc_next"))
mutant("lstm_cell_backward", "dc_prev = dc * ft")(lstm_cell_backward_with("no_forget"))
mutant("lstm_cell_backward", "sigmoid derivative")(lstm_cell_backward_with("no_sigmoid"))


def lstm_backward_with(mistake):
    def lstm_backward(da, caches):
        cell_caches, x = caches
        grads, da_prevt, dc_prevt = {"dx": np.zeros_like(x)}, 0 * da[:, :, 0], 0 * da[:, :, 0]
        for t in reversed(range(x.shape[2])):
            da_t = da[:, :, t] if mistake == "no_carry" else da[:, :, t] + da_prevt
            dc_t = 0 * dc_prevt if mistake == "no_c_carry" else dc_prevt
            step = helpers.lstm_cell_backward(da_t, dc_t, cell_caches[t])
            grads["dx"][:, :, t] = step["dxt"]
            for k in (f"{w}{g}" for g in "fico" for w in ("dW", "db")):
                grads[k] = (
                    step[k] if (mistake == "overwrite" or k not in grads) else grads[k] + step[k]
                )
            da_prevt, dc_prevt = step["da_prev"], step["dc_prev"]
        grads["da0"] = da_prevt
        if mistake != "no_dc0":
            grads["dc0"] = dc_prevt
        return grads

    lstm_backward.__name__ = f"lstm_backward_{mistake}"
    return lstm_backward


mutant("lstm_backward", "gradient from step t+1 is not added")(lstm_backward_with("no_carry"))
mutant("lstm_backward", "memory's gradient is not carried back")(lstm_backward_with("no_c_carry"))
mutant("lstm_backward", "summed over time")(lstm_backward_with("overwrite"))
mutant("lstm_backward", "no 'dc0' (the last dc_prevt")(lstm_backward_with("no_dc0"))


# Single-gate slips: the message names the first wrong value (the gate) and the slip.
def lstm_cell_forward_with(no_bias=None, tanh_gate=None, swap_in_memory=False):
    def lstm_cell_forward(xt, a_prev, c_prev, p):
        concat = np.concatenate((a_prev, xt))
        z = {g: p[f"W{g}"] @ concat + (0.0 if g == no_bias else p[f"b{g}"]) for g in "fico"}
        ft, it, ot = (np.tanh(z[g]) if g == tanh_gate else sigmoid(z[g]) for g in "fio")
        cct = np.tanh(z["c"])
        c_next = it * c_prev + ft * cct if swap_in_memory else ft * c_prev + it * cct
        a_next = ot * np.tanh(c_next)
        yt = softmax(p["Wy"] @ a_next + p["by"])
        return a_next, c_next, yt, (a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p)

    return lstm_cell_forward


for gate, value, name in (("f", "ft", "forget"), ("i", "it", "update"), ("o", "ot", "output")):
    words = f"first wrong value is {value} (cache"
    mutant("lstm_cell_forward", words)(lstm_cell_forward_with(no_bias=gate))
    mutant("lstm_cell_forward", f"bias b{gate} is left out of {value}, the {name} gate")(
        lstm_cell_forward_with(no_bias=gate)
    )
    mutant("lstm_cell_forward", f"{value}, the {name} gate, uses tanh")(
        lstm_cell_forward_with(tanh_gate=gate)
    )
mutant("lstm_cell_forward", "first wrong value is cct (cache[6], the candidate gate)")(
    lstm_cell_forward_with(no_bias="c")
)
mutant("lstm_cell_forward", "first wrong value is c_next")(
    lstm_cell_forward_with(swap_in_memory=True)
)
mutant("lstm_cell_forward", "swapped in the memory update")(
    lstm_cell_forward_with(swap_in_memory=True)
)


def lstm_cell_backward_without_derivative(gate):
    def lstm_cell_backward(da_next, dc_next, cache):
        a_next, c_next, a_prev, c_prev, ft, it, cct, ot, xt, p = cache
        tanh_c = np.tanh(c_next)
        dc = dc_next + da_next * ot * (1 - tanh_c**2)
        d = {
            "f": dc * c_prev * (1.0 if gate == "f" else ft * (1 - ft)),
            "i": dc * cct * (1.0 if gate == "i" else it * (1 - it)),
            "c": dc * it * (1 - cct**2),
            "o": da_next * tanh_c * (1.0 if gate == "o" else ot * (1 - ot)),
        }
        concat = np.concatenate((a_prev, xt))
        dconcat = sum(p[f"W{g}"].T @ d[g] for g in "fico")
        n_a = a_prev.shape[0]
        grads = {"dxt": dconcat[n_a:], "da_prev": dconcat[:n_a], "dc_prev": dc * ft}
        for g in "fico":
            grads[f"dW{g}"] = d[g] @ concat.T
            grads[f"db{g}"] = d[g].sum(axis=1, keepdims=True)
        return grads

    lstm_cell_backward.__name__ = f"lstm_cell_backward_without_d{gate}_derivative"
    return lstm_cell_backward


for gate, value in (("f", "ft"), ("i", "it"), ("o", "ot")):
    wrong = lstm_cell_backward_without_derivative(gate)
    mutant("lstm_cell_backward", f"first wrong value is db{gate}")(wrong)
    mutant("lstm_cell_backward", f"{value} * (1 - {value}) is missing from d{value}")(wrong)


def test_the_first_wrong_value_comes_with_its_equation(capsys):
    checks.check_lstm_cell_forward(lstm_cell_forward_with(no_bias="f"))
    out = capsys.readouterr().out
    assert "It comes from ft = sigmoid(Wf @ concat + bf)" in out
    assert "everything computed before it is right" in out


def test_a_wrong_structure_is_reported_before_any_value(capsys):
    def lstm_cell_forward(xt, a_prev, c_prev, p):
        a_next, c_next, yt, cache = helpers.lstm_cell_forward(xt, a_prev, c_prev, p)
        return a_next, c_next, yt, cache[:9]  # the parameters are missing from the cache

    checks.check_lstm_cell_forward(lstm_cell_forward)
    out = capsys.readouterr().out
    assert "cache should have 10 items" in out and "first wrong value" not in out


# 04 and 08: clipping the global norm, and a gate's saturation.
@mutant("clip_by_global_norm", "clipped to max_norm on its own")
def clip_each_array(grads, max_norm):
    norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))
    return {k: g * min(1.0, max_norm / np.linalg.norm(g)) for k, g in grads.items()}, norm


@mutant("clip_by_global_norm", "shorter than max_norm is scaled up")
def clip_always(grads, max_norm):
    norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))
    return {k: g * max_norm / norm for k, g in grads.items()}, norm


@mutant("clip_by_global_norm", "changed its input grads in place")
def clip_in_place(grads, max_norm):
    norm = float(np.sqrt(sum(np.sum(g**2) for g in grads.values())))
    for g in grads.values():
        g *= min(1.0, max_norm / norm)
    return grads, norm


@mutant("clip_by_global_norm", "norm is 1 where")
def clip_returns_the_norm_after(grads, max_norm):
    clipped, _ = helpers.clip_by_global_norm(grads, max_norm)
    return clipped, helpers.global_norm(clipped)


@mutant("gate_saturation", "these are counts")
def saturation_counts(gate, low=0.1, high=0.9):
    return (gate < low).sum(axis=(1, 2)), (gate > high).sum(axis=(1, 2))


@mutant("gate_saturation", "left and right are swapped")
def saturation_swapped(gate, low=0.1, high=0.9):
    return (gate > high).mean(axis=(1, 2)), (gate < low).mean(axis=(1, 2))


@mutant("gate_saturation", "left has shape (1,) but should have shape")
def saturation_over_everything(gate, low=0.1, high=0.9):
    return np.array([(gate < low).mean()]), np.array([(gate > high).mean()])


# The GRU cell (11): the other conventions' slips, and derivatives left out.
def gru_learner(reset="before", update="candidate", order="a_first"):
    """A learner's gru_cell_forward, with one of the slips of the other conventions."""

    def gru_cell_forward(xt, a_prev, p):
        n_a = a_prev.shape[0]
        concat = np.vstack([a_prev, xt] if order == "a_first" else [xt, a_prev])
        r = sigmoid(p["Wr"] @ concat + p["br"])
        u = sigmoid(p["Wu"] @ concat + p["bu"])
        if reset == "after":
            cc = np.tanh(r * (p["Wc"][:, :n_a] @ a_prev) + p["Wc"][:, n_a:] @ xt + p["bc"])
        else:
            seen = [r * a_prev, xt] if order == "a_first" else [xt, r * a_prev]
            cc = np.tanh(p["Wc"] @ np.vstack(seen) + p["bc"])
        a_next = u * cc + (1 - u) * a_prev if update == "candidate" else (1 - u) * cc + u * a_prev
        return a_next, softmax(p["Wy"] @ a_next + p["by"]), (a_next, a_prev, r, u, cc, xt, p)

    return gru_cell_forward


MUTANTS += [
    pytest.param("gru_cell_forward", gru_learner(reset="after"), "as PyTorch's nn.GRU does",
                 id="gru_cell_forward-reset_after_the_product"),
    pytest.param("gru_cell_forward", gru_learner(update="old_state"), "weights the old state",
                 id="gru_cell_forward-update_gate_on_the_old_state"),
    pytest.param("gru_cell_forward", gru_learner(order="x_first"), "concat has xt on top",
                 id="gru_cell_forward-xt_on_top"),
]  # fmt: skip


def gru_backward_learner(update_derivative=True, direct_path=True):
    """A learner's gru_cell_backward, with one term left out."""

    def gru_cell_backward(da_next, cache):
        a_next, a_prev, r, u, cc, xt, p = cache
        n_a = a_prev.shape[0]
        dzc = da_next * u * (1 - cc**2)
        dzu = da_next * (cc - a_prev) * (u * (1 - u) if update_derivative else 1)
        d_ra = (p["Wc"].T @ dzc)[:n_a]  # dL/d(r * a_prev)
        dzr = d_ra * a_prev * r * (1 - r)
        d_concat = p["Wr"].T @ dzr + p["Wu"].T @ dzu
        da_prev = d_ra * r + d_concat[:n_a] + (da_next * (1 - u) if direct_path else 0)
        concat, concat_r = np.vstack([a_prev, xt]), np.vstack([r * a_prev, xt])
        grads = {"dxt": (p["Wc"].T @ dzc)[n_a:] + d_concat[n_a:], "da_prev": da_prev}
        for g, dz, seen in (("r", dzr, concat), ("u", dzu, concat), ("c", dzc, concat_r)):
            grads[f"dW{g}"], grads[f"db{g}"] = dz @ seen.T, dz.sum(axis=1, keepdims=True)
        return grads

    return gru_cell_backward


MUTANTS += [
    pytest.param("gru_cell_backward", gru_backward_learner(update_derivative=False),
                 "update gate's sigmoid derivative", id="gru_cell_backward-no_update_derivative"),
    pytest.param("gru_cell_backward", gru_backward_learner(direct_path=False),
                 "misses the direct path", id="gru_cell_backward-no_direct_path"),
]  # fmt: skip


# 07: one Adam update.
@mutant("adam_update", "bias correction is missing")
def adam_without_correction(w, g, m, v, k, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    return w - lr * m / (np.sqrt(v) + eps), m, v


@mutant("adam_update", "eps is inside the square root")
def adam_eps_inside(w, g, m, v, k, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    return w - lr * (m / (1 - beta1**k)) / np.sqrt(v / (1 - beta2**k) + eps), m, v


@mutant("adam_update", "first wrong value is v_new")
def adam_averaging_g_not_its_square(w, g, m, v, k, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m = beta1 * m + (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * np.abs(g)
    return w - lr * (m / (1 - beta1**k)) / (np.sqrt(v / (1 - beta2**k)) + eps), m, v


@mutant("adam_update", "changed its input m in place")
def adam_in_place(w, g, m, v, k, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    m *= beta1
    m += (1 - beta1) * g
    v = beta2 * v + (1 - beta2) * g**2
    return w - lr * (m / (1 - beta1**k)) / (np.sqrt(v / (1 - beta2**k)) + eps), m, v


@mutant("adam_update", "uses m and v from before this update")
def adam_steps_with_the_old_moments(w, g, m, v, k, lr, beta1=0.9, beta2=0.999, eps=1e-8):
    w_new = w - lr * (m / (1 - beta1**k)) / (np.sqrt(v / (1 - beta2**k)) + eps)
    return w_new, beta1 * m + (1 - beta1) * g, beta2 * v + (1 - beta2) * g**2


# 09: the masked loss.
@mutant("masked_cross_entropy", "the padding is counted")
def loss_with_the_padding(y_hat, targets, mask):
    m, T_x = targets.shape
    picked = y_hat[targets, np.arange(m)[:, None], np.arange(T_x)]
    return -np.sum(np.log(picked)) / mask.sum()


@mutant("masked_cross_entropy", "divided by every position")
def loss_over_every_position(y_hat, targets, mask):
    m, T_x = targets.shape
    picked = y_hat[targets, np.arange(m)[:, None], np.arange(T_x)]
    return -np.mean(np.log(picked) * mask)


@mutant("masked_cross_entropy", "mean over names of each name's mean")
def loss_per_name_first(y_hat, targets, mask):
    m, T_x = targets.shape
    picked = y_hat[targets, np.arange(m)[:, None], np.arange(T_x)]
    return -np.mean([np.mean(np.log(picked[i][mask[i]])) for i in range(m)])


@mutant("masked_cross_entropy", "should be a number")
def loss_per_position(y_hat, targets, mask):
    m, T_x = targets.shape
    return -np.log(y_hat[targets, np.arange(m)[:, None], np.arange(T_x)]) * mask


# 10: stacking the gates.
@mutant("stack_gates", "stacked side by side (axis 1)")
def stack_side_by_side(parameters, order):
    W = np.concatenate([parameters[f"W{g}"] for g in order], axis=1)
    return W, np.concatenate([parameters[f"b{g}"] for g in order], axis=1)


@mutant("stack_gates", "the order argument is ignored")
def stack_in_the_courses_order_always(parameters, order):
    W = np.concatenate([parameters[f"W{g}"] for g in lstm.GATES])
    return W, np.concatenate([parameters[f"b{g}"] for g in lstm.GATES])


# 12: the two directions of a bidirectional RNN.
def _directions(x, pf, pb, backward_input, reverse_states=True):
    m = x.shape[1]
    a_forward = helpers.rnn_forward(x, np.zeros((pf["Waa"].shape[0], m)), pf)[0]
    a_backward = helpers.rnn_forward(backward_input, np.zeros((pb["Waa"].shape[0], m)), pb)[0]
    return a_forward, a_backward[:, :, ::-1] if reverse_states else a_backward


@mutant("bidirectional_rnn_states", "states are not reversed back")
def bidirectional_not_reversed_back(x, parameters_forward, parameters_backward):
    pair = _directions(x, parameters_forward, parameters_backward, x[:, :, ::-1], False)
    return np.concatenate(pair, axis=0)


@mutant("bidirectional_rnn_states", "reads x in its original order")
def bidirectional_two_forward_runs(x, parameters_forward, parameters_backward):
    pair = _directions(x, parameters_forward, parameters_backward, x, False)
    return np.concatenate(pair, axis=0)


@mutant("bidirectional_rnn_states", "stacked in the other order")
def bidirectional_backward_on_top(x, parameters_forward, parameters_backward):
    pair = _directions(x, parameters_forward, parameters_backward, x[:, :, ::-1])
    return np.concatenate(pair[::-1], axis=0)


@mutant("bidirectional_rnn_states", "both directions use parameters_forward")
def bidirectional_one_set_of_weights(x, parameters_forward, parameters_backward):
    pair = _directions(x, parameters_forward, parameters_forward, x[:, :, ::-1])
    return np.concatenate(pair, axis=0)


@mutant("bidirectional_rnn_states", "should have shape (12, 4, 5)")
def bidirectional_side_by_side_in_time(x, parameters_forward, parameters_backward):
    pair = _directions(x, parameters_forward, parameters_backward, x[:, :, ::-1])
    return np.concatenate(pair, axis=2)


@pytest.mark.parametrize("exercise, wrong, words", MUTANTS)
def test_every_wrong_implementation_is_rejected(exercise, wrong, words, capsys):
    assert checks.CHECKS[exercise](wrong) is False
    out = capsys.readouterr().out
    assert out.startswith("✗") and "Traceback" not in out
    if words:
        assert words in out, out


def test_the_mutation_suite_is_large_and_mostly_diagnosed():
    named = [p for p in MUTANTS if p.values[2]]
    assert len(MUTANTS) >= 25
    assert len(named) >= 0.8 * len(MUTANTS)


# ------------------------------------------------- loops over a learner's own cell
# A learner's notebook defines the cell and the loop that calls it by name; the loop's
# check must not blame the loop for the cell.

LSTM_BACKWARD_LOOP = """
def lstm_backward(da, caches):
    cell_caches, x = caches
    n_a, m, T_x = da.shape
    grads = {"dx": np.zeros(x.shape)}
    da_prevt, dc_prevt = np.zeros((n_a, m)), np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        step = lstm_cell_backward(da[:, :, t] + da_prevt, dc_prevt, cell_caches[t])
        grads["dx"][:, :, t] = step["dxt"]
        for k in step:
            if k.startswith("dW") or k.startswith("db"):
                grads[k] = grads.get(k, 0) + step[k]
        da_prevt, dc_prevt = step["da_prev"], step["dc_prev"]
    grads["da0"], grads["dc0"] = da_prevt, dc_prevt
    return grads
"""


def learner_notebook(source, **cells):
    """The namespace of a learner's notebook: their cells (functions) and their code."""
    namespace = {"np": np, "helpers": helpers, **cells}
    exec(source, namespace)
    return namespace


def test_a_loop_over_a_wrong_cell_blames_the_cell_and_passes_with_the_courses(capsys):
    def lstm_cell_backward(da_next, dc_next, cache):
        grads = helpers.lstm_cell_backward(da_next, dc_next, cache)
        grads["dc_prev"] = dc_next * lstm.CellCache(*cache).ft  # the memory term is missing
        return grads

    notebook = learner_notebook(LSTM_BACKWARD_LOOP, lstm_cell_backward=lstm_cell_backward)
    assert checks.check_lstm_backward(notebook["lstm_backward"]) is False
    out = capsys.readouterr().out
    assert out.startswith("✗ lstm_backward calls your lstm_cell_backward, which does not pass")
    assert "✓ lstm_backward: all" in out and "pass dc_prevt" not in out
    assert notebook["lstm_cell_backward"] is lstm_cell_backward  # put back afterwards


def test_a_loop_over_a_stubbed_cell_names_the_cell(capsys):
    def lstm_cell_backward(da_next, dc_next, cache):
        raise NotImplementedError("Exercise: the cell")

    notebook = learner_notebook(LSTM_BACKWARD_LOOP, lstm_cell_backward=lstm_cell_backward)
    assert checks.check_lstm_backward(notebook["lstm_backward"]) is False
    out = capsys.readouterr().out
    assert "calls your lstm_cell_backward, which does not pass its own check" in out
    assert "lstm_backward is not implemented" not in out


def test_an_rnn_loop_over_a_cell_without_keepdims_points_at_the_cell(capsys):
    def rnn_cell_backward(da_next, cache):
        grads = helpers.rnn_cell_backward(da_next, cache)
        grads["dba"] = grads["dba"].ravel()  # no keepdims
        return grads

    source = """
def rnn_backward(da, caches):
    cell_caches, x = caches
    n_a, m, T_x = da.shape
    grads = {"dx": np.zeros(x.shape), "dWax": 0.0, "dWaa": 0.0, "dba": 0.0}
    da_prevt = np.zeros((n_a, m))
    for t in reversed(range(T_x)):
        g = rnn_cell_backward(da[:, :, t] + da_prevt, cell_caches[t])
        grads["dx"][:, :, t] = g["dxt"]
        for k in ("dWax", "dWaa", "dba"):
            grads[k] = grads[k] + g[k]
        da_prevt = g["da_prev"]
    grads["da0"] = da_prevt
    return grads
"""
    notebook = learner_notebook(source, rnn_cell_backward=rnn_cell_backward)
    assert checks.check_rnn_backward(notebook["rnn_backward"]) is False
    out = capsys.readouterr().out
    assert "calls your rnn_cell_backward, which does not pass its own check" in out
    assert "✓ rnn_backward: all" in out


def test_a_stub_called_from_the_checked_function_is_named(capsys):
    def helper_step(x):
        raise NotImplementedError("Exercise: the step")

    def rnn_cell_forward(xt, a_prev, parameters):
        return helper_step(xt)

    checks.check_rnn_cell_forward(rnn_cell_forward)
    assert "helper_step is not implemented yet (rnn_cell_forward calls it)" in (
        capsys.readouterr().out
    )


def test_an_input_changed_in_place_is_reported_before_the_wrong_values(capsys):
    def lstm_cell_forward(xt, a_prev, c_prev, parameters):
        a_next, c_next, yt, cache = helpers.lstm_cell_forward(xt, a_prev, c_prev, parameters)
        c_prev *= cache[4]  # c_prev *= ft: the caller's array changes
        return a_next, c_next, yt, cache[:3] + (c_prev,) + cache[4:]

    checks.check_lstm_cell_forward(lstm_cell_forward)
    assert "changed its input c_prev in place" in capsys.readouterr().out
