"""The one palette of the GUI (no Qt): every colour a view draws, by its role."""

BACKGROUND = "#fbfbfb"
FRAME = "#c8c8c8"
TEXT = "#222222"
DIM_TEXT = "#b0b0b0"
HIGHLIGHT = "#e07000"        # the stage the current step writes
SOURCE = "#3a7bd5"           # the stage(s) it reads
SELECT = "#00b050"           # the clicked element and what it depends on
PHASE_COLORS = {"forward": "#3a7bd5", "loss": "#8e44ad", "backward": "#c0392b", "update": "#1e8449"}
GRADIENT_OPACITY = {"values": 0.0, "gradients": 1.0, "both": 1.0}
UNREACHED_FRAME = "#e6e6e6"  # a stage the iteration has not reached yet
DEFAULT_PHASE = "#333333"    # a phase without a colour of its own

# signs: numbers in the inspector's tables, bars of gradients
NUMBER_POSITIVE, NUMBER_NEGATIVE = "#b03020", "#2050b0"
BAR_POSITIVE, BAR_NEGATIVE = "#c0392b", "#2e64b5"
# the update's bars and the rerun's ŷ: before grey, after green
BEFORE_BAR, AFTER_BAR = "#888888", "#1e8449"
BEFORE_PROBS, BEFORE_WORD = "#9a9a9a", "#808080"
# plots of the detail view
PLOT_ZERO, PLOT_AXIS, PLOT_TEXT = "#888888", "#666666", "#333333"
# text in the panels
BODY_TEXT, ABOUT_TEXT, HINT_TEXT, TABLE_HEAD = "#222222", "#444444", "#888888", "#555555"
SELECTED_TEXT = "#00803a"
READOUT_TEXT = "#555555"
MUTED_TEXT, MUTED_BORDER = "#999999", "#dddddd"
CANVAS_HINT = "#5a606e"      # the hint drawn on an empty canvas or preview
# prediction bars
TOP_BAR, BAR, TARGET_BAR = "#f59e0b", "#648cc8", "#22c55e"
TRACK = (128, 128, 128, 40)  # RGBA: the empty part of a bar
# the gradient check: a mistake's banner and marked steps, the verdicts
MISTAKE_BACKGROUND, MISTAKE_BORDER = "#fff1e6", "#e07b39"
PASS_TEXT, FAIL_TEXT, KINK_TEXT = "#00803a", "#b00020", "#8a6d00"

# The warning bar after an update that went wrong.
WARNING_BACKGROUND, WARNING_BORDER, WARNING_TEXT = "#fff3cd", "#d4a017", "#5c4400"
WINDOW_GRID = "#90f0a030"         # the pooling windows drawn over the maps
WINNER = "#f1c40f"                # max pooling: each window's winner, outlined (where its δ goes)
# the network editor and this step's choice
NOTE_TEXT = "#a05a00"             # a warning that does not block (a poor pairing, a skipped border)
ERROR_TEXT = "#c0392b"            # a refusal under its field; an error line in a panel
CHOSEN_ROW = "#e8f4ea"            # the chosen loss or pooling kind in a table
CURVE_SIGMA, CURVE_DERIVATIVE, CURVE_MARK = "#2e64b5", "#c0392b", "#f1c40f"
CELL_TEXT_LIGHT = "#ffffff"       # a number printed on a dark cell (TEXT on a light one)
BAR_LABEL_FILL = (255, 255, 255, 200)   # RGBA: the box under a bar's printed number
# the gradient check's histogram: one colour per array, the tolerance line
SERIES = ("#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
          "#bcbd22", "#17becf")
TOLERANCE_LINE, ZERO_BIN_TEXT = "#d62728", "#aaaaaa"
