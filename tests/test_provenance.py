"""The results shipped in helpers/data record the code that made them; when that code
changes, this test fails until a re-check shows that the files still hold."""

import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import provenance  # noqa: E402  (scripts/ is not a package)

NAMES = sorted(provenance.RESULTS)


@pytest.mark.parametrize("name", NAMES)
def test_a_shipped_result_records_its_sources_and_the_configuration_of_its_values(name):
    entry = provenance.read()[name]
    assert (provenance.DATA / name).exists()
    assert sorted(entry["sources"]) == sorted(provenance.RESULTS[name][1])
    for path in entry["sources"]:
        assert (ROOT / path).exists(), path
    assert {"numpy", "blas", "blas_kernel", "simd"} <= set(entry["last"]["configuration"])


@pytest.mark.parametrize("name", NAMES)
def test_no_source_of_a_shipped_result_changed_since_it_was_last_checked(name):
    stale = provenance.changed(name)
    assert not stale, (
        f"{', '.join(stale)} changed since helpers/data/{name} was made or re-checked: run "
        "`make recheck-results` (it trains a subset again and compares it with the file; "
        "it renews helpers/data/provenance.json only if the file still holds). If the "
        "re-check fails, train the file again (scripts/recheck_results.py says how), then "
        "make execute and make test."
    )


def test_a_changed_source_is_named(tmp_path):
    record = provenance.read()
    name = NAMES[0]
    path = provenance.RESULTS[name][1][0]
    record[name]["sources"][path] = "0" * 64  # as if the file had changed since
    assert provenance.changed(name, record) == [path]


def test_the_process_count_is_left_out_of_what_the_results_depend_on():
    for _, sources in provenance.RESULTS.values():
        assert "helpers/sweep.py" not in sources and "helpers/budget.py" not in sources
