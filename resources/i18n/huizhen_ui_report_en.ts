<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ConsultView</name>
    <message>
        <source>requested, waiting for a specialist</source>
        <translation>requested, waiting for a specialist</translation>
    </message>
    <message>
        <source>accepted by the specialist</source>
        <translation>accepted by the specialist</translation>
    </message>
    <message>
        <source>being reported</source>
        <translation>being reported</translation>
    </message>
    <message>
        <source>report signed</source>
        <translation>report signed</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>cancelled</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not accepted: %1</source>
        <translation>Not accepted: %1</translation>
    </message>
    <message>
        <source>Consultation request (%1)</source>
        <translation>Consultation request (%1)</translation>
    </message>
    <message>
        <source>Consultation request from the clinic</source>
        <translation>Consultation request from the clinic</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>waiting to be sent to the server</source>
        <translation>waiting to be sent to the server</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>Question: %1</translation>
    </message>
    <message>
        <source>Confirmed draft of the requesting doctor</source>
        <translation>Confirmed draft of the requesting doctor</translation>
    </message>
    <message>
        <source>Accept consultation</source>
        <translation>Accept consultation</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>AI-suggested (%1): check and change as needed</source>
        <translation>AI-suggested (%1): check and change as needed</translation>
    </message>
    <message>
        <source>model not named</source>
        <translation>model not named</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>a patient</source>
        <translation>a patient</translation>
    </message>
    <message>
        <source>New consultation request</source>
        <translation>New consultation request</translation>
    </message>
    <message>
        <source>A clinic asks for your opinion on %1.</source>
        <translation>A clinic asks for your opinion on %1.</translation>
    </message>
    <message>
        <source>Report signed</source>
        <translation>Report signed</translation>
    </message>
    <message>
        <source>The specialist&apos;s signed report for %1 has arrived.</source>
        <translation>The specialist&apos;s signed report for %1 has arrived.</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Sign this report as %1? Signing locks it; a later change needs an amendment.</source>
        <translation>Sign this report as %1? Signing locks it; a later change needs an amendment.</translation>
    </message>
    <message>
        <source>The report PDF could not be stored with the case: %1</source>
        <translation>The report PDF could not be stored with the case: %1</translation>
    </message>
    <message>
        <source>Report PDF stored with the case.</source>
        <translation>Report PDF stored with the case.</translation>
    </message>
    <message>
        <source>Queued for the regional server.</source>
        <translation>Queued for the regional server.</translation>
    </message>
    <message>
        <source>Writing PDF…</source>
        <translation>Writing PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>The PDF could not be written: %1</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF saved: %1</translation>
    </message>
    <message>
        <source>Accept the consultation to start the report.</source>
        <translation>Accept the consultation to start the report.</translation>
    </message>
    <message>
        <source>No report yet for this case.</source>
        <translation>No report yet for this case.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC (version %3) — read-only; amend to change</source>
        <translation>Signed by %1 on %2 UTC (version %3) — read-only; amend to change</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC (version %3) — read-only</source>
        <translation>Signed by %1 on %2 UTC (version %3) — read-only</translation>
    </message>
    <message>
        <source>Confirmed by the doctor — ready to sign</source>
        <translation>Confirmed by the doctor — ready to sign</translation>
    </message>
    <message>
        <source>Draft (version %1) — autosaved</source>
        <translation>Draft (version %1) — autosaved</translation>
    </message>
    <message>
        <source>Text marked AI was suggested by %1 and is not for clinical use; the doctor checks every field before confirming.</source>
        <translation>Text marked AI was suggested by %1 and is not for clinical use; the doctor checks every field before confirming.</translation>
    </message>
    <message>
        <source>Text marked AI was suggested by %1 and is not for clinical use; the doctor checks every field and ticks each AI finding confirmed (unticks the rejected ones) before confirming.</source>
        <translation>Text marked AI was suggested by %1 and is not for clinical use; the doctor checks every field and ticks each AI finding confirmed (unticks the rejected ones) before confirming.</translation>
    </message>
    <message>
        <source>the AI</source>
        <translation>the AI</translation>
    </message>
    <message>
        <source>Start report (draft from the AI pre-read)</source>
        <translation>Start report (draft from the AI pre-read)</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>Confirm</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>Sign…</translation>
    </message>
    <message>
        <source>Sign now</source>
        <translation>Sign now</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>Amend</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Saved in your Documents folder</source>
        <translation>Saved in your Documents folder</translation>
    </message>
    <message>
        <source>Anonymised PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For teaching or sharing: no name, ID, birth date or study date in the PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI findings to confirm</source>
        <translation>AI findings to confirm</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>DEMO: fictional patient, not a real case</source>
        <translation>DEMO: fictional patient, not a real case</translation>
    </message>
    <message>
        <source>Patient: %1 · ID %2 · sex %3 · born %4 · study %5 · %6</source>
        <translation>Patient: %1 · ID %2 · sex %3 · born %4 · study %5 · %6</translation>
    </message>
    <message>
        <source>AI: %1</source>
        <translation>AI: %1</translation>
    </message>
    <message>
        <source>model not named</source>
        <translation>model not named</translation>
    </message>
    <message>
        <source>AI pre-read by %1: not for clinical use. This report was reviewed, confirmed and signed by a doctor.</source>
        <translation>AI pre-read by %1: not for clinical use. This report was reviewed, confirmed and signed by a doctor.</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC · report version %3</source>
        <translation>Signed by %1 on %2 UTC · report version %3</translation>
    </message>
