"""convviz: see how a convolutional network computes and learns, one operation at a time."""

#: The version of a tree that is run without being installed (PYTHONPATH=clone): PEP 440's
#: "local" form, so nothing mistakes it for a release.
UNKNOWN_VERSION = "0+unknown"


def _installed_version():
    """The version pip installed (pyproject.toml's, read from the package metadata)."""
    from importlib.metadata import PackageNotFoundError, distribution
    from pathlib import Path
    try:
        dist = distribution("convviz")
    except PackageNotFoundError:
        return UNKNOWN_VERSION
    # Metadata of another copy (an older install in the same environment while this tree runs
    # from PYTHONPATH) must not lend this tree its version. An editable install lists no
    # convviz/__init__.py in its files, and is this tree.
    init = next((f for f in dist.files or () if f.as_posix() == "convviz/__init__.py"), None)
    if init is not None and Path(dist.locate_file(init)).resolve() != Path(__file__).resolve():
        return UNKNOWN_VERSION
    return dist.version


def __getattr__(name):
    # Read on first use: `import convviz.engine` stays free of the metadata scan.
    if name == "__version__":
        globals()["__version__"] = version = _installed_version()
        return version
    raise AttributeError(f"module 'convviz' has no attribute {name!r}")
