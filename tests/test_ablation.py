"""helpers.ablation: the grid of the ablation study (13) and its results file."""

import json

import pytest

from helpers import ablation
from helpers.cells import CELLS


def test_every_variant_of_the_study_is_a_cell_that_trains_by_name():
    assert set(ablation.VARIANTS) <= set(CELLS)
    assert list(ablation.VARIANTS)[0] == "lstm"


def test_the_study_covers_the_lengths_and_seeds_it_promises():
    assert set(ablation.LENGTHS) >= {20, 50, 100} and len(ablation.SEEDS) >= 8
    assert set(ablation.CAPS) == set(ablation.LENGTHS)


def test_a_small_grid_gives_one_record_per_run_in_order():
    records = ablation.train_grid(["lstm", "rnn"], (10,), range(2), {10: 20}, processes=1)
    assert [(r["variant"], r["seed"]) for r in records] == [
        ("lstm", 0), ("lstm", 1), ("rnn", 0), ("rnn", 1)
    ]  # fmt: skip
    for r in records:
        assert set(r) == {"variant", "T", "seed", "solved", "updates", "accuracy"}
        assert r["T"] == 10 and 1 <= r["updates"] <= 20 and 0.0 <= r["accuracy"] <= 1.0
    counts = ablation.solved_counts(records)
    assert set(counts) == {("lstm", 10), ("rnn", 10)}


def test_results_are_read_back_with_integer_lengths(tmp_path):
    path = tmp_path / "results.json"
    records = [{"variant": "lstm", "T": 20, "seed": 0, "solved": True, "updates": 75,
                "accuracy": 1.0}]  # fmt: skip
    path.write_text(json.dumps({"caps": {"20": 600}, "records": records}), encoding="utf-8")
    results = ablation.read_results(path)
    assert results["caps"] == {20: 600}
    assert ablation.solved_counts(results["records"]) == {("lstm", 20): 1}


@pytest.mark.parametrize("variant", ["lstm", "rnn"])
def test_the_gradient_at_the_first_symbol_is_a_positive_share(variant):
    share = ablation.first_symbol_gradient(variant, 20, 0, n_examples=20)
    assert share > 0.0


def test_the_lstm_carries_more_gradient_to_the_first_symbol_than_the_rnn_at_initialisation():
    assert ablation.first_symbol_gradient("lstm", 50, 0) > ablation.first_symbol_gradient(
        "rnn", 50, 0
    )


def test_the_shipped_results_cover_every_variant_length_and_seed():
    results = ablation.read_results()
    runs = {(r["variant"], r["T"], r["seed"]) for r in results["records"]}
    expected = {
        (v, T, s) for v in ablation.VARIANTS for T in ablation.LENGTHS for s in ablation.SEEDS
    }
    assert runs == expected and len(results["records"]) == len(expected)
    assert results["caps"] == ablation.CAPS and results["settings"] == ablation.SETTINGS
    for r in results["records"]:
        assert r["updates"] <= results["caps"][r["T"]]
        assert r["solved"] == (r["accuracy"] >= 0.99)
