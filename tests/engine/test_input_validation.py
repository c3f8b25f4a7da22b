"""Bad images and labels raise ValueError with a message that says what was expected."""

import numpy as np
import pytest

from convviz.engine import Network

from engine_helpers import small_config


@pytest.fixture(scope="module")
def net():
    return Network(small_config([{"kernels": 2, "size": 3}], classes=4, input=(6, 7)))


GOOD_X = np.zeros((6, 7))


@pytest.mark.parametrize("x,words", [
    (np.zeros((7, 6)), "expected an image of shape (6, 7) or a batch (N, 6, 7), got shape (7, 6)"),
    (np.zeros((6,)), "got shape (6,)"),
    (np.zeros((2, 6, 8)), "got shape (2, 6, 8)"),
    (np.zeros((0, 6, 7)), "got shape (0, 6, 7)"),
    (np.zeros((2, 1, 6, 7)), "got shape (2, 1, 6, 7)"),
    (np.float64(1.0), "got shape ()"),
    (np.full((6, 7), np.nan), "NaN or infinite"),
    (np.where(np.eye(6, 7) > 0, np.inf, 0.0), "NaN or infinite"),
    (np.stack([GOOD_X, np.full((6, 7), -np.inf)]), "NaN or infinite"),
    (np.full((6, 7), "a"), "expected real numbers"),
    (np.zeros((6, 7), complex), "expected real numbers"),
    (np.zeros((6, 7), bool), "expected real numbers"),
])
def test_bad_images(net, x, words):
    for call in (lambda: net.forward(x), lambda: net.loss_and_gradients(x, 0),
                 lambda: net.sgd_step(x, 0, 0.1), lambda: net.trace(x, 0)):
        with pytest.raises(ValueError, match="^input: ") as info:
            call()
        assert words in str(info.value)


@pytest.mark.parametrize("x,y,words", [
    (GOOD_X, 4, "4 is outside 0..3"),
    (GOOD_X, -1, "-1 is outside 0..3"),
    (np.zeros((3, 6, 7)), [0, 1, 9], "9 is outside 0..3"),
    (np.zeros((3, 6, 7)), [0, 1], "expected 3 integer label(s)"),
    (np.zeros((3, 6, 7)), 1, "expected 3 integer label(s)"),
    (GOOD_X, [1, 2], "expected 1 integer label(s)"),
    (GOOD_X, 1.0, "expected 1 integer label(s)"),
    (GOOD_X, "1", "expected 1 integer label(s)"),
    (GOOD_X, True, "expected 1 integer label(s)"),
    (np.zeros((2, 6, 7)), [[0], [1]], "expected 2 integer label(s)"),
])
def test_bad_labels(net, x, y, words):
    before = {k: v.copy() for k, v in net.params.items()}
    for call in (lambda: net.loss_and_gradients(x, y), lambda: net.sgd_step(x, y, 0.1),
                 lambda: net.trace(x, y)):
        with pytest.raises(ValueError, match="^labels: ") as info:
            call()
        assert words in str(info.value)
    for k in before:
        np.testing.assert_array_equal(net.params[k], before[k])   # sgd_step did not half-run


def test_good_inputs_of_other_types(net):
    """uint8 images, lists, numpy integer labels and a batch of one are all accepted."""
    x = np.random.default_rng(0).random((6, 7))
    ref = net.forward(x)
    np.testing.assert_allclose(net.forward(x.tolist()), ref)
    np.testing.assert_array_equal(net.forward((x * 255).astype(np.uint8)), net.forward(np.floor(x * 255)))
    np.testing.assert_array_equal(net.forward(x[None])[0], ref)
    l1 = net.loss_and_gradients(x, np.int64(2))[0]
    assert l1 == net.loss_and_gradients(x, [2])[0] == net.loss_and_gradients(x[None], np.array([2]))[0]
    assert net.loss_and_gradients(np.stack([x, x]), (2, 3))[0] > 0
    assert net.forward(x.astype(np.float32)).dtype == np.float64   # the net's dtype wins
    assert x.dtype == np.float64 and np.array_equal(net.forward(x), ref)   # input not changed
    # read-only, transposed (Fortran-ordered) and broadcast arrays
    ro = x.copy()
    ro.flags.writeable = False
    np.testing.assert_array_equal(net.forward(ro), ref)
    assert np.isfinite(net.loss_and_gradients(ro, 1)[0])
    np.testing.assert_array_equal(net.forward(np.asfortranarray(x)), ref)
    np.testing.assert_array_equal(net.forward(np.ascontiguousarray(x.T).T), ref)
    # (a batch may sum in another order than one image: equal to rounding, not bit for bit)
    np.testing.assert_allclose(net.forward(np.broadcast_to(x, (3, 6, 7)))[2], ref, rtol=1e-13)
