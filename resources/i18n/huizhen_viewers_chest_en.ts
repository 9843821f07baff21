<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ChestTexts</name>
    <message>
        <source>solid</source>
        <translation>solid</translation>
    </message>
    <message>
        <source>part-solid</source>
        <translation>part-solid</translation>
    </message>
    <message>
        <source>ground glass</source>
        <translation>ground glass</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>to review</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>accepted</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>rejected</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>edited</translation>
    </message>
    <message>
        <source>annual screening LDCT in 12 months</source>
        <translation>annual screening LDCT in 12 months</translation>
    </message>
    <message>
        <source>LDCT in 6 months</source>
        <translation>LDCT in 6 months</translation>
    </message>
    <message>
        <source>LDCT in 3 months; PET/CT if solid part ≥ 8 mm</source>
        <translation>LDCT in 3 months; PET/CT if solid part ≥ 8 mm</translation>
    </message>
    <message>
        <source>diagnostic chest CT, PET/CT, tissue sampling; refer</source>
        <translation>diagnostic chest CT, PET/CT, tissue sampling; refer</translation>
    </message>
    <message>
        <source>View</source>
        <translation>View</translation>
    </message>
    <message>
        <source>Shown inverted (MONOCHROME1)</source>
        <translation>Shown inverted (MONOCHROME1)</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>Exposure</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>Rotation</translation>
    </message>
    <message>
        <source>Lung fields found</source>
        <translation>Lung fields found</translation>
    </message>
    <message>
        <source>Nodule %1: %2, %3 mm, Lung-RADS %4 (%5)</source>
        <translation>Nodule %1: %2, %3 mm, Lung-RADS %4 (%5)</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>Clinic</translation>
    </message>
    <message>
        <source>Regional hospital</source>
        <translation>Regional hospital</translation>
    </message>
    <message>
        <source>%1: %2 — %3, %4</source>
        <translation>%1: %2 — %3, %4</translation>
    </message>
</context>
<context>
    <name>CxrChecksPanel</name>
    <message>
        <source>Writing the heatmaps as DICOM SEG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The heatmaps could not be stored: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Heatmaps stored with the case as DICOM SEG; shown over the film (objects panel: show or hide).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Queued for the regional server.</source>
        <translation type="unfinished">Queued for the regional server.</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>no</source>
        <translation>no</translation>
    </message>
    <message>
        <source>frontal (%1)</source>
        <translation>frontal (%1)</translation>
    </message>
    <message>
        <source>lateral (%1)</source>
        <translation>lateral (%1)</translation>
    </message>
    <message>
        <source>frontal (from the image; no view in the header)</source>
        <translation>frontal (from the image; no view in the header)</translation>
    </message>
    <message>
        <source>lateral (from the image; no view in the header)</source>
        <translation>lateral (from the image; no view in the header)</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>not known</translation>
    </message>
    <message>
        <source>%1% of pixels clipped; 90% of pixels span %2% of the range</source>
        <translation>%1% of pixels clipped; 90% of pixels span %2% of the range</translation>
    </message>
    <message>
        <source>lung field areas differ by %1%, tilt %2°</source>
        <translation>lung field areas differ by %1%, tilt %2°</translation>
    </message>
    <message>
        <source>not checked (frontal films only)</source>
        <translation>not checked (frontal films only)</translation>
    </message>
    <message>
        <source>Chest X-ray image checks</source>
        <translation>Chest X-ray image checks</translation>
    </message>
    <message>
        <source>Image checks only; no finding model installed. %1, not for clinical use: the film must be read by a doctor.</source>
        <translation>Image checks only; no finding model installed. %1, not for clinical use: the film must be read by a doctor.</translation>
    </message>
    <message>
        <source>not for clinical use</source>
        <translation>not for clinical use</translation>
    </message>
    <message>
        <source>Finding models offered by the regional AI platform: %1</source>
        <translation>Finding models offered by the regional AI platform: %1</translation>
    </message>
    <message>
        <source>Show AI heatmaps (DICOM SEG)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Chest X-ray: AI findings and image checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI output of %1: the film must be read by a doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not for clinical use.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No finding above the model&apos;s threshold.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>AI findings</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CxrReviewList</name>
    <message>
        <source>urgent</source>
        <translation>urgent</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Start from the decisions of %1</source>
        <translation>Start from the decisions of %1</translation>
    </message>
    <message>
        <source>Accept or reject each AI finding; the report quotes only accepted ones.</source>
        <translation>Accept or reject each AI finding; the report quotes only accepted ones.</translation>
    </message>
    <message>
        <source>AI finding</source>
        <translation>AI finding</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Other site</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>Accept this finding and go on to the next (key A)</source>
        <translation>Accept this finding and go on to the next (key A)</translation>
    </message>
    <message>
        <source>Reject this finding and go on to the next (key R)</source>
        <translation>Reject this finding and go on to the next (key R)</translation>
    </message>
    <message>
        <source>Back to undecided (key U)</source>
        <translation>Back to undecided (key U)</translation>
    </message>
    <message>
        <source>Accept and reject the findings as they did; each stays yours to change</source>
        <translation>Accept and reject the findings as they did; each stays yours to change</translation>
    </message>
