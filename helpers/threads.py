"""How many threads BLAS uses, and keeping it on one (07, 08, 09, 10).

numpy's matrix products run in a BLAS library (OpenBLAS with numpy's wheels) that may
start one thread per core. threadpoolctl finds the loaded library and limits it.
"""

import functools

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
