"""Many seeds of the temporal order experiment: same results in one process or several."""

import numpy as np
import pytest

from helpers import sweep
from helpers.sweep import solved, temporal_order_sweep
from helpers.train import temporal_order_experiment

TINY = {"n_a": 4, "batch_size": 8, "test_size": 50}


def test_a_sweep_returns_every_combination_in_argument_order():
    runs = temporal_order_sweep(("rnn", "lstm"), (12, 10), (3, 1), 4, processes=1, **TINY)
    assert list(runs) == [
        (cell, T, seed) for cell in ("rnn", "lstm") for T in (12, 10) for seed in (3, 1)
    ]


def test_a_sweep_run_is_the_experiment_with_early_stopping():
    runs = temporal_order_sweep(("lstm",), (10,), (2,), 5, processes=1, **TINY)
    parameters, history, test_accuracy = runs["lstm", 10, 2]
    alone = temporal_order_experiment("lstm", 10, 5, seed=2, stop_when_solved=True, **TINY)
    for name in parameters:
        np.testing.assert_array_equal(parameters[name], alone[0][name])
    np.testing.assert_array_equal(history["loss"], alone[1]["loss"])
    assert test_accuracy == alone[2]


@pytest.mark.slow
def test_worker_processes_give_the_same_results_as_one_process():
    args = (("rnn", "lstm"), (10,), (0, 1), 6)
    here = temporal_order_sweep(*args, processes=1, **TINY)
    there = temporal_order_sweep(*args, processes=2, **TINY)
    assert list(here) == list(there)
    for key in here:
        for name in here[key][0]:
            np.testing.assert_array_equal(here[key][0][name], there[key][0][name])
        assert here[key][2] == there[key][2]


def test_the_callback_counts_finished_runs():
    seen = []

    def record(done, total):
        seen.append((done, total))

    temporal_order_sweep(("rnn",), (10,), (0, 1, 2), 2, processes=1, callback=record, **TINY)
    assert seen == [(1, 3), (2, 3), (3, 3)]


def test_solved_means_a_test_accuracy_of_at_least_0_99():
    assert solved(({}, {}, 0.99)) and not solved(({}, {}, 0.989))


def test_an_empty_sweep_is_refused_with_a_message():
    with pytest.raises(ValueError, match="at least one cell, one lag and one seed"):
        temporal_order_sweep(("rnn",), (), (0,), 5)


def test_under_a_one_cpu_limit_a_sweep_starts_no_worker_process(monkeypatch):
    def no_pool(*args, **kwargs):
        raise AssertionError("a worker process was started")

    monkeypatch.setattr(sweep, "ProcessPoolExecutor", no_pool)
    monkeypatch.setenv("CPU_LIMIT", "1")
    runs = temporal_order_sweep(("rnn",), (10,), range(2), 3, **TINY)
    assert list(runs) == [("rnn", 10, 0), ("rnn", 10, 1)]
