<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>CategoryTable</name>
    <message>
        <source>Screening category</source>
        <translation>筛查类别</translation>
    </message>
    <message>
        <source>Right eye (OD)</source>
        <translation>右眼（OD）</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>左眼（OS）</translation>
    </message>
    <message>
        <source>no photo</source>
        <translation>无照片</translation>
    </message>
    <message>
        <source>Classical estimate from the pallor of the disc, not a traced cup contour; 0.6 or more is a glaucoma suspect</source>
        <translation>经典方法按视盘苍白区估计，并非描绘的视杯轮廓；≥ 0.6 提示疑似青光眼</translation>
    </message>
</context>
<context>
    <name>EyeConfirm</name>
    <message>
        <source>Confirm eye</source>
        <translation>确认本眼</translation>
    </message>
    <message>
        <source>The grade shown goes into the report as the doctor&apos;s</source>
        <translation>所示分级将作为医生结论写入报告</translation>
    </message>
</context>
<context>
    <name>EyeResult</name>
    <message>
        <source>Right eye (OD)</source>
        <translation>右眼（OD）</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>左眼（OS）</translation>
    </message>
    <message>
        <source>prior visit %1</source>
        <translation>上次检查 %1</translation>
    </message>
    <message>
        <source>prior visit</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>No photo or no AI result for this eye at the prior visit</source>
        <translation>上次检查本眼无照片或无 AI 结果</translation>
    </message>
    <message>
        <source>No photo or no AI result for this eye</source>
        <translation>该眼无照片或无 AI 结果</translation>
    </message>
    <message>
        <source>AI %1 · not for clinical use</source>
        <translation>AI %1 · 非临床用途</translation>
    </message>
    <message>
        <source>Ungradable: retake the photo or refer</source>
        <translation>不可分级：请重拍或转诊</translation>
    </message>
    <message>
        <source>DME suspected</source>
        <translation>疑似糖尿病黄斑水肿</translation>
    </message>
    <message>
        <source>No DME sign</source>
        <translation>无黄斑水肿征象</translation>
    </message>
    <message>
        <source>Referable</source>
        <translation>需转诊</translation>
    </message>
    <message>
        <source>Not referable</source>
        <translation>无需转诊</translation>
    </message>
    <message>
        <source>Doctor&apos;s review: %1 confirmed, %2 rejected, %3 open</source>
        <translation>医生复核：确认 %1，否定 %2，未复核 %3</translation>
    </message>
    <message>
        <source>ungradable</source>
        <translation>不可分级</translation>
    </message>
    <message>
        <source>Fields: %1 (the worse decides)</source>
        <translation>视野：%1（按较重者判定）</translation>
    </message>
    <message>
        <source>Image quality %1</source>
        <translation>图像质量 %1</translation>
    </message>
    <message>
        <source>No mm scale: camera field angle unknown (sizes in disc diameters)</source>
        <translation>无毫米标尺：相机视场角未知（尺寸以视盘直径计）</translation>
    </message>
    <message>
        <source>Scale %1 mm/px</source>
        <translation>比例 %1 毫米/像素</translation>
    </message>
    <message>
        <source>%1° field</source>
        <translation>%1° 视场</translation>
    </message>
    <message>
        <source>disc %1 mm</source>
        <translation>视盘 %1 毫米</translation>
    </message>
</context>
<context>
    <name>EyeView</name>
    <message>
        <source>Confirm lesion</source>
        <translation>确认病灶</translation>
    </message>
    <message>
        <source>Reject lesion (not a lesion)</source>
        <translation>否定（非病灶）</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>未判定</translation>
    </message>
</context>
<context>
    <name>FundusReview</name>
    <message>
        <source>Ungradable</source>
        <translation>不可分级</translation>
    </message>
