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
        <source>Saved measurements could not be read: %1</source>
        <translation>无法读取已保存的测量：%1</translation>
    </message>
    <message>
        <source>This case has no image file.</source>
        <translation>此病例没有图像文件。</translation>
    </message>
    <message>
        <source>Note on this series: %1</source>
        <translation>本序列提示：%1</translation>
    </message>
    <message>
        <source>View</source>
        <translation>视图</translation>
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
        <source>Rotate right</source>
        <translation>向右旋转</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>向左旋转</translation>
    </message>
    <message>
        <source>Flip horizontal</source>
        <translation>水平翻转</translation>
    </message>
    <message>
        <source>Flip vertical</source>
        <translation>垂直翻转</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>重置视图</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>反色</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>窗宽窗位</translation>
    </message>
    <message>
        <source>Reset window</source>
        <translation>重置窗宽窗位</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>撤销</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>重做</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>叠加信息</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Link scrolling</source>
        <translation>联动翻页</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>电影回放</translation>
    </message>
    <message>
        <source>More</source>
        <translation>更多</translation>
    </message>
    <message>
        <source>MPR / 3D</source>
        <translation>多平面重建 / 3D</translation>
    </message>
    <message>
        <source>DICOM tags…</source>
        <translation>DICOM 标签…</translation>
    </message>
    <message>
        <source>Export view as PNG…</source>
        <translation>将视图导出为 PNG…</translation>
    </message>
    <message>
        <source>Export measurements as DICOM SR…</source>
        <translation>将测量导出为 DICOM SR…</translation>
    </message>
    <message>
        <source>Save key images as DICOM KOS…</source>
        <translation>将关键图像保存为 DICOM KOS…</translation>
    </message>
    <message>
        <source>Export series as DICOM…</source>
        <translation>将序列导出为 DICOM…</translation>
    </message>
    <message>
        <source>Show SEG / SR / GSPS / KOS file…</source>
        <translation>显示 SEG / SR / GSPS / KOS 文件…</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Measurements can be drawn once the series is read.</source>
        <translation>序列读取完成后才能进行测量。</translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>文字：</translation>
    </message>
    <message>
        <source>(%1, %2): %3</source>
        <translation>(%1, %2)：%3</translation>
    </message>
    <message>
        <source>DICOM objects</source>
        <translation>DICOM 对象</translation>
    </message>
    <message>
        <source>No SEG, SR, GSPS or KOS object in the files chosen.</source>
        <translation>所选文件中没有 SEG、SR、GSPS 或 KOS 对象。</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>将视图导出为 PNG</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Reading the series was stopped: only its middle image is shown.</source>
        <translation>已停止读取该序列：仅显示其中间层图像。</translation>
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
        <translation>右眼（OD）</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>左眼（OS）</translation>
    </message>
    <message>
        <source>Laterality unknown</source>
        <translation>眼别未知</translation>
    </message>
    <message>
        <source>Colour image</source>
        <translation>彩色图像</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>已反色</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>关键图像</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>平移</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>长度</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>角度</translation>
    </message>
    <message>
        <source>Ellipse ROI</source>
        <translation>椭圆 ROI</translation>
    </message>
    <message>
        <source>Polygon ROI</source>
        <translation>多边形 ROI</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>探针（像素值）</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>箭头</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>文字</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>肺窗</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>纵隔窗</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>腹部窗</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>骨窗</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>脑窗</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件窗：%1</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>文件窗 %1</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>mm²</source>
        <translation>mm²</translation>
    </message>
    <message>
        <source>px²</source>
        <translation>像素²</translation>
    </message>
    <message>
        <source>Mean %1 SD %2</source>
        <translation>均值 %1 标准差 %2</translation>
    </message>
    <message>
        <source>Min %1 Max %2</source>
        <translation>最小 %1 最大 %2</translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation>面积 %1</translation>
    </message>
    <message>
        <source>Position %1 mm</source>
        <translation>位置 %1 mm</translation>
    </message>
    <message>
        <source>Thickness %1 mm</source>
        <translation>层厚 %1 mm</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>缩放 %1%</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>导出失败：%1</translation>
    </message>
    <message>
        <source>Export measurements as DICOM SR</source>
        <translation>将测量导出为 DICOM SR</translation>
    </message>
    <message>
        <source>Measurements saved as DICOM SR: %1</source>
        <translation>测量已保存为 DICOM SR：%1</translation>
    </message>
    <message>
        <source>Save key images as DICOM KOS</source>
        <translation>将关键图像保存为 DICOM KOS</translation>
    </message>
    <message>
        <source>Key images saved as DICOM KOS: %1</source>
        <translation>关键图像已保存为 DICOM KOS：%1</translation>
    </message>
    <message>
        <source>Anonymised (DICOM PS3.15 basic profile)</source>
        <translation>匿名化（DICOM PS3.15 基本规范）</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>原始文件</translation>
    </message>
    <message>
        <source>Export series as DICOM</source>
        <translation>将序列导出为 DICOM</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>导出方式：</translation>
    </message>
    <message>
        <source>%1 files exported</source>
        <translation>已导出 %1 个文件</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>not exported: %1</source>
        <translation>未导出：%1</translation>
    </message>
</context>
<context>
    <name>LoadingBar</name>
    <message>
        <source>Reading the series…</source>
        <translation>正在读取序列…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ObjectsPanel</name>
    <message>
        <source>Objects (SEG, SR, GSPS, KOS)</source>
        <translation>对象（SEG、SR、GSPS、KOS）</translation>
    </message>
    <message>
        <source>Mask opacity</source>
        <translation>掩膜不透明度</translation>
    </message>
    <message>
        <source>Keep my W/L</source>
        <translation>保留我的窗宽窗位</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <source>Search tag, name or value…</source>
        <translation>搜索标签、名称或值…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>标签</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>名称</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>DICOM tags</source>
        <translation>DICOM 标签</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 个元素</translation>
    </message>
    <message>
        <source>%1 matching elements</source>
        <translation>%1 个匹配元素</translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <source>This image has no DICOM header.</source>
        <translation>此图像没有 DICOM 头信息。</translation>
    </message>
    <message>
        <source>DICOM tags: %1</source>
        <translation>DICOM 标签：%1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>正在读取…</translation>
    </message>
    <message>
        <source>The header could not be read: %1</source>
        <translation>无法读取头信息：%1</translation>
    </message>
</context>
</TS>
