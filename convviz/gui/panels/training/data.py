"""The panel's data choices, without Qt: the shipped digits, a chosen data set, my digits, or
mine mixed with the shipped ones, split into training and held-out validation parts."""

import numpy as np

from convviz.digits import default_dataset_path, load_dataset
from convviz.digits.split import split_dataset

SOURCES = ("shipped", "file", "mine", "mine+shipped")
VALIDATION_FRACTION = 0.1


def training_data(source, path=None, my_digits=None, limit=None, seed=0, validation_fraction=VALIDATION_FRACTION):
    """((train images, labels), (validation images, labels)), uint8 digits 0..255.

    "mine+shipped": every one of my digits, plus the shipped ones; the validation part takes
    the same share of both, so it measures my handwriting too. Raises DatasetError (a file) or
    ValueError (nothing to train on) with a sentence for the learner.
    """
    if source not in SOURCES:
        raise ValueError(f"data: unknown source {source!r}")
    parts = []
    if source in ("shipped", "mine+shipped"):
        parts.append(load_dataset(default_dataset_path()))
    if source == "file":
        if not path:
            raise ValueError("choose a data set file (.npz or MNIST IDX) first")
        parts.append(load_dataset(path))
    if source in ("mine", "mine+shipped"):
        if my_digits is None or len(my_digits.labels) < 2:
            raise ValueError("my digits: add at least two drawings (\"Add to my digits\") before training on them")
        parts.append((my_digits.images, my_digits.labels))
    splits = [split_dataset(im, lb, validation_fraction, seed, limit if i == 0 else None)
              for i, (im, lb) in enumerate(parts)]
    (tx, ty), (vx, vy) = splits[0]
    for (ax, ay), (bx, by) in splits[1:]:
        tx, ty = np.concatenate([tx, ax]), np.concatenate([ty, ay])
        vx, vy = np.concatenate([vx, bx]), np.concatenate([vy, by])
    if len(ty) == 0:
        raise ValueError("the data set has no images to train on")
    return (tx, ty), (vx, vy)
