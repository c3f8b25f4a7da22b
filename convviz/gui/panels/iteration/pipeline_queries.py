"""Questions the network panel asks the pipeline about what it shows: a stage's values, levels and
grid at a step (so the big view draws the same), and a picture of one stage (File ▸ Export stage)."""

import numpy as np


def link(detail, pipe, stepper):
    """The big view draws a stage as the pipeline does: at its grey levels (the same greys), its
    values under a gradient, and in its grid (one grid per stage; the big view's shape counts)."""
    detail.levels_for = lambda stage: getattr(pipe.views.get(stage), "levels", None)
    detail.values_for = lambda stage, shape: value_shown(pipe, stage, stepper.index, shape)
    detail.rows_for = lambda stage: rows_for(pipe, stage)
    detail.on_aspect, pipe.partner = pipe.set_partner_aspect, detail.main_aspect


def value_shown(pipe, stage, index, shape):
    """(values, grey levels) of a stage at step `index` when they have this shape, else None."""
    col = next((c for c in pipe.columns if c.stage == stage), None)
    val = None if col is None or col.tiling is None else col.latest(col.values, index)
    if val is None or np.shape(val[1]) != tuple(shape):
        return None
    return val[1], pipe.levels.value(col, val[1])


def rows_for(pipe, stage):
    """Rows of the grid the pipeline draws a stage's maps or kernels in, or None (not a map stage)."""
    v = pipe.views.get(stage)
    return getattr(v.col.tiling, "rows", None) if v is not None else None


def grab_stage(pipe, step):
    """A picture of the stage `step` writes (title, image, scale), or of every stage without one."""
    v = None if step is None else pipe.views.get(step.target)
    if v is None:
        return pipe.graphics.grab()
    rect = v.label.sceneBoundingRect().united(v.vb.sceneBoundingRect()).united(v.gradlabel.sceneBoundingRect())
    return pipe.graphics.grab(pipe.graphics.mapFromScene(rect.adjusted(-4, -4, 4, 4)).boundingRect())
