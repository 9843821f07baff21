<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Huizhen</source>
        <translation>关于会诊</translation>
    </message>
    <message>
        <source>not for clinical use</source>
        <translation>不可用于临床</translation>
    </message>
    <message>
        <source>AI models</source>
        <translation>AI 模型</translation>
    </message>
    <message>
        <source>Empty model slots (no model installed; the built-in analysis runs): %1</source>
        <translation>空模型位（未安装模型，运行内置分析）：%1</translation>
    </message>
    <message>
        <source>&lt;p&gt;Clinical workstation for a regional remote-diagnosis network.&lt;/p&gt;</source>
        <translation>&lt;p&gt;区域远程诊断网络的临床工作站。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Built-in AI models are demonstration models, not for clinical use.&lt;/b&gt; AI output is a suggestion until a doctor confirms it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;内置 AI 模型为演示模型，不可用于临床。&lt;/b&gt;AI 结果在医生确认前仅为建议。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>数据文件夹：%1</translation>
    </message>
</context>
<context>
    <name>AiText</name>
    <message>
        <source>No significant finding in what the AI could measure (see AI notes)</source>
        <translation>在 AI 可测量的范围内未见明显异常（见 AI 分析说明）</translation>
    </message>
    <message>
        <source>No significant finding</source>
        <translation>未见明显异常</translation>
    </message>
    <message>
        <source>HR %1 bpm</source>
        <translation>心率 %1 次/分</translation>
    </message>
</context>
<context>
    <name>AlertBanner</name>
    <message>
        <source>CRITICAL — %1 (%2): %3</source>
        <translation>危急 — %1（%2）：%3</translation>
    </message>
    <message>
        <source>URGENT — %1 (%2): %3</source>
        <translation>紧急 — %1（%2）：%3</translation>
    </message>
    <message>
        <source>(+%1 more)</source>
        <translation>（另有 %1 条）</translation>
    </message>
    <message>
        <source>Critical alert (%5) for %1 (%2) acknowledged by %3 at %4</source>
        <translation>%1（%2）的危急值警报（%5）已由 %3 于 %4 确认</translation>
    </message>
    <message>
        <source>Urgent alert (%5) for %1 (%2) acknowledged by %3 at %4</source>
        <translation>%1（%2）的紧急警报（%5）已由 %3 于 %4 确认</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>打开病例</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>确认已知悉</translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation>关闭提示</translation>
    </message>
</context>
<context>
    <name>CaseArea</name>
    <message>
        <source>Worklist</source>
        <translation>工作列表</translation>
    </message>
</context>
<context>
    <name>CaseTab</name>
    <message>
        <source>Loading case…</source>
        <translation>正在打开病例…</translation>
    </message>
    <message>
        <source>This case could not be opened: %1</source>
        <translation>无法打开此病例：%1</translation>
    </message>
    <message>
        <source>There is no viewer for %1 yet in this version of Huizhen.
The case is stored safely and can still be sent for consultation.</source>
        <translation>本版本会诊尚无%1查看器。
病例已安全保存，仍可发起会诊。</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>加载中…</translation>
    </message>
    <message>
        <source>Patient to be assigned</source>
        <translation>待指定患者</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
    <message>
        <source>Assign patient…</source>
        <translation>指定患者…</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <source>%1 y</source>
        <translation>%1 岁</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Sync conflicts</source>
        <translation>同步冲突</translation>
    </message>
    <message>
        <source>Someone else changed this report on the server before your change arrived. Both versions are kept; choose which one stays.</source>
        <translation>在您的修改送达之前，他人已在服务器上修改了此报告。两个版本均已保留，请选择保留哪一个。</translation>
    </message>
    <message>
        <source>Keep mine (send it again)</source>
        <translation>保留我的（重新发送）</translation>
    </message>
    <message>
        <source>Take theirs</source>
        <translation>采用对方的</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Report %1 (%2)</source>
        <translation>报告 %1（%2）</translation>
    </message>
    <message>
        <source>No open conflicts.</source>
        <translation>没有未解决的冲突。</translation>
    </message>
    <message>
        <source>Mine (based on version %1)</source>
        <translation>我的（基于版本 %1）</translation>
    </message>
    <message>
        <source>On the server (version %1)</source>
        <translation>服务器上（版本 %1）</translation>
    </message>
