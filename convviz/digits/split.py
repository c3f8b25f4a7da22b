"""A labelled set split into training and held-out validation parts, class by class, reproducibly."""

import numpy as np


def split_dataset(images, labels, validation_fraction=0.1, seed=0, limit=None):
    """((train images, labels), (validation images, labels)), each shuffled.

    Every class gives the same share to validation (at least one image when it has two or
    more), so a set sorted by class (like the shipped one) still validates on all ten digits.
    `limit` keeps at most that many images in all (a quick run), drawn evenly from the classes.
    """
    images, labels = np.asarray(images), np.asarray(labels)
    if len(images) != len(labels):
        raise ValueError(f"split: {len(images)} images but {len(labels)} labels")
    if not 0 <= validation_fraction < 1:
        raise ValueError(f"split: validation fraction {validation_fraction} is not in [0, 1)")
    rng = np.random.default_rng(seed)
    order = rng.permutation(len(labels))
    if limit is not None and limit < len(labels):
        # Round-robin over the classes in shuffled order: an even draw of `limit` images.
        rank = np.empty(len(labels), np.int64)
        for k in np.unique(labels):
            members = order[labels[order] == k]
            rank[members] = np.arange(len(members))
        order = order[np.argsort(rank[order], kind="stable")][:int(limit)]
    train, val = [], []
    for k in np.unique(labels[order]):
        members = order[labels[order] == k]
        n_val = int(round(len(members) * validation_fraction))
        if validation_fraction > 0 and len(members) >= 2:
            n_val = max(n_val, 1)
        val.append(members[:n_val])
        train.append(members[n_val:])
    train = rng.permutation(np.concatenate(train)) if train else np.zeros(0, np.int64)
    val = rng.permutation(np.concatenate(val)) if val else np.zeros(0, np.int64)
    return (images[train], labels[train]), (images[val], labels[val])
