"""preprocess / is_blank: any drawing comes out as an MNIST-style 28x28 digit."""

import time

import numpy as np
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from convviz.digits import default_dataset_path, is_blank, load_dataset, preprocess
from convviz.digits.preprocess import CENTRE, _shrink_rows

SHAPES = ["one", "seven", "ring", "four"]
# Shapes whose centre of mass is near the middle of their bounding box: for them MNIST's
# centring also keeps all ink in the central 20x20 box. Lopsided ones (a "7" is top-heavy)
# move off it, as 64% of real MNIST digits do.
BALANCED = ["ring", "four"]
# (canvas, box=(top, left, size), stroke width): small, off-centre, thick, thin, odd sizes.
LAYOUTS = [
    ((280, 280), (60, 60, 160), 14.0),
    ((280, 280), (10, 200, 50), 3.0),  # small, in the top-right corner, thin
    ((280, 280), (150, 20, 120), 30.0),  # bottom-left, very thick
    ((50, 50), (5, 20, 25), 4.0),  # a small canvas: the digit is scaled up
    ((400, 300), (200, 30, 180), 9.0),  # a portrait canvas, off-centre
    ((300, 400), (20, 250, 100), 1.5),  # hairline
]


def ink_box(img):
    rows, cols = np.flatnonzero(img.any(axis=1)), np.flatnonzero(img.any(axis=0))
    return rows[0], rows[-1], cols[0], cols[-1]


def centre_of_mass(img):
    idx = np.arange(img.shape[0])
    return (img.sum(axis=1) @ idx) / img.sum(), (img.sum(axis=0) @ idx) / img.sum()


@pytest.mark.parametrize("dark_on_light", [False, True])
@pytest.mark.parametrize("layout", LAYOUTS)
@pytest.mark.parametrize("shape", SHAPES)
def test_drawn_digit_is_boxed_and_centred(draw_digit, shape, layout, dark_on_light):
    canvas, box, width = layout
    out = preprocess(draw_digit(shape, canvas, box, width, dark_on_light))
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert out.min() >= 0.0 and out.max() <= 1.0 and out.max() > 0.9
    top, bottom, left, right = ink_box(out)
    assert max(bottom - top, right - left) + 1 in (20, 21)  # longer side 20 px (+1 for a partial pixel)
    cy, cx = centre_of_mass(out)
    assert abs(cy - CENTRE) <= 1.0 and abs(cx - CENTRE) <= 1.0
    if shape in BALANCED:
        assert 4 <= top and bottom <= 23 and 4 <= left and right <= 23


def test_aspect_ratio_is_kept(draw_digit):
    out = preprocess(draw_digit("one", (280, 280), (40, 40, 200), 20.0))
    top, bottom, left, right = ink_box(out)
    assert bottom - top + 1 == 20
    assert 2 <= right - left + 1 <= 8  # a "1" stays narrow, not stretched to a square


def test_polarity_and_dtype_do_not_matter(draw_digit):
    light = draw_digit("four", dtype=np.float64)
    expected = preprocess(light)
    for variant in (1.0 - light, np.round(light * 255).astype(np.uint8), light.astype(np.float32),
                    light * 255.0, (np.round(light * 65535)).astype(np.uint16)):
        np.testing.assert_allclose(preprocess(variant), expected, atol=0.02)


def test_grey_paper_and_pencil(draw_digit):
    ink = draw_digit("seven", dtype=np.float64)
    pencil = 0.8 - 0.45 * ink  # grey strokes on off-white paper, plus paper texture
    pencil += np.random.default_rng(0).uniform(-0.02, 0.02, pencil.shape)
    np.testing.assert_allclose(preprocess(pencil), preprocess(ink), atol=0.08)


@pytest.mark.parametrize("blank", [np.zeros((280, 280), np.uint8), np.full((280, 280), 255, np.uint8),
                                   np.full((50, 40), 0.5), np.zeros((28, 28), np.float32),
                                   np.full((100, 100), 0.9) + np.random.default_rng(1).uniform(0, 0.05, (100, 100))])
