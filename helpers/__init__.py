"""helpers: the reference code of the course "RNN and LSTM cells, step by step".

Shapes follow the course: batch on the second axis, time on the third.
Importing the package changes no global state; notebooks call setup_notebook().
"""

from . import checks
from .activations import sigmoid, softmax
from .gradcheck import gradient_check, numerical_gradient, relative_error
from .gradient_flow import (
    largest_singular_value,
    spectral_radius,
    state_gradient_norms,
    with_largest_singular_value,
)
from .initialization import init_lstm_parameters, init_rnn_parameters
from .losses import softmax_cross_entropy
from .lstm import lstm_backward, lstm_cell_backward, lstm_cell_forward, lstm_forward
from .notebook import setup_notebook
from .optim import Adam, clip_by_global_norm, global_norm
from .plots import (
    moving_average,
    plot_activations,
    plot_gate_heatmap,
    plot_gate_values,
    plot_gradient_flow,
    plot_hidden_states,
    plot_saturation,
    plot_softmax,
    plot_unit_traces,
)
from .rnn import rnn_backward, rnn_cell_backward, rnn_cell_forward, rnn_forward
from .validation import MissingParameterError

__all__ = [
    "checks",
    "Adam",
    "clip_by_global_norm",
    "global_norm",
    "gradient_check",
    "init_lstm_parameters",
    "init_rnn_parameters",
    "largest_singular_value",
    "lstm_backward",
    "lstm_cell_backward",
    "lstm_cell_forward",
    "lstm_forward",
    "MissingParameterError",
    "moving_average",
    "numerical_gradient",
    "plot_activations",
    "plot_gate_heatmap",
    "plot_gate_values",
    "plot_gradient_flow",
    "plot_hidden_states",
    "plot_saturation",
    "plot_softmax",
    "plot_unit_traces",
    "relative_error",
    "rnn_backward",
    "rnn_cell_backward",
    "rnn_cell_forward",
    "rnn_forward",
    "setup_notebook",
    "sigmoid",
    "softmax",
    "softmax_cross_entropy",
    "spectral_radius",
    "state_gradient_norms",
    "with_largest_singular_value",
]
