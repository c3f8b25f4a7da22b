""""My digits": the learner's own labelled drawings, kept in one .npz data set the app can train on.

The file is an ordinary digit data set (`images` uint8 (N, 28, 28), `labels` uint8 (N,)), so
`load_dataset` and the CLI read it too. Every change is written atomically (a temporary file
in the same folder, then `os.replace`), so a crash never leaves half a file. A file that
cannot be read is never overwritten: it is moved aside before the first new digit is stored.
"""

import os
import tempfile
import time
from pathlib import Path

import numpy as np

from .datasets import DatasetError, load_dataset

FILE_NAME = "my-digits.npz"


class MyDigitsError(ValueError):
    """The my-digits file cannot be read or written; the message says which file and why."""


def to_uint8(x28):
    """A 28 × 28 input in [0, 1] as MNIST stores it: 0..255, rounded."""
    x = np.asarray(x28, dtype=np.float64)
    if x.shape != (28, 28) or not np.isfinite(x).all():
        raise MyDigitsError(f"a digit must be a finite 28 × 28 image, got shape {x.shape}")
    return np.clip(np.rint(x * 255.0), 0, 255).astype(np.uint8)


class MyDigits:
    """The digits in `path` (created on the first `add`); `problem` says why a file could not be read."""

    def __init__(self, path):
        self.path = Path(path)
        self.images = np.zeros((0, 28, 28), np.uint8)
        self.labels = np.zeros(0, np.uint8)
        self.problem = None
        self.moved_to = None

    def __len__(self):
        return len(self.labels)

    def load(self):
        """Read the file (none yet: an empty set). A bad file raises MyDigitsError and is left alone."""
        self.problem = None
        if not self.path.exists():
            return self
        if not self.path.is_file():
            self.problem = f"{self.path}: is not a regular file"
            raise MyDigitsError(self.problem)
        try:
            images, labels = load_dataset(self.path)
        except DatasetError as e:
            self.problem = f"{e}. The file was left as it is; a new digit starts a new set beside it."
            raise MyDigitsError(self.problem) from None
        self.images, self.labels = images, labels
        return self

    def add(self, x28, label):
        """Store one drawing (28 × 28 in [0, 1]) with its label 0-9; returns its index."""
        label = int(label)
        if not 0 <= label <= 9:
            raise MyDigitsError(f"label {label} is not a digit 0-9")
        image = to_uint8(x28)
        self._move_bad_file_aside()
        images = np.concatenate([self.images, image[None]])
        labels = np.concatenate([self.labels, np.array([label], np.uint8)])
        self._write(images, labels)
        self.images, self.labels = images, labels
        return len(labels) - 1

    def delete(self, indices):
        """Remove the digits at `indices` (and write the file)."""
        keep = np.ones(len(self.labels), bool)
        keep[np.asarray(list(indices), dtype=np.int64)] = False
        self._write(self.images[keep], self.labels[keep])
        self.images, self.labels = self.images[keep], self.labels[keep]

    def counts(self):
        """How many digits of each class 0-9."""
        return np.bincount(self.labels, minlength=10)

    # ---- files ------------------------------------------------------------------------
    def _move_bad_file_aside(self):
        if self.problem is None or not self.path.exists():
            return
        stamp = time.strftime("%Y%m%d-%H%M%S")
        target = self.path.with_name(f"{self.path.stem}.unreadable-{stamp}{self.path.suffix}")
        try:
            os.replace(self.path, target)
        except OSError as e:
            raise MyDigitsError(f"{self.path}: cannot move the unreadable file aside ({e.strerror})") from None
        self.moved_to, self.problem = target, None

    def _write(self, images, labels):
        """Atomically: a temporary file in the same folder, then os.replace."""
        folder = self.path.parent
        try:
            folder.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(prefix=".my-digits-", suffix=".tmp", dir=folder)
        except OSError as e:
            raise MyDigitsError(f"{folder}: cannot write there ({e.strerror})") from None
        try:
            with os.fdopen(fd, "wb") as f:
                np.savez_compressed(f, images=images, labels=labels)
                f.flush()
                os.fsync(f.fileno())
            os.replace(tmp, self.path)
        except OSError as e:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise MyDigitsError(f"{self.path}: cannot be written ({e.strerror})") from None
