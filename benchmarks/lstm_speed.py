"""Forward + backward time of the LSTM over a sequence: the reference cell-by-cell code
(helpers.lstm_forward / lstm_backward), the fast path (helpers.fast), and, where PyTorch
is installed, torch.nn.LSTM on the CPU, all in float64 on the same shapes.

    .venv/bin/python benchmarks/lstm_speed.py [--repeats 20]

PyTorch is never a dependency of the course; to include it, run this script from a scratch
virtual environment that has the course and torch installed. Prints medians; asserts
nothing. The loss is sum(G * a) for a fixed random G, so every path does the same work:
the hidden states of every step, then the gradients of all weights and inputs.
"""

import argparse
import os
import platform
import time

import numpy as np

import helpers
from helpers import fast

SHAPES = [  # (m, T_x, n_x, n_a)
    (32, 50, 27, 64),
    (64, 100, 64, 128),
]


def median_time(fn, repeats):
    fn()  # warm up
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return float(np.median(times))


def numpy_paths(m, T_x, n_x, n_a, repeats):
    rng = np.random.default_rng(0)
    parameters = helpers.init_lstm_parameters(n_x, n_a, 2, rng)
    x, a0 = rng.normal(size=(n_x, m, T_x)), np.zeros((n_a, m))
    G = rng.normal(size=(n_a, m, T_x))

    def reference():
        *_, caches = helpers.lstm_forward(x, a0, parameters)
        helpers.lstm_backward(G, caches)

    def fused():
        *_, caches = fast.lstm_forward(x, a0, parameters)
        fast.lstm_backward(G, caches)

    return median_time(reference, repeats), median_time(fused, repeats)


def torch_path(m, T_x, n_x, n_a, repeats):
    try:
        import torch
    except ImportError:
        return None, None
    torch.manual_seed(0)
    lstm = torch.nn.LSTM(n_x, n_a).double()  # input (T_x, m, n_x)
    x = torch.randn(T_x, m, n_x, dtype=torch.float64, requires_grad=True)
    G = torch.randn(T_x, m, n_a, dtype=torch.float64)

    def step():
        lstm.zero_grad()
        x.grad = None
        out, _ = lstm(x)
        (out * G).sum().backward()

    return median_time(
        step, repeats
    ), f"torch {torch.__version__}, {torch.get_num_threads()} threads"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=20)
    args = parser.parse_args()
    print(f"numpy {np.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, float64, median of {args.repeats}")  # fmt: skip
    for m, T_x, n_x, n_a in SHAPES:
        reference, fused = numpy_paths(m, T_x, n_x, n_a, args.repeats)
        torch_time, torch_info = torch_path(m, T_x, n_x, n_a, args.repeats)
        print(f"\nm = {m}, T_x = {T_x}, n_x = {n_x}, n_a = {n_a} (forward + backward)")
        print(f"  reference (cell by cell)  {1e3 * reference:8.2f} ms")
        print(f"  helpers.fast              {1e3 * fused:8.2f} ms   "
              f"{reference / fused:5.1f}x faster than the reference")  # fmt: skip
        if torch_time is None:
            print("  torch.nn.LSTM             (PyTorch not installed)")
        else:
            print(f"  torch.nn.LSTM             {1e3 * torch_time:8.2f} ms   "
                  f"fast path / torch = {fused / torch_time:.2f}  ({torch_info})")  # fmt: skip


if __name__ == "__main__":
    main()
