<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="31"/>
        <source>About Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="33"/>
        <source>not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="34"/>
        <source>AI models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="43"/>
        <source>&lt;p&gt;Clinical workstation for a regional remote-diagnosis network.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="45"/>
        <source>&lt;p&gt;&lt;b&gt;Built-in AI models are demonstration models, not for clinical use.&lt;/b&gt; AI output is a suggestion until a doctor confirms it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="52"/>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiText</name>
    <message>
        <location filename="../../ui/ai_text.py" line="27"/>
        <source>No significant finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/ai_text.py" line="29"/>
        <source>HR %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../ui/alert_banner.py" line="53"/>
        <source>CRITICAL — %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="59"/>
        <source>(+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="72"/>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="73"/>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
    <name>CaseArea</name>
    <message>
        <location filename="../../ui/case_area.py" line="218"/>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <location filename="../../ui/case_area.py" line="66"/>
        <source>Loading case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="76"/>
        <source>This case could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="87"/>
        <source>There is no viewer for %1 yet in this version of Huizhen.
The case is stored safely and can still be sent for consultation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="119"/>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="129"/>
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="131"/>
        <source>%1 y</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComparePanel</name>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="82"/>
        <source>Looking for a prior ECG of this patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="90"/>
        <source>The prior ECG could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="151"/>
        <source>Stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="152"/>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="154"/>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="154"/>
        <source>ST now (mV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="154"/>
        <source>ST prior (mV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="154"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="157"/>
        <source>No prior ECG of this patient in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="159"/>
        <source>The comparison appears after the AI pre-read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_compare_panel.py" line="162"/>
        <source>Black: this ECG · blue: prior of %1 · ST changes ≥ 0.1 mV highlighted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="35"/>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="47"/>
        <source>Someone else changed this report on the server before your change arrived. Both versions are kept; choose which one stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="52"/>
        <source>Keep mine (send it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="53"/>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="54"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="88"/>
        <source>Report %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="104"/>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="109"/>
        <source>Mine (based on version %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/conflict_dialog.py" line="112"/>
        <source>On the server (version %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultDialog</name>
    <message>
        <location filename="../../ui/consult_dialog.py" line="32"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="33"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="34"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="40"/>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="41"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="42"/>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="43"/>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="44"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="45"/>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="59"/>
        <source>Request consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="64"/>
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="75"/>
        <source>Attach the AI findings to the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="81"/>
        <source>AI findings (%1 %2) — not a diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="88"/>
        <source>AI findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="89"/>
        <source>No AI pre-read for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="93"/>
        <source>Please review this %1 and advise on diagnosis and management.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="111"/>
        <source>optional: choose a specialist or type a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="116"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="117"/>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="118"/>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="119"/>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="120"/>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="121"/>
        <source>Specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="132"/>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="137"/>
        <source>The request is kept on this computer and sent as soon as the server is reachable; you can keep working offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="171"/>
        <source>Write a question for the specialist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/consult_dialog.py" line="187"/>
        <source>The request could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgCalipers</name>
    <message>
        <location filename="../../viewers/ecg/calipers.py" line="111"/>
        <source>%1 ms · %2 bpm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/calipers.py" line="113"/>
        <source>%1 mV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgFindings</name>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="17"/>
        <source>ST elevation %1 (%2): meets STEMI criteria</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="18"/>
        <source>ST depression %1 (%2): possible ischaemia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="19"/>
        <source>T inversion %1 (%2): possible ischaemia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="20"/>
        <source>Atrial fibrillation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="21"/>
        <source>Ventricular rhythm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="22"/>
        <source>AV block</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="23"/>
        <source>AV block with slow ventricular rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="24"/>
        <source>Bundle branch block (single-lead model)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="25"/>
        <source>Wide QRS</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="26"/>
        <source>Paced rhythm (model; verify pacer spikes)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="27"/>
        <source>Prolonged PR (first-degree AV block)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="28"/>
        <source>Long QTc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="29"/>
        <source>Ventricular premature complexes (%3)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="30"/>
        <source>Frequent VPCs (%3 in record)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="31"/>
        <source>Marked tachycardia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="32"/>
        <source>Marked bradycardia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="33"/>
        <source>Tachycardia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="34"/>
        <source>Bradycardia</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="35"/>
        <source>No reliable QRS complexes detected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="41"/>
        <source>inferior</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="42"/>
        <source>lateral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/finding_text.py" line="43"/>
        <source>anterior/septal</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgPdfReport</name>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="121"/>
        <source>HR %1 bpm · PR %2 ms · QRS %3 ms · QT %4 ms · QTc %5 ms (Bazett) / %6 ms (Fridericia) · axes P/QRS/T %7/%8/%9°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="151"/>
        <source>ECG report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="159"/>
        <source>12-lead ECG report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="161"/>
        <source>DEMO: fictional patient, not a real case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="163"/>
        <source>Patient: %1 · ID %2 · sex %3 · born %4 · recorded %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="169"/>
        <source>%1 mm/s · %2 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="178"/>
        <source>Interpretation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="181"/>
        <source>AI pre-read by %1 %2 with %3: not for clinical use. The text above was reviewed, confirmed and signed by a doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/pdf_report.py" line="192"/>
        <source>Signed by %1 on %2 UTC · report version %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgViewer</name>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="177"/>
        <source>Loading ECG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="179"/>
        <source>This case has no ECG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="15"/>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="16"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="17"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="18"/>
        <source>Gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="19"/>
        <source>Calipers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="20"/>
        <source>Notch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="21"/>
        <source>Low-pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="25"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="26"/>
        <source>Cabrera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="28"/>
        <source>%1 mm/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="30"/>
        <source>%1 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="31"/>
        <source>AI overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="33"/>
        <location filename="../../viewers/ecg/viewer_text.py" line="44"/>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="34"/>
        <source>Time (ms, bpm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="35"/>
        <source>Amplitude (mV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="39"/>
        <source>Baseline wander removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="46"/>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="49"/>
        <source>Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="50"/>
        <source>Median beats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="51"/>
        <source>Report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="52"/>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="61"/>
        <source>Filter: not stated in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="63"/>
        <source>Filter: %1–%2 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="68"/>
        <source>, notch %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="71"/>
        <source>baseline removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="73"/>
        <source>notch %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="75"/>
        <source>low-pass %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="77"/>
        <source>display: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="79"/>
        <source>display: unfiltered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="83"/>
        <source>non-diagnostic: the low-pass distorts QRS and ST segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/viewer_text.py" line="87"/>
        <source>(non-diagnostic: ST segments may be distorted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="203"/>
        <source>Measurements &amp;&amp; report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="228"/>
        <source>AI: %1 %2, %3 — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="240"/>
        <source>The ECG could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="243"/>
        <source>AI pre-read failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="254"/>
        <source>%1 leads, %2 Hz, %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="286"/>
        <source>AI %1 %2 (not for clinical use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="298"/>
        <source>HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../ui/findings_dock.py" line="48"/>
        <source>AI</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="60"/>
        <source>No findings for the current case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="64"/>
        <source>AI findings are suggestions; they become part of a report only when a doctor confirms them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="70"/>
        <source>Findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
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
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../ui/import_report.py" line="29"/>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="34"/>
        <source>%1 imported, %2 already in the store, %3 could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="37"/>
        <source>Import was cancelled; files already imported are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42"/>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42"/>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42"/>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="74"/>
        <source>Not a format Huizhen can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="76"/>
        <source>Already in the store (nothing changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="79"/>
        <source>The file is incomplete (cut off, e.g. during copying)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="80"/>
        <source>The file is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="81"/>
        <source>This kind of study is not supported yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="82"/>
        <source>The file is empty</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="83"/>
        <source>The file no longer exists</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="84"/>
        <source>The patient details file beside it is damaged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="85"/>
        <source>The file could not be read</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="12"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13"/>
        <source>AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14"/>
        <source>Awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15"/>
        <source>In consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16"/>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17"/>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23"/>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24"/>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25"/>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31"/>
        <source>ECG</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32"/>
        <source>CT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33"/>
        <source>X-ray (CR/DX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34"/>
        <source>Ultrasound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35"/>
        <source>Fundus photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36"/>
        <source>Pathology slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37"/>
        <location filename="../../ui/labels.py" line="54"/>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43"/>
        <source>Community doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44"/>
        <source>Specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45"/>
        <source>Pathologist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46"/>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52"/>
        <source>Male</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53"/>
        <source>Female</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55"/>
        <source>Unknown</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60"/>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61"/>
        <source>Already in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62"/>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63"/>
        <source>Unsupported</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="30"/>
        <source>Huizhen — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="32"/>
        <source>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;Regional remote-diagnosis workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="44"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="45"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="46"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="50"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="60"/>
        <source>Demo: users doctor / specialist / pathologist / admin, password “demo”. Not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="93"/>
        <source>This account does not have the selected role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="95"/>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>Huizhen 会诊 — regional remote diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Refresh worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&amp;Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;Search worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>&amp;Findings panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="126"/>
        <source>&amp;Open selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="127"/>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="128"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;About Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="140"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="142"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="144"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="149"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="151"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="180"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="181"/>
        <source>Sync: local only (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="186"/>
        <source>Working… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="196"/>
        <source>Could not load the worklist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="238"/>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="243"/>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="259"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="260"/>
        <source>The import stopped: %1
Nothing already imported was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="267"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="289"/>
        <source>AI pre-read failed for %1 case(s); they stay in the worklist for manual review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="303"/>
        <source>AI pre-read stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="329"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="330"/>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementTable</name>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="41"/>
        <source>Heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="42"/>
        <source>RR interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="43"/>
        <source>PR interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="44"/>
        <source>QRS duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="45"/>
        <source>QT interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="46"/>
        <source>QTc (Bazett)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="47"/>
        <source>QTc (Fridericia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="48"/>
        <source>P axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="49"/>
        <source>QRS axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="50"/>
        <source>T axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="53"/>
        <source>ST %1 at J / J+60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="69"/>
        <source>Measured by AI %1 %2 and %3 — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="80"/>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="80"/>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="82"/>
        <source>Waiting for the AI pre-read…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedianPanel</name>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="161"/>
        <source>Median beats appear after the AI pre-read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="163"/>
        <source>Median beats stored by the recording device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_panels.py" line="165"/>
        <source>Median of %1 beats aligned on the AI&apos;s QRS onset (red: J point)</source>
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
    <name>QrLink</name>
    <message>
        <location filename="../../ui/qr_link.py" line="33"/>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qr_link.py" line="53"/>
        <source>Scan or paste this link (File › Open link…) to open the case. The case is not on the server yet; the link works once it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/qr_link.py" line="57"/>
        <source>Scan or paste this link (File › Open link…) to open the case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtJobs</name>
    <message>
        <location filename="../../ui/qt_jobs.py" line="101"/>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="181"/>
        <source>Not done: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="233"/>
        <source>Save report as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="233"/>
        <source>PDF files (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="243"/>
        <source>Writing PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="254"/>
        <source>The PDF could not be written: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="259"/>
        <source>PDF saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="266"/>
        <source>No report yet for this ECG.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="268"/>
        <source>Signed by %1 on %2 UTC (version %3) — read-only; amend to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="270"/>
        <source>Signed by %1 on %2 UTC (version %3) — read-only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="278"/>
        <source>Confirmed by the doctor — ready to sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="281"/>
        <source>Draft (version %1) — autosaved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="288"/>
        <source>Text and findings suggested by AI (model and version in the first line); tick each finding you confirm, untick the ones you reject.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="294"/>
        <source>Start report from the AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="295"/>
        <source>Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="296"/>
        <source>Sign</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="297"/>
        <source>Amend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="298"/>
        <source>Export PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_report_panel.py" line="299"/>
        <source>Findings to confirm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <location filename="../../ui/sync_extension.py" line="47"/>
        <source>Sign in to the regional server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="57"/>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="58"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="59"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="63"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38"/>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46"/>
        <source>Automatic (screen DPI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52"/>
        <source>Regional server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53"/>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54"/>
        <location filename="../../ui/settings_dialog.py" line="70"/>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55"/>
        <source>ECG screen calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56"/>
        <source>A new data folder takes effect after restarting Huizhen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81"/>
        <source>The server URL must start with http:// or https://</source>
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
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/main_app.py" line="43"/>
        <source>Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_app.py" line="44"/>
        <source>The local database could not be opened:
%1

Check the data folder in the settings file or ask your IT contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SyncExtension</name>
    <message>
        <location filename="../../ui/sync_extension.py" line="118"/>
        <source>Sign in to &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="119"/>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="120"/>
        <source>Open &amp;link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="121"/>
        <source>Request &amp;consultation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="122"/>
        <source>Sync c&amp;onflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="130"/>
        <source>Sync: synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="131"/>
        <source>Sync: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="132"/>
        <source>Sync: offline: server not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="133"/>
        <source>Sync: login expired — sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="134"/>
        <source>Sync: error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="135"/>
        <source>Sync: not signed in to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="137"/>
        <source>%1 waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="139"/>
        <source>%1 refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="141"/>
        <source>%1 conflict(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="147"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="149"/>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="189"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="177"/>
        <source>Signed in to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="169"/>
        <source>Working offline: %1 Use File &gt; Sign in to server… to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="215"/>
        <source>Wrong user name or password for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="217"/>
        <source>The server could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="219"/>
        <source>Check the server address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="220"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="226"/>
        <source>Select or open a case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="234"/>
        <source>The case could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="250"/>
        <source>Consultation request saved; sending it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="253"/>
        <source>Consultation request saved; it is sent when the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="262"/>
        <source>The report could not be queued for the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="283"/>
        <location filename="../../ui/sync_extension.py" line="322"/>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="283"/>
        <source>Paste a huizhen://case/… link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="292"/>
        <source>This is not a Huizhen case link (huizhen://case/…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="297"/>
        <source>This link belongs to the server %1; this workstation uses %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="307"/>
        <source>This case is not on this computer (it has not been sent yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="309"/>
        <source>This case is not on this computer. Sign in to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="311"/>
        <source>Fetching the case from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="360"/>
        <source>The files of this case are on the server; sign in to get them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="363"/>
        <source>Downloading the case files from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="367"/>
        <source>Case files downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="378"/>
        <source>The case files could not be downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <location filename="../../ui/consult_dialog.py" line="239"/>
        <source>Consultation (%1, %2):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../ui/worklist_model.py" line="149"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="150"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="151"/>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="152"/>
        <source>Sex/Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="153"/>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="154"/>
        <source>Study time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="155"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="156"/>
        <source>AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="157"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="182"/>
        <source>AI output, not a diagnosis: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <location filename="../../ui/worklist_view.py" line="80"/>
        <source>Search patient name or ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="82"/>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="86"/>
        <source>All modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="91"/>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="96"/>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="98"/>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="99"/>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="100"/>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="101"/>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="133"/>
        <source>%1 of %2 cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
