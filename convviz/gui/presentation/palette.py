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
