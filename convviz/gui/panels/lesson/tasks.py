"""Each lesson task's check, keyed by task id: the signals that may complete it and a test of the
window's state that returns the "Done — …" line with the numbers the learner saw (None: not yet).
Checks read what the engine recorded in the trace; nothing is computed here."""

import re
from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QCoreApplication

from convviz.engine import OpKind, StageId
from convviz.gui.presentation.numbers import number
from convviz.gui.presentation.symbols import element_name, element_symbol


@dataclass(frozen=True)
class Check:
    """signals(win): the signals to watch; done(win, ctx): the Done line or None; prepare(win):
    what the check compares with later, taken when the page is set up (ctx); back_to_step: the
    task rebuilt the network (its iteration restarts at step 0), so show the page's step again."""

    signals: object
    done: object
    prepare: object = None
    back_to_step: bool = False


#: Done lines are translated in the context "LessonTasks" (lupdate reads `translate("ctx", "text")`).
translate = QCoreApplication.translate


def forward_value(trace, stage, index):
    """The value of a pipeline element as its forward step wrote it (None if no step did)."""
    step = next((s for s in trace if s.phase == "forward" and stage in s.writes), None)
    if step is None:
        return None
    try:
        return float(np.asarray(step.arrays["output"])[tuple(index)])
    except (IndexError, KeyError):
        return None


def symbol(stage, index):
    """The element as the inspector names it, in plain text: C_1[2, 3], K_0,0[1, 1], ŷ_4."""
    rich = element_symbol(stage, index) or element_name(stage, index)
    return re.sub(r"<sub>(.*?)</sub>", r"_\1", rich)


def _selected(win, kind, op=None):
    """(stage, index) when the selection is of `kind` (a stage name) at a step of kind `op`, else None."""
    sel, step = win.panel.selection, win.stepper.step()
    if sel is None or step is None or sel[0] != StageId.parse(kind):
        return None
    if op is not None and step.op != op:
        return None
    return sel


def _selection_done(kind, op, text):
    """A check for "click an element of `kind` (at a step of kind `op`)": `text(win, stage, index)`."""
    def done(win, ctx):
        sel = _selected(win, kind, op)
        return None if sel is None or win.session.trace is None else text(win, *sel)
    return Check(lambda win: [win.panel.selectionChanged], done)


def _value_line(win, stage, index):
    v = forward_value(win.session.trace, stage, index)
    return translate("LessonTasks", "Done — {0} = {1}.").format(symbol(stage, index), number(v))


def _second_map(win, stage, index):
    if index[0] != 1:
        return None
    text = translate("LessonTasks", "Done — {0} = {1}: the sum of the nine products and the bias, as the "
                                    "inspector shows.")
    return text.format(symbol(stage, index), number(forward_value(win.session.trace, stage, index)))


def _activated(win, stage, index):
    c = forward_value(win.session.trace, stage.sibling("feature_maps"), index)
    a = forward_value(win.session.trace, stage, index)
    return translate("LessonTasks", "Done — C = {0} became A = σ(C) = {1}.").format(number(c), number(a))


def _step_array(win, name, index):
    return float(np.asarray(win.stepper.step().arrays[name])[tuple(index)])


def _activation_grad(win, stage, index):
    return translate("LessonTasks", "Done — δ_A = {0}, σ′(C) = {1}, so δ_C = {2}.").format(
        number(_step_array(win, "grad_output", index)), number(_step_array(win, "derivative", index)),
        number(_step_array(win, "grad_input", index)))


def _pooled(win, stage, index):
    step = win.stepper.step()
    (k1, k2), (s1, s2) = step.meta["pool_size"], step.meta["pool_stride"]
    p, i, j = index
    window = np.asarray(step.arrays["input"])[p, i * s1:i * s1 + k1, j * s2:j * s2 + k2]
    return translate("LessonTasks", "Done — P = {0}; its window held {1}.").format(
        number(_step_array(win, "output", index)), ", ".join(number(v) for v in window.ravel()))


