<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ComparePanel</name>
    <message>
        <source>Looking for a prior ECG of this patient…</source>
        <translation>正在查找该患者既往心电图…</translation>
    </message>
    <message>
        <source>The prior ECG could not be read: %1</source>
        <translation>无法读取既往心电图：%1</translation>
    </message>
    <message>
        <source>Stacked</source>
        <translation>上下排列</translation>
    </message>
    <message>
        <source>Side by side</source>
        <translation>左右并排</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>导联</translation>
    </message>
    <message>
        <source>ST now (mV)</source>
        <translation>本次 ST（mV）</translation>
    </message>
    <message>
        <source>ST prior (mV)</source>
        <translation>既往 ST（mV）</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>变化</translation>
    </message>
    <message>
        <source>No prior ECG of this patient in the store.</source>
        <translation>本地库中没有该患者的既往心电图。</translation>
    </message>
    <message>
        <source>No comparison: the AI pre-read failed.</source>
        <translation>无法对比：AI 预读失败。</translation>
    </message>
    <message>
        <source>The comparison appears after the AI pre-read.</source>
        <translation>AI 预读完成后显示对比。</translation>
    </message>
    <message>
        <source>Black: this ECG · blue: prior of %1 · ST changes ≥ 0.1 mV highlighted</source>
        <translation>黑色：本次心电图 · 蓝色：%1 的既往心电图 · ST 变化 ≥ 0.1 mV 已高亮</translation>
    </message>
</context>
<context>
    <name>EcgAiActions</name>
    <message>
        <source>AI pre-read failed: %1</source>
        <translation>AI 预读失败：%1</translation>
    </message>
    <message>
        <source>AI %1 %2 (not for clinical use)</source>
        <translation>AI %1 %2（不可用于临床）</translation>
    </message>
    <message>
        <source>(decided at %1)</source>
        <translation>（依据 %1 点判定）</translation>
    </message>
    <message>
        <source>HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms</source>
        <translation>心率 %1 次/分，PR %2 ms，QRS %3 ms，QT/QTc %4/%5 ms</translation>
    </message>
</context>
<context>
    <name>EcgAnalysedWindow</name>
    <message>
        <source>AI analysed %1–%2 s of %3 s</source>
        <translation>AI 分析：%3 秒记录中的第 %1–%2 秒</translation>
    </message>
    <message>
        <source>Page from</source>
        <translation>本页起点</translation>
    </message>
    <message>
        <source> s</source>
        <translation> 秒</translation>
    </message>
    <message>
        <source>of %1 s</source>
        <translation>（共 %1 秒）</translation>
    </message>
    <message>
        <source>Analysed 10 s</source>
        <translation>AI 分析的 10 秒</translation>
    </message>
    <message>
        <source>Show the 10 s the AI analysed and measured</source>
        <translation>显示 AI 分析并测量的 10 秒片段</translation>
    </message>
</context>
<context>
    <name>EcgAnalysisNotes</name>
    <message>
        <source>Analysis notes:</source>
        <translation>AI 分析说明：</translation>
    </message>
    <message>
        <source>AI analysis notes: %1</source>
        <translation>AI 分析说明：%1</translation>
    </message>
    <message>
        <source>; </source>
        <comment>between two notes</comment>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>EcgCalipers</name>
    <message>
        <source>%1 ms · %2 bpm</source>
        <translation>%1 ms · %2 次/分</translation>
    </message>
    <message>
        <source>%1 mV</source>
        <translation>%1 mV</translation>
    </message>
</context>
<context>
    <name>EcgLeftOut</name>
    <message>
        <source>Not analysed (not ECG leads, %1 channels):</source>
        <translation>未分析（非心电导联，共 %1 个通道）：</translation>
    </message>
</context>
<context>
    <name>EcgMissing</name>
    <message>
        <source>fewer than 2 beats</source>
        <translation>心搏少于 2 个</translation>
    </message>
    <message>
        <source>Fewer than 2 beats were found: no interval.</source>
        <translation>检出心搏少于 2 个：无法测量间期。</translation>
    </message>
    <message>
        <source>no P wave found</source>
        <translation>未检出 P 波</translation>
    </message>
    <message>
        <source>No P wave found (e.g. atrial fibrillation, or P waves not visible).</source>
        <translation>未检出 P 波（如心房颤动，或 P 波不可见）。</translation>
    </message>
    <message>
        <source>T wave not clear of the noise</source>
        <translation>T 波未明显高于噪声</translation>
    </message>
    <message>
        <source>T wave end not found</source>
        <translation>未找到 T 波终点</translation>
    </message>
    <message>
        <source>The end of the T wave was not found in the median beat.</source>
        <translation>在中位心搏中未找到 T 波终点。</translation>
    </message>
    <message>
        <source>not measurable</source>
        <translation>无法测量</translation>
    </message>
    <message>
        <source>Not measurable in this record.</source>
        <translation>本记录中无法测量。</translation>
    </message>
