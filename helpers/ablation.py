"""The ablation study of 13_what_makes_the_lstm_work: which part of the LSTM matters, and
for what. Every variant of helpers.variants (and the GRU, the RNN) is trained on the
temporal order task at several lengths T, over several seeds, with the settings of 07.

The whole grid takes too long for a notebook; scripts/ablations.py (make ablations)
trains it on every core and writes the results to helpers/data/ablations.json, which the
notebook reads, and re-runs a small part of it live.
"""

import json
import platform
from importlib import resources

import numpy as np

from .sweep import solved, temporal_order_sweep
from .tasks import relevant_windows
from .train import classifier_loss_and_gradients, init_classifier, temporal_order_test_set

# Every variant, with what it changes: the first is the reference, the course's LSTM.
VARIANTS = {
    "lstm": "the course's LSTM, forget-gate bias 1",
    "lstm_no_forget": "no forget gate: f = 1",
    "lstm_no_input": "no input gate: i = 1",
    "lstm_no_output": "no output gate: o = 1",
    "lstm_coupled": "forget gate coupled to the input gate: f = 1 - i",
    "lstm_forget_bias_0": "forget-gate bias 0",
    "lstm_chrono": "chrono initialisation (Tallec & Ollivier 2018)",
    "gru": "the GRU of 11, update-gate bias 0",
    "rnn": "the tanh RNN of 07",
    "rnn_orthogonal": "the tanh RNN, W_aa orthogonal",
    "irnn": "the IRNN: ReLU units, W_aa the identity (Le et al. 2015)",
}
LENGTHS = (20, 50, 100)  # T; the first relevant symbol lies at least 0.8 T - 1 steps back
SEEDS = range(8)
SETTINGS = {"n_a": 32, "batch_size": 32, "learning_rate": 1e-2, "max_norm": 1.0}
CAPS = {20: 600, 50: 1200, 100: 2400}  # the update cap at each T (see the pilot in 13)
RESULTS_FILE = "ablations.json"


def first_lag(T):
    """The fewest steps between the first relevant symbol and the last step."""
    return T - 1 - relevant_windows(T)[0][1]


def train_grid(variants, lengths, seeds, caps=CAPS, processes=None, callback=None):
    """Train every (variant, T, seed) with the settings of the study.

    Returns
    -------
    records : list of dicts with variant, T, seed, solved (bool), updates (int, made
        until solved or the cap) and accuracy (float, on the fixed test set), in the
        order variants, then lengths, then seeds
    """
    runs = temporal_order_sweep(variants, lengths, seeds, caps, processes=processes,
                                callback=callback, **SETTINGS)  # fmt: skip
    return [
        {"variant": variant, "T": T, "seed": seed, "solved": bool(solved(run)),
         "updates": int(run[1]["loss"].size), "accuracy": round(float(run[2]), 4)}
        for (variant, T, seed), run in runs.items()
    ]  # fmt: skip


def machine():
    """Where a grid ran: processor, cores, Python and numpy."""
    import os

    return {"processor": platform.processor() or platform.machine(), "cores": os.cpu_count(),
            "python": platform.python_version(), "numpy": np.__version__}  # fmt: skip


def read_results(path=None):
    """The shipped results (or those at path): a dict with "records", "caps", "settings",
    "machine" and "seconds"."""
    if path is None:
        text = resources.files("helpers").joinpath("data", RESULTS_FILE).read_text("utf-8")
    else:
        text = open(path, encoding="utf-8").read()
    results = json.loads(text)
    results["caps"] = {int(T): cap for T, cap in results["caps"].items()}
    return results


def solved_counts(records):
    """(variant, T) -> number of seeds solved."""
    counts = {}
    for r in records:
        counts[r["variant"], r["T"]] = counts.get((r["variant"], r["T"]), 0) + r["solved"]
    return counts


def first_symbol_gradient(variant, T, seed, n_examples=200):
    """At initialisation: the mean size of dL/dx over the first relevant symbol's window,
    relative to its size at the last step, for the classifier the study would train.

    Returns
    -------
    share : float, mean over the window of ||dL/dx<t>|| (averaged over n_examples test
        sequences) divided by the same at the last step
    """
    rng = np.random.default_rng(seed)
    parameters = init_classifier(variant, 8, SETTINGS["n_a"], 4, rng, T_max=T)
    test = temporal_order_test_set(T, n_examples)
    _, grads = classifier_loss_and_gradients(variant, test.x, test.labels, parameters, True)
    norms = np.linalg.norm(grads["dx"], axis=0).mean(axis=0)  # (T,)
    lo, hi = relevant_windows(T)[0]
    return float(norms[lo : hi + 1].mean() / norms[-1])
