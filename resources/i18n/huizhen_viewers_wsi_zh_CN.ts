<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AnnotationLayer</name>
    <message>
        <source>Move annotation</source>
        <translation>移动标注</translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation>移动顶点</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Add points</source>
        <translation>添加点集</translation>
    </message>
    <message>
        <source>Add point</source>
        <translation>添加点</translation>
    </message>
    <message>
        <source>Add annotation</source>
        <translation>添加标注</translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation>删除标注</translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation>编辑标注</translation>
    </message>
    <message>
        <source>Merge annotations</source>
        <translation>合并标注</translation>
    </message>
    <message>
        <source>Subtract annotations</source>
        <translation>扣除标注</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Set class</source>
        <translation>设置类别</translation>
    </message>
    <message>
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>像素</translation>
    </message>
    <message>
        <source>%1 %2²</source>
        <translation>%1 %2²</translation>
    </message>
    <message>
        <source>perimeter %1 %2</source>
        <translation>周长 %1 %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Classes</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>添加</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>重命名</translation>
    </message>
    <message>
        <source>Colour</source>
        <translation>颜色</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>移除</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>图层</translation>
    </message>
    <message>
        <source>Outlines only keep the H&amp;E readable</source>
        <translation>仅显示轮廓可保持 H&amp;E 切片清晰可读</translation>
    </message>
    <message>
        <source>Opacity: %1</source>
        <translation>不透明度：%1</translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation>Viridis</translation>
    </message>
    <message>
        <source>Give the selected annotations this class</source>
        <translation>将此类别赋予所选标注</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Delete the selected annotations (Del)</source>
        <translation>删除所选标注（Del）</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>合并</translation>
    </message>
    <message>
        <source>Merge the selected areas into one</source>
        <translation>将所选区域合并为一个</translation>
    </message>
    <message>
        <source>Subtract</source>
        <translation>扣除</translation>
    </message>
    <message>
        <source>Cut the other selected areas out of the first</source>
        <translation>从第一个所选区域中扣除其余所选区域</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
    <message>
        <source>Lock or unlock the selected annotations against edits</source>
        <translation>锁定或解锁所选标注，防止被修改</translation>
    </message>
    <message>
        <source>Fill shapes</source>
        <translation>填充形状</translation>
    </message>
    <message>
        <source>Inferno</source>
        <translation>Inferno</translation>
    </message>
    <message>
        <source>Jet</source>
        <translation>Jet</translation>
    </message>
    <message>
        <source>AI layers are computed by the named analyzer and are not for clinical use.</source>
        <translation>AI 图层由所列分析器计算，不可用于临床。</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>Area</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>线</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>New class</source>
        <translation>新类别</translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation>类别名称：</translation>
    </message>
    <message>
        <source>Class colour</source>
        <translation>类别颜色</translation>
    </message>
    <message>
        <source>Rename class</source>
        <translation>重命名类别</translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation>%1（已锁定）</translation>
    </message>
    <message>
        <source>%1 nuclei</source>
        <translation>%1 个细胞核</translation>
    </message>
    <message>
        <source>%1 nuclei, %2% %3</source>
        <translation>%1 个细胞核，%3 %2%</translation>
    </message>
    <message>
        <source>%1 — AI %2, not for clinical use</source>
        <translation>%1 — AI %2，不可用于临床</translation>
    </message>
</context>
<context>
    <name>MeasureActions</name>
    <message>
        <source>No measurements</source>
        <translation>无测量数据</translation>
    </message>
    <message>
        <source>Detect nuclei first; their measurements are listed here.</source>
        <translation>请先检测细胞核，其测量数据将在此列出。</translation>
    </message>
    <message>
        <source>Annotation %1</source>
        <translation>标注 %1</translation>
    </message>
    <message>
        <source>%1 ≥ %2</source>
        <translation>%1 ≥ %2</translation>
    </message>
    <message>
        <source>%1: %2% positive (%3 of %4 nuclei; positive when %5)</source>
        <translation>%1：阳性 %2%（%4 个细胞核中 %3 个；阳性判定：%5）</translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <source>Measurements — AI nuclei (not for clinical use)</source>
        <translation>测量 — AI 细胞核（非临床用途）</translation>
    </message>
    <message>
        <source>Computed by %1 — AI output, not for clinical use.</source>
        <translation>由 %1 计算 — AI 结果，非临床用途。</translation>
    </message>
    <message>
        <source>Positive at or above</source>
        <translation>阳性阈值（≥）</translation>
    </message>
    <message>
        <source>Classify</source>
        <translation>分类</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>导出 CSV…</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>% positive</source>
        <translation>阳性率</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>All detections</source>
        <translation>全部检测对象</translation>
    </message>
    <message>
        <source>Export measurements</source>
        <translation>导出测量数据</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV 文件 (*.csv)</translation>
    </message>
