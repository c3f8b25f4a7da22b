"""Level rules: fixed value levels, symmetric gradient levels, and no failure on a diverged network."""

import numpy as np

from convviz.gui.widgets import colors


def test_levels():
    assert colors.value_levels([np.array([0.0, 2.0])]) == (0.0, 2.0)
    assert colors.value_levels([np.array([-1.0, 3.0])]) == (-3.0, 3.0)
    assert colors.symmetric_levels(np.array([0.5, -2.0])) == (-2.0, 2.0)
    assert colors.symmetric_levels(np.zeros(4)) == (-1.0, 1.0)


def test_non_finite_values_do_not_break_levels():
    assert colors.value_levels([np.array([np.nan, np.inf])]) == (0.0, 1.0)
    assert colors.value_levels([np.array([np.nan, 1.0])]) == (0.0, 1.0)
    assert colors.symmetric_levels(np.array([np.inf, -0.5])) == (-0.5, 0.5)


def test_blend_lut_is_transparent_at_zero_and_opaque_at_the_ends():
    lut = colors.blend_lut()
    assert lut.shape == (256, 4) and lut[0, 3] == 255 and lut[-1, 3] == 255
    assert lut[127:129, 3].min() == 0 or lut[127:129, 3].min() < 60
