<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AiProducts</name>
    <message>
        <source>Huizhen (open source)</source>
        <translation>会诊（开源）</translation>
    </message>
    <message>
        <source>Huizhen ECG pre-read</source>
        <translation>会诊心电图 AI 预读</translation>
    </message>
    <message>
        <source>12-lead ECG: beats, intervals, rhythm and ST findings with an urgency grade, so that a specialist reads urgent ECGs first. Research and education only; not a medical device.</source>
        <translation>12 导联心电图：识别心搏、测量间期、判读节律与 ST 段改变并给出紧急程度分级，便于专家优先阅读紧急心电图。仅供科研与教学，不是医疗器械。</translation>
    </message>
    <message>
        <source>Huizhen chest CT nodules</source>
        <translation>会诊胸部 CT 肺结节</translation>
    </message>
    <message>
        <source>Chest CT: lung nodule candidates with size, type and Lung-RADS category for the radiologist to confirm. Research and education only; not a medical device.</source>
        <translation>胸部 CT：检出肺结节候选并给出大小、类型和 Lung-RADS 分类，供放射科医生确认。仅供科研与教学，不是医疗器械。</translation>
    </message>
    <message>
        <source>Huizhen chest X-ray image checks</source>
        <translation>会诊胸片图像质量检查</translation>
    </message>
    <message>
        <source>Chest X-ray: image quality checks only (view, inversion, exposure, rotation, lung fields found); no clinical finding. Research and education only; not a medical device.</source>
        <translation>胸部 X 线片：仅做图像质量检查（体位、反相、曝光、旋转、是否找到肺野），不给出临床发现。仅供科研与教学，不是医疗器械。</translation>
    </message>
    <message>
        <source>Huizhen fundus screening</source>
        <translation>会诊眼底筛查</translation>
    </message>
    <message>
        <source>Fundus photographs: gradability, diabetic retinopathy grade, macular oedema, cup-to-disc ratio (glaucoma suspect) and referral suggestion per eye. Research and education only; not a medical device.</source>
        <translation>眼底照相：逐眼评估图像可分级性、糖尿病视网膜病变分级、黄斑水肿、杯盘比（疑似青光眼）及转诊建议。仅供科研与教学，不是医疗器械。</translation>
    </message>
    <message>
        <source>Huizhen nuclei detection</source>
        <translation>会诊细胞核检测</translation>
    </message>
    <message>
        <source>Whole-slide H&amp;E: nuclei detection and counts in a region the pathologist selects in the slide viewer. Research and education only; not a medical device.</source>
        <translation>HE 染色全切片：在病理医生于切片查看器中选定的区域内检测并计数细胞核。仅供科研与教学，不是医疗器械。</translation>
    </message>
