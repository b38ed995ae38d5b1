"""Numbers in the notebooks' prose stand on what the course prints: a compared output
(of the notebook, or of one its paragraph names), a literal in its code, or a paper
marked as the source. `python tests/prose.py` lists every number and what it matched."""

import json
import shutil

import pytest
from prose import all_sources, number_problems, prose_numbers

from conftest import NOTEBOOKS, ROOT

EXEMPT_FILE = ROOT / "tests" / "numbers_exempt.txt"


def exemptions():
    """{notebook stem: {number as written: reason}} from tests/numbers_exempt.txt, whose
    lines read `NN_notebook | number as written | why it needs no output`."""
    table = {}
    for line in EXEMPT_FILE.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            stem, written, reason = (part.strip() for part in line.split("|"))
            table.setdefault(stem, {})[written] = reason
    return table


@pytest.fixture(scope="module")
def sources():
    return all_sources(NOTEBOOKS)


@pytest.mark.parametrize(
    ("text", "kinds"),
    [
        ("solved 7 of 8 seeds", ["count 7 of 8"]),
        ("at least 6 of 8", ["count at least 6 of 8"]),
        ("a share of 7e-05, then $3 \\times 10^{-6}$", ["scientific", "scientific"]),
        ("about $10^{-25}$ after 59 steps", ["power"]),
        ("12 % of the time, or 0.73 per step.", ["percent", "decimal"]),
        ("38 times larger", ["ratio"]),
        ("section 4.2 and `forget_bias=2.0`", []),
        ("### 4.1 · The gates", []),
    ],
)
def test_the_numbers_it_reads_are_those_a_claim_rests_on(text, kinds):
    found = prose_numbers(text)
    assert [n.kind for n in found] == [k.split()[0] for k in kinds]
    for number, kind in zip(found, kinds):
        if kind.startswith("count"):
            bound, count, total = number.pair
            assert " ".join(filter(None, ["count", bound, f"{count} of {total}"])) == kind


PLANTED = [  # each wrong for notebook 13 (or for the notebook its paragraph names)
    "The LSTM solved 6 of 8 seeds at $T = 50$.",  # 7 of 8
    "The tanh RNN's median share was 3e-05.",  # 7e-05
    "The GRU kept $4 \\times 10^{-6}$ of it.",  # 8e-07
    "That is 12 % of the runs.",
    "The chrono LSTM was 45 times faster.",
    "Its forget gates averaged 0.81.",
    "A share near $10^{-12}$.",
    "In notebook 07 the RNN solved 3 of 8 at $T = 30$.",  # 4 of 8
]


def test_planted_wrong_numbers_are_each_caught(tmp_path, sources):
    original = next(p for p in NOTEBOOKS if p.name.startswith("13_"))
    copy = tmp_path / original.name
    shutil.copy(original, copy)
    nb = json.loads(copy.read_text(encoding="utf-8"))
    nb["cells"].append(
        {"cell_type": "markdown", "metadata": {}, "id": "planted", "source": "\n\n".join(PLANTED)}
    )
    copy.write_text(json.dumps(nb), encoding="utf-8")
    _, problems = number_problems(copy, others=sources)
    caught = [written for k, written, _ in problems if k == len(nb["cells"]) - 1]
    assert len(caught) == len(PLANTED), caught


def test_every_exemption_names_a_notebook_and_gives_a_reason():
    stems = {p.stem for p in NOTEBOOKS}
    for stem, numbers in exemptions().items():
        assert stem in stems, stem
        for written, reason in numbers.items():
            assert len(reason.split()) >= 4, f"{stem}: {written!r} needs a reason"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_number_in_the_prose_stands_on_an_output_code_or_source(path, sources):
    exempt = exemptions().get(path.stem, {})
    _, problems = number_problems(path, exempt=exempt, others=sources)
    assert not problems, "\n".join(f"cell {k}: {written!r}: {why}" for k, written, why in problems)


def test_every_exemption_is_still_needed(sources):
    for stem, numbers in exemptions().items():
        path = ROOT / "notebooks" / f"{stem}.ipynb"
        _, problems = number_problems(path, others=sources)
        flagged = {written for _, written, _ in problems}
        assert set(numbers) <= flagged, f"{stem}: no longer needed: {set(numbers) - flagged}"
