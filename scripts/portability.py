"""Run a command under other floating-point configurations of this machine.

    python scripts/portability.py --list
    python scripts/portability.py -- python -m pytest --nbval ... notebooks/*.ipynb

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

The command runs once per configuration; the script prints each configuration before its
run and a summary at the end, and exits with the first non-zero exit status.
"""

import argparse
import os
import subprocess
import sys

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


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--list", action="store_true", help="print the configurations and stop")
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
    results = []
    for name, variables in configs:
        print(f"\n=== portability: '{name}' {variables}", flush=True)
        status = subprocess.call(args.command, env={**os.environ, **variables})
        results.append((name, status))
    print("\nportability summary:")
    for name, status in results:
        print(f"  {name}: {'passed' if status == 0 else f'FAILED (exit {status})'}")
    return next((status for _, status in results if status), 0)


if __name__ == "__main__":
    sys.exit(main())
