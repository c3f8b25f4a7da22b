"""Central-difference gradient checks in float64 of every op, activation, pooling, loss and conv geometry.

Every element of every parameter and of the input gradient is checked (the nets are small),
at random points redrawn until they are at least MARGIN away from any kink.
"""

import numpy as np
import pytest

from convviz.engine.config import ACTIVATION_NAMES, LOSS_NAMES, OUTPUT_ACTIVATIONS, POOL_KINDS

from engine_helpers import check_gradients, draw_point, forward_values, kinks, small_config


def block(kernels=2, size=3, stride=1, padding=0, activation="tanh", pool="avg", pool_size=2,
          pool_stride=None):
    b = {"kernels": kernels, "size": size, "stride": stride, "padding": padding,
         "activation": activation, "pool": pool, "pool_size": pool_size}
    if pool_stride is not None:
        b["pool_stride"] = pool_stride
    return b


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_activation_in_conv_and_dense_positions(activation):
    rng = np.random.default_rng(100 + ACTIVATION_NAMES.index(activation))
    cfg = small_config([block(activation=activation, pool="avg")],
                       dense=[{"units": 5, "activation": activation}, {"units": 4, "activation": activation}],
                       input=(7, 7))
    net, x, y = draw_point(cfg, 3, rng)
    check_gradients(net, x, y)


@pytest.mark.parametrize("activation", ACTIVATION_NAMES)
def test_activation_only_in_conv_position_with_max_pool(activation):
    # The conv activation feeds a max pool directly, with the dense part linear: a different
    # path for δ than the test above.
    rng = np.random.default_rng(200 + ACTIVATION_NAMES.index(activation))
    cfg = small_config([block(kernels=3, activation=activation, pool="max")],
                       dense=[{"units": 4, "activation": "identity"}], input=(8, 7))
    net, x, y = draw_point(cfg, 2, rng)
    check_gradients(net, x, y)


POOLS = [(kind, size, stride) for kind in POOL_KINDS if kind != "none"
         for size, stride in [(2, 2), (3, 2), ([2, 3], [1, 2]), (3, 3)]] + [("none", 2, 2)]


@pytest.mark.parametrize("activation", ["tanh", "relu"])
@pytest.mark.parametrize("kind,size,stride", POOLS, ids=[f"{k}-{s}-{t}" for k, s, t in POOLS])
def test_pooling(kind, size, stride, activation):
    # (3, 2) overlaps windows and leaves a border; ([2, 3], [1, 2]) is rectangular and overlapping;
    # (3, 3) on a 9 × 8 map skips the last column.
    rng = np.random.default_rng(300 + POOLS.index((kind, size, stride)))
    cfg = small_config([block(kernels=2, activation=activation, pool=kind, pool_size=size,
                              pool_stride=stride)],
                       dense=[{"units": 4, "activation": "sigmoid"}], input=(11, 10))
    net, x, y = draw_point(cfg, 2, rng)
    check_gradients(net, x, y)


@pytest.mark.parametrize("output", OUTPUT_ACTIVATIONS)
@pytest.mark.parametrize("loss", LOSS_NAMES)
def test_loss_and_output_activation(loss, output):
    rng = np.random.default_rng(400 + 2 * LOSS_NAMES.index(loss) + OUTPUT_ACTIVATIONS.index(output))
    cfg = small_config([block(kernels=2, activation="relu", pool="max")],
                       dense=[{"units": 5, "activation": "relu"}], classes=4, output=output,
                       loss=loss, input=(8, 8))
    net, x, y = draw_point(cfg, 3, rng)
    check_gradients(net, x, y)


GEOMETRIES = {
    "stride 2, padding 1": [block(kernels=2, size=3, stride=2, padding=1, pool="none")],
    "stride not dividing": [block(kernels=2, size=3, stride=2, padding=0, pool="none")],   # 10 − 3 = 7, odd
    "rectangular kernel and stride": [block(kernels=2, size=[2, 4], stride=[1, 3], padding=[2, 1], pool="none")],
    "padding larger than kernel": [block(kernels=2, size=2, stride=1, padding=3, pool="avg")],
    "two blocks, multi-channel": [block(kernels=3, size=3, padding=1, activation="relu", pool="max"),
                                  block(kernels=2, size=[3, 2], stride=[1, 2], activation="elu", pool="l2",
                                        pool_size=[2, 1])],
    "three blocks": [block(kernels=2, size=3, padding=1, activation="leaky_relu", pool="max"),
                     block(kernels=3, size=2, stride=1, activation="softplus", pool="none"),
                     block(kernels=2, size=[2, 3], stride=[2, 1], padding=[1, 0], activation="relu",
                           pool="avg", pool_size=[1, 2], pool_stride=[1, 1])],
}


