"""Simplified Chinese: the training panel and its settings."""

ZH = {
'TrainingPanel': {
    'Start':
        "开始",
    'Pause':
        "暂停",
    'Stop':
        "停止",
    'Undo training':
        "撤销训练",
    'Back to the weights from before the last training run':
        "回到上一次训练之前的权重",
    'Save model…':
        "保存模型…",
    'Save the network in use (File ▸ Save model)':
        "保存当前使用的网络（文件 ▸ 保存模型）",
    'Press Start to train the network in use on many digits.':
        "按“开始”，用大量数字训练当前使用的网络。",
    "conv1's kernels K (blue < 0 < red), live":
        "conv1 的卷积核 K（蓝 < 0 < 红），实时",
    "your drawing's ŷ, live":
        "你写的数字的 ŷ，实时",
    'Validation confusion: rows the true digit, columns the prediction. Click a cell to see those digits.':
        "验证集混淆矩阵：行是真实数字，列是预测。点击单元格可查看这些数字。",
    'Learning':
        "学习曲线",
    'Confusion':
        "混淆矩阵",
    'My digits':
        "我的数字",
    'Updates by hand':
        "手动更新",
    'Resume':
        "继续",
    'Cannot train: this network reads {0}×{1} images, the digits are 28×28. Choose a 28 × 28 input in the network editor to train on many digits.':
        "无法训练：这个网络读取 {0}×{1} 的图像，而数字是 28×28 的。要用大量数字训练，请在网络编辑器中选择 28 × 28 的输入。",
    'Cannot train: {0}':
        "无法训练：{0}",
    ' (the shipped model learnt from these digits: its validation figures flatter it; start from random weights for an honest measure)':
        "（附带的模型正是用这些数字训练出来的：它的验证结果会偏高；想要客观的衡量，请从随机权重开始）",
    'Training on {0} digits, validating on {1} held out{2}…':
        "正在用 {0} 个数字训练，用留出的 {1} 个数字验证{2}…",
    'Stopping after this minibatch…':
        "将在这个小批量结束后停止…",
    'The training process ended without a result; the network was not changed.':
        "训练进程结束，但没有得到结果；网络没有改变。",
    'Another model was opened during training: the result was not applied.':
        "训练期间打开了另一个模型：训练结果没有应用。",
    'Training failed: {0}. The network was not changed.':
        "训练失败：{0}。网络没有改变。",
    '{0} updates in {1} epochs':
        "{1} 轮共 {0} 次更新",
    'Training diverged: {0}':
        "训练发散：{0}",
    'Stopped':
        "已停止",
    'Done':
        "已完成",
    '{0}: {1}. The network in use now has the trained weights, and the iteration view shows it; Undo training returns to the weights before.':
        "{0}：{1}。当前使用的网络已换成训练后的权重，迭代视图显示的也是它；“撤销训练”可回到训练前的权重。",
    'Back to the weights from before training.':
        "已回到训练前的权重。",
    '{0} validation images of a {1} predicted as {2}':
        "{0} 张数字 {1} 的验证图像被预测为 {2}",
},

'TrainingSettings': {
    'the shipped 5,000 digits':
        "附带的 5,000 个数字",
    'a data set file…':
        "数据集文件…",
    'my digits alone':
        "仅“我的数字”",
    'my digits + the shipped ones':
        "“我的数字” + 附带的数字",
    'all':
        "全部",
    'Use at most this many images (0: all); 10% are held out for validation':
        "最多使用这么多张图像（0：全部）；其中 10% 留作验证",
    'augment':
        "数据增强",
    'Distort each minibatch at random (rotate, scale, shift, thicken strokes), so the network sees the ways people draw':
        "对每个小批量做随机变形（旋转、缩放、平移、加粗笔画），让网络见识人们书写的各种方式",
    'start from random weights, seed':
        "从随机权重开始，种子",
    'Train the same network from new random weights (He/Glorot), so the kernels start as noise; otherwise training continues from the weights in use':
        "用新的随机权重（He/Glorot 初始化）训练同一个网络，卷积核从噪声开始；否则在当前权重的基础上继续训练",
    'Data':
        "数据",
    'Images':
        "图像数",
    'Epochs':
        "轮次",
    'Batch':
        "批量",
    'α':
        "α",
    'Momentum μ':
        "动量 μ",
    'Schedule':
        "学习率调度",
    'Choose a digit data set':
        "选择数字数据集",
    'Digit data sets (*.npz *idx3-ubyte *idx3-ubyte.gz);;All files (*)':
        "数字数据集 (*.npz *idx3-ubyte *idx3-ubyte.gz);;所有文件 (*)",
    'file: {0}':
        "文件：{0}",
},
}
