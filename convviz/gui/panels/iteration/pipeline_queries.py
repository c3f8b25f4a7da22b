"""Questions the network panel asks the pipeline about what it shows: a stage's values and grid
at a step (so the big view draws the same), and a picture of one stage (File ▸ Export stage)."""

import numpy as np


def value_shown(pipe, stage, index, shape):
    """(values, grey levels) of a stage at step `index` when they have this shape, else None."""
    col = next((c for c in pipe.columns if c.stage == stage), None)
    val = None if col is None or col.tiling is None else col.latest(col.values, index)
    if val is None or np.shape(val[1]) != tuple(shape):
        return None
    return val[1], pipe.levels.value(col, val[1])


def grab_stage(pipe, step):
    """A picture of the stage `step` writes (title, image, scale), or of every stage without one."""
    v = None if step is None else pipe.views.get(step.target)
    if v is None:
        return pipe.graphics.grab()
    rect = v.label.sceneBoundingRect().united(v.vb.sceneBoundingRect()).united(v.gradlabel.sceneBoundingRect())
    return pipe.graphics.grab(pipe.graphics.mapFromScene(rect.adjusted(-4, -4, 4, 4)).boundingRect())
