"""Simplified Chinese: the gradient check (window, element check, backprop mistakes, kinks)."""

# Said by gradcheck_text.py through tr(CONTEXT, "...") with a literal: lupdate does not extract these
# (not in the .ts yet); kept here and in tools/zh_extra.json for when they are marked.
GRADCHECK_UNEXTRACTED = {
    'The mistake acts at this step.':
        "错误就在这一步起作用。",
    'It computes %1 instead of %2.':
        "它算的是 %1，而不是 %2。",
    'backprop with the mistake':
        "带错误的反向传播",
    'backprop':
        "反向传播",
    'relative error; tolerance %1':
        "相对误差；容差 %1",
    'PASS: backprop agrees with central differences.':
        "通过：反向传播与中心差分一致。",
    'FAIL: backprop disagrees with central differences.':
        "未通过：反向传播与中心差分不一致。",
    'AT A KINK: no derivative to check here.':
        "位于折点：这里没有导数可供检验。",
    'θ ± ε crossed a corner in %1: %2':
        "θ ± ε 跨过了 %1 中的折点：%2",
}

ZH = {
'gradcheck': {
    'ReLU has a corner at 0: its slope is 0 on the left and 1 on the right, so at 0 there is no single derivative and the two sides of the difference see different slopes.':
        "ReLU 在 0 处有一个折点：左侧斜率为 0，右侧为 1，所以在 0 处没有唯一的导数，差分的两侧看到的斜率不同。",
    'Leaky ReLU has a corner at 0: its slope is 0.01 on the left and 1 on the right, so at 0 there is no single derivative.':
        "Leaky ReLU 在 0 处有一个折点：左侧斜率为 0.01，右侧为 1，所以在 0 处没有唯一的导数。",
    "ELU's slope is 1 on both sides of 0 but its curvature jumps there, so a difference that straddles 0 is off by an amount of order ε instead of ε².":
        "ELU 在 0 两侧的斜率都是 1，但曲率在 0 处跳变，所以跨过 0 的差分误差是 ε 量级，而不是 ε² 量级。",
    'Two values of a max-pool window are (nearly) equal: a nudge decides which one is the maximum, and the gradient goes to one or the other, so max has a corner there.':
        "最大池化窗口中有两个值（几乎）相等：轻轻一推就决定了谁是最大值，梯度随之交给其中一个，所以 max 在这里有折点。",
    "An L2-pool window is (nearly) all zeros: √(Σ x²) has a cone point at 0 with no derivative, and close to it its curvature 1/‖x‖ makes the central difference's error, of order (ε/‖x‖)², too large to judge the gradient by.":
        "L2 池化窗口（几乎）全为零：√(Σ x²) 在 0 处是一个锥点，没有导数；在它附近，曲率 1/‖x‖ 使中心差分的误差达到 "
        "(ε/‖x‖)² 量级，大到无法据此判断梯度。",
    '|ŷ_i − y_i| has a corner where ŷ_i = y_i: slope −1 on one side, +1 on the other.':
        "|ŷ_i − y_i| 在 ŷ_i = y_i 处有折点：一侧斜率为 −1，另一侧为 +1。",
    'forget the activation derivative σ′':
        "漏乘激活函数的导数 σ′",
    'convolution instead of cross-correlation in ∂L/∂I':
        "∂L/∂I 中用卷积代替了互相关",
    'route the max-pool gradient to every window element':
        "把最大池化的梯度传给窗口中的每个元素",
    'drop the 1/N of average pooling':
        "漏掉平均池化的 1/N",
    "forget the bias gradient's sum over positions":
        "偏置梯度漏掉了对各位置的求和",
    'δ went back through every hidden activation unchanged, as if σ′ were 1: the chain rule lost a factor, so every gradient below an activation is wrong.':
        "δ 原封不动地穿过了每个隐藏层的激活函数，仿佛 σ′ 恒为 1：链式法则少了一个因子，"
        "所以激活函数之前（靠输入一侧）的每个梯度都是错的。",
    '∂L/∂I used each kernel turned 180° from the right way round (a convolution where the chain rule asks for a cross-correlation with the rotated kernel, or a flip done twice), so each pixel got δ times the weight from the opposite side of the window.':
        "∂L/∂I 用的每个卷积核都比正确方向多转了 180°（链式法则要求与旋转后的卷积核做互相关，这里却做了卷积，"
        "或者翻转做了两次），于是每个像素得到的是 δ 乘以窗口另一侧的权重。",
    "Each window's δ went to all k1·k2 of its inputs instead of only the maximum: the inputs that lost the max contest had no effect on the loss, yet got a gradient.":
        "每个窗口的 δ 传给了全部 k1·k2 个输入，而不是只传给最大值：没能成为最大值的输入对损失毫无影响，却也得到了梯度。",
    'Each input of an average-pool window got the whole δ instead of δ/(k1·k2): the mean divides by the window size, so its gradient must too, and everything below comes out k1·k2 times too large.':
        "平均池化窗口的每个输入都得到了整个 δ，而不是 δ/(k1·k2)：平均值要除以窗口大小，它的梯度也必须除；"
        "于是此前（靠输入一侧）的一切都大了 k1·k2 倍。",
    "∂L/∂b_p kept only the δ of the last position of feature map p (db[p] = δ in the loop instead of db[p] += δ), but b_p is added at every position, so every position's δ belongs in its gradient.":
        "∂L/∂b_p 只保留了特征图 p 最后一个位置的 δ（循环里写成了 db[p] = δ，而不是 db[p] += δ），"
        "但 b_p 加在每个位置上，所以每个位置的 δ 都应计入它的梯度。",
    'a hidden activation other than identity':
        "一个非恒等的隐藏层激活函数",
    'a kernel larger than 1 × 1':
        "一个大于 1 × 1 的卷积核",
    'a max-pooling layer with windows larger than 1 × 1':
        "一个窗口大于 1 × 1 的最大池化层",
    'an average-pooling layer with windows larger than 1 × 1':
        "一个窗口大于 1 × 1 的平均池化层",
    'a feature map with more than one position':
        "一张不止一个位置的特征图",
},

'ElementCheckBox': {
    'Check this element':
        "检验这个元素",
    "Compute ∂L/∂θ of the selected element numerically, (L(θ + ε) − L(θ − ε)) / 2ε, and compare it with backprop's":
        "用数值方法 (L(θ + ε) − L(θ − ε)) / 2ε 计算所选元素的 ∂L/∂θ，并与反向传播的结果比较",
    'Checking %s…':
        "正在检验 %s…",
    'for %s':
        "检验对象：%s",
    'Select a weight, bias, pixel or unit to check its gradient.':
        "选择一个权重、偏置、像素或单元，检验它的梯度。",
    'Gradients are checked at backward and update steps.':
        "梯度检验在反向传播和更新的步骤中进行。",
    'The loss itself has no gradient to check.':
        "损失本身没有可检验的梯度。",
    'The check could not run: %s':
        "检验无法运行：%s",
},

'GradCheckControls': {
    'Check &gradients…':
        "梯度检验(&G)…",
    'Compare every gradient with central differences, in a window of its own':
        "在单独的窗口中，把每个梯度与中心差分进行比较",
    'Backprop &mistake':
        "反向传播常见错误(&M)",
    'Draw a digit first: the check needs an input and a target.':
        "请先写一个数字：检验需要一个输入和一个目标。",
    'Check gradients: %s, target y = %d':
        "梯度检验：%s，目标 y = %d",
},

'GradCheckView': {
    'Check gradients':
        "梯度检验",
    'How many random elements of every array to check':
        "每个数组随机检验多少个元素",
    'every element':
        "全部元素",
    "none: the engine's backward run":
        "无：引擎的正确反向传播",
    'mistake: %s':
        "错误：%s",
    'Check':
        "检验",
    'Cancel':
        "取消",
    'Elements per array:':
        "每个数组的元素数：",
    'Press Check to compare every gradient with central differences.':
        "按“检验”，把每个梯度与中心差分进行比较。",
    'array':
        "数组",
    'checked':
        "已检验",
    'worst rel. error':
        "最大相对误差",
    'at kinks':
        "位于折点",
    'result':
        "结果",
    'relative error |g_num − g| / (|g_num| + |g|)':
        "相对误差 |g_num − g| / (|g_num| + |g|)",
    'elements':
        "元素数",
    'Each checked element θ is moved by ±ε and the network run forward twice: (L(θ + ε) − L(θ − ε)) / 2ε is compared with the gradient of the backward run.':
        "每个受检元素 θ 分别移动 ±ε，网络前向传播两次：把 (L(θ + ε) − L(θ − ε)) / 2ε 与反向传播得到的梯度比较。",
    '%s Wrong: %s. Right: %s.':
        "%s 错误写法：%s。正确写法：%s。",
    'It should show in: %s.':
        "它应当在这些地方显现：%s。",
    'This network gives it nothing to act on (it needs %s).':
        "这个网络中没有它能起作用的地方（它需要%s）。",
    'Checking…':
        "正在检验…",
    'Cancelling…':
        "正在取消…",
    'Cancelled: nothing was checked to the end.':
        "已取消：没有任何检验完成。",
    'The check could not run: %s':
        "检验无法运行：%s",
    'FAIL: %s disagree with central differences (relative error ≥ %g).':
        "未通过：%s 与中心差分不一致（相对误差 ≥ %g）。",
    'PASS: every checked gradient away from kinks agrees with central differences to a relative error below %g (ε = %g).':
        "通过：除折点外，所有受检梯度都与中心差分一致，相对误差低于 %g（ε = %g）。",
    'pass':
        "通过",
    'FAIL':
        "未通过",
    '≤ 1e-17 or exactly 0':
        "≤ 1e-17 或恰为 0",
    'tolerance':
        "容差",
    'No checked element was at a kink.':
        "没有受检元素位于折点。",
    'At kinks, not counted as failures (the loss has a corner there):':
        "位于折点，不计为失败（损失在那里有折角）：",
    '%s: %d element(s). %s':
        "%s：%d 个元素。%s",
},

'MistakeBanner': {
    'Turn the mistake off':
        "关闭这个错误",
    'It acts in %s: watch the gradients from there down.':
        "它在 %s 起作用：请留意从那里一直到输入的各个梯度。",
    'This network gives it nothing to act on (it needs %s).':
        "这个网络中没有它能起作用的地方（它需要%s）。",
    'Mistake on: %s.':
        "已开启错误：%s。",
    'Wrong: %s; right: %s.':
        "错误写法：%s；正确写法：%s。",
    'Updates are not applied while it is on.':
        "开启期间不会应用更新。",
},

'MistakesMenu': {
    "None: the engine's backward run":
        "无：引擎的正确反向传播",
},
}
