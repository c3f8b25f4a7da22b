"""Simplified Chinese: the iteration panel, inspector, editor, files and my digits."""

ZH = {
'ChoiceView': {
    'Step to a loss, activation or pooling step to see what that choice does, and how the others would do it.':
        "走到损失、激活或池化这几步，就能看到这个选择起什么作用，以及换成其他选择会怎样。",
    '<p>ŷ<sub>%1</sub> = %2 for the target y = %1; the largest wrong class is %3 with ŷ<sub>%3</sub> = %4. Every loss under this %5 output:</p>':
        "<p>目标 y = %1 时 ŷ<sub>%1</sub> = %2；错误类别中概率最大的是 %3，ŷ<sub>%3</sub> = %4。"
        "在这个 %5 输出下的各种损失：</p>",
    '<tr><th>loss</th><th>L</th><th>∂L/∂ŷ<sub>%1</sub> (target)</th><th>∂L/∂ŷ<sub>%2</sub> (wrong)</th></tr>':
        "<tr><th>损失</th><th>L</th><th>∂L/∂ŷ<sub>%1</sub>（目标）</th><th>∂L/∂ŷ<sub>%2</sub>（错误）</th></tr>",
    "<p class='hint'>The larger |∂L/∂ŷ|, the harder the backward pass pushes. On a confident mistake (ŷ of the target near 0) cross-entropy's −1/ŷ grows without bound, while MSE's 2(ŷ − y)/t stays below 2/t.</p>":
        "<p class='hint'>|∂L/∂ŷ| 越大，反向传播的推动就越强。在很有把握的错误上（目标的 ŷ 接近 0），"
        "交叉熵的 −1/ŷ 会无限增大，而均方误差的 2(ŷ − y)/t 始终小于 2/t。</p>",
    '(the element with the largest |δ|; click another)':
        "（|δ| 最大的元素；可点击其他元素）",
    '(the element with the largest |σ(C)|; click another)':
        "（|σ(C)| 最大的元素；可点击其他元素）",
    'σ = %1 and its derivative σ′. Click an element to mark its C.':
        "σ = %1 及其导数 σ′。点击一个元素，标出它的 C。",
    'σ = %1: at C = %2, σ(C) = %3 and σ′(C) = %4.':
        "σ = %1：在 C = %2 处，σ(C) = %3，σ′(C) = %4。",
    'The gradient through this element is scaled by σ′(C).':
        "经过这个元素的梯度要乘以 σ′(C)。",
    "the selected value's window":
        "所选值所在的窗口",
    'P[%1, %2, %3], the most varied window (click a pooled value for another)':
        "P[%1, %2, %3]，数值差异最大的窗口（点击其他池化值可换一个）",
    '<p>The window of %1:</p>':
        "<p>%1 的窗口：</p>",
    "<b>%1</b> pooling: %2 = <b>%3</b>; backward: %4. With δ = 1 the window's gradient is":
        "<b>%1</b> 池化：%2 = <b>%3</b>；反向：%4。当 δ = 1 时，窗口的梯度为",
},

'ConvFields': {
    'Convolution block %1':
        "卷积块 %1",
    'D: how many kernels, so how many feature maps':
        "D：卷积核的个数，也就是特征图的张数",
    'k1: kernel rows':
        "k1：卷积核的行数",
    'k2: kernel columns':
        "k2：卷积核的列数",
    'Z_s: how far the kernel moves between outputs':
        "Z_s：每算一个输出，卷积核移动的距离",
    'Z_p: zeros added on every side of the input':
        "Z_p：在输入四周各补上的零",
    'pooling window k × k':
        "池化窗口 k × k",
    'how far the pooling window moves':
        "池化窗口每次移动的距离",
    'kernels D':
        "卷积核数 D",
    'kernel size k1 × k2':
        "卷积核大小 k1 × k2",
    'stride Z_s':
        "步幅 Z_s",
    'padding Z_p':
        "填充 Z_p",
    'activation σ':
        "激活函数 σ",
    'pooling':
        "池化",
    'pool size':
        "池化大小",
    'pool stride':
        "池化步幅",
},

'DenseFields': {
    'Dense layer %1':
        "全连接层 %1",
    'how many units':
        "单元的个数",
    'units':
        "单元数",
    'activation σ':
        "激活函数 σ",
},

'DetailView': {
    'an element':
        "一个元素",
    'a pixel':
        "一个像素",
    '{0} · click {1} for its numbers':
        "{0} · 点击{1}查看它的数值",
    "the stage's values<br>(its gradient: Gradients or Both)":
        "该环节的数值<br>（看梯度请选“梯度”或“两者”）",
},

'EditorPanel': {
    'Preset':
        "预设",
    '(choose a preset)':
        "（选择预设）",
    'Input and output':
        "输入与输出",
    '28: the drawn input as it is; smaller: the 28 × 28 input area-averaged, so a tiny network fits on screen':
        "28：按原样使用手写输入；更小：把 28 × 28 的输入按面积平均缩小，让很小的网络也能完整显示在屏幕上",
    'input size n (n × n)':
        "输入大小 n（n × n）",
    'how many conv blocks (conv, activation, pooling)':
        "卷积块的个数（卷积、激活、池化）",
    'conv blocks':
        "卷积块",
    'how many hidden dense layers before the output':
        "输出层之前的隐藏全连接层个数",
    'dense layers':
        "全连接层",
    'output activation':
        "输出激活函数",
    'loss':
        "损失函数",
    'the random seed of the fresh weights':
        "新权重的随机种子",
    'seed':
        "种子",
    'stage':
        "环节",
    'shape':
        "形状",
    'Eq. 2.1':
        "式 2.1",
    'parameters':
        "参数",
    'multiply-adds':
        "乘加次数",
    'Keep the current weights':
        "保留当前权重",
    "Only choices without parameters changed (loss, activations, pooling kind, output activation): the same weights fit the new network, so you see the same network's gradients under the new choices.":
        "只改动了不带参数的选择（损失函数、激活函数、池化方式、输出激活函数）：原来的权重仍适用于新网络，"
        "因此你看到的是同一个网络在新选择下的梯度。",
    'Apply':
        "应用",
    'Build this network and restart the iteration on your drawing':
        "构建这个网络，并在你写的数字上重新开始迭代",
    'Revert':
        "还原",
    "Show the loaded network's fields again":
        "重新显示已载入网络的各项设置",
    '<b>%1</b> parameters · <b>%2</b> multiply-adds per image':
        "<b>%1</b> 个参数 · 每张图像 <b>%2</b> 次乘加",
    'Apply is off until the field marked in red is changed.':
        "改好标红的字段之前，“应用”不可用。",
    'Only parameter-free choices changed (%1): Apply can keep the weights.':
        "只改动了不带参数的选择（%1）：“应用”可以保留原来的权重。",
    "These are the loaded network's fields: Apply starts it again from fresh weights (seed %1).":
        "这些是已载入网络的设置：“应用”会让它从新的权重重新开始（种子 %1）。",
    'Apply loads the shipped pretrained weights.':
        "“应用”会载入附带的预训练权重。",
    'Apply loads the shipped pretrained model.':
        "“应用”会载入附带的预训练模型。",
    'Apply builds this network with fresh random weights (seed %1).':
        "“应用”会用新的随机权重构建这个网络（种子 %1）。",
    'Same weights, new choices: %1':
        "权重不变，选择已更新：%1",
    'Could not load the pretrained model':
        "无法载入预训练模型",
    'The current network was kept.':
        "当前网络保持不变。",
    'pretrained model':
        "预训练模型",
    'Loaded the shipped pretrained model':
        "已载入附带的预训练模型",
    'your network':
        "你的网络",
    'Built %1 with fresh random weights (seed %2)':
        "已用新的随机权重构建 %1（种子 %2）",
},

'Inspector': {
    'Click any pixel, unit or weight to see its numbers.':
        "点击任意像素、单元或权重，查看它的数值。",
    '{0} · step {1} of {2}':
        "{0} · 第 {1} 步，共 {2} 步",
    'Eq. 2.1:':
        "式 2.1：",
    'Selected:':
        "已选：",
},

'NetworkPanel': {
    'Next step':
        "下一步",
    'Previous step':
        "上一步",
    'First step':
        "第一步",
    'Last step':
        "最后一步",
    'Play / pause':
        "播放 / 暂停",
    '{0} ({1})':
        "{0}（{1}）",
    ' or ':
        " 或 ",
    '%s (the backprop mistake acts here)':
        "%s（反向传播错误在这里起作用）",
    'No iteration yet: draw a digit to start.':
        "还没有迭代：写一个数字即可开始。",
    'Draw a digit to see one training iteration, op by op.':
        "写一个数字，逐个运算地观看一次训练迭代。",
    '<b>Step {0} / {1}</b> · {2}':
        "<b>第 {0} / {1} 步</b> · {2}",
    'value {0}':
        "数值 {0}",
    'gradient {0}':
        "梯度 {0}",
    'not computed yet':
        "尚未计算",
    'This step does not involve the selected element.':
        "这一步与所选元素无关。",
    'This step does not compute this element.':
        "这一步不计算这个元素。",
    'click for its numbers':
        "点击查看数值",
    'Values':
        "数值",
    'Gradients':
        "梯度",
    'Both':
        "两者",
    'Show the values each stage computed':
        "显示每个环节算出的数值",
    'Show the gradients ∂L/∂· (blue negative, white 0, red positive)':
        "显示梯度 ∂L/∂·（蓝为负，白为 0，红为正）",
    'Gradients blended over the values':
        "把梯度叠加在数值上",
    'scale: each stage':
        "刻度：各环节独立",
    'scale: whole step':
        "刻度：整步统一",
    '<b>Press → (or ▶ to play)</b> to step through one training iteration, op by op. Click any pixel, unit or weight for its numbers.':
        "<b>按 →（或 ▶ 自动播放）</b>，逐个运算地走完一次训练迭代。点击任意像素、单元或权重可查看它的数值。",
    'Gradient colours: one scale for every stage of the step (colours compare across stages) or each stage its own (small gradients visible)':
        "梯度颜色：整步所有环节共用一个刻度（颜色可跨环节比较），或每个环节各用自己的刻度（小梯度也看得见）",
    'Playing speed (steps per second)':
        "播放速度（每秒步数）",
    '{0} steps/s':
        "{0} 步/秒",
},

'ParamPages': {
    ' × {0} channels (side by side)':
        " × {0} 个通道（并排）",
    'click a weight':
        "点击一个权重",
    '∂L/∂K (±{0}) · Values: K, Both: both':
        "∂L/∂K（±{0}）· 数值：K，两者：两者",
    'K · Gradients: ∂L/∂K, Both: both':
        "K · 梯度：∂L/∂K，两者：两者",
    'K with ∂L/∂K over it (±{0}) · Values or Gradients: one alone':
        "K 上叠加 ∂L/∂K（±{0}）· 数值或梯度：只显示其一",
    'output unit j (row)':
        "输出单元 j（行）",
    'input unit i (column)':
        "输入单元 i（列）",
    '∂L/∂W of {0}<br>{1} units (rows) × {2} inputs (columns) · click a weight':
        "{0} 的 ∂L/∂W<br>{1} 个单元（行）× {2} 个输入（列）· 点击一个权重",
    'gradient ±{0}':
        "梯度 ±{0}",
    '{0}: {1} kernels {2} × {3}':
        "{0}：{1} 个卷积核 {2} × {3}",
    'the kernels K and their gradient ∂L/∂K · click a weight':
        "卷积核 K 及其梯度 ∂L/∂K · 点击一个权重",
    '∂L/∂K (±{0})':
        "∂L/∂K（±{0}）",
    'unit':
        "单元",
    'kernel':
        "卷积核",
    '∂L/∂b of {0}<br>one bar per {1} · click a bar':
        "{0} 的 ∂L/∂b<br>每个{1}一根柱 · 点击一根柱",
    "ŷ before (<span style='color:{0}'>grey</span>) and after (<span style='color:{1}'>green</span>) the update<br>L: {2} → {3}":
        "更新前（<span style='color:{0}'>灰色</span>）与更新后（<span style='color:{1}'>绿色</span>）的 ŷ"
        "<br>L：{2} → {3}",
    'before':
        "更新前",
    'gradient (±{0})':
        "梯度（±{0}）",
    'Δ = −α·∇ (±{0})':
        "Δ = −α·∇（±{0}）",
    'after':
        "更新后",
    'gradient':
        "梯度",
    'Δ = −α·∇':
        "Δ = −α·∇",
    'a weight':
        "一个权重",
    'a bar':
        "一根柱",
    ' ({0}% of the largest |θ|)':
        "（为最大 |θ| 的 {0}%）",
    '{0}: after = before + Δ, Δ = −α · gradient, α = {1} · click {2}<br>largest change |Δ| = {3}{4}':
        "{0}：更新后 = 更新前 + Δ，Δ = −α · 梯度，α = {1} · 点击{2}<br>最大变化 |Δ| = {3}{4}",
},

'PhaseIndicator': {
    'Go to the first step of the {0} phase':
        "跳到{0}阶段的第一步",
},

'PipelineView': {
    'step<br>{0}':
        "步骤<br>{0}",
    'computed<br>at step {0}':
        "算于<br>第 {0} 步",
    'gradient<br>one scale<br>for the step':
        "梯度<br>整步<br>统一刻度",
    "gradient<br>this stage's<br>own scale":
        "梯度<br>本环节<br>独立刻度",
    'no<br>gradients<br>yet':
        "还<br>没有<br>梯度",
},

'UpdateWarningBar': {
    'Reset weights':
        "重置权重",
    'Dismiss':
        "关闭",
    'it <b>raised</b> the loss from {0} to {1}':
        "损失从 {0} <b>升高</b>到了 {1}",
    'the output <b>saturated</b> (ŷ is 0 or 1, so the gradients vanish and the network stops learning)':
        "输出<b>饱和</b>了（ŷ 为 0 或 1，梯度随之消失，网络不再学习）",
    '<b>{0} of {1}</b> active ReLU units switched off (they pass no gradient now)':
        "活跃的 ReLU 单元中有 <b>{0} / {1}</b> 个被关闭（它们现在不再传递梯度）",
    'The last update went too far: {0}. α = {1} is probably too large: try a smaller α, or reset the weights.':
        "上一次更新走得太远了：{0}。α = {1} 可能太大：请尝试更小的 α，或重置权重。",
    'Use α = {0}':
        "改用 α = {0}",
},

'UpdatesView': {
    'update':
        "更新",
    'loss L before the update':
        "更新前的损失 L",
    'ŷ of the target before it':
        "更新前目标类别的 ŷ",
    'y = {0}':
        "y = {0}",
    '{0} updates applied by hand. Last: y = {1}, L {2} → {3}, ŷ {4} → {5}':
        "已手动应用 {0} 次更新。最近一次：y = {1}，L {2} → {3}，ŷ {4} → {5}",
    'No update applied by hand yet: "Apply update" (U) adds a point per iteration. New weights (reset, another model) start over.':
        "还没有手动应用过更新：每次迭代点一下“应用更新”(U) 就会添加一个点。换了新权重（重置、换模型）会重新开始。",
},

'FileActions': {
    'Not enough memory.':
        "内存不足。",
    'The file is nested too deeply to be read.':
        "文件嵌套层级太深，无法读取。",
    'An unexpected error ({0}: {1}). Please report it.':
        "发生了意外错误（{0}：{1}）。请报告此问题。",
    'Nothing was written: a file already there is unchanged.':
        "没有写入任何内容：已有的文件保持不变。",
    '{0}: expects {1}×{2} inputs and {3} classes; convviz draws 28×28 digits 0-9 (or area-averages them to a smaller square)':
        "{0}：需要 {1}×{2} 的输入和 {3} 个类别；convviz 的手写数字是 28×28、0-9 共 10 类（或按面积平均缩小成更小的正方形）",
    'Could not open the model':
        "无法打开模型",
    'The current model was kept.':
        "当前模型保持不变。",
    'weights from {0}':
        "来自 {0} 的权重",
    'Opened model {0}':
        "已打开模型 {0}",
    'Could not save the model':
        "无法保存模型",
    'Saved the model to {0}':
        "模型已保存到 {0}",
    'Could not open the image':
        "无法打开图像",
    'The canvas was not changed.':
        "画布没有改动。",
    'no ink found in it':
        "其中找不到笔迹",
    '{0}×{1} px':
        "{0}×{1} 像素",
    'Opened {0} ({1})':
        "已打开 {0}（{1}）",
    'Nothing to export':
        "没有可导出的内容",
    'There is no current step: draw a digit first.':
        "当前没有步骤：请先写一个数字。",
    '{0} hold infinite or NaN values; try a smaller α':
        "{0} 含有无穷大或 NaN 值；请尝试更小的 α",
    'Could not export the step':
        "无法导出这一步",
    'Saved {0} arrays to {1}':
        "已将 {0} 个数组保存到 {1}",
    'There is no iteration: draw a digit first.':
        "还没有迭代：请先写一个数字。",
    'Could not export the iteration':
        "无法导出这次迭代",
    'Saved {0} steps to {1} (arrays) and {2} (index)':
        "已将 {0} 个步骤保存到 {1}（数组）和 {2}（索引）",
    'The file could not be written.':
        "无法写入文件。",
    'Could not save the picture':
        "无法保存图片",
    'Saved {0}':
        "已保存 {0}",
},

'MyDigitsView': {
    'Add the drawing to my digits':
        "将手写数字加入“我的数字”",
    'Store the 28×28 input with its training target y in your own data set (Ctrl+D), to train or fine-tune on your handwriting':
        "把 28×28 的输入连同训练目标 y 存入你自己的数据集 (Ctrl+D)，用你的笔迹训练或微调网络",
    'Delete selected':
        "删除所选",
    'Your digits could not be read: {0}':
        "无法读取你的数字：{0}",
    'Add the drawing to my digits as a {0}':
        "将手写数字作为 {0} 加入“我的数字”",
    'Draw a digit first.':
        "请先写一个数字。",
    'Not added: {0}':
        "未添加：{0}",
    ' (the unreadable old file was kept as {0})':
        "（无法读取的旧文件已保留为 {0}）",
    'Added a {0}; {1} digits in {2}{3}':
        "已添加一个 {0}；{2} 中共有 {1} 个数字{3}",
    'Not deleted: {0}':
        "未删除：{0}",
    'Deleted {0}; {1} left':
        "已删除 {0} 个；还剩 {1} 个",
    '{0} of your digits ({1}). Select and press Delete selected to remove some.':
        "你的数字共 {0} 个（{1}）。选中后按“删除所选”即可移除。",
    'none yet':
        "还没有",
},
}
