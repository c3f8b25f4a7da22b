"""The convviz engine: the paper's CNN in pure NumPy, forward, backward and recorded op by op."""

from .config import DEFAULT_CONFIG, ConfigError, conv_output_size, normalize_config
from .network import DivergenceError, ModelFileError, Network
from .trace import PHASES, OpKind, Stage, StageId, StageKind, Step, Trace

__all__ = ["DEFAULT_CONFIG", "ConfigError", "DivergenceError", "ModelFileError", "Network", "OpKind", "PHASES",
           "Stage", "StageId", "StageKind", "Step", "Trace", "conv_output_size", "normalize_config"]
