"""The shipped model: loads, is small, and reads the shipped sample digits."""

import numpy as np

from convviz import shipped
from convviz.digits import load_pretrained, load_samples, preprocess


def test_shipped_model_is_small_and_keeps_the_papers_shape():
    assert len(shipped.read_bytes("model")) < 2_000_000
    net = load_pretrained()
    assert 1 <= len(net.config["conv"]) <= 2 and net.config["dense"]
    assert net.dtype == np.float64


def test_shipped_model_reads_the_samples():
    net = load_pretrained()
    images, labels = load_samples()
    predicted = net.forward(images / 255.0).argmax(axis=1)
    assert (predicted == labels).mean() >= 0.97


def test_shipped_model_reads_preprocessed_samples():
    """What the app and the CLI feed it: the sample after the same preprocessing as a drawing."""
    net = load_pretrained()
    images, labels = load_samples()
    prepared = np.stack([preprocess(im) for im in images])
    predicted = net.forward(prepared).argmax(axis=1)
    assert (predicted == labels).mean() >= 0.95
