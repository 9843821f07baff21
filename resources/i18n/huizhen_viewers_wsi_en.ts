<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotationLayer</name>
    <message>
        <source>Move annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move vertex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtract annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Set class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>perimeter %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outlines only keep the H&amp;E readable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opacity: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Viridis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the selected annotations this class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the selected annotations (Del)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Merge the selected areas into one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subtract</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cut the other selected areas out of the first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lock or unlock the selected annotations against edits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill shapes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inferno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI layers are computed by the named analyzer and are not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (locked)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nuclei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nuclei, %2% %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — AI %2, not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasureActions</name>
    <message>
        <source>No measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect nuclei first; their measurements are listed here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotation %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 ≥ %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2% positive (%3 of %4 nuclei; positive when %5)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementDialog</name>
    <message>
        <source>Measurements — AI nuclei (not for clinical use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Computed by %1 — AI output, not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive at or above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Classify</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>% positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Total</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementModel</name>
    <message>
        <source>Object</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus area (µm²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus perimeter (µm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus circularity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus haematoxylin OD mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus eosin OD mean</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cell area (µm²)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus/cell area ratio</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlayLegend</name>
    <message>
        <source>Overlays hidden — press H to show them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 (outline)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlayRenderer</name>
    <message>
        <source>AI — %1 (%2) — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PathologyClasses</name>
    <message>
        <source>Tumor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stroma</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Immune cells</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Necrosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nucleus</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Region</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideActions</name>
    <message>
        <source>AI analysis failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting tissue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting nuclei in the view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No annotation selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an area annotation to detect nuclei inside it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting nuclei in the annotation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detecting nuclei in all tissue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuclei: tile %1 of %2, %3 found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 nuclei detected (nuclear density heatmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuclei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuclei (detecting…)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuclear density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>nuclei/mm²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Negative</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Positive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations (*.geojson *.json *.xml *.dcm);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 could not be imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1: %2 objects imported, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feature %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some features were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>GeoJSON (*.geojson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM export unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM annotation export needs the highdicom package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export DICOM annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM (*.dcm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting DICOM annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 annotation groups exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>DICOM export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <source>µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideViewer</name>
    <message>
        <source>This case has no slide file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening slide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nuclei detection is not among this clinic&apos;s AI products (File &gt; AI products of this clinic). Ask the regional AI administrator to subscribe it.</source>
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
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select / move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rectangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Freehand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line / ruler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide classes, annotations and layers (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hide every overlay and annotation to read the slide (H)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide annotations (A)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show or hide detections (D)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Show or hide the pathology report</source>
        <translation>Show or hide the pathology report</translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect nuclei in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect nuclei in selected annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Detect nuclei in all tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements and classification…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import GeoJSON / ASAP XML / DICOM…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export GeoJSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export DICOM annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export DICOM annotations, anonymised…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 — %2 × %3 px — zoom %4 — level %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The slide could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
