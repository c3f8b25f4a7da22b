"""The iteration panel: step controls, pipeline, step list, inspector and big view of one training iteration."""