</context>
<context>
    <name>EcgPdfReport</name>
    <message>
        <source>HR %1 bpm · PR %2 ms · QRS %3 ms · QT %4 ms · QTc %5 ms (Bazett) / %6 ms (Fridericia) · axes P/QRS/T %7/%8/%9°</source>
        <translation>心率 %1 次/分 · PR %2 ms · QRS %3 ms · QT %4 ms · QTc %5 ms（Bazett）/ %6 ms（Fridericia）· 电轴 P/QRS/T %7/%8/%9°</translation>
    </message>
    <message>
        <source> · printed: %1–%2 s of %3 s, the part the AI analysed</source>
        <translation> · 打印：%3 秒记录中的第 %1–%2 秒，即 AI 分析的片段</translation>
    </message>
    <message>
        <source>ECG report</source>
        <translation>心电图报告</translation>
    </message>
    <message>
        <source>12-lead ECG report</source>
        <translation>12 导联心电图报告</translation>
    </message>
    <message>
        <source>ECG report (1 lead: %1)</source>
        <translation>心电图报告（1 个导联：%1）</translation>
    </message>
    <message>
        <source>ECG report (%1 leads: %2)</source>
        <translation>心电图报告（%1 个导联：%2）</translation>
    </message>
    <message>
        <source>DEMO: fictional patient, not a real case</source>
        <translation>演示：虚构患者，非真实病例</translation>
    </message>
    <message>
        <source>Patient: %1 · ID %2 · sex %3 · born %4 · recorded %5</source>
        <translation>患者：%1 · 编号 %2 · 性别 %3 · 出生 %4 · 记录于 %5</translation>
    </message>
    <message>
        <source>%1 mm/s · %2 mm/mV</source>
        <translation>%1 mm/s · %2 mm/mV</translation>
    </message>
    <message>
        <source>Interpretation</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <source>AI pre-read by %1 %2 with %3: not for clinical use. The text above was reviewed, confirmed and signed by a doctor.</source>
        <translation>AI 预读：%1 %2，规则 %3，不可用于临床。以上内容已由医生审阅、确认并签署。</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC · report version %3</source>
        <translation>签署人 %1，签署时间 %2 UTC · 报告版本 %3</translation>
    </message>
