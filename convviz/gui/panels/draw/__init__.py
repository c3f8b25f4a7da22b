"""The draw panel (the window's left column): canvas, 28 x 28 input, prediction bars, training controls."""
