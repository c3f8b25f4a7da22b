"""`python -m convviz` runs the same entry point as the `convviz` command."""

from convviz.cli import main

raise SystemExit(main())
