<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
  <context>
    <name>About</name>
    <message>
      <source>Version {0}</source>
      <translation>版本 {0}</translation>
    </message>
  </context>
  <context>
    <name>ChoiceView</name>
    <message>
      <source>Step to a loss, activation or pooling step to see what that choice does, and how the others would do it.</source>
      <translation>走到损失、激活或池化这几步，就能看到这个选择起什么作用，以及换成其他选择会怎样。</translation>
    </message>
    <message>
      <source>&lt;p&gt;ŷ&lt;sub&gt;%1&lt;/sub&gt; = %2 for the target y = %1; the largest wrong class is %3 with ŷ&lt;sub&gt;%3&lt;/sub&gt; = %4. Every loss under this %5 output:&lt;/p&gt;</source>
      <translation>&lt;p&gt;目标 y = %1 时 ŷ&lt;sub&gt;%1&lt;/sub&gt; = %2；错误类别中概率最大的是 %3，ŷ&lt;sub&gt;%3&lt;/sub&gt; = %4。在这个 %5 输出下的各种损失：&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;tr&gt;&lt;th&gt;loss&lt;/th&gt;&lt;th&gt;L&lt;/th&gt;&lt;th&gt;∂L/∂ŷ&lt;sub&gt;%1&lt;/sub&gt; (target)&lt;/th&gt;&lt;th&gt;∂L/∂ŷ&lt;sub&gt;%2&lt;/sub&gt; (wrong)&lt;/th&gt;&lt;/tr&gt;</source>
      <translation>&lt;tr&gt;&lt;th&gt;损失&lt;/th&gt;&lt;th&gt;L&lt;/th&gt;&lt;th&gt;∂L/∂ŷ&lt;sub&gt;%1&lt;/sub&gt;（目标）&lt;/th&gt;&lt;th&gt;∂L/∂ŷ&lt;sub&gt;%2&lt;/sub&gt;（错误）&lt;/th&gt;&lt;/tr&gt;</translation>
    </message>
    <message>
      <source>&lt;p class='hint'&gt;The larger |∂L/∂ŷ|, the harder the backward pass pushes. On a confident mistake (ŷ of the target near 0) cross-entropy's −1/ŷ grows without bound, while MSE's 2(ŷ − y)/t stays below 2/t.&lt;/p&gt;</source>
      <translation>&lt;p class='hint'&gt;|∂L/∂ŷ| 越大，反向传播的推动就越强。在很有把握的错误上（目标的 ŷ 接近 0），交叉熵的 −1/ŷ 会无限增大，而均方误差的 2(ŷ − y)/t 始终小于 2/t。&lt;/p&gt;</translation>
    </message>
    <message>
      <source>(the element with the largest |δ|; click another)</source>
      <translation>（|δ| 最大的元素；可点击其他元素）</translation>
    </message>
    <message>
      <source>(the element with the largest |σ(C)|; click another)</source>
      <translation>（|σ(C)| 最大的元素；可点击其他元素）</translation>
    </message>
    <message>
      <source>σ = %1 and its derivative σ′. Click an element to mark its C.</source>
      <translation>σ = %1 及其导数 σ′。点击一个元素，标出它的 C。</translation>
    </message>
    <message>
      <source>σ = %1: at C = %2, σ(C) = %3 and σ′(C) = %4.</source>
      <translation>σ = %1：在 C = %2 处，σ(C) = %3，σ′(C) = %4。</translation>
    </message>
    <message>
      <source>The gradient through this element is scaled by σ′(C).</source>
      <translation>经过这个元素的梯度要乘以 σ′(C)。</translation>
    </message>
    <message>
      <source>the selected value's window</source>
      <translation>所选值所在的窗口</translation>
    </message>
    <message>
      <source>P[%1, %2, %3], the most varied window (click a pooled value for another)</source>
      <translation>P[%1, %2, %3]，数值差异最大的窗口（点击其他池化值可换一个）</translation>
    </message>
    <message>
      <source>&lt;p&gt;The window of %1:&lt;/p&gt;</source>
      <translation>&lt;p&gt;%1 的窗口：&lt;/p&gt;</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; pooling: %2 = &lt;b&gt;%3&lt;/b&gt;; backward: %4. With δ = 1 the window's gradient is</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; 池化：%2 = &lt;b&gt;%3&lt;/b&gt;；反向：%4。当 δ = 1 时，窗口的梯度为</translation>
    </message>
  </context>
  <context>
    <name>ConfusionView</name>
    <message>
      <source>true digit</source>
      <translation>真实数字</translation>
    </message>
    <message>
      <source>predicted digit</source>
      <translation>预测数字</translation>
    </message>
  </context>
  <context>
    <name>ConvFields</name>
    <message>
      <source>Convolution block %1</source>
      <translation>卷积块 %1</translation>
    </message>
    <message>
      <source>D: how many kernels, so how many feature maps</source>
      <translation>D：卷积核的个数，也就是特征图的张数</translation>
    </message>
    <message>
      <source>k1: kernel rows</source>
      <translation>k1：卷积核的行数</translation>
    </message>
    <message>
      <source>k2: kernel columns</source>
      <translation>k2：卷积核的列数</translation>
    </message>
    <message>
      <source>Z_s: how far the kernel moves between outputs</source>
      <translation>Z_s：每算一个输出，卷积核移动的距离</translation>
    </message>
    <message>
      <source>Z_p: zeros added on every side of the input</source>
      <translation>Z_p：在输入四周各补上的零</translation>
    </message>
    <message>
      <source>pooling window k × k</source>
      <translation>池化窗口 k × k</translation>
    </message>
    <message>
      <source>how far the pooling window moves</source>
      <translation>池化窗口每次移动的距离</translation>
    </message>
    <message>
      <source>kernels D</source>
      <extracomment>Shown names by the engine's name (presentation/names.py, the one table the step titles use too); the config reads the engine's name, never the shown text.</extracomment>
      <translation>卷积核数 D</translation>
    </message>
    <message>
      <source>kernel size k1 × k2</source>
      <translation>卷积核大小 k1 × k2</translation>
    </message>
    <message>
      <source>stride Z_s</source>
      <translation>步幅 Z_s</translation>
    </message>
    <message>
      <source>padding Z_p</source>
      <translation>填充 Z_p</translation>
    </message>
    <message>
      <source>activation σ</source>
      <translation>激活函数 σ</translation>
    </message>
    <message>
      <source>pooling</source>
      <translation>池化</translation>
    </message>
    <message>
      <source>pool size</source>
      <translation>池化大小</translation>
    </message>
    <message>
      <source>pool stride</source>
      <translation>池化步幅</translation>
    </message>
  </context>
  <context>
    <name>DenseFields</name>
    <message>
      <source>Dense layer %1</source>
      <translation>全连接层 %1</translation>
    </message>
    <message>
      <source>how many units</source>
      <translation>单元的个数</translation>
    </message>
    <message>
      <source>units</source>
      <translation>单元数</translation>
    </message>
    <message>
      <source>activation σ</source>
      <translation>激活函数 σ</translation>
    </message>
  </context>
  <context>
    <name>DetailView</name>
    <message>
      <source>an element</source>
      <translation>一个元素</translation>
    </message>
    <message>
      <source>a pixel</source>
      <translation>一个像素</translation>
    </message>
    <message>
      <source>{0} · click {1} for its numbers</source>
      <translation>{0} · 点击{1}查看它的数值</translation>
    </message>
    <message>
      <source>the stage's values&lt;br&gt;(its gradient: Gradients or Both)</source>
      <translation>该环节的数值&lt;br&gt;（看梯度请选“梯度”或“两者”）</translation>
    </message>
  </context>
  <context>
    <name>DrawingCanvas</name>
    <message>
      <source>Left button draws, right button erases. Ctrl+Z undoes the last stroke.</source>
      <translation>左键书写，右键擦除。Ctrl+Z 撤销上一笔。</translation>
    </message>
    <message>
      <source>Draw a digit here
(or open an image)</source>
      <translation>在这里写一个数字
