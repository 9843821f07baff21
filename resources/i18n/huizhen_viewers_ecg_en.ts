<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
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
</TS>
