"""The network editor: every field of the engine's config with live shapes (Eq. 2.1 in numbers),
presets and Apply through the Session; and "This step's choice", what the current step's loss,
activation or pooling choice does. Qt-free logic in shapes, presets and choices."""
