"""The corpus of names and a seeded split (introduced in 09_character_language_model).

The data file ships with the package (helpers/data/names.txt, see helpers/data/README.md),
so nothing is downloaded.
"""

import string
from pathlib import Path

NAMES_FILE = Path(__file__).parent / "data" / "names.txt"
ALPHABET = set(string.ascii_lowercase)


def load_names(path=NAMES_FILE):
    """Read one lower-case name per line.

    Parameters
    ----------
    path : str or Path, the file to read (the shipped names.txt by default)

    Returns
    -------
    names : list of str, in file order

    Raises
    ------
    FileNotFoundError
        If the file does not exist (the message says where it was expected).
    ValueError
        If a line is empty or holds anything but the letters a-z (names the line).
    """
    path = Path(path)
    if not path.is_file():
        raise FileNotFoundError(
            f"load_names: no names file at {path}. The course ships it as helpers/data/"
            "names.txt; reinstall the package (make lab or make test) if it is missing."
        )
    names = path.read_text(encoding="utf-8").splitlines()
    for number, name in enumerate(names, 1):
        if not name or not set(name) <= ALPHABET:
            raise ValueError(
                f"load_names: line {number} of {path.name} should be a name of letters a-z, "
                f"but it is {name!r}."
            )
    if not names:
        raise ValueError(f"load_names: {path.name} holds no names.")
    return names


def split_names(names, rng, fractions=(0.8, 0.1, 0.1)):
    """Shuffle with rng and cut into train, validation and test lists.

    Parameters
    ----------
    names : list of str
    rng : numpy.random.Generator
    fractions : three floats that sum to 1

    Returns
    -------
    train, validation, test : lists of str
    """
    if len(fractions) != 3 or abs(sum(fractions) - 1.0) > 1e-9 or min(fractions) < 0:
        raise ValueError(
            f"split_names: fractions should be 3 numbers summing to 1, got {fractions}."
        )
    order = rng.permutation(len(names))
    n_train = int(round(fractions[0] * len(names)))
    n_val = int(round(fractions[1] * len(names)))
    pick = [names[i] for i in order]
    return pick[:n_train], pick[n_train : n_train + n_val], pick[n_train + n_val :]
