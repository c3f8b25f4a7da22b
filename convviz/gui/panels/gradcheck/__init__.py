"""The gradient check in the app: Train ▸ Check gradients…, "Check this element" in the inspector, and
the mistakes mode (a classic backprop mistake drawn in the iteration's backward run)."""