</context>
<context>
    <name>ConsultDialog</name>
    <message>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <source>Waiting to be sent</source>
        <translation>等待发送</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>已发送</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>已接收</translation>
    </message>
    <message>
        <source>In review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已出报告</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Request consultation</source>
        <translation>申请会诊</translation>
    </message>
    <message>
        <source>ID %1</source>
        <translation>编号 %1</translation>
    </message>
    <message>
        <source>Attach the AI findings to the request</source>
        <translation>将 AI 所见附于申请</translation>
    </message>
    <message>
        <source>AI findings (%1 %2) — not a diagnosis</source>
        <translation>AI 所见（%1 %2）——非诊断结论</translation>
    </message>
    <message>
        <source>AI findings</source>
        <translation>AI 所见</translation>
    </message>
    <message>
        <source>No AI pre-read for this case.</source>
        <translation>此病例无 AI 预读。</translation>
    </message>
    <message>
        <source>Please review this %1 and advise on diagnosis and management.</source>
        <translation>请审阅此%1并给出诊断与处理意见。</translation>
    </message>
    <message>
        <source>optional: choose a specialist or type a user name</source>
        <translation>可选：选择专家或输入用户名</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Study</source>
        <translation>检查</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>问题</translation>
    </message>
    <message>
        <source>Urgency</source>
        <translation>紧急程度</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>科室</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>专家</translation>
    </message>
    <message>
        <source>Send my confirmed report draft with the request</source>
        <translation>随申请发送我已确认的报告草稿</translation>
    </message>
    <message>
        <source>Confirm a report draft for this case first to send it along.</source>
        <translation>请先确认此病例的报告草稿，才能随申请发送。</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>发送</translation>
    </message>
    <message>
        <source>The request is kept on this computer and sent as soon as the server is reachable; you can keep working offline.</source>
        <translation>申请保存在本机，一旦可连接服务器即发送；离线时可继续工作。</translation>
    </message>
    <message>
        <source>Nobody in %1 is active on the server: the request would wait unanswered.</source>
        <translation>%1 在服务器上没有在岗医生：申请将无人接诊。</translation>
    </message>
    <message>
        <source>Send to %1 instead (%2 active)</source>
        <translation>改发至 %1（%2 人在岗）</translation>
    </message>
    <message>
        <source>Send anyway</source>
        <translation>仍然发送</translation>
    </message>
    <message>
        <source>Write a question for the specialist.</source>
        <translation>请填写给专家的问题。</translation>
    </message>
    <message>
        <source>The request could not be saved: %1</source>
        <translation>无法保存申请：%1</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <source>the disk is full; free some space and try again</source>
        <translation>磁盘已满，请清理空间后重试</translation>
    </message>
    <message>
        <source>no permission to write there; choose another folder or ask IT</source>
        <translation>没有写入该位置的权限，请选择其他文件夹或联系信息科</translation>
    </message>
    <message>
        <source>the disk is read-only; choose another folder</source>
        <translation>该磁盘为只读，请选择其他文件夹</translation>
    </message>
    <message>
        <source>the folder or file no longer exists (a removed USB drive?)</source>
        <translation>文件夹或文件已不存在（U 盘是否已拔出？）</translation>
    </message>
    <message>
        <source>the disk reported an error (a failing or removed drive?)</source>
        <translation>磁盘报告错误（磁盘故障或已被移除？）</translation>
    </message>
</context>
<context>
    <name>FindingsDock</name>
    <message>
        <source>AI output — %1, version %2</source>
        <translation>AI 输出 — %1，版本 %2</translation>
    </message>
    <message>
        <source>AI output — %1</source>
        <translation>AI 输出 — %1</translation>
    </message>
    <message>
        <source>Not for clinical use</source>
        <translation>非临床用途</translation>
    </message>
    <message>
        <source>No AI findings for this case yet: they appear here once an AI analysis has run (the pre-read, or the viewer&apos;s AI tools).</source>
        <translation>本病例暂无 AI 发现：AI 分析（预读或查看器中的 AI 工具）运行后在此显示。</translation>
    </message>
    <message>
        <source>AI findings are suggestions; they become part of a report only when a doctor confirms them.</source>
        <translation>AI 发现仅为建议，经医生确认后才会写入报告。</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>所见</translation>
    </message>
