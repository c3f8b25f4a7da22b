"""load_dataset: .npz and MNIST IDX files (plain, gzip, folders), and every DatasetError."""

import gzip
import struct

import numpy as np
import pytest

from convviz import shipped
from convviz.digits import DatasetError, default_dataset_path, load_dataset


def idx_bytes(array, type_code=0x08, ndim=None):
    array = np.asarray(array, np.uint8)
    ndim = array.ndim if ndim is None else ndim
    return bytes([0, 0, type_code, ndim]) + struct.pack(f">{array.ndim}I", *array.shape) + array.tobytes()


def small_set(n=7, seed=0):
    rng = np.random.default_rng(seed)
    return rng.integers(0, 256, (n, 28, 28), dtype=np.uint8), rng.integers(0, 10, n, dtype=np.uint8)


def write_pair(folder, prefix="t10k", images=None, labels=None, gz=False, sep="-"):
    images, labels = small_set() if images is None else (images, labels)
    suffix = ".gz" if gz else ""
    ipath = folder / f"{prefix}-images{sep}idx3-ubyte{suffix}"
    lpath = folder / f"{prefix}-labels{sep}idx1-ubyte{suffix}"
    write = (lambda p, b: p.write_bytes(gzip.compress(b))) if gz else (lambda p, b: p.write_bytes(b))
    write(ipath, idx_bytes(images))
    write(lpath, idx_bytes(labels))
    return ipath, lpath


def test_shipped_training_set():
    path = default_dataset_path()
    assert path == shipped.path("training_digits") and path.name == "mnist-train-5k.npz"
    images, labels = load_dataset(path)
    assert images.shape == (5000, 28, 28) and images.dtype == np.uint8
    assert labels.shape == (5000,) and labels.dtype == np.uint8
    assert np.bincount(labels, minlength=10).tolist() == [500] * 10


@pytest.mark.parametrize("gz", [False, True])
@pytest.mark.parametrize("sep", ["-", "."])  # train-images-idx3-ubyte and train-images.idx3-ubyte
def test_idx_round_trip(tmp_path, gz, sep):
    images, labels = small_set()
    ipath, lpath = write_pair(tmp_path, images=images, labels=labels, gz=gz, sep=sep)
    for path in (ipath, lpath, tmp_path, str(ipath)):  # either file of the pair, or the folder
        got_images, got_labels = load_dataset(path)
        np.testing.assert_array_equal(got_images, images)
        np.testing.assert_array_equal(got_labels, labels)
        assert got_images.dtype == np.uint8 and got_labels.dtype == np.uint8


def test_gzip_recognised_by_content_not_name(tmp_path):
    images, labels = small_set()
    (tmp_path / "train-images-idx3-ubyte").write_bytes(gzip.compress(idx_bytes(images)))
    (tmp_path / "train-labels-idx1-ubyte").write_bytes(idx_bytes(labels))
    np.testing.assert_array_equal(load_dataset(tmp_path)[0], images)


def test_npz_round_trip(tmp_path):
    images, labels = small_set()
    path = tmp_path / "set.npz"
    np.savez(path, images=images, labels=labels.astype(np.int64))
    got_images, got_labels = load_dataset(path)
    np.testing.assert_array_equal(got_images, images)
    assert got_labels.dtype == np.uint8 and got_labels.tolist() == labels.tolist()


def corrupt_images(tmp_path, data):
    """A pair whose images file holds `data`; returns the images path."""
    ipath, _ = write_pair(tmp_path)
    ipath.write_bytes(data)
    return ipath


def corrupt_labels(tmp_path, data):
    ipath, lpath = write_pair(tmp_path)
    lpath.write_bytes(data)
    return ipath