</context>
<context>
    <name>ReportTexts</name>
    <message>
        <source>Interpretation</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>Findings</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>Impression</translation>
    </message>
    <message>
        <source>Right eye (OD) findings</source>
        <translation>Right eye (OD) findings</translation>
    </message>
    <message>
        <source>Right eye (OD) grade</source>
        <translation>Right eye (OD) grade</translation>
    </message>
    <message>
        <source>Left eye (OS) findings</source>
        <translation>Left eye (OS) findings</translation>
    </message>
    <message>
        <source>Left eye (OS) grade</source>
        <translation>Left eye (OS) grade</translation>
    </message>
    <message>
        <source>Referral advice</source>
        <translation>Referral advice</translation>
    </message>
    <message>
        <source>AI counts (AI output, not a diagnosis)</source>
        <translation>AI counts (AI output, not a diagnosis)</translation>
    </message>
    <message>
        <source>Microscopic description</source>
        <translation>Microscopic description</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>Diagnosis</translation>
    </message>
    <message>
        <source>Lung nodules (AI, reviewed by the doctor)</source>
        <translation>Lung nodules (AI, reviewed by the doctor)</translation>
    </message>
    <message>
        <source>Lung-RADS category and advice</source>
        <translation>Lung-RADS category and advice</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Conclusion</translation>
    </message>
    <message>
        <source>Findings in this eye</source>
        <translation>Findings in this eye</translation>
    </message>
    <message>
        <source>Grade (ICDR)</source>
        <translation>Grade (ICDR)</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>Not graded</translation>
    </message>
    <message>
        <source>ICDR 0: no apparent retinopathy</source>
        <translation>ICDR 0: no apparent retinopathy</translation>
    </message>
    <message>
        <source>ICDR 1: mild NPDR</source>
        <translation>ICDR 1: mild NPDR</translation>
    </message>
    <message>
        <source>ICDR 2: moderate NPDR (referable)</source>
        <translation>ICDR 2: moderate NPDR (referable)</translation>
    </message>
    <message>
        <source>ICDR 3: severe NPDR (referable)</source>
        <translation>ICDR 3: severe NPDR (referable)</translation>
    </message>
    <message>
        <source>ICDR 4: proliferative DR (referable)</source>
        <translation>ICDR 4: proliferative DR (referable)</translation>
    </message>
    <message>
        <source>Ungradable image (refer)</source>
        <translation>Ungradable image (refer)</translation>
    </message>
    <message>
        <source>12-lead ECG report</source>
        <translation>12-lead ECG report</translation>
    </message>
    <message>
        <source>Imaging report (X-ray, CT, ultrasound)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fundus photography report</source>
        <translation>Fundus photography report</translation>
    </message>
    <message>
        <source>Pathology report</source>
        <translation>Pathology report</translation>
    </message>
    <message>
        <source>Chest CT report (lung nodules)</source>
        <translation>Chest CT report (lung nodules)</translation>
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
        <source>Confirm or reject each AI finding first (%1 left).</source>
        <translation>Confirm or reject each AI finding first (%1 left).</translation>
    </message>
    <message>
        <source>Write these fields before confirming: %1</source>
        <translation>Write these fields before confirming: %1</translation>
    </message>
    <message>
        <source>The report is empty.</source>
        <translation>The report is empty.</translation>
    </message>
    <message>
        <source>An administrator account cannot sign clinical reports.</source>
        <translation>An administrator account cannot sign clinical reports.</translation>
    </message>
    <message>
        <source>Confirm the report before signing it.</source>
        <translation>Confirm the report before signing it.</translation>
    </message>
    <message>
        <source>The report is signed; amend it to change it.</source>
        <translation>The report is signed; amend it to change it.</translation>
    </message>
    <message>
        <source>Signing needs a signed-in user.</source>
        <translation>Signing needs a signed-in user.</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>Not done: %1</translation>
    </message>
</context>
</TS>