def _pool_grad(win, stage, index):
    g = _step_array(win, "grad_input", index)
    if g == 0.0 and win.session.net.config["conv"][0]["pool"] == "max":
        return translate("LessonTasks", "Done — ∂L/∂A = 0 here: this pixel was not the largest of its window.")
    return translate("LessonTasks", "Done — ∂L/∂A = {0} here: this pixel got a share of δ_P.").format(number(g))


def _kernel_grad(win, stage, index):
    return translate("LessonTasks", "Done — ∂L/∂K = {0} for {1}.").format(number(_step_array(win, "grad_W", index)),
                                                                          symbol(stage, index))


def _probs(win, stage, index):
    probs = win.session.trace.probs
    text = translate("LessonTasks", "Done — ŷ_{0} = {1}; the ten add up to {2}.")
    return text.format(index[0], number(probs[index[0]]), number(float(np.sum(probs))))


def _config_done(test, text):
    """A check for "change the network in the editor and Apply": test(config) on the network in use."""
    def done(win, ctx):
        t = win.session.trace
        return text(win, t) if t is not None and test(win.session.net.config) else None
    return Check(lambda win: [win.session.traceChanged], done, back_to_step=True)


def _sizes(win, trace):
    text = translate("LessonTasks", "Done — Eq. 2.1 with these numbers: {0}.")
    return text.format(trace.find(OpKind.CONV).meta["sizes"])


def _loss_grad_at_label(trace):
    step = trace.find(OpKind.LOSS_GRAD)
    return float(np.asarray(step.arrays["grad_input"])[trace.label])


def _mse(win, ctx):
    t = win.session.trace
    if t is None or win.session.net.config["loss"] != "mse":
        return None
    before = ctx.get("grad")
    now = _loss_grad_at_label(t)
    if before is None:
        return translate("LessonTasks", "Done — with MSE, ∂L/∂ŷ_y = {0}.").format(number(now))
    text = translate("LessonTasks", "Done — ∂L/∂ŷ_y was {0} with cross-entropy; with MSE it is {1}.")
    return text.format(number(before), number(now))


def _step_reached(win, ctx):
    step = win.stepper.step()
    if step is None or step.op != OpKind.DENSE_DW or step.layer != "out":
        return None
    shape = " × ".join(map(str, np.shape(step.arrays["grad_W"])))
    return translate("LessonTasks", "Done — step {0}: ∂L/∂W of the output layer, {1} numbers, each δ_j · a_i.").format(
        step.index + 1, shape)


def _element_checked(want_fail):
    def done(win, ctx):
        check = win.gradcheck.element.last_check
        if check is None or (win.session.mistake is not None) != want_fail:
            return None
        if want_fail and check.status != "fail":
            return None
        if want_fail:
            text = translate("LessonTasks", "Done — numerical {0}, backward run {1}: relative error {2}. The check "
                                            "caught the mistake.")
            return text.format(number(check.numeric), number(check.analytic), number(check.rel_error))
        return translate("LessonTasks", "Done — numerical {0}, backward run {1}: relative error {2}.").format(
            number(check.numeric), number(check.analytic), number(check.rel_error))
    return Check(lambda win: [win.gradcheck.element.checked], done)


def _updates(win):
    return {"updates": len(win.session.update_history)}


def _applied(win, ctx):
    history = win.session.update_history
    if len(history) <= ctx.get("updates", 0):
        return None
    r = history[-1]
    return translate("LessonTasks", "Done — with α = {0} the loss went from {1} to {2}; ŷ_y from {3} to {4}.").format(
        f"{r.lr:g}", number(r.loss), number(r.loss_after), number(r.prob), number(r.prob_after))


def _own_target(win, ctx):
    s = win.session
    if not (s.label_is_chosen and s.label_source == "user" and s.probs is not None):
        return None
    if s.x28 is ctx.get("x28"):               # the input of the page's start: nothing drawn yet
        return None
    return translate("LessonTasks", "Done — target y = {0}; the network gives it ŷ_y = {1} now.").format(s.label,
                                                                                   number(float(s.probs[s.label])))


