"""The course's one table of how each model is drawn (helpers.plots re-exports it).

Each model of helpers.cells has a colour, a marker and a line style, so that the same
model looks the same in every notebook and no two models differ by colour alone: a
reader who cannot tell the colours apart still tells the lines apart.
"""

import numpy as np

# Okabe-Ito colours (2008), the orange and the sky blue darkened so that every line and
# marker keeps a contrast of at least 3:1 against the white background.
BLUE, VERMILLION, GREEN = "#0072B2", "#D55E00", "#009E73"
ORANGE, SKY, PURPLE, BLACK = "#B26B00", "#2B8CBE", "#A8578B", "#000000"

STYLES = {  # name -> matplotlib line options; names are those of helpers.cells
    # The three cells differ in line style too, so that lines drawn without markers
    # (many thin seed lines) still differ by more than colour.
    "rnn": {"color": BLUE, "marker": "o", "linestyle": "-"},
    "lstm": {"color": VERMILLION, "marker": "s", "linestyle": "--"},
    "gru": {"color": GREEN, "marker": "^", "linestyle": "-."},
    # 13's variants: any two with the same line style have different markers.
    "irnn": {"color": SKY, "marker": "v", "linestyle": ":"},
    "rnn_orthogonal": {"color": BLUE, "marker": "D", "linestyle": ":"},
    "lstm_no_forget": {"color": ORANGE, "marker": "P", "linestyle": "-"},
    "lstm_no_input": {"color": PURPLE, "marker": "X", "linestyle": "-"},
    "lstm_no_output": {"color": BLACK, "marker": "*", "linestyle": "-"},
    "lstm_coupled": {"color": ORANGE, "marker": "h", "linestyle": "-."},
    "lstm_forget_bias_0": {"color": VERMILLION, "marker": "s", "linestyle": ":"},
    "lstm_chrono": {"color": VERMILLION, "marker": "d", "linestyle": "-."},
}
# A reference drawn for comparison (chance, a bound, a baseline): grey, dashed, no marker.
REFERENCE = {"color": "0.35", "linestyle": "--", "linewidth": 1.2}
SWEEP_LINESTYLES = ("-", "--", "-.", ":", (0, (5, 1, 1, 1, 1, 1)))
SWEEP_MARKERS = ("o", "s", "^", "D", "v", "P")


def style(name, **overrides):
    """The course's line options for a model (a name of STYLES), e.g.
    ax.plot(x, y, **plots.style("lstm"), label="LSTM"). Markers are spaced along a
    dense line (markevery) so that they mark it without hiding it."""
    if name not in STYLES:
        raise KeyError(f"plots.style: no style for {name!r}; the course draws {sorted(STYLES)}")
    return {**STYLES[name], "markevery": 0.1, **overrides}


def sweep_styles(name, values):
    """{value: line options} for one model under several settings (04's sigma_max, 11's
    update bias): the model's colour, darker for later values, and a marker and a line
    style of its own for each value, so that the settings differ by more than colour."""
    base = np.array([int(style(name)["color"][k : k + 2], 16) for k in (1, 3, 5)], float)
    styles = {}
    for k, value in enumerate(values):
        shade = base * (1.0 - 0.55 * k / max(1, len(values) - 1))
        styles[value] = {
            "color": "#" + "".join(f"{int(round(c)):02X}" for c in shade),
            "marker": SWEEP_MARKERS[k % len(SWEEP_MARKERS)],
            "linestyle": SWEEP_LINESTYLES[k % len(SWEEP_LINESTYLES)],
            "markevery": 0.1,
        }
    return styles