</context>
<context>
    <name>FundusTexts</name>
    <message>
        <source>Referable diabetic retinopathy</source>
        <translation>需转诊的糖尿病视网膜病变</translation>
    </message>
    <message>
        <source>Diabetic macular oedema</source>
        <translation>糖尿病黄斑水肿</translation>
    </message>
    <message>
        <source>Glaucoma suspect (cup-to-disc ratio)</source>
        <translation>青光眼可疑（杯盘比）</translation>
    </message>
    <message>
        <source>AMD / drusen</source>
        <translation>年龄相关性黄斑变性 / 玻璃膜疣</translation>
    </message>
    <message>
        <source>Retinal vein occlusion</source>
        <translation>视网膜静脉阻塞</translation>
    </message>
    <message>
        <source>Pathological myopia</source>
        <translation>病理性近视</translation>
    </message>
    <message>
        <source>Hypertensive retinopathy</source>
        <translation>高血压性视网膜病变</translation>
    </message>
    <message>
        <source>Epiretinal membrane</source>
        <translation>黄斑前膜</translation>
    </message>
    <message>
        <source>Macular hole</source>
        <translation>黄斑裂孔</translation>
    </message>
    <message>
        <source>Retinal detachment</source>
        <translation>视网膜脱离</translation>
    </message>
    <message>
        <source>Optic disc abnormality</source>
        <translation>视盘异常</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Microaneurysms</source>
        <translation>微动脉瘤</translation>
    </message>
    <message>
        <source>Haemorrhages</source>
        <translation>出血</translation>
    </message>
    <message>
        <source>Hard exudates</source>
        <translation>硬性渗出</translation>
    </message>
    <message>
        <source>Cotton-wool spots</source>
        <translation>棉絮斑</translation>
    </message>
    <message>
        <source>Drusen</source>
        <translation>玻璃膜疣</translation>
    </message>
    <message>
        <source>Disc and fovea</source>
        <translation>视盘与黄斑中心凹</translation>
    </message>
    <message>
        <source>drusen candidates (%1)</source>
        <translation>可疑玻璃膜疣（%1 处）</translation>
    </message>
    <message>
        <source>not suspected (model p=%1)</source>
        <translation>未提示（模型 p=%1）</translation>
    </message>
    <message>
        <source>suspected (model p=%1)</source>
        <translation>可疑（模型 p=%1）</translation>
    </message>
    <message>
        <source>not suspected (cup-to-disc %1)</source>
        <translation>无可疑（杯盘比 %1）</translation>
    </message>
    <message>
        <source>suspected (cup-to-disc %1)</source>
        <translation>疑似（杯盘比 %1）</translation>
    </message>
    <message>
        <source>not supported (needs a model)</source>
        <translation>未评估（需专用模型）</translation>
    </message>
    <message>
        <source>referable</source>
        <translation>需转诊</translation>
    </message>
    <message>
        <source>not referable</source>
        <translation>无需转诊</translation>
    </message>
    <message>
        <source>suspected</source>
        <translation>可疑</translation>
    </message>
    <message>
        <source>not suspected</source>
        <translation>未提示</translation>
    </message>
    <message>
        <source>not assessed</source>
        <translation>未评估</translation>
    </message>
    <message>
        <source>ungradable</source>
        <translation>不可分级</translation>
    </message>
    <message>
        <source>no drusen seen</source>
        <translation>未见玻璃膜疣</translation>
    </message>
    <message>
        <source>cannot be measured</source>
        <translation>无法测量</translation>
    </message>
    <message>
        <source>insufficient field of view</source>
        <translation>视野范围不足</translation>
    </message>
    <message>
        <source>too dark (under-exposed)</source>
        <translation>过暗（曝光不足）</translation>
    </message>
    <message>
        <source>too bright (over-exposed or flare)</source>
        <translation>过亮（过曝或眩光）</translation>
    </message>
    <message>
        <source>uneven illumination (eyelid, eyelash, small pupil)</source>
        <translation>照明不均（眼睑、睫毛或瞳孔小）</translation>
    </message>
    <message>
        <source>poor focus (blurred)</source>
        <translation>对焦不良（模糊）</translation>
    </message>
    <message>
        <source>vessels not visible around the macula</source>
        <translation>黄斑周围血管不可见</translation>
    </message>
    <message>
        <source>artefact (reflection or dust)</source>
        <translation>伪影（反光或灰尘）</translation>
    </message>
    <message>
        <source>ICDR 0: no apparent retinopathy</source>
        <translation>ICDR 0 级：无明显视网膜病变</translation>
    </message>
    <message>
        <source>ICDR 1: mild NPDR</source>
        <translation>ICDR 1 级：轻度非增殖期</translation>
    </message>
    <message>
        <source>ICDR 2: moderate NPDR</source>
        <translation>ICDR 2 级：中度非增殖期</translation>
    </message>
    <message>
        <source>ICDR 3: severe NPDR</source>
        <translation>ICDR 3 级：重度非增殖期</translation>
    </message>
    <message>
        <source>ICDR 4: proliferative DR</source>
        <translation>ICDR 4 级：增殖期</translation>
    </message>
    <message>
        <source>not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>Refer to ophthalmology urgently (within 2 weeks)</source>
        <translation>尽快转诊眼科（2 周内）</translation>
    </message>
    <message>
        <source>Refer to ophthalmology (within 1-3 months)</source>
        <translation>转诊眼科（1–3 个月内）</translation>
    </message>
    <message>
        <source>Retake the photo; refer if it stays ungradable</source>
        <translation>请重拍照片；仍不可分级时转诊</translation>
    </message>
    <message>
        <source>Glaucoma suspect: refer for a glaucoma assessment (within 3 months)</source>
        <translation>疑似青光眼：转诊眼科做青光眼检查（3 个月内）</translation>
    </message>
    <message>
        <source>Rescreen in 6 months</source>
        <translation>6 个月后复查</translation>
    </message>
    <message>
        <source>Rescreen in 12 months</source>
        <translation>12 个月后复查</translation>
    </message>
    <message>
        <source>optic disc not found</source>
        <translation>未找到视盘</translation>
    </message>
    <message>
        <source>disc outline not measured</source>
        <translation>视盘边界未能测量</translation>
    </message>
    <message>
        <source>disc too small in the photo</source>
        <translation>照片中视盘过小</translation>
    </message>
    <message>
        <source>disc at the edge of the field</source>
        <translation>视盘位于视野边缘</translation>
    </message>
    <message>
        <source>no pale cup visible</source>
        <translation>未见视杯苍白区</translation>
    </message>
    <message>
        <source>cup not separable from the rim</source>
        <translation>视杯与盘沿无法区分</translation>
    </message>
    <message>
        <source>Cup-to-disc: not measured (%1)</source>
        <translation>杯盘比：未测量（%1）</translation>
    </message>
    <message>
        <source>Vertical cup-to-disc %1</source>
        <translation>垂直杯盘比 %1</translation>
    </message>
    <message>
        <source>glaucoma suspect</source>
        <translation>疑似青光眼</translation>
    </message>
    <message>
        <source>disc-centred</source>
        <translation>视盘为中心</translation>
    </message>
    <message>
        <source>macula-centred</source>
        <translation>黄斑为中心</translation>
    </message>
    <message>
        <source>other field</source>
        <translation>其他视野</translation>
    </message>
