"""The set-up of every run: which files go first, and the share of the cores."""

from session import MEASURED_SECONDS, NOTEBOOKS, ROOT


def test_every_file_whose_time_was_measured_exists():
    files = {path.name for path in (ROOT / "tests").rglob("test_*.py")}
    files |= {path.name for path in NOTEBOOKS}
    assert set(MEASURED_SECONDS) <= files


def test_the_files_measured_longest_are_handed_out_first():
    from session import longest_first

    class Item:
        def __init__(self, path):
            self.path = path

    slowest = max(MEASURED_SECONDS, key=MEASURED_SECONDS.get)
    paths = [ROOT / "tests" / "test_rnn.py", NOTEBOOKS[0]]
    paths += [path for path in NOTEBOOKS if path.name == slowest]
    order = sorted(paths, key=lambda path: longest_first(Item(path)))
    assert order[0].name == slowest and order[-1].name == "test_rnn.py"
