"""One call at the top of every notebook, so that all of them look the same."""

import matplotlib as mpl
import numpy as np

from .budget import cpu_limit, user_thread_setting
from .threads import blas_controller

# A colour-blind-safe cycle (Okabe & Ito, 2008).
COLORS = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

STYLE = {
    "figure.figsize": (7.0, 3.6),
    "figure.dpi": 100,
    "savefig.dpi": 100,
    "figure.constrained_layout.use": True,
    "font.size": 10,
    "axes.titlesize": 11,
    "axes.labelsize": 10,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.prop_cycle": mpl.cycler(color=COLORS),
    "image.cmap": "RdBu_r",
    "legend.frameon": False,
    "lines.linewidth": 1.8,
}


def setup_notebook():
    """Set the course's matplotlib style, numpy's default print options and BLAS's threads.

    numpy's print options are reset to numpy's own defaults on purpose: the cells that
    reproduce the source post's tests must print exactly what its code prints.
    BLAS may use at most the cores the course may use (helpers.budget.cpu_limit: a
    hub's CPU_LIMIT, a container's quota), unless the user chose its threads with
    OMP_NUM_THREADS, OPENBLAS_NUM_THREADS or MKL_NUM_THREADS; the fast path's threads
    follow BLAS's (helpers.threads.blas_threads). Call it once, in the first code cell of a
    notebook.
    """
    if user_thread_setting() is None:
        limit_blas_threads(cpu_limit())
    mpl.rcdefaults()
    mpl.rcParams.update(STYLE)
    np.set_printoptions(
        precision=8,
        threshold=1000,
        edgeitems=3,
        linewidth=75,
        suppress=False,
        nanstr="nan",
        infstr="inf",
        sign="-",
        floatmode="maxprec",
        legacy=False,
    )


def limit_blas_threads(cores):
    """At most `cores` BLAS threads from now on in this process (never more than BLAS has)."""
    controller = blas_controller()
    if any(library.num_threads > cores for library in controller.lib_controllers):
        controller.limit(limits=cores)
