"""How low does the course's LSTM language model get on the names in a fixed time?
(issue target: test loss at most 2.05 nats per character within 60 s of training on a
2-core machine; makemore's transformer reaches about 1.92)

    .venv/bin/python benchmarks/language_model.py [--budget 60] [--cell lstm] [--n_a 128]

Trains on the seeded 80/10/10 split of helpers.corpus (split seed 0), with one Adam, in
chunks of 10 steps while the training time (evaluation excluded) stays within the budget,
then reports the validation and test loss in nats per character (end tokens counted) and the bigram
baseline on the same split. Prints figures; asserts nothing.
"""

import argparse
import time

import numpy as np

from helpers import Adam
from helpers import language_model as lm
from helpers.corpus import load_names, split_names


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0].replace("\n", " "))
    parser.add_argument("--budget", type=float, default=60.0, help="seconds of training")
    parser.add_argument("--cell", default="lstm", choices=["rnn", "lstm"])
    parser.add_argument("--n_a", type=int, default=128)
    parser.add_argument("--batch", type=int, default=64)
    parser.add_argument("--lr", type=float, default=1e-2)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    train, validation, test = split_names(load_names(), np.random.default_rng(0))
    print(f"names: {len(train)} train, {len(validation)} validation, {len(test)} test")
    bigram = lm.bigram_loss(lm.bigram_counts(train), test)
    print(f"bigram baseline (add-one), test: {bigram:.3f} nats/char")
    rng = np.random.default_rng(args.seed)
    parameters = lm.init_language_model(args.cell, args.n_a, rng)
    optimizer = Adam(lr=args.lr)  # one optimiser for the whole run, across the chunks
    steps, seconds = 0, 0.0
    chunk = 10  # the budget is checked every 10 steps, and never exceeded
    per_chunk = 0.0
    while seconds + per_chunk <= args.budget:
        start = time.perf_counter()
        lm.train_language_model(args.cell, parameters, train, chunk, rng,
                                batch_size=args.batch, optimizer=optimizer)  # fmt: skip
        per_chunk = time.perf_counter() - start
        seconds += per_chunk
        steps += chunk
        if steps % 500 == 0:
            print(f"  {steps:>6} steps, {seconds:5.1f} s: validation "
                  f"{lm.evaluate(args.cell, parameters, validation):.3f}", flush=True)  # fmt: skip
    print(f"{args.cell}, n_a = {args.n_a}, batch {args.batch}, lr {args.lr}: {steps} steps in "
          f"{seconds:.1f} s of training")  # fmt: skip
    print(f"  validation {lm.evaluate(args.cell, parameters, validation):.3f}, "
          f"test {lm.evaluate(args.cell, parameters, test):.3f} nats/char")  # fmt: skip


if __name__ == "__main__":
    main()
