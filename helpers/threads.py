"""How many threads BLAS uses, keeping it on one (07, 08, 09, 10), and splitting numpy
work across threads of our own (helpers.fast).

numpy's matrix products run in a BLAS library (OpenBLAS with numpy's wheels) that may
start one thread per core. threadpoolctl finds the loaded library and limits it.
"""

import functools
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack

from threadpoolctl import ThreadpoolController, threadpool_limits


def single_threaded_blas():
    """Context manager: BLAS on one thread while it is active.

    The course's matrices are small (tens to hundreds of rows); for them, BLAS threads
    cost more in synchronisation than they save, and on a busy 2-core machine they can
    make training several times slower. Measured in 07: 291 s with the default threads
    against 63 s on one, on the same busy machine. Results are bit-identical.
    """
    return threadpool_limits(limits=1, user_api="blas")


@functools.cache
def blas_controller():
    """threadpoolctl's handle on the BLAS libraries numpy has loaded (looked up once)."""
    return ThreadpoolController().select(user_api="blas")


def blas_threads():
    """How many threads BLAS may use now: the cores helpers.fast may use for the LSTM.

    1 inside single_threaded_blas() (or any threadpoolctl limit), so that training on a
    busy machine keeps the fast path on one core.
    """
    counts = [library.num_threads for library in blas_controller().lib_controllers]
    return max(1, min(counts, default=1))


class Workers:
    """Runs a function on up to `count` pieces of work at once, one thread per piece (the
    calling thread included), with BLAS on one thread meanwhile if count > 1.

    numpy releases Python's global interpreter lock while it computes, so the threads
    really run at the same time. BLAS stays on one thread, as the work is split already:
    its threads would compete with ours (and keep spinning for a while after a product).
    """

    def __init__(self, count):
        self.count = count

    def __enter__(self):
        self._stack = ExitStack()  # on exit: the pool shut down, then BLAS's threads back
        if self.count > 1:
            self._stack.enter_context(blas_controller().limit(limits=1))
            self._pool = self._stack.enter_context(ThreadPoolExecutor(self.count - 1))
        return self

    def __exit__(self, *exc):
        self._stack.close()

    def map(self, fn, pieces):
        """[fn(piece) for piece in pieces], each on its own thread (at most count pieces)."""
        first, *rest = pieces
        futures = [self._pool.submit(fn, piece) for piece in rest]
        return [fn(first)] + [future.result() for future in futures]


def chunks(n, parts):
    """`parts` slices that cover range(n) in nearly equal, contiguous pieces."""
    bounds = [round(k * n / parts) for k in range(parts + 1)]
    return [slice(lo, hi) for lo, hi in zip(bounds, bounds[1:])]
