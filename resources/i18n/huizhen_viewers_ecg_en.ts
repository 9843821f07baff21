<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ComparePanel</name>
    <message>
        <source>Looking for a prior ECG of this patient…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The prior ECG could not be read: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ST now (mV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ST prior (mV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No prior ECG of this patient in the store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No comparison: the AI pre-read failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The comparison appears after the AI pre-read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Black: this ECG · blue: prior of %1 · ST changes ≥ 0.1 mV highlighted</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgAiActions</name>
    <message>
        <source>AI pre-read failed: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI %1 %2 (not for clinical use)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(decided at %1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgAnalysedWindow</name>
    <message>
        <source>AI analysed %1–%2 s of %3 s</source>
        <translation>AI analysed %1–%2 s of %3 s</translation>
    </message>
    <message>
        <source>Page from</source>
        <translation>Page from</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>of %1 s</source>
        <translation>of %1 s</translation>
    </message>
    <message>
        <source>Analysed 10 s</source>
        <translation>Analysed 10 s</translation>
    </message>
    <message>
        <source>Show the 10 s the AI analysed and measured</source>
        <translation>Show the 10 s the AI analysed and measured</translation>
    </message>
</context>
<context>
    <name>EcgAnalysisNotes</name>
    <message>
        <source>Analysis notes:</source>
        <translation>Analysis notes:</translation>
    </message>
    <message>
        <source>AI analysis notes: %1</source>
        <translation>AI analysis notes: %1</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two notes</comment>
        <translation>; </translation>
    </message>
</context>
<context>
    <name>EcgCalipers</name>
    <message>
        <source>%1 ms · %2 bpm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mV</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>EcgLeftOut</name>
    <message>
        <source>Not analysed (not ECG leads, %1 channels):</source>
        <translation>Not analysed (not ECG leads, %1 channels):</translation>
    </message>
</context>
<context>
    <name>EcgMissing</name>
    <message>
        <source>fewer than 2 beats</source>
        <translation>fewer than 2 beats</translation>
    </message>
    <message>
        <source>Fewer than 2 beats were found: no interval.</source>
        <translation>Fewer than 2 beats were found: no interval.</translation>
    </message>
    <message>
        <source>no P wave found</source>
        <translation>no P wave found</translation>
    </message>
    <message>
        <source>No P wave found (e.g. atrial fibrillation, or P waves not visible).</source>
        <translation>No P wave found (e.g. atrial fibrillation, or P waves not visible).</translation>
    </message>
    <message>
        <source>T wave not clear of the noise</source>
        <translation>T wave not clear of the noise</translation>
    </message>
    <message>
        <source>T wave end not found</source>
        <translation>T wave end not found</translation>
    </message>
    <message>
        <source>The end of the T wave was not found in the median beat.</source>
        <translation>The end of the T wave was not found in the median beat.</translation>
    </message>
    <message>
        <source>not measurable</source>
        <translation>not measurable</translation>
    </message>
    <message>
        <source>Not measurable in this record.</source>
        <translation>Not measurable in this record.</translation>
    </message>
</context>
<context>
    <name>EcgPdfReport</name>
    <message>
        <source>HR %1 bpm · PR %2 ms · QRS %3 ms · QT %4 ms · QTc %5 ms (Bazett) / %6 ms (Fridericia) · axes P/QRS/T %7/%8/%9°</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> · printed: %1–%2 s of %3 s, the part the AI analysed</source>
        <translation> · printed: %1–%2 s of %3 s, the part the AI analysed</translation>
    </message>
    <message>
        <source>ECG report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>12-lead ECG report</source>
        <translation>12-lead ECG report</translation>
    </message>
    <message>
        <source>ECG report (1 lead: %1)</source>
        <translation>ECG report (1 lead: %1)</translation>
    </message>
    <message>
        <source>ECG report (%1 leads: %2)</source>
        <translation>ECG report (%1 leads: %2)</translation>
    </message>
    <message>
        <source>DEMO: fictional patient, not a real case</source>
        <translation>DEMO: fictional patient, not a real case</translation>
    </message>
    <message>
        <source>Patient: %1 · ID %2 · sex %3 · born %4 · recorded %5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>Interpretation</translation>
    </message>
    <message>
        <source>AI pre-read by %1 %2 with %3: not for clinical use. The text above was reviewed, confirmed and signed by a doctor.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC · report version %3</source>
        <translation>Signed by %1 on %2 UTC · report version %3</translation>
    </message>
</context>
<context>
    <name>EcgViewer</name>
    <message>
        <source>Loading ECG…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This case has no ECG file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Layout</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Speed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gain</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calipers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Low-pass</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Standard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cabrera</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>AI overlays</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run AI again</source>
        <translation>Run AI again</translation>
    </message>
    <message>
        <source>Shows the stored AI result; this runs the model on the record again</source>
        <translation>Shows the stored AI result; this runs the model on the record again</translation>
    </message>
    <message>
        <source>Off</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Time (ms, bpm)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Amplitude (mV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Baseline wander removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median beats</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: not stated in the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filter: %1–%2 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>, notch %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>baseline removal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>low-pass %1 Hz</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>display: unfiltered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>non-diagnostic: the low-pass distorts QRS and ST segments</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(non-diagnostic: ST segments may be distorted)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurements &amp;&amp; report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>remote AI unavailable (%1 at %2), ran locally</source>
        <translation>remote AI unavailable (%1 at %2), ran locally</translation>
    </message>
    <message>
        <source>remote AI unavailable, not run</source>
        <translation>remote AI unavailable, not run</translation>
    </message>
    <message>
        <source>ran remotely: %1 at %2</source>
        <translation>ran remotely: %1 at %2</translation>
    </message>
    <message>
        <source>(served as %1)</source>
        <translation>(served as %1)</translation>
    </message>
    <message>
        <source>ran on this workstation</source>
        <translation>ran on this workstation</translation>
    </message>
    <message>
        <source>AI: %1 %2, %3 · %4 — not for clinical use</source>
        <translation>AI: %1 %2, %3 · %4 — not for clinical use</translation>
    </message>
    <message>
        <source>AI: %1 %2, %3 — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The ECG could not be shown: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 leads, %2 Hz, %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 pacer spikes listed by the device</source>
        <translation>%1 pacer spikes listed by the device</translation>
    </message>
</context>
<context>
    <name>EcgWarnings</name>
    <message>
        <source>%3 derived from %1 and %2</source>
        <translation>%3 derived from %1 and %2</translation>
    </message>
    <message>
        <source>some samples are missing (gaps shown as 0)</source>
        <translation>some samples are missing (gaps shown as 0)</translation>
    </message>
    <message>
        <source>calibration pulse at the end left out (%1 ms)</source>
        <translation>calibration pulse at the end left out (%1 ms)</translation>
    </message>
    <message>
        <source>the record is %1 h long; only the first %2 min are read</source>
        <translation>the record is %1 h long; only the first %2 min are read</translation>
    </message>
    <message>
        <source>resampled to %1 Hz: %2</source>
        <translation>resampled to %1 Hz: %2</translation>
    </message>
    <message>
        <source>signal file is truncated: %1 of %2 samples</source>
        <translation>signal file is truncated: %1 of %2 samples</translation>
    </message>
    <message>
        <source>waveform data is truncated: %1 of %2 samples</source>
        <translation>waveform data is truncated: %1 of %2 samples</translation>
    </message>
    <message>
        <source>lead %1 is truncated: %2 of %3 samples</source>
        <translation>lead %1 is truncated: %2 of %3 samples</translation>
    </message>
    <message>
        <source>lead %1 holds %2 of %3 samples</source>
        <translation>lead %1 holds %2 of %3 samples</translation>
    </message>
    <message>
        <source>lead %1 has no samples</source>
        <translation>lead %1 has no samples</translation>
    </message>
    <message>
        <source>leads have different lengths; cut to %1 samples</source>
        <translation>leads have different lengths; cut to %1 samples</translation>
    </message>
    <message>
        <source>missing leads: %1</source>
        <translation>missing leads: %1</translation>
    </message>
    <message>
        <source>only median beats are stored; no rhythm data</source>
        <translation>only median beats are stored; no rhythm data</translation>
    </message>
    <message>
        <source>the leads were not all recorded at the same time (0 where a lead has no data)</source>
        <translation>the leads were not all recorded at the same time (0 where a lead has no data)</translation>
    </message>
    <message>
        <source>the file&apos;s checksum does not match: it may be damaged</source>
        <translation>the file&apos;s checksum does not match: it may be damaged</translation>
    </message>
    <message>
        <source>amplitudes of %1 mV are implausible; the units are probably wrong (µV?)</source>
        <translation>amplitudes of %1 mV are implausible; the units are probably wrong (µV?)</translation>
    </message>
    <message>
        <source>amplitudes of %1 µV are very low; wrong units or leads off?</source>
        <translation>amplitudes of %1 µV are very low; wrong units or leads off?</translation>
    </message>
    <message>
        <source>unknown amplitude unit &apos;%1&apos;; %2 assumed from the signal size</source>
        <translation>unknown amplitude unit &apos;%1&apos;; %2 assumed from the signal size</translation>
    </message>
    <message>
        <source>%1 pacer spike positions are not sample positions of the record</source>
        <translation>%1 pacer spike positions are not sample positions of the record</translation>
    </message>
    <message>
        <source>channels that are not ECG leads left out: %1</source>
        <translation>channels that are not ECG leads left out: %1</translation>
    </message>
    <message>
        <source>not an ECG signal (by its name)</source>
        <translation>not an ECG signal (by its name)</translation>
    </message>
    <message>
        <source>unit %1 is not a voltage</source>
        <translation>unit %1 is not a voltage</translation>
    </message>
    <message>
        <source>no voltage unit and no zero baseline (not an ECG)</source>
        <translation>no voltage unit and no zero baseline (not an ECG)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>pre-read on the last %1 s of a %2 min recording</source>
        <translation>pre-read on the last %1 s of a %2 min recording</translation>
    </message>
    <message>
        <source>analysed the whole record (%1 s)</source>
        <translation>analysed the whole record (%1 s)</translation>
    </message>
    <message>
        <source>analysed %1–%2 s of %3 s (the cleanest 10 s: least noise, baseline wander and saturation)</source>
        <translation>analysed %1–%2 s of %3 s (the cleanest 10 s: least noise, baseline wander and saturation)</translation>
    </message>
    <message>
        <source>the record is only %1 s; measurements are less reliable</source>
        <translation>the record is only %1 s; measurements are less reliable</translation>
    </message>
    <message>
        <source>leads not available (not analysed): %1</source>
        <translation>leads not available (not analysed): %1</translation>
    </message>
    <message>
        <source>flat or disconnected leads (not analysed): %1</source>
        <translation>flat or disconnected leads (not analysed): %1</translation>
    </message>
    <message>
        <source>only %1 beats found; measurements unreliable</source>
        <translation>only %1 beats found; measurements unreliable</translation>
    </message>
    <message>
        <source>the model suggested a paced rhythm, but no pacer spikes were found: not reported</source>
        <translation>the model suggested a paced rhythm, but no pacer spikes were found: not reported</translation>
    </message>
    <message>
        <source>the model suggested a paced rhythm, but the sampling is too slow to see spikes: not reported</source>
        <translation>the model suggested a paced rhythm, but the sampling is too slow to see spikes: not reported</translation>
    </message>
    <message>
        <source>the model suggested bundle branch block, but QRS is %1 ms (&lt; 120 ms): not reported</source>
        <translation>the model suggested bundle branch block, but QRS is %1 ms (&lt; 120 ms): not reported</translation>
    </message>
    <message>
        <source>the model suggested bundle branch block, but QRS is not measured: not reported</source>
        <translation>the model suggested bundle branch block, but QRS is not measured: not reported</translation>
    </message>
    <message>
        <source>QT measured on the leads with a clear T wave: %1 (T wave not clear of the noise in %2)</source>
        <translation>QT measured on the leads with a clear T wave: %1 (T wave not clear of the noise in %2)</translation>
    </message>
    <message>
        <source>QT not measurable: no lead&apos;s T wave stands clear of the noise (no QT grade)</source>
        <translation>QT not measurable: no lead&apos;s T wave stands clear of the noise (no QT grade)</translation>
    </message>
    <message>
        <source>not analysable: no waveform in the record</source>
        <translation>not analysable: no waveform in the record</translation>
    </message>
    <message>
        <source>not analysable: the waveform holds no valid samples</source>
        <translation>not analysable: the waveform holds no valid samples</translation>
    </message>
    <message>
        <source>not analysable: the record is only %1 ms long; automatic analysis needs at least %2 s</source>
        <translation>not analysable: the record is only %1 ms long; automatic analysis needs at least %2 s</translation>
    </message>
    <message>
        <source>not a 12-lead ECG: %1 channel(s) (%2); recognised leads: %3; missing %4</source>
        <translation>not a 12-lead ECG: %1 channel(s) (%2); recognised leads: %3; missing %4</translation>
    </message>
    <message>
        <source>not a 12-lead ECG: %1 channel(s) (%2); no standard lead recognised; missing %3</source>
        <translation>not a 12-lead ECG: %1 channel(s) (%2); no standard lead recognised; missing %3</translation>
    </message>
    <message>
        <source>limb leads disagree with Einthoven&apos;s law (slope against I and II: %1): lead gains or labels are wrong, so amplitudes and ST deviations are unreliable</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MeasurementTable</name>
    <message>
        <source>— (%1)</source>
        <translation>— (%1)</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bpm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>RR interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PR interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QRS duration</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QT interval</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTc (Bazett)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QTc (Fridericia)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>QRS axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>T axis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1–%2 s of %3 s</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(the cleanest 10 s)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pacer spikes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ST %1 at J / J+60</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measured by AI %1 %2 and %3 — not for clinical use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Value</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No measurements: the AI pre-read failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Waiting for the AI pre-read…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MedianPanel</name>
    <message>
        <source>No median beats: the AI found no whole beat to align.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No median beats: the AI pre-read failed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The median beats could not be built.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median beats appear after the AI pre-read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median beats stored by the recording device</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median of %1 beats aligned on the AI&apos;s QRS onset (red: J point)</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
