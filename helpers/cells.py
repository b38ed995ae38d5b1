"""The recurrent cells by name, "rnn", "lstm" or "gru", for the training code (07, 08, 09,
11).

Each entry gives the fast forward and backward passes (helpers.fast, helpers.fast_gru)
and the name of the output layer's weight: Wya for the RNN, Wy for the LSTM and the GRU.
"""

from . import fast, fast_gru

CELLS = {
    "rnn": {"forward": fast.rnn_forward, "backward": fast.rnn_backward, "output": "Wya"},
    "lstm": {"forward": fast.lstm_forward, "backward": fast.lstm_backward, "output": "Wy"},
    "gru": {"forward": fast_gru.gru_forward, "backward": fast_gru.gru_backward, "output": "Wy"},
}


def cell_spec(cell):
    """The entry of CELLS for a cell's name; a clear ValueError for any other name."""
    if cell not in CELLS:
        raise ValueError(f"cell should be one of {sorted(CELLS)}, got {cell!r}.")
    return CELLS[cell]
