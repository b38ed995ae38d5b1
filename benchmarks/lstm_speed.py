"""Forward + backward time of the LSTM over a sequence: the reference cell-by-cell code
(helpers.lstm_forward / lstm_backward), the fast path (helpers.fast), and, where PyTorch
is installed, torch.nn.LSTM on the CPU, all in float64 on the same shapes.

    .venv/bin/python benchmarks/lstm_speed.py [--turns 10] [--busy-core] [--one-blas-thread]

PyTorch is never a dependency of the course; to include it, run this script from a scratch
virtual environment that has the course and torch installed. Prints medians; asserts
nothing. The loss is sum(G * a) for a fixed random G, so every path does the same work:
the hidden states of every step, then the gradients of all weights and inputs.

How the timing is kept fair: each path runs in its own worker process, and the workers
take turns (reference, fast, torch, reference, ...). A turn is one untimed call, which wakes
the library's threads and fills the caches as in a training loop, then BURST timed calls;
turns are PAUSE seconds apart, so that the threads of the previous path have gone to
sleep. In one shared process, the idle threads of one library (OpenBLAS's and PyTorch's
OpenMP threads keep spinning for a while after each call) would take CPU time from the
other; and taking turns makes a burst of load from another program slow every path alike
instead of ruining one of them. The figure printed is the median over all timed calls.

--busy-core keeps one core busy with another process (a Python loop) while the paths are
timed, as on a shared machine; --one-blas-thread gives each worker one BLAS thread (and
PyTorch one thread), as the course's training code does.
"""

import argparse
import contextlib
import importlib.util
import os
import platform
import subprocess
import sys
import time

import numpy as np

SHAPES = [  # (m, T_x, n_x, n_a)
    (32, 50, 27, 64),
    (64, 100, 64, 128),
]
PAUSE = 0.3  # seconds between turns
BURST = 5  # timed calls per turn


def numpy_step(path, m, T_x, n_x, n_a):
    """One forward + backward pass of the reference or of the fast path."""
    import helpers
    from helpers import fast

    forward, backward = {
        "reference": (helpers.lstm_forward, helpers.lstm_backward),
        "fast": (fast.lstm_forward, fast.lstm_backward),
    }[path]
    rng = np.random.default_rng(0)
    parameters = helpers.init_lstm_parameters(n_x, n_a, 2, rng)
    x, a0 = rng.normal(size=(n_x, m, T_x)), np.zeros((n_a, m))
    G = rng.normal(size=(n_a, m, T_x))

    def step():
        *_, caches = forward(x, a0, parameters)
        backward(G, caches)

    return step


def torch_step(m, T_x, n_x, n_a):
    """One forward + backward pass of torch.nn.LSTM (float64, CPU)."""
    import torch

    torch.manual_seed(0)
    lstm = torch.nn.LSTM(n_x, n_a).double()  # input (T_x, m, n_x)
    x = torch.randn(T_x, m, n_x, dtype=torch.float64, requires_grad=True)
    G = torch.randn(T_x, m, n_a, dtype=torch.float64)

    def step():
        lstm.zero_grad()
        x.grad = None
        out, _ = lstm(x)
        (out * G).sum().backward()

    return step


def torch_info():
    """One line on PyTorch, printed by its worker process."""
    import torch

    return f"torch {torch.__version__}, {torch.get_num_threads()} threads"


def worker(path, shape):
    """Serve turns on stdin/stdout: a line in, the times of one turn out."""
    step = torch_step(*shape) if path == "torch" else numpy_step(path, *shape)
    print(torch_info() if path == "torch" else "ready", flush=True)
    for _ in sys.stdin:
        step()  # untimed: wakes the library's threads and fills the caches
        times = []
        for _ in range(BURST):
            start = time.perf_counter()
            step()
            times.append(time.perf_counter() - start)
        print(" ".join(map(str, times)), flush=True)


