"""Issue 8, item 6: random bytes, random zip members and random configs in a model file always
end in ModelFileError, never another exception, and within a memory bound."""

import io
import json
import tracemalloc
import warnings
import zipfile

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convviz.engine import ModelFileError, Network

MEMORY_BOUND = 16 << 20          # far less than any attack above needs; a valid small model is ~1 MB

json_values = st.recursive(
    st.none() | st.booleans() | st.integers(-10 ** 12, 10 ** 12) | st.floats(allow_nan=False)
    | st.text(max_size=12),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=10), inner, max_size=4),
    max_leaves=20)
names = st.sampled_from(["relu", "tanh", "max", "avg", "none", "softmax", "cross_entropy", "bogus"])
sizes = st.integers(-2, 3000) | st.lists(st.integers(-2, 3000), min_size=0, max_size=3)
configs = st.fixed_dictionaries(
    {"input": sizes,
     "conv": st.lists(st.fixed_dictionaries({"kernels": st.integers(-1, 5000)},
                                            optional={"size": sizes, "stride": sizes, "padding": sizes,
                                                      "pool": names, "pool_size": sizes, "activation": names}),
                      max_size=4),
     "output": st.fixed_dictionaries({"classes": st.integers(-1, 10 ** 7)})},
    optional={"dense": st.lists(st.fixed_dictionaries({"units": st.integers(-1, 10 ** 8)}), max_size=3),
              "loss": names}) | json_values


def npy(array):
    buf = io.BytesIO()
    np.save(buf, array)
    return buf.getvalue()


member_names = st.sampled_from(["config.npy", "format_version.npy", "param/conv1.W.npy", "param/conv1.b.npy",
                                "param/out.W.npy", "param/out.b.npy", "param/dense1.W.npy", "other.npy"])
member_data = (st.binary(max_size=300)
               | st.builds(lambda c: npy(np.array(json.dumps(c))), configs)
               | st.builds(lambda v: npy(np.array(v)), st.integers(-3, 3))
               | st.builds(lambda shape, v: npy(np.full(shape, v)),
                           st.lists(st.integers(0, 12), max_size=4), st.floats() | st.integers(-5, 5)))


def assert_refused_in_bounded_memory(path):
    tracemalloc.start()
    try:
        try:
            Network.load(path)
        except ModelFileError as e:
            assert str(e).startswith(str(path)), e
    finally:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    assert peak < MEMORY_BOUND, f"{peak / 2**20:.1f} MB"


fuzz = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@fuzz
@given(data=st.binary(max_size=2000))
def test_random_bytes(tmp_path, data):
    path = tmp_path / "m.npz"
    path.write_bytes(data)
    assert_refused_in_bounded_memory(path)


@fuzz
@given(members=st.lists(st.tuples(member_names, member_data), max_size=8),
       compress=st.booleans())
def test_random_zip_members(tmp_path, members, compress):
    path = tmp_path / "m.npz"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED) as z, \
            warnings.catch_warnings():
        warnings.simplefilter("ignore")              # duplicate member names are part of the attack
        for name, data in members:
            z.writestr(name, data)
    assert_refused_in_bounded_memory(path)


@fuzz
@given(config=configs)
def test_random_configs_with_the_default_parameters(tmp_path, config):
    path = tmp_path / "m.npz"
    with open(path, "wb") as f:
        np.savez(f, config=np.array(json.dumps(config)), format_version=np.array(1),
                 **{f"param/{k}": v for k, v in Network().params.items()})
    assert_refused_in_bounded_memory(path)
