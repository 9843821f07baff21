<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>ConsultView</name>
    <message>
        <source>requested, waiting for a specialist</source>
        <translation>已申请，等待专家接诊</translation>
    </message>
    <message>
        <source>accepted by the specialist</source>
        <translation>专家已接诊</translation>
    </message>
    <message>
        <source>being reported</source>
        <translation>报告撰写中</translation>
    </message>
    <message>
        <source>report signed</source>
        <translation>报告已签署</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>Not accepted: %1</source>
        <translation>接诊未成功：%1</translation>
    </message>
    <message>
        <source>Consultation request (%1)</source>
        <translation>会诊申请（%1）</translation>
    </message>
    <message>
        <source>Consultation request from the clinic</source>
        <translation>基层医疗机构的会诊申请</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>状态：%1</translation>
    </message>
    <message>
        <source>waiting to be sent to the server</source>
        <translation>等待发送到服务器</translation>
    </message>
    <message>
        <source>Question: %1</source>
        <translation>会诊问题：%1</translation>
    </message>
    <message>
        <source>Confirmed draft of the requesting doctor</source>
        <translation>申请医生已确认的报告草稿</translation>
    </message>
    <message>
        <source>Accept consultation</source>
        <translation>接诊</translation>
    </message>
</context>
<context>
    <name>FieldEditors</name>
    <message>
        <source>AI-suggested (%1): check and change as needed</source>
        <translation>AI 建议（%1）：请核对并按需修改</translation>
    </message>
    <message>
        <source>model not named</source>
        <translation>未注明模型</translation>
    </message>
</context>
<context>
    <name>Notifier</name>
    <message>
        <source>a patient</source>
        <translation>一位患者</translation>
    </message>
    <message>
        <source>New consultation request</source>
        <translation>新的会诊申请</translation>
    </message>
    <message>
        <source>A clinic asks for your opinion on %1.</source>
        <translation>基层医疗机构请求您对 %1 的会诊意见。</translation>
    </message>
    <message>
        <source>Report signed</source>
        <translation>报告已签署</translation>
    </message>
    <message>
        <source>The specialist&apos;s signed report for %1 has arrived.</source>
        <translation>%1 的专家签署报告已送达。</translation>
    </message>
</context>
<context>
    <name>ReportPanel</name>
    <message>
        <source>Sign this report as %1? Signing locks it; a later change needs an amendment.</source>
        <translation>以 %1 的身份签署此报告？签署后报告锁定，之后的修改须通过修订进行。</translation>
    </message>
    <message>
        <source>The report PDF could not be stored with the case: %1</source>
        <translation>报告 PDF 未能随病例保存：%1</translation>
    </message>
    <message>
        <source>Report PDF stored with the case.</source>
        <translation>报告 PDF 已随病例保存。</translation>
    </message>
    <message>
        <source>Queued for the regional server.</source>
        <translation>已排队等待上传至区域中心服务器。</translation>
    </message>
    <message>
        <source>Writing PDF…</source>
        <translation>正在生成 PDF…</translation>
    </message>
    <message>
        <source>The PDF could not be written: %1</source>
        <translation>PDF 无法保存：%1</translation>
    </message>
    <message>
        <source>PDF saved: %1</source>
        <translation>PDF 已保存：%1</translation>
    </message>
    <message>
        <source>Accept the consultation to start the report.</source>
        <translation>请先接诊，再开始撰写报告。</translation>
    </message>
    <message>
        <source>No report yet for this case.</source>
        <translation>此病例尚无报告。</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC (version %3) — read-only; amend to change</source>
        <translation>由 %1 于 %2（UTC）签署（第 %3 版）— 只读；如需修改请修订</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC (version %3) — read-only</source>
        <translation>由 %1 于 %2（UTC）签署（第 %3 版）— 只读</translation>
    </message>
    <message>
        <source>Confirmed by the doctor — ready to sign</source>
        <translation>医生已确认 — 可以签署</translation>
    </message>
    <message>
        <source>Draft (version %1) — autosaved</source>
        <translation>草稿（第 %1 版）— 已自动保存</translation>
    </message>
    <message>
        <source>Text marked AI was suggested by %1 and is not for clinical use; the doctor checks every field before confirming.</source>
        <translation>标有 AI 的内容由 %1 建议，非临床用途；确认前医生须核对每一项。</translation>
    </message>
    <message>
        <source>Text marked AI was suggested by %1 and is not for clinical use; the doctor checks every field and ticks each AI finding confirmed (unticks the rejected ones) before confirming.</source>
        <translation>标有 AI 的内容由 %1 建议，非临床用途；确认前医生须核对每一项，并勾选确认的 AI 所见（取消勾选否定的所见）。</translation>
    </message>
    <message>
        <source>the AI</source>
        <translation>AI</translation>
    </message>
    <message>
        <source>Start report (draft from the AI pre-read)</source>
        <translation>开始报告（以 AI 预读为草稿）</translation>
    </message>
    <message>
        <source>Confirm</source>
        <translation>确认</translation>
    </message>
    <message>
        <source>Sign…</source>
        <translation>签署…</translation>
    </message>
    <message>
        <source>Sign now</source>
        <translation>立即签署</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Amend</source>
        <translation>修订</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>保存 PDF</translation>
    </message>
    <message>
        <source>Saved in your Documents folder</source>
        <translation>保存到“文档”文件夹</translation>
    </message>
    <message>
        <source>Anonymised PDF</source>
        <translation>匿名 PDF</translation>
    </message>
    <message>
        <source>For teaching or sharing: no name, ID, birth date or study date in the PDF</source>
        <translation>用于教学或分享：PDF 中不含姓名、编号、出生日期和检查日期</translation>
    </message>
    <message>
        <source>AI findings to confirm</source>
        <translation>待确认的 AI 所见</translation>
    </message>
