"""How fast does the course's LSTM learn the temporal order task? (issue target: >= 99 %
test accuracy at T = 50 within 60 s of training on a 2-core machine)

    .venv/bin/python benchmarks/temporal_order.py [--T 50] [--budget 60] [--seeds 0 1 2]

Trains with the configuration of notebook 07 and of 08's shipped network
(helpers.train.temporal_order_experiment: n_a = 32, batch 32, Adam 1e-2, clipping at 1.0,
forget bias 1), evaluates on the fixed test set every few steps, and prints the training
time (evaluation excluded) and the number of steps until the test accuracy first reaches
the target. Then times one training step (one update on a batch of 32) of the RNN and of
the LSTM at each lag of notebook 07, the median of 20; multiply by the number of updates
for the cost of a run. Prints figures; asserts nothing.
"""

import argparse
import time

import numpy as np

from helpers.tasks import temporal_order
from helpers.train import accuracy, init_classifier, temporal_order_test_set, train_classifier


def time_to_target(cell, T, seed, target, budget, every=10):
    rng = np.random.default_rng(seed)
    parameters = init_classifier(cell, 8, 32, 4, rng, forget_bias=1.0)
    test = temporal_order_test_set(T)
    state = {"train": 0.0, "since": time.perf_counter(), "reached": None, "best": 0.0}

    class Done(Exception):
        pass

    def callback(step, loss):
        if (step + 1) % every:
            return
        state["train"] += time.perf_counter() - state["since"]
        acc = accuracy(cell, test.x, test.labels, parameters)
        state["best"] = max(state["best"], acc)
        if acc >= target:
            state["reached"] = (step + 1, state["train"], acc)
            raise Done
        if state["train"] > budget:
            raise Done
        state["since"] = time.perf_counter()

    def next_batch():
        data = temporal_order(32, T, rng)
        return data.x, data.labels

    try:
        train_classifier(cell, parameters, next_batch, 10**6, 1e-2, 1.0, callback)
    except Done:
        pass
    return state


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--T", type=int, default=50)
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of training")
    parser.add_argument("--target", type=float, default=0.99)
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 1, 2])
    args = parser.parse_args()
    print(f"LSTM, temporal order, T = {args.T}, target {args.target:.0%} test accuracy")
    for seed in args.seeds:
        state = time_to_target("lstm", args.T, seed, args.target, args.budget)
        if state["reached"]:
            steps, seconds, acc = state["reached"]
            print(f"  seed {seed}: {acc:.3f} after {steps} steps, {seconds:.1f} s of training")
        else:
            print(f"  seed {seed}: not reached in {args.budget:.0f} s (best {state['best']:.3f})")

    print("\nOne training step (batch 32, n_a 32), median of 20:")
    for cell in ("rnn", "lstm"):
        for T in (10, 20, 30, 50):
            rng = np.random.default_rng(0)
            parameters = init_classifier(cell, 8, 32, 4, rng)
            data = temporal_order(32, T, rng)
            times = []
            for _ in range(20):
                start = time.perf_counter()
                train_classifier(cell, parameters, lambda d=data: (d.x, d.labels), 1)
                times.append(time.perf_counter() - start)
            print(f"  {cell:<4} T = {T:>3}: {1e3 * np.median(times):6.2f} ms")


if __name__ == "__main__":
    main()
