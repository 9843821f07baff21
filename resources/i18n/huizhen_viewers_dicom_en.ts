<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <source>Loading image…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case has no image file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reset window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image %1 of %2</source>
        <translation>Image %1 of %2</translation>
    </message>
    <message>
        <source>Right eye (OD)</source>
        <translation>Right eye (OD)</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>Left eye (OS)</translation>
    </message>
    <message>
        <source>Laterality unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>inverted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
