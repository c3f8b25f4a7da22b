"""The command line: `convviz` opens the app; subcommands train, evaluate, predict, trace."""

import sys


def main(argv=None):
    from convviz.engine import Network, DEFAULT_CONFIG
    net = Network(DEFAULT_CONFIG, seed=0)
    for name, shape in net.shapes():
        print(f"{name:12s} {shape}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
