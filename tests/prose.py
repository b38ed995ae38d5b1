"""What the notebooks' prose may say: every citation has an entry in the references, and
every number stands on something the course prints, its code, or a marked source.

Used by tests/test_references.py and tests/test_numbers.py; `python tests/prose.py`
prints every number the number lint checks and what it matched (or why it did not).
"""

import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REFERENCES = ROOT / "notebooks" / "references.md"

# ---------------------------------------------------------------------------------------
# Citations

NAME = r"[A-Z][a-z\u00C0-\u017F'\u2019-][A-Za-z\u00C0-\u017F'\u2019-]*"  # not "LSTM", "GRU"
# "Greff et al. (2017)", "Pascanu, Mikolov and Bengio (2013)", "Kingma & Ba (2015)",
# "Tallec and Ollivier 2018" (no brackets only after "et al." or a second author), and
# the same inside brackets: "(Greff et al. 2017)".
CITATION = re.compile(
    rf"(?P<authors>{NAME}(?:, {NAME})*(?: (?:and|&) {NAME})?(?P<etal> et al\.)?),? "
    r"(?:\((?P<year1>(?:19|20)\d\d)[a-z]?\)|(?P<year2>(?:19|20)\d\d)[a-z]?\b)"
)
SOURCE_MARKER = re.compile(r"<!--\s*source:\s*(\w+)\s*-->")
ANCHOR = re.compile(r'<a id="(\w+)"></a>\s*\n+### (.+)')


def citations(text):
    """(first author's surname, year, the words as written) of every citation in text."""
    found = []
    for match in CITATION.finditer(text):
        year = match["year1"] or match["year2"]
        several = match["etal"] or re.search(r" (?:and|&) |, ", match["authors"])
        if match["year2"] and not several:
            continue  # "the 1997 cell", "In 2015": a bare year is no citation
        first = re.split(r",| and | & | et al\.", match["authors"])[0].strip()
        found.append((first, year, match.group(0)))
    return found


def references(path=REFERENCES):
    """{key: (first author's surname, year)} of every entry in the references file."""
    entries = {}
    for key, heading in ANCHOR.findall(path.read_text(encoding="utf-8")):
        cited = citations(heading)
        entries[key] = (cited[0][0], cited[0][1]) if cited else (None, None)
    return entries


def markdown_cells(path):
    """[(index, source)] of a notebook's markdown cells."""
    nb = json.loads(Path(path).read_text(encoding="utf-8"))
    return [
        (k, "".join(cell["source"]))
        for k, cell in enumerate(nb["cells"])
        if cell["cell_type"] == "markdown"
    ]


def citation_problems(path, entries=None):
    """Citations without an entry, and source markers or links naming no entry."""
    entries = references() if entries is None else entries
    known = {(author, year) for author, year in entries.values()}
    problems = []
    for k, text in markdown_cells(path):
        for author, year, written in citations(text):
            if (author, year) not in known:
                problems.append(f"cell {k}: {written!r} has no entry in references.md")
        for key in SOURCE_MARKER.findall(text):
            if key not in entries:
                problems.append(f"cell {k}: source marker {key!r} names no entry")
        for key in re.findall(r"references\.md#(\w+)", text):
            if key not in entries:
                problems.append(f"cell {k}: link to references.md#{key}, which has no entry")
    return problems


# ---------------------------------------------------------------------------------------
# Numbers

IGNORE_MARK = "NBVAL_IGNORE_OUTPUT"
NOTEBOOK_NAME = re.compile(r"\b(\d\d)_[a-z0-9_]+\.ipynb")
NAMED_NOTEBOOK = re.compile(
    r"(?:[Nn]otebooks?|and|or|,) (\d\d)\b|\b(\d\d)'s\b|\((\d\d)\b|\b(\d\d)(?= (?:section|§))"
)


def _float(text):
    return float(text.replace(",", "").replace("\u2212", "-"))


def _decimals(text):
    mantissa = text.lower().split("e")[0]
    return len(mantissa.split(".")[1]) if "." in mantissa else 0


class Number:
    """One number in the prose: its value, how precisely it is written, and its kind
    ("decimal", "percent", "scientific", "power", "ratio", "count")."""

    def __init__(self, kind, value, written, tolerance, pair=None):
        self.kind, self.value, self.written = kind, value, written
        self.tolerance, self.pair = tolerance, pair

    def __repr__(self):
        return f"{self.kind} {self.written!r}"


def _latex_to_plain(text):
    """`3 \\times 10^{-6}` -> `3e-6`, `10^{-25}` -> `1E-25` (a bare power of ten, marked by
    the capital E), so that the patterns below read both."""
    text = re.sub(r"(\d+(?:\.\d+)?)\s*(?:\\times|\\cdot|×|·)\s*10\^\{?([-\u2212]?\d+)\}?",
                  r"\1e\2", text)  # fmt: skip
    text = re.sub(r"(?<![\d.])10\^\{?([-\u2212]?\d+)\}?", r"1E\1", text)
    return text.replace("\u2212", "-")