</context>
<context>
    <name>EcgViewer</name>
    <message>
        <source>Loading ECG…</source>
        <translation>正在加载心电图…</translation>
    </message>
    <message>
        <source>This case has no ECG file.</source>
        <translation>此病例没有心电图文件。</translation>
    </message>
    <message>
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <source>Order</source>
        <translation>导联顺序</translation>
    </message>
    <message>
        <source>Speed</source>
        <translation>走纸速度</translation>
    </message>
    <message>
        <source>Gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <source>Calipers</source>
        <translation>卡尺</translation>
    </message>
    <message>
        <source>Notch</source>
        <translation>陷波</translation>
    </message>
    <message>
        <source>Low-pass</source>
        <translation>低通</translation>
    </message>
    <message>
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <source>Cabrera</source>
        <translation>Cabrera</translation>
    </message>
    <message>
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <source>AI overlays</source>
        <translation>AI 叠加标注</translation>
    </message>
    <message>
        <source>Run AI again</source>
        <translation>重新运行 AI</translation>
    </message>
    <message>
        <source>Shows the stored AI result; this runs the model on the record again</source>
        <translation>当前显示已保存的 AI 结果；点此将对该记录重新运行模型</translation>
    </message>
    <message>
        <source>Off</source>
        <translation>关</translation>
    </message>
    <message>
        <source>Time (ms, bpm)</source>
        <translation>时间（ms，次/分）</translation>
    </message>
    <message>
        <source>Amplitude (mV)</source>
        <translation>振幅（mV）</translation>
    </message>
    <message>
        <source>Baseline wander removal</source>
        <translation>去除基线漂移</translation>
    </message>
    <message>
        <source>%1 Hz</source>
        <translation>%1 Hz</translation>
    </message>
    <message>
        <source>Measurements</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>Median beats</source>
        <translation>中位心搏</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Comparison</source>
        <translation>对比</translation>
    </message>
    <message>
        <source>Filter: not stated in the file</source>
        <translation>滤波：文件未说明</translation>
    </message>
    <message>
        <source>Filter: %1–%2 Hz</source>
        <translation>滤波：%1–%2 Hz</translation>
    </message>
    <message>
        <source>, notch %1 Hz</source>
        <translation>，陷波 %1 Hz</translation>
    </message>
    <message>
        <source>baseline removal</source>
        <translation>去基线漂移</translation>
    </message>
    <message>
        <source>notch %1 Hz</source>
        <translation>陷波 %1 Hz</translation>
    </message>
    <message>
        <source>low-pass %1 Hz</source>
        <translation>低通 %1 Hz</translation>
    </message>
    <message>
        <source>display: %1</source>
        <translation>显示：%1</translation>
    </message>
    <message>
        <source>display: unfiltered</source>
        <translation>显示：未滤波</translation>
    </message>
    <message>
        <source>non-diagnostic: the low-pass distorts QRS and ST segments</source>
        <translation>非诊断级：低通滤波使 QRS 波和 ST 段失真</translation>
    </message>
    <message>
        <source>(non-diagnostic: ST segments may be distorted)</source>
        <translation>（非诊断滤波：ST 段可能失真）</translation>
    </message>
    <message>
        <source>Measurements &amp;&amp; report</source>
        <translation>测量与报告</translation>
    </message>
    <message>
        <source>remote AI unavailable (%1 at %2), ran locally</source>
        <translation>远程AI不可用（%2 上的 %1），已在本地运行</translation>
    </message>
    <message>
        <source>remote AI unavailable, not run</source>
        <translation>远程AI不可用，未运行</translation>
    </message>
    <message>
        <source>ran remotely: %1 at %2</source>
        <translation>远程运行：%2 上的 %1</translation>
    </message>
    <message>
        <source>(served as %1)</source>
        <translation>（服务端模型 %1）</translation>
    </message>
    <message>
        <source>ran on this workstation</source>
        <translation>在本工作站运行</translation>
    </message>
    <message>
        <source>AI: %1 %2, %3 · %4 — not for clinical use</source>
        <translation>AI：%1 %2，%3 · %4 — 不可用于临床</translation>
    </message>
    <message>
        <source>AI: %1 %2, %3 — not for clinical use</source>
        <translation>AI：%1 %2，%3 — 不可用于临床</translation>
    </message>
    <message>
        <source>The ECG could not be shown: %1</source>
        <translation>无法显示心电图：%1</translation>
    </message>
    <message>
        <source>%1 leads, %2 Hz, %3 s</source>
        <translation>%1 导联，%2 Hz，%3 秒</translation>
    </message>
    <message>
        <source>%1 pacer spikes listed by the device</source>
        <translation>设备记录的起搏脉冲 %1 个</translation>
    </message>
