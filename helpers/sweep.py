"""Many seeds of the temporal order experiment, run side by side (07_training_rnn_vs_lstm).

One training run says little: whether a network solves the task depends on its initial
weights and on the batches it happens to see, and a run near the edge can go either way
on another computer (the last bits of the arithmetic differ between CPUs, and training
amplifies them). A claim such as "the LSTM solves T = 50" therefore rests on several seeds
and on a count: "solved by 7 of 8".

Each run is independent and seeded, so the runs are shared out over worker processes
(one per core the course may use, helpers.budget.cpu_limit()) and the results do not
depend on how many there are.
"""

import multiprocessing
from concurrent.futures import ProcessPoolExecutor, as_completed

from .budget import cpu_limit
from .train import SOLVED_ACCURACY, temporal_order_experiment


def solved(run):
    """True when a run's test accuracy reached SOLVED_ACCURACY (0.99).

    run : (parameters, history, test_accuracy), as returned by temporal_order_experiment
    """
    return run[2] >= SOLVED_ACCURACY


def _one_run(job):
    cell, T, seed, steps, settings = job
    return (cell, T, seed), temporal_order_experiment(cell, T, steps, seed=seed, **settings)


def temporal_order_sweep(cells, lags, seeds, steps, processes=None, callback=None, **settings):
    """Train every (cell, T, seed) combination of the temporal order experiment.

    Each run is temporal_order_experiment(cell, T, steps, seed=seed, **settings), with
    stop_when_solved=True unless settings say otherwise, so that steps is a cap and a
    solved run stops early.

    Parameters
    ----------
    cells : iterable of "rnn", "lstm" or "gru"
    lags : iterable of int, the sequence lengths T
    seeds : iterable of int
    steps : int, the update cap of every run, or a dict T -> cap for each lag
    processes : int, optional, worker processes (default: helpers.budget.cpu_limit(),
        one per core the course may use, at most one per run); 1 runs everything in this
        process
    callback : callable (done, total) -> None, optional, called as each run finishes
    **settings : passed to temporal_order_experiment (n_a, batch_size, learning_rate,
        max_norm, forget_bias, update_bias, test_size, stop_when_solved, window)

    Returns
    -------
    runs : dict (cell, T, seed) -> (parameters, history, test_accuracy), in the order of
        the arguments (cells, then lags, then seeds), whatever the order of completion
    """
    settings = {"stop_when_solved": True, **settings}
    keys = [(cell, T, seed) for cell in cells for T in lags for seed in seeds]
    if not keys:
        raise ValueError("temporal_order_sweep: give at least one cell, one lag and one seed.")
    # Longest sequences first, so that no worker is left with a long run at the end.
    cap = steps if isinstance(steps, dict) else dict.fromkeys(lags, steps)
    jobs = sorted(((*key, cap[key[1]], settings) for key in keys), key=lambda job: -job[1])
    processes = min(len(jobs), processes or cpu_limit())
    results = {}

    def finished(key, run):
        results[key] = run
        if callback is not None:
            callback(len(results), len(jobs))

    if processes == 1:
        for job in jobs:
            finished(*_one_run(job))
    else:
        # "spawn" starts clean interpreters: forking a process that runs threads (as a
        # Jupyter kernel does) can deadlock, and spawn behaves the same on every system.
        context = multiprocessing.get_context("spawn")
        with ProcessPoolExecutor(processes, mp_context=context) as pool:
            for future in as_completed([pool.submit(_one_run, job) for job in jobs]):
                finished(*future.result())
    return {key: results[key] for key in keys}
