"""Simplified Chinese for messages not in this branch's .ts yet: other branches' new strings (issue-11-rest's
editor, issue-15-lesson's lesson, issue-16-zh's Language menu) and strings the code says through wrappers
lupdate cannot follow (install.py's tr → "EditorDocks", views.py's _tr → "TrainingViews", gradcheck_text's
tr(CONTEXT, "…")). `python tools/zh_cn/apply.py --extra-json` writes them to tools/zh_extra.json; apply.py
fills any of them that the .ts holds (after a merge) like the part_*.py tables."""

from part_gradcheck import GRADCHECK_UNEXTRACTED
from part_shell import EDITOR_DOCKS

ZH = {
'EditorDocks': {**EDITOR_DOCKS, 'Network configs (*.json);;All files (*)': "网络配置 (*.json);;所有文件 (*)"},

'gradcheck': GRADCHECK_UNEXTRACTED,

'catalogue': {
    "∂L/∂A: each δ goes to its window's max;<br>the others get 0": "∂L/∂A：每个 δ 都交给其窗口的最大值；<br>其余得到 0",
    '∂L/∂A: each δ split equally,<br>δ/{n} to each value of its window': "∂L/∂A：每个 δ 平均分配，<br>窗口中每个值得到 δ/{n}",
    '∂L/∂A: each δ split in proportion<br>to x/‖x‖ of its window': "∂L/∂A：每个 δ 按窗口中<br>x/‖x‖ 的比例分配",
},

'EditorPanel': {
    'pretrained weights': "预训练权重",
    'fresh random weights (seed %1)': "全新的随机权重（种子 %1）",
},

'NetworkPanel': {
    'after {0}': "更新后 {0}",
},

'ParamPages': {
    'gradient ±{0} · wheel: zoom, drag: pan, double-click: all': "梯度 ±{0} · 滚轮：缩放，拖动：平移，双击：全部显示",
},

'ConfusionView': {
    'true digit': "真实数字",
    'predicted digit': "预测数字",
},

'LossCurves': {
    'epoch': "轮次",
    'loss L': "损失 L",
    'validation accuracy': "验证准确率",
    'per batch': "每个批量",
    'smoothed': "平滑后",
    'training, per epoch': "训练集，每轮",
    'validation, per epoch': "验证集，每轮",
},

'TrainingSettings': {
    'constant': "恒定",
    'cosine': "余弦",
    'step': "阶梯",
},

'TrainingViews': {
    'epoch': "轮次",
    'true digit': "真实数字",
    'predicted digit': "预测数字",
    'loss L': "损失 L",
    'validation accuracy': "验证准确率",
    'per batch': "每个批量",
    'smoothed': "平滑后",
    'training, per epoch': "训练集，每轮",
    'validation, per epoch': "验证集，每轮",
},

'Menus': {
    '&Language': "语言(&L)",
},

'ShapeTable': {
    'Eq. 2.1': "式 2.1",
    'multiply-adds': "乘加次数",
    'parameters': "参数",
    'shape': "形状",
    'stage': "环节",
},

'editor': {
    '28 × 28 area-averaged to {size}':
        "28 × 28 按面积平均缩小为 {size}",
    'An 8 × 8 input, two 3 × 3 kernels, 2 × 2 max pooling and 6 units: each value and gradient is printed in its cell wherever the cell is big enough (the larger the window, the more cells); click any cell for its equation with its numbers.':
        "8 × 8 的输入、两个 3 × 3 的卷积核、2 × 2 最大池化和 6 个单元：只要格子够大，每个数值和梯度都会印在它的格子里"
        "（窗口越大，印出的格子越多）；点击任意格子即可看到代入数值的公式。",
    'An 8 × 8 input, two 3 × 3 kernels, 2 × 2 max pooling and 6 units: every value of the iteration is printed in its cell in the pipeline and the big view; click one for its equation with its numbers.':
        "8 × 8 的输入、两个 3 × 3 的卷积核、2 × 2 最大池化和 6 个单元：迭代中的每个数值都印在流水线和大视图的格子里；"
        "点击任意一个即可看到代入数值的公式。",
    "As in Murugan's paper: one convolution block with ReLU and max pooling, sigmoid dense layers, a sigmoid output and the paper's cross-entropy −Σ[y·ln ŷ + (1 − y)·ln(1 − ŷ)].":
        "与 Murugan 的论文相同：一个带 ReLU 和最大池化的卷积块、sigmoid 全连接层、sigmoid 输出，"
        "以及论文中的交叉熵 −Σ[y·ln ŷ + (1 − y)·ln(1 − ŷ)]。",
    'L2-norm': "L2 范数",
    'LeNet-like': "类 LeNet",
    'MAPE with one-hot targets divides by its floor ε = {floor} wherever y = 0, so the nine wrong classes weigh {times}× more than the target class.':
        "MAPE 配上独热编码的目标时，凡是 y = 0 之处都要除以下限 ε = {floor}，"
        "于是九个错误类别的权重比目标类别大 {times} 倍。",
    'P = (1/(k1·k2)) · Σ window': "P = (1/(k1·k2)) · Σ 窗口",
    'P = max over the window': "P = 窗口中的最大值",
    'P = √(Σ x²) over the window': "P = 窗口上的 √(Σ x²)",
    'Paper': "论文",
    'Shipped digits model': "附带的数字模型",
    'The pretrained model the app starts with: two 5 × 5 ReLU blocks with max pooling, 64 ReLU units, softmax and cross-entropy, trained on 5,000 MNIST digits.':
        "程序启动时使用的预训练模型：两个带最大池化的 5 × 5 ReLU 卷积块、64 个 ReLU 单元、softmax 和交叉熵，"
        "在 5,000 个 MNIST 数字上训练而成。",
    'Tiny': "微型",
    "Two blocks with tanh and average pooling, then 120 and 84 tanh units, as in LeCun's LeNet-5.":
        "两个带 tanh 和平均池化的卷积块，接着是 120 和 84 个 tanh 单元，与 LeCun 的 LeNet-5 相同。",
    'activated A{i} = {act}(C{i})': "激活后 A{i} = {act}(C{i})",
    'activated a{l} = {act}(z)': "激活后 a{l} = {act}(z)",
    'activated maps': "激活后的特征图",
    'activation': "激活函数",
    'all of δ goes to the largest value; the others get 0': "δ 全部交给最大值；其余得到 0",
    'as drawn': "按原样",
    'average': "平均",
    "block {block}'s {kernel} kernel does not fit its {padded} padded input ({size} plus padding {padding} on each side): use a kernel of at most {padded}, or more padding":
        "卷积块 {block} 的 {kernel} 卷积核放不进填充后为 {padded} 的输入（{size}，每边再填充 {padding}）："
        "请使用不超过 {padded} 的卷积核，或增加填充",
    "block {block}'s {window} pooling window is larger than its {size} feature maps: use a window of at most {size}, or no pooling":
        "卷积块 {block} 的 {window} 池化窗口比它 {size} 的特征图还大：请使用不超过 {size} 的窗口，或不做池化",
    'block {n} {what}': "卷积块 {n} 的{what}",
    'classes': "类别数",
    'config': "配置",
    'cross-entropy': "交叉熵",
    'dense layer {n} {what}': "全连接层 {n} 的{what}",
    'dense z{l} = W{l}·a{below} + b{l}': "全连接 z{l} = W{l}·a{below} + b{l}",
    'each value x gets δ · x / P: the larger |x|, the larger its share': "每个值 x 得到 δ · x / P：|x| 越大，分得越多",
    'every value gets the same share δ/(k1·k2)': "每个值分得相同的份额 δ/(k1·k2)",
    'feature maps C{i}': "特征图 C{i}",
    'flattened a⁰': "展平后 a⁰",
    'identity': "恒等",
    'input': "输入",
    'input image I': "输入图像 I",
    'kernel size': "卷积核大小",
    'kernels': "卷积核数",
    'kernels K{i} and biases b{i}': "卷积核 K{i} 与偏置 b{i}",
    'leaky ReLU': "Leaky ReLU",
    'loss': "损失函数",
    'loss L ({loss})': "损失 L（{loss}）",
    'max': "最大",
    'none': "无",
    'not a complete network description ({error})': "不是完整的网络描述（{error}）",
    'output activation': "输出激活函数",
    'output classes': "输出类别数",
    'output z': "输出 z",
    'padded input': "填充后的输入",
    'padding': "填充",
    'pool size': "池化大小",
    'pool stride': "池化步幅",
    'pooled P{i} ({kind})': "池化后 P{i}（{kind}）",
    'pooling': "池化",
    'rows {rows};  columns {cols}': "行：{rows}；列：{cols}",
    'scalar': "标量",
    'stride': "步幅",
    "the app's input is the drawn 28 × 28 image, area-averaged to a smaller size; choose 1 to {most}, not {size}":
        "程序的输入是手写的 28 × 28 图像，按面积平均缩小到更小的尺寸；请选择 1 到 {most}，而不是 {size}",
    'the last column': "最后 1 列",
    'the last row': "最后 1 行",
    'the last {count} columns': "最后 {count} 列",
    'the last {count} rows': "最后 {count} 行",
    'units': "单元数",
    '{count} parameters are more than this app steps through smoothly ({most}): use fewer units or kernels, a larger stride or more pooling':
        "{count} 个参数超出了本程序能流畅逐步演示的上限（{most}）：请减少单元或卷积核，增大步幅，或增加池化",
    '{loss} with a sigmoid output learns slowly: ∂L/∂z = ∂L/∂ŷ · ŷ(1 − ŷ), and ŷ(1 − ŷ) is near 0 exactly when an output is confidently wrong. Cross-entropy cancels that factor (δ = ŷ − y).':
        "{loss} 配 sigmoid 输出时学得很慢：∂L/∂z = ∂L/∂ŷ · ŷ(1 − ŷ)，而恰恰在输出错得很有把握时，ŷ(1 − ŷ) 接近 0。"
        "交叉熵消去了这个因子（δ = ŷ − y）。",
    '{rows} and {columns}': "{rows}和{columns}",
    '{units} × {inputs} weights': "{units} × {inputs} 个权重",
    '{where} of the {what} are never read: {n} − {k} + 2·{p} = {sum} is not a multiple of the stride {stride}':
        "{what}的{where}从未被读取：{n} − {k} + 2·{p} = {sum} 不是步幅 {stride} 的倍数",
},

'Lesson': {
    'The lesson could not be loaded: {0}': "无法载入课程：{0}",
    '&Lesson: follow the paper step by step': "课程：跟着论文一步步学(&L)",
    'Lesson': "课程",
    'Open the guided lesson beside the app': "在程序旁打开引导式课程",
},

'LessonPane': {
    'That was the last page: you have walked the paper from the input image to your own handwriting. Leave the lesson and play freely; the chapter list takes you back to any page.':
        "这是最后一页：你已经跟着论文从输入图像一路走到了自己的笔迹。离开课程，自由探索吧；章节列表可以带你回到任意一页。",
    'All done here. Next ▶ goes on when you are ready.': "本页任务已全部完成。准备好了就点“下一页 ▶”继续。",
    '&Next ▶': "下一页(&N) ▶",
    'Done earlier.': "之前已完成。",
    'Leave lesson': "离开课程",
    'Page {0} of {1} · {2} of {3} tasks done': "第 {0} 页，共 {1} 页 · 已完成 {2} / {3} 个任务",
    'Play freely; Help ▸ Lesson brings you back to this page': "自由探索；“帮助 ▸ 课程”会带你回到这一页",
    'Put the network, the step and the selection back as this page needs them': "把网络、步骤和所选元素恢复成本页所需的状态",
    'Set this up again': "重新设置本页",
    'The next page (you can go on before the tasks are done)': "下一页（任务没做完也可以继续）",
    'The previous page': "上一页",
    'Try it': "动手试试",
    '◀ &Back': "◀ 上一页(&B)",
},

'LessonTasks': {
    'Done — C = {0} became A = σ(C) = {1}.': "完成——C = {0} 变成了 A = σ(C) = {1}。",
    'Done — Eq. 2.1 with these numbers: {0}.': "完成——代入这些数值的式 2.1：{0}。",
    'Done — P = {0}; its window held {1}.': "完成——P = {0}；它的窗口中是 {1}。",
    'Done — average pooling: step to its gradient and every pixel of a window gets δ_P / 4.':
        "完成——平均池化：走到它的梯度那一步，窗口中的每个像素都得到 δ_P / 4。",
    'Done — block 1 now uses tanh, with the same weights: the loss is {0}.':
        "完成——卷积块 1 现在使用 tanh，权重不变：损失为 {0}。",
    'Done — numerical {0}, backward run {1}: relative error {2}.':
        "完成——数值梯度 {0}，反向传播 {1}：相对误差 {2}。",
    'Done — numerical {0}, backward run {1}: relative error {2}. The check caught the mistake.':
        "完成——数值梯度 {0}，反向传播 {1}：相对误差 {2}。梯度检验抓住了这个错误。",
    'Done — step {0}: ∂L/∂W of the output layer, {1} numbers, each δ_j · a_i.':
        "完成——第 {0} 步：输出层的 ∂L/∂W，共 {1} 个数，每个都是 δ_j · a_i。",
    'Done — target y = {0}; the network gives it ŷ_y = {1} now.':
        "完成——目标 y = {0}；网络现在给它的概率是 ŷ_y = {1}。",
    'Done — the network reads your drawing as a {0} (ŷ = {1}).':
        "完成——网络把你写的数字认作 {0}（ŷ = {1}）。",
    'Done — the view shows ∂L/∂ of every stage now.':
        "完成——视图现在显示每个环节的 ∂L/∂。",
    'Done — training has started: watch the kernels in the Learning tab.':
        "完成——训练已经开始：在“学习曲线”标签页中观察卷积核。",
    'Done — with MSE, ∂L/∂ŷ_y = {0}.': "完成——用 MSE 时，∂L/∂ŷ_y = {0}。",
    'Done — with α = {0} the loss went from {1} to {2}; ŷ_y from {3} to {4}.':
        "完成——α = {0} 时，损失从 {1} 变为 {2}；ŷ_y 从 {3} 变为 {4}。",
    'Done — {0} = {1}.': "完成——{0} = {1}。",
    'Done — {0} = {1}: the sum of the nine products and the bias, as the inspector shows.':
        "完成——{0} = {1}：九个乘积与偏置之和，正如检查器所示。",
    'Done — {0} of your digits are kept for training.': "完成——已保存 {0} 个你写的数字用于训练。",
    'Done — ŷ_{0} = {1}; the ten add up to {2}.': "完成——ŷ_{0} = {1}；十个概率之和为 {2}。",
    'Done — α = {0}. Press U to see what one step of this size does.':
        "完成——α = {0}。按 U 看看这么大的一步会带来什么。",
    'Done — δ_A = {0}, σ′(C) = {1}, so δ_C = {2}.': "完成——δ_A = {0}，σ′(C) = {1}，所以 δ_C = {2}。",
    'Done — ∂L/∂A = 0 here: this pixel was not the largest of its window.':
        "完成——这里 ∂L/∂A = 0：这个像素不是它所在窗口的最大值。",
    'Done — ∂L/∂A = {0} here: this pixel got a share of δ_P.': "完成——这里 ∂L/∂A = {0}：这个像素分到了一份 δ_P。",
    'Done — ∂L/∂K = {0} for {1}.': "完成——{1} 的 ∂L/∂K = {0}。",
    'Done — ∂L/∂ŷ_y was {0} with cross-entropy; with MSE it is {1}.':
        "完成——用交叉熵时 ∂L/∂ŷ_y 为 {0}；用 MSE 时为 {1}。",
},

'PromptBar': {
    'New here? Take the lesson — it follows the paper.': "第一次使用？来上一节课吧——它跟着论文一步步讲。",
    'Ten short chapters, from the input image to gradient descent; each page sets the app up and gives you something to do.':
        "十个简短的章节，从输入图像讲到梯度下降；每一页都会替你把程序设置好，并给你一点动手的任务。",
    'Help ▸ Lesson starts it any time': "随时可以从“帮助 ▸ 课程”开始",
    'New here? Take the lesson — it follows the paper, from the input image to gradient descent, and sets the app up for each step.':
        "第一次使用？来上一节课吧——它跟随论文，从输入图像一直讲到梯度下降，并为每一步设置好程序。",
    'Not now': "以后再说",
    'Start the lesson': "开始课程",
},
}