</context>
<context>
    <name>MeasurementModel</name>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>Class</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Nucleus area (µm²)</source>
        <translation>细胞核面积（µm²）</translation>
    </message>
    <message>
        <source>Nucleus perimeter (µm)</source>
        <translation>细胞核周长（µm）</translation>
    </message>
    <message>
        <source>Nucleus circularity</source>
        <translation>细胞核圆度</translation>
    </message>
    <message>
        <source>Nucleus haematoxylin OD mean</source>
        <translation>细胞核苏木精平均光密度</translation>
    </message>
    <message>
        <source>Nucleus eosin OD mean</source>
        <translation>细胞核伊红平均光密度</translation>
    </message>
    <message>
        <source>Cell area (µm²)</source>
        <translation>细胞面积（µm²）</translation>
    </message>
    <message>
        <source>Nucleus/cell area ratio</source>
        <translation>细胞核/细胞面积比</translation>
    </message>
</context>
<context>
    <name>OverlayLegend</name>
    <message>
        <source>Overlays hidden — press H to show them</source>
        <translation>叠加层已隐藏——按 H 键显示</translation>
    </message>
    <message>
        <source>%1: %2 (outline)</source>
        <translation>%1：%2（轮廓）</translation>
    </message>
</context>
<context>
    <name>OverlayRenderer</name>
    <message>
        <source>AI — %1 (%2) — not for clinical use</source>
        <translation>AI — %1（%2）— 不可用于临床</translation>
    </message>
</context>
<context>
    <name>PathologyClasses</name>
    <message>
        <source>Tumor</source>
        <translation>肿瘤</translation>
    </message>
    <message>
        <source>Stroma</source>
        <translation>间质</translation>
    </message>
    <message>
        <source>Immune cells</source>
        <translation>免疫细胞</translation>
    </message>
    <message>
        <source>Necrosis</source>
        <translation>坏死</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Nucleus</source>
        <translation>细胞核</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>区域</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>忽略</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
</context>
<context>
    <name>SlideActions</name>
    <message>
        <source>AI analysis failed</source>
        <translation>AI 分析失败</translation>
    </message>
    <message>
        <source>Detecting tissue…</source>
        <translation>正在检测组织…</translation>
    </message>
    <message>
        <source>Detecting nuclei in the view…</source>
        <translation>正在检测视野内细胞核…</translation>
    </message>
    <message>
        <source>No annotation selected</source>
        <translation>未选择标注</translation>
    </message>
    <message>
        <source>Select an area annotation to detect nuclei inside it.</source>
        <translation>请选择一个区域标注，以在其中检测细胞核。</translation>
    </message>
    <message>
        <source>Detecting nuclei in the annotation…</source>
        <translation>正在标注区域内检测细胞核…</translation>
    </message>
    <message>
        <source>Detecting nuclei in all tissue…</source>
        <translation>正在检测全部组织内细胞核…</translation>
    </message>
    <message>
        <source>Nuclei: tile %1 of %2, %3 found</source>
        <translation>细胞核：第 %1/%2 个图块，已检出 %3 个</translation>
    </message>
    <message>
        <source>Tissue</source>
        <translation>组织</translation>
    </message>
    <message>
        <source>%1 nuclei detected (nuclear density heatmap)</source>
        <translation>检测到 %1 个细胞核（核密度热图）</translation>
    </message>
    <message>
        <source>Nuclei</source>
        <translation>细胞核</translation>
    </message>
    <message>
        <source>Nuclei (detecting…)</source>
        <translation>细胞核（检测中…）</translation>
    </message>
    <message>
        <source>Nuclear density</source>
        <translation>核密度</translation>
    </message>
    <message>
        <source>nuclei/mm²</source>
        <translation>个细胞核/mm²</translation>
    </message>
    <message>
        <source>Negative</source>
        <translation>阴性</translation>
    </message>
    <message>
        <source>Positive</source>
        <translation>阳性</translation>
    </message>
    <message>
        <source>Imported detections</source>
        <translation>导入的检测对象</translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation>导入标注</translation>
    </message>
    <message>
        <source>Annotations (*.geojson *.json *.xml *.dcm);;All files (*)</source>
        <translation>标注文件 (*.geojson *.json *.xml *.dcm);;所有文件 (*)</translation>
    </message>
    <message>
        <source>Importing annotations…</source>
        <translation>正在导入标注…</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>%1 could not be imported: %2</source>
        <translation>无法导入 %1：%2</translation>
    </message>
    <message>
        <source>%1: %2 objects imported, %3 skipped.</source>
        <translation>%1：已导入 %2 个对象，跳过 %3 个。</translation>
    </message>
    <message>
        <source>Feature %1: %2</source>
        <translation>要素 %1：%2</translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation>…… 另有 %1 个</translation>
    </message>
    <message>
        <source>Some features were skipped</source>
        <translation>部分要素已跳过</translation>
    </message>
    <message>
        <source>Annotations imported</source>
        <translation>标注已导入</translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation>导出标注</translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation>GeoJSON (*.geojson)</translation>
    </message>
    <message>
        <source>Annotations exported to %1</source>
        <translation>标注已导出到 %1</translation>
    </message>
    <message>
        <source>DICOM export unavailable</source>
        <translation>无法导出 DICOM</translation>
    </message>
    <message>
        <source>DICOM annotation export needs the highdicom package.</source>
        <translation>DICOM 标注导出需要 highdicom 软件包。</translation>
    </message>
    <message>
        <source>Export DICOM annotations</source>
        <translation>导出 DICOM 标注</translation>
    </message>
    <message>
        <source>DICOM (*.dcm)</source>
        <translation>DICOM (*.dcm)</translation>
    </message>
    <message>
        <source>Exporting DICOM annotations…</source>
        <translation>正在导出 DICOM 标注…</translation>
    </message>
    <message>
        <source>%1 annotation groups exported to %2</source>
        <translation>已将 %1 个标注组导出到 %2</translation>
    </message>
    <message>
        <source>DICOM export failed</source>
        <translation>DICOM 导出失败</translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>像素</translation>
    </message>