</context>
<context>
    <name>ImportReportDialog</name>
    <message>
        <source>Import report</source>
        <translation>导入报告</translation>
    </message>
    <message>
        <source>%1 imported, %2 already in the store, %3 could not be imported.</source>
        <translation>已导入 %1 个，%2 个已存在，%3 个无法导入。</translation>
    </message>
    <message>
        <source>Import was cancelled; files already imported are kept.</source>
        <translation>导入已取消；已导入的文件均已保留。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>结果</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>%1 files: %2</source>
        <translation>%1 个文件：%2</translation>
    </message>
    <message>
        <source>Not a format Huizhen can read</source>
        <translation>会诊无法读取此格式</translation>
    </message>
    <message>
        <source>Already in the store (nothing changed)</source>
        <translation>已在本地库中（未作更改）</translation>
    </message>
    <message>
        <source>%1 files, kept together as one record</source>
        <translation>%1 个文件，作为同一记录一并保存</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>New</source>
        <translation>新病例</translation>
    </message>
    <message>
        <source>AI pre-read</source>
        <translation>AI 预读</translation>
    </message>
    <message>
        <source>Awaiting review</source>
        <translation>待审核</translation>
    </message>
    <message>
        <source>In consultation</source>
        <translation>会诊中</translation>
    </message>
    <message>
        <source>Reported</source>
        <translation>已出报告</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>已签发</translation>
    </message>
    <message>
        <source>requested</source>
        <translation>已申请</translation>
    </message>
    <message>
        <source>accepted</source>
        <translation>已接受</translation>
    </message>
    <message>
        <source>in review</source>
        <translation>审阅中</translation>
    </message>
    <message>
        <source>reported</source>
        <translation>已出报告</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>已取消</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>危急</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>紧急</translation>
    </message>
    <message>
        <source>Routine</source>
        <translation>常规</translation>
    </message>
    <message>
        <source>ECG</source>
        <translation>心电图</translation>
    </message>
    <message>
        <source>CT</source>
        <translation>CT</translation>
    </message>
    <message>
        <source>X-ray (CR/DX)</source>
        <translation>X 线 (CR/DX)</translation>
    </message>
    <message>
        <source>Ultrasound</source>
        <translation>超声</translation>
    </message>
    <message>
        <source>Fundus photo</source>
        <translation>眼底照相</translation>
    </message>
    <message>
        <source>Pathology slide</source>
        <translation>病理切片</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Community doctor</source>
        <translation>社区医生</translation>
    </message>
    <message>
        <source>Specialist</source>
        <translation>专科医生</translation>
    </message>
    <message>
        <source>Pathologist</source>
        <translation>病理医生</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>管理员</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>已导入</translation>
    </message>
    <message>
        <source>Already in store</source>
        <translation>已存在</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失败</translation>
    </message>
    <message>
        <source>Unsupported</source>
        <translation>不支持</translation>
    </message>
    <message>
        <source>Cardiology</source>
        <translation>心内科</translation>
    </message>
    <message>
        <source>Radiology</source>
        <translation>放射科</translation>
    </message>
    <message>
        <source>Pathology</source>
        <translation>病理科</translation>
    </message>
    <message>
        <source>Ophthalmology</source>
        <translation>眼科</translation>
    </message>
    <message>
        <source>General practice</source>
        <translation>全科</translation>
    </message>
    <message>
        <source>Emergency</source>
        <translation>急诊科</translation>
    </message>
    <message>
        <source>Respiratory medicine</source>
        <translation>呼吸内科</translation>
    </message>
    <message>
        <source>Endocrinology</source>
        <translation>内分泌科</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Huizhen — Sign in</source>
        <translation>会诊 — 登录</translation>
    </message>
    <message>
        <source>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;Regional remote-diagnosis workstation</source>
        <translation>&lt;h2&gt;会诊 Huizhen&lt;/h2&gt;区域远程诊断工作站</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
    <message>
        <source>Demo: users doctor / specialist / radiologist / ophthalmologist / pathologist / admin, password “demo”. Not for clinical use.</source>
        <translation>演示：用户 doctor / specialist / radiologist / ophthalmologist / pathologist / admin，密码 “demo”。不可用于临床。</translation>
    </message>
    <message>
        <source>This account does not have the selected role.</source>
        <translation>此账号没有所选角色。</translation>
    </message>
    <message>
        <source>Wrong user name or password.</source>
        <translation>用户名或密码错误。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Huizhen 会诊 — regional remote diagnosis</source>
        <translation>会诊 Huizhen — 区域远程诊断</translation>
    </message>
    <message>
        <source>&amp;Import files…</source>
        <translation>导入文件(&amp;I)…</translation>
    </message>
    <message>
        <source>Import &amp;folder…</source>
        <translation>导入文件夹(&amp;F)…</translation>
    </message>
    <message>
        <source>&amp;Refresh worklist</source>
        <translation>刷新工作列表(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Worklist</source>
        <translation>工作列表(&amp;W)</translation>
    </message>
    <message>
        <source>&amp;Search worklist</source>
        <translation>搜索工作列表(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Findings panel</source>
        <translation>所见面板(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Open selected case</source>
        <translation>打开所选病例(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Close case</source>
        <translation>关闭病例(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>设置(&amp;S)…</translation>
    </message>
    <message>
        <source>&amp;About Huizhen</source>
        <translation>关于会诊(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>视图(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>语言(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Case</source>
        <translation>病例(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>工具(&amp;T)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Sync: local only (not connected)</source>
        <translation>同步：仅本地（未连接）</translation>
    </message>
    <message>
        <source>Working… (%1)</source>
        <translation>处理中…（%1）</translation>
    </message>
    <message>
        <source>Could not load the worklist: %1</source>
        <translation>无法加载工作列表：%1</translation>
    </message>
    <message>
        <source>Import files</source>
        <translation>导入文件</translation>
    </message>
    <message>
        <source>Import folder</source>
        <translation>导入文件夹</translation>
    </message>
    <message>
        <source>Import failed</source>
        <translation>导入失败</translation>
    </message>
    <message>
        <source>The import stopped: %1
Nothing already imported was lost.</source>
        <translation>导入已停止：%1
已导入的内容均未丢失。</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>AI pre-read failed for %1 case(s); they stay in the worklist for manual review.</source>
        <translation>%1 个病例的 AI 预读失败；这些病例仍在工作列表中，请人工审阅。</translation>
    </message>
    <message>
        <source>AI pre-read stopped: %1</source>
        <translation>AI 预读已停止：%1</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Settings could not be saved: %1</source>
        <translation>无法保存设置：%1</translation>
    </message>
</context>
<context>
    <name>PasswordChangeDialog</name>
    <message>
        <source>Set your own password</source>
        <translation>设置您自己的密码</translation>
    </message>
    <message>
        <source>This account still has the password it was given. Choose your own before working with the regional server: at least 10 characters, not your user name.</source>
        <translation>此账号仍在使用管理员分配的初始密码。使用区域服务器前，请设置您自己的密码：至少 10 个字符，且不能包含用户名。</translation>
    </message>
    <message>
        <source>Current password</source>
        <translation>当前密码</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>新密码</translation>
    </message>
    <message>
        <source>New password again</source>
        <translation>再次输入新密码</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>修改密码</translation>
    </message>
    <message>
        <source>The two new passwords differ.</source>
        <translation>两次输入的新密码不一致。</translation>
    </message>
    <message>
        <source>The new password needs at least 10 characters.</source>
        <translation>新密码至少需要 10 个字符。</translation>
    </message>
    <message>
        <source>The new password must not contain your user name.</source>
        <translation>新密码不能包含用户名。</translation>
    </message>
    <message>
        <source>Changing the password…</source>
        <translation>正在修改密码…</translation>
    </message>
    <message>
        <source>The current password is wrong.</source>
        <translation>当前密码不正确。</translation>
    </message>
    <message>
        <source>The server could not be reached: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>The server refused this password: %1</source>
        <translation>服务器不接受此密码：%1</translation>
    </message>
    <message>
        <source>The password could not be changed: %1</source>
        <translation>密码未能修改：%1</translation>
    </message>
</context>
<context>
    <name>PatientAssignDialog</name>
    <message>
        <source>Assign patient</source>
        <translation>指定患者</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>未知</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>女</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>男</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation>年-月-日（如 1961-03-04）</translation>
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
        <source>Patient ID</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>性别</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>出生日期</translation>
    </message>
    <message>
        <source>Eye</source>
        <translation>眼别</translation>
    </message>
    <message>
        <source>Examination date</source>
        <translation>检查日期</translation>
    </message>
    <message>
        <source>Enter the patient&apos;s ID (as on the clinic&apos;s records).</source>
        <translation>请输入患者编号（与本院病历一致）。</translation>
    </message>
    <message>
        <source>Enter the birth date as YYYY-MM-DD, or leave it empty.</source>
        <translation>请按 年-月-日 格式输入出生日期，或留空。</translation>
    </message>
    <message>
        <source>The patient could not be assigned: %1</source>
        <translation>无法指定患者：%1</translation>
    </message>
    <message>
        <source>Saving…</source>
        <translation>正在保存…</translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>AI pre-read</source>
        <translation>AI 预读</translation>
    </message>
    <message>
        <source>resampling</source>
        <translation>重采样</translation>
    </message>
    <message>
        <source>AI delineation</source>
        <translation>AI 波形识别</translation>
    </message>
    <message>
        <source>measurements</source>
        <translation>测量</translation>
    </message>
    <message>
        <source>done</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>filtering</source>
        <translation>滤波</translation>
    </message>
    <message>
        <source>finding tissue</source>
        <translation>识别组织区域</translation>
    </message>
    <message>
        <source>tissue found</source>
        <translation>已找到组织区域</translation>
    </message>
    <message>
        <source>slide</source>
        <translation>切片</translation>
    </message>
    <message>
        <source>slide ready</source>
        <translation>切片已就绪</translation>
    </message>
    <message>
        <source>downloading</source>
        <translation>正在下载</translation>
    </message>
    <message>
        <source>uploading</source>
        <translation>正在上传</translation>
    </message>
    <message>
        <source>importing</source>
        <translation>正在导入</translation>
    </message>
</context>
<context>
    <name>QrLink</name>
    <message>
        <source>Copy link</source>
        <translation>复制链接</translation>
    </message>
    <message>
        <source>Scan or paste this link (File › Open link…) to open the case. The case is not on the server yet; the link works once it is sent.</source>
        <translation>扫描或粘贴此链接（文件 › 打开链接…）以打开病例。病例尚未上传到服务器，发送后链接即可使用。</translation>
    </message>
    <message>
        <source>Scan or paste this link (File › Open link…) to open the case.</source>
        <translation>扫描或粘贴此链接（文件 › 打开链接…）以打开病例。</translation>
    </message>
</context>
<context>
    <name>QtJobs</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ReadErrors</name>
    <message>
        <source>The file is incomplete (cut off, e.g. during copying)</source>
        <translation>文件不完整（例如复制时被中断）</translation>
    </message>
    <message>
        <source>The file is damaged</source>
        <translation>文件已损坏</translation>
    </message>
    <message>
        <source>This kind of study is not supported yet</source>
        <translation>暂不支持此类检查</translation>
    </message>
    <message>
        <source>The file is empty</source>
        <translation>文件为空</translation>
    </message>
    <message>
        <source>A file is missing</source>
        <translation>文件缺失</translation>
    </message>
    <message>
        <source>The patient details file beside it is damaged</source>
        <translation>同一文件夹中的患者信息文件已损坏</translation>
    </message>
    <message>
        <source>The file could not be read</source>
        <translation>无法读取文件</translation>
    </message>
    <message>
        <source>An unexpected error occurred</source>
        <translation>发生意外错误</translation>
    </message>
    <message>
        <source>file %1 does not exist</source>
        <translation>文件 %1 不存在</translation>
    </message>
    <message>
        <source>file %1 is empty</source>
        <translation>文件 %1 为空</translation>
    </message>
    <message>
        <source>%1 cannot be read (no access to it, or a disk error)</source>
        <translation>无法读取 %1（无访问权限或磁盘错误）</translation>
    </message>
    <message>
        <source>%1 is not a format Huizhen can read</source>
        <translation>%1 不是会诊系统可读取的格式</translation>
    </message>
    <message>
        <source>not a valid %1 file (its content does not match the format)</source>
        <translation>不是有效的 %1 文件（内容与该格式不符）</translation>
    </message>
    <message>
        <source>not a DICOM file</source>
        <translation>不是 DICOM 文件</translation>
    </message>
    <message>
        <source>the file header is damaged</source>
        <translation>文件头信息已损坏</translation>
    </message>
    <message>
        <source>the image data is damaged</source>
        <translation>图像数据已损坏</translation>
    </message>
    <message>
        <source>the XML content is damaged or cut off</source>
        <translation>XML 内容已损坏或不完整</translation>
    </message>
    <message>
        <source>the XML contains declarations refused for safety</source>
        <translation>XML 含有出于安全原因拒绝处理的声明</translation>
    </message>
    <message>
        <source>the patient details file %1 is damaged</source>
        <translation>患者信息文件 %1 已损坏</translation>
    </message>
    <message>
        <source>the file is cut off: it needs %1 bytes but has only %2</source>
        <translation>文件被截断：应有 %1 字节，实际只有 %2 字节</translation>
    </message>
    <message>
        <source>the file ends inside the image data</source>
        <translation>文件在图像数据中途截断</translation>
    </message>
    <message>
        <source>the file ends before its data is complete (cut off?)</source>
        <translation>文件在数据完整之前就结束了（可能被截断）</translation>
    </message>
    <message>
        <source>the file is too large (%1 MB; the limit is %2 MB)</source>
        <translation>文件过大（%1 MB，上限为 %2 MB）</translation>
    </message>
    <message>
        <source>the file is too large</source>
        <translation>文件过大</translation>
    </message>
    <message>
        <source>the image is larger than the %1 million pixels allowed</source>
        <translation>图像超过允许的 %1 百万像素上限</translation>
    </message>
    <message>
        <source>one image would need %1 MB, more than the %2 MB allowed</source>
        <translation>单幅图像需要 %1 MB，超过允许的 %2 MB</translation>
    </message>
    <message>
        <source>the compressed data expands far beyond any medical image (refused for safety)</source>
        <translation>压缩数据解压后远超任何医学图像的大小（出于安全原因拒绝）</translation>
    </message>
    <message>
        <source>the image has no valid size (%1 × %2)</source>
        <translation>图像尺寸无效（%1 × %2）</translation>
    </message>
    <message>
        <source>the file holds no image (%1 object)</source>
        <translation>文件中没有图像（%1 对象）</translation>
    </message>
    <message>
        <source>the image compression (%1) cannot be decoded</source>
        <translation>无法解码该图像压缩格式（%1）</translation>
    </message>
    <message>
        <source>DICOM modality %1 is not supported</source>
        <translation>不支持 DICOM 检查类型 %1</translation>
    </message>
    <message>
        <source>the DICOM file is not an image, a waveform or a known document</source>
        <translation>该 DICOM 文件不是图像、波形或可识别的文档</translation>
    </message>
    <message>
        <source>an image of the series differs in size or colour type</source>
        <translation>序列中有图像的尺寸或颜色类型与其他图像不一致</translation>
    </message>
    <message>
        <source>this series holds no image that can be shown</source>
        <translation>该序列中没有可显示的图像</translation>
    </message>
    <message>
        <source>the DICOMDIR (disc index) lists no files</source>
        <translation>DICOMDIR（光盘索引）中未列出任何文件</translation>
    </message>
    <message>
        <source>the record is only %1 ms long; nothing to show or measure</source>
        <translation>记录时长仅 %1 毫秒，无法显示或测量</translation>
    </message>
    <message>
        <source>the file holds no waveform</source>
        <translation>文件中没有波形数据</translation>
    </message>
    <message>
        <source>not an ECG: the record holds no ECG lead (only %1)</source>
        <translation>不是心电图：记录中没有心电导联（仅有 %1）</translation>
    </message>
    <message>
        <source>the record gives no usable sampling rate</source>
        <translation>记录中没有可用的采样率</translation>
    </message>
    <message>
        <source>this record also needs %1 (copy it into the same folder)</source>
        <translation>此记录还需要 %1（请将其复制到同一文件夹）</translation>
    </message>
    <message>
        <source>%1 is not a supported ECG format (DICOM, WFDB, HL7 aECG, GE MUSE XML, GE CardioSoft XML, Philips Sierra XML, SCP-ECG)</source>
        <translation>%1 不是支持的心电图格式（支持 DICOM、WFDB、HL7 aECG、GE MUSE XML、GE CardioSoft XML、Philips Sierra XML、SCP-ECG）</translation>
    </message>
    <message>
        <source>the waveform data is cut off</source>
        <translation>波形数据不完整</translation>
    </message>
    <message>
        <source>the waveform data is damaged</source>
        <translation>波形数据已损坏</translation>
    </message>
    <message>
        <source>the waveform data encoding %1 is not supported</source>
        <translation>不支持该波形数据编码（%1）</translation>
    </message>
    <message>
        <source>this case has no file</source>
        <translation>此病例没有文件</translation>
    </message>
    <message>
        <source>the files of this case are not on this workstation yet: %1</source>
        <translation>此病例的文件尚未传到本工作站：%1</translation>
    </message>
    <message>
        <source>the images could not be fetched from the regional server</source>
        <translation>无法从区域医院服务器获取图像</translation>
    </message>
    <message>
        <source>%1 files cannot be opened for viewing</source>
        <translation>%1 文件无法打开查看</translation>
    </message>
    <message>
        <source>Copy it again from the original (the device, disc or USB drive) and import it again.</source>
        <translation>请从原始来源（设备、光盘或U盘）重新复制后再导入。</translation>
    </message>
    <message>
        <source>Export it again from the device, or ask the sender for a new copy.</source>
        <translation>请从设备重新导出，或请发送方重新提供。</translation>
    </message>
    <message>
        <source>Huizhen cannot import it; view it with the device&apos;s own software.</source>
        <translation>会诊系统无法导入此文件，请用设备自带的软件查看。</translation>
    </message>
    <message>
        <source>Copy it again from the original and import it again.</source>
        <translation>请从原始来源重新复制后再导入。</translation>
    </message>
    <message>
        <source>Check that the file is there (disc or USB drive inserted) and import it again.</source>
        <translation>请确认文件仍在（光盘或U盘已插入）后重新导入。</translation>
    </message>
    <message>
        <source>Correct or remove the patient details file beside it and import it again.</source>
        <translation>请修正或删除其旁边的患者信息文件后重新导入。</translation>
    </message>
    <message>
        <source>Check the disc or drive and your access to the file, then import it again.</source>
        <translation>请检查光盘或磁盘以及对该文件的访问权限，然后重新导入。</translation>
    </message>
    <message>
        <source>Try again; if it happens again, give the technical detail below to your support.</source>
        <translation>请重试；如再次出现，请将下方的技术细节提供给技术支持人员。</translation>
    </message>
    <message>
        <source>Check the connection to the regional server and try again.</source>
        <translation>请检查与区域医院服务器的连接后重试。</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1。%2</translation>
    </message>
    <message>
        <source>Technical detail: %1</source>
        <translation>技术细节：%1</translation>
    </message>
</context>
<context>
    <name>SeriesProblems</name>
    <message numerus="yes">
        <source>%n image(s) on the server have no readable header and are not shown</source>
        <translation>
            <numerusform>服务器上有 %n 幅图像的文件头无法读取，未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n file(s) could not be read and are not shown</source>
        <translation>
            <numerusform>有 %n 个文件无法读取，未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n object(s) are not images (reports, key images, display settings) and are not shown as images</source>
        <translation>
            <numerusform>有 %n 个对象不是图像（报告、关键图像、显示设置），不作为图像显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Images in %1 different orientations: shown one by one as 2D images (no MPR or 3D)</source>
        <translation>图像有 %1 种不同方位：逐幅以二维图像显示（不能做 MPR 或三维重建）</translation>
    </message>
    <message numerus="yes">
        <source>Images of different sizes (%1 groups): the largest group (%2 × %3) is shown, %n other image(s) are not</source>
        <translation>
            <numerusform>图像尺寸不一（共 %1 组）：显示最大的一组（%2 × %3），其余 %n 幅图像未显示</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Images in several orientations (%1 groups): the largest group is shown, %n other image(s) are not</source>
        <translation>
            <numerusform>图像方位不一（共 %1 组）：显示最大的一组，其余 %n 幅图像未显示</numerusform>
        </translation>
    </message>
    <message>
        <source>Some images have no position in their header: ordered by image number</source>
        <translation>部分图像的文件头中没有位置信息：按图像编号排序</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) appear twice at the same position: the first of each is shown</source>
        <translation>
            <numerusform>有 %n 个层面在同一位置重复出现：每处只显示第一幅</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Slices missing: a gap of %1 mm after image %2 (slice spacing %3 mm; about %n slice(s) missing)</source>
        <translation>
            <numerusform>层面缺失：第 %2 幅图像之后有 %1 mm 的间隙（层间距 %3 mm，约缺 %n 层）</numerusform>
        </translation>
    </message>
    <message>
        <source>Uneven slice spacing (%1 to %2 mm): MPR and 3D use %3 mm</source>
        <translation>层间距不均匀（%1–%2 mm）：MPR 和三维重建按 %3 mm 计算</translation>
    </message>
    <message>
        <source>Gantry tilt of %1°: the slices are sheared; MPR and 3D shift them onto a straight grid</source>
        <translation>机架倾斜 %1°：层面存在错位，MPR 和三维重建会将其校正到正交网格</translation>
    </message>
    <message>
        <source>No pixel spacing in the header: distances are in pixels, not mm</source>
        <translation>文件头中没有像素间距：测量距离以像素计，而非毫米</translation>
    </message>
    <message numerus="yes">
        <source>%n slice(s) could not be decoded and are shown blank</source>
        <translation>
            <numerusform>%n 个层面无法解码，显示为空白</numerusform>
        </translation>
    </message>
    <message>
        <source>The series needs %1 MB, more than the %2 MB of memory for images: one slice in %3 is loaded (%4 of %5; see Settings, Memory for images)</source>
        <translation>该序列需要 %1 MB，超过为影像设定的 %2 MB 内存：每 %3 层只加载 1 层（已加载 %4/%5 层；可在“设置 - 影像内存”中调整）</translation>
    </message>
    <message>
        <source>belongs to another group of images (different size or orientation)</source>
        <translation>属于另一组图像（尺寸或方位不同）</translation>
    </message>
    <message>
        <source>same position as another slice (a duplicate)</source>
        <translation>与另一层面位置相同（重复层面）</translation>
    </message>
    <message>
        <source>a segmentation, drawn over the images</source>
        <translation>分割对象，叠加显示在图像上</translation>
    </message>
    <message>
        <source>text burned into the pixels may name the patient: not exported anonymised</source>
        <translation>像素中的嵌入文字可能含有患者身份信息：未以匿名方式导出</translation>
    </message>
    <message>
        <source>listed in the disc index (DICOMDIR) but not on the disc</source>
        <translation>光盘索引（DICOMDIR）中列出，但光盘上没有该文件</translation>
    </message>
    <message>
        <source>no such file or folder</source>
        <translation>文件或文件夹不存在</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
</context>
<context>
    <name>ServerSignIn</name>
    <message>
        <source>Sign in to the regional server</source>
        <translation>登录区域服务器</translation>
    </message>
    <message>
        <source>Server</source>
        <translation>服务器</translation>
    </message>
    <message>
        <source>Another address here holds for this sign-in only; change the saved address in Settings.</source>
        <translation>此处填写的其他地址仅用于本次登录；如需更改保存的地址，请到“设置”中修改。</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>用户名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>密码</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>登录</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
    <message>
        <source> pt</source>
        <translation> 磅</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>浏览…</translation>
    </message>
    <message>
        <source>Automatic (screen DPI)</source>
        <translation>自动（屏幕 DPI）</translation>
    </message>
    <message>
        <source>Regional server URL</source>
        <translation>区域服务器地址</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>语言</translation>
    </message>
    <message>
        <source>Text size</source>
        <translation>文字大小</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>数据文件夹</translation>
    </message>
    <message>
        <source>ECG screen calibration</source>
        <translation>心电图屏幕校准</translation>
    </message>
    <message>
        <source>Memory for images</source>
        <translation>影像内存</translation>
    </message>
    <message>
        <source>A new data folder takes effect after restarting Huizhen.</source>
        <translation>新的数据文件夹在重启会诊后生效。</translation>
    </message>
    <message>
        <source>The server URL must start with http:// or https://</source>
        <translation>服务器地址必须以 http:// 或 https:// 开头</translation>
    </message>
    <message>
        <source>Automatic (%1 MB)</source>
        <translation>自动（%1 MB）</translation>
    </message>
    <message>
        <source>Decoded CT/MR slices and images kept in memory. Automatic: half the computer&apos;s memory minus 512 MB. A larger series is loaded every n-th slice and the viewer says so.</source>
        <translation>保留在内存中的已解码 CT/MR 层面和图像。自动：本机内存的一半减去 512 MB。超出此容量的序列将每隔 n 层加载一层，并在阅片器中提示。</translation>
    </message>
</context>
<context>
    <name>Startup</name>
    <message>
        <source>Huizhen</source>
        <translation>会诊</translation>
    </message>
    <message>
        <source>The local database could not be opened:
%1

Check the data folder in the settings file or ask your IT contact.</source>
        <translation>无法打开本地数据库：
%1

请检查设置文件中的数据文件夹，或联系信息科。</translation>
    </message>
</context>
<context>
    <name>StudyDescriptions</name>
    <message>
        <source>ECG</source>
        <translation>心电图</translation>
    </message>
    <message>
        <source>ECG (%1)</source>
        <translation>心电图（%1）</translation>
    </message>
    <message>
        <source>12-lead ECG</source>
        <translation>12 导联心电图</translation>
    </message>
    <message>
        <source>General ECG</source>
        <translation>常规心电图</translation>
    </message>
    <message>
        <source>Ambulatory ECG</source>
        <translation>动态心电图</translation>
    </message>
    <message>
        <source>General 32-bit ECG</source>
        <translation>常规心电图（32 位）</translation>
    </message>
    <message>
        <source>ECG %1 leads, %2 Hz</source>
        <translation>心电图 %1 导联，%2 Hz</translation>
    </message>
    <message>
        <source>ECG %1 leads, %2 Hz (%3 non-ECG channels left out)</source>
        <translation>心电图 %1 导联，%2 Hz（已排除 %3 个非心电通道）</translation>
    </message>
    <message>
        <source>ECG %1 channels, %2 Hz</source>
        <translation>心电图 %1 通道，%2 Hz</translation>
    </message>
    <message>
        <source>Fundus photograph</source>
        <translation>眼底照相</translation>
    </message>
    <message>
        <source>Whole-slide image %1x%2</source>
        <translation>全切片图像 %1×%2</translation>
    </message>
    <message>
        <source>%1x objective</source>
        <translation>%1 倍物镜</translation>
    </message>
    <message>
        <source>%1 µm/pixel</source>
        <translation>%1 µm/像素</translation>
    </message>
    <message>
        <source>, </source>
        <translation>，</translation>
    </message>
</context>
<context>
    <name>SyncExtension</name>
    <message>
        <source>Sign in to &amp;server…</source>
        <translation>登录服务器(&amp;S)…</translation>
    </message>
    <message>
        <source>S&amp;ync now</source>
        <translation>立即同步(&amp;Y)</translation>
    </message>
    <message>
        <source>Open &amp;link…</source>
        <translation>打开链接(&amp;L)…</translation>
    </message>
    <message>
        <source>Request &amp;consultation…</source>
        <translation>申请会诊(&amp;C)…</translation>
    </message>
    <message>
        <source>Sync c&amp;onflicts…</source>
        <translation>同步冲突(&amp;O)…</translation>
    </message>
    <message>
        <source>Sync: synced %1</source>
        <translation>同步：已同步 %1</translation>
    </message>
    <message>
        <source>Sync: connecting…</source>
        <translation>同步：正在连接…</translation>
    </message>
    <message>
        <source>Sync: offline: server not reachable</source>
        <translation>同步：离线：无法连接服务器</translation>
    </message>
    <message>
        <source>Sync: login expired — sign in again</source>
        <translation>同步：登录已过期——请重新登录</translation>
    </message>
    <message>
        <source>Sync: error: %1</source>
        <translation>同步：错误：%1</translation>
    </message>
    <message>
        <source>Sync: not signed in to the server</source>
        <translation>同步：未登录服务器</translation>
    </message>
    <message>
        <source>%1 waiting to send</source>
        <translation>%1 项待发送</translation>
    </message>
    <message>
        <source>%1 refused by the server</source>
        <translation>%1 项被服务器拒绝</translation>
    </message>
    <message>
        <source>%1 conflict(s)</source>
        <translation>%1 个冲突</translation>
    </message>
    <message>
        <source>Server: %1</source>
        <translation>服务器：%1</translation>
    </message>
    <message>
        <source>Last error: %1</source>
        <translation>上次错误：%1</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>正在登录…</translation>
    </message>
    <message>
        <source>Signed in to %1 as %2</source>
        <translation>已以 %2 身份登录 %1</translation>
    </message>
    <message>
        <source>Working offline: %1 Use File &gt; Sign in to server… to retry.</source>
        <translation>离线工作：%1 可通过“文件 &gt; 登录服务器…”重试。</translation>
    </message>
    <message>
        <source>Not signed in to the server: it asks for a new password first (File &gt; Sign in to server…).</source>
        <translation>未登录服务器：服务器要求先设置新密码（文件 &gt; 登录服务器…）。</translation>
    </message>
    <message>
        <source>Server changed to %1: sign in to it (File &gt; Sign in to server…).</source>
        <translation>服务器已改为 %1：请登录该服务器（文件 &gt; 登录服务器…）。</translation>
    </message>
    <message>
        <source>Wrong user name or password for the server.</source>
        <translation>服务器用户名或密码错误。</translation>
    </message>
    <message>
        <source>The server could not be reached: %1</source>
        <translation>无法连接服务器：%1</translation>
    </message>
    <message>
        <source>Check the server address: %1</source>
        <translation>请检查服务器地址：%1</translation>
    </message>
    <message>
        <source>The server refused: %1</source>
        <translation>服务器拒绝：%1</translation>
    </message>
    <message>
        <source>Select or open a case first.</source>
        <translation>请先选择或打开一个病例。</translation>
    </message>
    <message>
        <source>The case could not be read: %1</source>
        <translation>无法读取病例：%1</translation>
    </message>
    <message>
        <source>Consultation request saved; sending it now.</source>
        <translation>会诊申请已保存，正在发送。</translation>
    </message>
    <message>
        <source>Consultation request saved; it is sent when the server is reachable.</source>
        <translation>会诊申请已保存，将在可连接服务器时发送。</translation>
    </message>
    <message>
        <source>The report could not be queued for the server: %1</source>
        <translation>报告未能加入服务器发送队列：%1</translation>
    </message>
    <message>
        <source>Open link</source>
        <translation>打开链接</translation>
    </message>
    <message>
        <source>Paste a huizhen://case/… link:</source>
        <translation>粘贴 huizhen://case/… 链接：</translation>
    </message>
    <message>
        <source>This is not a Huizhen case link (huizhen://case/…).</source>
        <translation>这不是会诊病例链接（huizhen://case/…）。</translation>
    </message>
    <message>
        <source>This link belongs to the server %1; this workstation uses %2.</source>
        <translation>此链接属于服务器 %1；本工作站使用 %2。</translation>
    </message>
    <message>
        <source>This case is not on this computer (it has not been sent yet).</source>
        <translation>本机没有此病例（尚未发送）。</translation>
    </message>
    <message>
        <source>This case is not on this computer. Sign in to the server.</source>
        <translation>本机没有此病例。请登录服务器。</translation>
    </message>
    <message>
        <source>Fetching the case from the server…</source>
        <translation>正在从服务器获取病例…</translation>
    </message>
    <message>
        <source>The files of this case are on the server; sign in to get them.</source>
        <translation>此病例的文件在服务器上；请登录后获取。</translation>
    </message>
    <message>
        <source>Downloading the case files from the server…</source>
        <translation>正在从服务器下载病例文件…</translation>
    </message>
    <message>
        <source>Case files downloaded.</source>
        <translation>病例文件已下载。</translation>
    </message>
    <message>
        <source>The case files could not be downloaded: %1</source>
        <translation>无法下载病例文件：%1</translation>
    </message>
</context>
<context>
    <name>TimelineStrip</name>
    <message>
        <source>Regional server: no AI pre-read. Your clinic subscribes to no AI product for this kind of examination (the regional AI platform&apos;s administrator can add one).</source>
        <translation>区域服务器：未做 AI 预读。本机构未订阅此类检查的 AI 产品（可请区域 AI 平台管理员开通）。</translation>
    </message>
    <message>
        <source>Regional server: its AI pre-read failed on this case; read it without AI.</source>
        <translation>区域服务器：本病例的 AI 预读失败，请在无 AI 辅助下阅片。</translation>
    </message>
    <message>
        <source>Critical alert (%3) acknowledged by %1 at %2</source>
        <translation>危急值警报（%3）已由 %1 于 %2 确认</translation>
    </message>
    <message>
        <source>another user</source>
        <translation>其他用户</translation>
    </message>
    <message>
        <source>Consultation (%1, %2):</source>
        <translation>会诊（%1，%2）：</translation>
    </message>
</context>
<context>
    <name>WorklistModel</name>
    <message>
        <source>Priority</source>
        <translation>优先级</translation>
    </message>
    <message>
        <source>Patient</source>
        <translation>患者</translation>
    </message>
    <message>
        <source>Patient ID</source>
        <translation>患者编号</translation>
    </message>
    <message>
        <source>Sex/Age</source>
        <translation>性别/年龄</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Study time</source>
        <translation>检查时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>AI pre-read</source>
        <translation>AI 预读</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>描述</translation>
    </message>
    <message>
        <source>AI output, not a diagnosis: %1</source>
        <translation>AI 输出，非诊断结论：%1</translation>
    </message>
    <message>
        <source>Patient to be assigned</source>
        <translation>待指定患者</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>（无姓名）</translation>
    </message>
</context>
<context>
    <name>WorklistPanel</name>
    <message>
        <source>Search patient name or ID…</source>
        <translation>搜索患者姓名或编号…</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All modalities</source>
        <translation>全部检查类型</translation>
    </message>
    <message>
        <source>All priorities</source>
        <translation>全部优先级</translation>
    </message>
    <message>
        <source>Any date</source>
        <translation>任意日期</translation>
    </message>
    <message>
        <source>Today</source>
        <translation>今天</translation>
    </message>
    <message>
        <source>Last 7 days</source>
        <translation>近 7 天</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>近 30 天</translation>
    </message>
    <message>
        <source>Last year</source>
        <translation>近一年</translation>
    </message>
    <message>
        <source>%1 of %2 cases</source>
        <translation>%1 / %2 个病例</translation>
    </message>
</context>
</TS>
