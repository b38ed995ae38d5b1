"""Run a command under other floating-point configurations of this machine.

    python scripts/portability.py --list
    python scripts/portability.py [--side-by-side] -- python -m pytest --nbval ... notebooks/*.ipynb

A notebook's compared outputs must be the same on any CPU. numpy picks its SIMD loops for
exp, tanh and friends at run time (AVX-512, AVX2 or the baseline, with results a few ulp
apart), and OpenBLAS picks a kernel per CPU (SkylakeX, Haswell, Sandybridge, ...) and a
thread count. Both can be forced to what another machine would use:

* NPY_DISABLE_CPU_FEATURES: numpy's dispatchable features, read from numpy at run time
  (only those this CPU has; the baseline cannot be disabled);
* OPENBLAS_CORETYPE: another OpenBLAS kernel, only where the environment does not set one
  already (some machines set it, with OPENBLAS_L2_SIZE, because older OpenBLAS builds
  miscompute on their processors: those settings are left alone);
* OPENBLAS_NUM_THREADS=1: one BLAS thread.

The configurations:

1. "baseline-simd, 1 BLAS thread": numpy limited to its baseline loops, one BLAS thread
   (the machine's own BLAS kernel);
2. "avx2-simd, other BLAS kernel": numpy without AVX-512 loops where the CPU has them,
   and another OpenBLAS kernel (Haswell on an AVX-512 CPU, Sandybridge otherwise).

The stored outputs are made with BLAS on every core (`make execute`, as a learner runs
them); `make test` and these configurations compare them with the threads of their share
of the cores (one on a 2-core machine): a thread count that changed a compared output
would fail here.

The command runs once per configuration; the script prints each configuration before its
run and a summary at the end, and exits with the first non-zero exit status. With
--side-by-side the configurations run at the same time, each with its share of the cores
(CPU_LIMIT, which `pytest -n auto` and the notebooks follow: see tests/session.py), and
each run's output is printed when it ends: no core waits for a slow notebook at the end of
one configuration before the next begins.
"""

import argparse
import os
import runpy
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# helpers.budget uses only the standard library: read it without importing helpers.
cpu_limit = runpy.run_path(str(ROOT / "helpers" / "budget.py"))["cpu_limit"]

# Kernels to emulate: one that any x86-64 CPU with AVX2 runs, and one for older CPUs.
AVX2_KERNEL, OLDER_KERNEL = "Haswell", "Sandybridge"
AVX512_FEATURES = ("X86_V4", "AVX512")  # numpy's names of AVX-512 levels start so


def numpy_dispatch():
    """numpy's dispatchable CPU features that this CPU has, in numpy's order."""
    import numpy as np

    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy 1.x
        from numpy.core import _multiarray_umath as umath
    present = {name for name, there in umath.__cpu_features__.items() if there}
    return [name for name in umath.__cpu_dispatch__ if name in present], np.__version__


def blas_kernel():
    """The OpenBLAS kernel (architecture) in use, or None when it cannot be told."""
    from threadpoolctl import threadpool_info

    for library in threadpool_info():
        if library.get("internal_api") == "openblas":
            return library.get("architecture")
    return None


def configurations(environ=None):
    """The configurations to run: a list of (name, dict of environment variables)."""
    environ = os.environ if environ is None else environ
    dispatch, _ = numpy_dispatch()
    kernel = blas_kernel()
    configs = []
    baseline = {"OPENBLAS_NUM_THREADS": "1"}
    if dispatch:
        baseline["NPY_DISABLE_CPU_FEATURES"] = " ".join(dispatch)
    configs.append(("baseline-simd, 1 BLAS thread", baseline))

    other = {}
    avx512 = [name for name in dispatch if name.startswith(AVX512_FEATURES)]
    if avx512:
        other["NPY_DISABLE_CPU_FEATURES"] = " ".join(avx512)
    if "OPENBLAS_CORETYPE" not in environ and kernel is not None:
        wanted = OLDER_KERNEL if kernel.lower() == AVX2_KERNEL.lower() else AVX2_KERNEL
        if avx512 or kernel.lower() == AVX2_KERNEL.lower():
            other["OPENBLAS_CORETYPE"] = wanted
        else:  # a CPU without AVX-512 may lack the instructions of other kernels
            other["OPENBLAS_CORETYPE"] = OLDER_KERNEL
    if other:
        configs.append(("avx2-simd, other BLAS kernel", other))
    else:  # the kernel is set by the environment and there is no AVX-512 to switch off
        configs.append(("1 BLAS thread", {"OPENBLAS_NUM_THREADS": "1"}))
    return configs


def describe(environ=None):
    dispatch, version = numpy_dispatch()
    kept = {k: v for k, v in (environ or os.environ).items() if k.startswith("OPENBLAS_")}
    return (
        f"this machine: numpy {version}, dispatchable SIMD {' '.join(dispatch) or 'none'}, "
        f"OpenBLAS kernel {blas_kernel()}" + (f", set by the environment: {kept}" if kept else "")
    )


def run(command, environ, log=None):
    """Run the command with environ; return (exit status, seconds)."""
    start = time.perf_counter()
    status = subprocess.call(command, env=environ, stdout=log, stderr=log and subprocess.STDOUT)
    return status, time.perf_counter() - start


def side_by_side(command, configs):
    """Run every configuration at once, each with its share of the cores; print each
    run's output when it ends. Returns [(exit status, seconds)] in the order of configs."""
    share = cpu_limit() / len(configs)

    def one(config):
        name, variables = config
        with tempfile.TemporaryFile("w+", encoding="utf-8") as log:
            environ = {**os.environ, **variables, "CPU_LIMIT": f"{share:.3g}"}
            status, seconds = run(command, environ, log)
            log.seek(0)
            print(f"\n=== portability: '{name}' {variables} ({seconds:.0f} s)\n{log.read()}",
                  end="", flush=True)  # fmt: skip
        return status, seconds

    with ThreadPoolExecutor(len(configs)) as pool:
        return list(pool.map(one, configs))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print the configurations, stop")
    parser.add_argument(
        "--side-by-side", action="store_true", help="run them at once, sharing the cores"
    )
    parser.add_argument("command", nargs="*", help="the command to run (after --)")
    args = parser.parse_args(argv)
    print(describe(), flush=True)
    configs = configurations()
    for name, variables in configs:
        print(f"configuration '{name}': {variables}", flush=True)
    if args.list:
        return 0
    if not args.command:
        parser.error("give a command after --, or --list")
    if args.side_by_side:
        results = side_by_side(args.command, configs)
    else:
        results = []
        for name, variables in configs:
            print(f"\n=== portability: '{name}' {variables}", flush=True)
            results.append(run(args.command, {**os.environ, **variables}))
    print("\nportability summary:")
    for (name, _), (status, seconds) in zip(configs, results):
        verdict = "passed" if status == 0 else f"FAILED (exit {status})"
        print(f"  {name}: {verdict} in {seconds:.0f} s")
    return next((status for status, _ in results if status), 0)


if __name__ == "__main__":
    sys.exit(main())
