"""The notebooks print exactly what the source post's code prints for its seeded tests.

The expected text below is the output of the post's own code, run with numpy imported and
`sigmoid` and `softmax` defined (and its function names fixed). nbval re-executes the
notebooks and confirms their stored outputs; this test pins those outputs to the post's.
"""

import json

import pytest

from conftest import ROOT

RNN_SEED_OUTPUT = """\
a_next[4] =  [ 0.59584544  0.18141802  0.61311866  0.99808218  0.85016201  0.99980978
 -0.18887155  0.99815551  0.6531151   0.82872037]
a_next.shape =  (5, 10)
yt_pred[1] = [0.9888161  0.01682021 0.21140899 0.36817467 0.98988387 0.88945212
 0.36920224 0.9966312  0.9982559  0.17746526]
yt_pred.shape =  (2, 10)
[[ 0.95442347 -0.97959841 -0.77682357 -0.85960496  0.2996283  -0.72828789
   0.70341981  0.396781    0.64215271 -0.68720152]
 [-0.77817006 -0.96939535 -0.90158668 -0.89269334 -0.94794605 -0.62569074
  -0.7847199   0.73807292  0.40638533 -0.49874722]
 [ 0.34337788 -0.99997631 -0.99692205 -0.98133709 -0.93123291 -0.99802557
  -0.99662894 -0.93641136 -0.25153222  0.54770565]
 [-0.85404662  0.97190276  0.60516394  0.65999969 -0.68038654  0.09222782
   0.34729991  0.41705046 -0.44431726  0.74395075]
 [ 0.59584544  0.18141802  0.61311866  0.99808218  0.85016201  0.99980978
  -0.18887155  0.99815551  0.6531151   0.82872037]]
[ 0.95442347 -0.77817006  0.34337788 -0.85404662  0.59584544]
"""

# The post prints c_next.shape under the label "a_next.shape"; the notebook prints
# a_next.shape there, which is the same (5, 10), so the text is the post's.
# (\x20 is the space that print("a_next[4] = \n", ...) leaves at the end of the line.)
LSTM_SEED_OUTPUT = """\
a_next[4] =\x20
 [-0.66408471  0.0036921   0.02088357  0.22834167 -0.85575339  0.00138482
  0.76566531  0.34631421 -0.00215674  0.43827275]
a_next.shape =  (5, 10)
c_next[2] =\x20
 [ 0.63267805  1.00570849  0.35504474  0.20690913 -1.64566718  0.11832942
  0.76449811 -0.0981561  -0.74348425 -0.26810932]
c_next.shape =  (5, 10)
yt[1] = [0.79913913 0.15986619 0.22412122 0.15606108 0.97057211 0.31146381
 0.00943007 0.12666353 0.39380172 0.07828381]
yt.shape =  (2, 10)
cache[1][3] =
 [-0.16263996  1.03729328  0.72938082 -0.54101719  0.02752074 -0.30821874
  0.07651101 -1.03752894  1.41219977 -0.37647422]
len(cache) =  10
"""


def load(notebook):
    return json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))


def notebook_source(notebook):
    return "\n".join("".join(c["source"]) for c in load(notebook)["cells"])


def seeded_cell_output(notebook):
    """stdout of the one cell whose code starts with np.random.seed(1) (after comments)."""

    def code(cell):
        lines = "".join(cell["source"]).splitlines()
        return "\n".join(line for line in lines if not line.startswith("#"))

    nb = load(notebook)
    cells = [
        c
        for c in nb["cells"]
        if c["cell_type"] == "code" and code(c).startswith("np.random.seed(1)")
    ]
    assert len(cells) == 1, "expected exactly one cell that reproduces the post's test"
    return "".join("".join(o["text"]) for o in cells[0]["outputs"] if o["output_type"] == "stream")


@pytest.mark.parametrize(
    "notebook, expected",
    [("01_rnn_cell.ipynb", RNN_SEED_OUTPUT), ("05_lstm_cell.ipynb", LSTM_SEED_OUTPUT)],
)
def test_notebook_prints_what_the_source_post_prints(notebook, expected):
    assert seeded_cell_output(notebook) == expected
    assert 'a_next.shape = ", c_next' not in notebook_source(notebook), "the post's print slip"
