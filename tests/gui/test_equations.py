"""The equation converter: subscripts, superscripts, nesting and escaping."""

from convviz.engine import OpKind, StageId
from convviz.gui.presentation.equations import to_rich
from convviz.gui.presentation.numbers import number


def test_subscripts():
    assert to_rich("x_i") == "x<sub>i</sub>"
    assert to_rich("K_p,c[m, n]") == "K<sub>p,c</sub>[m, n]"
    assert to_rich("I_c[i·Z_s + m]") == "I<sub>c</sub>[i·Z<sub>s</sub> + m]"
    assert to_rich("max_(m,n) A") == "max<sub>m,n</sub> A"


def test_superscripts():
    assert to_rich("z^l_j") == "z<sup>l</sup><sub>j</sub>"
    assert to_rich("a^(l−1)_i") == "a<sup>(l−1)</sup><sub>i</sub>"
    assert to_rich("δ^(L+1)") == "δ<sup>(L+1)</sup>"
    assert to_rich("z^L+1_j") == "z<sup>L+1</sup><sub>j</sub>"
    assert to_rich("W^1_ji") == "W<sup>1</sup><sub>ji</sub>"


def test_nested_and_escaped():
    assert to_rich("e^(z_i) / Σ_j e^(z_j)") == "e<sup>(z<sub>i</sub>)</sup> / Σ<sub>j</sub> e<sup>(z<sub>j</sub>)</sup>"
    assert to_rich("1 if x > 0 else 0") == "1 if x &gt; 0 else 0"
    assert to_rich("a < b & c") == "a &lt; b &amp; c"
    assert to_rich("un_flatten") == "un<sub>flatten</sub>"
    assert to_rich(" _x") == " _x"


def test_every_engine_equation_converts():
    import numpy as np

    from convviz.engine import Network
    t = Network(seed=0).trace(np.zeros((28, 28)), 0)
    for s in t:
        r = to_rich(s.equation)
        assert "_" not in r.replace("<sub>", "").replace("</sub>", "") or "Z_" not in r
        assert "^" not in r, s.equation


def test_number():
    assert number(0.0) == "0"
    assert number(-1.23456) == "−1.235"
    assert number(12345.6) == "1.235·10<sup>4</sup>"


def test_titles_keep_names_whole_and_raise_superscripts():
    from convviz.gui.presentation.equations import title_rich, title_text
    assert title_rich("loss: cross_entropy") == "loss: cross-entropy"       # not cross<sub>entropy</sub>
    assert title_text("output: δ^(L+1) = ∂L/∂z") == "output: δ⁽ᴸ⁺¹⁾ = ∂L/∂z"
    assert title_rich("output: δ^(L+1) = ∂L/∂z") == "output: δ<sup>(L+1)</sup> = ∂L/∂z"
    assert title_text("update conv1.W") == "update conv1.W"


def test_update_shows_enough_digits_to_see_the_change():
    from types import SimpleNamespace

    from convviz.gui.presentation.explanations import format_explanation
    step = SimpleNamespace(stage=StageId.parse("conv1.W"), layer="conv1")
    d = {"index": (3, 0, 0, 0), "before": -0.66370, "grad": -0.0007089, "lr": 0.01,
         "after": -0.66370 + 0.01 * 0.0007089}
    text = format_explanation("update", d, step)
    assert "K<sub>3,0</sub>[0, 0] ←" in text
    assert number(d["before"], 7) in text and number(d["after"], 7) in text
    # as the trace records it: a conv block's bias update targets its kernels' stage
    bias_step = SimpleNamespace(stage=StageId.parse("conv1.b"), layer="conv1", op=OpKind.UPDATE,
                                target=StageId.parse("conv1.kernels"))
    bias = format_explanation("update", {**d, "index": (3,)}, bias_step)
    assert "The bias of kernel 3" in bias and "b<sub>3</sub> ←" in bias


def test_a_lessons_equation_is_set_with_sub_and_superscripts_and_its_gaps_kept():
    from convviz.gui.presentation.equations import equation_html
    got = equation_html("C_p[i, j] = Σ_c K_p,c[m, n] + b_p\nI ∈ [0, 1]^(28 × 28),    max_(m,n) A")
    first, second = got.split("<br>")
    assert first == "C<sub>p</sub>[i, j] = Σ<sub>c</sub> K<sub>p,c</sub>[m, n] + b<sub>p</sub>"
    assert second == "I ∈ [0, 1]<sup>(28 × 28)</sup>," + "&nbsp;" * 4 + "max<sub>m,n</sub> A"
    assert equation_html("a < b & c") == "a &lt; b &amp; c"

