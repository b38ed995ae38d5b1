"""Re-check the results shipped in helpers/data against the current code (make
recheck-results), and renew their provenance record only when they still hold.

    python scripts/recheck_results.py [ablations.json] [temporal_order_lstm.npz]

ablations.json: the study's runs of the variants RECHECK_VARIANTS at T = 50, seeds 0-7
(32 of its 264 runs, about 4 core-minutes), trained again with the study's settings and
cap. temporal_order_lstm.npz: the network of notebook 08 trained again (one run of 400
updates). Then:

* in the configuration that computed the file's values (Python, numpy, BLAS and its
  kernel, numpy's SIMD features; see scripts/provenance.py), every value must come out
  bit for bit the same: each run's updates and test accuracy, every array of the network;
* in another configuration, where the last bits differ and training amplifies them, the
  counts must be the same: seeds solved per variant, and the network must still solve
  the task.

When a re-check fails, the code changed what the file says: train it again
(`make ablations REPLACE=1`, or `python scripts/train_gate_network.py`), then run
`make execute` and `make test`, since notebooks 08 and 13 print from these files.
"""

import argparse
import sys
import tempfile
from pathlib import Path

import numpy as np
import provenance

from helpers import ablation, saved

RECHECK_VARIANTS = ["lstm", "rnn", "gru", "lstm_chrono"]
RECHECK_T = 50


def same_configuration(entry):
    recorded = entry.get("values_computed_by")
    return recorded is not None and recorded == provenance.configuration()


def recheck_ablations(entry):
    """(passed, bit-identical, report lines)."""
    shipped = {(r["variant"], r["T"], r["seed"]): r for r in ablation.read_results()["records"]}
    records = ablation.train_grid(RECHECK_VARIANTS, (RECHECK_T,), ablation.SEEDS)
    fields = ("solved", "updates", "accuracy")
    identical = all(
        [r[k] for k in fields] == [shipped[r["variant"], r["T"], r["seed"]][k] for k in fields]
        for r in records
    )
    lines, same_counts = [], True
    for variant in RECHECK_VARIANTS:
        now = sum(r["solved"] for r in records if r["variant"] == variant)
        then = sum(shipped[variant, RECHECK_T, s]["solved"] for s in ablation.SEEDS)
        same_counts &= now == then
        lines.append(f"  {variant:<12} T = {RECHECK_T}: {now} of 8 solved now, {then} in the file")
    lines.append(f"  every run's updates and accuracy bit for bit the same: {identical}")
    passed = identical if same_configuration(entry) else same_counts
    return passed, identical, lines


def recheck_gate_network(entry):
    import train_gate_network

    shipped, _ = saved.load_gate_network()
    with tempfile.TemporaryDirectory() as scratch:
        out = Path(scratch) / saved.GATE_NETWORK
        status = train_gate_network.main(["--out", str(out)])
        if status != 0:
            return False, False, ["  the retrained network no longer solves the task"]
        again, info = saved.load_parameters(out)
    identical = set(again) == set(shipped) and all(
        np.array_equal(again[k], shipped[k]) for k in shipped
    )
    lines = [f"  retrained: test accuracy {info['test_accuracy']:.4f} (solved)",
             f"  every array bit for bit the same: {identical}"]  # fmt: skip
    passed = identical if same_configuration(entry) else True
    return passed, identical, lines


CHECKS = {"ablations.json": recheck_ablations, "temporal_order_lstm.npz": recheck_gate_network}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("names", nargs="*", default=list(CHECKS), help="default: both")
    args = parser.parse_args(argv)
    status = 0
    for name in args.names:
        entry = provenance.read().get(name, {})
        mode = "bit for bit" if same_configuration(entry) else "same counts"
        print(f"{name}: re-checking ({mode}); changed sources: "
              f"{', '.join(provenance.changed(name)) or 'none'}", flush=True)  # fmt: skip
        passed, identical, lines = CHECKS[name](entry)
        print("\n".join(lines))
        if passed:
            provenance.renew(name, f"re-checked ({mode}) by scripts/recheck_results.py", identical)
            print(f"{name}: holds; provenance renewed")
        else:
            print(f"{name}: DOES NOT HOLD; provenance left as it was. Train it again "
                  "(see this script's help), then make execute and make test.")  # fmt: skip
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