</context>
<context>
    <name>FundusViewer</name>
    <message>
        <source>Colour</source>
        <translation>彩色</translation>
    </message>
    <message>
        <source>Red-free (green channel)</source>
        <translation>无赤光（绿色通道）</translation>
    </message>
    <message>
        <source>CLAHE contrast</source>
        <translation>CLAHE 对比度增强</translation>
    </message>
    <message>
        <source>Red-free + CLAHE</source>
        <translation>无赤光 + CLAHE</translation>
    </message>
    <message>
        <source> Gamma </source>
        <translation> 伽马 </translation>
    </message>
    <message>
        <source> Brightness </source>
        <translation> 亮度 </translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <source>Measure (disc diameters)</source>
        <translation>测量（视盘直径）</translation>
    </message>
    <message>
        <source>Prior visit</source>
        <translation>上次检查</translation>
    </message>
    <message>
        <source>Disc-centred field</source>
        <translation>视盘为中心视野</translation>
    </message>
    <message>
        <source>Show each eye&apos;s disc-centred photo (the macula-centred one is shown first)</source>
        <translation>显示每只眼以视盘为中心的照片（默认先显示以黄斑为中心的照片）</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Patient printout (PDF)</source>
        <translation>患者版结果（PDF）</translation>
    </message>
    <message>
        <source>Plain-language result for the patient, after signing</source>
        <translation>签署后生成给患者的通俗版结果</translation>
    </message>
    <message>
        <source>Cannot open the photos: %1</source>
        <translation>无法打开照片：%1</translation>
    </message>
    <message>
        <source>Visit: REFER</source>
        <translation>本次检查：需转诊</translation>
    </message>
    <message>
        <source>Visit: no referral</source>
        <translation>本次检查：无需转诊</translation>
    </message>
    <message>
        <source>worse eye: %1</source>
        <translation>较重眼：%1</translation>
    </message>
    <message>
        <source>Prior visit shown for comparison.</source>
        <translation>正在显示上次检查，仅供对比。</translation>
    </message>
    <message>
        <source>Switch off &apos;Prior visit&apos; to review, confirm and report this visit.</source>
        <translation>关闭“上次检查”后可审核、确认本次检查并写报告。</translation>
    </message>
    <message>
        <source>Recorded: the eye&apos;s grade goes into the report when it is started</source>
        <translation>已记录：开始写报告时本眼分级将写入报告</translation>
    </message>
    <message>
        <source>Right eye (OD)</source>
        <translation>右眼（OD）</translation>
    </message>
    <message>
        <source>Left eye (OS)</source>
        <translation>左眼（OS）</translation>
    </message>
    <message>
        <source>Ungradable: retake the photo or refer</source>
        <translation>不可分级：请重拍或转诊</translation>
    </message>
    <message>
        <source>DME suspected</source>
        <translation>疑似糖尿病黄斑水肿</translation>
    </message>
    <message>
        <source> (prior visit)</source>
        <translation>（上次检查）</translation>
    </message>
    <message>
        <source>%1 fields</source>
        <translation>%1 个视野</translation>
    </message>
    <message>
        <source>AI: %1</source>
        <translation>AI：%1</translation>
    </message>
    <message>
        <source>no AI result</source>
        <translation>无 AI 结果</translation>
    </message>
    <message>
        <source>The photo of this eye could not be read.</source>
        <translation>本眼照片无法读取。</translation>
    </message>
    <message>
        <source>No photo of this eye at the previous visit.</source>
        <translation>上次检查无本眼照片。</translation>
    </message>
    <message>
        <source>No photo of this eye in this visit.</source>
        <translation>本次检查无本眼照片。</translation>
    </message>
    <message>
        <source>Sign the report first: the printout shows what the doctor confirmed</source>
        <translation>请先签署报告：患者版结果只打印医生确认的内容</translation>
    </message>
</context>
<context>
    <name>ReviewSaver</name>
    <message>
        <source>The decision could not be saved: %1</source>
        <translation>判定未能保存：%1</translation>
    </message>
</context>
</TS>
