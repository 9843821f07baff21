<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <location filename="../../ui/about_dialog.py" line="14" />
        <source>About Huizhen</source>
        <translation>关于会诊</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="18" />
        <source>&lt;p&gt;Clinical workstation for a regional remote-diagnosis network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;区域远程诊断网络的临床工作站。&lt;/p&gt;</translation>
    </message>
    <message>
        <location filename="../../ui/about_dialog.py" line="20" />
        <source>&lt;p&gt;&lt;b&gt;Built-in AI models are demonstration models, not for clinical use.&lt;/b&gt; AI output is a suggestion until a doctor confirms it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;内置 AI 模型为演示模型，不可用于临床。&lt;/b&gt;AI 结果在医生确认前仅为建议。&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <location filename="../../ui/alert_banner.py" line="52" />
        <source>CRITICAL — %1 (%2): %3</source>
        <translation>危急 — %1（%2）：%3</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="55" />
        <source>(+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="68" />
        <source>Open case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <location filename="../../ui/alert_banner.py" line="69" />
        <source>Acknowledge</source>
        <translation>确认已知悉</translation>
    </message>
</context>
<context>
    <name>CaseArea</name>
    <message>
        <location filename="../../ui/case_area.py" line="218" />
        <source>Worklist</source>
        <translation>工作列表</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <location filename="../../ui/case_area.py" line="66" />
        <source>Loading case…</source>
        <translation>正在打开病例…</translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="76" />
        <source>This case could not be opened: %1</source>
        <translation>无法打开此病例：%1</translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="87" />
        <source>There is no viewer for %1 yet in this version of Huizhen.
The case is stored safely and can still be sent for consultation.</source>
        <translation>本版本会诊尚无%1查看器。
病例已安全保存，仍可发起会诊。</translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="119" />
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="129" />
        <source>ID %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <location filename="../../ui/case_area.py" line="131" />
        <source>%1 y</source>
        <translation>%1 岁</translation>
    </message>
</context>
<context>
    <name>EcgViewer</name>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="107" />
        <source>Loading ECG…</source>
        <translation>正在加载心电图…</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="109" />
        <source>This case has no ECG file.</source>
        <translation>此病例没有心电图文件。</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131" />
        <source>Layout</source>
        <translation>布局</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131" />
        <source>Order</source>
        <translation>导联顺序</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131" />
        <source>Speed</source>
        <translation>走纸速度</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="131" />
        <source>Gain</source>
        <translation>增益</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="134" />
        <source>Standard</source>
        <translation>标准</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="135" />
        <source>Cabrera</source>
        <translation>Cabrera</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="137" />
        <source>%1 mm/s</source>
        <translation>%1 mm/s</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="139" />
        <source>%1 mm/mV</source>
        <translation>%1 mm/mV</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="140" />
        <source>AI overlays</source>
        <translation>AI 叠加标注</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="151" />
        <source>Filter: not stated in the file</source>
        <translation>滤波：文件未说明</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="154" />
        <source>Filter: %1–%2 Hz</source>
        <translation>滤波：%1–%2 Hz</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="157" />
        <source>, notch %1 Hz</source>
        <translation>，陷波 %1 Hz</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="159" />
        <source>(non-diagnostic: ST segments may be distorted)</source>
        <translation>（非诊断滤波：ST 段可能失真）</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="163" />
        <source>AI: %1 %2, %3 — not for clinical use</source>
        <translation>AI：%1 %2，%3 — 不可用于临床</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="172" />
        <source>The ECG could not be shown: %1</source>
        <translation>无法显示心电图：%1</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="175" />
        <source>AI pre-read failed: %1</source>
        <translation>AI 预读失败：%1</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="181" />
        <source>%1 leads, %2 Hz, %3 s</source>
        <translation>%1 导联，%2 Hz，%3 秒</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="201" />
        <source>AI %1 %2 (not for clinical use)</source>
        <translation>AI %1 %2（不可用于临床）</translation>
    </message>
    <message>
        <location filename="../../viewers/ecg/qt_ecg_viewer.py" line="208" />
        <source>HR %1 bpm, PR %2 ms, QRS %3 ms, QT/QTc %4/%5 ms</source>
        <translation>心率 %1 次/分，PR %2 ms，QRS %3 ms，QT/QTc %4/%5 ms</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <location filename="../../ui/findings_dock.py" line="59" />
        <source>No findings for the current case.</source>
        <translation>当前病例暂无发现。</translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="63" />
        <source>AI findings are suggestions; they become part of a report only when a doctor confirms them.</source>
        <translation>AI 发现仅为建议，经医生确认后才会写入报告。</translation>
    </message>
    <message>
        <location filename="../../ui/findings_dock.py" line="69" />
        <source>Findings</source>
        <translation>发现</translation>
    </message>
</context>
<context>
    <name>ImageViewer</name>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="92" />
        <source>Loading image…</source>
        <translation>正在加载图像…</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="94" />
        <source>This case has no image file.</source>
        <translation>此病例没有图像文件。</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="102" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="103" />
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="104" />
        <source>Invert</source>
        <translation>反色</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="105" />
        <source>Reset window</source>
        <translation>重置窗宽窗位</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="114" />
        <source>The image could not be shown: %1</source>
        <translation>无法显示图像：%1</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="166" />
        <source>Right eye (OD)</source>
        <translation>右眼 (OD)</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="166" />
        <source>Left eye (OS)</source>
        <translation>左眼 (OS)</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="167" />
        <source>Laterality unknown</source>
        <translation>眼别未知</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="173" />
        <source>W %1  L %2</source>
        <translation>窗宽 %1  窗位 %2</translation>
    </message>
    <message>
        <location filename="../../viewers/dicom/qt_image_viewer.py" line="176" />
        <source>inverted</source>
        <translation>已反色</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <location filename="../../ui/import_report.py" line="29" />
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="34" />
        <source>%1 imported, %2 already in the store, %3 could not be imported.</source>
        <translation>已导入 %1 个，%2 个已存在，%3 个无法导入。</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="37" />
        <source>Import was cancelled; files already imported are kept.</source>
        <translation>导入已取消；已导入的文件均已保留。</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42" />
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42" />
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42" />
        <source>Modality</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="42" />
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="74" />
        <source>Not a format Huizhen can read</source>
        <translation>会诊无法读取此格式</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="76" />
        <source>Already in the store (nothing changed)</source>
        <translation>已在本地库中（未作更改）</translation>
    </message>
    <message>
        <location filename="../../ui/import_report.py" line="78" />
        <source>Unreadable: %1</source>
        <translation>无法读取：%1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <location filename="../../ui/labels.py" line="12" />
        <source>New</source>
        <translation>新病例</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="13" />
        <source>AI pre-read</source>
        <translation>AI 预读</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="14" />
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="15" />
        <source>In consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="16" />
        <source>Reported</source>
        <translation>已出报告</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="17" />
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="23" />
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="24" />
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="25" />
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="31" />
        <source>ECG</source>
        <translation>心电图</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="32" />
        <source>CT</source>
        <translation>CT</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="33" />
        <source>X-ray (CR/DX)</source>
        <translation>X 线 (CR/DX)</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="34" />
        <source>Ultrasound</source>
        <translation>超声</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="35" />
        <source>Fundus photo</source>
        <translation>眼底照相</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="36" />
        <source>Pathology slide</source>
        <translation>病理切片</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="37" />
        <location filename="../../ui/labels.py" line="54" />
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="43" />
        <source>Community doctor</source>
        <translation>社区医生</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="44" />
        <source>Specialist</source>
        <translation>专科医生</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="45" />
        <source>Pathologist</source>
        <translation>病理医生</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="46" />
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="52" />
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="53" />
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="55" />
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="60" />
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="61" />
        <source>Already in store</source>
        <translation>已存在</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="62" />
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <location filename="../../ui/labels.py" line="63" />
        <source>Unsupported</source>
        <translation>不支持</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <location filename="../../ui/login_dialog.py" line="27" />
        <source>Huizhen — Sign in</source>
        <translation>会诊 — 登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="29" />
        <source>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;Regional remote-diagnosis workstation</source>
        <translation>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;区域远程诊断工作站</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="41" />
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="42" />
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="43" />
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="47" />
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="57" />
        <source>Demo: users doctor / specialist / pathologist / admin, password “demo”. Not for clinical use.</source>
        <translation>演示：用户 doctor / specialist / pathologist / admin，密码 “demo”。不可用于临床。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="90" />
        <source>This account does not have the selected role.</source>
        <translation>此账号没有所选角色。</translation>
    </message>
    <message>
        <location filename="../../ui/login_dialog.py" line="92" />
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <location filename="../../ui/main_window.py" line="113" />
        <source>Huizhen 会诊 — regional remote diagnosis</source>
        <translation>会诊 Huizhen — 区域远程诊断</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="115" />
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="116" />
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="117" />
        <source>&amp;Refresh worklist</source>
        <translation>刷新工作列表(&amp;R)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="118" />
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="119" />
        <source>&amp;Worklist</source>
        <translation>工作列表(&amp;W)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="120" />
        <source>&amp;Search worklist</source>
        <translation>搜索工作列表(&amp;S)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="121" />
        <source>&amp;Findings panel</source>
        <translation>发现面板(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="122" />
        <source>&amp;Open selected case</source>
        <translation>打开所选病例(&amp;O)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="123" />
        <source>&amp;Close case</source>
        <translation>关闭病例(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="124" />
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="125" />
        <source>&amp;About Huizhen</source>
        <translation>关于会诊(&amp;A)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="129" />
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="133" />
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="135" />
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="137" />
        <source>&amp;Case</source>
        <translation>病例(&amp;C)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="139" />
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="141" />
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="161" />
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="162" />
        <source>Sync: local only (not connected)</source>
        <translation>同步：仅本地（未连接）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="167" />
        <source>Working… (%1)</source>
        <translation>处理中…（%1）</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="177" />
        <source>Could not load the worklist: %1</source>
        <translation>无法加载工作列表：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="213" />
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="218" />
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="234" />
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="235" />
        <source>The import stopped: %1
Nothing already imported was lost.</source>
        <translation>导入已停止：%1
已导入的内容均未丢失。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="242" />
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="264" />
        <source>AI pre-read failed for %1 case(s); they stay in the worklist for manual review.</source>
        <translation>%1 个病例的 AI 预读失败；这些病例仍在工作列表中，请人工审阅。</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="278" />
        <source>AI pre-read stopped: %1</source>
        <translation>AI 预读已停止：%1</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="304" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/main_window.py" line="305" />
        <source>Settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>QtJobs</name>
    <message>
        <location filename="../../ui/qt_jobs.py" line="89" />
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <location filename="../../ui/settings_dialog.py" line="29" />
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="38" />
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="46" />
        <source>Automatic (screen DPI)</source>
        <translation>自动（屏幕 DPI）</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="52" />
        <source>Regional server URL</source>
        <translation>区域服务器地址</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="53" />
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="54" />
        <location filename="../../ui/settings_dialog.py" line="70" />
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="55" />
        <source>ECG screen calibration</source>
        <translation>心电图屏幕校准</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="56" />
        <source>A new data folder takes effect after restarting Huizhen.</source>
        <translation>新的数据文件夹在重启会诊后生效。</translation>
    </message>
    <message>
        <location filename="../../ui/settings_dialog.py" line="81" />
        <source>The server URL must start with http:// or https://</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头</translation>
    </message>
</context>
<context>
    <name>SlideCanvas</name>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="181" />
        <source>µm</source>
        <translation>µm</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="181" />
        <source>mm</source>
        <translation>mm</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/slide_canvas.py" line="181" />
        <source>px</source>
        <translation>像素</translation>
    </message>
</context>
<context>
    <name>SlideViewer</name>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="83" />
        <source>This case has no slide file.</source>
        <translation>此病例没有切片文件。</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="85" />
        <source>Opening slide…</source>
        <translation>正在打开切片…</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="92" />
        <source>Fit</source>
        <translation>适应窗口</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="93" />
        <source>1:1</source>
        <translation>1:1</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="94" />
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="95" />
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="109" />
        <source>%1x</source>
        <translation>%1 倍</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="111" />
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="114" />
        <source>%1 — %2 × %3 px — zoom %4 — level %5</source>
        <translation>%1 — %2 × %3 像素 — 缩放 %4 — 层级 %5</translation>
    </message>
    <message>
        <location filename="../../viewers/wsi/qt_slide_viewer.py" line="136" />
        <source>The slide could not be opened: %1</source>
        <translation>无法打开切片：%1</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <location filename="../../ui/main_app.py" line="43" />
        <source>Huizhen</source>
        <translation>会诊</translation>
    </message>
    <message>
        <location filename="../../ui/main_app.py" line="44" />
        <source>The local database could not be opened:
%1

Check the data folder in the settings file or ask your IT contact.</source>
        <translation>无法打开本地数据库：
%1

请检查设置文件中的数据文件夹，或联系信息科。</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <location filename="../../ui/worklist_model.py" line="148" />
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="149" />
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="150" />
        <source>Patient ID</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="151" />
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="152" />
        <source>Modality</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="153" />
        <source>Study time</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="154" />
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="155" />
        <source>AI pre-read</source>
        <translation>AI 预读</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="156" />
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_model.py" line="180" />
        <source>AI output, not a diagnosis: %1</source>
        <translation>AI 输出，非诊断结论：%1</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <location filename="../../ui/worklist_view.py" line="80" />
        <source>Search patient name or ID…</source>
        <translation>搜索患者姓名或编号…</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="82" />
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="86" />
        <source>All modalities</source>
        <translation>全部检查类型</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="91" />
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="96" />
        <source>Any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="98" />
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="99" />
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="100" />
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="101" />
        <source>Last year</source>
        <translation>近一年</translation>
    </message>
    <message>
        <location filename="../../ui/worklist_view.py" line="133" />
        <source>%1 of %2 cases</source>
        <translation>%1 / %2 个病例</translation>
    </message>
</context>
</TS>