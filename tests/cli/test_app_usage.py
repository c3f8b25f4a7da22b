"""What `convviz` does before it opens the app: --version, a mistyped command, no display, --quit-after.

Run as a user would, without a screen (DISPLAY, WAYLAND_DISPLAY and QT_QPA_PLATFORM unset):
Qt aborts the process (SIGABRT) if the app is started there, so none of these may reach it.
"""

import os
import subprocess
import sys

import pytest

import convviz
from convviz.cli import SUBCOMMANDS

NO_DISPLAY = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")


def run(*args, env=None, timeout=120, cwd=None):
    base = {k: v for k, v in os.environ.items() if k not in NO_DISPLAY}
    return subprocess.run([sys.executable, "-m", "convviz", *args], capture_output=True, text=True, check=False,
                          timeout=timeout, env={**base, **(env or {})}, cwd=cwd)


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version_prints_the_version_without_a_display(flag):
    r = run(flag)
    assert (r.returncode, r.stdout, r.stderr) == (0, f"convviz {convviz.__version__}\n", "")


def test_version_is_in_the_help():
    r = run("--help")
    assert r.returncode == 0 and "-V, --version" in r.stdout
    assert "{" + ",".join(SUBCOMMANDS) + "}" in r.stdout and "gradcheck" in SUBCOMMANDS


@pytest.mark.parametrize("args, said", [
    (["predit", "seven.png"], "unknown command 'predit' (did you mean 'predict'?)"),
    (["tain"], "unknown command 'tain' (did you mean 'train'?)"),
    (["xyzzy"], "unknown command 'xyzzy'; choose from " + ", ".join(SUBCOMMANDS) + ", or give a file"),
    (["gradchek"], "unknown command 'gradchek' (did you mean 'gradcheck'?)"),
])
def test_a_mistyped_command_prints_usage_and_exits_2(args, said, tmp_path):
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2, r.stderr          # not -6 (SIGABRT): the app was never started
    lines = r.stderr.splitlines()
    assert lines[0].startswith("usage: convviz ") and said in lines[-1]
    assert "Traceback" not in r.stderr and r.stdout == ""


def test_a_file_named_like_a_command_is_still_opened_by_the_app(tmp_path):
    # `convviz tain` is a typo, unless a file of that name is there to open: then it is the file.
    (tmp_path / "tain").write_bytes(b"")
    r = run("tain", cwd=tmp_path)
    assert r.returncode == 2 and "no display to open the app on" in r.stderr


@pytest.mark.parametrize("args", [[], ["seven.png"], ["--quit-after", "1"]])
def test_the_app_without_a_display_says_so_instead_of_aborting(args, tmp_path):
    if not sys.platform.startswith("linux"):
        pytest.skip("only X11/Wayland systems can lack a display")
    r = run(*args, cwd=tmp_path)
    assert r.returncode == 2, r.stderr
    assert r.stderr.splitlines()[-1] == ("convviz: error: no display to open the app on (DISPLAY and "
                                         "WAYLAND_DISPLAY are unset); the subcommands need none, "
                                         "or set QT_QPA_PLATFORM=offscreen")


@pytest.mark.parametrize("value, said", [
    (None, "--quit-after needs a number of seconds"),
    ("soon", "--quit-after needs a number of seconds"),
    ("-1", "--quit-after: -1 is outside 0..86400 seconds"),
    ("nan", "--quit-after: nan is outside 0..86400 seconds"),
])
def test_quit_after_needs_a_sensible_number(value, said):
    r = run("--quit-after", *([value] if value else []), env={"QT_QPA_PLATFORM": "offscreen"})
    assert r.returncode == 2 and r.stderr.splitlines()[-1] == f"convviz: error: {said}"


def test_quit_after_opens_the_app_and_closes_it_as_a_user_would(tmp_path):
    # A fresh settings folder: closing the window saves its settings there, which shows the
    # window was closed through closeEvent rather than the process being killed.
    env = {"QT_QPA_PLATFORM": "offscreen", "HOME": str(tmp_path), "XDG_CONFIG_HOME": str(tmp_path / "config")}
    r = run("--quit-after", "0.5", env=env, timeout=180)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr and "Fatal" not in r.stderr
    assert [p.name for p in (tmp_path / "config").rglob("*") if p.is_file()] == ["convviz.conf"]
