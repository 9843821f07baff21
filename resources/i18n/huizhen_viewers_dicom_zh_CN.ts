<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <source>Loading image…</source>
        <translation>正在加载图像…</translation>
    </message>
    <message>
        <source>This case has no image file.</source>
        <translation>此病例没有图像文件。</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反色</translation>
    </message>
    <message>
        <source>Reset window</source>
        <translation>重置窗宽窗位</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation>无法显示图像：%1</translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>第 %1 / %2 幅</translation>
    </message>
    <message>
        <source>Right eye (OD)</source>
        <translation>右眼 (OD)</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>左眼 (OS)</translation>
    </message>
    <message>
        <source>Laterality unknown</source>
        <translation>眼别未知</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>已反色</translation>
    </message>
</context>
</TS>