（或打开一张图像）</translation>
    </message>
  </context>
  <context>
    <name>EditorDocks</name>
    <message>
      <source>Network configs (*.json);;All files (*)</source>
      <translation>网络配置 (*.json);;所有文件 (*)</translation>
    </message>
    <message>
      <source>Network editor</source>
      <extracomment>The docks open with the window only where they leave the whole pipeline its room (measured: at 1600 px a 430 px dock makes the pipeline scroll); elsewhere View ▸ Network editor (Ctrl+Shift+E).</extracomment>
      <translation>网络编辑器</translation>
    </message>
    <message>
      <source>This step's choice</source>
      <translation>本步的选择</translation>
    </message>
    <message>
      <source>Open network &amp;config…</source>
      <translation>打开网络配置(&amp;C)…</translation>
    </message>
    <message>
      <source>E&amp;xport network config (JSON)…</source>
      <translation>导出网络配置 (JSON)(&amp;X)…</translation>
    </message>
    <message>
      <source>&amp;View</source>
      <translation>视图(&amp;V)</translation>
    </message>
    <message>
      <source>View</source>
      <translation>视图</translation>
    </message>
    <message>
      <source>Open a network config</source>
      <translation>打开网络配置</translation>
    </message>
    <message>
      <source>Export the network's config</source>
      <translation>导出网络的配置</translation>
    </message>
    <message>
      <source>Could not export the config</source>
      <translation>无法导出配置</translation>
    </message>
    <message>
      <source>Saved the network's config to %1</source>
      <translation>网络配置已保存到 %1</translation>
    </message>
    <message>
      <source>Could not open the config</source>
      <translation>无法打开配置</translation>
    </message>
    <message>
      <source>The current network was kept.</source>
      <translation>当前网络保持不变。</translation>
    </message>
    <message>
      <source>convviz draws 10 digit classes, this network has %1</source>
      <translation>convviz 的数字共 10 个类别，而这个网络有 %1 个</translation>
    </message>
    <message>
      <source>it uses values the editor cannot show; the differing fields: %1</source>
      <translation>其中有编辑器无法显示的取值；不同的字段：%1</translation>
    </message>
  </context>
  <context>
    <name>EditorPanel</name>
    <message>
      <source>Preset</source>
      <translation>预设</translation>
    </message>
    <message>
      <source>(choose a preset)</source>
      <translation>（选择预设）</translation>
    </message>
    <message>
      <source>Input and output</source>
      <translation>输入与输出</translation>
    </message>
    <message>
      <source>28: the drawn input as it is; smaller: the 28 × 28 input area-averaged, so a tiny network fits on screen</source>
      <translation>28：按原样使用手写输入；更小：把 28 × 28 的输入按面积平均缩小，让很小的网络也能完整显示在屏幕上</translation>
    </message>
    <message>
      <source>input size n (n × n)</source>
      <translation>输入大小 n（n × n）</translation>
    </message>
    <message>
      <source>how many conv blocks (conv, activation, pooling)</source>
      <translation>卷积块的个数（卷积、激活、池化）</translation>
    </message>
    <message>
      <source>conv blocks</source>
      <translation>卷积块</translation>
    </message>
    <message>
      <source>how many hidden dense layers before the output</source>
      <translation>输出层之前的隐藏全连接层个数</translation>
    </message>
    <message>
      <source>dense layers</source>
      <translation>全连接层</translation>
    </message>
    <message>
      <source>output activation</source>
      <translation>输出激活函数</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>损失函数</translation>
    </message>
    <message>
      <source>the random seed of the fresh weights</source>
      <translation>新权重的随机种子</translation>
    </message>
    <message>
      <source>seed</source>
      <translation>种子</translation>
    </message>
    <message>
      <source>Keep the current weights</source>
      <translation>保留当前权重</translation>
    </message>
    <message>
      <source>Only choices without parameters changed (loss, activations, pooling kind, output activation): the same weights fit the new network, so you see the same network's gradients under the new choices.</source>
      <translation>只改动了不带参数的选择（损失函数、激活函数、池化方式、输出激活函数）：原来的权重仍适用于新网络，因此你看到的是同一个网络在新选择下的梯度。</translation>
    </message>
    <message>
      <source>Apply</source>
      <translation>应用</translation>
    </message>
    <message>
      <source>Build this network and restart the iteration on your drawing</source>
      <translation>构建这个网络，并在你写的数字上重新开始迭代</translation>
    </message>
    <message>
      <source>Revert</source>
      <translation>还原</translation>
    </message>
    <message>
      <source>Show the loaded network's fields again</source>
      <translation>重新显示已载入网络的各项设置</translation>
    </message>
    <message>
      <source>&lt;b&gt;%1&lt;/b&gt; parameters · &lt;b&gt;%2&lt;/b&gt; multiply-adds per image</source>
      <translation>&lt;b&gt;%1&lt;/b&gt; 个参数 · 每张图像 &lt;b&gt;%2&lt;/b&gt; 次乘加</translation>
    </message>
    <message>
      <source>Apply is off until the field marked in red is changed.</source>
      <translation>改好标红的字段之前，“应用”不可用。</translation>
    </message>
    <message>
      <source>Only parameter-free choices changed (%1): Apply can keep the weights.</source>
      <translation>只改动了不带参数的选择（%1）：“应用”可以保留原来的权重。</translation>
    </message>
    <message>
      <source>These are the loaded network's fields: Apply starts it again from fresh weights (seed %1).</source>
      <translation>这些是已载入网络的设置：“应用”会让它从新的权重重新开始（种子 %1）。</translation>
    </message>
    <message>
      <source>Apply loads the shipped pretrained weights.</source>
      <translation>“应用”会载入附带的预训练权重。</translation>
    </message>
    <message>
      <source>Apply loads the shipped pretrained model.</source>
      <translation>“应用”会载入附带的预训练模型。</translation>
    </message>
    <message>
      <source>Apply builds this network with fresh random weights (seed %1).</source>
      <translation>“应用”会用新的随机权重构建这个网络（种子 %1）。</translation>
    </message>
    <message>
      <source>Same weights, new choices: %1</source>
      <translation>权重不变，选择已更新：%1</translation>
    </message>
    <message>
      <source>Could not load the pretrained model</source>
      <translation>无法载入预训练模型</translation>
    </message>
    <message>
      <source>The current network was kept.</source>
      <translation>当前网络保持不变。</translation>
    </message>
    <message>
      <source>pretrained model</source>
      <translation>预训练模型</translation>
    </message>
    <message>
      <source>pretrained weights</source>
      <translation>预训练权重</translation>
    </message>
    <message>
      <source>Loaded the shipped pretrained model</source>
      <translation>已载入附带的预训练模型</translation>
    </message>
    <message>
      <source>your network</source>
      <translation>你的网络</translation>
    </message>
    <message>
      <source>fresh random weights (seed %1)</source>
      <translation>全新的随机权重（种子 %1）</translation>
    </message>
    <message>
      <source>Built %1 with fresh random weights (seed %2)</source>
      <translation>已用新的随机权重构建 %1（种子 %2）</translation>
    </message>
  </context>
  <context>
    <name>ElementCheckBox</name>
    <message>
      <source>Check this element</source>
      <translation>检验这个元素</translation>
    </message>
    <message>
      <source>Compute ∂L/∂θ of the selected element numerically, (L(θ + ε) − L(θ − ε)) / 2ε, and compare it with backprop's</source>
      <translation>用数值方法 (L(θ + ε) − L(θ − ε)) / 2ε 计算所选元素的 ∂L/∂θ，并与反向传播的结果比较</translation>
    </message>
    <message>
      <source>Checking %s…</source>
      <translation>正在检验 %s…</translation>
    </message>
    <message>
      <source>for %s</source>
      <translation>检验对象：%s</translation>
    </message>
    <message>
      <source>Select a weight, bias, pixel or unit to check its gradient.</source>
      <translation>选择一个权重、偏置、像素或单元，检验它的梯度。</translation>
    </message>
    <message>
      <source>Gradients are checked at backward and update steps.</source>
      <translation>梯度检验在反向传播和更新的步骤中进行。</translation>
    </message>
    <message>
      <source>The loss itself has no gradient to check.</source>
      <translation>损失本身没有可检验的梯度。</translation>
    </message>
    <message>
      <source>The check could not run: %s</source>
      <translation>检验无法运行：%s</translation>
    </message>
  </context>
  <context>
    <name>FileActions</name>
    <message>
      <source>Not enough memory.</source>
      <translation>内存不足。</translation>
    </message>
    <message>
      <source>The file is nested too deeply to be read.</source>
      <translation>文件嵌套层级太深，无法读取。</translation>
    </message>
    <message>
      <source>An unexpected error ({0}: {1}). Please report it.</source>
      <translation>发生了意外错误（{0}：{1}）。请报告此问题。</translation>
    </message>
    <message>
      <source>Nothing was written: a file already there is unchanged.</source>
      <translation>没有写入任何内容：已有的文件保持不变。</translation>
    </message>
    <message>
      <source>{0}: expects {1}×{2} inputs and {3} classes; convviz draws 28×28 digits 0-9 (or area-averages them to a smaller square)</source>
      <translation>{0}：需要 {1}×{2} 的输入和 {3} 个类别；convviz 的手写数字是 28×28、0-9 共 10 类（或按面积平均缩小成更小的正方形）</translation>
    </message>
    <message>
      <source>Could not open the model</source>
      <translation>无法打开模型</translation>
    </message>
    <message>
      <source>The current model was kept.</source>
      <translation>当前模型保持不变。</translation>
    </message>
    <message>
      <source>weights from {0}</source>
      <translation>来自 {0} 的权重</translation>
    </message>
    <message>
      <source>Opened model {0}</source>
      <translation>已打开模型 {0}</translation>
    </message>
    <message>
      <source>Could not save the model</source>
      <translation>无法保存模型</translation>
    </message>
    <message>
      <source>Saved the model to {0}</source>
      <translation>模型已保存到 {0}</translation>
    </message>
    <message>
      <source>Could not open the image</source>
      <translation>无法打开图像</translation>
    </message>
    <message>
      <source>The canvas was not changed.</source>
      <translation>画布没有改动。</translation>
    </message>
    <message>
      <source>no ink found in it</source>
      <translation>其中找不到笔迹</translation>
    </message>
    <message>
      <source>{0}×{1} px</source>
      <translation>{0}×{1} 像素</translation>
    </message>
    <message>
      <source>Opened {0} ({1})</source>
      <translation>已打开 {0}（{1}）</translation>
    </message>
    <message>
      <source>Nothing to export</source>
      <translation>没有可导出的内容</translation>
    </message>
    <message>
      <source>There is no current step: draw a digit first.</source>
      <translation>当前没有步骤：请先写一个数字。</translation>
    </message>
    <message>
      <source>{0} hold infinite or NaN values; try a smaller α</source>
      <translation>{0} 含有无穷大或 NaN 值；请尝试更小的 α</translation>
    </message>
    <message>
      <source>Could not export the step</source>
      <translation>无法导出这一步</translation>
    </message>
    <message>
      <source>Saved {0} arrays to {1}</source>
      <translation>已将 {0} 个数组保存到 {1}</translation>
    </message>
    <message>
      <source>There is no iteration: draw a digit first.</source>
      <translation>还没有迭代：请先写一个数字。</translation>
    </message>
    <message>
      <source>Could not export the iteration</source>
      <translation>无法导出这次迭代</translation>
    </message>
    <message>
      <source>Saved {0} steps to {1} (arrays) and {2} (index)</source>
      <translation>已将 {0} 个步骤保存到 {1}（数组）和 {2}（索引）</translation>
    </message>
    <message>
      <source>The file could not be written.</source>
      <translation>无法写入文件。</translation>
    </message>
    <message>
      <source>Could not save the picture</source>
      <translation>无法保存图片</translation>
    </message>
    <message>
      <source>Saved {0}</source>
      <translation>已保存 {0}</translation>
    </message>
  </context>
  <context>
    <name>GradCheckControls</name>
    <message>
      <source>Check &amp;gradients…</source>
      <translation>梯度检验(&amp;G)…</translation>
    </message>
    <message>
      <source>Compare every gradient with central differences, in a window of its own</source>
      <translation>在单独的窗口中，把每个梯度与中心差分进行比较</translation>
    </message>
    <message>
      <source>Backprop &amp;mistake</source>
      <translation>反向传播常见错误(&amp;M)</translation>
    </message>
    <message>
      <source>Draw a digit first: the check needs an input and a target.</source>
      <translation>请先写一个数字：检验需要一个输入和一个目标。</translation>
    </message>
    <message>
      <source>Check gradients: %s, target y = %d</source>
      <translation>梯度检验：%s，目标 y = %d</translation>
    </message>
  </context>
  <context>
    <name>GradCheckView</name>
    <message>
      <source>Check gradients</source>
      <extracomment>Exactly-zero relative errors are drawn in the first bin (a log axis has no 0). Threads of checks still running or just ended. A thread has no parent and stays referenced here, so a view deleted mid-check never destroys a running QThread (Qt aborts on that); the deleted view's flag stops the check at its next element, and ended threads are dropped.</extracomment>
      <translation>梯度检验</translation>
    </message>
    <message>
      <source>How many random elements of every array to check</source>
      <translation>每个数组随机检验多少个元素</translation>
    </message>
    <message>
      <source>every element</source>
      <translation>全部元素</translation>
    </message>
    <message>
      <source>none: the engine's backward run</source>
      <translation>无：引擎的正确反向传播</translation>
    </message>
    <message>
      <source>mistake: %s</source>
      <translation>错误：%s</translation>
    </message>
    <message>
      <source>Check</source>
      <translation>检验</translation>
    </message>
    <message>
      <source>Cancel</source>
      <translation>取消</translation>
    </message>
    <message>
      <source>Elements per array:</source>
      <translation>每个数组的元素数：</translation>
    </message>
    <message>
      <source>Press Check to compare every gradient with central differences.</source>
      <translation>按“检验”，把每个梯度与中心差分进行比较。</translation>
    </message>
    <message>
      <source>array</source>
      <translation>数组</translation>
    </message>
    <message>
      <source>checked</source>
      <translation>已检验</translation>
    </message>
    <message>
      <source>worst rel. error</source>
      <translation>最大相对误差</translation>
    </message>
    <message>
      <source>at kinks</source>
      <translation>位于折点</translation>
    </message>
    <message>
      <source>result</source>
      <translation>结果</translation>
    </message>
    <message>
      <source>relative error |g_num − g| / (|g_num| + |g|)</source>
      <translation>相对误差 |g_num − g| / (|g_num| + |g|)</translation>
    </message>
    <message>
      <source>elements</source>
      <translation>元素数</translation>
    </message>
    <message>
      <source>Each checked element θ is moved by ±ε and the network run forward twice: (L(θ + ε) − L(θ − ε)) / 2ε is compared with the gradient of the backward run.</source>
      <translation>每个受检元素 θ 分别移动 ±ε，网络前向传播两次：把 (L(θ + ε) − L(θ − ε)) / 2ε 与反向传播得到的梯度比较。</translation>
    </message>
    <message>
      <source>%s Wrong: %s. Right: %s.</source>
      <translation>%s 错误写法：%s。正确写法：%s。</translation>
    </message>
    <message>
      <source>It should show in: %s.</source>
      <translation>它应当在这些地方显现：%s。</translation>
    </message>
    <message>
      <source>This network gives it nothing to act on (it needs %s).</source>
      <translation>这个网络中没有它能起作用的地方（它需要%s）。</translation>
    </message>
    <message>
      <source>Checking…</source>
      <translation>正在检验…</translation>
    </message>
    <message>
      <source>Cancelling…</source>
      <translation>正在取消…</translation>
    </message>
    <message>
      <source>Cancelled: nothing was checked to the end.</source>
      <translation>已取消：没有任何检验完成。</translation>
    </message>
    <message>
      <source>The check could not run: %s</source>
      <translation>检验无法运行：%s</translation>
    </message>
    <message>
      <source>FAIL: %s disagree with central differences (relative error ≥ %g).</source>
      <translation>未通过：%s 与中心差分不一致（相对误差 ≥ %g）。</translation>
    </message>
    <message>
      <source>PASS: every checked gradient away from kinks agrees with central differences to a relative error below %g (ε = %g).</source>
      <translation>通过：除折点外，所有受检梯度都与中心差分一致，相对误差低于 %g（ε = %g）。</translation>
    </message>
    <message>
      <source>pass</source>
      <translation>通过</translation>
    </message>
    <message>
      <source>FAIL</source>
      <translation>未通过</translation>
    </message>
    <message>
      <source>≤ 1e-17 or exactly 0</source>
      <translation>≤ 1e-17 或恰为 0</translation>
    </message>
    <message>
      <source>tolerance</source>
      <translation>容差</translation>
    </message>
    <message>
      <source>No checked element was at a kink.</source>
      <translation>没有受检元素位于折点。</translation>
    </message>
    <message>
      <source>At kinks, not counted as failures (the loss has a corner there):</source>
      <translation>位于折点，不计为失败（损失在那里有折角）：</translation>
    </message>
    <message>
      <source>%s: %d element(s). %s</source>
      <translation>%s：%d 个元素。%s</translation>
    </message>
  </context>
  <context>
    <name>InputPreview</name>
    <message>
      <source>The 28×28 input I the network sees: your drawing cropped, scaled into a 20×20 box and centred by its centre of mass, as MNIST was prepared.</source>
      <translation>网络看到的 28×28 输入 I：你的手写数字经裁剪、缩放到 20×20 的框内，再按质心居中，与 MNIST 的预处理方式相同。</translation>
    </message>
  </context>
  <context>
    <name>Inspector</name>
    <message>
      <source>Click any pixel, unit or weight to see its numbers.</source>
      <translation>点击任意像素、单元或权重，查看它的数值。</translation>
    </message>
    <message>
      <source>{0} · step {1} of {2}</source>
      <translation>{0} · 第 {1} 步，共 {2} 步</translation>
    </message>
    <message>
      <source>Eq. 2.1:</source>
      <translation>式 2.1：</translation>
    </message>
    <message>
      <source>Selected:</source>
      <translation>已选：</translation>
    </message>
  </context>
  <context>
    <name>LabelSelector</name>
    <message>
      <source>Train towards y = {0} (key {0})</source>
      <translation>以 y = {0} 为目标训练（按键 {0}）</translation>
    </message>
  </context>
  <context>
    <name>LeftColumn</name>
    <message>
      <source>Brush width</source>
      <translation>笔画粗细</translation>
    </message>
    <message>
      <source>Eraser</source>
      <translation>橡皮擦</translation>
    </message>
    <message>
      <source>Left button erases (the right button always does). Key E</source>
      <translation>左键改为擦除（右键始终是擦除）。快捷键 E</translation>
    </message>
    <message>
      <source>Light or dark canvas (I). Only the look changes: the network always sees bright ink on a dark square</source>
      <translation>浅色或深色画布 (I)。只改变外观：网络看到的始终是深色方块上的亮色笔迹</translation>
    </message>
    <message>
      <source>Undo</source>
      <translation>撤销</translation>
    </message>
    <message>
      <source>Undo the last stroke (Ctrl+Z)</source>
      <translation>撤销上一笔 (Ctrl+Z)</translation>
    </message>
    <message>
      <source>Clear</source>
      <translation>清空</translation>
    </message>
    <message>
      <source>Clear the canvas (Delete); Ctrl+Z brings it back</source>
      <translation>清空画布 (Delete)；按 Ctrl+Z 可恢复</translation>
    </message>
    <message>
      <source>Learning rate α of the update θ ← θ − α·∂L/∂θ, from {0} to {1}. Each launch starts at {2} unless you ask to remember it (Train menu)</source>
      <translation>更新 θ ← θ − α·∂L/∂θ 中的学习率 α，范围 {0} 到 {1}。每次启动都从 {2} 开始，除非你让程序记住它（“训练”菜单）</translation>
    </message>
    <message>
      <source>{0} – {1}</source>
      <translation>{0} – {1}</translation>
    </message>
    <message>
      <source>Apply update ▸ next iteration</source>
      <translation>应用更新 ▸ 下一次迭代</translation>
    </message>
    <message>
      <source>Keep the updated weights θ − α·∂L/∂θ and run a new iteration on the same input (U)</source>
      <translation>保留更新后的权重 θ − α·∂L/∂θ，并在同一输入上运行新一次迭代 (U)</translation>
    </message>
    <message>
      <source>Reset weights</source>
      <translation>重置权重</translation>
    </message>
    <message>
      <source>Back to the weights of the model as loaded</source>
      <translation>回到模型载入时的权重</translation>
    </message>
    <message>
      <source>The second most likely digit: a confident prediction hides it</source>
      <translation>可能性第二高的数字：预测很有把握时它几乎看不见</translation>
    </message>
    <message>
      <source>log</source>
      <translation>对数</translation>
    </message>
    <message>
      <source>Bars on a log scale from 0.0001% to 100%: small probabilities become visible</source>
      <translation>条形图使用 0.0001% 到 100% 的对数刻度：很小的概率也能看见</translation>
    </message>
    <message>
      <source>use the prediction as target</source>
      <translation>以预测作为目标</translation>
    </message>
    <message>
      <source>Follow the network's predicted class (A); press 0-9 to choose</source>
      <translation>跟随网络预测的类别 (A)；按 0-9 自行选择</translation>
    </message>
    <message>
      <source>1 · Draw a digit</source>
      <translation>1 · 写一个数字</translation>
    </message>
    <message>
      <source>Brush</source>
      <translation>画笔</translation>
    </message>
    <message>
      <source>2 · What the network sees and predicts</source>
      <translation>2 · 网络看到了什么、预测了什么</translation>
    </message>
    <message>
      <source>3 · Train one iteration</source>
      <translation>3 · 训练一次迭代</translation>
    </message>
    <message>
      <source>Learning rate α</source>
      <translation>学习率 α</translation>
    </message>
    <message>
      <source>input I, {0}×{1}</source>
      <translation>输入 I，{0}×{1}</translation>
    </message>
    <message>
      <source>2nd: {0} ({1})</source>
      <translation>次选：{0}（{1}）</translation>
    </message>
    <message>
      <source>Training target y: draw a digit first.</source>
      <translation>训练目标 y：请先写一个数字。</translation>
    </message>
    <message>
      <source>your choice</source>
      <translation>你的选择</translation>
    </message>
    <message>
      <source>the sample's label</source>
      <translation>样本的标签</translation>
    </message>
    <message>
      <source>predicted; keys 0-9 choose</source>
      <translation>预测值；按 0-9 选择</translation>
    </message>
    <message>
      <source>Training target y = &lt;b&gt;{0}&lt;/b&gt; ({1})</source>
      <translation>训练目标 y = &lt;b&gt;{0}&lt;/b&gt;（{1}）</translation>
    </message>
    <message>
      <source>Iteration {0}: loss L = &lt;b&gt;{1}&lt;/b&gt;; after this update L = {2}, ŷ&lt;sub&gt;{3}&lt;/sub&gt; {4} → {5}</source>
      <translation>第 {0} 次迭代：损失 L = &lt;b&gt;{1}&lt;/b&gt;；本次更新后 L = {2}，ŷ&lt;sub&gt;{3}&lt;/sub&gt; {4} → {5}</translation>
    </message>
    <message>
      <source>losses so far: {0}</source>
      <translation>历次损失：{0}</translation>
    </message>
  </context>
  <context>
    <name>Lesson</name>
    <message>
      <source>Lesson</source>
      <translation>课程</translation>
    </message>
    <message>
      <source>&amp;Lesson: follow the paper step by step</source>
      <translation>课程：跟着论文一步步学(&amp;L)</translation>
    </message>
    <message>
      <source>Open the guided lesson beside the app</source>
      <translation>在程序旁打开引导式课程</translation>
    </message>
    <message>
      <source>The lesson could not be loaded: {0}</source>
      <translation>无法载入课程：{0}</translation>
    </message>
  </context>
  <context>
    <name>LessonPane</name>
    <message>
      <source>◀ &amp;Back</source>
      <translation>◀ 上一页(&amp;B)</translation>
    </message>
    <message>
      <source>The previous page</source>
      <translation>上一页</translation>
    </message>
    <message>
      <source>&amp;Next ▶</source>
      <translation>下一页(&amp;N) ▶</translation>
    </message>
    <message>
      <source>The next page (you can go on before the tasks are done)</source>
      <translation>下一页（任务没做完也可以继续）</translation>
    </message>
    <message>
      <source>Set this up again</source>
      <translation>重新设置本页</translation>
    </message>
    <message>
      <source>Put the network, the step and the selection back as this page needs them</source>
      <translation>把网络、步骤和所选元素恢复成本页所需的状态</translation>
    </message>
    <message>
      <source>Leave lesson</source>
      <translation>离开课程</translation>
    </message>
    <message>
      <source>Play freely; Help ▸ Lesson brings you back to this page</source>
      <translation>自由探索；“帮助 ▸ 课程”会带你回到这一页</translation>
    </message>
    <message>
      <source>Try it</source>
      <translation>动手试试</translation>
    </message>
    <message>
      <source>Page {0} of {1} · {2} of {3} tasks done</source>
      <translation>第 {0} 页，共 {1} 页 · 已完成 {2} / {3} 个任务</translation>
    </message>
    <message>
      <source>Done earlier.</source>
      <translation>之前已完成。</translation>
    </message>
    <message>
      <source>All done here. Next ▶ goes on when you are ready.</source>
      <translation>本页任务已全部完成。准备好了就点“下一页 ▶”继续。</translation>
    </message>
    <message>
      <source>That was the last page: you have walked the paper from the input image to your own handwriting. Leave the lesson and play freely; the chapter list takes you back to any page.</source>
      <translation>这是最后一页：你已经跟着论文从输入图像一路走到了自己的笔迹。离开课程，自由探索吧；章节列表可以带你回到任意一页。</translation>
    </message>
  </context>
  <context>
    <name>LessonTasks</name>
    <message>
      <source>Done — {0} = {1}.</source>
      <extracomment>Done lines are translated in the context "LessonTasks" (lupdate reads `translate("ctx", "text")`).</extracomment>
      <translation>完成——{0} = {1}。</translation>
    </message>
    <message>
      <source>Done — {0} = {1}: the sum of the nine products and the bias, as the inspector shows.</source>
      <translation>完成——{0} = {1}：九个乘积与偏置之和，正如检查器所示。</translation>
    </message>
    <message>
      <source>Done — C = {0} became A = σ(C) = {1}.</source>
      <translation>完成——C = {0} 变成了 A = σ(C) = {1}。</translation>
    </message>
    <message>
      <source>Done — δ_A = {0}, σ′(C) = {1}, so δ_C = {2}.</source>
      <translation>完成——δ_A = {0}，σ′(C) = {1}，所以 δ_C = {2}。</translation>
    </message>
    <message>
      <source>Done — P = {0}; its window held {1}.</source>
      <translation>完成——P = {0}；它的窗口中是 {1}。</translation>
    </message>
    <message>
      <source>Done — ∂L/∂A = 0 here: this pixel was not the largest of its window.</source>
      <translation>完成——这里 ∂L/∂A = 0：这个像素不是它所在窗口的最大值。</translation>
    </message>
    <message>
      <source>Done — ∂L/∂A = {0} here: this pixel got a share of δ_P.</source>
      <translation>完成——这里 ∂L/∂A = {0}：这个像素分到了一份 δ_P。</translation>
    </message>
    <message>
      <source>Done — ∂L/∂K = {0} for {1}.</source>
      <translation>完成——{1} 的 ∂L/∂K = {0}。</translation>
    </message>
    <message>
      <source>Done — ŷ_{0} = {1}; the ten add up to {2}.</source>
      <translation>完成——ŷ_{0} = {1}；十个概率之和为 {2}。</translation>
    </message>
    <message>
      <source>Done — Eq. 2.1 with these numbers: {0}.</source>
      <translation>完成——代入这些数值的式 2.1：{0}。</translation>
    </message>
    <message>
      <source>Done — with MSE, ∂L/∂ŷ_y = {0}.</source>
      <translation>完成——用 MSE 时，∂L/∂ŷ_y = {0}。</translation>
    </message>
    <message>
      <source>Done — ∂L/∂ŷ_y was {0} with cross-entropy; with MSE it is {1}.</source>
      <translation>完成——用交叉熵时 ∂L/∂ŷ_y 为 {0}；用 MSE 时为 {1}。</translation>
    </message>
    <message>
      <source>Done — step {0}: ∂L/∂W of the output layer, {1} numbers, each δ_j · a_i.</source>
      <translation>完成——第 {0} 步：输出层的 ∂L/∂W，共 {1} 个数，每个都是 δ_j · a_i。</translation>
    </message>
    <message>
      <source>Done — numerical {0}, backward run {1}: relative error {2}. The check caught the mistake.</source>
      <translation>完成——数值梯度 {0}，反向传播 {1}：相对误差 {2}。梯度检验抓住了这个错误。</translation>
    </message>
    <message>
      <source>Done — numerical {0}, backward run {1}: relative error {2}.</source>
      <translation>完成——数值梯度 {0}，反向传播 {1}：相对误差 {2}。</translation>
    </message>
    <message>
      <source>Done — with α = {0} the loss went from {1} to {2}; ŷ_y from {3} to {4}.</source>
      <translation>完成——α = {0} 时，损失从 {1} 变为 {2}；ŷ_y 从 {3} 变为 {4}。</translation>
    </message>
    <message>
      <source>Done — target y = {0}; the network gives it ŷ_y = {1} now.</source>
      <translation>完成——目标 y = {0}；网络现在给它的概率是 ŷ_y = {1}。</translation>
    </message>
    <message>
      <source>Done — {0} of your digits are kept for training.</source>
      <translation>完成——已保存 {0} 个你写的数字用于训练。</translation>
    </message>
    <message>
      <source>Done — the network reads your drawing as a {0} (ŷ = {1}).</source>
      <translation>完成——网络把你写的数字认作 {0}（ŷ = {1}）。</translation>
    </message>
    <message>
      <source>Done — block 1 now uses tanh, with the same weights: the loss is {0}.</source>
      <translation>完成——卷积块 1 现在使用 tanh，权重不变：损失为 {0}。</translation>
    </message>
    <message>
      <source>Done — average pooling: step to its gradient and every pixel of a window gets δ_P / 4.</source>
      <translation>完成——平均池化：走到它的梯度那一步，窗口中的每个像素都得到 δ_P / 4。</translation>
    </message>
    <message>
      <source>Done — the view shows ∂L/∂ of every stage now.</source>
      <translation>完成——视图现在显示每个环节的 ∂L/∂。</translation>
    </message>
    <message>
      <source>Done — α = {0}. Press U to see what one step of this size does.</source>
      <translation>完成——α = {0}。按 U 看看这么大的一步会带来什么。</translation>
    </message>
    <message>
      <source>Done — training has started: watch the kernels in the Learning tab.</source>
      <translation>完成——训练已经开始：在“学习曲线”标签页中观察卷积核。</translation>
    </message>
  </context>
  <context>
    <name>LossCurves</name>
    <message>
      <source>loss L</source>
      <translation>损失 L</translation>
    </message>
    <message>
      <source>epoch</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>validation accuracy</source>
      <translation>验证准确率</translation>
    </message>
    <message>
      <source>per batch</source>
      <translation>每个批量</translation>
    </message>
    <message>
      <source>smoothed</source>
      <translation>平滑后</translation>
    </message>
    <message>
      <source>training, per epoch</source>
      <translation>训练集，每轮</translation>
    </message>
    <message>
      <source>validation, per epoch</source>
      <translation>验证集，每轮</translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message>
      <source>convviz: how a CNN computes and learns</source>
      <translation>convviz：卷积神经网络如何计算与学习</translation>
    </message>
    <message>
      <source>fresh random weights (seed 0)</source>
      <extracomment>While drawing, predict at most every PREDICT_INTERVAL_MS, and never spend more than a quarter of the time predicting (slow machines space predictions out; the canvas itself never waits).</extracomment>
      <translation>全新的随机权重（种子 0）</translation>
    </message>
    <message>
      <source>pretrained weights</source>
      <translation>预训练权重</translation>
    </message>
    <message>
      <source>Training</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>Sample digits unavailable: {0}</source>
      <translation>示例数字不可用：{0}</translation>
    </message>
    <message>
      <source>network given at start</source>
      <extracomment>Each language named in itself: a learner finds their own whichever language is showing. CONVVIZ_LANG=zh_CN starts in that language whatever the settings say (screenshots, tests). The words the main window names the network and its weights with: said again in the new language on a switch (a file's name stays as it is).</extracomment>
      <translation>启动时指定的网络</translation>
    </message>
    <message>
      <source>pretrained model (shipped with convviz)</source>
      <translation>预训练模型（随 convviz 附带）</translation>
    </message>
    <message>
      <source>untrained network (seed 0)</source>
      <translation>未训练的网络（种子 0）</translation>
    </message>
    <message>
      <source>No pretrained model found: using an untrained network (seed 0), its guesses are random until trained.</source>
      <translation>未找到预训练模型：改用未训练的网络（种子 0），训练之前它的预测是随机的。</translation>
    </message>
    <message>
      <source>Update not applied</source>
      <translation>未应用更新</translation>
    </message>
    <message>
      <source>Sample {0}: an MNIST {1}</source>
      <translation>样本 {0}：MNIST 中的一个 {1}</translation>
    </message>
    <message>
      <source>Weights reset to {0}, as loaded</source>
      <translation>权重已重置为载入时的状态：{0}</translation>
    </message>
    <message>
      <source>1 update applied</source>
      <translation>已应用 1 次更新</translation>
    </message>
    <message>
      <source>{0} updates applied</source>
      <translation>已应用 {0} 次更新</translation>
    </message>
    <message>
      <source>Back to the weights of the model last opened: {0}, as loaded</source>
      <translation>回到上次打开的模型载入时的权重：{0}</translation>
    </message>
    <message>
      <source>model: {0} · {1} parameters · {2}</source>
      <translation>模型：{0} · {1} 个参数 · {2}</translation>
    </message>
  </context>
  <context>
    <name>Menus</name>
    <message>
      <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;All files (*)</source>
      <translation>图像 (*.png *.jpg *.jpeg *.bmp *.gif *.pgm *.ppm *.tif *.tiff *.webp);;所有文件 (*)</translation>
    </message>
    <message>
      <source>convviz models (*.npz);;All files (*)</source>
      <translation>convviz 模型 (*.npz);;所有文件 (*)</translation>
    </message>
    <message>
      <source>&amp;File</source>
      <translation>文件(&amp;F)</translation>
    </message>
    <message>
      <source>&amp;Open image…</source>
      <translation>打开图像(&amp;O)…</translation>
    </message>
    <message>
      <source>Open an image of a digit</source>
      <translation>打开一张数字图像</translation>
    </message>
    <message>
      <source>Open a picture of a digit (or drop one on the window)</source>
      <translation>打开一张数字图片（也可以直接拖到窗口上）</translation>
    </message>
    <message>
      <source>Open &amp;model…</source>
      <translation>打开模型(&amp;M)…</translation>
    </message>
    <message>
      <source>Open a convviz model</source>
      <translation>打开 convviz 模型</translation>
    </message>
    <message>
      <source>&amp;Save model…</source>
      <translation>保存模型(&amp;S)…</translation>
    </message>
    <message>
      <source>Save the model</source>
      <translation>保存模型</translation>
    </message>
    <message>
      <source>Export current step arrays (.npz)…</source>
      <translation>导出当前步骤的数组 (.npz)…</translation>
    </message>
    <message>
      <source>Export the current step's arrays</source>
      <translation>导出当前步骤的数组</translation>
    </message>
    <message>
      <source>NumPy archives (*.npz)</source>
      <translation>NumPy 归档 (*.npz)</translation>
    </message>
    <message>
      <source>Export whole iteration (.npz + .json)…</source>
      <translation>导出整次迭代 (.npz + .json)…</translation>
    </message>
    <message>
      <source>Export every step of the iteration</source>
      <translation>导出这次迭代的每一步</translation>
    </message>
    <message>
      <source>Every step's arrays in one .npz, and a JSON index of steps, ops and equations</source>
      <translation>每一步的数组存入一个 .npz 文件，另附步骤、运算和公式的 JSON 索引</translation>
    </message>
    <message>
      <source>Export window as PNG…</source>
      <translation>将窗口导出为 PNG…</translation>
    </message>
    <message>
      <source>Save the window as a picture</source>
      <translation>将窗口保存为图片</translation>
    </message>
    <message>
      <source>PNG images (*.png)</source>
      <translation>PNG 图像 (*.png)</translation>
    </message>
    <message>
      <source>Export stage as PNG…</source>
      <translation>将当前环节导出为 PNG…</translation>
    </message>
    <message>
      <source>Save the current stage as a picture</source>
      <translation>将当前环节保存为图片</translation>
    </message>
    <message>
      <source>&amp;Quit</source>
      <translation>退出(&amp;Q)</translation>
    </message>
    <message>
      <source>&amp;Canvas</source>
      <translation>画布(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Undo stroke</source>
      <translation>撤销笔画(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Clear</source>
      <translation>清空(&amp;C)</translation>
    </message>
    <message>
      <source>&amp;Eraser</source>
      <translation>橡皮擦(&amp;E)</translation>
    </message>
    <message>
      <source>&amp;Light canvas (dark ink on paper)</source>
      <translation>浅色画布（白纸黑字）(&amp;L)</translation>
    </message>
    <message>
      <source>Next &amp;sample</source>
      <translation>下一个样本(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Train</source>
      <translation>训练(&amp;T)</translation>
    </message>
    <message>
      <source>Target y = {0}</source>
      <translation>目标 y = {0}</translation>
    </message>
    <message>
      <source>Target = the &amp;prediction</source>
      <translation>目标 = 预测结果(&amp;P)</translation>
    </message>
    <message>
      <source>&amp;Apply update ▸ next iteration</source>
      <translation>应用更新 ▸ 下一次迭代(&amp;A)</translation>
    </message>
    <message>
      <source>&amp;Reset weights</source>
      <translation>重置权重(&amp;R)</translation>
    </message>
    <message>
      <source>Remember α for the next launch</source>
      <translation>下次启动时沿用此 α</translation>
    </message>
    <message>
      <source>Off: every launch starts at the default α</source>
      <translation>关闭时：每次启动都从默认的 α 开始</translation>
    </message>
    <message>
      <source>&amp;Training panel: train on many digits</source>
      <translation>训练面板：用大量数字训练(&amp;T)</translation>
    </message>
    <message>
      <source>Add the drawing to &amp;my digits</source>
      <translation>将手写数字加入“我的数字”(&amp;M)</translation>
    </message>
    <message>
      <source>&amp;Undo training</source>
      <translation>撤销训练(&amp;U)</translation>
    </message>
    <message>
      <source>&amp;Language</source>
      <translation>语言(&amp;L)</translation>
    </message>
    <message>
      <source>Training target y = that digit</source>
      <translation>训练目标 y = 该数字</translation>
    </message>
    <message>
      <source>&amp;Step</source>
      <translation>步骤(&amp;S)</translation>
    </message>
    <message>
      <source>&amp;Help</source>
      <translation>帮助(&amp;H)</translation>
    </message>
    <message>
      <source>&amp;Keyboard shortcuts</source>
      <translation>键盘快捷键(&amp;K)</translation>
    </message>
    <message>
      <source>&amp;About convviz</source>
      <translation>关于 convviz(&amp;A)</translation>
    </message>
    <message>
      <source>File</source>
      <translation>文件</translation>
    </message>
    <message>
      <source>Canvas</source>
      <translation>画布</translation>
    </message>
    <message>
      <source>Train</source>
      <translation>训练</translation>
    </message>
    <message>
      <source>Step</source>
      <translation>步骤</translation>
    </message>
    <message>
      <source>Help</source>
      <translation>帮助</translation>
    </message>
    <message>
      <source>Mouse</source>
      <translation>鼠标</translation>
    </message>
    <message>
      <source>left drag</source>
      <translation>左键拖动</translation>
    </message>
    <message>
      <source>draw on the canvas (erase in eraser mode)</source>
      <translation>在画布上书写（橡皮擦模式下为擦除）</translation>
    </message>
    <message>
      <source>right drag</source>
      <translation>右键拖动</translation>
    </message>
    <message>
      <source>erase</source>
      <translation>擦除</translation>
    </message>
    <message>
      <source>drop a file</source>
      <translation>拖入文件</translation>
    </message>
    <message>
      <source>open an image (or a .npz model)</source>
      <translation>打开图像（或 .npz 模型）</translation>
    </message>
  </context>
  <context>
    <name>MistakeBanner</name>
    <message>
      <source>Turn the mistake off</source>
      <translation>关闭这个错误</translation>
    </message>
    <message>
      <source>It acts in %s: watch the gradients from there down.</source>
      <translation>它在 %s 起作用：请留意从那里一直到输入的各个梯度。</translation>
    </message>
    <message>
      <source>This network gives it nothing to act on (it needs %s).</source>
      <translation>这个网络中没有它能起作用的地方（它需要%s）。</translation>
    </message>
    <message>
      <source>Mistake on: %s.</source>
      <translation>已开启错误：%s。</translation>
    </message>
    <message>
      <source>Wrong: %s; right: %s.</source>
      <translation>错误写法：%s；正确写法：%s。</translation>
    </message>
    <message>
      <source>Updates are not applied while it is on.</source>
      <translation>开启期间不会应用更新。</translation>
    </message>
  </context>
  <context>
    <name>MistakesMenu</name>
    <message>
      <source>None: the engine's backward run</source>
      <translation>无：引擎的正确反向传播</translation>
    </message>
  </context>
  <context>
    <name>MyDigitsView</name>
    <message>
      <source>Add the drawing to my digits</source>
      <translation>将手写数字加入“我的数字”</translation>
    </message>
    <message>
      <source>Store the 28×28 input with its training target y in your own data set (Ctrl+D), to train or fine-tune on your handwriting</source>
      <translation>把 28×28 的输入连同训练目标 y 存入你自己的数据集 (Ctrl+D)，用你的笔迹训练或微调网络</translation>
    </message>
    <message>
      <source>Delete selected</source>
      <translation>删除所选</translation>
    </message>
    <message>
      <source>Your digits could not be read: {0}</source>
      <translation>无法读取你的数字：{0}</translation>
    </message>
    <message>
      <source>Add the drawing to my digits as a {0}</source>
      <translation>将手写数字作为 {0} 加入“我的数字”</translation>
    </message>
    <message>
      <source>Draw a digit first.</source>
      <translation>请先写一个数字。</translation>
    </message>
    <message>
      <source>Not added: {0}</source>
      <translation>未添加：{0}</translation>
    </message>
    <message>
      <source> (the unreadable old file was kept as {0})</source>
      <translation>（无法读取的旧文件已保留为 {0}）</translation>
    </message>
    <message>
      <source>Added a {0}; {1} digits in {2}{3}</source>
      <translation>已添加一个 {0}；{2} 中共有 {1} 个数字{3}</translation>
    </message>
    <message>
      <source>Not deleted: {0}</source>
      <translation>未删除：{0}</translation>
    </message>
    <message>
      <source>Deleted {0}; {1} left</source>
      <translation>已删除 {0} 个；还剩 {1} 个</translation>
    </message>
    <message>
      <source>{0} of your digits ({1}). Select and press Delete selected to remove some.</source>
      <translation>你的数字共 {0} 个（{1}）。选中后按“删除所选”即可移除。</translation>
    </message>
    <message>
      <source>none yet</source>
      <translation>还没有</translation>
    </message>
  </context>
  <context>
    <name>NetworkPanel</name>
    <message>
      <source>Next step</source>
      <extracomment>The stepping actions' names (as NetworkPanel._make_actions words them, in its context).</extracomment>
      <translation>下一步</translation>
    </message>
    <message>
      <source>Previous step</source>
      <translation>上一步</translation>
    </message>
    <message>
      <source>First step</source>
      <translation>第一步</translation>
    </message>
    <message>
      <source>Last step</source>
      <translation>最后一步</translation>
    </message>
    <message>
      <source>Play / pause</source>
      <translation>播放 / 暂停</translation>
    </message>
    <message>
      <source>{0} ({1})</source>
      <translation>{0}（{1}）</translation>
    </message>
    <message>
      <source> or </source>
      <translation> 或 </translation>
    </message>
    <message>
      <source>%s (the backprop mistake acts here)</source>
      <translation>%s（反向传播错误在这里起作用）</translation>
    </message>
    <message>
      <source>No iteration yet: draw a digit to start.</source>
      <translation>还没有迭代：写一个数字即可开始。</translation>
    </message>
    <message>
      <source>Draw a digit to see one training iteration, op by op.</source>
      <translation>写一个数字，逐个运算地观看一次训练迭代。</translation>
    </message>
    <message>
      <source>&lt;b&gt;Step {0} / {1}&lt;/b&gt; · {2}</source>
      <translation>&lt;b&gt;第 {0} / {1} 步&lt;/b&gt; · {2}</translation>
    </message>
    <message>
      <source>value {0}</source>
      <extracomment>The toolbar's narrowest width: the panel's views need about this much (the width the one-row bar used to force); below its one-row width the bar wraps rather than squeeze a badge.</extracomment>
      <translation>数值 {0}</translation>
    </message>
    <message>
      <source>gradient {0}</source>
      <translation>梯度 {0}</translation>
    </message>
    <message>
      <source>after {0}</source>
      <translation>更新后 {0}</translation>
    </message>
    <message>
      <source>not computed yet</source>
      <translation>尚未计算</translation>
    </message>
    <message>
      <source>This step does not involve the selected element.</source>
      <translation>这一步与所选元素无关。</translation>
    </message>
    <message>
      <source>This step does not compute this element.</source>
      <translation>这一步不计算这个元素。</translation>
    </message>
    <message>
      <source>click for its numbers</source>
      <translation>点击查看数值</translation>
    </message>
    <message>
      <source>Values</source>
      <translation>数值</translation>
    </message>
    <message>
      <source>Gradients</source>
      <translation>梯度</translation>
    </message>
    <message>
      <source>Both</source>
      <translation>两者</translation>
    </message>
    <message>
      <source>Show the values each stage computed</source>
      <translation>显示每个环节算出的数值</translation>
    </message>
    <message>
      <source>Show the gradients ∂L/∂· (blue negative, white 0, red positive)</source>
      <translation>显示梯度 ∂L/∂·（蓝为负，白为 0，红为正）</translation>
    </message>
    <message>
      <source>Gradients blended over the values</source>
      <translation>把梯度叠加在数值上</translation>
    </message>
    <message>
      <source>scale: each stage</source>
      <translation>刻度：各环节独立</translation>
    </message>
    <message>
      <source>scale: whole step</source>
      <translation>刻度：整步统一</translation>
    </message>
    <message>
      <source>&lt;b&gt;Press → (or ▶ to play)&lt;/b&gt; to step through one training iteration, op by op. Click any pixel, unit or weight for its numbers.</source>
      <translation>&lt;b&gt;按 →（或 ▶ 自动播放）&lt;/b&gt;，逐个运算地走完一次训练迭代。点击任意像素、单元或权重可查看它的数值。</translation>
    </message>
    <message>
      <source>Gradient colours: one scale for every stage of the step (colours compare across stages) or each stage its own (small gradients visible)</source>
      <translation>梯度颜色：整步所有环节共用一个刻度（颜色可跨环节比较），或每个环节各用自己的刻度（小梯度也看得见）</translation>
    </message>
    <message>
      <source>Playing speed (steps per second)</source>
      <translation>播放速度（每秒步数）</translation>
    </message>
    <message>
      <source>{0} steps/s</source>
      <translation>{0} 步/秒</translation>
    </message>
  </context>
  <context>
    <name>ParamPages</name>
    <message>
      <source>∂L/∂W of {0}&lt;br&gt;{1} units (rows) × {2} inputs (columns) · click a weight</source>
      <translation>{0} 的 ∂L/∂W&lt;br&gt;{1} 个单元（行）× {2} 个输入（列）· 点击一个权重</translation>
    </message>
    <message>
      <source>gradient ±{0} · wheel: zoom, drag: pan, double-click: all</source>
      <translation>梯度 ±{0} · 滚轮：缩放，拖动：平移，双击：全部显示</translation>
    </message>
    <message>
      <source>{0}: {1} kernels {2} × {3}</source>
      <translation>{0}：{1} 个卷积核 {2} × {3}</translation>
    </message>
    <message>
      <source>the kernels K and their gradient ∂L/∂K · click a weight</source>
      <translation>卷积核 K 及其梯度 ∂L/∂K · 点击一个权重</translation>
    </message>
    <message>
      <source> × {0} channels (side by side)</source>
      <translation> × {0} 个通道（并排）</translation>
    </message>
    <message>
      <source>click a weight</source>
      <translation>点击一个权重</translation>
    </message>
    <message>
      <source>∂L/∂K (±{0})</source>
      <translation>∂L/∂K（±{0}）</translation>
    </message>
    <message>
      <source>unit</source>
      <translation>单元</translation>
    </message>
    <message>
      <source>output unit j (row)</source>
      <translation>输出单元 j（行）</translation>
    </message>
    <message>
      <source>input unit i (column)</source>
      <translation>输入单元 i（列）</translation>
    </message>
    <message>
      <source>kernel</source>
      <translation>卷积核</translation>
    </message>
    <message>
      <source>∂L/∂b of {0}&lt;br&gt;one bar per {1} · click a bar</source>
      <translation>{0} 的 ∂L/∂b&lt;br&gt;每个{1}一根柱 · 点击一根柱</translation>
    </message>
    <message>
      <source>ŷ before (&lt;span style='color:{0}'&gt;grey&lt;/span&gt;) and after (&lt;span style='color:{1}'&gt;green&lt;/span&gt;) the update&lt;br&gt;L: {2} → {3}</source>
      <translation>更新前（&lt;span style='color:{0}'&gt;灰色&lt;/span&gt;）与更新后（&lt;span style='color:{1}'&gt;绿色&lt;/span&gt;）的 ŷ&lt;br&gt;L：{2} → {3}</translation>
    </message>
    <message>
      <source>before</source>
      <translation>更新前</translation>
    </message>
    <message>
      <source>gradient (±{0})</source>
      <translation>梯度（±{0}）</translation>
    </message>
    <message>
      <source>Δ = −α·∇ (±{0})</source>
      <translation>Δ = −α·∇（±{0}）</translation>
    </message>
    <message>
      <source>after</source>
      <translation>更新后</translation>
    </message>
    <message>
      <source>gradient</source>
      <translation>梯度</translation>
    </message>
    <message>
      <source>Δ = −α·∇</source>
      <translation>Δ = −α·∇</translation>
    </message>
    <message>
      <source>a weight</source>
      <translation>一个权重</translation>
    </message>
    <message>
      <source>a bar</source>
      <translation>一根柱</translation>
    </message>
    <message>
      <source> ({0}% of the largest |θ|)</source>
      <translation>（为最大 |θ| 的 {0}%）</translation>
    </message>
    <message>
      <source>{0}: after = before + Δ, Δ = −α · gradient, α = {1} · click {2}&lt;br&gt;largest change |Δ| = {3}{4}</source>
      <translation>{0}：更新后 = 更新前 + Δ，Δ = −α · 梯度，α = {1} · 点击{2}&lt;br&gt;最大变化 |Δ| = {3}{4}</translation>
    </message>
    <message>
      <source>∂L/∂K (±{0}) · Values: K, Both: both</source>
      <translation>∂L/∂K（±{0}）· 数值：K，两者：两者</translation>
    </message>
    <message>
      <source>K · Gradients: ∂L/∂K, Both: both</source>
      <translation>K · 梯度：∂L/∂K，两者：两者</translation>
    </message>
    <message>
      <source>K with ∂L/∂K over it (±{0}) · Values or Gradients: one alone</source>
      <translation>K 上叠加 ∂L/∂K（±{0}）· 数值或梯度：只显示其一</translation>
    </message>
  </context>
  <context>
    <name>PhaseIndicator</name>
    <message>
      <source>Go to the first step of the {0} phase</source>
      <extracomment>A badge's room around its name: the style's 4 px padding and 1 px border on each side, and Qt's own margin inside a tool button.</extracomment>
      <translation>跳到{0}阶段的第一步</translation>
    </message>
  </context>
  <context>
    <name>PipelineView</name>
    <message>
      <source>step&lt;br&gt;{0}</source>
      <translation>步骤&lt;br&gt;{0}</translation>
    </message>
    <message>
      <source>computed&lt;br&gt;at step {0}</source>
      <translation>算于&lt;br&gt;第 {0} 步</translation>
    </message>
    <message>
      <source>gradient&lt;br&gt;one scale&lt;br&gt;for the step</source>
      <translation>梯度&lt;br&gt;整步&lt;br&gt;统一刻度</translation>
    </message>
    <message>
      <source>gradient&lt;br&gt;this stage's&lt;br&gt;own scale</source>
      <translation>梯度&lt;br&gt;本环节&lt;br&gt;独立刻度</translation>
    </message>
    <message>
      <source>no&lt;br&gt;gradients&lt;br&gt;yet</source>
      <translation>还&lt;br&gt;没有&lt;br&gt;梯度</translation>
    </message>
  </context>
  <context>
    <name>PredictionBars</name>
    <message>
      <source>ŷ: the network's probability for each digit (softmax output). Orange: its prediction. Green mark: the training target y.</source>
      <translation>ŷ：网络给每个数字的概率（softmax 输出）。橙色：它的预测。绿色标记：训练目标 y。</translation>
    </message>
    <message>
      <source>Draw a digit</source>
      <translation>写一个数字</translation>
    </message>
  </context>
  <context>
    <name>PromptBar</name>
    <message>
      <source>New here? Take the lesson — it follows the paper.</source>
      <translation>第一次使用？来上一节课吧——它跟着论文一步步讲。</translation>
    </message>
    <message>
      <source>Ten short chapters, from the input image to gradient descent; each page sets the app up and gives you something to do.</source>
      <translation>十个简短的章节，从输入图像讲到梯度下降；每一页都会替你把程序设置好，并给你一点动手的任务。</translation>
    </message>
    <message>
      <source>Start the lesson</source>
      <translation>开始课程</translation>
    </message>
    <message>
      <source>Not now</source>
      <translation>以后再说</translation>
    </message>
    <message>
      <source>Help ▸ Lesson starts it any time</source>
      <translation>随时可以从“帮助 ▸ 课程”开始</translation>
    </message>
  </context>
  <context>
    <name>SamplePicker</name>
    <message>
      <source>Shipped MNIST samples…</source>
      <translation>附带的 MNIST 样本…</translation>
    </message>
    <message>
      <source>Shipped MNIST digits (LeCun, Cortes, Burges; CC BY-SA 3.0)</source>
      <translation>附带的 MNIST 数字（LeCun、Cortes、Burges；CC BY-SA 3.0）</translation>
    </message>
    <message>
      <source>Next sample ▸</source>
      <translation>下一个样本 ▸</translation>
    </message>
    <message>
      <source>Load the next shipped digit</source>
      <translation>载入下一个附带的数字</translation>
    </message>
    <message>
      <source>sample {0} · digit {1}</source>
      <translation>样本 {0} · 数字 {1}</translation>
    </message>
  </context>
  <context>
    <name>Session</name>
    <message>
      <source>trained in the app: 1 update applied to the {1}</source>
      <extracomment>α for a single example. This model's gradients are large: at 0.01 one update on a 5 labelled "3" flips it to 99.7% "3" (a lesson in overfitting one example, not in descent); at 0.001 the same step moves "3" from 13% to 32% and a correct label's 86% to 88%: small steps downhill. The α a learner can choose (the spin box's range; a stored setting outside it is replaced).</extracomment>
      <translation>在程序中训练过：对{1}应用了 1 次更新</translation>
    </message>
    <message>
      <source>trained in the app: {0} updates applied to the {1}</source>
      <translation>在程序中训练过：对{1}应用了 {0} 次更新</translation>
    </message>
    <message>
      <source>the loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <source>With α = {0} the update would make {1} infinite or NaN.

The weights are unchanged. Try a smaller α.</source>
      <translation>当 α = {0} 时，这次更新会使 {1} 变为无穷大或 NaN。

权重保持不变。请尝试更小的 α。</translation>
    </message>
  </context>
  <context>
    <name>ShapeTable</name>
    <message>
      <source>stage</source>
      <translation>环节</translation>
    </message>
    <message>
      <source>shape</source>
      <translation>形状</translation>
    </message>
    <message>
      <source>Eq. 2.1</source>
      <translation>式 2.1</translation>
    </message>
    <message>
      <source>parameters</source>
      <translation>参数</translation>
    </message>
    <message>
      <source>multiply-adds</source>
      <translation>乘加次数</translation>
    </message>
  </context>
  <context>
    <name>TrainingPanel</name>
    <message>
      <source>Start</source>
      <translation>开始</translation>
    </message>
    <message>
      <source>Pause</source>
      <translation>暂停</translation>
    </message>
    <message>
      <source>Stop</source>
      <translation>停止</translation>
    </message>
    <message>
      <source>Undo training</source>
      <translation>撤销训练</translation>
    </message>
    <message>
      <source>Back to the weights from before the last training run</source>
      <translation>回到上一次训练之前的权重</translation>
    </message>
    <message>
      <source>Save model…</source>
      <translation>保存模型…</translation>
    </message>
    <message>
      <source>Save the network in use (File ▸ Save model)</source>
      <translation>保存当前使用的网络（文件 ▸ 保存模型）</translation>
    </message>
    <message>
      <source>Press Start to train the network in use on many digits.</source>
      <translation>按“开始”，用大量数字训练当前使用的网络。</translation>
    </message>
    <message>
      <source>conv1's kernels K (blue &lt; 0 &lt; red), live</source>
      <translation>conv1 的卷积核 K（蓝 &lt; 0 &lt; 红），实时</translation>
    </message>
    <message>
      <source>your drawing's ŷ, live</source>
      <translation>你写的数字的 ŷ，实时</translation>
    </message>
    <message>
      <source>Validation confusion: rows the true digit, columns the prediction. Click a cell to see those digits.</source>
      <translation>验证集混淆矩阵：行是真实数字，列是预测。点击单元格可查看这些数字。</translation>
    </message>
    <message>
      <source>Learning</source>
      <translation>学习曲线</translation>
    </message>
    <message>
      <source>Confusion</source>
      <translation>混淆矩阵</translation>
    </message>
    <message>
      <source>My digits</source>
      <translation>我的数字</translation>
    </message>
    <message>
      <source>Updates by hand</source>
      <translation>手动更新</translation>
    </message>
    <message>
      <source>Resume</source>
      <translation>继续</translation>
    </message>
    <message>
      <source>Cannot train: this network reads {0}×{1} images, the digits are 28×28. Choose a 28 × 28 input in the network editor to train on many digits.</source>
      <translation>无法训练：这个网络读取 {0}×{1} 的图像，而数字是 28×28 的。要用大量数字训练，请在网络编辑器中选择 28 × 28 的输入。</translation>
    </message>
    <message>
      <source>Cannot train: {0}</source>
      <translation>无法训练：{0}</translation>
    </message>
    <message>
      <source> (the shipped model learnt from these digits: its validation figures flatter it; start from random weights for an honest measure)</source>
      <translation>（附带的模型正是用这些数字训练出来的：它的验证结果会偏高；想要客观的衡量，请从随机权重开始）</translation>
    </message>
    <message>
      <source>Training on {0} digits, validating on {1} held out{2}…</source>
      <translation>正在用 {0} 个数字训练，用留出的 {1} 个数字验证{2}…</translation>
    </message>
    <message>
      <source>Stopping after this minibatch…</source>
      <translation>将在这个小批量结束后停止…</translation>
    </message>
    <message>
      <source>The training process ended without a result; the network was not changed.</source>
      <translation>训练进程结束，但没有得到结果；网络没有改变。</translation>
    </message>
    <message>
      <source>Another model was opened during training: the result was not applied.</source>
      <translation>训练期间打开了另一个模型：训练结果没有应用。</translation>
    </message>
    <message>
      <source>Training failed: {0}. The network was not changed.</source>
      <translation>训练失败：{0}。网络没有改变。</translation>
    </message>
    <message>
      <source>{0} updates in {1} epochs</source>
      <translation>{1} 轮共 {0} 次更新</translation>
    </message>
    <message>
      <source>Training diverged: {0}</source>
      <translation>训练发散：{0}</translation>
    </message>
    <message>
      <source>Stopped</source>
      <translation>已停止</translation>
    </message>
    <message>
      <source>Done</source>
      <translation>已完成</translation>
    </message>
    <message>
      <source>{0}: {1}. The network in use now has the trained weights, and the iteration view shows it; Undo training returns to the weights before.</source>
      <translation>{0}：{1}。当前使用的网络已换成训练后的权重，迭代视图显示的也是它；“撤销训练”可回到训练前的权重。</translation>
    </message>
    <message>
      <source>Back to the weights from before training.</source>
      <translation>已回到训练前的权重。</translation>
    </message>
    <message>
      <source>{0} validation images of a {1} predicted as {2}</source>
      <translation>{0} 张数字 {1} 的验证图像被预测为 {2}</translation>
    </message>
  </context>
  <context>
    <name>TrainingSettings</name>
    <message>
      <source>the shipped 5,000 digits</source>
      <extracomment>The data sources and the learning-rate schedules, as the boxes name them (marked for lupdate).</extracomment>
      <translation>附带的 5,000 个数字</translation>
    </message>
    <message>
      <source>a data set file…</source>
      <translation>数据集文件…</translation>
    </message>
    <message>
      <source>my digits alone</source>
      <translation>仅“我的数字”</translation>
    </message>
    <message>
      <source>my digits + the shipped ones</source>
      <translation>“我的数字” + 附带的数字</translation>
    </message>
    <message>
      <source>constant</source>
      <translation>恒定</translation>
    </message>
    <message>
      <source>cosine</source>
      <translation>余弦</translation>
    </message>
    <message>
      <source>step</source>
      <translation>阶梯</translation>
    </message>
    <message>
      <source>all</source>
      <translation>全部</translation>
    </message>
    <message>
      <source>Use at most this many images (0: all); 10% are held out for validation</source>
      <translation>最多使用这么多张图像（0：全部）；其中 10% 留作验证</translation>
    </message>
    <message>
      <source>augment</source>
      <translation>数据增强</translation>
    </message>
    <message>
      <source>Distort each minibatch at random (rotate, scale, shift, thicken strokes), so the network sees the ways people draw</source>
      <translation>对每个小批量做随机变形（旋转、缩放、平移、加粗笔画），让网络见识人们书写的各种方式</translation>
    </message>
    <message>
      <source>start from random weights, seed</source>
      <translation>从随机权重开始，种子</translation>
    </message>
    <message>
      <source>Train the same network from new random weights (He/Glorot), so the kernels start as noise; otherwise training continues from the weights in use</source>
      <translation>用新的随机权重（He/Glorot 初始化）训练同一个网络，卷积核从噪声开始；否则在当前权重的基础上继续训练</translation>
    </message>
    <message>
      <source>Data</source>
      <translation>数据</translation>
    </message>
    <message>
      <source>Images</source>
      <translation>图像数</translation>
    </message>
    <message>
      <source>Epochs</source>
      <translation>轮次</translation>
    </message>
    <message>
      <source>Batch</source>
      <translation>批量</translation>
    </message>
    <message>
      <source>α</source>
      <translation>α</translation>
    </message>
    <message>
      <source>Momentum μ</source>
      <translation>动量 μ</translation>
    </message>
    <message>
      <source>Schedule</source>
      <translation>学习率调度</translation>
    </message>
    <message>
      <source>Choose a digit data set</source>
      <translation>选择数字数据集</translation>
    </message>
    <message>
      <source>Digit data sets (*.npz *idx3-ubyte *idx3-ubyte.gz);;All files (*)</source>
      <translation>数字数据集 (*.npz *idx3-ubyte *idx3-ubyte.gz);;所有文件 (*)</translation>
    </message>
    <message>
      <source>file: {0}</source>
      <translation>文件：{0}</translation>
    </message>
  </context>
  <context>
    <name>UpdateWarningBar</name>
    <message>
      <source>Reset weights</source>
      <translation>重置权重</translation>
    </message>
    <message>
      <source>Dismiss</source>
      <translation>关闭</translation>
    </message>
    <message>
      <source>it &lt;b&gt;raised&lt;/b&gt; the loss from {0} to {1}</source>
      <translation>损失从 {0} &lt;b&gt;升高&lt;/b&gt;到了 {1}</translation>
    </message>
    <message>
      <source>the output &lt;b&gt;saturated&lt;/b&gt; (ŷ is 0 or 1, so the gradients vanish and the network stops learning)</source>
      <translation>输出&lt;b&gt;饱和&lt;/b&gt;了（ŷ 为 0 或 1，梯度随之消失，网络不再学习）</translation>
    </message>
    <message>
      <source>&lt;b&gt;{0} of {1}&lt;/b&gt; active ReLU units switched off (they pass no gradient now)</source>
      <translation>活跃的 ReLU 单元中有 &lt;b&gt;{0} / {1}&lt;/b&gt; 个被关闭（它们现在不再传递梯度）</translation>
    </message>
    <message>
      <source>The last update went too far: {0}. α = {1} is probably too large: try a smaller α, or reset the weights.</source>
      <translation>上一次更新走得太远了：{0}。α = {1} 可能太大：请尝试更小的 α，或重置权重。</translation>
    </message>
    <message>
      <source>Use α = {0}</source>
      <translation>改用 α = {0}</translation>
    </message>
  </context>
  <context>
    <name>UpdatesView</name>
    <message>
      <source>update</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>loss L before the update</source>
      <translation>更新前的损失 L</translation>
    </message>
    <message>
      <source>ŷ of the target before it</source>
      <translation>更新前目标类别的 ŷ</translation>
    </message>
    <message>
      <source>y = {0}</source>
      <translation>y = {0}</translation>
    </message>
    <message>
      <source>{0} updates applied by hand. Last: y = {1}, L {2} → {3}, ŷ {4} → {5}</source>
      <translation>已手动应用 {0} 次更新。最近一次：y = {1}，L {2} → {3}，ŷ {4} → {5}</translation>
    </message>
    <message>
      <source>No update applied by hand yet: "Apply update" (U) adds a point per iteration. New weights (reset, another model) start over.</source>
      <translation>还没有手动应用过更新：每次迭代点一下“应用更新”(U) 就会添加一个点。换了新权重（重置、换模型）会重新开始。</translation>
    </message>
  </context>
  <context>
    <name>catalogue</name>
    <message>
      <source>Forward</source>
      <translation>前向传播</translation>
    </message>
    <message>
      <source>Loss</source>
      <translation>损失</translation>
    </message>
    <message>
      <source>Backward</source>
      <translation>反向传播</translation>
    </message>
    <message>
      <source>Update</source>
      <translation>更新</translation>
    </message>
    <message>
      <source>input image I</source>
      <translation>输入图像 I</translation>
    </message>
    <message>
      <source>{layer}: convolution</source>
      <translation>{layer}：卷积</translation>
    </message>
    <message>
      <source>{layer}: activation {activation}</source>
      <translation>{layer}：激活函数 {activation}</translation>
    </message>
    <message>
      <source>{layer}: {pool} pooling</source>
      <translation>{layer}：{pool}池化</translation>
    </message>
    <message>
      <source>flatten</source>
      <translation>展平</translation>
    </message>
    <message>
      <source>{layer}: weighted sum</source>
      <translation>{layer}：加权求和</translation>
    </message>
    <message>
      <source>output: {activation}</source>
      <translation>输出：{activation}</translation>
    </message>
    <message>
      <source>loss: {loss}</source>
      <translation>损失：{loss}</translation>
    </message>
    <message>
      <source>loss gradient ∂L/∂ŷ</source>
      <translation>损失的梯度 ∂L/∂ŷ</translation>
    </message>
    <message>
      <source>output: δ^(L+1) = ∂L/∂z</source>
      <translation>输出：δ^(L+1) = ∂L/∂z</translation>
    </message>
    <message>
      <source>{layer}: weight gradient ∂L/∂W</source>
      <translation>{layer}：权重梯度 ∂L/∂W</translation>
    </message>
    <message>
      <source>{layer}: bias gradient ∂L/∂b</source>
      <translation>{layer}：偏置梯度 ∂L/∂b</translation>
    </message>
    <message>
      <source>{layer}: gradient to the layer below</source>
      <translation>{layer}：传回前一层的梯度</translation>
    </message>
    <message>
      <source>{layer}: through the activation {activation}</source>
      <translation>{layer}：反向穿过激活函数 {activation}</translation>
    </message>
    <message>
      <source>un-flatten the gradient</source>
      <translation>梯度反展平</translation>
    </message>
    <message>
      <source>{layer}: routing through {pool} pooling</source>
      <translation>{layer}：梯度经{pool}池化回传</translation>
    </message>
    <message>
      <source>{layer}: kernel gradient ∂L/∂K</source>
      <translation>{layer}：卷积核梯度 ∂L/∂K</translation>
    </message>
    <message>
      <source>{layer}: input gradient ∂L/∂I</source>
      <translation>{layer}：输入梯度 ∂L/∂I</translation>
    </message>
    <message>
      <source>update {param}</source>
      <translation>更新 {param}</translation>
    </message>
    <message>
      <source>forward again after the update</source>
      <translation>更新后再做一次前向传播</translation>
    </message>
    <message>
      <source>The image the network sees: ink is bright (1), paper dark (0).</source>
      <translation>网络看到的图像：笔迹为亮（1），纸面为暗（0）。</translation>
    </message>
    <message>
      <source>Each kernel slides over the input; at every position the element-wise product of the kernel and the patch under it (its receptive field) is summed and the kernel's bias added. {kernels} kernels give {kernels} feature maps of {height} × {width}.</source>
      <translation>每个卷积核在输入上滑动；在每个位置，把卷积核与其下方输入块（即它的感受野）逐元素相乘再求和，然后加上该卷积核的偏置。{kernels} 个卷积核得到 {kernels} 张 {height} × {width} 的特征图。</translation>
    </message>
    <message>
      <source>The activation {activation} is applied to every value on its own. Without a non-linearity here, stacked layers would collapse into one linear map.</source>
      <translation>激活函数 {activation} 逐个作用于每个值。如果这里没有非线性，多层叠加起来也只相当于一个线性映射。</translation>
    </message>
    <message>
      <source>Each {pool_height} × {pool_width} window (stride {pool_stride}) is reduced to one value ({pool}), shrinking each map to {height} × {width}: fewer numbers, and a little tolerance to where exactly a feature appeared.</source>
      <translation>每个 {pool_height} × {pool_width} 的窗口（步幅 {pool_stride}）被归约为一个值（{pool}），每张特征图因此缩小为 {height} × {width}：数值更少，而且对特征出现的确切位置有了一点容忍度。</translation>
    </message>
    <message>
      <source>The maps are laid end to end, map by map and row by row, into one vector so the dense layers can weigh every value. Nothing is computed; only the shape changes.</source>
      <translation>把各张特征图按图、按行首尾相接，排成一个向量，使全连接层能够为每个值加权。这里没有任何计算，只改变形状。</translation>
    </message>
    <message>
      <source>Each of the {units} units weighs all {inputs} inputs, adds its bias and gives one number z. Large positive weights on active inputs push z up.</source>
      <translation>{units} 个单元中的每一个都对全部 {inputs} 个输入加权，再加上自己的偏置，得到一个数 z。连在活跃输入上的大正权重会把 z 推高。</translation>
    </message>
    <message>
      <source>The loss measures how far ŷ is from the one-hot target y; training lowers it. Over a batch, the mean of the examples' losses.</source>
      <translation>损失衡量 ŷ 与独热编码的目标 y 相差多远；训练就是要降低它。对一个批量，取各样本损失的平均值。</translation>
    </message>
    <message>
      <source>The backward run starts at the loss: how would it change if each output probability moved a little?</source>
      <translation>反向传播从损失开始：如果每个输出概率稍稍变动，损失会怎样变化？</translation>
    </message>
    <message>
      <source>A weight's gradient is the error of the unit it feeds times the input it carried: weights from inputs that were 0 do not change.</source>
      <translation>一个权重的梯度，等于它所连接单元的误差乘以它传递的输入：来自取值为 0 的输入的权重不会改变。</translation>
    </message>
    <message>
      <source>A bias adds 1 × b to z, so its gradient is the unit's δ itself.</source>
      <translation>偏置给 z 加上 1 × b，所以它的梯度就是该单元的 δ 本身。</translation>
    </message>
    <message>
      <source>Each input fed every unit of the layer, so its gradient sums the units' δ weighted by the connecting weights.</source>
      <translation>每个输入都连到本层的每个单元，所以它的梯度是各单元的 δ 按连接权重加权求和。</translation>
    </message>
    <message>
      <source>The gradient passes back through σ by the chain rule: each value is multiplied by the slope σ′ at that point.</source>
      <translation>梯度按链式法则反向穿过 σ：每个值都乘以 σ 在该点的斜率 σ′。</translation>
    </message>
    <message>
      <source>The gradient vector is folded back into the pooled maps' shape, each value to the position it came from.</source>
      <translation>梯度向量被折回池化后特征图的形状，每个值回到它原来的位置。</translation>
    </message>
    <message>
      <source>A kernel weight touched every position of its feature map, so its gradient adds up δ times the input pixel it multiplied, over all positions: the correlation of the input with the feature maps' gradient.</source>
      <translation>卷积核的一个权重参与了其特征图每个位置的计算，所以它的梯度是在所有位置上把 δ 与它所乘的输入像素之积相加：即输入与特征图梯度的互相关。</translation>
    </message>
    <message>
      <source>Every position of feature map p adds the same bias b_p, so its gradient is the sum of the map's gradient δ_p.</source>
      <translation>特征图 p 的每个位置都加上同一个偏置 b_p，所以它的梯度是该特征图梯度 δ_p 的总和。</translation>
    </message>
    <message>
      <source>Each input pixel fed every output position whose window covered it, so its gradient sums δ times the kernel weight it met: a full convolution with the kernel turned 180°.</source>
      <translation>每个输入像素都参与了覆盖它的各个输出位置的计算，所以它的梯度是 δ 与它所遇到的卷积核权重之积的和：即与旋转 180° 的卷积核做全卷积。</translation>
    </message>
    <message>
      <source>Gradient descent moves every parameter a small step against its gradient, the direction that lowers the loss fastest.</source>
      <translation>梯度下降让每个参数沿梯度的反方向移动一小步，这是损失下降最快的方向。</translation>
    </message>
    <message>
      <source>The same image is run forward with the updated parameters. For a small enough α the loss falls and the target's probability rises.</source>
      <translation>用更新后的参数对同一张图像再做一次前向传播。只要 α 足够小，损失就会下降，目标类别的概率就会上升。</translation>
    </message>
    <message>
      <source>Softmax turns the scores z into probabilities that are positive and sum to 1; the largest score gets the largest share.</source>
      <translation>Softmax 把得分 z 变成概率：全为正且总和为 1；得分最高者分得最大的份额。</translation>
    </message>
    <message>
      <source>Each output gets its own probability in (0, 1) from the sigmoid (the paper's choice).</source>
      <translation>Sigmoid 给每个输出各自一个 (0, 1) 之间的概率（论文的选择）。</translation>
    </message>
    <message>
      <source>With {activation} outputs and cross-entropy, the chain rule's terms cancel: ∂L/∂ŷ_i · ∂ŷ_i/∂z leaves just ŷ − y, the predicted minus the true probability. Over a batch, divided by N for the mean.</source>
      <translation>输出用 {activation}、损失用交叉熵时，链式法则中的项相互抵消：∂L/∂ŷ_i · ∂ŷ_i/∂z 只剩下 ŷ − y，即预测概率减去真实概率。对一个批量，再除以 N 取平均。</translation>
    </message>
    <message>
      <source>Every softmax output depends on every z, so the gradient goes through the full Jacobian.</source>
      <translation>Softmax 的每个输出都依赖于每个 z，所以梯度要经过完整的雅可比矩阵。</translation>
    </message>
    <message>
      <source>Through the sigmoid by the chain rule: multiply by its slope ŷ(1 − ŷ).</source>
      <translation>按链式法则穿过 sigmoid：乘以它的斜率 ŷ(1 − ŷ)。</translation>
    </message>
    <message>
      <source>Only the largest value of each window reached the output, so only it gets the gradient; the other positions of the window had no effect on the loss and get 0.</source>
      <translation>每个窗口只有最大值传到了输出，所以只有它得到梯度；窗口中的其他位置对损失没有影响，梯度为 0。</translation>
    </message>
    <message>
      <source>Every value of a window counted equally in its mean, so each gets an equal share 1/(k1·k2).</source>
      <translation>窗口中每个值在平均值中的分量相同，所以每个值得到相同的份额 1/(k1·k2)。</translation>
    </message>
    <message>
      <source>Each value gets δ in proportion to its share x/P of the window's norm.</source>
      <translation>每个值按它在窗口范数中所占的份额 x/P 分得 δ。</translation>
    </message>
    <message>
      <source> The stride does not divide evenly, so the last {skipped_rows} row(s) and {skipped_cols} column(s) of the padded input are never covered (Eq. 2.1 rounds down).</source>
      <translation>步幅不能整除，所以填充后输入的最后 {skipped_rows} 行和 {skipped_cols} 列从未被覆盖（式 2.1 向下取整）。</translation>
    </message>
    <message>
      <source> For the input image this is its saliency: how much each pixel would change the loss.</source>
      <translation>对输入图像而言，这就是它的显著性：每个像素会让损失改变多少。</translation>
    </message>
    <message>
      <source> ReLU lets it through where the input was positive and blocks it elsewhere.</source>
      <translation>ReLU 在输入为正的地方让梯度通过，其他地方则将其阻断。</translation>
    </message>
    <message>
      <source> Here the loss rose: this α is too large, the step overshot the valley. Try a smaller α.</source>
      <translation>这里损失反而上升了：α 太大，这一步越过了谷底。请尝试更小的 α。</translation>
    </message>
    <message>
      <source>&lt;b&gt;input&lt;/b&gt;&lt;br&gt;image I&lt;br&gt;{h} × {w}</source>
      <extracomment>The input column is at most this many times as wide as a map column would be if every map column shared the spare width alike (on a large screen the others widen too).</extracomment>
      <translation>&lt;b&gt;输入&lt;/b&gt;&lt;br&gt;图像 I&lt;br&gt;{h} × {w}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;{d} kernels&lt;br&gt;{size}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;{d} 个卷积核&lt;br&gt;{size}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;feature maps&lt;br&gt;{h} × {w} × {d}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;特征图&lt;br&gt;{h} × {w} × {d}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;{activation}&lt;br&gt;{h} × {w} × {d}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;{activation}&lt;br&gt;{h} × {w} × {d}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;a = {activation}&lt;br&gt;{n}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;a = {activation}&lt;br&gt;{n}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;{pool} pool&lt;br&gt;{h} × {w} × {d}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;{pool}池化&lt;br&gt;{h} × {w} × {d}</translation>
    </message>
    <message>
      <source>&lt;b&gt;flatten&lt;/b&gt;&lt;br&gt;a⁰&lt;br&gt;{n}</source>
      <translation>&lt;b&gt;展平&lt;/b&gt;&lt;br&gt;a⁰&lt;br&gt;{n}</translation>
    </message>
    <message>
      <source>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;z&lt;br&gt;{n}</source>
      <translation>&lt;b&gt;{layer}&lt;/b&gt;&lt;br&gt;z&lt;br&gt;{n}</translation>
    </message>
    <message>
      <source>&lt;b&gt;output&lt;/b&gt;&lt;br&gt;{activation} ŷ&lt;br&gt;{n} classes</source>
      <translation>&lt;b&gt;输出&lt;/b&gt;&lt;br&gt;{activation} ŷ&lt;br&gt;{n} 个类别</translation>
    </message>
    <message>
      <source>&lt;b&gt;loss&lt;/b&gt;&lt;br&gt;L&lt;br&gt; </source>
      <translation>&lt;b&gt;损失&lt;/b&gt;&lt;br&gt;L&lt;br&gt; </translation>
    </message>
    <message>
      <source> ({0} non-zero)</source>
      <translation>（{0} 项非零）</translation>
    </message>
    <message>
      <source>+ {0} other terms, all 0&lt;br&gt;</source>
      <translation>+ 其余 {0} 项，全为 0&lt;br&gt;</translation>
    </message>
    <message>
      <source>+ {0} other terms{1}: {2}&lt;br&gt;</source>
      <translation>+ 其余 {0} 项{1}：{2}&lt;br&gt;</translation>
    </message>
    <message>
      <source>Σ&lt;sub&gt;c&lt;/sub&gt; Σ products</source>
      <translation>Σ&lt;sub&gt;c&lt;/sub&gt; Σ 乘积</translation>
    </message>
    <message>
      <source>Σ products</source>
      <translation>Σ 乘积</translation>
    </message>
    <message>
      <source>Receptive field: input rows {0}…{1}, columns {2}…{3} (outlined on the input).&lt;br&gt;</source>
      <translation>感受野：输入的第 {0}…{1} 行、第 {2}…{3} 列（已在输入上框出）。&lt;br&gt;</translation>
    </message>
    <message>
      <source>Sum of products per input channel c: </source>
      <translation>每个输入通道 c 的乘积之和：</translation>
    </message>
    <message>
      <source>Channel {0} (largest):</source>
      <translation>通道 {0}（最大）：</translation>
    </message>
    <message>
      <source>patch {0}&lt;sub&gt;{1}&lt;/sub&gt;</source>
      <translation>输入块 {0}&lt;sub&gt;{1}&lt;/sub&gt;</translation>
    </message>
    <message>
      <source>⊙ kernel K&lt;sub&gt;{0},{1}&lt;/sub&gt;</source>
      <translation>⊙ 卷积核 K&lt;sub&gt;{0},{1}&lt;/sub&gt;</translation>
    </message>
    <message>
      <source>= products</source>
      <translation>= 乘积</translation>
    </message>
    <message>
      <source>0 is paper, 1 is full ink. Every later stage is computed from these {0} numbers.</source>
      <translation>0 是纸面，1 是满墨。后面的每个环节都由这 {0} 个数算出。</translation>
    </message>
    <message>
      <source>the largest value (bold) wins</source>
      <translation>最大值（粗体）胜出</translation>
    </message>
    <message>
      <source>their mean</source>
      <translation>取平均值</translation>
    </message>
    <message>
      <source> (a tie: the first in reading order, as in PyTorch)</source>
      <translation>（并列时取阅读顺序中的第一个，与 PyTorch 相同）</translation>
    </message>
    <message>
      <source>Window of A&lt;sub&gt;{0}&lt;/sub&gt;: rows {1}…{2}, columns {3}…{4}; {5}.&lt;br&gt;</source>
      <translation>A&lt;sub&gt;{0}&lt;/sub&gt; 的窗口：第 {1}…{2} 行、第 {3}…{4} 列；{5}。&lt;br&gt;</translation>
    </message>
    <message>
      <source>from</source>
      <translation>来自</translation>
    </message>
    <message>
      <source>Largest contributions W&lt;sub&gt;{0},i&lt;/sub&gt; · a&lt;sub&gt;i&lt;/sub&gt; (of {1} inputs, {2} non-zero{3}):</source>
      <translation>贡献最大的几项 W&lt;sub&gt;{0},i&lt;/sub&gt; · a&lt;sub&gt;i&lt;/sub&gt;（共 {1} 个输入，{2} 个非零{3}）：</translation>
    </message>
    <message>
      <source>{0} = {1}, so σ′({0}) = {2}</source>
      <translation>{0} = {1}，因此 σ′({0}) = {2}</translation>
    </message>
    <message>
      <source>before</source>
      <translation>更新前</translation>
    </message>
    <message>
      <source>after</source>
      <translation>更新后</translation>
    </message>
    <message>
      <source>; outlined on the pooled maps</source>
      <translation>；已在池化后的特征图上框出</translation>
    </message>
    <message>
      <source>Subtracting max z = {0} first cancels in the ratio and keeps e&lt;sup&gt;z&lt;/sup&gt; finite.&lt;br&gt;</source>
      <translation>先减去 max z = {0}：它在比值中相互抵消，又能使 e&lt;sup&gt;z&lt;/sup&gt; 不溢出。&lt;br&gt;</translation>
    </message>
    <message>
      <source>All e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt; − max z&lt;/sup&gt;: {0}&lt;br&gt;</source>
      <translation>全部 e&lt;sup&gt;z&lt;sub&gt;j&lt;/sub&gt; − max z&lt;/sup&gt;：{0}&lt;br&gt;</translation>
    </message>
    <message>
      <source>term</source>
      <translation>项</translation>
    </message>
    <message>
      <source>term&lt;sub&gt;{0}&lt;/sub&gt; = −y&lt;sub&gt;{0}&lt;/sub&gt; · ln ŷ&lt;sub&gt;{0}&lt;/sub&gt; = −{1} · ln {2} = {3}</source>
      <translation>项&lt;sub&gt;{0}&lt;/sub&gt; = −y&lt;sub&gt;{0}&lt;/sub&gt; · ln ŷ&lt;sub&gt;{0}&lt;/sub&gt; = −{1} · ln {2} = {3}</translation>
    </message>
    <message>
      <source>; y is 0 for every other class, so only the target's term counts.</source>
      <translation>；其他类别的 y 都是 0，所以只有目标类别这一项起作用。</translation>
    </message>
    <message>
      <source>L = Σ terms = </source>
      <translation>L = Σ 各项 = </translation>
    </message>
    <message>
      <source>Only the target class has y = 1, so every other ∂L/∂ŷ is 0.</source>
      <translation>只有目标类别的 y = 1，所以其余的 ∂L/∂ŷ 都是 0。</translation>
    </message>
    <message>
      <source>(the weight itself is {0}</source>
      <translation>(该权重本身为 {0}</translation>
    </message>
    <message>
      <source>; input {0} is the pooled value {1})</source>
      <translation>；输入 {0} 就是池化值 {1})</translation>
    </message>
    <message>
      <source>The bias of kernel {0} (now {1}):</source>
      <translation>卷积核 {0} 的偏置（当前为 {1}）：</translation>
    </message>
    <message>
      <source>The bias of unit {0} (now {1}):</source>
      <translation>单元 {0} 的偏置（当前为 {1}）：</translation>
    </message>
    <message>
      <source>over {0} positions</source>
      <translation>（共 {0} 个位置）</translation>
    </message>
    <message>
      <source>Largest terms W&lt;sub&gt;j,{0}&lt;/sub&gt; · δ&lt;sub&gt;j&lt;/sub&gt; (of {1}):</source>
      <translation>最大的几项 W&lt;sub&gt;j,{0}&lt;/sub&gt; · δ&lt;sub&gt;j&lt;/sub&gt;（共 {1} 项）：</translation>
    </message>
    <message>
      <source>held the maximum: it gets all of δ</source>
      <translation>是最大值：它得到全部 δ</translation>
    </message>
    <message>
      <source>lost to A&lt;sub&gt;{0}&lt;/sub&gt;[{1}, {2}] (bold), the window's maximum: it gets 0</source>
      <translation>不敌窗口的最大值 A&lt;sub&gt;{0}&lt;/sub&gt;[{1}, {2}]（粗体）：它得到 0</translation>
    </message>
    <message>
      <source>window P[{0}, {1}] with δ = {2}: this value {3}</source>
      <translation>窗口 P[{0}, {1}]，δ = {2}：该值{3}</translation>
    </message>
    <message>
      <source>window P[{0}, {1}] with δ = {2} sends {3}</source>
      <translation>窗口 P[{0}, {1}]，δ = {2}，分给它 {3}</translation>
    </message>
    <message>
      <source>no pooling window covers this value (skipped border): gradient 0</source>
      <translation>没有池化窗口覆盖这个值（被跳过的边缘）：梯度为 0</translation>
    </message>
    <message>
      <source>All {0} products δ&lt;sub&gt;{1}&lt;/sub&gt;[i, j] · I&lt;sub&gt;{2}&lt;/sub&gt;[…] are 0 (δ is 0 wherever input channel {2} is not), so this weight gets no gradient.</source>
      <translation>全部 {0} 个乘积 δ&lt;sub&gt;{1}&lt;/sub&gt;[i, j] · I&lt;sub&gt;{2}&lt;/sub&gt;[…] 都是 0（凡是输入通道 {2} 非零之处，δ 都是 0），所以这个权重没有梯度。</translation>
    </message>
    <message>
      <source>Sum over all {0} positions of the feature map ({1} non-zero). Largest terms:</source>
      <translation>对特征图全部 {0} 个位置求和（{1} 项非零）。最大的几项：</translation>
    </message>
    <message>
      <source>input pixel</source>
      <translation>输入像素</translation>
    </message>
    <message>
      <source>This pixel met {0} (kernel weight, output position) pairs. Largest terms:</source>
      <translation>这个像素与 {0} 个（卷积核权重，输出位置）组合相遇。最大的几项：</translation>
    </message>
    <message>
      <source>The bias of kernel {0}:</source>
      <translation>卷积核 {0} 的偏置：</translation>
    </message>
    <message>
      <source>The bias of unit {0}:</source>
      <translation>单元 {0} 的偏置：</translation>
    </message>
    <message>
      <source>Its gradient is 0, so this step leaves it unchanged.</source>
      <translation>它的梯度为 0，所以这一步不改变它。</translation>
    </message>
    <message>
      <source>It moves by −α · ∂L/∂θ = {0}, against its gradient.</source>
      <translation>它沿梯度的反方向移动 −α · ∂L/∂θ = {0}。</translation>
    </message>
    <message>
      <source>input&lt;br&gt;{size}</source>
      <translation>输入&lt;br&gt;{size}</translation>
    </message>
    <message>
      <source>a⁰: the maps in one vector, {n}</source>
      <translation>a⁰：各特征图排成一个向量，{n}</translation>
    </message>
    <message>
      <source>z = W·a + b: {n} units</source>
      <translation>z = W·a + b：{n} 个单元</translation>
    </message>
    <message>
      <source>a = {activation}(z): {n}</source>
      <translation>a = {activation}(z)：{n}</translation>
    </message>
    <message>
      <source>ŷ = {activation}(z): {n} classes</source>
      <translation>ŷ = {activation}(z)：{n} 个类别</translation>
    </message>
    <message>
      <source>input image I ({h} × {w})</source>
      <translation>输入图像 I（{h} × {w}）</translation>
    </message>
    <message>
      <source>input {src}&lt;br&gt;{c} × {hin} × {win}</source>
      <translation>输入 {src}&lt;br&gt;{c} × {hin} × {win}</translation>
    </message>
    <message>
      <source>kernels K&lt;br&gt;{kernels}</source>
      <translation>卷积核 K&lt;br&gt;{kernels}</translation>
    </message>
    <message>
      <source>feature maps C = {src} ⋆ K + b&lt;br&gt;{d} maps {h} × {w}</source>
      <translation>特征图 C = {src} ⋆ K + b&lt;br&gt;{d} 张 {h} × {w}</translation>
    </message>
    <message>
      <source>before: C</source>
      <translation>之前：C</translation>
    </message>
    <message>
      <source>after: A = {activation}(C)&lt;br&gt;{d} maps {h} × {w}</source>
      <translation>之后：A = {activation}(C)&lt;br&gt;{d} 张 {h} × {w}</translation>
    </message>
    <message>
      <source>before: A&lt;br&gt;{hin} × {win}</source>
      <translation>之前：A&lt;br&gt;{hin} × {win}</translation>
    </message>
    <message>
      <source>after: P = {pool}(A)&lt;br&gt;{d} maps {h} × {w}</source>
      <translation>之后：P = {pool}(A)&lt;br&gt;{d} 张 {h} × {w}</translation>
    </message>
    <message>
      <source>ŷ</source>
      <translation>ŷ</translation>
    </message>
    <message>
      <source>target y</source>
      <translation>目标 y</translation>
    </message>
    <message>
      <source>terms of L, one per class&lt;br&gt;(click one)</source>
      <translation>L 的各项，每类一项&lt;br&gt;（点击其中一项）</translation>
    </message>
    <message>
      <source>∂L/∂ŷ</source>
      <translation>∂L/∂ŷ</translation>
    </message>
    <message>
      <source>δ = ∂L/∂z</source>
      <translation>δ = ∂L/∂z</translation>
    </message>
    <message>
      <source>δ from above&lt;br&gt;∂L/∂z</source>
      <translation>来自后一层的 δ&lt;br&gt;∂L/∂z</translation>
    </message>
    <message>
      <source>∂L/∂a = Wᵀ·δ&lt;br&gt;for the layer below</source>
      <translation>∂L/∂a = Wᵀ·δ&lt;br&gt;传给前一层</translation>
    </message>
    <message>
      <source>δ from above&lt;br&gt;∂L/∂a</source>
      <translation>来自后一层的 δ&lt;br&gt;∂L/∂a</translation>
    </message>
    <message>
      <source>σ′(z)</source>
      <translation>σ′(z)</translation>
    </message>
    <message>
      <source>∂L/∂z = ∂L/∂a ⊙ σ′(z)&lt;br&gt;</source>
      <translation>∂L/∂z = ∂L/∂a ⊙ σ′(z)&lt;br&gt;</translation>
    </message>
    <message>
      <source>δ from above&lt;br&gt;∂L/∂P</source>
      <translation>来自后一层的 δ&lt;br&gt;∂L/∂P</translation>
    </message>
    <message>
      <source>∂L/∂A&lt;br&gt;δ spread over its window</source>
      <translation>∂L/∂A&lt;br&gt;δ 分摊到整个窗口</translation>
    </message>
    <message>
      <source>∂L/∂A: each δ goes to its window's max;&lt;br&gt;the others get 0</source>
      <translation>∂L/∂A：每个 δ 都交给其窗口的最大值；&lt;br&gt;其余得到 0</translation>
    </message>
    <message>
      <source>∂L/∂A: each δ split equally,&lt;br&gt;δ/{n} to each value of its window</source>
      <translation>∂L/∂A：每个 δ 平均分配，&lt;br&gt;窗口中每个值得到 δ/{n}</translation>
    </message>
    <message>
      <source>∂L/∂A: each δ split in proportion&lt;br&gt;to x/‖x‖ of its window</source>
      <translation>∂L/∂A：每个 δ 按窗口中&lt;br&gt;x/‖x‖ 的比例分配</translation>
    </message>
    <message>
      <source>δ from above&lt;br&gt;∂L/∂A</source>
      <translation>来自后一层的 δ&lt;br&gt;∂L/∂A</translation>
    </message>
    <message>
      <source>σ′(C)</source>
      <translation>σ′(C)</translation>
    </message>
    <message>
      <source>∂L/∂C = ∂L/∂A ⊙ σ′(C)&lt;br&gt;</source>
      <translation>∂L/∂C = ∂L/∂A ⊙ σ′(C)&lt;br&gt;</translation>
    </message>
    <message>
      <source>∂L/∂a⁰&lt;br&gt;the vector</source>
      <translation>∂L/∂a⁰&lt;br&gt;向量形式</translation>
    </message>
    <message>
      <source>∂L/∂P&lt;br&gt;the same numbers back in map shape</source>
      <translation>∂L/∂P&lt;br&gt;同样的数，恢复成特征图形状</translation>
    </message>
    <message>
      <source>∂L/∂I: red pixels would raise the loss&lt;br&gt;(saliency)</source>
      <translation>∂L/∂I：红色像素会使损失升高&lt;br&gt;（显著性）</translation>
    </message>
    <message>
      <source>∂L/∂{src}&lt;br&gt;for the layer below</source>
      <translation>∂L/∂{src}&lt;br&gt;传给前一层</translation>
    </message>
    <message>
      <source>δ from above&lt;br&gt;∂L/∂C</source>
      <translation>来自后一层的 δ&lt;br&gt;∂L/∂C</translation>
    </message>
    <message>
      <source>kernels K&lt;br&gt; </source>
      <translation>卷积核 K&lt;br&gt; </translation>
    </message>
    <message>
      <source>identity</source>
      <translation>恒等</translation>
    </message>
    <message>
      <source>leaky ReLU</source>
      <translation>Leaky ReLU</translation>
    </message>
    <message>
      <source>max</source>
      <translation>最大</translation>
    </message>
    <message>
      <source>average</source>
      <translation>平均</translation>
    </message>
    <message>
      <source>L2-norm</source>
      <translation>L2 范数</translation>
    </message>
    <message>
      <source>none</source>
      <translation>无</translation>
    </message>
    <message>
      <source>cross-entropy</source>
      <translation>交叉熵</translation>
    </message>
  </context>
  <context>
    <name>dialogs</name>
    <message>
      <source> or </source>
      <extracomment>A translation's accelerator in parentheses, as Chinese menus write it: "打开模型(&amp;M)…".</extracomment>
      <translation> 或 </translation>
    </message>
    <message>
      <source>Keyboard shortcuts</source>
      <translation>键盘快捷键</translation>
    </message>
    <message>
      <source>
&lt;h2&gt;convviz&lt;/h2&gt;
&lt;p&gt;{version}&lt;/p&gt;
&lt;p&gt;See how a convolutional neural network computes and learns: draw a digit, watch the
prediction, pick the true label, and step through one whole training iteration, operation by
operation: the forward run, the loss, the backward run and the gradient-descent update.&lt;/p&gt;
&lt;p&gt;The network, its notation and its equations follow&lt;br&gt;
P. Murugan, &lt;i&gt;Feed Forward and Backward Run in Deep Convolution Neural Network&lt;/i&gt;,
&lt;a href="https://arxiv.org/abs/1711.03278"&gt;arXiv:1711.03278&lt;/a&gt; (2017).&lt;/p&gt;
&lt;p&gt;The sample digits and the training data come from the MNIST database by Yann LeCun,
Corinna Cortes and Christopher J. C. Burges, used under
&lt;a href="https://creativecommons.org/licenses/by-sa/3.0/"&gt;CC BY-SA 3.0&lt;/a&gt;.&lt;/p&gt;
&lt;p&gt;Built with NumPy, PySide6 (Qt) and pyqtgraph.&lt;/p&gt;
</source>
      <translation>
&lt;h2&gt;convviz&lt;/h2&gt;
&lt;p&gt;{version}&lt;/p&gt;
&lt;p&gt;看卷积神经网络如何计算、如何学习：手写一个数字，观察网络的预测，选出正确的标签，然后逐个运算地走完一次完整的训练迭代：前向传播、损失、反向传播和梯度下降更新。&lt;/p&gt;
&lt;p&gt;网络结构、记号与公式均依照&lt;br&gt;
P. Murugan, &lt;i&gt;Feed Forward and Backward Run in Deep Convolution Neural Network&lt;/i&gt;,
&lt;a href="https://arxiv.org/abs/1711.03278"&gt;arXiv:1711.03278&lt;/a&gt; (2017)。&lt;/p&gt;
&lt;p&gt;示例数字与训练数据来自 Yann LeCun、Corinna Cortes 和 Christopher J. C. Burges 的 MNIST 数据库，依据 &lt;a href="https://creativecommons.org/licenses/by-sa/3.0/"&gt;CC BY-SA 3.0&lt;/a&gt; 许可使用。&lt;/p&gt;
&lt;p&gt;基于 NumPy、PySide6 (Qt) 和 pyqtgraph 构建。&lt;/p&gt;
</translation>
    </message>
    <message>
      <source>About convviz</source>
      <translation>关于 convviz</translation>
    </message>
  </context>
  <context>
    <name>editor</name>
    <message>
      <source>P = max over the window</source>
      <extracomment>Shown names of the losses (presentation/names.py; the keys are the engine's).</extracomment>
      <translation>P = 窗口中的最大值</translation>
    </message>
    <message>
      <source>all of δ goes to the largest value; the others get 0</source>
      <translation>δ 全部交给最大值；其余得到 0</translation>
    </message>
    <message>
      <source>P = (1/(k1·k2)) · Σ window</source>
      <translation>P = (1/(k1·k2)) · Σ 窗口</translation>
    </message>
    <message>
      <source>every value gets the same share δ/(k1·k2)</source>
      <translation>每个值分得相同的份额 δ/(k1·k2)</translation>
    </message>
    <message>
      <source>P = √(Σ x²) over the window</source>
      <translation>P = 窗口上的 √(Σ x²)</translation>
    </message>
    <message>
      <source>each value x gets δ · x / P: the larger |x|, the larger its share</source>
      <translation>每个值 x 得到 δ · x / P：|x| 越大，分得越多</translation>
    </message>
    <message>
      <source>{loss} with a sigmoid output learns slowly: ∂L/∂z = ∂L/∂ŷ · ŷ(1 − ŷ), and ŷ(1 − ŷ) is near 0 exactly when an output is confidently wrong. Cross-entropy cancels that factor (δ = ŷ − y).</source>
      <translation>{loss} 配 sigmoid 输出时学得很慢：∂L/∂z = ∂L/∂ŷ · ŷ(1 − ŷ)，而恰恰在输出错得很有把握时，ŷ(1 − ŷ) 接近 0。交叉熵消去了这个因子（δ = ŷ − y）。</translation>
    </message>
    <message>
      <source>MAPE with one-hot targets divides by its floor ε = {floor} wherever y = 0, so the nine wrong classes weigh {times}× more than the target class.</source>
      <translation>MAPE 配上独热编码的目标时，凡是 y = 0 之处都要除以下限 ε = {floor}，于是九个错误类别的权重比目标类别大 {times} 倍。</translation>
    </message>
    <message>
      <source>Shipped digits model</source>
      <translation>附带的数字模型</translation>
    </message>
    <message>
      <source>The pretrained model the app starts with: two 5 × 5 ReLU blocks with max pooling, 64 ReLU units, softmax and cross-entropy, trained on 5,000 MNIST digits.</source>
      <translation>程序启动时使用的预训练模型：两个带最大池化的 5 × 5 ReLU 卷积块、64 个 ReLU 单元、softmax 和交叉熵，在 5,000 个 MNIST 数字上训练而成。</translation>
    </message>
    <message>
      <source>Paper</source>
      <translation>论文</translation>
    </message>
    <message>
      <source>As in Murugan's paper: one convolution block with ReLU and max pooling, sigmoid dense layers, a sigmoid output and the paper's cross-entropy −Σ[y·ln ŷ + (1 − y)·ln(1 − ŷ)].</source>
      <translation>与 Murugan 的论文相同：一个带 ReLU 和最大池化的卷积块、sigmoid 全连接层、sigmoid 输出，以及论文中的交叉熵 −Σ[y·ln ŷ + (1 − y)·ln(1 − ŷ)]。</translation>
    </message>
    <message>
      <source>LeNet-like</source>
      <translation>类 LeNet</translation>
    </message>
    <message>
      <source>Two blocks with tanh and average pooling, then 120 and 84 tanh units, as in LeCun's LeNet-5.</source>
      <translation>两个带 tanh 和平均池化的卷积块，接着是 120 和 84 个 tanh 单元，与 LeCun 的 LeNet-5 相同。</translation>
    </message>
    <message>
      <source>Tiny</source>
      <translation>微型</translation>
    </message>
    <message>
      <source>An 8 × 8 input, two 3 × 3 kernels, 2 × 2 max pooling and 6 units: each value and gradient is printed in its cell wherever the cell is big enough (the larger the window, the more cells); click any cell for its equation with its numbers.</source>
      <translation>8 × 8 的输入、两个 3 × 3 的卷积核、2 × 2 最大池化和 6 个单元：只要格子够大，每个数值和梯度都会印在它的格子里（窗口越大，印出的格子越多）；点击任意格子即可看到代入数值的公式。</translation>
    </message>
    <message>
      <source>scalar</source>
      <translation>标量</translation>
    </message>
    <message>
      <source>rows {rows};  columns {cols}</source>
      <extracomment>The app reads its input from the preprocessed 28 × 28 image, area-averaged to n × n. Beyond this a trace (every array, float64, several copies) stops being quick to step through.</extracomment>
      <translation>行：{rows}；列：{cols}</translation>
    </message>
    <message>
      <source>the last row</source>
      <translation>最后 1 行</translation>
    </message>
    <message>
      <source>the last {count} rows</source>
      <translation>最后 {count} 行</translation>
    </message>
    <message>
      <source>the last column</source>
      <translation>最后 1 列</translation>
    </message>
    <message>
      <source>the last {count} columns</source>
      <translation>最后 {count} 列</translation>
    </message>
    <message>
      <source>{rows} and {columns}</source>
      <translation>{rows}和{columns}</translation>
    </message>
    <message>
      <source>{where} of the {what} are never read: {n} − {k} + 2·{p} = {sum} is not a multiple of the stride {stride}</source>
      <translation>{what}的{where}从未被读取：{n} − {k} + 2·{p} = {sum} 不是步幅 {stride} 的倍数</translation>
    </message>
    <message>
      <source>the app's input is the drawn 28 × 28 image, area-averaged to a smaller size; choose 1 to {most}, not {size}</source>
      <translation>程序的输入是手写的 28 × 28 图像，按面积平均缩小到更小的尺寸；请选择 1 到 {most}，而不是 {size}</translation>
    </message>
    <message>
      <source>input image I</source>
      <translation>输入图像 I</translation>
    </message>
    <message>
      <source>as drawn</source>
      <translation>按原样</translation>
    </message>
    <message>
      <source>28 × 28 area-averaged to {size}</source>
      <translation>28 × 28 按面积平均缩小为 {size}</translation>
    </message>
    <message>
      <source>block {block}'s {kernel} kernel does not fit its {padded} padded input ({size} plus padding {padding} on each side): use a kernel of at most {padded}, or more padding</source>
      <translation>卷积块 {block} 的 {kernel} 卷积核放不进填充后为 {padded} 的输入（{size}，每边再填充 {padding}）：请使用不超过 {padded} 的卷积核，或增加填充</translation>
    </message>
    <message>
      <source>kernels K{i} and biases b{i}</source>
      <translation>卷积核 K{i} 与偏置 b{i}</translation>
    </message>
    <message>
      <source>padded input</source>
      <translation>填充后的输入</translation>
    </message>
    <message>
      <source>feature maps C{i}</source>
      <translation>特征图 C{i}</translation>
    </message>
    <message>
      <source>activated A{i} = {act}(C{i})</source>
      <translation>激活后 A{i} = {act}(C{i})</translation>
    </message>
    <message>
      <source>block {block}'s {window} pooling window is larger than its {size} feature maps: use a window of at most {size}, or no pooling</source>
      <translation>卷积块 {block} 的 {window} 池化窗口比它 {size} 的特征图还大：请使用不超过 {size} 的窗口，或不做池化</translation>
    </message>
    <message>
      <source>activated maps</source>
      <translation>激活后的特征图</translation>
    </message>
    <message>
      <source>pooled P{i} ({kind})</source>
      <translation>池化后 P{i}（{kind}）</translation>
    </message>
    <message>
      <source>flattened a⁰</source>
      <translation>展平后 a⁰</translation>
    </message>
    <message>
      <source>dense z{l} = W{l}·a{below} + b{l}</source>
      <translation>全连接 z{l} = W{l}·a{below} + b{l}</translation>
    </message>
    <message>
      <source>activated a{l} = {act}(z)</source>
      <translation>激活后 a{l} = {act}(z)</translation>
    </message>
    <message>
      <source>output z</source>
      <translation>输出 z</translation>
    </message>
    <message>
      <source>loss L ({loss})</source>
      <translation>损失 L（{loss}）</translation>
    </message>
    <message>
      <source>{count} parameters are more than this app steps through smoothly ({most}): use fewer units or kernels, a larger stride or more pooling</source>
      <translation>{count} 个参数超出了本程序能流畅逐步演示的上限（{most}）：请减少单元或卷积核，增大步幅，或增加池化</translation>
    </message>
    <message>
      <source>not a complete network description ({error})</source>
      <translation>不是完整的网络描述（{error}）</translation>
    </message>
    <message>
      <source>{units} × {inputs} weights</source>
      <translation>{units} × {inputs} 个权重</translation>
    </message>
    <message>
      <source>activation</source>
      <extracomment>Fields that hold no parameters: changing only these keeps every weight's shape and meaning.</extracomment>
      <translation>激活函数</translation>
    </message>
    <message>
      <source>pooling</source>
      <translation>池化</translation>
    </message>
    <message>
      <source>pool size</source>
      <translation>池化大小</translation>
    </message>
    <message>
      <source>pool stride</source>
      <translation>池化步幅</translation>
    </message>
    <message>
      <source>kernel size</source>
      <translation>卷积核大小</translation>
    </message>
    <message>
      <source>stride</source>
      <translation>步幅</translation>
    </message>
    <message>
      <source>padding</source>
      <translation>填充</translation>
    </message>
    <message>
      <source>kernels</source>
      <translation>卷积核数</translation>
    </message>
    <message>
      <source>units</source>
      <translation>单元数</translation>
    </message>
    <message>
      <source>classes</source>
      <translation>类别数</translation>
    </message>
    <message>
      <source>input</source>
      <translation>输入</translation>
    </message>
    <message>
      <source>loss</source>
      <translation>损失函数</translation>
    </message>
    <message>
      <source>output activation</source>
      <translation>输出激活函数</translation>
    </message>
    <message>
      <source>output classes</source>
      <translation>输出类别数</translation>
    </message>
    <message>
      <source>config</source>
      <translation>配置</translation>
    </message>
    <message>
      <source>block {n} {what}</source>
      <translation>卷积块 {n} 的{what}</translation>
    </message>
    <message>
      <source>dense layer {n} {what}</source>
      <translation>全连接层 {n} 的{what}</translation>
    </message>
  </context>
  <context>
    <name>gradcheck</name>
    <message>
      <source>backprop</source>
      <extracomment>The element check's words (check_html), marked here where lupdate sees them.</extracomment>
      <translation>反向传播</translation>
    </message>
    <message>
      <source>backprop with the mistake</source>
      <translation>带错误的反向传播</translation>
    </message>
    <message>
      <source>relative error; tolerance %1</source>
      <translation>相对误差；容差 %1</translation>
    </message>
    <message>
      <source>PASS: backprop agrees with central differences.</source>
      <translation>通过：反向传播与中心差分一致。</translation>
    </message>
    <message>
      <source>FAIL: backprop disagrees with central differences.</source>
      <translation>未通过：反向传播与中心差分不一致。</translation>
    </message>
    <message>
      <source>AT A KINK: no derivative to check here.</source>
      <translation>位于折点：这里没有导数可供检验。</translation>
    </message>
    <message>
      <source>ReLU has a corner at 0: its slope is 0 on the left and 1 on the right, so at 0 there is no single derivative and the two sides of the difference see different slopes.</source>
      <translation>ReLU 在 0 处有一个折点：左侧斜率为 0，右侧为 1，所以在 0 处没有唯一的导数，差分的两侧看到的斜率不同。</translation>
    </message>
    <message>
      <source>Leaky ReLU has a corner at 0: its slope is 0.01 on the left and 1 on the right, so at 0 there is no single derivative.</source>
      <translation>Leaky ReLU 在 0 处有一个折点：左侧斜率为 0.01，右侧为 1，所以在 0 处没有唯一的导数。</translation>
    </message>
    <message>
      <source>ELU's slope is 1 on both sides of 0 but its curvature jumps there, so a difference that straddles 0 is off by an amount of order ε instead of ε².</source>
      <translation>ELU 在 0 两侧的斜率都是 1，但曲率在 0 处跳变，所以跨过 0 的差分误差是 ε 量级，而不是 ε² 量级。</translation>
    </message>
    <message>
      <source>Two values of a max-pool window are (nearly) equal: a nudge decides which one is the maximum, and the gradient goes to one or the other, so max has a corner there.</source>
      <translation>最大池化窗口中有两个值（几乎）相等：轻轻一推就决定了谁是最大值，梯度随之交给其中一个，所以 max 在这里有折点。</translation>
    </message>
    <message>
      <source>An L2-pool window is (nearly) all zeros: √(Σ x²) has a cone point at 0 with no derivative, and close to it its curvature 1/‖x‖ makes the central difference's error, of order (ε/‖x‖)², too large to judge the gradient by.</source>
      <translation>L2 池化窗口（几乎）全为零：√(Σ x²) 在 0 处是一个锥点，没有导数；在它附近，曲率 1/‖x‖ 使中心差分的误差达到 (ε/‖x‖)² 量级，大到无法据此判断梯度。</translation>
    </message>
    <message>
      <source>|ŷ_i − y_i| has a corner where ŷ_i = y_i: slope −1 on one side, +1 on the other.</source>
      <translation>|ŷ_i − y_i| 在 ŷ_i = y_i 处有折点：一侧斜率为 −1，另一侧为 +1。</translation>
    </message>
    <message>
      <source>forget the activation derivative σ′</source>
      <translation>漏乘激活函数的导数 σ′</translation>
    </message>
    <message>
      <source>convolution instead of cross-correlation in ∂L/∂I</source>
      <translation>∂L/∂I 中用卷积代替了互相关</translation>
    </message>
    <message>
      <source>route the max-pool gradient to every window element</source>
      <translation>把最大池化的梯度传给窗口中的每个元素</translation>
    </message>
    <message>
      <source>drop the 1/N of average pooling</source>
      <translation>漏掉平均池化的 1/N</translation>
    </message>
    <message>
      <source>forget the bias gradient's sum over positions</source>
      <translation>偏置梯度漏掉了对各位置的求和</translation>
    </message>
    <message>
      <source>δ went back through every hidden activation unchanged, as if σ′ were 1: the chain rule lost a factor, so every gradient below an activation is wrong.</source>
      <translation>δ 原封不动地穿过了每个隐藏层的激活函数，仿佛 σ′ 恒为 1：链式法则少了一个因子，所以激活函数之前（靠输入一侧）的每个梯度都是错的。</translation>
    </message>
    <message>
      <source>∂L/∂I used each kernel turned 180° from the right way round (a convolution where the chain rule asks for a cross-correlation with the rotated kernel, or a flip done twice), so each pixel got δ times the weight from the opposite side of the window.</source>
      <translation>∂L/∂I 用的每个卷积核都比正确方向多转了 180°（链式法则要求与旋转后的卷积核做互相关，这里却做了卷积，或者翻转做了两次），于是每个像素得到的是 δ 乘以窗口另一侧的权重。</translation>
    </message>
    <message>
      <source>Each window's δ went to all k1·k2 of its inputs instead of only the maximum: the inputs that lost the max contest had no effect on the loss, yet got a gradient.</source>
      <translation>每个窗口的 δ 传给了全部 k1·k2 个输入，而不是只传给最大值：没能成为最大值的输入对损失毫无影响，却也得到了梯度。</translation>
    </message>
    <message>
      <source>Each input of an average-pool window got the whole δ instead of δ/(k1·k2): the mean divides by the window size, so its gradient must too, and everything below comes out k1·k2 times too large.</source>
      <translation>平均池化窗口的每个输入都得到了整个 δ，而不是 δ/(k1·k2)：平均值要除以窗口大小，它的梯度也必须除；于是此前（靠输入一侧）的一切都大了 k1·k2 倍。</translation>
    </message>
    <message>
      <source>∂L/∂b_p kept only the δ of the last position of feature map p (db[p] = δ in the loop instead of db[p] += δ), but b_p is added at every position, so every position's δ belongs in its gradient.</source>
      <translation>∂L/∂b_p 只保留了特征图 p 最后一个位置的 δ（循环里写成了 db[p] = δ，而不是 db[p] += δ），但 b_p 加在每个位置上，所以每个位置的 δ 都应计入它的梯度。</translation>
    </message>
    <message>
      <source>a hidden activation other than identity</source>
      <translation>一个非恒等的隐藏层激活函数</translation>
    </message>
    <message>
      <source>a kernel larger than 1 × 1</source>
      <translation>一个大于 1 × 1 的卷积核</translation>
    </message>
    <message>
      <source>a max-pooling layer with windows larger than 1 × 1</source>
      <translation>一个窗口大于 1 × 1 的最大池化层</translation>
    </message>
    <message>
      <source>an average-pooling layer with windows larger than 1 × 1</source>
      <translation>一个窗口大于 1 × 1 的平均池化层</translation>
    </message>
    <message>
      <source>a feature map with more than one position</source>
      <translation>一张不止一个位置的特征图</translation>
    </message>
  </context>
</TS>