</context>
<context>
    <name>SlideViewer</name>
    <message>
        <source>This case has no slide file.</source>
        <translation>此病例没有切片文件。</translation>
    </message>
    <message>
        <source>Opening slide…</source>
        <translation>正在打开切片…</translation>
    </message>
    <message>
        <source>Nuclei detection is not among this clinic&apos;s AI products (File &gt; AI products of this clinic). Ask the regional AI administrator to subscribe it.</source>
        <translation>本机构未订阅细胞核检测 AI 产品（文件 &gt; 本机构的 AI 产品）。如需使用，请联系区域 AI 平台管理员开通订阅。</translation>
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
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Select / move</source>
        <translation>选择/移动</translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation>矩形</translation>
    </message>
    <message>
        <source>Select</source>
        <translation>选择/移动</translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation>椭圆</translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation>多边形</translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation>自由绘制</translation>
    </message>
    <message>
        <source>Brush</source>
        <translation>画笔</translation>
    </message>
    <message>
        <source>Points</source>
        <translation>点</translation>
    </message>
    <message>
        <source>Line / ruler</source>
        <translation>直线/标尺</translation>
    </message>
    <message>
        <source>Layers</source>
        <translation>标注与图层</translation>
    </message>
    <message>
        <source>Show or hide classes, annotations and layers (F6)</source>
        <translation>显示或隐藏类别、标注和图层（F6）</translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation>隐藏叠加层</translation>
    </message>
    <message>
        <source>Hide every overlay and annotation to read the slide (H)</source>
        <translation>隐藏全部叠加层和标注以便阅片（H）</translation>
    </message>
    <message>
        <source>Show or hide annotations (A)</source>
        <translation>显示或隐藏标注（A）</translation>
    </message>
    <message>
        <source>Show or hide detections (D)</source>
        <translation>显示或隐藏检测对象（D）</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Show or hide the pathology report</source>
        <translation>显示或隐藏病理报告</translation>
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
        <source>AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Detect tissue</source>
        <translation>检测组织</translation>
    </message>
    <message>
        <source>Detect nuclei in view</source>
        <translation>检测视野内细胞核</translation>
    </message>
    <message>
        <source>Detect nuclei in selected annotation</source>
        <translation>在所选标注内检测细胞核</translation>
    </message>
    <message>
        <source>Detect nuclei in all tissue</source>
        <translation>检测全部组织内细胞核</translation>
    </message>
    <message>
        <source>Measurements and classification…</source>
        <translation>测量与分类…</translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation>标注</translation>
    </message>
    <message>
        <source>Import GeoJSON / ASAP XML / DICOM…</source>
        <translation>导入 GeoJSON / ASAP XML / DICOM…</translation>
    </message>
    <message>
        <source>Export GeoJSON…</source>
        <translation>导出 GeoJSON…</translation>
    </message>
    <message>
        <source>Export DICOM annotations…</source>
        <translation>导出 DICOM 标注…</translation>
    </message>
    <message>
        <source>Export DICOM annotations, anonymised…</source>
        <translation>导出 DICOM 标注（匿名）…</translation>
    </message>
    <message>
        <source>%1x</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 — %2 × %3 px — zoom %4 — level %5</source>
        <translation>%1 — %2 × %3 像素 — 缩放 %4 — 层级 %5</translation>
    </message>
    <message>
        <source>The slide could not be opened: %1</source>
        <translation>无法打开切片：%1</translation>
    </message>
</context>
</TS>
