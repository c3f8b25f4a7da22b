"""explain: every element's numbers add up to exactly what the trace recorded."""

import numpy as np
import pytest

from convviz.engine import Network
from convviz.engine import explain as ex

TOL = 1e-12


def digit():
    x = np.zeros((28, 28))
    x[5:23, 13:16] = 1.0
    x[5:8, 9:16] = 0.7
    x[20:23, 9:20] = 0.9
    return x


CONFIGS = {
    "default": None,
    "stride2_pad1": {"input": [28, 28],
                     "conv": [{"kernels": 4, "size": [3, 3], "stride": 2, "padding": 1, "activation": "tanh",
                               "pool": "avg", "pool_size": 2, "pool_stride": 2}],
                     "dense": [{"units": 16, "activation": "sigmoid"}],
                     "output": {"classes": 10, "activation": "softmax"}, "loss": "cross_entropy"},
    "two_blocks": {"input": [28, 28],
                   "conv": [{"kernels": 4, "size": [5, 5], "stride": 1, "padding": 2, "activation": "relu",
                             "pool": "max", "pool_size": 2, "pool_stride": 2},
                            {"kernels": 6, "size": [3, 3], "stride": 2, "padding": 1, "activation": "leaky_relu",
                             "pool": "l2", "pool_size": 3, "pool_stride": 1}],
                   "dense": [{"units": 12, "activation": "relu"}, {"units": 8, "activation": "elu"}],
                   "output": {"classes": 10, "activation": "sigmoid"}, "loss": "mse"},
}


@pytest.fixture(scope="module", params=list(CONFIGS))
def trace(request):
    net = Network(CONFIGS[request.param], seed=1)
    return net.trace(digit(), 3, lr=0.05)


def steps(trace, op):
    out = [s for s in trace if s.op == op]
    assert out, op
    return out


def some(shape, n=6, seed=0):
    rng = np.random.default_rng(seed)
    return [tuple(int(rng.integers(0, d)) for d in shape) for _ in range(n)] + [tuple(d - 1 for d in shape),
                                                                                tuple(0 for _ in shape)]


def test_conv_pixel_sum_equals_output(trace):
    for s in steps(trace, "conv"):
        for p, i, j in some(s.arrays["output"].shape):
            r = ex.conv_pixel(s, p, i, j)
            assert abs(r["products"].sum() + r["bias"] - s.arrays["output"][p, i, j]) < TOL
            assert abs(r["z"] - r["output"]) < TOL
            assert r["products"].shape == s.arrays["W"][p].shape
            assert r["channel_sums"].shape == (s.arrays["W"].shape[1],)
            assert abs(r["channel_sums"].sum() - r["sum"]) < TOL
            r0, c0, r1, c1 = r["receptive_field"]
            (sh, sw), (ph, pw) = s.meta["stride"], s.meta["padding"]
            assert (r0, c0) == (i * sh - ph, j * sw - pw)
            assert ex.explain(s, s.stage, (p, i, j))[0] == "conv_pixel"


def test_activation_and_grad(trace):
    for s in steps(trace, "activation"):
        idx = some(s.arrays["output"].shape, 3)[0]
        r = ex.activation_element(s, idx)
        assert r["output"] == s.arrays["output"][idx] and r["input"] == s.arrays["input"][idx]
    for s in steps(trace, "activation_grad"):
        for idx in some(s.arrays["grad_input"].shape):
            r = ex.activation_grad_element(s, idx)
            assert abs(r["product"] - s.arrays["grad_input"][idx]) < TOL
            assert ex.explain(s, s.stage, idx)[0] == "activation_grad"


def test_pool_window_and_routing(trace):
    for s in steps(trace, "pool"):
        for p, i, j in some(s.arrays["output"].shape):
            r = ex.pool_window(s, p, i, j)
            w = r["window"]
            want = {"max": w.max(), "avg": w.mean(), "l2": np.sqrt((w * w).sum())}[r["kind"]]
            assert abs(want - s.arrays["output"][p, i, j]) < TOL
            if r["kind"] == "max":
                assert w[r["argmax"]] == s.arrays["output"][p, i, j]
    for s in steps(trace, "pool_grad"):
        for p, rr, cc in some(s.arrays["grad_input"].shape, 20):
            r = ex.pool_grad_routing(s, p, rr, cc)
            assert abs(r["sum"] - s.arrays["grad_input"][p, rr, cc]) < TOL
            assert r["grad"] == s.arrays["grad_input"][p, rr, cc]