ONE_THREAD = {"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


class Worker:
    """A worker process for one path at one shape; stopped when the `with` block ends."""

    def __init__(self, path, shape, env=None):
        command = [sys.executable, __file__, "--worker", path, "--shape", *map(str, shape)]
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True, env=env)  # fmt: skip
        self.info = self.process.stdout.readline().strip()

    def turn(self):
        """The times, in seconds, of one turn."""
        self.process.stdin.write("turn\n")
        self.process.stdin.flush()
        return [float(t) for t in self.process.stdout.readline().split()]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.process.stdin.close()
        self.process.wait(timeout=60)


@contextlib.contextmanager
def busy_core():
    """Another process that keeps one core busy until the block ends."""
    spinner = subprocess.Popen([sys.executable, "-c", "while True: pass"])
    try:
        time.sleep(0.5)  # let it start
        yield
    finally:
        spinner.terminate()
        spinner.wait()


def measure(shape, turns, with_torch, env=None):
    """Median seconds of each path at one shape (paths taking turns), and torch's info."""
    paths = ["reference", "fast"] + (["torch"] if with_torch else [])
    with contextlib.ExitStack() as stack:
        workers = {path: stack.enter_context(Worker(path, shape, env)) for path in paths}
        times = {path: [] for path in paths}
        for _ in range(turns):
            for path in paths:
                time.sleep(PAUSE)
                times[path] += workers[path].turn()
    medians = {path: float(np.median(t)) for path, t in times.items()}
    return medians, (workers["torch"].info if with_torch else None)


def main():
    parser = argparse.ArgumentParser(
        description=__doc__.split("\n\n")[0].replace("\n", " "),
        epilog="Each path runs in its own worker process; the workers take turns. "
        "See the module docstring for why.",
    )
    parser.add_argument("--turns", type=int, default=10, help="turns of each path (default 10)")
    parser.add_argument("--busy-core", action="store_true",
                        help="keep one core busy with another process while timing")  # fmt: skip
    parser.add_argument("--one-blas-thread", action="store_true",
                        help="one BLAS thread per worker (and one PyTorch thread)")  # fmt: skip
    parser.add_argument("--worker", choices=("reference", "fast", "torch"), help=argparse.SUPPRESS)
    parser.add_argument("--shape", type=int, nargs=4, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, tuple(args.shape))
        return
    with_torch = importlib.util.find_spec("torch") is not None
    env = dict(os.environ, **ONE_THREAD) if args.one_blas_thread else None
    print(f"numpy {np.__version__}, Python {platform.python_version()}, "
          f"{os.cpu_count()} cores, float64, median of {args.turns} x {BURST} calls, "
          f"one process per path, taking turns")  # fmt: skip
    print("conditions: " + ", ".join(
        ["one core busy with another process" if args.busy_core else "no other load started",
         "one BLAS thread per worker" if args.one_blas_thread else "default threads"]
    ))  # fmt: skip
    for shape in SHAPES:
        with busy_core() if args.busy_core else contextlib.nullcontext():
            medians, info = measure(shape, args.turns, with_torch, env)
        reference, fused = medians["reference"], medians["fast"]
        m, T_x, n_x, n_a = shape
        print(f"\nm = {m}, T_x = {T_x}, n_x = {n_x}, n_a = {n_a} (forward + backward)")
        print(f"  reference (cell by cell)  {1e3 * reference:8.2f} ms")
        ratio = fused / reference
        verdict = f"{1 / ratio:.1f}x faster" if ratio < 1 else f"{ratio:.1f}x slower"
        print(f"  helpers.fast              {1e3 * fused:8.2f} ms   "
              f"{ratio:.2f}x the reference's time ({verdict})")  # fmt: skip
        if "torch" not in medians:
            print("  torch.nn.LSTM             (PyTorch not installed)")
        else:
            share = fused / medians["torch"]
            print(f"  torch.nn.LSTM             {1e3 * medians['torch']:8.2f} ms   "
                  f"fast path takes {share:.2f}x torch's time  ({info})")  # fmt: skip


if __name__ == "__main__":
    main()