PROSE_PATTERNS = [
    ("count", re.compile(r"\b(\d+) (?:of|out of) (\d+)\b")),
    ("percent", re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?%")),
    ("power", re.compile(r"(?<![\w.])1E(-?\d+)\b")),
    ("scientific", re.compile(r"(?<![\w.])(\d+(?:\.\d+)?e[-+]?\d+)\b")),
    ("ratio", re.compile(r"(?<![\w.])(\d+(?:\.\d+)?)\s?(?:×|x\b|times\b|-fold\b)")),
    ("decimal", re.compile(r"(?<![\w.])(\d+\.\d+)(?!\d|\.\d)")),
]


def prose_numbers(text):
    """The numbers the lint checks in one markdown cell's text: decimals, percentages,
    numbers in scientific notation or as powers of ten, ratios and counts ("7 of 8").
    Code spans, links' addresses and HTML comments are left out."""
    text = re.sub(r"<!--.*?-->", " ", text, flags=re.S)
    text = re.sub(r"`[^`]*`", " ", text)
    text = re.sub(r"\]\([^)]*\)", "]", text)
    # Section numbers ("### 4.1 ·", "section 4.2", "§ 5.1") are names, not numbers.
    text = re.sub(r"(?m)^(#+\s*)\d+(?:\.\d+)*", r"\1", text)
    text = re.sub(r"(?i)(sections?|§)\s*\d+(?:\.\d+)+", r"\1", text)
    text = _latex_to_plain(text)
    found, taken = [], []
    for kind, pattern in PROSE_PATTERNS:
        for match in pattern.finditer(text):
            if any(a < match.end() and match.start() < b for a, b in taken):
                continue  # part of a number already read in another form
            taken.append(match.span())
            written = match.group(0).strip()
            if kind == "count":
                k, n = [int(g) for g in match.groups() if g is not None]
                if n == 0 or k > n:
                    continue
                pair = (qualifier(text, match.start()), k, n)
                found.append(Number(kind, k / n, written, 0, pair=pair))
                continue
            raw = match.group(1)
            if kind == "power":
                found.append(Number(kind, 10.0 ** int(raw), written, None))
            elif kind == "scientific":
                mantissa, exponent = raw.lower().split("e")
                digits = _decimals(mantissa)
                tolerance = 0.5 * 10.0 ** (int(exponent) - digits)
                found.append(Number(kind, _float(raw), written, tolerance))
            else:
                tolerance = 0.5 * 10.0 ** (-_decimals(raw))
                found.append(Number(kind, _float(raw), written, tolerance))
    return found


SOURCE_NUMBER = re.compile(r"(?<![\w.])-?\d[\d,]*(?:\.\d+)?(?:e[-+]?\d+)?%?", re.I)
SOURCE_PAIR = re.compile(r"\b(\d+) (?:of|out of) (\d+)\b|\b(\d+)/(\d+)\b")
BOUND = re.compile(r"(at least|at most|more than|fewer than|less than|up to)\s*$")


def qualifier(text, start):
    """ "at least", "at most", ... when those words come right before position start."""
    match = BOUND.search(text[max(0, start - 12) : start])
    return match.group(1) if match else ""


class Sources:
    """What a notebook's numbers may stand on: the text its compared cells print, the
    literals in its code, and (kept apart) what only its uncompared cells print."""

    def __init__(self, path):
        nb = json.loads(Path(path).read_text(encoding="utf-8"))
        self.compared, self.uncompared, self.literals = [], [], []
        self.pairs = set()
        for cell in nb["cells"]:
            if cell["cell_type"] != "code":
                continue
            source = "".join(cell["source"])
            self.literals += _code_literals(source)
            text = "".join(_output_text(output) for output in cell.get("outputs", []))
            values = [_source_value(m.group(0)) for m in SOURCE_NUMBER.finditer(text)]
            if source.lstrip().startswith(f"# {IGNORE_MARK}"):
                self.uncompared += values
            else:
                self.compared += values
                for match in SOURCE_PAIR.finditer(text):
                    k, n = (int(g) for g in match.groups() if g is not None)
                    self.pairs.add((qualifier(text, match.start()), k, n))


def _output_text(output):
    if output.get("output_type") == "stream":
        return "".join(output.get("text", ""))
    data = output.get("data", {})
    return "".join(data.get("text/plain", "")) if "image/png" not in data else ""


def _source_value(text):
    if text.endswith("%"):
        return _float(text[:-1]) / 100
    return _float(text)


def _code_literals(source):
    import io
    import tokenize

    values = []
    try:
        for token in tokenize.generate_tokens(io.StringIO(source).readline):
            if token.type == tokenize.NUMBER:
                try:
                    values.append(float(token.string.replace("_", "")))
                except ValueError:
                    pass
    except (tokenize.TokenError, IndentationError, SyntaxError):
        pass
    return values


def _matches(number, values):
    """True when a value, at the precision the prose writes, is the number."""
    for value in values:
        if number.kind == "power":
            if value > 0 and round(__import__("math").log10(value)) == round(
                __import__("math").log10(number.value)
            ):
                return True
            continue
        candidates = [value]
        if number.kind == "percent":
            candidates = [value * 100, value]
        elif number.kind == "decimal":
            candidates = [value, value * 100] if value <= 1 else [value]
        for candidate in candidates:  # the prose writes a sign apart ("d' = -7.59")
            if abs(abs(candidate) - number.value) <= number.tolerance * (1 + 1e-9) + 1e-15:
                return True
    return False


def number_problems(path, exempt=(), others=None):
    """Numbers in a notebook's prose that nothing in the course stands behind.

    Returns (checked, problems): how many numbers were checked, and a list of
    (cell index, number as written, why). A number passes when it matches, at the
    precision it is written: a compared output of this notebook or of a notebook its
    prose names, a literal in its code, or (ratios) two numbers written in the same
    paragraph; "k of n" must appear as a pair in a compared output, with the same bound
    ("at least 6 of 8"). A notebook is named by the paragraph that quotes its number
    ("notebook 07", "07's", a link to it). A number in a paragraph with a source marker
    (<!-- source: Key -->) is a paper's. The lint checks that a number is printed, not
    which row or setting printed it: "7 of 8 at T = 100" passes when 7 of 8 is printed
    for T = 50; the independent reading catches that. `exempt`: texts as written
    (from tests/numbers_exempt.txt) that are not checked."""
    path = Path(path)
    own = Sources(path)
    others = others if others is not None else {}
    checked, problems = 0, []
    for k, text in markdown_cells(path):
        for paragraph in re.split(r"\n\s*\n", text):
            sourced = bool(SOURCE_MARKER.search(paragraph))
            numbers = prose_numbers(paragraph)
            cited = [others[n] for n in sorted(named_notebooks(paragraph) - {path.name[:2]})
                     if n in others]  # fmt: skip
            elsewhere = [v for s in cited for v in s.compared]
            pairs = own.pairs.union(*(s.pairs for s in cited))
            uncompared = own.uncompared + [v for s in cited for v in s.uncompared]
            for number in numbers:
                if sourced or number.written in exempt:
                    continue
                checked += 1
                if number.kind == "count":
                    if number.pair in pairs:
                        continue
                    bound, count, total = number.pair
                    bound = f"{bound} " if bound else ""
                    why = f"no compared output prints {bound}{count} of {total}"
                elif _matches(number, own.compared) or _matches(number, own.literals):
                    continue
                elif _matches(number, elsewhere):
                    continue
                elif _matches(number, own.uncompared):
                    # This notebook prints it only where nbval does not look: the text
                    # quotes a value that another machine may print differently.
                    why = "only an uncompared (NBVAL_IGNORE_OUTPUT) cell prints it"
                elif number.kind == "ratio" and _ratio_of_two(number, numbers):
                    continue
                elif _matches(number, uncompared):
                    why = "only an uncompared (NBVAL_IGNORE_OUTPUT) cell prints it"
                else:
                    why = "no output, code literal or source matches it"
                problems.append((k, number.written, why))
    return checked, problems


def named_notebooks(text):
    """The two-digit numbers of the notebooks a text names."""
    named = set(NOTEBOOK_NAME.findall(text))
    for groups in NAMED_NOTEBOOK.findall(text):
        named.update(g for g in groups if g)
    return {n for n in named if 1 <= int(n) <= 99}


def _ratio_of_two(number, numbers):
    values = [n.value for n in numbers if n.kind != "ratio" and n.value]
    return any(
        abs(a / b - number.value) <= number.tolerance + 1e-12
        for a in values
        for b in values
        if a is not b
    )


def all_sources(notebooks):
    return {path.name[:2]: Sources(path) for path in notebooks}


if __name__ == "__main__":
    notebooks = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
    sources = all_sources(notebooks)
    total = wrong = 0
    for path in notebooks:
        checked, problems = number_problems(path, others=sources)
        total, wrong = total + checked, wrong + len(problems)
        print(f"{path.stem}: {checked} numbers checked, {len(problems)} not matched")
        for k, written, why in problems:
            print(f"    cell {k}: {written!r}: {why}")
    print(f"all notebooks: {total} numbers checked, {wrong} not matched")
