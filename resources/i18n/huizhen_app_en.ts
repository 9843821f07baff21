<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AiProducts</name>
    <message>
        <source>Huizhen (open source)</source>
        <translation>Huizhen (open source)</translation>
    </message>
    <message>
        <source>Huizhen ECG pre-read</source>
        <translation>Huizhen ECG pre-read</translation>
    </message>
    <message>
        <source>12-lead ECG: beats, intervals, rhythm and ST findings with an urgency grade, so that a specialist reads urgent ECGs first. Research and education only; not a medical device.</source>
        <translation>12-lead ECG: beats, intervals, rhythm and ST findings with an urgency grade, so that a specialist reads urgent ECGs first. Research and education only; not a medical device.</translation>
    </message>
    <message>
        <source>Huizhen chest CT nodules</source>
        <translation>Huizhen chest CT nodules</translation>
    </message>
    <message>
        <source>Chest CT: lung nodule candidates with size, type and Lung-RADS category for the radiologist to confirm. Research and education only; not a medical device.</source>
        <translation>Chest CT: lung nodule candidates with size, type and Lung-RADS category for the radiologist to confirm. Research and education only; not a medical device.</translation>
    </message>
    <message>
        <source>Huizhen chest X-ray image checks</source>
        <translation>Huizhen chest X-ray image checks</translation>
    </message>
    <message>
        <source>Chest X-ray: image quality checks only (view, inversion, exposure, rotation, lung fields found); no clinical finding. Research and education only; not a medical device.</source>
        <translation>Chest X-ray: image quality checks only (view, inversion, exposure, rotation, lung fields found); no clinical finding. Research and education only; not a medical device.</translation>
    </message>
    <message>
        <source>Huizhen fundus screening</source>
        <translation>Huizhen fundus screening</translation>
    </message>
    <message>
        <source>Fundus photographs: gradability, diabetic retinopathy grade, macular oedema, cup-to-disc ratio (glaucoma suspect) and referral suggestion per eye. Research and education only; not a medical device.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Huizhen nuclei detection</source>
        <translation>Huizhen nuclei detection</translation>
    </message>
    <message>
        <source>Whole-slide H&amp;E: nuclei detection and counts in a region the pathologist selects in the slide viewer. Research and education only; not a medical device.</source>
        <translation>Whole-slide H&amp;E: nuclei detection and counts in a region the pathologist selects in the slide viewer. Research and education only; not a medical device.</translation>
    </message>
