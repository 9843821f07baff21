<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ImageViewer</name>
    <message>
        <source>Loading image…</source>
        <translation>Loading image…</translation>
    </message>
    <message>
        <source>Saved measurements could not be read: %1</source>
        <translation>Saved measurements could not be read: %1</translation>
    </message>
    <message>
        <source>This case has no image file.</source>
        <translation>This case has no image file.</translation>
    </message>
    <message>
        <source>Note on this series: %1</source>
        <translation>Note on this series: %1</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Rotate right</source>
        <translation>Rotate right</translation>
    </message>
    <message>
        <source>Rotate left</source>
        <translation>Rotate left</translation>
    </message>
    <message>
        <source>Flip horizontal</source>
        <translation>Flip horizontal</translation>
    </message>
    <message>
        <source>Flip vertical</source>
        <translation>Flip vertical</translation>
    </message>
    <message>
        <source>Reset view</source>
        <translation>Reset view</translation>
    </message>
    <message>
        <source>Invert</source>
        <translation>Invert</translation>
    </message>
    <message>
        <source>Window</source>
        <translation>Window</translation>
    </message>
    <message>
        <source>Reset window</source>
        <translation>Reset window</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Redo</translation>
    </message>
    <message>
        <source>Overlay</source>
        <translation>Overlay</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>Layout</translation>
    </message>
    <message>
        <source>Link scrolling</source>
        <translation>Link scrolling</translation>
    </message>
    <message>
        <source>Cine</source>
        <translation>Cine</translation>
    </message>
    <message>
        <source>More</source>
        <translation>More</translation>
    </message>
    <message>
        <source>MPR / 3D</source>
        <translation>MPR / 3D</translation>
    </message>
    <message>
        <source>DICOM tags…</source>
        <translation>DICOM tags…</translation>
    </message>
    <message>
        <source>Export view as PNG…</source>
        <translation>Export view as PNG…</translation>
    </message>
    <message>
        <source>Export measurements as DICOM SR…</source>
        <translation>Export measurements as DICOM SR…</translation>
    </message>
    <message>
        <source>Save key images as DICOM KOS…</source>
        <translation>Save key images as DICOM KOS…</translation>
    </message>
    <message>
        <source>Export series as DICOM…</source>
        <translation>Export series as DICOM…</translation>
    </message>
    <message>
        <source>Show SEG / SR / GSPS / KOS file…</source>
        <translation>Show SEG / SR / GSPS / KOS file…</translation>
    </message>
    <message>
        <source>%1 mm</source>
        <translation>%1 mm</translation>
    </message>
    <message>
        <source>Measurements can be drawn once the series is read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text:</source>
        <translation>Text:</translation>
    </message>
    <message>
        <source>(%1, %2): %3</source>
        <translation>(%1, %2): %3</translation>
    </message>
    <message>
        <source>DICOM objects</source>
        <translation>DICOM objects</translation>
    </message>
    <message>
        <source>No SEG, SR, GSPS or KOS object in the files chosen.</source>
        <translation>No SEG, SR, GSPS or KOS object in the files chosen.</translation>
    </message>
    <message>
        <source>Export view as PNG</source>
        <translation>Export view as PNG</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Reading the series was stopped: only its middle image is shown.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The image could not be shown: %1</source>
        <translation>The image could not be shown: %1</translation>
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
        <translation>Laterality unknown</translation>
    </message>
    <message>
        <source>Colour image</source>
        <translation>Colour image</translation>
    </message>
    <message>
        <source>W %1  L %2</source>
        <translation>W %1  L %2</translation>
    </message>
    <message>
        <source>inverted</source>
        <translation>inverted</translation>
    </message>
    <message>
        <source>Key image</source>
        <translation>Key image</translation>
    </message>
    <message>
        <source>Pan</source>
        <translation>Pan</translation>
    </message>
    <message>
        <source>Length</source>
        <translation>Length</translation>
    </message>
    <message>
        <source>Angle</source>
        <translation>Angle</translation>
    </message>
    <message>
        <source>Ellipse ROI</source>
        <translation>Ellipse ROI</translation>
    </message>
    <message>
        <source>Polygon ROI</source>
        <translation>Polygon ROI</translation>
    </message>
    <message>
        <source>Probe</source>
        <translation>Probe</translation>
    </message>
    <message>
        <source>Arrow</source>
        <translation>Arrow</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Lung</source>
        <translation>Lung</translation>
    </message>
    <message>
        <source>Mediastinum</source>
        <translation>Mediastinum</translation>
    </message>
    <message>
        <source>Abdomen</source>
        <translation>Abdomen</translation>
    </message>
    <message>
        <source>Bone</source>
        <translation>Bone</translation>
    </message>
    <message>
        <source>Brain</source>
        <translation>Brain</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>File: %1</translation>
    </message>
    <message>
        <source>File window %1</source>
        <translation>File window %1</translation>
    </message>
    <message>
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <source>px</source>
        <translation>px</translation>
    </message>
    <message>
        <source>mm²</source>
        <translation>mm²</translation>
    </message>
    <message>
        <source>px²</source>
        <translation>px²</translation>
    </message>
    <message>
        <source>Mean %1 SD %2</source>
        <translation>Mean %1 SD %2</translation>
    </message>
    <message>
        <source>Min %1 Max %2</source>
        <translation>Min %1 Max %2</translation>
    </message>
    <message>
        <source>Area %1</source>
        <translation>Area %1</translation>
    </message>
    <message>
        <source>Position %1 mm</source>
        <translation>Position %1 mm</translation>
    </message>
    <message>
        <source>Thickness %1 mm</source>
        <translation>Thickness %1 mm</translation>
    </message>
    <message>
        <source>Zoom %1%</source>
        <translation>Zoom %1%</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export failed: %1</translation>
    </message>
    <message>
        <source>Export measurements as DICOM SR</source>
        <translation>Export measurements as DICOM SR</translation>
    </message>
    <message>
        <source>Measurements saved as DICOM SR: %1</source>
        <translation>Measurements saved as DICOM SR: %1</translation>
    </message>
    <message>
        <source>Save key images as DICOM KOS</source>
        <translation>Save key images as DICOM KOS</translation>
    </message>
    <message>
        <source>Key images saved as DICOM KOS: %1</source>
        <translation>Key images saved as DICOM KOS: %1</translation>
    </message>
    <message>
        <source>Anonymised (DICOM PS3.15 basic profile)</source>
        <translation>Anonymised (DICOM PS3.15 basic profile)</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
    <message>
        <source>Export series as DICOM</source>
        <translation>Export series as DICOM</translation>
    </message>
    <message>
        <source>Export:</source>
        <translation>Export:</translation>
    </message>
    <message>
        <source>%1 files exported</source>
        <translation>%1 files exported</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>not exported: %1</source>
        <translation>not exported: %1</translation>
    </message>