def _my_digits(win):
    return {"digits": len(win.training.my_digits.store)}


def _added(win, ctx):
    n = len(win.training.my_digits.store)
    if n <= ctx.get("digits", 0):
        return None
    return translate("LessonTasks", "Done — {0} of your digits are kept for training.").format(n)


CHECKS = {
    "draw-stroke": Check(lambda win: [win.left.canvas.strokeFinished],
                         lambda win, ctx: None if win.session.probs is None else translate("LessonTasks",
                             "Done — the network reads your drawing as a {0} (ŷ = {1}).").format(
                             int(np.argmax(win.session.probs)), number(float(np.max(win.session.probs))))),
    "click-input-pixel": _selection_done("input", None, _value_line),
    "click-second-map": _selection_done("conv1.feature_maps", None, _second_map),
    "stride-two": _config_done(lambda c: c["conv"][0]["stride"] == [2, 2], _sizes),
    "padding-one": _config_done(lambda c: c["conv"][0]["padding"] == [1, 1], _sizes),
    "click-activated": _selection_done("conv1.activated", None, _activated),
    "click-activation-grad": _selection_done("conv1.feature_maps", OpKind.ACTIVATION_GRAD, _activation_grad),
    "activation-tanh": _config_done(lambda c: c["conv"][0]["activation"] == "tanh", lambda win, t: translate(
        "LessonTasks", "Done — block 1 now uses tanh, with the same weights: the loss is {0}.").format(number(t.loss))),
    "click-pooled": _selection_done("conv1.pooled", OpKind.POOL, _pooled),
    "click-pool-grad": _selection_done("conv1.activated", OpKind.POOL_GRAD, _pool_grad),
    "pool-average": _config_done(lambda c: c["conv"][0]["pool"] == "avg", lambda win, t: translate("LessonTasks",
        "Done — average pooling: step to its gradient and every pixel of a window gets δ_P / 4.")),
    "click-flatten": _selection_done("flatten", None, _value_line),
    "click-dense": _selection_done("dense1.z", None, _value_line),
    "click-probs": _selection_done("out.probs", None, _probs),
    "loss-mse": Check(lambda win: [win.session.traceChanged], _mse,
                      lambda win: {"grad": None if win.session.trace is None
                                   else _loss_grad_at_label(win.session.trace)}, back_to_step=True),
    "reach-dense-dw": Check(lambda win: [win.stepper.stepChanged], _step_reached),
    "click-kernel-grad": _selection_done("conv1.kernels", OpKind.CONV_DK, _kernel_grad),
    "gradients-view": Check(lambda win: [win.panel.mode_buttons.idClicked],
                            lambda win, ctx: translate("LessonTasks", "Done — the view shows ∂L/∂ of every stage now.")
                            if win.panel.mode == "gradients" else None),
    "run-element-check": _element_checked(False),
    "catch-mistake": _element_checked(True),
    "apply-update": Check(lambda win: [win.session.updatesChanged], _applied, _updates),
    "set-alpha": Check(lambda win: [win.session.lrChanged], lambda win, ctx: translate("LessonTasks",
        "Done — α = {0}. Press U to see what one step of this size does.").format(f"{win.session.lr:g}")),
    "train-run": Check(lambda win: [win.training.stateChanged], lambda win, ctx: translate("LessonTasks",
        "Done — training has started: watch the kernels in the Learning tab.")
        if win.training.state != "idle" else None),
    "own-target": Check(lambda win: [win.session.traceChanged], _own_target, lambda win: {"x28": win.session.x28}),
    "own-update": Check(lambda win: [win.session.updatesChanged], _applied, _updates),
    "own-add": Check(lambda win: [win.training.my_digits.list.model().rowsInserted], _added, _my_digits),
}
