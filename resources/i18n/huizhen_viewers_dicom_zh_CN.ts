<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="92"/>
        <source>Loading image…</source>
        <translation>正在加载图像…</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="94"/>
        <source>This case has no image file.</source>
        <translation>此病例没有图像文件。</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="102"/>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="103"/>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="104"/>
        <source>Invert</source>
        <translation>反色</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="105"/>
        <source>Reset window</source>
        <translation>重置窗宽窗位</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="114"/>
        <source>The image could not be shown: %1</source>
        <translation>无法显示图像：%1</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="166"/>
        <source>Right eye (OD)</source>
        <translation>右眼 (OD)</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="166"/>
        <source>Left eye (OS)</source>
        <translation>左眼 (OS)</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="167"/>
        <source>Laterality unknown</source>
        <translation>眼别未知</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="173"/>
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="176"/>
        <source>inverted</source>
        <translation>已反色</translation>
    </message>
</context>
</TS>
