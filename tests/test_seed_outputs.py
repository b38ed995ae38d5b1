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


def seeded_cell_output(notebook):
    """stdout of the one cell that starts with np.random.seed(1)."""
    nb = json.loads((ROOT / "notebooks" / notebook).read_text(encoding="utf-8"))
    cells = [
        c
        for c in nb["cells"]
        if c["cell_type"] == "code" and "".join(c["source"]).startswith("np.random.seed(1)")
    ]
    assert len(cells) == 1, "expected exactly one cell that reproduces the post's test"
    return "".join("".join(o["text"]) for o in cells[0]["outputs"] if o["output_type"] == "stream")


@pytest.mark.parametrize("notebook, expected", [("01_rnn_cell.ipynb", RNN_SEED_OUTPUT)])
def test_notebook_prints_what_the_source_post_prints(notebook, expected):
    assert seeded_cell_output(notebook) == expected