images7, labels7 = small_set()
IDX_ERRORS = [
    # (which file, its bytes, expected message)
    ("images", b"\x00\x00", r"t10k-images-idx3-ubyte: 2 bytes, too short for an IDX header"),
    ("images", b"\x12\x34\x08\x03" + idx_bytes(images7)[4:], r"bad magic number 12340803"),
    ("images", idx_bytes(images7, type_code=0x0D), r"data type 0x0d unsupported"),
    ("images", idx_bytes(images7.reshape(7, 784), ndim=2), r"has 2 dimensions; images files have 3"),
    ("images", idx_bytes(images7)[:10], r"header cut short \(10 of 16 bytes\)"),
    ("images", idx_bytes(images7)[:-5], r"holds 5483 bytes of data but its dimensions 7x28x28 need 5488"),
    ("images", idx_bytes(images7) + b"\x00", r"holds 5489 bytes of data"),
    ("images", idx_bytes(images7[:, :20, :20]), r"images are 20x20, not 28x28"),
    ("images", idx_bytes(images7[:5]), r"5 images but t10k-labels-idx1-ubyte holds 7 labels"),
    ("labels", idx_bytes(np.array([1, 2, 3, 4, 10, 5, 6])),
     r"t10k-labels-idx1-ubyte: label 10 at index 4 is outside 0\.\.9"),
    ("labels", idx_bytes(np.zeros((7, 1))), r"t10k-labels-idx1-ubyte: IDX file has 2 dimensions; labels files have 1"),
    ("images", b"\x1f\x8b" + b"not really gzip" * 3, r"t10k-images-idx3-ubyte: cannot be read"),
    ("images", gzip.compress(idx_bytes(images7))[:-30], r"t10k-images-idx3-ubyte: cannot be read"),
]


@pytest.mark.parametrize("which,data,message", IDX_ERRORS)
def test_idx_errors(tmp_path, which, data, message):
    path = corrupt_images(tmp_path, data) if which == "images" else corrupt_labels(tmp_path, data)
    with pytest.raises(DatasetError, match=message):
        load_dataset(path)


def test_path_errors(tmp_path):
    with pytest.raises(DatasetError, match=r"nope\.npz: no such file"):
        load_dataset(tmp_path / "nope.npz")
    with pytest.raises(DatasetError, match=r"holds no MNIST IDX images file"):
        load_dataset(tmp_path)
    (tmp_path / "digits.bin").write_bytes(b"x")
    with pytest.raises(DatasetError, match=r"digits\.bin: not an \.npz file nor a standard MNIST IDX name"):
        load_dataset(tmp_path / "digits.bin")
    ipath, lpath = write_pair(tmp_path)
    lpath.unlink()
    with pytest.raises(DatasetError, match=r"partner file t10k-labels-idx1-ubyte is not beside it"):
        load_dataset(ipath)
    write_pair(tmp_path)
    write_pair(tmp_path, prefix="train")
    with pytest.raises(DatasetError, match=r"several IDX images files .*t10k.*train"):
        load_dataset(tmp_path)


def npz_file(tmp_path, **arrays):
    path = tmp_path / "set.npz"
    np.savez(path, **arrays)
    return path


@pytest.mark.parametrize("arrays,message", [
    ({"images": images7}, r"no array named labels \(found: images\)"),
    ({"x": images7, "y": labels7}, r"no array named images or labels"),
    ({"images": images7[:, :27], "labels": labels7}, r"images have shape \(7, 27, 28\)"),
    ({"images": images7, "labels": labels7[:6]}, r"7 images but labels have shape \(6,\)"),
    ({"images": images7 / 255.0, "labels": labels7}, r"images are float64, expected unsigned 8-bit"),
    ({"images": images7.astype(np.int32) * 2, "labels": labels7}, r"pixel values outside 0\.\.255"),
    ({"images": images7, "labels": labels7.astype(np.int8) - 1}, r"label -1 at index \d+ is outside 0\.\.9"),
    ({"images": images7, "labels": labels7 + 10}, r"label 1\d at index 0 is outside 0\.\.9"),
])
def test_npz_errors(tmp_path, arrays, message):
    with pytest.raises(DatasetError, match=message):
        load_dataset(npz_file(tmp_path, **arrays))


def test_npz_not_a_zip(tmp_path):
    path = tmp_path / "set.npz"
    path.write_bytes(b"certainly not a zip file")
    with pytest.raises(DatasetError, match=r"set\.npz: not a readable \.npz file"):
        load_dataset(path)
    np.savez(path, images=np.array([object()], dtype=object), labels=labels7)  # pickles are refused
    with pytest.raises(DatasetError, match=r"set\.npz: not a readable \.npz file"):
        load_dataset(path)


def test_dataset_error_is_a_value_error():
    assert issubclass(DatasetError, ValueError)
