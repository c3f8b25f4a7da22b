"""One package per panel of the window: draw, iteration; and room for editor, training and gradcheck."""
