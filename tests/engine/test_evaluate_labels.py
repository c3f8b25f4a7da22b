"""Issue 8, item 10: evaluate() refuses labels it cannot count, instead of miscounting them
(−1 counted as the last class, 3.7 as 3) or raising IndexError (a label past the last class)."""

import pytest
from test_training_loop import SMALL, toy_data

from convviz.engine import Network
from convviz.engine.training import evaluate


@pytest.mark.parametrize("bad, words", [(-1, "-1 is outside 0..2"), (3, "3 is outside 0..2"),
                                        (1.5, "whole numbers")])
def test_labels_outside_the_classes_are_refused(bad, words):
    x, y = toy_data(6)
    labels = y.astype(float) if isinstance(bad, float) else y.copy()
    labels[4] = bad
    with pytest.raises(ValueError, match=words):
        evaluate(Network(SMALL), x, labels)


def test_whole_numbers_stored_as_floats_are_fine():
    x, y = toy_data(6)
    assert evaluate(Network(SMALL), x, y.astype(float))["count"] == 6


def test_no_examples_or_a_count_mismatch_is_refused():
    x, y = toy_data(6)
    with pytest.raises(ValueError, match="no examples"):
        evaluate(Network(SMALL), x[:0], y[:0])
    with pytest.raises(ValueError, match="6 images but 5 labels"):
        evaluate(Network(SMALL), x, y[:5])