</context>
<context>
    <name>ChestFindings</name>
    <message>
        <source>Lung nodule (see size, type and Lung-RADS)</source>
        <translation>肺结节（见大小、类型及 Lung-RADS 分类）</translation>
    </message>
    <message>
        <source>No lung nodule of 4 mm or more found</source>
        <translation>未发现 4 mm 及以上的肺结节</translation>
    </message>
    <message>
        <source>Not a chest study: no nodule analysis</source>
        <translation>非胸部检查：未做结节分析</translation>
    </message>
    <message>
        <source>Graded against the prior chest CT (Lung-RADS follow-up rules)</source>
        <translation>已与既往胸部 CT 对比分类（Lung-RADS 随访规则）</translation>
    </message>
    <message>
        <source>Graded again: the prior chest CT was imported after this study&apos;s pre-read (the earlier AI result is kept)</source>
        <translation>已重新分类：既往胸部 CT 在本检查 AI 预读之后才导入（原 AI 结果保留）</translation>
    </message>
    <message>
        <source>Image checks only; no finding model installed</source>
        <translation>仅做图像检查；未安装病变识别模型</translation>
    </message>
    <message>
        <source>Lateral view: the checks below are for a frontal film</source>
        <translation>侧位片：以下检查针对正位片</translation>
    </message>
    <message>
        <source>View not known (no ViewPosition, lung fields not found)</source>
        <translation>体位未知（无 ViewPosition，且未识别到肺野）</translation>
    </message>
    <message>
        <source>Exposure may be inadequate (clipped pixels or low contrast)</source>
        <translation>曝光可能不当（像素饱和或对比度低）</translation>
    </message>
    <message>
        <source>Possible rotation or tilt (the lung fields are not symmetric)</source>
        <translation>可能存在旋转或倾斜（两肺野不对称）</translation>
    </message>
    <message>
        <source>Lung fields not found: check that this is a chest film</source>
        <translation>未识别到肺野：请确认是否为胸片</translation>
    </message>
    <message>
        <source>Image checks only: the finding model reads frontal films only</source>
        <translation>仅做图像检查：病变识别模型只读取正位片</translation>
    </message>
    <message>
        <source>Atelectasis (AI)</source>
        <translation>肺不张（AI）</translation>
    </message>
    <message>
        <source>Cardiomegaly (AI)</source>
        <translation>心影增大（AI）</translation>
    </message>
    <message>
        <source>Pleural effusion (AI)</source>
        <translation>胸腔积液（AI）</translation>
    </message>
    <message>
        <source>Infiltration (AI)</source>
        <translation>浸润影（AI）</translation>
    </message>
    <message>
        <source>Mass (AI)</source>
        <translation>肿块（AI）</translation>
    </message>
    <message>
        <source>Nodule (AI)</source>
        <translation>结节（AI）</translation>
    </message>
    <message>
        <source>Pneumonia (AI)</source>
        <translation>肺炎（AI）</translation>
    </message>
    <message>
        <source>Pneumothorax (AI)</source>
        <translation>气胸（AI）</translation>
    </message>
    <message>
        <source>Consolidation (AI)</source>
        <translation>实变（AI）</translation>
    </message>
    <message>
        <source>Pulmonary oedema (AI)</source>
        <translation>肺水肿（AI）</translation>
    </message>
    <message>
        <source>Emphysema (AI)</source>
        <translation>肺气肿（AI）</translation>
    </message>
    <message>
        <source>Fibrosis (AI)</source>
        <translation>纤维化（AI）</translation>
    </message>
    <message>
        <source>Pleural thickening (AI)</source>
        <translation>胸膜增厚（AI）</translation>
    </message>
    <message>
        <source>Hernia (AI)</source>
        <translation>膈疝（AI）</translation>
    </message>
