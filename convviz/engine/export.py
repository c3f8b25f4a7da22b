"""A whole training iteration as files for slides and notebooks: every step's arrays in one
.npz (keys "step05/output"), and a JSON index naming each step's number (from 1, as the app
shows it), phase, op, layer, stage, equation and arrays. Written atomically, never non-finite."""

import json
import os
import tempfile
from pathlib import Path

import numpy as np


def step_key(step):
    """The key prefix of a step's arrays: "step05" for the fifth step (numbered from 1, as shown)."""
    return f"step{step.index + 1:02d}"


def step_record(step):
    """What the index says about a step (plain JSON types)."""
    return {"step": step.index + 1, "phase": step.phase, "op": str(step.op), "layer": step.layer,
            "stage": step.stage.name, "equation": step.equation,
            "arrays": {name: list(np.shape(a)) for name, a in step.arrays.items()}}


def iteration_files(trace):
    """(arrays for the .npz, the JSON index as a dict); ValueError if any array is not finite."""
    arrays = {}
    for step in trace:
        for name, a in step.arrays.items():
            a = np.asarray(a)
            if a.dtype.kind in "fc" and not np.isfinite(a).all():
                raise ValueError(f"step {step.index + 1} ({step.op}) has non-finite values in {name!r}: "
                                 "the network diverged; reset the weights or use a smaller α first")
            arrays[f"{step_key(step)}/{name}"] = a
    index = {"label": int(np.asarray(trace.label).reshape(-1)[0]) if np.size(trace.label) == 1 else None,
             "lr": float(trace.lr), "loss": float(trace.loss), "loss_after": float(trace.loss_after),
             "steps": [dict(step_record(s), key=step_key(s)) for s in trace]}
    return arrays, index


def _atomic(path, write):
    """write(file) into a temp file beside `path`, then os.replace it into place."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            write(f)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_iteration(trace, path):
    """Write `path` (.npz, every step's arrays) and the same name with .json (the index);
    returns the two paths. ValueError for non-finite values, OSError for the file system."""
    path = Path(path)
    if path.suffix != ".npz":
        path = path.with_name(path.name + ".npz")
    arrays, index = iteration_files(trace)
    index["arrays_file"] = path.name
    json_path = path.with_suffix(".json")
    _atomic(path, lambda f: np.savez(f, **arrays))
    _atomic(json_path, lambda f: f.write(json.dumps(index, indent=1, ensure_ascii=False).encode("utf-8")))
    return path, json_path
