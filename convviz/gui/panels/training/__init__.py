"""Reserved for live training (a coming feature; see docs/GUI.md): a worker trains on a copy of the
network and hands parameters back on the GUI thread with `Session.set_params`."""
