"""Sketches, no data: recurrent networks unrolled over time (02, 06), boxes and arrows,
and how a sequence lies in memory in two layouts (10)."""

import matplotlib.pyplot as plt
import numpy as np
from matplotlib.patches import FancyBboxPatch

C_COLOR, A_COLOR = "#D55E00", "#0072B2"  # memory c, hidden state a
MIX_COLOR = "#CC79A7"  # gradient passed between the two lines inside a step


def draw_unrolled_rnn(T_x=4, ax=None):
    """Sketch of an RNN unrolled over T_x steps (02_rnn_sequence): x<t> below, y_hat<t>
    above, the hidden state a<t> carried across from box to box.

    Parameters
    ----------
    T_x : int, the number of steps (boxes) drawn
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Figure
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8.4, 3.3))
    box = {"boxstyle": "round,pad=0.45", "facecolor": "#DCEBF7", "edgecolor": "#0072B2"}
    arrow = {"arrowstyle": "-|>", "color": "0.25", "lw": 1.4, "shrinkA": 0, "shrinkB": 0}
    for t in range(T_x):
        cx = 2.2 * t + 1.6
        ax.text(cx, 0, "RNN cell", ha="center", va="center", fontsize=10, bbox=box)
        ax.text(cx, -1.35, rf"$x^{{\langle {t} \rangle}}$", ha="center", va="center", fontsize=12)
        ax.text(
            cx, 1.35, rf"$\hat y^{{\langle {t} \rangle}}$", ha="center", va="center", fontsize=12
        )
        ax.annotate("", xy=(cx, -0.42), xytext=(cx, -1.1), arrowprops=arrow)
        ax.annotate("", xy=(cx, 1.1), xytext=(cx, 0.42), arrowprops=arrow)
        start = 0.05 if t == 0 else cx - 2.2 + 0.68
        ax.annotate("", xy=(cx - 0.68, 0), xytext=(start, 0), arrowprops=arrow)
        label = "a0" if t == 0 else rf"$a^{{\langle {t - 1} \rangle}}$"
        ax.text((start + cx - 0.68) / 2, 0.22, label, ha="center", va="bottom", fontsize=11)
    last = 2.2 * (T_x - 1) + 1.6
    ax.annotate("", xy=(last + 1.5, 0), xytext=(last + 0.68, 0), arrowprops=arrow)
    ax.text(
        last + 1.1,
        0.22,
        rf"$a^{{\langle {T_x - 1} \rangle}}$",
        ha="center",
        va="bottom",
        fontsize=11,
    )
    ax.text(
        1.6 + 1.1 * (T_x - 1),
        -2.1,
        r"one parameter dict for every box:  $W_{ax},\ W_{aa},\ b_a,\ W_{ya},\ b_y$",
        ha="center",
        va="center",
        fontsize=10,
        color="#0072B2",
    )
    ax.set_xlim(-0.1, last + 1.7)
    ax.set_ylim(-2.45, 1.75)
    ax.axis("off")
    ax.set_title(f"An RNN unrolled over $T_x = {T_x}$ steps")
    return ax.figure


def draw_unrolled_lstm(T_x=3, backward=False, ax=None):
    """Sketch of an LSTM unrolled over T_x steps (06_lstm_sequence_backprop): the memory c
    on top, the hidden state a below.

    With backward=True the arrows show the gradients of the backward pass instead, and a
    two-way arrow in each box the gradient that passes between the two lines in a step.

    Parameters
    ----------
    T_x : int, the number of steps (boxes) drawn
    backward : bool, draw the gradients of the backward pass instead of the forward pass
    ax : matplotlib Axes, optional

    Returns
    -------
    matplotlib Figure
    """
    if ax is None:
        _, ax = plt.subplots(figsize=(8.8, 3.6))
    step, half, y_c, y_a = 3.0, 0.8, 0.35, -0.35  # box spacing, half width, the two lines
    mono = {"fontsize": 9, "family": "monospace"}

    def arrow(start, end, color="0.25", style="-|>"):
        props = {"arrowstyle": style, "color": color, "lw": 1.6, "shrinkA": 0, "shrinkB": 0}
        ax.annotate("", xy=end, xytext=start, arrowprops=props)

    def label(x, y, text, color="0.1", **kw):
        ax.text(x, y, text, ha="center", va="center", color=color, **kw)

    for t in range(T_x):
        cx = step * t + 1.8
        style = {"boxstyle": "round,pad=0.05", "facecolor": "#F3F3F3", "edgecolor": "0.55"}
        ax.add_patch(FancyBboxPatch((cx - half, -0.7), 2 * half, 1.4, **style))
        if backward:
            label(cx, y_c + 0.05, r"$\times f$", C_COLOR, fontsize=11)
            label(cx, y_a - 0.05, r"$W^\top$ of the gates", A_COLOR, fontsize=9)
            arrow((cx, y_a + 0.12), (cx, y_c - 0.14), MIX_COLOR, "<|-|>")  # c <-> a in the step
            arrow((cx, 1.45), (cx, 0.72))
            label(cx, 1.7, f"da[:, :, {t}]", **mono)
            arrow((cx, -0.72), (cx, -1.45))
            label(cx, -1.7, f"dx[:, :, {t}]", **mono)
        else:
            label(cx, y_c, r"$\times f \;+\; i\,\tilde c$", C_COLOR, fontsize=10)
            label(cx, y_a, r"$o \cdot \tanh(c)$", A_COLOR, fontsize=10)
            arrow((cx, -1.45), (cx, -0.72))
            label(cx, -1.7, rf"$x^{{\langle {t} \rangle}}$", fontsize=12)
            arrow((cx, 0.72), (cx, 1.45))
            label(cx, 1.7, rf"$\hat y^{{\langle {t} \rangle}}$", fontsize=12)
    for t in range(T_x + 1):  # the links between the boxes, and in and out at both ends
        left = 0.0 if t == 0 else step * (t - 1) + 1.8 + half
        right = step * t + 1.8 - half if t < T_x else step * (T_x - 1) + 1.8 + half + 1.4
        middle = (left + right) / 2
        for y, color, name in ((y_c, C_COLOR, "c"), (y_a, A_COLOR, "a")):
            if backward:
                arrow((right, y), (left, y), color)
                if t == T_x:
                    label(middle, y + 0.2, "0", color, **mono)
                elif t == 0:
                    label(middle, y + 0.2, "da0" if name == "a" else "dc0", color, **mono)
                else:
                    label(middle, y + 0.2, f"d{name}_prevt", color, **mono)
            else:
                arrow((left, y), (right, y), color)
                if t == 0:
                    label(middle, y + 0.2, "c0 = 0" if name == "c" else "a0", color, **mono)
                else:
                    state = rf"${name}^{{\langle {t - 1} \rangle}}$"
                    label(middle, y + 0.2, state, color, fontsize=11)
    ax.set_xlim(-0.1, step * (T_x - 1) + 1.8 + half + 1.5)
    ax.set_ylim(-2.0, 2.0)
    ax.axis("off")
    if backward:
        ax.set_title(
            "backward: dc flows back along the memory, da along the hidden state,\n"
            "and inside every step each line passes gradient to the other"
        )
    else:
        ax.set_title("forward: the memory c and the hidden state a flow from step to step")
    return ax.figure


def draw_memory_layouts(n=3, m=2, T=4, step=1):
    """Where the entries of one time step lie in memory (10_fast_lstm): an array of n
    features, m examples and T steps, address by address, in the course's layout
    (n, m, T_x) and time-major (T_x, m, n); the entries of `step` are outlined.

    Returns
    -------
    matplotlib Figure with two axes, one strip of n m T cells each
    """
    fig, axes = plt.subplots(2, 1, figsize=(8.0, 2.6))
    colors = plt.rcParams["axes.prop_cycle"].by_key()["color"]
    layouts = (
        ("$(n, m, T_x)$: the course's layout", (n, m, T), lambda index: index[2]),
        ("$(T_x, m, n)$: time-major, as frameworks store it", (T, m, n), lambda index: index[0]),
    )
    for ax, (title, shape, time_of) in zip(axes, layouts):
        for address, index in enumerate(np.ndindex(shape)):  # C order: memory order
            t = time_of(index)
            chosen = t == step
            ax.add_patch(plt.Rectangle(
                (address, 0), 0.92, 1, facecolor=colors[t % len(colors)],
                alpha=1.0 if chosen else 0.25, edgecolor="black" if chosen else "none",
                linewidth=1.5,
            ))  # fmt: skip
            ax.text(address + 0.46, 0.5, str(t), ha="center", va="center", fontsize=8)
        ax.set_xlim(-0.2, n * m * T + 0.2)
        ax.set_ylim(-0.1, 1.1)
        ax.set_title(title, fontsize=10, loc="left")
        ax.axis("off")
    fig.suptitle(
        f"memory, address by address (the digit is the time step); step {step} outlined",
        fontsize=10,
    )
    return fig