</context>
<context>
    <name>ChestFindings</name>
    <message>
        <source>Lung nodule (see size, type and Lung-RADS)</source>
        <translation>Lung nodule (see size, type and Lung-RADS)</translation>
    </message>
    <message>
        <source>No lung nodule of 4 mm or more found</source>
        <translation>No lung nodule of 4 mm or more found</translation>
    </message>
    <message>
        <source>Not a chest study: no nodule analysis</source>
        <translation>Not a chest study: no nodule analysis</translation>
    </message>
    <message>
        <source>Graded against the prior chest CT (Lung-RADS follow-up rules)</source>
        <translation>Graded against the prior chest CT (Lung-RADS follow-up rules)</translation>
    </message>
    <message>
        <source>Graded again: the prior chest CT was imported after this study&apos;s pre-read (the earlier AI result is kept)</source>
        <translation>Graded again: the prior chest CT was imported after this study's pre-read (the earlier AI result is kept)</translation>
    </message>
    <message>
        <source>Image checks only; no finding model installed</source>
        <translation>Image checks only; no finding model installed</translation>
    </message>
    <message>
        <source>Lateral view: the checks below are for a frontal film</source>
        <translation>Lateral view: the checks below are for a frontal film</translation>
    </message>
    <message>
        <source>View not known (no ViewPosition, lung fields not found)</source>
        <translation>View not known (no ViewPosition, lung fields not found)</translation>
    </message>
    <message>
        <source>Exposure may be inadequate (clipped pixels or low contrast)</source>
        <translation>Exposure may be inadequate (clipped pixels or low contrast)</translation>
    </message>
    <message>
        <source>Possible rotation or tilt (the lung fields are not symmetric)</source>
        <translation>Possible rotation or tilt (the lung fields are not symmetric)</translation>
    </message>
    <message>
        <source>Lung fields not found: check that this is a chest film</source>
        <translation>Lung fields not found: check that this is a chest film</translation>
    </message>
    <message>
        <source>Image checks only: the finding model reads frontal films only</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Atelectasis (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cardiomegaly (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pleural effusion (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Infiltration (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mass (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nodule (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pneumonia (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pneumothorax (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Consolidation (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pulmonary oedema (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Emphysema (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fibrosis (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pleural thickening (AI)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hernia (AI)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgFindings</name>
    <message>
        <source>ST elevation %1 (%2): meets STEMI criteria</source>
        <translation>ST elevation %1 (%2): meets STEMI criteria</translation>
    </message>
    <message>
        <source>ST elevation without reciprocal ST depression (%2): early repolarisation or pericarditis pattern; compare with a prior ECG and review now</source>
        <translation>ST elevation without reciprocal ST depression (%2): early repolarisation or pericarditis pattern; compare with a prior ECG and review now</translation>
    </message>
    <message>
        <source>ST depression %1 (%2): possible ischaemia</source>
        <translation>ST depression %1 (%2): possible ischaemia</translation>
    </message>
    <message>
        <source>Borderline ST elevation %1 (%2): within the measurement&apos;s uncertainty of the STEMI cut-off, not graded; review and compare with a prior ECG</source>
        <translation>Borderline ST elevation %1 (%2): within the measurement&apos;s uncertainty of the STEMI cut-off, not graded; review and compare with a prior ECG</translation>
    </message>
    <message>
        <source>Borderline ST depression %1 (%2): within the measurement&apos;s uncertainty of the 0.5 mm criterion, not graded; review</source>
        <translation>Borderline ST depression %1 (%2): within the measurement&apos;s uncertainty of the 0.5 mm criterion, not graded; review</translation>
    </message>
    <message>
        <source>T inversion %1 (%2): possible ischaemia</source>
        <translation>T inversion %1 (%2): possible ischaemia</translation>
    </message>
    <message>
        <source>Atrial fibrillation</source>
        <translation>Atrial fibrillation</translation>
    </message>
    <message>
        <source>Ventricular rhythm</source>
        <translation>Ventricular rhythm</translation>
    </message>
    <message>
        <source>AV block</source>
        <translation>AV block</translation>
    </message>
    <message>
        <source>AV block with slow ventricular rate</source>
        <translation>AV block with slow ventricular rate</translation>
    </message>
    <message>
        <source>Right bundle branch block</source>
        <translation>Right bundle branch block</translation>
    </message>
    <message>
        <source>Left bundle branch block</source>
        <translation>Left bundle branch block</translation>
    </message>
    <message>
        <source>Wide QRS (non-specific intraventricular conduction delay)</source>
        <translation>Wide QRS (non-specific intraventricular conduction delay)</translation>
    </message>
    <message>
        <source>Paced rhythm (%1 pacing)</source>
        <translation>Paced rhythm (%1 pacing)</translation>
    </message>
    <message>
        <source>Ventricular pacer spikes with a narrow QRS (%3 ms): fusion, pseudofusion or no capture</source>
        <translation>Ventricular pacer spikes with a narrow QRS (%3 ms): fusion, pseudofusion or no capture</translation>
    </message>
    <message>
        <source>Prolonged PR (first-degree AV block)</source>
        <translation>Prolonged PR (first-degree AV block)</translation>
    </message>
    <message>
        <source>Long QTc</source>
        <translation>Long QTc</translation>
    </message>
    <message>
        <source>Ventricular premature complexes (%3)</source>
        <translation>Ventricular premature complexes (%3)</translation>
    </message>
    <message>
        <source>Frequent VPCs (%3 in record)</source>
        <translation>Frequent VPCs (%3 in record)</translation>
    </message>
    <message>
        <source>Marked tachycardia</source>
        <translation>Marked tachycardia</translation>
    </message>
    <message>
        <source>Marked bradycardia</source>
        <translation>Marked bradycardia</translation>
    </message>
    <message>
        <source>Tachycardia</source>
        <translation>Tachycardia</translation>
    </message>
    <message>
        <source>Bradycardia</source>
        <translation>Bradycardia</translation>
    </message>
    <message>
        <source>No reliable QRS complexes detected</source>
        <translation>No reliable QRS complexes detected</translation>
    </message>
    <message>
        <source>Not a 12-lead ECG: no automatic grade</source>
        <translation>Not a 12-lead ECG: no automatic grade</translation>
    </message>
    <message>
        <source>Not analysable: no automatic grade</source>
        <translation>Not analysable: no automatic grade</translation>
    </message>
    <message>
        <source>inferior</source>
        <translation>inferior</translation>
    </message>
    <message>
        <source>lateral</source>
        <translation>lateral</translation>
    </message>
    <message>
        <source>anterior/septal</source>
        <translation>anterior/septal</translation>
    </message>
    <message>
        <source>anterolateral (V4-V5)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>atrial</source>
        <translation>atrial</translation>
    </message>
    <message>
        <source>ventricular</source>
        <translation>ventricular</translation>
    </message>
</context>
<context>
    <name>FundusFindings</name>
    <message>
        <source>Ungradable image %1: retake or refer</source>
        <translation>Ungradable image %1: retake or refer</translation>
    </message>
    <message>
        <source>%1: no apparent diabetic retinopathy</source>
        <translation>%1: no apparent diabetic retinopathy</translation>
    </message>
    <message>
        <source>%1: mild NPDR (microaneurysms only)</source>
        <translation>%1: mild NPDR (microaneurysms only)</translation>
    </message>
    <message>
        <source>%1: moderate NPDR (referable)</source>
        <translation>%1: moderate NPDR (referable)</translation>
    </message>
    <message>
        <source>%1: severe NPDR (referable)</source>
        <translation>%1: severe NPDR (referable)</translation>
    </message>
    <message>
        <source>%1: proliferative DR (referable)</source>
        <translation>%1: proliferative DR (referable)</translation>
    </message>
    <message>
        <source>%1: diabetic macular oedema suspected</source>
        <translation>%1: diabetic macular oedema suspected</translation>
    </message>
    <message>
        <source>right eye (OD)</source>
        <translation>right eye (OD)</translation>
    </message>
    <message>
        <source>left eye (OS)</source>
        <translation>left eye (OS)</translation>
    </message>
</context>
</TS>