@pytest.mark.parametrize("name", list(GEOMETRIES))
def test_conv_geometry(name):
    rng = np.random.default_rng(500 + list(GEOMETRIES).index(name))
    cfg = small_config(GEOMETRIES[name], dense=[{"units": 4, "activation": "tanh"}], input=(12, 11))
    net, x, y = draw_point(cfg, 2, rng)
    check_gradients(net, x, y)


@pytest.mark.parametrize("batch", [None, 1, 5])
def test_batch_sizes(batch):
    """None is one 2-D image (H, W); 1 and 5 are batches (N, H, W)."""
    rng = np.random.default_rng(600 + (batch or 0))
    cfg = small_config([block(kernels=2, activation="relu", pool="max")],
                       dense=[{"units": 4, "activation": "relu"}], input=(8, 8))
    net, x, y = draw_point(cfg, batch or 1, rng, single=batch is None)
    _, grads = net.loss_and_gradients(x, y)
    assert grads["input"].shape == np.shape(x)
    assert set(grads) == set(net.params) | {"input"}
    for key, p in net.params.items():
        assert grads[key].shape == p.shape, key
    check_gradients(net, x, y)


def test_batch_loss_is_mean_of_examples():
    """The batch loss and gradients are the means of the single examples' (MATH.md: over a batch)."""
    rng = np.random.default_rng(700)
    cfg = small_config([block(kernels=2, activation="relu", pool="max")], input=(8, 8))
    net, x, y = draw_point(cfg, 4, rng)
    loss, grads = net.loss_and_gradients(x, y)
    singles = [net.loss_and_gradients(x[i], int(y[i])) for i in range(4)]
    assert loss == pytest.approx(np.mean([s[0] for s in singles]), rel=1e-12)
    for key in net.params:
        np.testing.assert_allclose(grads[key], np.mean([s[1][key] for s in singles], axis=0),
                                   rtol=1e-10, atol=1e-14)
    for i in range(4):
        # ∂(mean)/∂x_i = (1/N) ∂L_i/∂x_i: each image's saliency is its own, scaled by 1/N.
        np.testing.assert_allclose(grads["input"][i], singles[i][1]["input"] / 4, rtol=1e-10, atol=1e-15)


def test_default_config_sampled_elements():
    """The app's default network (28 × 28, 8 kernels 5 × 5, ReLU, max pool, 64 dense), 40
    random elements of every array.

    Its 4608 ReLU inputs and 1152 pool windows per image make a 1e-3 margin almost never
    clear, so this one uses 1e-4; the branch guard in `check_gradients` proves that no
    ±ε difference crossed a kink.
    """
    rng = np.random.default_rng(800)
    net, x, y = draw_point(None, 1, rng, margin=1e-4)
    check_gradients(net, x, y, rng=rng, sample=40)


def test_kink_detector_is_not_blind():
    """The redraw guard must actually see kinks, or the checks above could sit on one."""
    rng = np.random.default_rng(900)
    cfg = small_config([block(kernels=2, activation="relu", pool="max")],
                       dense=[{"units": 3, "activation": "relu"}], loss="l1", input=(6, 6))
    net, x, y = draw_point(cfg, 1, rng)
    assert kinks(net, x, y) == []
    # Put one conv pre-activation exactly at 0 by moving its bias.
    pre = forward_values(net, x)[0][0][2]
    net.params["conv1.b"][0] -= pre[0, 0, 2, 3]
    assert any(k.kind == "relu" and k.layer == "conv1" for k in kinks(net, x, y))
    # A max-pool near-tie on a smooth activation.
    cfg = small_config([block(kernels=1, size=1, activation="identity", pool="max")], input=(4, 4))
    net, x, y = draw_point(cfg, 1, rng)
    net.params["conv1.W"][...] = 1.0
    net.params["conv1.b"][...] = 0.0
    x = x.copy()
    x[0, 0, 1] = x[0, 0, 0] + 1e-4
    x[0, 1, :2] = x[0, 0, 0] - 0.5
    assert any(k.kind == "max_pool_tie" for k in kinks(net, x, y))
    # ŷ − y near 0 for L1.
    cfg = small_config([block(kernels=1, activation="tanh", pool="none")], loss="mae", input=(4, 4))
    net, x, y = draw_point(cfg, 1, rng)
    net.params["out.W"][...] = 0.0
    net.params["out.b"][...] = [30.0, -30.0, -30.0]
    assert any(k.kind == "abs_loss" for k in kinks(net, x, np.array([0])))
