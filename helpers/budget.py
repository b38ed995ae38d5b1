"""How many cores the course may use: one rule for BLAS, the fast path's threads, the
training sweeps and the grader's workers.

A process sees every core of its machine (`os.cpu_count()`), but it may own fewer: a
JupyterHub gives each learner a share (and says so in `CPU_LIMIT`), a container runs under
a CPU quota (its cgroup's `cpu.max`), and a process may be pinned to some cores (its
affinity mask). Sizing work by the machine's cores then starts more threads and processes
than there are cores to run them, and they slow each other down, BLAS threads most of all:
they spin while they wait.

The course's budget is the smallest of the three, rounded down, and at least one:

    cores = max(1, floor(min(CPU_LIMIT, cgroup quota, CPUs in the affinity mask)))

A thread count the user chose (`OMP_NUM_THREADS`, `OPENBLAS_NUM_THREADS`,
`MKL_NUM_THREADS`) is left to BLAS, which reads it itself.
"""

import math
import os
from pathlib import Path

THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS")
CGROUP_ROOT = Path("/sys/fs/cgroup")


def _positive_float(text):
    try:
        value = float(text)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) and value > 0 else None


def affinity_cores():
    """The CPUs this process may run on (its affinity mask), or all of them."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return max(1, os.cpu_count() or 1)


def _cgroup_v2_quota(root, relative):
    """The tightest `cpu.max` quota (quota / period) from the process's cgroup up to root."""
    quotas = []
    folder = root / relative.lstrip("/")
    while True:
        try:
            quota, period = (folder / "cpu.max").read_text().split()[:2]
        except (OSError, ValueError):
            quota = period = None
        if quota not in (None, "max") and _positive_float(period):
            quotas.append(float(quota) / float(period))
        if folder == root or root not in folder.parents:
            break
        folder = folder.parent
    return min(quotas, default=None)


def _cgroup_v1_quota(root, relative):
    folder = root / "cpu" / relative.lstrip("/")
    for candidate in (folder, root / "cpu"):
        try:
            quota = int((candidate / "cpu.cfs_quota_us").read_text())
            period = int((candidate / "cpu.cfs_period_us").read_text())
        except (OSError, ValueError):
            continue
        if quota > 0 and period > 0:
            return quota / period
    return None


def cgroup_quota(root=CGROUP_ROOT, proc_cgroup=Path("/proc/self/cgroup")):
    """The CPU quota of this process's cgroup in cores (1.5 = one and a half), or None
    when there is none (or no cgroups, as on macOS and Windows)."""
    try:
        lines = proc_cgroup.read_text().splitlines()
    except OSError:
        return None
    for line in lines:
        hierarchy, controllers, relative = (line.split(":", 2) + ["", ""])[:3]
        if hierarchy == "0" and controllers == "":  # cgroup v2: one unified hierarchy
            return _cgroup_v2_quota(root, relative)
        if "cpu" in controllers.split(","):
            return _cgroup_v1_quota(root, relative)
    return None


def cpu_limit(environ=None, quota=None, affinity=None):
    """The number of cores the course may use: a whole number, at least 1.

    environ : mapping, default os.environ; `CPU_LIMIT` (cores, may be fractional: "0.5",
        "1.5") is read from it
    quota, affinity : the cgroup's quota and the affinity mask's size, for tests (default:
        read from this process)
    """
    environ = os.environ if environ is None else environ
    bounds = [affinity_cores() if affinity is None else affinity]
    limit = _positive_float(environ.get("CPU_LIMIT"))
    if limit is not None:
        bounds.append(limit)
    quota = cgroup_quota() if quota is None else quota
    if quota is not None:
        bounds.append(quota)
    return max(1, math.floor(min(bounds)))


def user_thread_setting(environ=None):
    """The variable and value when the user chose BLAS's threads, else None."""
    environ = os.environ if environ is None else environ
    for name in THREAD_VARIABLES:
        if environ.get(name, "").strip():
            return name, environ[name]
    return None