</context>
<context>
    <name>EcgWarnings</name>
    <message>
        <source>%3 derived from %1 and %2</source>
        <translation>%3 由 %1 和 %2 导出</translation>
    </message>
    <message>
        <source>some samples are missing (gaps shown as 0)</source>
        <translation>部分采样缺失（缺口按 0 显示）</translation>
    </message>
    <message>
        <source>calibration pulse at the end left out (%1 ms)</source>
        <translation>已去除末尾的定标脉冲（%1 ms）</translation>
    </message>
    <message>
        <source>the record is %1 h long; only the first %2 min are read</source>
        <translation>记录长 %1 小时，仅读取前 %2 分钟</translation>
    </message>
    <message>
        <source>resampled to %1 Hz: %2</source>
        <translation>已重采样至 %1 Hz：%2</translation>
    </message>
    <message>
        <source>signal file is truncated: %1 of %2 samples</source>
        <translation>信号文件不完整：仅有 %1/%2 个采样点</translation>
    </message>
    <message>
        <source>waveform data is truncated: %1 of %2 samples</source>
        <translation>波形数据不完整：仅有 %1/%2 个采样点</translation>
    </message>
    <message>
        <source>lead %1 is truncated: %2 of %3 samples</source>
        <translation>导联 %1 不完整：仅有 %2/%3 个采样点</translation>
    </message>
    <message>
        <source>lead %1 holds %2 of %3 samples</source>
        <translation>导联 %1 仅含 %2/%3 个采样点</translation>
    </message>
    <message>
        <source>lead %1 has no samples</source>
        <translation>导联 %1 无采样数据</translation>
    </message>
    <message>
        <source>leads have different lengths; cut to %1 samples</source>
        <translation>各导联长度不一，已截为 %1 个采样点</translation>
    </message>
    <message>
        <source>missing leads: %1</source>
        <translation>缺少导联：%1</translation>
    </message>
    <message>
        <source>only median beats are stored; no rhythm data</source>
        <translation>文件仅含中位心搏，无节律数据</translation>
    </message>
    <message>
        <source>the leads were not all recorded at the same time (0 where a lead has no data)</source>
        <translation>各导联并非同时记录（无数据处显示为 0）</translation>
    </message>
    <message>
        <source>the file&apos;s checksum does not match: it may be damaged</source>
        <translation>文件校验和不符：文件可能已损坏</translation>
    </message>
    <message>
        <source>amplitudes of %1 mV are implausible; the units are probably wrong (µV?)</source>
        <translation>振幅 %1 mV 不合理，单位可能有误（应为 µV？）</translation>
    </message>
    <message>
        <source>amplitudes of %1 µV are very low; wrong units or leads off?</source>
        <translation>振幅仅 %1 µV，过低：单位错误或导联脱落？</translation>
    </message>
    <message>
        <source>unknown amplitude unit &apos;%1&apos;; %2 assumed from the signal size</source>
        <translation>未知振幅单位“%1”，已按信号大小假定为 %2</translation>
    </message>
    <message>
        <source>%1 pacer spike positions are not sample positions of the record</source>
        <translation>%1 个起搏脉冲位置不在记录的采样范围内</translation>
    </message>
    <message>
        <source>channels that are not ECG leads left out: %1</source>
        <translation>已排除非心电导联的通道：%1</translation>
    </message>
    <message>
        <source>not an ECG signal (by its name)</source>
        <translation>非心电信号（按通道名称判断）</translation>
    </message>
    <message>
        <source>unit %1 is not a voltage</source>
        <translation>单位 %1 不是电压单位</translation>
    </message>
    <message>
        <source>no voltage unit and no zero baseline (not an ECG)</source>
        <translation>无电压单位且基线不在零位（非心电信号）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>pre-read on the last %1 s of a %2 min recording</source>
        <translation>AI 预读仅基于 %2 分钟记录的最后 %1 秒</translation>
    </message>
    <message>
        <source>analysed the whole record (%1 s)</source>
        <translation>分析了整段记录（%1 秒）</translation>
    </message>
    <message>
        <source>analysed %1–%2 s of %3 s (the cleanest 10 s: least noise, baseline wander and saturation)</source>
        <translation>分析了 %3 秒记录中的第 %1–%2 秒（最干净的 10 秒：噪声、基线漂移和饱和最少）</translation>
    </message>
    <message>
        <source>the record is only %1 s; measurements are less reliable</source>
        <translation>记录仅 %1 秒，测量值可靠性较低</translation>
    </message>
    <message>
        <source>leads not available (not analysed): %1</source>
        <translation>缺少导联（未分析）：%1</translation>
    </message>
    <message>
        <source>flat or disconnected leads (not analysed): %1</source>
        <translation>导联呈直线或脱落（未分析）：%1</translation>
    </message>
    <message>
        <source>only %1 beats found; measurements unreliable</source>
        <translation>仅检出 %1 个心搏，测量值不可靠</translation>
    </message>
    <message>
        <source>the model suggested a paced rhythm, but no pacer spikes were found: not reported</source>
        <translation>模型提示起搏心律，但未检出起搏脉冲：不予报告</translation>
    </message>
    <message>
        <source>the model suggested a paced rhythm, but the sampling is too slow to see spikes: not reported</source>
        <translation>模型提示起搏心律，但采样率过低、无法识别起搏脉冲：不予报告</translation>
    </message>
    <message>
        <source>the model suggested bundle branch block, but QRS is %1 ms (&lt; 120 ms): not reported</source>
        <translation>模型提示束支传导阻滞，但 QRS 时限为 %1 ms（&lt; 120 ms）：不予报告</translation>
    </message>
    <message>
        <source>the model suggested bundle branch block, but QRS is not measured: not reported</source>
        <translation>模型提示束支传导阻滞，但 QRS 时限未能测量：不予报告</translation>
    </message>
    <message>
        <source>QT measured on the leads with a clear T wave: %1 (T wave not clear of the noise in %2)</source>
        <translation>QT 间期在 T 波清晰的导联上测量：%1（%2 导联的 T 波未明显高于噪声）</translation>
    </message>
    <message>
        <source>QT not measurable: no lead&apos;s T wave stands clear of the noise (no QT grade)</source>
        <translation>QT 间期无法测量：各导联的 T 波均未明显高于噪声（不做 QT 分级）</translation>
    </message>
    <message>
        <source>not analysable: no waveform in the record</source>
        <translation>无法分析：记录中没有波形</translation>
    </message>
    <message>
        <source>not analysable: the waveform holds no valid samples</source>
        <translation>无法分析：波形中没有有效采样点</translation>
    </message>
    <message>
        <source>not analysable: the record is only %1 ms long; automatic analysis needs at least %2 s</source>
        <translation>无法分析：记录仅 %1 毫秒，自动分析至少需要 %2 秒</translation>
    </message>
    <message>
        <source>not a 12-lead ECG: %1 channel(s) (%2); recognised leads: %3; missing %4</source>
        <translation>非 12 导联心电图：共 %1 个通道（%2）；可识别导联：%3；缺少 %4</translation>
    </message>
    <message>
        <source>not a 12-lead ECG: %1 channel(s) (%2); no standard lead recognised; missing %3</source>
        <translation>非 12 导联心电图：共 %1 个通道（%2）；未识别出标准导联；缺少 %3</translation>
    </message>
    <message>
        <source>limb leads disagree with Einthoven&apos;s law (slope against I and II: %1): lead gains or labels are wrong, so amplitudes and ST deviations are unreliable</source>
        <translation>肢体导联不符合 Einthoven 定律（相对 I、II 导联的斜率：%1）：导联增益或导联标注有误，波幅及 ST 段偏移不可靠</translation>
    </message>
