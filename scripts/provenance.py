"""Where the results shipped in helpers/data come from, and whether their code changed.

    python scripts/provenance.py          # each shipped result: its sources, changed or not

Two results are trained once and shipped, because training them takes long or gives other
bits on another CPU: `ablations.json` (notebook 13, `make ablations`) and
`temporal_order_lstm.npz` (notebook 08, scripts/train_gate_network.py). For each,
helpers/data/provenance.json records a hash of every source file its training depends on,
the configuration that computed it (Python, numpy, the BLAS library and kernel, numpy's
SIMD features) and when it was last made or re-checked.

tests/test_provenance.py fails when a listed file changes. What clears it is a re-check
(`make recheck-results`, scripts/recheck_results.py): a named subset is trained again and
compared with the file, and only when it agrees is the record renewed. A command that only
re-hashed would let a change slip through unchecked, so there is none.

Left out of the lists on purpose: helpers/sweep.py and helpers/budget.py decide how many
processes run at once, not what any run computes (tests/test_sweep.py checks that the
results are the same in one process or several).
"""

import datetime
import hashlib
import json
import platform
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "helpers" / "data"
RECORD = DATA / "provenance.json"

# The code every training run of the temporal order task goes through.
TRAINING = [
    "helpers/train.py", "helpers/cells.py", "helpers/deep.py", "helpers/fast.py",
    "helpers/tasks.py", "helpers/initialization.py", "helpers/optim.py", "helpers/losses.py",
    "helpers/activations.py", "helpers/validation.py", "helpers/threads.py",
    "helpers/lstm.py", "helpers/rnn.py",
]  # fmt: skip
RESULTS = {  # shipped file -> (what makes it, the sources its values depend on)
    "ablations.json": (
        "scripts/ablations.py",
        TRAINING
        + [
            "helpers/ablation.py",
            "helpers/variants.py",
            "helpers/fast_gru.py",
            "helpers/gru.py",
            "scripts/ablations.py",
        ],
    ),  # fmt: skip
    "temporal_order_lstm.npz": (
        "scripts/train_gate_network.py",
        TRAINING + ["helpers/saved.py", "scripts/train_gate_network.py"],
    ),
}


def digest(path):
    """sha256 of a file's bytes, with line endings made Unix's (a checkout on Windows)."""
    data = (ROOT / path).read_bytes().replace(b"\r\n", b"\n")
    return hashlib.sha256(data).hexdigest()


def configuration():
    """What computed a result: Python, numpy, the BLAS library, its kernel and version,
    and the SIMD features numpy dispatches to (training amplifies their last bits)."""
    import numpy as np
    from threadpoolctl import threadpool_info

    try:
        from numpy._core import _multiarray_umath as umath
    except ImportError:  # numpy 1.x
        from numpy.core import _multiarray_umath as umath
    blas = next((i for i in threadpool_info() if i.get("user_api") == "blas"), {})
    return {
        "python": platform.python_version(),
        "numpy": np.__version__,
        "blas": f"{blas.get('internal_api', '?')} {blas.get('version', '?')}",
        "blas_kernel": blas.get("architecture"),
        "simd": sorted(k for k, on in umath.__cpu_features__.items() if on),
        "machine": platform.machine(),
    }


def read():
    return json.loads(RECORD.read_text(encoding="utf-8")) if RECORD.exists() else {}


def changed(name, record=None):
    """The sources of a shipped result that changed since it was made or re-checked (or
    every source, when nothing was recorded)."""
    entry = (read() if record is None else record).get(name, {})
    hashes = entry.get("sources", {})
    return [path for path in RESULTS[name][1] if hashes.get(path) != digest(path)]


def renew(name, how, values_from_here):
    """Record the sources of a result just made or re-checked, and how.

    values_from_here : True when this machine's configuration computed the file's values
        bit for bit (it made them, or a re-check reproduced them exactly): a later
        re-check in the same configuration then demands the same bits."""
    record = read()
    previous = record.get(name, {}).get("values_computed_by")
    record[name] = {
        "made_by": RESULTS[name][0],
        "sources": {path: digest(path) for path in RESULTS[name][1]},
        "last": {"date": datetime.date.today().isoformat(), "how": how,
                 "configuration": configuration()},
        "values_computed_by": configuration() if values_from_here else previous,
    }  # fmt: skip
    RECORD.write_text(json.dumps(record, indent=1, sort_keys=True) + "\n", encoding="utf-8")


def main():
    for name in RESULTS:
        stale = changed(name)
        state = "unchanged" if not stale else f"changed: {', '.join(stale)}"
        print(f"{name}: {len(RESULTS[name][1])} sources, {state}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
