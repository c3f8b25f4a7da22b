"""Simplified Chinese: the window, menus, dialogs, left column and files (terms: docs/GLOSSARY.md)."""

EDITOR_DOCKS = {
    'Network editor':
        "网络编辑器",
    "This step's choice":
        "本步的选择",
    'Open network &config…':
        "打开网络配置(&C)…",
    'Open a network config':
        "打开网络配置",
    'E&xport network config (JSON)…':
        "导出网络配置 (JSON)(&X)…",
    "Export the network's config":
        "导出网络的配置",
    '&View':
        "视图(&V)",
    'View':
        "视图",
    'Could not export the config':
        "无法导出配置",
    "Saved the network's config to %1":
        "网络配置已保存到 %1",
    'Could not open the config':
        "无法打开配置",
    'The current network was kept.':
        "当前网络保持不变。",
    'convviz draws 10 digit classes, this network has %1':
        "convviz 的数字共 10 个类别，而这个网络有 %1 个",
    'it uses values the editor cannot show; the differing fields: %1':
        "其中有编辑器无法显示的取值；不同的字段：%1",
}

ZH = {
# lupdate files install.py's module-level tr() under no context; at run time it is "EditorDocks" (extra.py).
'': EDITOR_DOCKS,

'About': {
    'Version {0}':
        "版本 {0}",
},

'dialogs': {
    ' or ':
        " 或 ",
    'Keyboard shortcuts':
        "键盘快捷键",
    '\n<h2>convviz</h2>\n<p>{version}</p>\n<p>See how a convolutional neural network computes and learns: draw a digit, watch the\nprediction, pick the true label, and step through one whole training iteration, operation by\noperation: the forward run, the loss, the backward run and the gradient-descent update.</p>\n<p>The network, its notation and its equations follow<br>\nP. Murugan, <i>Feed Forward and Backward Run in Deep Convolution Neural Network</i>,\n<a href="https://arxiv.org/abs/1711.03278">arXiv:1711.03278</a> (2017).</p>\n<p>The sample digits and the training data come from the MNIST database by Yann LeCun,\nCorinna Cortes and Christopher J. C. Burges, used under\n<a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a>.</p>\n<p>Built with NumPy, PySide6 (Qt) and pyqtgraph.</p>\n':
        '\n<h2>convviz</h2>\n<p>{version}</p>\n<p>看卷积神经网络如何计算、如何学习：手写一个数字，观察网络的预测，选出正确的标签，'
        '然后逐个运算地走完一次完整的训练迭代：前向传播、损失、反向传播和梯度下降更新。</p>\n'
        '<p>网络结构、记号与公式均依照<br>\nP. Murugan, <i>Feed Forward and Backward Run in Deep Convolution Neural Network</i>,'
        '\n<a href="https://arxiv.org/abs/1711.03278">arXiv:1711.03278</a> (2017)。</p>\n'
        '<p>示例数字与训练数据来自 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 的 MNIST 数据库，'
        '依据 <a href="https://creativecommons.org/licenses/by-sa/3.0/">CC BY-SA 3.0</a> 许可使用。</p>\n'
        '<p>基于 NumPy、PySide6 (Qt) 和 pyqtgraph 构建。</p>\n',
    'About convviz':
        "关于 convviz",
},

'MainWindow': {
    'convviz: how a CNN computes and learns':
        "convviz：卷积神经网络如何计算与学习",
    'fresh random weights (seed 0)':
        "全新的随机权重（种子 0）",
    'pretrained weights':
        "预训练权重",
    'Training':
        "训练",
    'Sample digits unavailable: {0}':
        "示例数字不可用：{0}",
    'network given at start':
        "启动时指定的网络",
    'pretrained model (shipped with convviz)':
        "预训练模型（随 convviz 附带）",
    'untrained network (seed 0)':
        "未训练的网络（种子 0）",
    'No pretrained model found: using an untrained network (seed 0), its guesses are random until trained.':
        "未找到预训练模型：改用未训练的网络（种子 0），训练之前它的预测是随机的。",
    'Update not applied':
        "未应用更新",
    'Sample {0}: an MNIST {1}':
        "样本 {0}：MNIST 中的一个 {1}",
    'Weights reset to {0}, as loaded':
        "权重已重置为载入时的状态：{0}",
    '1 update applied':
        "已应用 1 次更新",
    '{0} updates applied':
        "已应用 {0} 次更新",
    'Back to the weights of the model last opened: {0}, as loaded':
        "回到上次打开的模型载入时的权重：{0}",
    'model: {0} · {1} parameters · {2}':
        "模型：{0} · {1} 个参数 · {2}",
},

'Menus': {
    'Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;All files (*)':
        "图像 (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;所有文件 (*)",
    'convviz models (*.npz);;All files (*)':
        "convviz 模型 (*.npz);;所有文件 (*)",
    '&File':
        "文件(&F)",
    '&Open image…':
        "打开图像(&O)…",
    'Open an image of a digit':
        "打开一张数字图像",
    'Open a picture of a digit (or drop one on the window)':
        "打开一张数字图片（也可以直接拖到窗口上）",
    'Open &model…':
        "打开模型(&M)…",
    'Open a convviz model':
        "打开 convviz 模型",
    '&Save model…':
        "保存模型(&S)…",
    'Save the model':
        "保存模型",
    'Export current step arrays (.npz)…':
        "导出当前步骤的数组 (.npz)…",
    "Export the current step's arrays":
        "导出当前步骤的数组",
    'NumPy archives (*.npz)':
        "NumPy 归档 (*.npz)",
    'Export whole iteration (.npz + .json)…':
        "导出整次迭代 (.npz + .json)…",
    'Export every step of the iteration':
        "导出这次迭代的每一步",
    "Every step's arrays in one .npz, and a JSON index of steps, ops and equations":
        "每一步的数组存入一个 .npz 文件，另附步骤、运算和公式的 JSON 索引",
    'Export window as PNG…':
        "将窗口导出为 PNG…",
    'Save the window as a picture':
        "将窗口保存为图片",
    'PNG images (*.png)':
        "PNG 图像 (*.png)",
    'Export stage as PNG…':
        "将当前环节导出为 PNG…",
    'Save the current stage as a picture':
        "将当前环节保存为图片",
    '&Quit':
        "退出(&Q)",
    '&Canvas':
        "画布(&C)",
    '&Undo stroke':
        "撤销笔画(&U)",
    '&Clear':
        "清空(&C)",
    '&Eraser':
        "橡皮擦(&E)",
    '&Light canvas (dark ink on paper)':
        "浅色画布（白纸黑字）(&L)",
    'Next &sample':
        "下一个样本(&S)",
    '&Train':
        "训练(&T)",
    'Target y = {0}':
        "目标 y = {0}",
    'Target = the &prediction':
        "目标 = 预测结果(&P)",
    '&Apply update ▸ next iteration':
        "应用更新 ▸ 下一次迭代(&A)",
    '&Reset weights':
        "重置权重(&R)",
    'Remember α for the next launch':
        "下次启动时沿用此 α",
    'Off: every launch starts at the default α':
        "关闭时：每次启动都从默认的 α 开始",
    '&Training panel: train on many digits':
        "训练面板：用大量数字训练(&T)",
    'Add the drawing to &my digits':
        "将手写数字加入“我的数字”(&M)",
    '&Undo training':
        "撤销训练(&U)",
    'Training target y = that digit':
        "训练目标 y = 该数字",
    '&Step':
        "步骤(&S)",
    '&Help':
        "帮助(&H)",
    '&Keyboard shortcuts':
        "键盘快捷键(&K)",
    '&About convviz':
        "关于 convviz(&A)",
    'File':
        "文件",
    'Canvas':
        "画布",
    'Train':
        "训练",
    'Step':
        "步骤",
    'Help':
        "帮助",
    'Mouse':
        "鼠标",
    'left drag':
        "左键拖动",
    'draw on the canvas (erase in eraser mode)':
        "在画布上书写（橡皮擦模式下为擦除）",
    'right drag':
        "右键拖动",
    'erase':
        "擦除",
    'drop a file':
        "拖入文件",
    'open an image (or a .npz model)':
        "打开图像（或 .npz 模型）",
},

'LeftColumn': {
    'Brush width':
        "笔画粗细",
    'Eraser':
        "橡皮擦",
    'Left button erases (the right button always does). Key E':
        "左键改为擦除（右键始终是擦除）。快捷键 E",
    'Light or dark canvas (I). Only the look changes: the network always sees bright ink on a dark square':
        "浅色或深色画布 (I)。只改变外观：网络看到的始终是深色方块上的亮色笔迹",
    'Undo':
        "撤销",
    'Undo the last stroke (Ctrl+Z)':
        "撤销上一笔 (Ctrl+Z)",
    'Clear':
        "清空",
    'Clear the canvas (Delete); Ctrl+Z brings it back':
        "清空画布 (Delete)；按 Ctrl+Z 可恢复",
    'Learning rate α of the update θ ← θ − α·∂L/∂θ, from {0} to {1}. Each launch starts at {2} unless you ask to remember it (Train menu)':
        "更新 θ ← θ − α·∂L/∂θ 中的学习率 α，范围 {0} 到 {1}。每次启动都从 {2} 开始，除非你让程序记住它（“训练”菜单）",
    '{0} – {1}':
        "{0} – {1}",
    'Apply update ▸ next iteration':
        "应用更新 ▸ 下一次迭代",
    'Keep the updated weights θ − α·∂L/∂θ and run a new iteration on the same input (U)':
        "保留更新后的权重 θ − α·∂L/∂θ，并在同一输入上运行新一次迭代 (U)",
    'Reset weights':
        "重置权重",
    'Back to the weights of the model as loaded':
        "回到模型载入时的权重",
    'The second most likely digit: a confident prediction hides it':
        "可能性第二高的数字：预测很有把握时它几乎看不见",
    'log':
        "对数",
    'Bars on a log scale from 0.0001% to 100%: small probabilities become visible':
        "条形图使用 0.0001% 到 100% 的对数刻度：很小的概率也能看见",
    'use the prediction as target':
        "以预测作为目标",
    "Follow the network's predicted class (A); press 0-9 to choose":
        "跟随网络预测的类别 (A)；按 0-9 自行选择",
    '1 · Draw a digit':
        "1 · 写一个数字",
    'Brush':
        "画笔",
    '2 · What the network sees and predicts':
        "2 · 网络看到了什么、预测了什么",
    'input I, 28×28':
        "输入 I，28×28",
    '3 · Train one iteration':
        "3 · 训练一次迭代",
    'Learning rate α':
        "学习率 α",
    'input I, {0}×{1}':
        "输入 I，{0}×{1}",
    '2nd: {0} ({1})':
        "次选：{0}（{1}）",
    'Training target y: draw a digit first.':
        "训练目标 y：请先写一个数字。",
    'your choice':
        "你的选择",
    "the sample's label":
        "样本的标签",
    'predicted; keys 0-9 choose':
        "预测值；按 0-9 选择",
    'Training target y = <b>{0}</b> ({1})':
        "训练目标 y = <b>{0}</b>（{1}）",
    'Iteration {0}: loss L = <b>{1}</b>; after this update L = {2}, ŷ<sub>{3}</sub> {4} → {5}':
        "第 {0} 次迭代：损失 L = <b>{1}</b>；本次更新后 L = {2}，ŷ<sub>{3}</sub> {4} → {5}",
    'losses so far: {0}':
        "历次损失：{0}",
},

'DrawingCanvas': {
    'Left button draws, right button erases. Ctrl+Z undoes the last stroke.':
        "左键书写，右键擦除。Ctrl+Z 撤销上一笔。",
    'Draw a digit here\n(or open an image)':
        "在这里写一个数字\n（或打开一张图像）",
},

'InputPreview': {
    'The 28×28 input I the network sees: your drawing cropped, scaled into a 20×20 box and centred by its centre of mass, as MNIST was prepared.':
        "网络看到的 28×28 输入 I：你的手写数字经裁剪、缩放到 20×20 的框内，再按质心居中，与 MNIST 的预处理方式相同。",
},

'LabelSelector': {
    'Train towards y = {0} (key {0})':
        "以 y = {0} 为目标训练（按键 {0}）",
},

'PredictionBars': {
    "ŷ: the network's probability for each digit (softmax output). Orange: its prediction. Green mark: the training target y.":
        "ŷ：网络给每个数字的概率（softmax 输出）。橙色：它的预测。绿色标记：训练目标 y。",
    'Draw a digit':
        "写一个数字",
},

'SamplePicker': {
    'Shipped MNIST samples…':
        "附带的 MNIST 样本…",
    'Shipped MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)':
        "附带的 MNIST 数字（LeCun、Cortes、Burges；CC BY-SA 3.0）",
    'Next sample ▸':
        "下一个样本 ▸",
    'Load the next shipped digit':
        "载入下一个附带的数字",
    'sample {0} · digit {1}':
        "样本 {0} · 数字 {1}",
},

'Session': {
    'trained in the app: 1 update applied to the {1}':
        "在程序中训练过：对{1}应用了 1 次更新",
    'trained in the app: {0} updates applied to the {1}':
        "在程序中训练过：对{1}应用了 {0} 次更新",
    'the loss':
        "损失",
    'With α = {0} the update would make {1} infinite or NaN.\n\nThe weights are unchanged. Try a smaller α.':
        "当 α = {0} 时，这次更新会使 {1} 变为无穷大或 NaN。\n\n权重保持不变。请尝试更小的 α。",
},
}