</context>
<context>
    <name>EcgFindings</name>
    <message>
        <source>ST elevation %1 (%2): meets STEMI criteria</source>
        <translation>%1导联（%2）ST 段抬高：符合 STEMI 标准</translation>
    </message>
    <message>
        <source>ST elevation without reciprocal ST depression (%2): early repolarisation or pericarditis pattern; compare with a prior ECG and review now</source>
        <translation>ST 段抬高（%2）不伴对应性 ST 段压低：早期复极或心包炎图形；请与既往心电图对比并立即复核</translation>
    </message>
    <message>
        <source>ST depression %1 (%2): possible ischaemia</source>
        <translation>%1导联（%2）ST 段压低：提示心肌缺血可能</translation>
    </message>
    <message>
        <source>Borderline ST elevation %1 (%2): within the measurement&apos;s uncertainty of the STEMI cut-off, not graded; review and compare with a prior ECG</source>
        <translation>%1导联（%2）临界性 ST 段抬高：处于 STEMI 标准的测量误差范围内，未分级；请复核并与既往心电图对比</translation>
    </message>
    <message>
        <source>Borderline ST depression %1 (%2): within the measurement&apos;s uncertainty of the 0.5 mm criterion, not graded; review</source>
        <translation>%1导联（%2）临界性 ST 段压低：处于 0.5 mm 标准的测量误差范围内，未分级；请复核</translation>
    </message>
    <message>
        <source>T inversion %1 (%2): possible ischaemia</source>
        <translation>%1导联（%2）T 波倒置：提示心肌缺血可能</translation>
    </message>
    <message>
        <source>Atrial fibrillation</source>
        <translation>心房颤动</translation>
    </message>
    <message>
        <source>Ventricular rhythm</source>
        <translation>室性心律</translation>
    </message>
    <message>
        <source>AV block</source>
        <translation>房室传导阻滞</translation>
    </message>
    <message>
        <source>AV block with slow ventricular rate</source>
        <translation>房室传导阻滞伴慢心室率</translation>
    </message>
    <message>
        <source>Right bundle branch block</source>
        <translation>右束支传导阻滞</translation>
    </message>
    <message>
        <source>Left bundle branch block</source>
        <translation>左束支传导阻滞</translation>
    </message>
    <message>
        <source>Wide QRS (non-specific intraventricular conduction delay)</source>
        <translation>QRS 波增宽（非特异性室内传导延迟）</translation>
    </message>
    <message>
        <source>Paced rhythm (%1 pacing)</source>
        <translation>起搏心律（%1起搏）</translation>
    </message>
    <message>
        <source>Ventricular pacer spikes with a narrow QRS (%3 ms): fusion, pseudofusion or no capture</source>
        <translation>心室起搏脉冲后 QRS 波窄（%3 ms）：融合波、假性融合波或起搏未夺获</translation>
    </message>
    <message>
        <source>Prolonged PR (first-degree AV block)</source>
        <translation>PR 间期延长（一度房室传导阻滞）</translation>
    </message>
    <message>
        <source>Long QTc</source>
        <translation>QTc 间期延长</translation>
    </message>
    <message>
        <source>Ventricular premature complexes (%3)</source>
        <translation>室性早搏（%3 次）</translation>
    </message>
    <message>
        <source>Frequent VPCs (%3 in record)</source>
        <translation>频发室性早搏（本记录 %3 次）</translation>
    </message>
    <message>
        <source>Marked tachycardia</source>
        <translation>显著心动过速</translation>
    </message>
    <message>
        <source>Marked bradycardia</source>
        <translation>显著心动过缓</translation>
    </message>
    <message>
        <source>Tachycardia</source>
        <translation>心动过速</translation>
    </message>
    <message>
        <source>Bradycardia</source>
        <translation>心动过缓</translation>
    </message>
    <message>
        <source>No reliable QRS complexes detected</source>
        <translation>未检出可靠的 QRS 波群</translation>
    </message>
    <message>
        <source>Not a 12-lead ECG: no automatic grade</source>
        <translation>非 12 导联心电图：不自动分级</translation>
    </message>
    <message>
        <source>Not analysable: no automatic grade</source>
        <translation>无法分析：不自动分级</translation>
    </message>
    <message>
        <source>inferior</source>
        <translation>下壁</translation>
    </message>
    <message>
        <source>lateral</source>
        <translation>侧壁</translation>
    </message>
    <message>
        <source>anterior/septal</source>
        <translation>前壁/前间壁</translation>
    </message>
    <message>
        <source>anterolateral (V4-V5)</source>
        <translation>前侧壁（V4-V5）</translation>
    </message>
    <message>
        <source>atrial</source>
        <translation>心房</translation>
    </message>
    <message>
        <source>ventricular</source>
        <translation>心室</translation>
    </message>
</context>
<context>
    <name>FundusFindings</name>
    <message>
        <source>Ungradable image %1: retake or refer</source>
        <translation>%1图像不可分级：请重拍或转诊</translation>
    </message>
    <message>
        <source>%1: no apparent diabetic retinopathy</source>
        <translation>%1：无明显糖尿病视网膜病变</translation>
    </message>
    <message>
        <source>%1: mild NPDR (microaneurysms only)</source>
        <translation>%1：轻度非增殖期（仅微动脉瘤）</translation>
    </message>
    <message>
        <source>%1: moderate NPDR (referable)</source>
        <translation>%1：中度非增殖期（需转诊）</translation>
    </message>
    <message>
        <source>%1: severe NPDR (referable)</source>
        <translation>%1：重度非增殖期（需转诊）</translation>
    </message>
    <message>
        <source>%1: proliferative DR (referable)</source>
        <translation>%1：增殖期糖尿病视网膜病变（需转诊）</translation>
    </message>
    <message>
        <source>%1: diabetic macular oedema suspected</source>
        <translation>%1：疑似糖尿病黄斑水肿</translation>
    </message>
    <message>
        <source>right eye (OD)</source>
        <translation>右眼（OD）</translation>
    </message>
    <message>
        <source>left eye (OS)</source>
        <translation>左眼（OS）</translation>
    </message>
</context>
</TS>
