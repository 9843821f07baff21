<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>CategoryTable</name>
    <message>
        <source>Screening category</source>
        <translation>Screening category</translation>
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
        <source>no photo</source>
        <translation>no photo</translation>
    </message>
    <message>
        <source>Classical estimate from the pallor of the disc, not a traced cup contour; 0.6 or more is a glaucoma suspect</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EyeConfirm</name>
    <message>
        <source>Confirm eye</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The grade shown goes into the report as the doctor&apos;s</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EyeResult</name>
    <message>
        <source>Right eye (OD)</source>
        <translation>Right eye (OD)</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>Left eye (OS)</translation>
    </message>
    <message>
        <source>prior visit %1</source>
        <translation>prior visit %1</translation>
    </message>
    <message>
        <source>prior visit</source>
        <translation>prior visit</translation>
    </message>
    <message>
        <source>No photo or no AI result for this eye at the prior visit</source>
        <translation>No photo or no AI result for this eye at the prior visit</translation>
    </message>
    <message>
        <source>No photo or no AI result for this eye</source>
        <translation>No photo or no AI result for this eye</translation>
    </message>
    <message>
        <source>AI %1 · not for clinical use</source>
        <translation>AI %1 · not for clinical use</translation>
    </message>
    <message>
        <source>Ungradable: retake the photo or refer</source>
        <translation>Ungradable: retake the photo or refer</translation>
    </message>
    <message>
        <source>DME suspected</source>
        <translation>DME suspected</translation>
    </message>
    <message>
        <source>No DME sign</source>
        <translation>No DME sign</translation>
    </message>
    <message>
        <source>Referable</source>
        <translation>Referable</translation>
    </message>
    <message>
        <source>Not referable</source>
        <translation>Not referable</translation>
    </message>
    <message>
        <source>Doctor&apos;s review: %1 confirmed, %2 rejected, %3 open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ungradable</source>
        <translation type="unfinished">ungradable</translation>
    </message>
    <message>
        <source>Fields: %1 (the worse decides)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Image quality %1</source>
        <translation>Image quality %1</translation>
    </message>
    <message>
        <source>No mm scale: camera field angle unknown (sizes in disc diameters)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Scale %1 mm/px</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1° field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disc %1 mm</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EyeView</name>
    <message>
        <source>Confirm lesion</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reject lesion (not a lesion)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundusReview</name>
    <message>
        <source>Ungradable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundusTexts</name>
    <message>
        <source>Referable diabetic retinopathy</source>
        <translation>Referable diabetic retinopathy</translation>
    </message>
    <message>
        <source>Diabetic macular oedema</source>
        <translation>Diabetic macular oedema</translation>
    </message>
    <message>
        <source>Glaucoma suspect (cup-to-disc ratio)</source>
        <translation>Glaucoma suspect (cup-to-disc ratio)</translation>
    </message>
    <message>
        <source>AMD / drusen</source>
        <translation>AMD / drusen</translation>
    </message>
    <message>
        <source>Retinal vein occlusion</source>
        <translation>Retinal vein occlusion</translation>
    </message>
    <message>
        <source>Pathological myopia</source>
        <translation>Pathological myopia</translation>
    </message>
    <message>
        <source>Hypertensive retinopathy</source>
        <translation>Hypertensive retinopathy</translation>
    </message>
    <message>
        <source>Epiretinal membrane</source>
        <translation>Epiretinal membrane</translation>
    </message>
    <message>
        <source>Macular hole</source>
        <translation>Macular hole</translation>
    </message>
    <message>
        <source>Retinal detachment</source>
        <translation>Retinal detachment</translation>
    </message>
    <message>
        <source>Optic disc abnormality</source>
        <translation>Optic disc abnormality</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Microaneurysms</source>
        <translation>Microaneurysms</translation>
    </message>
    <message>
        <source>Haemorrhages</source>
        <translation>Haemorrhages</translation>
    </message>
    <message>
        <source>Hard exudates</source>
        <translation>Hard exudates</translation>
    </message>
    <message>
        <source>Cotton-wool spots</source>
        <translation>Cotton-wool spots</translation>
    </message>
    <message>
        <source>Drusen</source>
        <translation>Drusen</translation>
    </message>
    <message>
        <source>Disc and fovea</source>
        <translation>Disc and fovea</translation>
    </message>
    <message>
        <source>drusen candidates (%1)</source>
        <translation>drusen candidates (%1)</translation>
    </message>
    <message>
        <source>not suspected (model p=%1)</source>
        <translation>not suspected (model p=%1)</translation>
    </message>
    <message>
        <source>suspected (model p=%1)</source>
        <translation>suspected (model p=%1)</translation>
    </message>
    <message>
        <source>not suspected (cup-to-disc %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>suspected (cup-to-disc %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>not supported (needs a model)</source>
        <translation>not supported (needs a model)</translation>
    </message>
    <message>
        <source>referable</source>
        <translation>referable</translation>
    </message>
    <message>
        <source>not referable</source>
        <translation>not referable</translation>
    </message>
    <message>
        <source>suspected</source>
        <translation>suspected</translation>
    </message>
    <message>
        <source>not suspected</source>
        <translation>not suspected</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>not assessed</translation>
    </message>
    <message>
        <source>ungradable</source>
        <translation>ungradable</translation>
    </message>
    <message>
        <source>no drusen seen</source>
        <translation>no drusen seen</translation>
    </message>
    <message>
        <source>cannot be measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>insufficient field of view</source>
        <translation>insufficient field of view</translation>
    </message>
    <message>
        <source>too dark (under-exposed)</source>
        <translation>too dark (under-exposed)</translation>
    </message>
    <message>
        <source>too bright (over-exposed or flare)</source>
        <translation>too bright (over-exposed or flare)</translation>
    </message>
    <message>
        <source>uneven illumination (eyelid, eyelash, small pupil)</source>
        <translation>uneven illumination (eyelid, eyelash, small pupil)</translation>
    </message>
    <message>
        <source>poor focus (blurred)</source>
        <translation>poor focus (blurred)</translation>
    </message>
    <message>
        <source>vessels not visible around the macula</source>
        <translation>vessels not visible around the macula</translation>
    </message>
    <message>
        <source>artefact (reflection or dust)</source>
        <translation>artefact (reflection or dust)</translation>
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
        <source>ICDR 2: moderate NPDR</source>
        <translation>ICDR 2: moderate NPDR</translation>
    </message>
    <message>
        <source>ICDR 3: severe NPDR</source>
        <translation>ICDR 3: severe NPDR</translation>
    </message>
    <message>
        <source>ICDR 4: proliferative DR</source>
        <translation>ICDR 4: proliferative DR</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>not graded</translation>
    </message>
    <message>
        <source>Refer to ophthalmology urgently (within 2 weeks)</source>
        <translation>Refer to ophthalmology urgently (within 2 weeks)</translation>
    </message>
    <message>
        <source>Refer to ophthalmology (within 1-3 months)</source>
        <translation>Refer to ophthalmology (within 1-3 months)</translation>
    </message>
    <message>
        <source>Retake the photo; refer if it stays ungradable</source>
        <translation>Retake the photo; refer if it stays ungradable</translation>
    </message>
    <message>
        <source>Glaucoma suspect: refer for a glaucoma assessment (within 3 months)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rescreen in 6 months</source>
        <translation>Rescreen in 6 months</translation>
    </message>
    <message>
        <source>Rescreen in 12 months</source>
        <translation>Rescreen in 12 months</translation>
    </message>
    <message>
        <source>optic disc not found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disc outline not measured</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disc too small in the photo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disc at the edge of the field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no pale cup visible</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>cup not separable from the rim</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cup-to-disc: not measured (%1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Vertical cup-to-disc %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>glaucoma suspect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>disc-centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>macula-centred</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>other field</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FundusViewer</name>
    <message>
        <source>Colour</source>
        <translation>Colour</translation>
    </message>
    <message>
        <source>Red-free (green channel)</source>
        <translation>Red-free (green channel)</translation>
    </message>
    <message>
        <source>CLAHE contrast</source>
        <translation>CLAHE contrast</translation>
    </message>
    <message>
        <source>Red-free + CLAHE</source>
        <translation>Red-free + CLAHE</translation>
    </message>
    <message>
        <source> Gamma </source>
        <translation> Gamma </translation>
    </message>
    <message>
        <source> Brightness </source>
        <translation> Brightness </translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>Fit</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Measure (disc diameters)</source>
        <translation>Measure (disc diameters)</translation>
    </message>
    <message>
        <source>Prior visit</source>
        <translation>Prior visit</translation>
    </message>
    <message>
        <source>Disc-centred field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show each eye&apos;s disc-centred photo (the macula-centred one is shown first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Patient printout (PDF)</source>
        <translation>Patient printout (PDF)</translation>
    </message>
    <message>
        <source>Plain-language result for the patient, after signing</source>
        <translation>Plain-language result for the patient, after signing</translation>
    </message>
    <message>
        <source>Cannot open the photos: %1</source>
        <translation>Cannot open the photos: %1</translation>
    </message>
    <message>
        <source>Visit: REFER</source>
        <translation>Visit: REFER</translation>
    </message>
    <message>
        <source>Visit: no referral</source>
        <translation>Visit: no referral</translation>
    </message>
    <message>
        <source>worse eye: %1</source>
        <translation>worse eye: %1</translation>
    </message>
    <message>
        <source>Prior visit shown for comparison.</source>
        <translation>Prior visit shown for comparison.</translation>
    </message>
    <message>
        <source>Switch off &apos;Prior visit&apos; to review, confirm and report this visit.</source>
        <translation>Switch off 'Prior visit' to review, confirm and report this visit.</translation>
    </message>
    <message>
        <source>Recorded: the eye&apos;s grade goes into the report when it is started</source>
        <translation type="unfinished"></translation>
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
        <source>Ungradable: retake the photo or refer</source>
        <translation>Ungradable: retake the photo or refer</translation>
    </message>
    <message>
        <source>DME suspected</source>
        <translation>DME suspected</translation>
    </message>
    <message>
        <source> (prior visit)</source>
        <translation> (prior visit)</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI: %1</source>
        <translation>AI: %1</translation>
    </message>
    <message>
        <source>no AI result</source>
        <translation>no AI result</translation>
    </message>
    <message>
        <source>The photo of this eye could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo of this eye at the previous visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No photo of this eye in this visit.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign the report first: the printout shows what the doctor confirmed</source>
        <translation>Sign the report first: the printout shows what the doctor confirmed</translation>
    </message>
</context>
<context>
    <name>ReviewSaver</name>
    <message>
        <source>The decision could not be saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
