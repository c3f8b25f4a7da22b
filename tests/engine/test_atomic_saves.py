"""Issue 8, item 1: a save that fails half-way (file-size limit, an error mid-write, a kill)
leaves the existing model file exactly as it was, and no temporary file behind."""

import os
import signal
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest

from convviz.engine import Network

BIG = {"input": [28, 28], "conv": [{"kernels": 8, "size": 5}], "dense": [{"units": 600}],
       "output": {"classes": 10}}


def existing_model(tmp_path):
    path = tmp_path / "existing.npz"
    Network(seed=1).save(path)
    return path, path.read_bytes()


def assert_untouched(path, data):
    assert path.read_bytes() == data
    Network.load(path)                                     # still loadable
    assert sorted(p.name for p in path.parent.iterdir()) == [path.name], "a temporary file was left"


def test_file_size_limit_mid_save_keeps_the_old_file(tmp_path):
    path, data = existing_model(tmp_path)
    code = textwrap.dedent(f"""
        import resource, signal, sys
        from convviz.engine import Network
        net = Network({BIG!r}, seed=2)                      # about 5.5 MB of parameters
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)       # writes past the limit raise EFBIG
        resource.setrlimit(resource.RLIMIT_FSIZE, (20 * 1024, resource.RLIM_INFINITY))
        try:
            net.save(sys.argv[1])
        except OSError as e:
            print("refused:", e)
            sys.exit(3)
    """)
    r = subprocess.run([sys.executable, "-c", code, str(path)], capture_output=True, text=True, timeout=120,
                       check=False, env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    assert r.returncode == 3, r.stdout + r.stderr
    assert_untouched(path, data)


def test_error_raised_mid_write_keeps_the_old_file(tmp_path, monkeypatch):
    path, data = existing_model(tmp_path)
    real_write = np.lib.format.write_array
    calls = []

    def failing(fp, array, *args, **kwargs):
        calls.append(1)
        if len(calls) == 3:                     # after the config and a parameter are written
            raise OSError(28, "No space left on device")
        return real_write(fp, array, *args, **kwargs)

    monkeypatch.setattr(np.lib.format, "write_array", failing)
    with pytest.raises(OSError, match="No space"):
        Network(BIG, seed=2).save(path)
    monkeypatch.undo()
    assert_untouched(path, data)


def test_keyboard_interrupt_mid_write_keeps_the_old_file(tmp_path, monkeypatch):
    path, data = existing_model(tmp_path)
    real_write = np.lib.format.write_array

    def interrupted(fp, array, *args, **kwargs):
        real_write(fp, array, *args, **kwargs)
        raise KeyboardInterrupt

    monkeypatch.setattr(np.lib.format, "write_array", interrupted)
    with pytest.raises(KeyboardInterrupt):
        Network(seed=2).save(path)
    monkeypatch.undo()
    assert_untouched(path, data)


def test_kill_mid_save_keeps_the_old_file(tmp_path):
    path, data = existing_model(tmp_path)
    code = textwrap.dedent(f"""
        import sys
        import numpy as np
        from convviz.engine import Network
        net = Network({BIG!r}, seed=2)
        real = np.lib.format.write_array
        def slow(fp, array, *a, **k):
            real(fp, array, *a, **k)
            print("wrote", flush=True)
            import time; time.sleep(30)      # killed here, half-way through the file
        np.lib.format.write_array = slow
        net.save(sys.argv[1])
    """)
    with subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))) as proc:
        try:
            assert proc.stdout.readline().strip() == "wrote"
            proc.send_signal(signal.SIGKILL)
            proc.wait(timeout=30)
        finally:
            proc.kill()
    assert path.read_bytes() == data
    Network.load(path)
    # A kill leaves its temporary file (nothing can run to remove it), but never under the model's name.
    left = [p.name for p in tmp_path.iterdir() if p.name != path.name]
    assert all(n.startswith(".existing.npz.") and n.endswith(".tmp") for n in left), left


def test_save_replaces_atomically_and_keeps_the_name(tmp_path):
    path = tmp_path / "noext"
    Network(seed=3).save(path)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["noext"]
    np.testing.assert_array_equal(Network.load(path).params["out.b"], Network(seed=3).params["out.b"])


def test_saved_file_gets_the_usual_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        Network().save(tmp_path / "m.npz")
    finally:
        os.umask(old)
    assert (tmp_path / "m.npz").stat().st_mode & 0o777 == 0o644


def test_saving_through_a_symbolic_link_replaces_its_target_not_the_link(tmp_path):
    (tmp_path / "models").mkdir()
    target = tmp_path / "models" / "real.npz"
    Network(seed=1).save(target)
    link = tmp_path / "current.npz"
    link.symlink_to(target)
    Network(seed=2).save(link)
    assert link.is_symlink() and os.readlink(link) == str(target)
    np.testing.assert_array_equal(Network.load(target).params["out.W"], Network(seed=2).params["out.W"])


def test_a_read_only_model_is_not_replaced():
    from unprivileged import error_as_unprivileged, public_folder
    with public_folder() as folder:
        os.chmod(folder, 0o777)                   # the folder allows a rename, the file says no
        path = os.path.join(folder, "keep.npz")
        Network(seed=1).save(path)
        os.chmod(path, 0o444)
        before = Path(path).read_bytes()
        message = error_as_unprivileged(lambda: Network(seed=2).save(path))
        assert message == f"{path}: permission denied (the file is read-only)"
        assert Path(path).read_bytes() == before and os.listdir(folder) == ["keep.npz"]


@pytest.mark.parametrize("device", ["/dev/null", "/dev/full"])
def test_saving_onto_a_device_is_refused_and_leaves_it_alone(device):
    if not os.path.exists(device):
        pytest.skip(f"no {device}")
    with pytest.raises(OSError, match="is a device"):
        Network().save(device)
    assert os.path.exists(device) and not os.path.isfile(device)
