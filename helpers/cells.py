"""The recurrent cells by name, for the training code (07, 08, 09, 11, 12, 13): "rnn",
"lstm" and "gru", and the variants of the ablation study (13, helpers.variants).

Each entry gives the fast forward and backward passes (helpers.fast, helpers.fast_gru,
helpers.variants), the name of the output layer's weight (Wya for the RNNs, Wy for the
gated cells), whether the cell keeps a memory c besides a (the LSTM and its variants:
their forward pass takes c0 and returns c), and for a variant the function that draws its
parameters, init(n_x, n_a, n_y, rng, T_max), T_max being the task's length.
"""

from functools import partial

from . import fast, fast_gru, variants


def _lstm(**extra):
    return {"forward": fast.lstm_forward, "backward": fast.lstm_backward, "output": "Wy",
            "memory": True, **extra}  # fmt: skip


def _gate_change(change):
    return {"forward": partial(variants.gate_change_forward, change=change),
            "backward": variants.gate_change_backward, "output": "Wy", "memory": True,
            "init": variants.init_gate_change_lstm}  # fmt: skip


def _rnn(forward=fast.rnn_forward, backward=fast.rnn_backward, **extra):
    return {"forward": forward, "backward": backward, "output": "Wya", "memory": False, **extra}


CELLS = {
    "rnn": _rnn(),
    "lstm": _lstm(),
    "gru": {
        "forward": fast_gru.gru_forward,
        "backward": fast_gru.gru_backward,
        "output": "Wy",
        "memory": False,
    },  # fmt: skip
    # the variants of 13, each one change away from "lstm" (forget bias 1) or "rnn"
    "lstm_no_forget": _gate_change("no_forget"),
    "lstm_no_input": _gate_change("no_input"),
    "lstm_no_output": _gate_change("no_output"),
    "lstm_coupled": _gate_change("coupled"),
    "lstm_forget_bias_0": _lstm(init=variants.init_lstm_forget_bias_0),
    "lstm_chrono": _lstm(init=variants.init_chrono_lstm),
    "rnn_orthogonal": _rnn(init=variants.init_orthogonal_rnn),
    "irnn": _rnn(partial(fast.rnn_forward, activation="relu"), init=variants.init_irnn),
}


def cell_spec(cell):
    """The entry of CELLS for a cell's name; a clear ValueError for any other name."""
    if cell not in CELLS:
        raise ValueError(f"cell should be one of {sorted(CELLS)}, got {cell!r}.")
    return CELLS[cell]
