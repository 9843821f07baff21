<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN" sourcelanguage="en">
<context>
    <name>AiProductsDialog</name>
    <message>
        <source>AI products of this clinic</source>
        <translation>本机构的 AI 产品</translation>
    </message>
    <message>
        <source>AI product</source>
        <translation>AI 产品</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>检查类型</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>厂商</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>版本</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>运行位置</translation>
    </message>
    <message>
        <source>Intended use</source>
        <translation>预期用途</translation>
    </message>
    <message>
        <source>Clinical use</source>
        <translation>临床使用</translation>
    </message>
    <message>
        <source>Ask the server again</source>
        <translation>重新向服务器获取</translation>
    </message>
    <message>
        <source>No subscription list from the regional server yet: the built-in analyzers of this workstation are in use.</source>
        <translation>尚未从区域服务器获取订阅列表：当前使用本工作站内置的分析程序。</translation>
    </message>
    <message>
        <source>This workstation belongs to the regional hospital: every built-in analyzer is in use here; subscriptions are managed for the clinics.</source>
        <translation>本工作站属于区域中心医院：此处使用全部内置分析程序；订阅仅针对各基层机构管理。</translation>
    </message>
    <message>
        <source>Subscriptions of this clinic, from %1 at %2.</source>
        <translation>本机构的订阅（来自 %1，获取于 %2）。</translation>
    </message>
    <message>
        <source>Offline: the regional server could not be reached; the list fetched at %1 is shown. Built-in analyzers stay usable in this workstation; remote products run locally where they have a local model, otherwise they are not run.</source>
        <translation>离线：无法连接区域服务器，显示 %1 获取的列表。本工作站内置的分析程序仍可使用；远程产品如有本地模型则在本地运行，否则不运行。</translation>
    </message>
    <message>
        <source>in this workstation</source>
        <translation>本工作站</translation>
    </message>
    <message>
        <source>remote: %1 (%2)</source>
        <translation>远程：%1（%2）</translation>
    </message>
    <message>
        <source>if unreachable: runs locally</source>
        <translation>无法连接时：在本地运行</translation>
    </message>
    <message>
        <source>if unreachable: not run</source>
        <translation>无法连接时：不运行</translation>
    </message>
    <message>
        <source>Not for clinical use</source>
        <translation>不得用于临床</translation>
    </message>
    <message>
        <source>Clinical use as licensed</source>
        <translation>按许可用于临床</translation>
    </message>
</context>
<context>
    <name>AiProductsExtension</name>
    <message>
        <source>AI products of this clinic…</source>
        <translation>本机构的 AI 产品…</translation>
    </message>
</context>
<context>
    <name>RemoteAiNotice</name>
    <message>
        <source>Remote AI unavailable: not run for %1 case(s); they stay in the worklist for manual review.</source>
        <translation>远程 AI 不可用：%1 个病例未运行 AI，仍保留在工作列表中待人工阅读。</translation>
    </message>
    <message>
        <source>Remote AI unavailable: %1 ran locally for %2 case(s).</source>
        <translation>远程 AI 不可用：%1 已在本地为 %2 个病例运行。</translation>
    </message>
</context>
</TS>
