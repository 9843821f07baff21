<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>AiProductsDialog</name>
    <message>
        <source>AI products of this clinic</source>
        <translation>AI products of this clinic</translation>
    </message>
    <message>
        <source>AI product</source>
        <translation>AI product</translation>
    </message>
    <message>
        <source>Modality</source>
        <translation>Modality</translation>
    </message>
    <message>
        <source>Vendor</source>
        <translation>Vendor</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>Runs</source>
        <translation>Runs</translation>
    </message>
    <message>
        <source>Intended use</source>
        <translation>Intended use</translation>
    </message>
    <message>
        <source>Clinical use</source>
        <translation>Clinical use</translation>
    </message>
    <message>
        <source>Ask the server again</source>
        <translation>Ask the server again</translation>
    </message>
    <message>
        <source>No subscription list from the regional server yet: the built-in analyzers of this workstation are in use.</source>
        <translation>No subscription list from the regional server yet: the built-in analyzers of this workstation are in use.</translation>
    </message>
    <message>
        <source>This workstation belongs to the regional hospital: every built-in analyzer is in use here; subscriptions are managed for the clinics.</source>
        <translation>This workstation belongs to the regional hospital: every built-in analyzer is in use here; subscriptions are managed for the clinics.</translation>
    </message>
    <message>
        <source>Subscriptions of this clinic, from %1 at %2.</source>
        <translation>Subscriptions of this clinic, from %1 at %2.</translation>
    </message>
    <message>
        <source>Offline: the regional server could not be reached; the list fetched at %1 is shown. Built-in analyzers stay usable in this workstation; remote products run locally where they have a local model, otherwise they are not run.</source>
        <translation>Offline: the regional server could not be reached; the list fetched at %1 is shown. Built-in analyzers stay usable in this workstation; remote products run locally where they have a local model, otherwise they are not run.</translation>
    </message>
    <message>
        <source>in this workstation</source>
        <translation>in this workstation</translation>
    </message>
    <message>
        <source>remote: %1 (%2)</source>
        <translation>remote: %1 (%2)</translation>
    </message>
    <message>
        <source>if unreachable: runs locally</source>
        <translation>if unreachable: runs locally</translation>
    </message>
    <message>
        <source>if unreachable: not run</source>
        <translation>if unreachable: not run</translation>
    </message>
    <message>
        <source>Not for clinical use</source>
        <translation>Not for clinical use</translation>
    </message>
    <message>
        <source>Clinical use as licensed</source>
        <translation>Clinical use as licensed</translation>
    </message>
</context>
<context>
    <name>AiProductsExtension</name>
    <message>
        <source>AI products of this clinic…</source>
        <translation>AI products of this clinic…</translation>
    </message>
</context>
<context>
    <name>RemoteAiNotice</name>
    <message>
        <source>Remote AI unavailable: not run for %1 case(s); they stay in the worklist for manual review.</source>
        <translation>Remote AI unavailable: not run for %1 case(s); they stay in the worklist for manual review.</translation>
    </message>
    <message>
        <source>Remote AI unavailable: %1 ran locally for %2 case(s).</source>
        <translation>Remote AI unavailable: %1 ran locally for %2 case(s).</translation>
    </message>
</context>
</TS>
