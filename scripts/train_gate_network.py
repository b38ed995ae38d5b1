"""Train the LSTM that notebook 08 opens and write it to helpers/data.

    python scripts/train_gate_network.py [--seed 0] [--out helpers/data/temporal_order_lstm.npz]

The same configuration as notebook 07 (helpers.train.temporal_order_experiment: LSTM,
T = 50, n_a = 32, batches of 32, Adam 1e-2, clipping at 1, forget-gate bias 1) for a fixed
number of updates, no early stopping. Retraining on another CPU gives other bits (and
after 400 updates another network), which is why the file is shipped; the seed is one
that solves the task under every configuration of scripts/portability.py.
Refuses to write a network whose test accuracy is below helpers.train.SOLVED_ACCURACY.
Writing the shipped file records the sources and configuration that made it
(scripts/provenance.py); notebook 08 then changes, so run make execute and make test.
"""

import argparse
import sys
from pathlib import Path

import numpy as np
import provenance

from helpers.saved import GATE_NETWORK, save_parameters
from helpers.train import SOLVED_ACCURACY, temporal_order_experiment

ROOT = Path(__file__).resolve().parent.parent
SETTINGS = {
    "n_a": 32,
    "batch_size": 32,
    "learning_rate": 1e-2,
    "max_norm": 1.0,
    "forget_bias": 1.0,
}
T, STEPS, SEED = 50, 400, 0


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seed", type=int, default=SEED, help=f"default {SEED}")
    parser.add_argument("--steps", type=int, default=STEPS, help=f"updates, default {STEPS}")
    parser.add_argument(
        "--out", type=Path, default=ROOT / "helpers" / "data" / GATE_NETWORK,
        help="the .npz file to write (default: the one helpers ships)",
    )  # fmt: skip
    args = parser.parse_args(argv)
    parameters, history, test_accuracy = temporal_order_experiment(
        "lstm", T, args.steps, seed=args.seed, **SETTINGS
    )
    print(
        f"LSTM, T = {T}, seed {args.seed}, {args.steps} updates: test accuracy {test_accuracy:.4f}"
    )
    if test_accuracy < SOLVED_ACCURACY:
        print(f"not written: below {SOLVED_ACCURACY}", file=sys.stderr)
        return 1
    save_parameters(
        args.out, parameters, cell="lstm", T=T, seed=args.seed, steps=args.steps,
        test_accuracy=test_accuracy, numpy=np.__version__, **SETTINGS,
    )  # fmt: skip
    print(f"written: {args.out}")
    if args.out.resolve() == (provenance.DATA / GATE_NETWORK).resolve():
        provenance.renew(GATE_NETWORK, "made by scripts/train_gate_network.py", True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
