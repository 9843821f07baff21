<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AnnotationLayer</name>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="112"/>
        <source>Move annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="113"/>
        <source>Move vertex</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="114"/>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="115"/>
        <source>Add points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="116"/>
        <source>Add point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="121"/>
        <source>Add annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="126"/>
        <source>Delete annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="131"/>
        <source>Edit annotation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="151"/>
        <source>Set class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="253"/>
        <source>µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="253"/>
        <source>px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="257"/>
        <source>%1 %2²</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="260"/>
        <source>perimeter %1 %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/annotation_layer.py" line="263"/>
        <source>%1 %2</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AnnotationPanel</name>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="116"/>
        <source>Classes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="117"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="118"/>
        <source>Rename</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="119"/>
        <source>Colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="120"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="121"/>
        <source>Apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="122"/>
        <source>Give the selected annotation this class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="123"/>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="287"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="124"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="124"/>
        <source>Class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="124"/>
        <source>Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="125"/>
        <source>Delete selected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="126"/>
        <source>Layers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="127"/>
        <source>Heatmap opacity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="129"/>
        <source>Viridis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="130"/>
        <source>Inferno</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="131"/>
        <source>Jet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="141"/>
        <source>AI layers are computed by the named analyzer and are not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="154"/>
        <source>Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="156"/>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="157"/>
        <source>Area</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="158"/>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="159"/>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="160"/>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="161"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="226"/>
        <source>New class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="226"/>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="237"/>
        <source>Class name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="228"/>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="247"/>
        <source>Class colour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="237"/>
        <source>Rename class</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_annotation_panel.py" line="294"/>
        <source>%1 — AI %2, not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>OverlayRenderer</name>
    <message>
        <location filename="../../viewers/wsi/overlays.py" line="336"/>
        <source>AI — %1 (%2) — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideActions</name>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="59"/>
        <source>AI analysis failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="67"/>
        <source>Detecting tissue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="87"/>
        <source>Detecting nuclei in the view…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="89"/>
        <source>Detecting nuclei in all tissue…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="116"/>
        <source>Tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="130"/>
        <source>%1 nuclei detected (nuclear density heatmap)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="137"/>
        <source>Nuclei</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="143"/>
        <source>Nuclear density</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="177"/>
        <source>Imported detections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="188"/>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="210"/>
        <source>Import annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="190"/>
        <source>Annotations (*.geojson *.json *.xml);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="196"/>
        <source>Importing annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="201"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="202"/>
        <source>%1 could not be imported: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="213"/>
        <source>%1: %2 objects imported, %3 skipped.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="220"/>
        <source>Feature %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="225"/>
        <source>… and %1 more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="228"/>
        <source>Some features were skipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="231"/>
        <source>Annotations imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="240"/>
        <source>Export annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="242"/>
        <source>GeoJSON (*.geojson)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="248"/>
        <source>Annotations exported to %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="280"/>
        <source>DICOM export unavailable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="281"/>
        <source>DICOM annotation export needs the highdicom package.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="288"/>
        <source>Export DICOM annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="290"/>
        <source>DICOM (*.dcm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="298"/>
        <source>Exporting DICOM annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="306"/>
        <source>%1 annotation groups exported to %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_actions.py" line="310"/>
        <source>DICOM export failed</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="195"/>
        <source>µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="195"/>
        <source>mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="195"/>
        <source>px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideViewer</name>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="131"/>
        <source>This case has no slide file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="133"/>
        <source>Opening slide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="219"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="220"/>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="221"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="222"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="224"/>
        <source>Select / move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="225"/>
        <source>Rectangle</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="226"/>
        <source>Ellipse</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="227"/>
        <source>Polygon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="228"/>
        <source>Freehand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="229"/>
        <source>Brush</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="230"/>
        <source>Points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="231"/>
        <source>Line / ruler</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="236"/>
        <source>Panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="237"/>
        <source>Show or hide classes, annotations and layers (F6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="238"/>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="239"/>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="240"/>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="241"/>
        <source>Detect tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="242"/>
        <source>Detect nuclei in view</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="243"/>
        <source>Detect nuclei in all tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="244"/>
        <source>Annotations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="245"/>
        <source>Import GeoJSON / ASAP XML…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="246"/>
        <source>Export GeoJSON…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="247"/>
        <source>Export DICOM annotations…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="261"/>
        <source>%1x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="263"/>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="266"/>
        <source>%1 — %2 × %3 px — zoom %4 — level %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="327"/>
        <source>The slide could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