def test_max_pool_routing_goes_to_argmax():
    t = Network(seed=0).trace(digit(), 3)
    s = t.find("pool_grad")
    p, i, j = 0, 5, 5
    m, n = divmod(int(s.arrays["argmax"][p, i, j]), 2)
    r = ex.pool_grad_routing(s, p, 2 * i + m, 2 * j + n)
    assert r["parts"][0]["won"] and r["grad"] == s.arrays["grad_output"][p, i, j]
    other = ex.pool_grad_routing(s, p, 2 * i + 1 - m, 2 * j + n)
    assert not other["parts"][0]["won"] and other["grad"] == 0.0


def test_dense_unit(trace):
    for s in steps(trace, "dense"):
        for (j,) in some(s.arrays["output"].shape):
            r = ex.dense_unit(s, j)
            assert abs(sum(t["product"] for t in r["terms"]) + r["rest"] - r["sum"]) < TOL
            assert abs(r["sum"] + r["bias"] - s.arrays["output"][j]) < TOL
            assert len(r["terms"]) == min(8, r["n_terms"])
            mags = [abs(t["product"]) for t in r["terms"]]
            assert mags == sorted(mags, reverse=True)


def test_softmax_or_sigmoid_output(trace):
    s = trace.find("output")
    for i in range(10):
        r = ex.softmax_element(s, i)
        if "exp" in s.arrays:
            assert abs(r["exp"] / r["sum_exp"] - s.arrays["output"][i]) < TOL
            assert abs(np.exp(r["z"] - r["shift"]) - r["exp"]) < TOL
        assert r["output"] == s.arrays["output"][i]


def test_loss_terms(trace):
    s = trace.find("loss")
    r = ex.loss_terms(s)
    assert abs(r["total"] - float(s.arrays["output"])) < TOL
    assert abs(r["total"] - trace.loss) < TOL


def test_output_and_loss_grads(trace):
    s = trace.find("loss_grad")
    for i in range(10):
        assert ex.loss_grad_element(s, i)["grad"] == s.arrays["grad_input"][i]
    s = trace.find("output_grad")
    for i in range(10):
        r = ex.output_grad_element(s, i)
        if r["combined"]:
            assert abs(r["difference"] - s.arrays["grad_input"][i]) < TOL


def test_dense_weight_bias_and_input_grads(trace):
    for s in steps(trace, "dense_dW"):
        for j, i in some(s.arrays["grad_W"].shape):
            r = ex.dense_weight_grad(s, j, i)
            assert abs(r["product"] - s.arrays["grad_W"][j, i]) < TOL
            assert r["grad"] == trace.grads[s.stage.name][j, i]
    for s in steps(trace, "dense_db"):
        for (j,) in some(s.arrays["grad_b"].shape):
            assert abs(ex.bias_grad(s, j)["sum"] - s.arrays["grad_b"][j]) < TOL
    for s in steps(trace, "dense_dx"):
        for (i,) in some(s.arrays["grad_input"].shape):
            r = ex.dense_input_grad(s, i)
            assert abs(r["sum"] - s.arrays["grad_input"][i]) < TOL
            assert abs(sum(t["product"] for t in r["terms"]) + r["rest"] - r["sum"]) < TOL


def test_conv_kernel_and_bias_grads(trace):
    for s in steps(trace, "conv_dK"):
        for idx in some(s.arrays["grad_W"].shape, 10):
            r = ex.conv_kernel_grad(s, *idx)
            assert abs(r["sum"] - s.arrays["grad_W"][idx]) < TOL
            assert r["grad"] == trace.grads[s.stage.name][idx]
            assert r["n_terms"] == s.arrays["grad_output"][0].size
            for t in r["terms"]:
                assert abs(t["delta"] * t["x"] - t["product"]) < TOL
            assert ex.explain(s, f"{s.layer}.kernels", idx)[0] == "conv_kernel_grad"
    for s in steps(trace, "conv_db"):
        for p in range(s.arrays["grad_b"].size):
            assert abs(ex.bias_grad(s, p)["sum"] - s.arrays["grad_b"][p]) < TOL


