<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="14"/>
        <source>About Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="18"/>
        <source>&lt;p&gt;Clinical workstation for a regional remote-diagnosis network.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="20"/>
        <source>&lt;p&gt;&lt;b&gt;Built-in AI models are demonstration models, not for clinical use.&lt;/b&gt; AI output is a suggestion until a doctor confirms it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../ui/alert_banner.py" line="52"/>
        <source>CRITICAL — %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="55"/>
        <source>(+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="68"/>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="69"/>
        <source>Acknowledge</source>
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
    <name>EcgViewer</name>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="107"/>
        <source>Loading ECG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="109"/>
        <source>This case has no ECG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131"/>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131"/>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131"/>
        <source>Gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="134"/>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="135"/>
        <source>Cabrera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="137"/>
        <source>%1 mm/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="139"/>
        <source>%1 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="140"/>
        <source>AI overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="151"/>
        <source>Filter: not stated in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="154"/>
        <source>Filter: %1–%2 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="157"/>
        <source>, notch %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="159"/>
        <source>(non-diagnostic: ST segments may be distorted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="163"/>
        <source>AI: %1 %2, %3 — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="172"/>
        <source>The ECG could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="175"/>
        <source>AI pre-read failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="181"/>
        <source>%1 leads, %2 Hz, %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="201"/>
        <source>AI %1 %2 (not for clinical use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="208"/>
        <source>HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../ui/findings_dock.py" line="59"/>
        <source>No findings for the current case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="63"/>
        <source>AI findings are suggestions; they become part of a report only when a doctor confirms them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="69"/>
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
        <location filename="../../ui/import_report.py" line="78"/>
        <source>Unreadable: %1</source>
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
        <location filename="../../ui/login_dialog.py" line="27"/>
        <source>Huizhen — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="29"/>
        <source>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;Regional remote-diagnosis workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="41"/>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="42"/>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="43"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="47"/>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="57"/>
        <source>Demo: users doctor / specialist / pathologist / admin, password “demo”. Not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="90"/>
        <source>This account does not have the selected role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92"/>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="113"/>
        <source>Huizhen 会诊 — regional remote diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115"/>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116"/>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117"/>
        <source>&amp;Refresh worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118"/>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119"/>
        <source>&amp;Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120"/>
        <source>&amp;Search worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121"/>
        <source>&amp;Findings panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122"/>
        <source>&amp;Open selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123"/>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124"/>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125"/>
        <source>&amp;About Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133"/>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137"/>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139"/>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141"/>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162"/>
        <source>Sync: local only (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167"/>
        <source>Working… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177"/>
        <source>Could not load the worklist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213"/>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218"/>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234"/>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235"/>
        <source>The import stopped: %1
Nothing already imported was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242"/>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264"/>
        <source>AI pre-read failed for %1 case(s); they stay in the worklist for manual review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278"/>
        <source>AI pre-read stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304"/>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305"/>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtJobs</name>
    <message>
        <location filename="../../ui/qt_jobs.py" line="89"/>
        <source>Cancel</source>
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
    <name>SlideCanvas</name>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="181"/>
        <source>µm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="181"/>
        <source>mm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="181"/>
        <source>px</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SlideViewer</name>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="83"/>
        <source>This case has no slide file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="85"/>
        <source>Opening slide…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="92"/>
        <source>Fit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="93"/>
        <source>1:1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="94"/>
        <source>Zoom in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="95"/>
        <source>Zoom out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="109"/>
        <source>%1x</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="111"/>
        <source>%1%</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="114"/>
        <source>%1 — %2 × %3 px — zoom %4 — level %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="136"/>
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
    <name>WorklistModel</name>
    <message>
        <location filename="../../ui/worklist_model.py" line="148"/>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="149"/>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="150"/>
        <source>Patient ID</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="151"/>
        <source>Sex/Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="152"/>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="153"/>
        <source>Study time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="154"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="155"/>
        <source>AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="156"/>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="180"/>
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