def test_blank_gives_zeros(blank):
    assert is_blank(blank)
    out = preprocess(blank)
    assert out.shape == (28, 28) and out.dtype == np.float32 and not out.any()


def test_not_blank(draw_digit):
    assert not is_blank(draw_digit("one"))
    dot = np.zeros((280, 280), np.uint8)
    dot[100:104, 200:204] = 255
    assert not is_blank(dot)
    assert preprocess(dot).max() > 0.9


def test_bad_input():
    with pytest.raises(ValueError):
        preprocess(np.zeros((3, 28, 28)))
    with pytest.raises(ValueError):
        preprocess(np.full((28, 28), np.nan))


def test_mnist_digits_come_back_nearly_unchanged():
    # MNIST digits already went through this procedure; doing it again should change little.
    images, _ = load_dataset(default_dataset_path())
    images = images[::25]
    diff = np.array([np.abs(preprocess(im) - im / 255.0).mean() for im in images])
    assert np.median(diff) < 0.005
    assert np.mean(diff) < 0.02
    coms = np.array([centre_of_mass(preprocess(im)) for im in images])
    np.testing.assert_allclose(coms.mean(axis=0), centre_of_mass(images.mean(axis=0)), atol=0.1)


def test_fast_enough_to_run_while_drawing(draw_digit):
    canvas = draw_digit("seven", (280, 280), (30, 50, 200), 18.0)
    preprocess(canvas)
    best = np.inf
    for _ in range(5):  # the best of several rounds, so other busy processes do not fail it
        start = time.perf_counter()
        for _ in range(20):
            preprocess(canvas)
        best = min(best, (time.perf_counter() - start) / 20)
    assert best < 0.005  # measured about 0.4 ms; loose for slow CI machines


def overlap_matrix(n_src, scale, offset, size=28):
    """Exact area weights, one pixel pair at a time: the reference for the fast resampler."""
    w = np.zeros((size, n_src))
    for j in range(size):
        for i in range(n_src):
            lo, hi = max(j, offset + i * scale), min(j + 1, offset + (i + 1) * scale)
            w[j, i] = max(0.0, hi - lo)
    return w


@settings(max_examples=60, deadline=None)
@given(n=st.integers(20, 120), cols=st.integers(1, 5), offset=st.floats(0.0, 8.0), seed=st.integers(0, 99))
def test_shrinking_is_exact_area_averaging(n, cols, offset, seed):
    scale = 20.0 / n
    a = np.random.default_rng(seed).random((n, cols)).astype(np.float32)
    expected = overlap_matrix(n, scale, offset) @ a
    np.testing.assert_allclose(_shrink_rows(a, scale, offset), expected, atol=1e-5)
    # Area averaging keeps the ink: every source pixel lands inside the frame here.
    np.testing.assert_allclose(_shrink_rows(a, scale, offset).sum(), a.sum() * scale, rtol=1e-5)


# The fixture only hands over a pure function, so sharing it between examples is safe.
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(points=st.lists(st.tuples(st.floats(0, 1), st.floats(0, 1)), min_size=2, max_size=5),
       canvas=st.tuples(st.integers(40, 300), st.integers(40, 300)), width=st.floats(1.0, 12.0),
       dark=st.booleans())
def test_any_scribble(draw_polylines, points, canvas, width, dark):
    img = draw_polylines([points], canvas, (5, 5, min(canvas) * 0.6), width, dark)
    out = preprocess(img)
    assert out.shape == (28, 28) and out.dtype == np.float32
    assert 0.0 <= out.min() and out.max() <= 1.0
    if not out.any():  # a scribble too faint to count as ink
        return
    top, bottom, left, right = ink_box(out)
    assert max(bottom - top, right - left) + 1 <= 21
    cy, cx = centre_of_mass(out)
    # Centred within a pixel, unless that would push ink out of the frame (a lopsided scribble).
    assert abs(cy - CENTRE) <= 1.0 or top == 0 or bottom == 27
    assert abs(cx - CENTRE) <= 1.0 or left == 0 or right == 27

