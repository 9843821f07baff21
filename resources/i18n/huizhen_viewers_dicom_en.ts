<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="92"/>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="94"/>
        <source>This case has no image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="102"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="103"/>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="104"/>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="105"/>
        <source>Reset window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="114"/>
        <source>The image could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="166"/>
        <source>Right eye (OD)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="166"/>
        <source>Left eye (OS)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="167"/>
        <source>Laterality unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="173"/>
        <source>W %1  L %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="176"/>
        <source>inverted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