</context>
<context>
    <name>ReportPdf</name>
    <message>
        <source>DEMO: fictional patient, not a real case</source>
        <translation>演示：虚构患者，非真实病例</translation>
    </message>
    <message>
        <source>Patient: %1 · ID %2 · sex %3 · born %4 · study %5 · %6</source>
        <translation>患者：%1 · ID %2 · 性别 %3 · 出生 %4 · 检查 %5 · %6</translation>
    </message>
    <message>
        <source>AI: %1</source>
        <translation>AI：%1</translation>
    </message>
    <message>
        <source>model not named</source>
        <translation>未注明模型</translation>
    </message>
    <message>
        <source>AI pre-read by %1: not for clinical use. This report was reviewed, confirmed and signed by a doctor.</source>
        <translation>AI 预读（%1）：非临床用途。本报告已由医生审核、确认并签署。</translation>
    </message>
    <message>
        <source>Signed by %1 on %2 UTC · report version %3</source>
        <translation>签署医生 %1 · 签署时间 %2（UTC）· 报告第 %3 版</translation>
    </message>
</context>
<context>
    <name>ReportTexts</name>
    <message>
        <source>Interpretation</source>
        <translation>心电图诊断意见</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>影像所见</translation>
    </message>
    <message>
        <source>Impression</source>
        <translation>诊断意见</translation>
    </message>
    <message>
        <source>Right eye (OD) findings</source>
        <translation>右眼（OD）所见</translation>
    </message>
    <message>
        <source>Right eye (OD) grade</source>
        <translation>右眼（OD）分级</translation>
    </message>
    <message>
        <source>Left eye (OS) findings</source>
        <translation>左眼（OS）所见</translation>
    </message>
    <message>
        <source>Left eye (OS) grade</source>
        <translation>左眼（OS）分级</translation>
    </message>
    <message>
        <source>Referral advice</source>
        <translation>转诊建议</translation>
    </message>
    <message>
        <source>AI counts (AI output, not a diagnosis)</source>
        <translation>AI 计数（AI 输出，非诊断）</translation>
    </message>
    <message>
        <source>Microscopic description</source>
        <translation>镜下所见</translation>
    </message>
    <message>
        <source>Diagnosis</source>
        <translation>病理诊断</translation>
    </message>
    <message>
        <source>Lung nodules (AI, reviewed by the doctor)</source>
        <translation>肺结节（AI，经医生审核）</translation>
    </message>
    <message>
        <source>Lung-RADS category and advice</source>
        <translation>Lung-RADS 分类及建议</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>报告</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>结论</translation>
    </message>
    <message>
        <source>Findings in this eye</source>
        <translation>本眼所见</translation>
    </message>
    <message>
        <source>Grade (ICDR)</source>
        <translation>分级（ICDR）</translation>
    </message>
    <message>
        <source>Not graded</source>
        <translation>未分级</translation>
    </message>
    <message>
        <source>ICDR 0: no apparent retinopathy</source>
        <translation>ICDR 0 级：无明显视网膜病变</translation>
    </message>
    <message>
        <source>ICDR 1: mild NPDR</source>
        <translation>ICDR 1 级：轻度非增殖期糖尿病视网膜病变</translation>
    </message>
    <message>
        <source>ICDR 2: moderate NPDR (referable)</source>
        <translation>ICDR 2 级：中度非增殖期（需转诊）</translation>
    </message>
    <message>
        <source>ICDR 3: severe NPDR (referable)</source>
        <translation>ICDR 3 级：重度非增殖期（需转诊）</translation>
    </message>
    <message>
        <source>ICDR 4: proliferative DR (referable)</source>
        <translation>ICDR 4 级：增殖期糖尿病视网膜病变（需转诊）</translation>
    </message>
    <message>
        <source>Ungradable image (refer)</source>
        <translation>图像不可分级（需转诊）</translation>
    </message>
    <message>
        <source>12-lead ECG report</source>
        <translation>十二导联心电图报告</translation>
    </message>
    <message>
        <source>Imaging report (X-ray, CT, ultrasound)</source>
        <translation>影像检查报告（X 线、CT、超声）</translation>
    </message>
    <message>
        <source>Fundus photography report</source>
        <translation>眼底照相报告</translation>
    </message>
    <message>
        <source>Pathology report</source>
        <translation>病理报告</translation>
    </message>
    <message>
        <source>Chest CT report (lung nodules)</source>
        <translation>胸部 CT 报告（肺结节）</translation>
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
        <source>Confirm or reject each AI finding first (%1 left).</source>
        <translation>请先逐条确认或否定 AI 所见（还剩 %1 条）。</translation>
    </message>
    <message>
        <source>Write these fields before confirming: %1</source>
        <translation>确认前请填写：%1</translation>
    </message>
    <message>
        <source>The report is empty.</source>
        <translation>报告内容为空。</translation>
    </message>
    <message>
        <source>An administrator account cannot sign clinical reports.</source>
        <translation>管理员账户不能签署临床报告。</translation>
    </message>
    <message>
        <source>Confirm the report before signing it.</source>
        <translation>请先确认报告再签署。</translation>
    </message>
    <message>
        <source>The report is signed; amend it to change it.</source>
        <translation>报告已签署；如需修改请修订。</translation>
    </message>
    <message>
        <source>Signing needs a signed-in user.</source>
        <translation>签署需要已登录的用户。</translation>
    </message>
    <message>
        <source>Not done: %1</source>
        <translation>未完成：%1</translation>
    </message>
</context>
</TS>