</context>
<context>
    <name>NodulePanel</name>
    <message>
        <source>Long %1 mm × short %2 mm, volume %3 mm³, mean %4 HU, confidence %5</source>
        <translation>Long %1 mm × short %2 mm, volume %3 mm³, mean %4 HU, confidence %5</translation>
    </message>
    <message>
        <source>Exam (accepted nodules): Lung-RADS %1 — %2</source>
        <translation>Exam (accepted nodules): Lung-RADS %1 — %2</translation>
    </message>
    <message>
        <source>%1 nodule(s) still to review.</source>
        <translation>%1 nodule(s) still to review.</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>Saving the decision…</translation>
    </message>
    <message>
        <source>Decision saved with the case.</source>
        <translation>Decision saved with the case.</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Not saved: %1</translation>
    </message>
    <message>
        <source>Writing SEG and SR of the accepted nodules…</source>
        <translation>Writing SEG and SR of the accepted nodules…</translation>
    </message>
    <message>
        <source>Writing SEG and SR of the accepted nodules… %1%</source>
        <translation>Writing SEG and SR of the accepted nodules… %1%</translation>
    </message>
    <message>
        <source>Stored with the case as SEG/SR (%1): accepted nodule(s) %2</source>
        <translation>Stored with the case as SEG/SR (%1): accepted nodule(s) %2</translation>
    </message>
    <message>
        <source>SEG and SR stored with the case.</source>
        <translation>SEG and SR stored with the case.</translation>
    </message>
    <message>
        <source>The AI result kept no nodule masks (an older result): the nodules were found again.</source>
        <translation>The AI result kept no nodule masks (an older result): the nodules were found again.</translation>
    </message>
    <message>
        <source>Queued for the regional server.</source>
        <translation>Queued for the regional server.</translation>
    </message>
    <message>
        <source>Start from the decisions of %1</source>
        <translation>Start from the decisions of %1</translation>
    </message>
    <message>
        <source>Accept, reject and edit the nodules as they did; each stays yours to change</source>
        <translation>Accept, reject and edit the nodules as they did; each stays yours to change</translation>
    </message>
    <message>
        <source>Not changed: the mean diameter must be 0-300 mm.</source>
        <translation>Not changed: the mean diameter must be 0-300 mm.</translation>
    </message>
    <message>
        <source>AI lung nodules</source>
        <translation>AI lung nodules</translation>
    </message>
    <message>
        <source>the AI</source>
        <translation>the AI</translation>
    </message>
    <message>
        <source>Found by %1 (not for clinical use). Accept, reject or edit each nodule; the report quotes only accepted ones.</source>
        <translation>Found by %1 (not for clinical use). Accept, reject or edit each nodule; the report quotes only accepted ones.</translation>
    </message>
    <message>
        <source>%1 (not for clinical use) found no lung nodule of 4 mm or more; review the images.</source>
        <translation>%1 (not for clinical use) found no lung nodule of 4 mm or more; review the images.</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>Other site</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Mean mm</source>
        <translation>Mean mm</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Decision</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Accept</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>Reject</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>Undecided</translation>
    </message>
    <message>
        <source>Accept this nodule and go on to the next (key A)</source>
        <translation>Accept this nodule and go on to the next (key A)</translation>
    </message>
    <message>
        <source>Reject this nodule and go on to the next (key R)</source>
        <translation>Reject this nodule and go on to the next (key R)</translation>
    </message>
    <message>
        <source>Correct the mean diameter or the type (key E)</source>
        <translation>Correct the mean diameter or the type (key E)</translation>
    </message>
    <message>
        <source>Back to undecided (key U)</source>
        <translation>Back to undecided (key U)</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>Mean</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Apply</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Store SEG/SR with the case</source>
        <translation>Store SEG/SR with the case</translation>
    </message>
    <message>
        <source>Accept the nodules of the stored SR</source>
        <translation>Accept the nodules of the stored SR</translation>
    </message>
    <message>
        <source>Start from the review stored with the case; the others stay to review</source>
        <translation>Start from the review stored with the case; the others stay to review</translation>
    </message>
    <message>
        <source>The accepted nodules as DICOM SEG and SR objects of this study</source>
        <translation>The accepted nodules as DICOM SEG and SR objects of this study</translation>
    </message>
    <message>
        <source>Lung-RADS v2022 at follow-up: a new nodule, growth of the mean diameter by more than 1.5 mm within 12 months, a size threshold crossed, or stable (a category 3 stable becomes 2, a 4A stable becomes 3).</source>
        <translation>Lung-RADS v2022 at follow-up: a new nodule, growth of the mean diameter by more than 1.5 mm within 12 months, a size threshold crossed, or stable (a category 3 stable becomes 2, a 4A stable becomes 3).</translation>
    </message>
    <message>
        <source>new</source>
        <translation>new</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>stable</translation>
    </message>
    <message>
        <source>Not on the prior CT: graded as a new nodule.</source>
        <translation>Not on the prior CT: graded as a new nodule.</translation>
    </message>
    <message>
        <source>Prior CT: %1 mm; now %2 mm (%3).</source>
        <translation>Prior CT: %1 mm; now %2 mm (%3).</translation>
    </message>
    <message>
        <source>Lung-RADS at follow-up %1 (baseline table: %2)</source>
        <translation>Lung-RADS at follow-up %1 (baseline table: %2)</translation>
    </message>
    <message>
        <source>Compared with the chest CT of %1 (%2 days earlier): follow-up rules.</source>
        <translation>Compared with the chest CT of %1 (%2 days earlier): follow-up rules.</translation>
    </message>
    <message>
        <source>%1 nodule(s) of the prior CT not found now.</source>
        <translation>%1 nodule(s) of the prior CT not found now.</translation>
    </message>
    <message>
        <source>Graded again when this prior arrived after the pre-read; the earlier AI result is kept.</source>
        <translation>Graded again when this prior arrived after the pre-read; the earlier AI result is kept.</translation>
    </message>
    <message>
        <source>The prior chest CT of %1 was imported after this study&apos;s pre-read: the AI graded this CT again against it (Lung-RADS follow-up rules).</source>
        <translation>The prior chest CT of %1 was imported after this study&apos;s pre-read: the AI graded this CT again against it (Lung-RADS follow-up rules).</translation>
    </message>
    <message>
        <source>Show the new grading</source>
        <translation>Show the new grading</translation>
    </message>
</context>
</TS>
