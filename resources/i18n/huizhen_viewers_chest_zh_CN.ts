<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ChestTexts</name>
    <message>
        <source>solid</source>
        <translation>实性</translation>
    </message>
    <message>
        <source>part-solid</source>
        <translation>部分实性</translation>
    </message>
    <message>
        <source>ground glass</source>
        <translation>磨玻璃</translation>
    </message>
    <message>
        <source>to review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已认可</translation>
    </message>
    <message>
        <source>rejected</source>
        <translation>已否定</translation>
    </message>
    <message>
        <source>edited</source>
        <translation>修改后认可</translation>
    </message>
    <message>
        <source>annual screening LDCT in 12 months</source>
        <translation>12 个月后每年低剂量 CT 筛查</translation>
    </message>
    <message>
        <source>LDCT in 6 months</source>
        <translation>6 个月后低剂量 CT 复查</translation>
    </message>
    <message>
        <source>LDCT in 3 months; PET/CT if solid part ≥ 8 mm</source>
        <translation>3 个月后低剂量 CT 复查；实性成分 ≥ 8 mm 时行 PET/CT</translation>
    </message>
    <message>
        <source>diagnostic chest CT, PET/CT, tissue sampling; refer</source>
        <translation>诊断性胸部 CT、PET/CT、组织活检；转诊</translation>
    </message>
    <message>
        <source>View</source>
        <translation>体位</translation>
    </message>
    <message>
        <source>Shown inverted (MONOCHROME1)</source>
        <translation>已反转显示（MONOCHROME1）</translation>
    </message>
    <message>
        <source>Exposure</source>
        <translation>曝光</translation>
    </message>
    <message>
        <source>Rotation</source>
        <translation>旋转</translation>
    </message>
    <message>
        <source>Lung fields found</source>
        <translation>肺野识别</translation>
    </message>
    <message>
        <source>Nodule %1: %2, %3 mm, Lung-RADS %4 (%5)</source>
        <translation>结节 %1：%2，%3 mm，Lung-RADS %4（%5）</translation>
    </message>
    <message>
        <source>Clinic</source>
        <translation>基层机构</translation>
    </message>
    <message>
        <source>Regional hospital</source>
        <translation>上级医院</translation>
    </message>
    <message>
        <source>%1: %2 — %3, %4</source>
        <translation>%1：%2 — %3，%4</translation>
    </message>
</context>
<context>
    <name>CxrChecksPanel</name>
    <message>
        <source>Writing the heatmaps as DICOM SEG…</source>
        <translation>正在将热力图写为 DICOM SEG…</translation>
    </message>
    <message>
        <source>The heatmaps could not be stored: %1</source>
        <translation>热力图未能保存：%1</translation>
    </message>
    <message>
        <source>Heatmaps stored with the case as DICOM SEG; shown over the film (objects panel: show or hide).</source>
        <translation>热力图已作为 DICOM SEG 随病例保存，并叠加显示于胸片上（可在对象面板中显示或隐藏）。</translation>
    </message>
    <message>
        <source>Queued for the regional server.</source>
        <translation>已排队上传至区域中心服务器。</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>frontal (%1)</source>
        <translation>正位（%1）</translation>
    </message>
    <message>
        <source>lateral (%1)</source>
        <translation>侧位（%1）</translation>
    </message>
    <message>
        <source>frontal (from the image; no view in the header)</source>
        <translation>正位（据图像判断；文件头无体位）</translation>
    </message>
    <message>
        <source>lateral (from the image; no view in the header)</source>
        <translation>侧位（据图像判断；文件头无体位）</translation>
    </message>
    <message>
        <source>not known</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>%1% of pixels clipped; 90% of pixels span %2% of the range</source>
        <translation>饱和像素 %1%；90% 的像素覆盖灰度范围的 %2%</translation>
    </message>
    <message>
        <source>lung field areas differ by %1%, tilt %2°</source>
        <translation>两肺野面积相差 %1%，倾斜 %2°</translation>
    </message>
    <message>
        <source>not checked (frontal films only)</source>
        <translation>未检查（仅适用于正位片）</translation>
    </message>
    <message>
        <source>Chest X-ray image checks</source>
        <translation>胸片图像质量检查</translation>
    </message>
    <message>
        <source>Image checks only; no finding model installed. %1, not for clinical use: the film must be read by a doctor.</source>
        <translation>仅做图像检查；未安装病变识别模型。%1，非临床用途：胸片须由医生阅片。</translation>
    </message>
    <message>
        <source>not for clinical use</source>
        <translation>非临床用途</translation>
    </message>
    <message>
        <source>Finding models offered by the regional AI platform: %1</source>
        <translation>区域 AI 平台提供的病变识别模型：%1</translation>
    </message>
    <message>
        <source>Show AI heatmaps (DICOM SEG)</source>
        <translation>显示 AI 热力图（DICOM SEG）</translation>
    </message>
    <message>
        <source>Chest X-ray: AI findings and image checks</source>
        <translation>胸片：AI 发现与图像检查</translation>
    </message>
    <message>
        <source>AI output of %1: the film must be read by a doctor.</source>
        <translation>%1 的 AI 输出：胸片须由医生阅片。</translation>
    </message>
    <message>
        <source>Not for clinical use.</source>
        <translation>不可用于临床。</translation>
    </message>
    <message>
        <source>No finding above the model&apos;s threshold.</source>
        <translation>无超过模型阈值的发现。</translation>
    </message>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>AI findings</source>
        <translation>AI 发现</translation>
    </message>