</context>
<context>
    <name>MeasurementTable</name>
    <message>
        <source>— (%1)</source>
        <translation>—（%1）</translation>
    </message>
    <message>
        <source>Heart rate</source>
        <translation>心率</translation>
    </message>
    <message>
        <source>bpm</source>
        <translation>次/分</translation>
    </message>
    <message>
        <source>RR interval</source>
        <translation>RR 间期</translation>
    </message>
    <message>
        <source>PR interval</source>
        <translation>PR 间期</translation>
    </message>
    <message>
        <source>QRS duration</source>
        <translation>QRS 时限</translation>
    </message>
    <message>
        <source>QT interval</source>
        <translation>QT 间期</translation>
    </message>
    <message>
        <source>QTc (Bazett)</source>
        <translation>QTc（Bazett）</translation>
    </message>
    <message>
        <source>QTc (Fridericia)</source>
        <translation>QTc（Fridericia）</translation>
    </message>
    <message>
        <source>P axis</source>
        <translation>P 电轴</translation>
    </message>
    <message>
        <source>QRS axis</source>
        <translation>QRS 电轴</translation>
    </message>
    <message>
        <source>T axis</source>
        <translation>T 电轴</translation>
    </message>
    <message>
        <source>%1–%2 s of %3 s</source>
        <translation>%1–%2 秒（共 %3 秒）</translation>
    </message>
    <message>
        <source>(the cleanest 10 s)</source>
        <translation>（干扰最少的 10 秒）</translation>
    </message>
    <message>
        <source>Analysed</source>
        <translation>分析时段</translation>
    </message>
    <message>
        <source>Pacer spikes</source>
        <translation>起搏脉冲</translation>
    </message>
    <message>
        <source>ST %1 at J / J+60</source>
        <translation>%1 导联 ST（J 点 / J+60）</translation>
    </message>
    <message>
        <source>Measured by AI %1 %2 and %3 — not for clinical use</source>
        <translation>由 AI %1 %2 及 %3 测量 — 不可用于临床</translation>
    </message>
    <message>
        <source>Measurement</source>
        <translation>测量项</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>数值</translation>
    </message>
    <message>
        <source>No measurements: the AI pre-read failed.</source>
        <translation>无测量值：AI 预读失败。</translation>
    </message>
    <message>
        <source>Waiting for the AI pre-read…</source>
        <translation>等待 AI 预读…</translation>
    </message>
</context>
<context>
    <name>MedianPanel</name>
    <message>
        <source>No median beats: the AI found no whole beat to align.</source>
        <translation>无中位心搏：AI 未找到可对齐的完整心搏。</translation>
    </message>
    <message>
        <source>No median beats: the AI pre-read failed.</source>
        <translation>无中位心搏：AI 预读失败。</translation>
    </message>
    <message>
        <source>The median beats could not be built.</source>
        <translation>无法生成中位心搏。</translation>
    </message>
    <message>
        <source>Median beats appear after the AI pre-read.</source>
        <translation>AI 预读完成后显示中位心搏。</translation>
    </message>
    <message>
        <source>Median beats stored by the recording device</source>
        <translation>记录设备保存的中位心搏</translation>
    </message>
    <message>
        <source>Median of %1 beats aligned on the AI&apos;s QRS onset (red: J point)</source>
        <translation>按 AI 识别的 QRS 起点对齐的 %1 个心搏的中位数（红线：J 点）</translation>
    </message>
</context>
</TS>