def test_conv_input_grad_saliency(trace):
    for s in steps(trace, "conv_dX"):
        for idx in some(s.arrays["grad_input"].shape, 10):
            r = ex.conv_input_grad(s, *idx, top=1000)
            assert abs(r["sum"] - s.arrays["grad_input"][idx]) < TOL
            assert abs(r["rest"]) < TOL


def test_unflatten_and_flatten(trace):
    s = trace.find("unflatten")
    for idx in some(s.arrays["grad_input"].shape):
        r = ex.unflatten_element(s, *idx)
        assert r["grad"] == r["grad_output"]
    s = trace.find("flatten")
    for (k,) in some(s.arrays["output"].shape):
        r = ex.flatten_index(s, k)
        assert s.arrays["input"][r["p"], r["i"], r["j"]] == s.arrays["output"][k]


def test_update_and_rerun(trace):
    for s in steps(trace, "update"):
        for idx in some(s.arrays["before"].shape, 4):
            r = ex.update_element(s, idx)
            assert abs(r["computed"] - r["after"]) < TOL
            assert r["after"] == trace.params_after[s.stage.name][idx]
    s = trace.find("rerun")
    r = ex.rerun_element(s, 3)
    assert r["loss_before"] == trace.loss and r["loss_after"] == trace.loss_after
    assert r["after"] == trace.probs_after[3]


def test_dispatch_matches_stage_and_rejects_others(trace):
    conv = trace.find("conv")
    assert ex.explain(conv, "out.probs", (0,)) is None
    assert ex.explain(trace.find("dense"), "conv1.feature_maps", (0, 0, 0)) is None
    assert ex.explain(trace.find("loss"), "loss", ())[0] == "loss"
    assert ex.explain(trace.find("pool"), "conv1.activated", (0, 1, 1))[0] == "pool_window"
    upd_b = next(s for s in trace if s.op == "update" and s.stage.name == "conv1.b")
    assert ex.explain(upd_b, "conv1.kernels", (1, 0, 2, 2))[1]["index"] == (1,)


def test_explain_imports_no_qt():
    from pathlib import Path
    src = Path(ex.__file__).read_text(encoding="utf-8")
    assert "PySide6" not in src and "pyqtgraph" not in src


def test_selection_in_feature_maps_follows_into_pooling():
    t = Network(seed=0).trace(digit(), 3)
    kind, d = ex.explain(t.find("pool"), "conv1.feature_maps", (1, 9, 12))
    assert kind == "pool_window" and d["origin"] == (8, 12)
    kind, d = ex.explain(t.find("pool_grad"), "conv1.feature_maps", (1, 9, 12))
    assert kind == "pool_grad" and d["grad"] == t.find("pool_grad").arrays["grad_input"][1, 9, 12]


def test_dense_terms_name_the_pooled_value_they_came_from():
    t = Network(seed=0).trace(digit(), 3)
    shape = t.find("flatten").arrays["input"].shape
    kind, d = ex.explain(t.find("dense", "dense1"), "dense1.z", (5,), maps_shape=shape)
    for term in d["terms"]:
        assert t.find("flatten").arrays["input"][term["source"]] == term["a"]
    kind, d = ex.explain(t.find("dense", "out"), "out.z", (5,), maps_shape=shape)
    assert all(term["source"] is None for term in d["terms"])       # out reads dense1.a, not the maps
    kind, d = ex.explain(t.find("dense_dW", "dense1"), "dense1.W", (2, 300), maps_shape=shape)
    assert d["source"] == tuple(int(v) for v in np.unravel_index(300, shape))


def test_bias_bars_input_pixels_and_loss_rows_are_explained(trace):
    for s in steps(trace, "conv_db") + steps(trace, "dense_db"):
        kind, d = ex.explain(s, s.stage, (0,))                 # a click on a bias bar
        assert kind == "bias_grad" and abs(d["grad"] - s.arrays["grad_b"][0]) < TOL
    s = steps(trace, "input")[0]
    kind, d = ex.explain(s, "input", (0, 14, 14))
    assert kind == "input_pixel" and d["value"] == s.arrays["output"][0, 14, 14]
    s = steps(trace, "loss")[0]
    assert ex.explain(s, "out.probs", (3,))[1]["i"] == 3 and ex.explain(s, "loss", ())[1]["i"] is None
    s = steps(trace, "flatten")[0]
    assert ex.explain(s, "flatten", (5,))[1]["value"] == s.arrays["output"][5]
