"""Simplified Chinese: the step titles, explanations, inspector texts and captions (presentation/)."""

ZH = {
'catalogue': {
    'Forward':
        "前向传播",
    'Loss':
        "损失",
    'Backward':
        "反向传播",
    'Update':
        "更新",
    'input image I':
        "输入图像 I",
    '{layer}: convolution':
        "{layer}：卷积",
    '{layer}: activation {activation}':
        "{layer}：激活函数 {activation}",
    '{layer}: {pool} pooling':
        "{layer}：{pool}池化",
    'flatten':
        "展平",
    '{layer}: weighted sum':
        "{layer}：加权求和",
    'output: {activation}':
        "输出：{activation}",
    'loss: {loss}':
        "损失：{loss}",
    'loss gradient ∂L/∂ŷ':
        "损失的梯度 ∂L/∂ŷ",
    'output: δ^(L+1) = ∂L/∂z':
        "输出：δ^(L+1) = ∂L/∂z",
    '{layer}: weight gradient ∂L/∂W':
        "{layer}：权重梯度 ∂L/∂W",
    '{layer}: bias gradient ∂L/∂b':
        "{layer}：偏置梯度 ∂L/∂b",
    '{layer}: gradient to the layer below':
        "{layer}：传回前一层的梯度",
    '{layer}: through the activation {activation}':
        "{layer}：反向穿过激活函数 {activation}",
    'un-flatten the gradient':
        "梯度反展平",
    '{layer}: routing through {pool} pooling':
        "{layer}：梯度经{pool}池化回传",
    '{layer}: kernel gradient ∂L/∂K':
        "{layer}：卷积核梯度 ∂L/∂K",
    '{layer}: input gradient ∂L/∂I':
        "{layer}：输入梯度 ∂L/∂I",
    'update {param}':
        "更新 {param}",
    'forward again after the update':
        "更新后再做一次前向传播",
    'The image the network sees: ink is bright (1), paper dark (0).':
        "网络看到的图像：笔迹为亮（1），纸面为暗（0）。",
    "Each kernel slides over the input; at every position the element-wise product of the kernel and the patch under it (its receptive field) is summed and the kernel's bias added. {kernels} kernels give {kernels} feature maps of {height} × {width}.":
        "每个卷积核在输入上滑动；在每个位置，把卷积核与其下方输入块（即它的感受野）逐元素相乘再求和，"
        "然后加上该卷积核的偏置。{kernels} 个卷积核得到 {kernels} 张 {height} × {width} 的特征图。",
    'The activation {activation} is applied to every value on its own. Without a non-linearity here, stacked layers would collapse into one linear map.':
        "激活函数 {activation} 逐个作用于每个值。如果这里没有非线性，多层叠加起来也只相当于一个线性映射。",
    'Each {pool_height} × {pool_width} window (stride {pool_stride}) is reduced to one value ({pool}), shrinking each map to {height} × {width}: fewer numbers, and a little tolerance to where exactly a feature appeared.':
        "每个 {pool_height} × {pool_width} 的窗口（步幅 {pool_stride}）被归约为一个值（{pool}），"
        "每张特征图因此缩小为 {height} × {width}：数值更少，而且对特征出现的确切位置有了一点容忍度。",
    'The maps are laid end to end, map by map and row by row, into one vector so the dense layers can weigh every value. Nothing is computed; only the shape changes.':
        "把各张特征图按图、按行首尾相接，排成一个向量，使全连接层能够为每个值加权。这里没有任何计算，只改变形状。",
    'Each of the {units} units weighs all {inputs} inputs, adds its bias and gives one number z. Large positive weights on active inputs push z up.':
        "{units} 个单元中的每一个都对全部 {inputs} 个输入加权，再加上自己的偏置，得到一个数 z。"
        "连在活跃输入上的大正权重会把 z 推高。",
    "The loss measures how far ŷ is from the one-hot target y; training lowers it. Over a batch, the mean of the examples' losses.":
        "损失衡量 ŷ 与独热编码的目标 y 相差多远；训练就是要降低它。对一个批量，取各样本损失的平均值。",
    'The backward run starts at the loss: how would it change if each output probability moved a little?':
        "反向传播从损失开始：如果每个输出概率稍稍变动，损失会怎样变化？",
    "A weight's gradient is the error of the unit it feeds times the input it carried: weights from inputs that were 0 do not change.":
        "一个权重的梯度，等于它所连接单元的误差乘以它传递的输入：来自取值为 0 的输入的权重不会改变。",
    "A bias adds 1 × b to z, so its gradient is the unit's δ itself.":
        "偏置给 z 加上 1 × b，所以它的梯度就是该单元的 δ 本身。",
    "Each input fed every unit of the layer, so its gradient sums the units' δ weighted by the connecting weights.":
        "每个输入都连到本层的每个单元，所以它的梯度是各单元的 δ 按连接权重加权求和。",
    'The gradient passes back through σ by the chain rule: each value is multiplied by the slope σ′ at that point.':
        "梯度按链式法则反向穿过 σ：每个值都乘以 σ 在该点的斜率 σ′。",
    "The gradient vector is folded back into the pooled maps' shape, each value to the position it came from.":
        "梯度向量被折回池化后特征图的形状，每个值回到它原来的位置。",
    "A kernel weight touched every position of its feature map, so its gradient adds up δ times the input pixel it multiplied, over all positions: the correlation of the input with the feature maps' gradient.":
        "卷积核的一个权重参与了其特征图每个位置的计算，所以它的梯度是在所有位置上把 δ 与它所乘的输入像素之积相加："
        "即输入与特征图梯度的互相关。",
    "Every position of feature map p adds the same bias b_p, so its gradient is the sum of the map's gradient δ_p.":
        "特征图 p 的每个位置都加上同一个偏置 b_p，所以它的梯度是该特征图梯度 δ_p 的总和。",
    'Each input pixel fed every output position whose window covered it, so its gradient sums δ times the kernel weight it met: a full convolution with the kernel turned 180°.':
        "每个输入像素都参与了覆盖它的各个输出位置的计算，所以它的梯度是 δ 与它所遇到的卷积核权重之积的和："
        "即与旋转 180° 的卷积核做全卷积。",
    'Gradient descent moves every parameter a small step against its gradient, the direction that lowers the loss fastest.':
        "梯度下降让每个参数沿梯度的反方向移动一小步，这是损失下降最快的方向。",
    "The same image is run forward with the updated parameters. For a small enough α the loss falls and the target's probability rises.":
        "用更新后的参数对同一张图像再做一次前向传播。只要 α 足够小，损失就会下降，目标类别的概率就会上升。",
    'Softmax turns the scores z into probabilities that are positive and sum to 1; the largest score gets the largest share.':
        "Softmax 把得分 z 变成概率：全为正且总和为 1；得分最高者分得最大的份额。",
    "Each output gets its own probability in (0, 1) from the sigmoid (the paper's choice).":
        "Sigmoid 给每个输出各自一个 (0, 1) 之间的概率（论文的选择）。",
    "With {activation} outputs and cross-entropy, the chain rule's terms cancel: ∂L/∂ŷ_i · ∂ŷ_i/∂z leaves just ŷ − y, the predicted minus the true probability. Over a batch, divided by N for the mean.":
        "输出用 {activation}、损失用交叉熵时，链式法则中的项相互抵消：∂L/∂ŷ_i · ∂ŷ_i/∂z 只剩下 ŷ − y，"
        "即预测概率减去真实概率。对一个批量，再除以 N 取平均。",
    'Every softmax output depends on every z, so the gradient goes through the full Jacobian.':
        "Softmax 的每个输出都依赖于每个 z，所以梯度要经过完整的雅可比矩阵。",
    'Through the sigmoid by the chain rule: multiply by its slope ŷ(1 − ŷ).':
        "按链式法则穿过 sigmoid：乘以它的斜率 ŷ(1 − ŷ)。",
    'Only the largest value of each window reached the output, so only it gets the gradient; the other positions of the window had no effect on the loss and get 0.':
        "每个窗口只有最大值传到了输出，所以只有它得到梯度；窗口中的其他位置对损失没有影响，梯度为 0。",
    'Every value of a window counted equally in its mean, so each gets an equal share 1/(k1·k2).':
        "窗口中每个值在平均值中的分量相同，所以每个值得到相同的份额 1/(k1·k2)。",
    "Each value gets δ in proportion to its share x/P of the window's norm.":
        "每个值按它在窗口范数中所占的份额 x/P 分得 δ。",
    ' The stride does not divide evenly, so the last {skipped_rows} row(s) and {skipped_cols} column(s) of the padded input are never covered (Eq. 2.1 rounds down).':
        "步幅不能整除，所以填充后输入的最后 {skipped_rows} 行和 {skipped_cols} 列从未被覆盖（式 2.1 向下取整）。",
    ' For the input image this is its saliency: how much each pixel would change the loss.':
        "对输入图像而言，这就是它的显著性：每个像素会让损失改变多少。",
    ' ReLU lets it through where the input was positive and blocks it elsewhere.':
        "ReLU 在输入为正的地方让梯度通过，其他地方则将其阻断。",
    ' Here the loss rose: this α is too large, the step overshot the valley. Try a smaller α.':
        "这里损失反而上升了：α 太大，这一步越过了谷底。请尝试更小的 α。",
    '<b>input</b><br>image I<br>{h} × {w}':
        "<b>输入</b><br>图像 I<br>{h} × {w}",
    '<b>{layer}</b><br>{d} kernels<br>{size}':
        "<b>{layer}</b><br>{d} 个卷积核<br>{size}",
    '<b>{layer}</b><br>feature maps<br>{h} × {w} × {d}':
        "<b>{layer}</b><br>特征图<br>{h} × {w} × {d}",
    '<b>{layer}</b><br>{activation}<br>{h} × {w} × {d}':
        "<b>{layer}</b><br>{activation}<br>{h} × {w} × {d}",
    '<b>{layer}</b><br>a = {activation}<br>{n}':
        "<b>{layer}</b><br>a = {activation}<br>{n}",
    '<b>{layer}</b><br>{pool} pool<br>{h} × {w} × {d}':
        "<b>{layer}</b><br>{pool}池化<br>{h} × {w} × {d}",
    '<b>flatten</b><br>a⁰<br>{n}':
        "<b>展平</b><br>a⁰<br>{n}",
    '<b>{layer}</b><br>z<br>{n}':
        "<b>{layer}</b><br>z<br>{n}",
    '<b>output</b><br>{activation} ŷ<br>{n} classes':
        "<b>输出</b><br>{activation} ŷ<br>{n} 个类别",
    '<b>loss</b><br>L<br> ':
        "<b>损失</b><br>L<br> ",
    ' ({0} non-zero)':
        "（{0} 项非零）",
    '+ {0} other terms, all 0<br>':
        "+ 其余 {0} 项，全为 0<br>",
    '+ {0} other terms{1}: {2}<br>':
        "+ 其余 {0} 项{1}：{2}<br>",
    'Σ<sub>c</sub> Σ products':
        "Σ<sub>c</sub> Σ 乘积",
    'Σ products':
        "Σ 乘积",
    'Receptive field: input rows {0}…{1}, columns {2}…{3} (outlined on the input).<br>':
        "感受野：输入的第 {0}…{1} 行、第 {2}…{3} 列（已在输入上框出）。<br>",
    'Sum of products per input channel c: ':
        "每个输入通道 c 的乘积之和：",
    'Channel {0} (largest):':
        "通道 {0}（最大）：",
    'patch {0}<sub>{1}</sub>':
        "输入块 {0}<sub>{1}</sub>",
    '⊙ kernel K<sub>{0},{1}</sub>':
        "⊙ 卷积核 K<sub>{0},{1}</sub>",
    '= products':
        "= 乘积",
    '0 is paper, 1 is full ink. Every later stage is computed from these {0} numbers.':
        "0 是纸面，1 是满墨。后面的每个环节都由这 {0} 个数算出。",
    'the largest value (bold) wins':
        "最大值（粗体）胜出",
    'their mean':
        "取平均值",
    ' (a tie: the first in reading order, as in PyTorch)':
        "（并列时取阅读顺序中的第一个，与 PyTorch 相同）",
    'Window of A<sub>{0}</sub>: rows {1}…{2}, columns {3}…{4}; {5}.<br>':
        "A<sub>{0}</sub> 的窗口：第 {1}…{2} 行、第 {3}…{4} 列；{5}。<br>",
    'from':
        "来自",
    'Largest contributions W<sub>{0},i</sub> · a<sub>i</sub> (of {1} inputs, {2} non-zero{3}):':
        "贡献最大的几项 W<sub>{0},i</sub> · a<sub>i</sub>（共 {1} 个输入，{2} 个非零{3}）：",
    '; outlined on the pooled maps':
        "；已在池化后的特征图上框出",
    'Subtracting max z = {0} first cancels in the ratio and keeps e<sup>z</sup> finite.<br>':
        "先减去 max z = {0}：它在比值中相互抵消，又能使 e<sup>z</sup> 不溢出。<br>",
    'All e<sup>z<sub>j</sub> − max z</sup>: {0}<br>':
        "全部 e<sup>z<sub>j</sub> − max z</sup>：{0}<br>",
    'term':
        "项",
    'term<sub>{0}</sub> = −y<sub>{0}</sub> · ln ŷ<sub>{0}</sub> = −{1} · ln {2} = {3}':
        "项<sub>{0}</sub> = −y<sub>{0}</sub> · ln ŷ<sub>{0}</sub> = −{1} · ln {2} = {3}",
    "; y is 0 for every other class, so only the target's term counts.":
        "；其他类别的 y 都是 0，所以只有目标类别这一项起作用。",
    'L = Σ terms = ':
        "L = Σ 各项 = ",
    'Only the target class has y = 1, so every other ∂L/∂ŷ is 0.':
        "只有目标类别的 y = 1，所以其余的 ∂L/∂ŷ 都是 0。",
    '(the weight itself is {0}':
        "(该权重本身为 {0}",
    '; input {0} is the pooled value {1})':
        "；输入 {0} 就是池化值 {1})",
    'The bias of kernel {0} (now {1}):':
        "卷积核 {0} 的偏置（当前为 {1}）：",
    'The bias of unit {0} (now {1}):':
        "单元 {0} 的偏置（当前为 {1}）：",
    'over {0} positions':
        "（共 {0} 个位置）",
    'Largest terms W<sub>j,{0}</sub> · δ<sub>j</sub> (of {1}):':
        "最大的几项 W<sub>j,{0}</sub> · δ<sub>j</sub>（共 {1} 项）：",
    'held the maximum: it gets all of δ':
        "是最大值：它得到全部 δ",
    "lost to A<sub>{0}</sub>[{1}, {2}] (bold), the window's maximum: it gets 0":
        "不敌窗口的最大值 A<sub>{0}</sub>[{1}, {2}]（粗体）：它得到 0",
    'window P[{0}, {1}] with δ = {2}: this value {3}':
        "窗口 P[{0}, {1}]，δ = {2}：该值{3}",
    'window P[{0}, {1}] with δ = {2} sends {3}':
        "窗口 P[{0}, {1}]，δ = {2}，分给它 {3}",
    'no pooling window covers this value (skipped border): gradient 0':
        "没有池化窗口覆盖这个值（被跳过的边缘）：梯度为 0",
    'All {0} products δ<sub>{1}</sub>[i, j] · I<sub>{2}</sub>[…] are 0 (δ is 0 wherever input channel {2} is not), so this weight gets no gradient.':
        "全部 {0} 个乘积 δ<sub>{1}</sub>[i, j] · I<sub>{2}</sub>[…] 都是 0（凡是输入通道 {2} 非零之处，δ 都是 0），"
        "所以这个权重没有梯度。",
    'Sum over all {0} positions of the feature map ({1} non-zero). Largest terms:':
        "对特征图全部 {0} 个位置求和（{1} 项非零）。最大的几项：",
    'input pixel':
        "输入像素",
    'This pixel met {0} (kernel weight, output position) pairs. Largest terms:':
        "这个像素与 {0} 个（卷积核权重，输出位置）组合相遇。最大的几项：",
    'The bias of kernel {0}:':
        "卷积核 {0} 的偏置：",
    'The bias of unit {0}:':
        "单元 {0} 的偏置：",
    'Its gradient is 0, so this step leaves it unchanged.':
        "它的梯度为 0，所以这一步不改变它。",
    'It moves by −α · ∂L/∂θ = {0}, against its gradient.':
        "它沿梯度的反方向移动 −α · ∂L/∂θ = {0}。",
    'input<br>{size}':
        "输入<br>{size}",
    'a⁰: the maps in one vector, {n}':
        "a⁰：各特征图排成一个向量，{n}",
    'z = W·a + b: {n} units':
        "z = W·a + b：{n} 个单元",
    'a = {activation}(z): {n}':
        "a = {activation}(z)：{n}",
    'ŷ = {activation}(z): {n} classes':
        "ŷ = {activation}(z)：{n} 个类别",
    'input image I ({h} × {w})':
        "输入图像 I（{h} × {w}）",
    'input {src}<br>{c} × {hin} × {win}':
        "输入 {src}<br>{c} × {hin} × {win}",
    'kernels K<br>{kernels}':
        "卷积核 K<br>{kernels}",
    'feature maps C = {src} ⋆ K + b<br>{d} maps {h} × {w}':
        "特征图 C = {src} ⋆ K + b<br>{d} 张 {h} × {w}",
    'before: C':
        "之前：C",
    'after: A = {activation}(C)<br>{d} maps {h} × {w}':
        "之后：A = {activation}(C)<br>{d} 张 {h} × {w}",
    'before: A<br>{hin} × {win}':
        "之前：A<br>{hin} × {win}",
    'after: P = {pool}(A)<br>{d} maps {h} × {w}':
        "之后：P = {pool}(A)<br>{d} 张 {h} × {w}",
    'ŷ':
        "ŷ",
    'target y':
        "目标 y",
    'terms of L, one per class<br>(click one)':
        "L 的各项，每类一项<br>（点击其中一项）",
    '∂L/∂ŷ':
        "∂L/∂ŷ",
    'δ = ∂L/∂z':
        "δ = ∂L/∂z",
    'δ from above<br>∂L/∂z':
        "来自后一层的 δ<br>∂L/∂z",
    '∂L/∂a = Wᵀ·δ<br>for the layer below':
        "∂L/∂a = Wᵀ·δ<br>传给前一层",
    'δ from above<br>∂L/∂a':
        "来自后一层的 δ<br>∂L/∂a",
    'σ′(z)':
        "σ′(z)",
    '∂L/∂z = ∂L/∂a ⊙ σ′(z)<br>':
        "∂L/∂z = ∂L/∂a ⊙ σ′(z)<br>",
    'δ from above<br>∂L/∂P':
        "来自后一层的 δ<br>∂L/∂P",
    '∂L/∂A<br>each δ goes to the max of its window':
        "∂L/∂A<br>每个 δ 都交给其窗口的最大值",
    '∂L/∂A<br>δ spread over its window':
        "∂L/∂A<br>δ 分摊到整个窗口",
    'δ from above<br>∂L/∂A':
        "来自后一层的 δ<br>∂L/∂A",
    'σ′(C)':
        "σ′(C)",
    '∂L/∂C = ∂L/∂A ⊙ σ′(C)<br>':
        "∂L/∂C = ∂L/∂A ⊙ σ′(C)<br>",
    '∂L/∂a⁰<br>the vector':
        "∂L/∂a⁰<br>向量形式",
    '∂L/∂P<br>the same numbers back in map shape':
        "∂L/∂P<br>同样的数，恢复成特征图形状",
    '∂L/∂I: red pixels would raise the loss<br>(saliency)':
        "∂L/∂I：红色像素会使损失升高<br>（显著性）",
    '∂L/∂{src}<br>for the layer below':
        "∂L/∂{src}<br>传给前一层",
    'δ from above<br>∂L/∂C':
        "来自后一层的 δ<br>∂L/∂C",
    'kernels K<br> ':
        "卷积核 K<br> ",
    # the slope of σ at a clicked element (ops/activation.py)
    '{0} = {1}, so σ′({0}) = {2}':
        "{0} = {1}，因此 σ′({0}) = {2}",
    # the loss column after the update's rerun (texts.py)
    'before':
        "更新前",
    'after':
        "更新后",
    # the names of the network's choices (presentation/names.py): step titles, headings, the editor's lists
    'identity':
        "恒等",
    'leaky ReLU':
        "Leaky ReLU",
    'max':
        "最大",
    'average':
        "平均",
    'L2-norm':
        "L2 范数",
    'none':
        "无",
    'cross-entropy':
        "交叉熵",
},
}
