<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI models</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty model slots (no model installed; the built-in analysis runs): %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;Clinical workstation for a regional remote-diagnosis network.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Built-in AI models are demonstration models, not for clinical use.&lt;/b&gt; AI output is a suggestion until a doctor confirms it.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AiText</name>
    <message>
        <source>No significant finding in what the AI could measure (see AI notes)</source>
        <translation>No significant finding in what the AI could measure (see AI notes)</translation>
    </message>
    <message>
        <source>No significant finding</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR %1 bpm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>CRITICAL — %1 (%2): %3</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>URGENT — %1 (%2): %3</source>
        <translation>URGENT — %1 (%2): %3</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical alert (%5) for %1 (%2) acknowledged by %3 at %4</source>
        <translation>Critical alert (%5) for %1 (%2) acknowledged by %3 at %4</translation>
    </message>
    <message>
        <source>Urgent alert (%5) for %1 (%2) acknowledged by %3 at %4</source>
        <translation>Urgent alert (%5) for %1 (%2) acknowledged by %3 at %4</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>another user</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>Dismiss</translation>
    </message>
</context>
<context>
    <name>CaseArea</name>
    <message>
        <source>Worklist</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Loading case…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case could not be opened: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no viewer for %1 yet in this version of Huizhen.
The case is stored safely and can still be sent for consultation.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient to be assigned</source>
        <translation>Patient to be assigned</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Assign patient…</source>
        <translation>Assign patient…</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else changed this report on the server before your change arrived. Both versions are kept; choose which one stays.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep mine (send it again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report %1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mine (based on version %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>On the server (version %1)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ConsultDialog</name>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Attach the AI findings to the request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI findings (%1 %2) — not a diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI findings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No AI pre-read for this case.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please review this %1 and advise on diagnosis and management.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional: choose a specialist or type a user name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Question</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Department</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send my confirmed report draft with the request</source>
        <translation>Send my confirmed report draft with the request</translation>
    </message>
    <message>
        <source>Confirm a report draft for this case first to send it along.</source>
        <translation>Confirm a report draft for this case first to send it along.</translation>
    </message>
    <message>
        <source>Send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request is kept on this computer and sent as soon as the server is reachable; you can keep working offline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nobody in %1 is active on the server: the request would wait unanswered.</source>
        <translation>Nobody in %1 is active on the server: the request would wait unanswered.</translation>
    </message>
    <message>
        <source>Send to %1 instead (%2 active)</source>
        <translation>Send to %1 instead (%2 active)</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>Send anyway</translation>
    </message>
    <message>
        <source>Write a question for the specialist.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The request could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>the disk is full; free some space and try again</translation>
    </message>
    <message>
        <source>no permission to write there; choose another folder or ask IT</source>
        <translation>no permission to write there; choose another folder or ask IT</translation>
    </message>
    <message>
        <source>the disk is read-only; choose another folder</source>
        <translation>the disk is read-only; choose another folder</translation>
    </message>
    <message>
        <source>the folder or file no longer exists (a removed USB drive?)</source>
        <translation>the folder or file no longer exists (a removed USB drive?)</translation>
    </message>
    <message>
        <source>the disk reported an error (a failing or removed drive?)</source>
        <translation>the disk reported an error (a failing or removed drive?)</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <source>AI output — %1, version %2</source>
        <translation>AI output — %1, version %2</translation>
    </message>
    <message>
        <source>AI output — %1</source>
        <translation>AI output — %1</translation>
    </message>
    <message>
        <source>Not for clinical use</source>
        <translation>Not for clinical use</translation>
    </message>
    <message>
        <source>No AI findings for this case yet: they appear here once an AI analysis has run (the pre-read, or the viewer&apos;s AI tools).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI findings are suggestions; they become part of a report only when a doctor confirms them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the store, %3 could not be imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import was cancelled; files already imported are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files: %2</source>
        <translation>%1 files: %2</translation>
    </message>
    <message>
        <source>Not a format Huizhen can read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in the store (nothing changed)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 files, kept together as one record</source>
        <translation>%1 files, kept together as one record</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In consultation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>requested</source>
        <translation>requested</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>in review</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>reported</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Routine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG</source>
        <translation>ECG</translation>
    </message>
    <message>
        <source>CT</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>X-ray (CR/DX)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundus photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Community doctor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathologist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Already in store</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardiology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Radiology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ophthalmology</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>General practice</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Respiratory medicine</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Endocrinology</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Huizhen — Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;Regional remote-diagnosis workstation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Demo: users doctor / specialist / radiologist / ophthalmologist / pathologist / admin, password “demo”. Not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account does not have the selected role.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Huizhen 会诊 — regional remote diagnosis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Refresh worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Search worklist</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Findings panel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: local only (not connected)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working… (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not load the worklist: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import files</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import stopped: %1
Nothing already imported was lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI pre-read failed for %1 case(s); they stay in the worklist for manual review.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI pre-read stopped: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Set your own password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This account still has the password it was given. Choose your own before working with the regional server: at least 10 characters, not your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Current password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New password again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The new password must not contain your user name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused this password: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The password could not be changed: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PatientAssignDialog</name>
    <message>
        <source>Assign patient</source>
        <translation>Assign patient</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>Unknown</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>YYYY-MM-DD</translation>
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
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Sex</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Birth date</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>Eye</translation>
    </message>
    <message>
        <source>Examination date</source>
        <translation>Examination date</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s ID (as on the clinic&apos;s records).</source>
        <translation>Enter the patient&apos;s ID (as on the clinic&apos;s records).</translation>
    </message>
    <message>
        <source>Enter the birth date as YYYY-MM-DD, or leave it empty.</source>
        <translation>Enter the birth date as YYYY-MM-DD, or leave it empty.</translation>
    </message>
    <message>
        <source>The patient could not be assigned: %1</source>
        <translation>The patient could not be assigned: %1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>Saving…</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>resampling</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI delineation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>filtering</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>finding tissue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tissue found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>slide ready</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>downloading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>uploading</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>importing</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QrLink</name>
    <message>
        <source>Copy link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or paste this link (File › Open link…) to open the case. The case is not on the server yet; the link works once it is sent.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scan or paste this link (File › Open link…) to open the case.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>QtJobs</name>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReadErrors</name>
    <message>
        <source>The file is incomplete (cut off, e.g. during copying)</source>
        <translation>The file is incomplete (cut off, e.g. during copying)</translation>
    </message>
    <message>
        <source>The file is damaged</source>
        <translation>The file is damaged</translation>
    </message>
    <message>
        <source>This kind of study is not supported yet</source>
        <translation>This kind of study is not supported yet</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>The file is empty</translation>
    </message>
    <message>
        <source>A file is missing</source>
        <translation>A file is missing</translation>
    </message>
    <message>
        <source>The patient details file beside it is damaged</source>
        <translation>The patient details file beside it is damaged</translation>
    </message>
    <message>
        <source>The file could not be read</source>
        <translation>The file could not be read</translation>
    </message>
    <message>
        <source>An unexpected error occurred</source>
        <translation>An unexpected error occurred</translation>
    </message>
    <message>
        <source>file %1 does not exist</source>
        <translation>file %1 does not exist</translation>
    </message>
    <message>
        <source>file %1 is empty</source>
        <translation>file %1 is empty</translation>
    </message>
    <message>
        <source>%1 cannot be read (no access to it, or a disk error)</source>
        <translation>%1 cannot be read (no access to it, or a disk error)</translation>
    </message>
    <message>
        <source>%1 is not a format Huizhen can read</source>
        <translation>%1 is not a format Huizhen can read</translation>
    </message>
    <message>
        <source>not a valid %1 file (its content does not match the format)</source>
        <translation>not a valid %1 file (its content does not match the format)</translation>
    </message>
    <message>
        <source>not a DICOM file</source>
        <translation>not a DICOM file</translation>
    </message>
    <message>
        <source>the file header is damaged</source>
        <translation>the file header is damaged</translation>
    </message>
    <message>
        <source>the image data is damaged</source>
        <translation>the image data is damaged</translation>
    </message>
    <message>
        <source>the XML content is damaged or cut off</source>
        <translation>the XML content is damaged or cut off</translation>
    </message>
    <message>
        <source>the XML contains declarations refused for safety</source>
        <translation>the XML contains declarations refused for safety</translation>
    </message>
    <message>
        <source>the patient details file %1 is damaged</source>
        <translation>the patient details file %1 is damaged</translation>
    </message>
    <message>
        <source>the file is cut off: it needs %1 bytes but has only %2</source>
        <translation>the file is cut off: it needs %1 bytes but has only %2</translation>
    </message>
    <message>
        <source>the file ends inside the image data</source>
        <translation>the file ends inside the image data</translation>
    </message>
    <message>
        <source>the file ends before its data is complete (cut off?)</source>
        <translation>the file ends before its data is complete (cut off?)</translation>
    </message>
    <message>
        <source>the file is too large (%1 MB; the limit is %2 MB)</source>
        <translation>the file is too large (%1 MB; the limit is %2 MB)</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>the file is too large</translation>
    </message>
    <message>
        <source>the image is larger than the %1 million pixels allowed</source>
        <translation>the image is larger than the %1 million pixels allowed</translation>
    </message>
    <message>
        <source>one image would need %1 MB, more than the %2 MB allowed</source>
        <translation>one image would need %1 MB, more than the %2 MB allowed</translation>
    </message>
    <message>
        <source>the compressed data expands far beyond any medical image (refused for safety)</source>
        <translation>the compressed data expands far beyond any medical image (refused for safety)</translation>
    </message>
    <message>
        <source>the image has no valid size (%1 × %2)</source>
        <translation>the image has no valid size (%1 × %2)</translation>
    </message>
    <message>
        <source>the file holds no image (%1 object)</source>
        <translation>the file holds no image (%1 object)</translation>
    </message>
    <message>
        <source>the image compression (%1) cannot be decoded</source>
        <translation>the image compression (%1) cannot be decoded</translation>
    </message>
    <message>
        <source>DICOM modality %1 is not supported</source>
        <translation>DICOM modality %1 is not supported</translation>
    </message>
    <message>
        <source>the DICOM file is not an image, a waveform or a known document</source>
        <translation>the DICOM file is not an image, a waveform or a known document</translation>
    </message>
    <message>
        <source>an image of the series differs in size or colour type</source>
        <translation>an image of the series differs in size or colour type</translation>
    </message>
    <message>
        <source>this series holds no image that can be shown</source>
        <translation>this series holds no image that can be shown</translation>
    </message>
    <message>
        <source>the DICOMDIR (disc index) lists no files</source>
        <translation>the DICOMDIR (disc index) lists no files</translation>
    </message>
    <message>
        <source>the record is only %1 ms long; nothing to show or measure</source>
        <translation>the record is only %1 ms long; nothing to show or measure</translation>
    </message>
    <message>
        <source>the file holds no waveform</source>
        <translation>the file holds no waveform</translation>
    </message>
    <message>
        <source>not an ECG: the record holds no ECG lead (only %1)</source>
        <translation>not an ECG: the record holds no ECG lead (only %1)</translation>
    </message>
    <message>
        <source>the record gives no usable sampling rate</source>
        <translation>the record gives no usable sampling rate</translation>
    </message>
    <message>
        <source>this record also needs %1 (copy it into the same folder)</source>
        <translation>this record also needs %1 (copy it into the same folder)</translation>
    </message>
    <message>
        <source>%1 is not a supported ECG format (DICOM, WFDB, HL7 aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra XML, SCP-ECG)</source>
        <translation>%1 is not a supported ECG format (DICOM, WFDB, HL7 aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra XML, SCP-ECG)</translation>
    </message>
    <message>
        <source>the waveform data is cut off</source>
        <translation>the waveform data is cut off</translation>
    </message>
    <message>
        <source>the waveform data is damaged</source>
        <translation>the waveform data is damaged</translation>
    </message>
    <message>
        <source>the waveform data encoding %1 is not supported</source>
        <translation>the waveform data encoding %1 is not supported</translation>
    </message>
    <message>
        <source>this case has no file</source>
        <translation>this case has no file</translation>
    </message>
    <message>
        <source>the files of this case are not on this workstation yet: %1</source>
        <translation>the files of this case are not on this workstation yet: %1</translation>
    </message>
    <message>
        <source>the images could not be fetched from the regional server</source>
        <translation>the images could not be fetched from the regional server</translation>
    </message>
    <message>
        <source>%1 files cannot be opened for viewing</source>
        <translation>%1 files cannot be opened for viewing</translation>
    </message>
    <message>
        <source>Copy it again from the original (the device, disc or USB drive) and import it again.</source>
        <translation>Copy it again from the original (the device, disc or USB drive) and import it again.</translation>
    </message>
    <message>
        <source>Export it again from the device, or ask the sender for a new copy.</source>
        <translation>Export it again from the device, or ask the sender for a new copy.</translation>
    </message>
    <message>
        <source>Huizhen cannot import it; view it with the device&apos;s own software.</source>
        <translation>Huizhen cannot import it; view it with the device&apos;s own software.</translation>
    </message>
    <message>
        <source>Copy it again from the original and import it again.</source>
        <translation>Copy it again from the original and import it again.</translation>
    </message>
    <message>
        <source>Check that the file is there (disc or USB drive inserted) and import it again.</source>
        <translation>Check that the file is there (disc or USB drive inserted) and import it again.</translation>
    </message>
    <message>
        <source>Correct or remove the patient details file beside it and import it again.</source>
        <translation>Correct or remove the patient details file beside it and import it again.</translation>
    </message>
    <message>
        <source>Check the disc or drive and your access to the file, then import it again.</source>
        <translation>Check the disc or drive and your access to the file, then import it again.</translation>
    </message>
    <message>
        <source>Try again; if it happens again, give the technical detail below to your support.</source>
        <translation>Try again; if it happens again, give the technical detail below to your support.</translation>
    </message>
    <message>
        <source>Check the connection to the regional server and try again.</source>
        <translation>Check the connection to the regional server and try again.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>Technical detail: %1</translation>
    </message>
</context>
<context>
    <name>SeriesProblems</name>
    <message numerus="yes">
        <source>%n image(s) on the server have no readable header and are not shown</source>
        <translation>
            <numerusform>%n image on the server has no readable header and is not shown</numerusform>
            <numerusform>%n images on the server have no readable header and are not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and are not shown</source>
        <translation>
            <numerusform>%n file could not be read and is not shown</numerusform>
            <numerusform>%n files could not be read and are not shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) are not images (reports, key images, display settings) and are not shown as images</source>
        <translation>
            <numerusform>%n object is not an image (a report, key images, display settings) and is not shown as an image</numerusform>
            <numerusform>%n objects are not images (reports, key images, display settings) and are not shown as images</numerusform>
        </translation>
    </message>
    <message>
        <source>Images in %1 different orientations: shown one by one as 2D images (no MPR or 3D)</source>
        <translation>Images in %1 different orientations: shown one by one as 2D images (no MPR or 3D)</translation>
    </message>
    <message numerus="yes">
        <source>Images of different sizes (%1 groups): the largest group (%2 × %3) is shown, %n other image(s) are not</source>
        <translation>
            <numerusform>Images of different sizes (%1 groups): the largest group (%2 × %3) is shown, %n other image is not</numerusform>
            <numerusform>Images of different sizes (%1 groups): the largest group (%2 × %3) is shown, %n other images are not</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Images in several orientations (%1 groups): the largest group is shown, %n other image(s) are not</source>
        <translation>
            <numerusform>Images in several orientations (%1 groups): the largest group is shown, %n other image is not</numerusform>
            <numerusform>Images in several orientations (%1 groups): the largest group is shown, %n other images are not</numerusform>
        </translation>
    </message>
    <message>
        <source>Some images have no position in their header: ordered by image number</source>
        <translation>Some images have no position in their header: ordered by image number</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) appear twice at the same position: the first of each is shown</source>
        <translation>
            <numerusform>%n slice appears twice at the same position: the first is shown</numerusform>
            <numerusform>%n slices appear twice at the same position: the first of each is shown</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slices missing: a gap of %1 mm after image %2 (slice spacing %3 mm; about %n slice(s) missing)</source>
        <translation>
            <numerusform>Slices missing: a gap of %1 mm after image %2 (slice spacing %3 mm; about %n slice missing)</numerusform>
            <numerusform>Slices missing: a gap of %1 mm after image %2 (slice spacing %3 mm; about %n slices missing)</numerusform>
        </translation>
    </message>
    <message>
        <source>Uneven slice spacing (%1 to %2 mm): MPR and 3D use %3 mm</source>
        <translation>Uneven slice spacing (%1 to %2 mm): MPR and 3D use %3 mm</translation>
    </message>
    <message>
        <source>Gantry tilt of %1°: the slices are sheared; MPR and 3D shift them onto a straight grid</source>
        <translation>Gantry tilt of %1°: the slices are sheared; MPR and 3D shift them onto a straight grid</translation>
    </message>
    <message>
        <source>No pixel spacing in the header: distances are in pixels, not mm</source>
        <translation>No pixel spacing in the header: distances are in pixels, not mm</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) could not be decoded and are shown blank</source>
        <translation>
            <numerusform>%n slice could not be decoded and is shown blank</numerusform>
            <numerusform>%n slices could not be decoded and are shown blank</numerusform>
        </translation>
    </message>
    <message>
        <source>The series needs %1 MB, more than the %2 MB of memory for images: one slice in %3 is loaded (%4 of %5; see Settings, Memory for images)</source>
        <translation>The series needs %1 MB, more than the %2 MB of memory for images: one slice in %3 is loaded (%4 of %5; see Settings, Memory for images)</translation>
    </message>
    <message>
        <source>belongs to another group of images (different size or orientation)</source>
        <translation>belongs to another group of images (different size or orientation)</translation>
    </message>
    <message>
        <source>same position as another slice (a duplicate)</source>
        <translation>same position as another slice (a duplicate)</translation>
    </message>
    <message>
        <source>a segmentation, drawn over the images</source>
        <translation>a segmentation, drawn over the images</translation>
    </message>
    <message>
        <source>text burned into the pixels may name the patient: not exported anonymised</source>
        <translation>text burned into the pixels may name the patient: not exported anonymised</translation>
    </message>
    <message>
        <source>listed in the disc index (DICOMDIR) but not on the disc</source>
        <translation>listed in the disc index (DICOMDIR) but not on the disc</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>no such file or folder</translation>
    </message>
    <message>
        <source>; </source>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>Sign in to the regional server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another address here holds for this sign-in only; change the saved address in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> pt</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (screen DPI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Regional server URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ECG screen calibration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Memory for images</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A new data folder takes effect after restarting Huizhen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Automatic (%1 MB)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decoded CT/MR slices and images kept in memory. Automatic: half the computer&apos;s memory minus 512 MB. A larger series is loaded every n-th slice and the viewer says so.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Huizhen</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The local database could not be opened:
%1

Check the data folder in the settings file or ask your IT contact.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>StudyDescriptions</name>
    <message>
        <source>ECG</source>
        <translation>ECG</translation>
    </message>
    <message>
        <source>ECG (%1)</source>
        <translation>ECG (%1)</translation>
    </message>
    <message>
        <source>12-lead ECG</source>
        <translation>12-lead ECG</translation>
    </message>
    <message>
        <source>General ECG</source>
        <translation>General ECG</translation>
    </message>
    <message>
        <source>Ambulatory ECG</source>
        <translation>Ambulatory ECG</translation>
    </message>
    <message>
        <source>General 32-bit ECG</source>
        <translation>General 32-bit ECG</translation>
    </message>
    <message>
        <source>ECG %1 leads, %2 Hz</source>
        <translation>ECG %1 leads, %2 Hz</translation>
    </message>
    <message>
        <source>ECG %1 leads, %2 Hz (%3 non-ECG channels left out)</source>
        <translation>ECG %1 leads, %2 Hz (%3 non-ECG channels left out)</translation>
    </message>
    <message>
        <source>ECG %1 channels, %2 Hz</source>
        <translation>ECG %1 channels, %2 Hz</translation>
    </message>
    <message>
        <source>Fundus photograph</source>
        <translation>Fundus photograph</translation>
    </message>
    <message>
        <source>Whole-slide image %1x%2</source>
        <translation>Whole-slide image %1x%2</translation>
    </message>
    <message>
        <source>%1x objective</source>
        <translation>%1x objective</translation>
    </message>
    <message>
        <source>%1 µm/pixel</source>
        <translation>%1 µm/pixel</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>SyncExtension</name>
    <message>
        <source>Sign in to &amp;server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open &amp;link…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Request &amp;consultation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync c&amp;onflicts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: synced %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: connecting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: offline: server not reachable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: login expired — sign in again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sync: not signed in to the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 waiting to send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 refused by the server</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 conflict(s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Working offline: %1 Use File &gt; Sign in to server… to retry.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not signed in to the server: it asks for a new password first (File &gt; Sign in to server…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Server changed to %1: sign in to it (File &gt; Sign in to server…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrong user name or password for the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server could not be reached: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the server address: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select or open a case first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation request saved; sending it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consultation request saved; it is sent when the server is reachable.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The report could not be queued for the server: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open link</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paste a huizhen://case/… link:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is not a Huizhen case link (huizhen://case/…).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This link belongs to the server %1; this workstation uses %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is not on this computer (it has not been sent yet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case is not on this computer. Sign in to the server.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fetching the case from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The files of this case are on the server; sign in to get them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Downloading the case files from the server…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Case files downloaded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The case files could not be downloaded: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Regional server: no AI pre-read. Your clinic subscribes to no AI product for this kind of examination (the regional AI platform&apos;s administrator can add one).</source>
        <translation>Regional server: no AI pre-read. Your clinic subscribes to no AI product for this kind of examination (the regional AI platform&apos;s administrator can add one).</translation>
    </message>
    <message>
        <source>Regional server: its AI pre-read failed on this case; read it without AI.</source>
        <translation>Regional server: its AI pre-read failed on this case; read it without AI.</translation>
    </message>
    <message>
        <source>Critical alert (%3) acknowledged by %1 at %2</source>
        <translation>Critical alert (%3) acknowledged by %1 at %2</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>another user</translation>
    </message>
    <message>
        <source>Consultation (%1, %2):</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Priority</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>Patient ID</translation>
    </message>
    <message>
        <source>Sex/Age</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Modality</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Study time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI pre-read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Description</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI output, not a diagnosis: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Patient to be assigned</source>
        <translation>Patient to be assigned</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Search patient name or ID…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All modalities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Any date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Today</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last year</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
