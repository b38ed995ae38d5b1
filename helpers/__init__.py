"""helpers: the reference code of the course "RNN and LSTM cells, step by step".

Shapes follow the course: batch on the second axis, time on the third.
Importing the package changes no global state; notebooks call setup_notebook().

Top level (`helpers.<name>`): the reference cells (RNN, LSTM, GRU), forward and backward,
and what notebooks 01-06 use with them: activations, initialisation, the gradient check,
the loss, the optimiser, gradient-flow measurements and the figures of those notebooks.

Submodules, imported by name (`from helpers import train, plots`) and called with their
prefix:
    rnn, lstm, gru  the reference cells and their layouts (lstm.GATES, lstm.CellCache, ...)
    checks          the exercise checks (check_rnn_cell_forward, ...)
    plots           every figure, and (from style) the course's table of how each model
                    is drawn; gates, gradient_flow: what 04, 05 and 08 measure
    widgets         the interactive widgets (loads ipywidgets; nothing else does)
    fast            the fast forward and backward passes of notebook 10 (RNN, LSTM)
    fast_gru        the fast GRU, built the same way (11)
    deep, tagging   stacks, two directions, truncated BPTT; a network that labels every
                    step, and one that writes (12)
    cells           the cells by name ("rnn", "lstm", "gru") for the training code
    tasks, train, sweep, saved   the temporal order task and training on it (07, 08)
    corpus, language_model       the names data and the character language model (09)
    learning_curves moving averages and figures of training curves (07, 09)
    comparisons     the trained RNN beside the LSTM: seeds (07), temperatures (09)
    threads         BLAS threads: how many, and keeping it on one
    budget          how many cores the course may use (CPU_LIMIT, a cgroup's quota)
    diagrams        sketches of unrolled networks (02, 06) and of memory layouts (10)
"""

from . import checks
from .activations import sigmoid, softmax
from .gradcheck import (
    describe_errors,
    gradient_check,
    gradient_verdict,
    numerical_gradient,
    relative_error,
)
from .gradient_flow import (
    largest_singular_value,
    spectral_radius,
    state_gradient_norms,
    with_largest_singular_value,
)
from .gru import gru_backward, gru_cell_backward, gru_cell_forward, gru_forward
from .initialization import init_gru_parameters, init_lstm_parameters, init_rnn_parameters
from .losses import masked_cross_entropy, softmax_cross_entropy
from .lstm import lstm_backward, lstm_cell_backward, lstm_cell_forward, lstm_forward
from .notebook import setup_notebook
from .optim import Adam, adam_update, clip_by_global_norm, global_norm
from .plots import (
    plot_activations,
    plot_gate_heatmap,
    plot_gate_values,
    plot_gradient_flow,
    plot_gru_gate_values,
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
    "adam_update",
    "clip_by_global_norm",
    "global_norm",
    "describe_errors",
    "gradient_check",
    "gradient_verdict",
    "gru_backward",
    "gru_cell_backward",
    "gru_cell_forward",
    "gru_forward",
    "init_gru_parameters",
    "init_lstm_parameters",
    "init_rnn_parameters",
    "largest_singular_value",
    "lstm_backward",
    "lstm_cell_backward",
    "lstm_cell_forward",
    "lstm_forward",
    "masked_cross_entropy",
    "MissingParameterError",
    "numerical_gradient",
    "plot_activations",
    "plot_gate_heatmap",
    "plot_gate_values",
    "plot_gru_gate_values",
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
