"""convviz: see how a convolutional network computes and learns, one operation at a time."""

from pathlib import Path

__version__ = "0.1.0"

#: The project's resources/ folder (pretrained model, sample digits); found beside the package.
RESOURCES = Path(__file__).resolve().parent.parent / "resources"
