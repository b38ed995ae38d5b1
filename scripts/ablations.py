"""Train the whole grid of the ablation study (notebook 13) and write its results.

    .venv/bin/python scripts/ablations.py [--replace] [--processes N]

Every variant of helpers.ablation.VARIANTS on the temporal order task at each T of
helpers.ablation.LENGTHS, seeds 0-7, with the settings of notebook 07 and the update caps
of helpers.ablation.CAPS; the runs are shared out over one process per core
(helpers.sweep) and stop once solved. The file holds, for every run, whether it solved
the task, the updates it made and its test accuracy, with the settings, the machine and
the time the grid took. Prints the solved counts as a table.

It writes build/ablations.json, to compare with the shipped file. With --replace (make
ablations REPLACE=1) it writes helpers/data/ablations.json instead and records the sources
and configuration that made it (scripts/provenance.py); notebook 13's compared outputs
then change, so run make execute and make test after it.
"""

import argparse
import json
import sys
import time
from pathlib import Path

import provenance

from helpers import ablation

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--replace", action="store_true",
        help="write the shipped helpers/data/ablations.json (default: build/ablations.json)",
    )  # fmt: skip
    parser.add_argument("--processes", type=int, default=None, help="default: one per core")
    args = parser.parse_args(argv)
    total = len(ablation.VARIANTS) * len(ablation.LENGTHS) * len(ablation.SEEDS)
    start = time.perf_counter()

    def progress(done, _):
        if done % 12 == 0 or done == total:
            minutes = (time.perf_counter() - start) / 60
            print(f"{done:>4} of {total} runs, {minutes:5.1f} min", file=sys.stderr, flush=True)

    records = ablation.train_grid(
        list(ablation.VARIANTS), ablation.LENGTHS, ablation.SEEDS, processes=args.processes,
        callback=progress,
    )  # fmt: skip
    seconds = time.perf_counter() - start
    results = {
        "settings": ablation.SETTINGS, "caps": ablation.CAPS, "seeds": len(ablation.SEEDS),
        "machine": ablation.machine(), "seconds": round(seconds), "records": records,
    }  # fmt: skip
    out = (provenance.DATA if args.replace else ROOT / "build") / ablation.RESULTS_FILE
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    if args.replace:
        provenance.renew(ablation.RESULTS_FILE, "made by scripts/ablations.py", True)
    counts = ablation.solved_counts(records)
    print(f"{'variant':<20}" + "".join(f"{f'T = {T}':>9}" for T in ablation.LENGTHS))
    for variant in ablation.VARIANTS:
        print(f"{variant:<20}" + "".join(f"{counts[variant, T]:>7}/8" for T in ablation.LENGTHS))
    print(f"{len(records)} runs in {seconds / 60:.1f} min; written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
