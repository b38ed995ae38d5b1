"""The recurrent cells by name, "rnn" or "lstm", for the training code (07, 08, 09).

Each entry gives the fast forward and backward passes of helpers.fast and the name of
the output layer's weight: Wya for the RNN, Wy for the LSTM.
"""

from . import fast

CELLS = {
    "rnn": {"forward": fast.rnn_forward, "backward": fast.rnn_backward, "output": "Wya"},
    "lstm": {"forward": fast.lstm_forward, "backward": fast.lstm_backward, "output": "Wy"},
}


def cell_spec(cell):
    """The entry of CELLS for a cell's name; a clear ValueError for any other name."""
    if cell not in CELLS:
        raise ValueError(f"cell should be one of {sorted(CELLS)}, got {cell!r}.")
    return CELLS[cell]
