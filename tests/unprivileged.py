"""Run a check as a user without privileges, so permission tests mean something when the suite runs as root."""

import contextlib
import os
import pickle
import shutil
import tempfile

import pytest

NOBODY = 65534


@contextlib.contextmanager
def public_folder():
    """A fresh folder every user can enter (a root pytest's tmp_path is private to root)."""
    folder = tempfile.mkdtemp(prefix="convviz-perm-")
    os.chmod(folder, 0o755)
    try:
        yield folder
    finally:
        os.chmod(folder, 0o755)
        shutil.rmtree(folder, ignore_errors=True)


def error_as_unprivileged(fn):
    """str() of what fn() raises (None if nothing), run as the calling user or, under root, as nobody."""
    if os.geteuid() != 0:
        try:
            fn()
        except Exception as e:  # noqa: BLE001 (the message is what the test checks)
            return str(e)
        return None
    if not hasattr(os, "fork"):
        pytest.skip("needs fork to drop root")
    read, write = os.pipe()
    pid = os.fork()
    if pid == 0:                                   # the child: drop root, run, report, leave at once
        os.close(read)
        result = None
        try:
            os.setgid(NOBODY)
            os.setuid(NOBODY)
            fn()
        except BaseException as e:  # noqa: BLE001
            result = str(e)
        with os.fdopen(write, "wb") as f:
            pickle.dump(result, f)
        os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        result = pickle.load(f)
    os.waitpid(pid, 0)
    return result