</context>
<context>
    <name>LoadingBar</name>
    <message>
        <source>Reading the series…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ObjectsPanel</name>
    <message>
        <source>Objects (SEG, SR, GSPS, KOS)</source>
        <translation>Objects (SEG, SR, GSPS, KOS)</translation>
    </message>
    <message>
        <source>Mask opacity</source>
        <translation>Mask opacity</translation>
    </message>
    <message>
        <source>Keep my W/L</source>
        <translation>Keep my W/L</translation>
    </message>
</context>
<context>
    <name>TagBrowser</name>
    <message>
        <source>Search tag, name or value…</source>
        <translation>Search tag, name or value…</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Tag</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>VR</source>
        <translation>VR</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>DICOM tags</source>
        <translation>DICOM tags</translation>
    </message>
    <message>
        <source>%1 elements</source>
        <translation>%1 elements</translation>
    </message>
    <message>
        <source>%1 matching elements</source>
        <translation>%1 matching elements</translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <source>This image has no DICOM header.</source>
        <translation>This image has no DICOM header.</translation>
    </message>
    <message>
        <source>DICOM tags: %1</source>
        <translation>DICOM tags: %1</translation>
    </message>
    <message>
        <source>Reading…</source>
        <translation>Reading…</translation>
    </message>
    <message>
        <source>The header could not be read: %1</source>
        <translation>The header could not be read: %1</translation>
    </message>
</context>
</TS>
