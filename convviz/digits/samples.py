"""Shipped resources: sample digits for the GUI and the pretrained model."""

import numpy as np

from convviz import RESOURCES
from convviz.files import atomic_write

from .datasets import default_dataset_path, load_dataset

PER_CLASS = 10


def samples_path():
    return RESOURCES / "samples" / "samples.npz"


def pretrained_path():
    return RESOURCES / "models" / "digits.npz"


def pick_samples(images, labels, per_class=PER_CLASS):
    """The first `per_class` digits of each class, class by class: deterministic, no randomness."""
    order = np.concatenate([np.flatnonzero(labels == k)[:per_class] for k in range(10)])
    return images[order], labels[order]


def make_samples(path=None):
    """Write the samples file from the shipped 5k training set (how resources/samples was made)."""
    images, labels = pick_samples(*load_dataset(default_dataset_path()))
    with atomic_write(path or samples_path()) as f:
        np.savez_compressed(f, images=images, labels=labels)


def load_samples():
    """(images uint8 (100, 28, 28), labels uint8 (100,)): 10 real MNIST digits per class, sorted by class."""
    return load_dataset(samples_path())


def load_pretrained():
    """The shipped trained Network (resources/models/digits.npz)."""
    from convviz.engine import Network  # the engine is only needed here

    path = pretrained_path()
    if not path.is_file():
        raise FileNotFoundError(f"{path}: no pretrained model shipped yet; train one and save it there")
    return Network.load(path)
