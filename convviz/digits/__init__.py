"""Digits: datasets, picture loading, MNIST-style preprocessing, augmentation, shipped samples and model."""

from .augment import augment
from .datasets import DatasetError, default_dataset_path, load_dataset
from .images import ImageLoadError, load_image
from .preprocess import is_blank, preprocess
from .resize import area_average
from .samples import load_pretrained, load_samples

__all__ = ["DatasetError", "ImageLoadError", "area_average", "augment", "default_dataset_path", "is_blank",
           "load_dataset", "load_image", "load_pretrained", "load_samples", "preprocess"]
