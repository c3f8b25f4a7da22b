"""Reserved for the network editor (a coming feature; see docs/GUI.md): it will edit a config and
hand the new Network to the Session with `Session.set_network`."""
