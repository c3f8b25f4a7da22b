"""Reserved for the gradient-check view (a coming feature; see docs/GUI.md): it will show
`convviz.engine.gradcheck` results for the Session's network and input."""
