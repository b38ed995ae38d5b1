"""Train the whole grid of the ablation study (notebook 13) and write its results.

    .venv/bin/python scripts/ablations.py [--out helpers/data/ablations.json] [--processes N]

Every variant of helpers.ablation.VARIANTS on the temporal order task at each T of
helpers.ablation.LENGTHS, seeds 0-7, with the settings of notebook 07 and the update caps
of helpers.ablation.CAPS; the runs are shared out over one process per core
(helpers.sweep) and stop once solved. The file holds, for every run, whether it solved
the task, the updates it made and its test accuracy, with the settings, the machine and
the time the grid took. Prints the solved counts as a table.
"""

import argparse
import json
import sys
import time
from pathlib import Path

from helpers import ablation

ROOT = Path(__file__).resolve().parent.parent


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--out", type=Path, default=ROOT / "helpers" / "data" / ablation.RESULTS_FILE,
        help="the JSON file to write (default: the one helpers ships)",
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
    args.out.write_text(json.dumps(results, indent=1) + "\n", encoding="utf-8")
    counts = ablation.solved_counts(records)
    print(f"{'variant':<20}" + "".join(f"{f'T = {T}':>9}" for T in ablation.LENGTHS))
    for variant in ablation.VARIANTS:
        print(f"{variant:<20}" + "".join(f"{counts[variant, T]:>7}/8" for T in ablation.LENGTHS))
    print(f"{len(records)} runs in {seconds / 60:.1f} min; written to {args.out.name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
