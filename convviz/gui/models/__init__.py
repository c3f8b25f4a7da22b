"""The GUI's models: QObjects that hold state and announce changes; views subscribe to them."""
