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
    <name>CaseArea</name>
    <message>
        <location filename="../../ui/case_area.py" line="233"/>
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
        <location filename="../../ui/sync_extension.py" line="116"/>
        <source>Sign in to &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="117"/>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="118"/>
        <source>Open &amp;link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="119"/>
        <source>Request &amp;consultation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="120"/>
        <source>Sync c&amp;onflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="128"/>
        <source>Sync: synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="129"/>
        <source>Sync: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="130"/>
        <source>Sync: offline: server not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="131"/>
        <source>Sync: login expired — sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="132"/>
        <source>Sync: error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="133"/>
        <source>Sync: not signed in to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="135"/>
        <source>%1 waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="137"/>
        <source>%1 refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="139"/>
        <source>%1 conflict(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="145"/>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="147"/>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="187"/>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="175"/>
        <source>Signed in to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="167"/>
        <source>Working offline: %1 Use File &gt; Sign in to server… to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="213"/>
        <source>Wrong user name or password for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="215"/>
        <source>The server could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="217"/>
        <source>Check the server address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="218"/>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="224"/>
        <source>Select or open a case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="232"/>
        <source>The case could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="248"/>
        <source>Consultation request saved; sending it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="251"/>
        <source>Consultation request saved; it is sent when the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="260"/>
        <source>The report could not be queued for the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="281"/>
        <location filename="../../ui/sync_extension.py" line="320"/>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="281"/>
        <source>Paste a huizhen://case/… link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="290"/>
        <source>This is not a Huizhen case link (huizhen://case/…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="295"/>
        <source>This link belongs to the server %1; this workstation uses %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="305"/>
        <source>This case is not on this computer (it has not been sent yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="307"/>
        <source>This case is not on this computer. Sign in to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="309"/>
        <source>Fetching the case from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="358"/>
        <source>The files of this case are on the server; sign in to get them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="361"/>
        <source>Downloading the case files from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="365"/>
        <source>Case files downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../ui/sync_extension.py" line="370"/>
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
