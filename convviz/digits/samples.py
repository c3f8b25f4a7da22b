"""Shipped digits and model: sample digits for the GUI, the pretrained model and its config."""

import json

import numpy as np

from convviz import shipped

from .datasets import default_dataset_path, load_dataset

PER_CLASS = 10


def pick_samples(images, labels, per_class=PER_CLASS):
    """The first `per_class` digits of each class, class by class: deterministic, no randomness."""
    order = np.concatenate([np.flatnonzero(labels == k)[:per_class] for k in range(10)])
    return images[order], labels[order]


def make_samples(path):
    """Write the samples file from the shipped 5k training set (how resources/samples/samples.npz was made)."""
    images, labels = pick_samples(*load_dataset(default_dataset_path()))
    np.savez_compressed(path, images=images, labels=labels)


def load_samples():
    """(images uint8 (100, 28, 28), labels uint8 (100,)): 10 real MNIST digits per class, sorted by class."""
    return load_dataset(shipped.path("samples"))


def load_pretrained():
    """The shipped trained Network; shipped.MissingResourceError if this installation lacks it."""
    from convviz.engine import Network  # the engine is only needed here

    return Network.load(shipped.path("model"))


def load_model_config():
    """The shipped model's configuration (a dict, as `Network(config)` and `train --config` take it)."""
    return json.loads(shipped.read_text("model_config"))
