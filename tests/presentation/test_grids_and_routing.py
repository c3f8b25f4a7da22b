"""One grid per stage (shared by the pipeline and the big view) and where pooling sends δ (no Qt)."""

import numpy as np
import pytest

from convviz.engine import Network, OpKind
from convviz.gui.presentation.big_view import big_panels
from convviz.gui.presentation.mosaic import Tiling, best_rows, shared_rows, winner_cells


def test_shared_rows_is_the_best_grid_for_one_box_and_a_compromise_for_two():
    for n in (1, 3, 8, 16):
        for aspect in (0.3, 0.6, 1.0, 3.5, 8.0):
            assert shared_rows(n, (aspect, None)) == best_rows(n, aspect)
    # 8 maps in a tall pipeline column (3.2) and a wide big view (0.6): alone they want 8 × 1 or
    # 4 × 2 and 2 × 4; together 4 × 2 loses least (each box's tiles relative to its own best)
    assert best_rows(8, 0.6) == 2
    assert shared_rows(8, (3.2, 0.6)) == 4
    # the first box (the pipeline) keeps at least 85% of its best tile size, whatever the other wants
    def size(n, r, a):
        return min(1.0 / -(-n // r), a / r)
    for n in (4, 8, 16, 32):
        for a, b in ((4.5, 0.77), (2.0, 0.3), (6.0, 1.5)):
            r = shared_rows(n, (a, b))
            assert size(n, r, a) >= 0.85 * size(n, best_rows(n, a), a) - 1e-9
    assert shared_rows(8, (4.5, 0.77)) == 4          # 1600 × 1000: 4 × 2 (8 × 1 and 3 × 3 alone)


def test_winner_cells_are_the_windows_argmax_in_mosaic_coordinates():
    rng = np.random.default_rng(3)
    a = rng.normal(size=(3, 6, 6))
    t = Tiling(3, 6, 6, max_rows=2)
    # each 2 × 2 window's argmax, flat within the window, as the engine records it
    win = a.reshape(3, 3, 2, 3, 2).transpose(0, 1, 3, 2, 4).reshape(3, 3, 3, 4)
    argmax = win.argmax(-1)
    cells = winner_cells(t, argmax, (2, 2), (2, 2))
    assert len(cells) == 27
    mosaic = t.compose(a)
    for p in range(3):
        for i in range(3):
            for j in range(3):
                x, y = cells[(p * 3 + i) * 3 + j]
                assert mosaic[y, x] == a[p, 2 * i:2 * i + 2, 2 * j:2 * j + 2].max()


@pytest.mark.parametrize("pool, words", [("max", "goes to its window's max"), ("avg", "split equally,<br>δ/4"),
                                         ("l2", "in proportion<br>to x/‖x‖")])
def test_pooling_backward_says_where_each_delta_goes(pool, words):
    config = {"input": [12, 12], "conv": [{"kernels": 2, "size": 3, "activation": "relu", "pool": pool,
                                            "pool_size": 2, "pool_stride": 2}],
              "dense": [], "output": {"classes": 3, "activation": "softmax"}, "loss": "cross_entropy"}
    net = Network(config, seed=0)
    trace = net.trace(np.random.default_rng(0).random((12, 12)), 1, lr=0.1)
    step = trace.find(OpKind.POOL_GRAD)
    caption = big_panels(step, trace)[-1][3]
    assert words in caption
    if pool == "max":       # the engine's argmax names the winners the δ went to
        cells = winner_cells(Tiling(2, 10, 10), step.arrays["argmax"], (2, 2), (2, 2))
        g = Tiling(2, 10, 10).compose(step.arrays["grad_input"])
        got = {(x, y) for y, x in zip(*np.nonzero(np.nan_to_num(g)))}
        assert got <= set(cells)


# ---- issue 14 item 13: the input column uses its height; kernels with channels in a readable grid ----
def _weight_size(t, aspect):
    """One element's side in a box 1 wide and `aspect` tall when tiling `t` fills it."""
    return min(1.0 / t.shape[1], aspect / t.shape[0])


def test_kernel_rows_makes_a_weight_largest_for_the_box():
    from convviz.gui.presentation.mosaic import kernel_rows
    d, c, k = 16, 8, 5                               # the shipped conv2: 16 kernels of 8 channels, 5 × 5
    for aspect in (0.3, 0.5, 1.0, 2.0, 4.0, 8.0):
        r = kernel_rows(d, c, k, k, (aspect,))
        got = _weight_size(Tiling(d, k, k, channels=c, max_rows=r), aspect)
        every = [_weight_size(Tiling(d, k, k, channels=c, max_rows=q), aspect) for q in range(1, d + 1)]
        assert got == pytest.approx(max(every)), aspect
    assert kernel_rows(d, c, k, k, (4.0,)) == 16     # a tall pipeline column: one kernel per row
    assert kernel_rows(d, c, k, k, (0.4,)) < 16      # a wide box: several kernels per row
    # more weights per pixel than one kernel per row gives in a wide box: at least 1.5 times larger
    one_per_row = _weight_size(Tiling(d, k, k, channels=c, max_rows=d), 0.4)
    assert _weight_size(Tiling(d, k, k, channels=c, max_rows=kernel_rows(d, c, k, k, (0.4,))), 0.4) \
        > 1.5 * one_per_row


def test_the_input_column_widens_to_its_height_within_the_room_there_is():
    from convviz.gui.presentation.stages import input_width
    assert input_width((1, 28, 28), 300, 72, spare=500) == 300      # as wide as the column is tall
    assert input_width((1, 28, 28), 300, 72, spare=40) == 112       # the others keep their minimum
    assert input_width((1, 28, 28), 300, 72, spare=-50) == 72       # no room (the pipeline scrolls): as before
    assert input_width((1, 28, 28), 50, 72, spare=500) == 72        # never below a map column's minimum
    assert input_width((1, 8, 16), 100, 72, spare=500) == 200       # a wide picture: twice its height
    # a large screen: at most 1.6 times what each of the 9 map columns would get sharing alike
    assert input_width((1, 28, 28), 640, 72, spare=860, n_maps=9) == int(1.6 * (72 + 860 / 9))
