"""Network configs as JSON files: round trip with the seed, atomic writes, and refusals naming the file."""

import json
import os

import pytest

from convviz.engine import DEFAULT_CONFIG, ConfigError, normalize_config
from convviz.engine.config_file import read_config, write_config


def test_round_trip_with_seed(tmp_path):
    path = tmp_path / "net.json"
    write_config(path, DEFAULT_CONFIG, seed=7)
    assert read_config(path) == (normalize_config(DEFAULT_CONFIG), 7)
    assert [p.name for p in tmp_path.iterdir()] == ["net.json"]        # no temp file left


def test_a_plain_config_reads_without_a_seed(tmp_path):
    path = tmp_path / "plain.json"
    path.write_text(json.dumps(DEFAULT_CONFIG))
    assert read_config(path) == (normalize_config(DEFAULT_CONFIG), None)


def test_an_invalid_config_is_never_written(tmp_path):
    path = tmp_path / "net.json"
    path.write_text("old")
    with pytest.raises(ConfigError, match="loss"):
        write_config(path, dict(DEFAULT_CONFIG, loss="hinge"))
    assert path.read_text() == "old" and len(os.listdir(tmp_path)) == 1


@pytest.mark.parametrize("content, words", [
    ("{", "not valid JSON"), ("[1, 2]", "expected a JSON object"),
    (json.dumps(dict(DEFAULT_CONFIG, seed=-1)), "seed"),
    (json.dumps(dict(DEFAULT_CONFIG, loss="hinge")), "loss: unknown name"),
    (b"\xff\xfe\x00", "not a text file"),
])
def test_bad_files_are_refused_naming_the_file(tmp_path, content, words):
    path = tmp_path / "bad.json"
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    with pytest.raises(ConfigError, match=words) as e:
        read_config(path)
    assert str(path) in str(e.value)


def test_a_folder_or_missing_file_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="is a folder, not a file"):
        read_config(tmp_path)
    with pytest.raises(ConfigError, match="no such file"):
        read_config(tmp_path / "nope.json")


def test_a_fifo_or_deeply_nested_json_is_refused_in_words(tmp_path):
    fifo = tmp_path / "net.json"
    os.mkfifo(fifo)
    with pytest.raises(ConfigError, match="named pipe"):
        read_config(fifo)                       # refused at once, not a hang
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000)
    with pytest.raises(ConfigError, match="nested too deeply"):
        read_config(deep)