</context>
<context>
    <name>CxrReviewList</name>
    <message>
        <source>urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Start from the decisions of %1</source>
        <translation>以%1的审核结果为起点</translation>
    </message>
    <message>
        <source>Accept or reject each AI finding; the report quotes only accepted ones.</source>
        <translation>请逐项认可或否定 AI 所见；报告只引用已认可的所见。</translation>
    </message>
    <message>
        <source>AI finding</source>
        <translation>AI 所见</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>其他机构</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>认可</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>否定</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Accept this finding and go on to the next (key A)</source>
        <translation>认可此所见并转到下一项（快捷键 A）</translation>
    </message>
    <message>
        <source>Reject this finding and go on to the next (key R)</source>
        <translation>否定此所见并转到下一项（快捷键 R）</translation>
    </message>
    <message>
        <source>Back to undecided (key U)</source>
        <translation>恢复为待定（快捷键 U）</translation>
    </message>
    <message>
        <source>Accept and reject the findings as they did; each stays yours to change</source>
        <translation>按对方的认可和否定处理各所见；每一项仍可由您更改</translation>
    </message>
</context>
<context>
    <name>NodulePanel</name>
    <message>
        <source>Long %1 mm × short %2 mm, volume %3 mm³, mean %4 HU, confidence %5</source>
        <translation>长径 %1 mm × 短径 %2 mm，体积 %3 mm³，平均 %4 HU，置信度 %5</translation>
    </message>
    <message>
        <source>Exam (accepted nodules): Lung-RADS %1 — %2</source>
        <translation>本次检查（已认可结节）：Lung-RADS %1 — %2</translation>
    </message>
    <message>
        <source>%1 nodule(s) still to review.</source>
        <translation>尚有 %1 个结节待审核。</translation>
    </message>
    <message>
        <source>Saving the decision…</source>
        <translation>正在保存审核结果…</translation>
    </message>
    <message>
        <source>Decision saved with the case.</source>
        <translation>审核结果已随病例保存。</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>未保存：%1</translation>
    </message>
    <message>
        <source>Writing SEG and SR of the accepted nodules…</source>
        <translation>正在生成已认可结节的 SEG 和 SR…</translation>
    </message>
    <message>
        <source>Writing SEG and SR of the accepted nodules… %1%</source>
        <translation>正在生成已认可结节的 SEG 和 SR… %1%</translation>
    </message>
    <message>
        <source>Stored with the case as SEG/SR (%1): accepted nodule(s) %2</source>
        <translation>已作为 SEG/SR 随病例保存（%1）：已认可结节 %2</translation>
    </message>
    <message>
        <source>SEG and SR stored with the case.</source>
        <translation>SEG 和 SR 已随病例保存。</translation>
    </message>
    <message>
        <source>The AI result kept no nodule masks (an older result): the nodules were found again.</source>
        <translation>AI 结果未保存结节掩膜（旧版结果）：已重新检测结节。</translation>
    </message>
    <message>
        <source>Queued for the regional server.</source>
        <translation>已排队上传至区域中心服务器。</translation>
    </message>
    <message>
        <source>Start from the decisions of %1</source>
        <translation>以%1的审核结果为起点</translation>
    </message>
    <message>
        <source>Accept, reject and edit the nodules as they did; each stays yours to change</source>
        <translation>按对方的认可、否定和修改处理各结节；每一项仍可由您更改</translation>
    </message>
    <message>
        <source>Not changed: the mean diameter must be 0-300 mm.</source>
        <translation>未更改：平均直径须在 0–300 毫米之间。</translation>
    </message>
    <message>
        <source>AI lung nodules</source>
        <translation>AI 肺结节</translation>
    </message>
    <message>
        <source>the AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Found by %1 (not for clinical use). Accept, reject or edit each nodule; the report quotes only accepted ones.</source>
        <translation>由 %1 检出（非临床用途）。请逐个认可、否定或修改结节；报告只引用已认可的结节。</translation>
    </message>
    <message>
        <source>%1 (not for clinical use) found no lung nodule of 4 mm or more; review the images.</source>
        <translation>%1（非临床用途）未发现 4 mm 及以上肺结节；请阅片确认。</translation>
    </message>
    <message>
        <source>Other site</source>
        <translation>其他机构</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>类型</translation>
    </message>
    <message>
        <source>Mean mm</source>
        <translation>平均径 mm</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>审核</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>认可</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>否定</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>修改…</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>Accept this nodule and go on to the next (key A)</source>
        <translation>认可此结节并转到下一个（快捷键 A）</translation>
    </message>
    <message>
        <source>Reject this nodule and go on to the next (key R)</source>
        <translation>否定此结节并转到下一个（快捷键 R）</translation>
    </message>
    <message>
        <source>Correct the mean diameter or the type (key E)</source>
        <translation>修改平均直径或类型（快捷键 E）</translation>
    </message>
    <message>
        <source>Back to undecided (key U)</source>
        <translation>恢复为待定（快捷键 U）</translation>
    </message>
    <message>
        <source>Mean</source>
        <translation>平均径</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>应用</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Store SEG/SR with the case</source>
        <translation>将 SEG/SR 存入病例</translation>
    </message>
    <message>
        <source>Accept the nodules of the stored SR</source>
        <translation>认可已存 SR 中的结节</translation>
    </message>
    <message>
        <source>Start from the review stored with the case; the others stay to review</source>
        <translation>以随病例保存的审核结果为起点；其余结节仍待审核</translation>
    </message>
    <message>
        <source>The accepted nodules as DICOM SEG and SR objects of this study</source>
        <translation>将已认可的结节保存为本检查的 DICOM SEG 和 SR 对象</translation>
    </message>
    <message>
        <source>Lung-RADS v2022 at follow-up: a new nodule, growth of the mean diameter by more than 1.5 mm within 12 months, a size threshold crossed, or stable (a category 3 stable becomes 2, a 4A stable becomes 3).</source>
        <translation>Lung-RADS v2022 随访规则：新发结节、12 个月内平均直径增大超过 1.5 mm、跨越大小阈值，或稳定（3 类稳定降为 2 类，4A 类稳定降为 3 类）。</translation>
    </message>
    <message>
        <source>new</source>
        <translation>新发</translation>
    </message>
    <message>
        <source>stable</source>
        <translation>稳定</translation>
    </message>
    <message>
        <source>Not on the prior CT: graded as a new nodule.</source>
        <translation>既往 CT 上无此结节：按新发结节分类。</translation>
    </message>
    <message>
        <source>Prior CT: %1 mm; now %2 mm (%3).</source>
        <translation>既往 CT：%1 mm；本次 %2 mm（%3）。</translation>
    </message>
    <message>
        <source>Lung-RADS at follow-up %1 (baseline table: %2)</source>
        <translation>随访 Lung-RADS %1（按基线表：%2）</translation>
    </message>
    <message>
        <source>Compared with the chest CT of %1 (%2 days earlier): follow-up rules.</source>
        <translation>已与 %1 胸部 CT（%2 天前）对比，按随访规则分类。</translation>
    </message>
    <message>
        <source>%1 nodule(s) of the prior CT not found now.</source>
        <translation>既往 CT 上有 %1 个结节本次未见。</translation>
    </message>
    <message>
        <source>Graded again when this prior arrived after the pre-read; the earlier AI result is kept.</source>
        <translation>该既往 CT 在预读之后才导入，已据此重新分类；原 AI 结果保留。</translation>
    </message>
    <message>
        <source>The prior chest CT of %1 was imported after this study&apos;s pre-read: the AI graded this CT again against it (Lung-RADS follow-up rules).</source>
        <translation>%1 的既往胸部 CT 在本检查预读之后才导入：AI 已与之对比，对本次 CT 重新分类（Lung-RADS 随访规则）。</translation>
    </message>
    <message>
        <source>Show the new grading</source>
        <translation>查看新的分类结果</translation>
    </message>
</context>
</TS>
